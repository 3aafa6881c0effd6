/**
 * Provenance: the chain from the article out to the original speaker (`Hop`), who said it first
 * across every article carrying the same statement (`Appearance`), and `Claim.provenance` and
 * `Claim.speaker`, which read them.
 */
import { builder } from './builder.js';
import { agentByKey } from '../graph/agents.js';
import { existingArticle } from '../graph/articles.js';
import {
  appearancesOf,
  chainOf,
  existingClaim,
  type AppearanceRow,
  type ChainHopRow,
  type ClaimRow,
} from '../graph/claims.js';
import { AgentRef, ArticleRef, ClaimRef } from './refs.js';
import { EvidenceRef, TimeRefRef, evidenceOf, fallbackTime, saidOf, timeOf } from './time.js';
import { HopRoleEnum } from './enums.js';
import type { Context } from './context.js';

/** An agent a row names that must exist (a hop's teller, an origin): its absence is a broken graph. */
async function existingAgent(ctx: Context, key: string | null, what: string) {
  const agent = key === null ? null : await agentByKey(ctx.loaders, key);
  if (!agent) throw new Error(`${what} ${String(key)} missing`);
  return agent;
}

interface HopShape {
  telling: ChainHopRow;
}
const HopRef = builder.objectRef<HopShape>('Hop').implement({
  description:
    'One link of an attribution chain: who told the claim at this link, in what role, to whom, when, ' +
    "and the article's words that show it. Hop 0 is the article itself (its publisher).",
  fields: (t) => ({
    position: t.int({
      description: '0 for the article, counting outwards to the origin.',
      resolve: (h) => h.telling.hop,
    }),
    role: t.field({
      type: HopRoleEnum,
      description: 'How this teller passed the claim on (PUBLISHED for the article itself).',
      resolve: (h) => h.telling.role,
    }),
    agent: t.field({
      type: AgentRef,
      description: 'Who tells at this link.',
      // The agent read with the chain (the part the request asks for), else by key.
      resolve: (h, _a, ctx) => h.telling.agent ?? existingAgent(ctx, h.telling.agentKey, 'hop agent'),
    }),
    addressee: t.field({
      type: AgentRef,
      nullable: true,
      description: 'To whom it was told, when the article says ("told US envoy Tom Barrack").',
      resolve: (h, _a, ctx) =>
        h.telling.addresseeKey === null
          ? null
          : (h.telling.addressee ?? agentByKey(ctx.loaders, h.telling.addresseeKey)),
    }),
    anonymous: t.boolean({
      description: 'True when the article does not name this teller.',
      resolve: (h) => h.telling.anonymous,
    }),
    isOrigin: t.boolean({
      description: 'True for the last link: who said it first.',
      resolve: (h) => h.telling.isOrigin,
    }),
    time: t.field({
      type: TimeRefRef,
      nullable: true,
      description: 'When this link happened.',
      resolve: (h) => timeOf(h.telling),
    }),
    evidence: t.field({
      type: EvidenceRef,
      nullable: true,
      description: "The article's words showing this link.",
      resolve: (h) => evidenceOf(h.telling),
    }),
  }),
});

const AppearanceRef = builder.objectRef<AppearanceRow>('Appearance').implement({
  description:
    'One telling of the same statement: this claim or a same-statement equivalent, in some article.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (a, _x, ctx) => existingClaim(ctx.loaders, a.claimKey) }),
    article: t.field({
      type: ArticleRef,
      resolve: (a, _x, ctx) => existingArticle(ctx.loaders, a.articleKey),
    }),
    origin: t.field({
      type: AgentRef,
      description: 'Who said it first in that telling.',
      resolve: (a, _x, ctx) => existingAgent(ctx, a.originAgentKey, 'origin agent'),
    }),
    saidAt: t.exposeString('saidAt', {
      description:
        "Sort day of the telling (ISO date): the earliest day it may have been said, else the article's date; `said` tells how it is known.",
    }),
    said: t.field({
      type: TimeRefRef,
      description:
        'When the origin said it, with its basis and precision (unknown when only the article date is known).',
      resolve: (a) => saidOf(a, a.publishedAt) ?? fallbackTime(a.publishedAt),
    }),
    wording: t.string({
      description: 'The quote, or the claim text when there is no quote.',
      resolve: (a) => a.quote ?? a.text ?? '',
    }),
  }),
});

interface ProvenanceShape {
  claim: ClaimRow;
  chain: ChainHopRow[];
}
const ProvenanceRef = builder.objectRef<ProvenanceShape>('Provenance').implement({
  description: 'Who said it first, and through whom it reached the article.',
  fields: (t) => ({
    chain: t.field({
      type: [HopRef],
      description: 'The ordered chain: the article (hop 0), then each teller out to the original speaker.',
      resolve: (p) => p.chain.map((telling) => ({ telling })),
    }),
    origin: t.field({
      type: HopRef,
      description: 'The last link: the original speaker (the outlet itself for its own analysis).',
      resolve: (p) => {
        const origin = p.chain.at(-1);
        if (!origin) throw new Error(`claim ${p.claim.key} has no chain`);
        return { telling: origin };
      },
    }),
    depth: t.int({
      description: "Links between the article and the original speaker (0 for the outlet's own words).",
      resolve: (p) => Math.max(0, p.chain.length - 1),
    }),
    anonymousLinks: t.int({
      description: 'How many links are unnamed.',
      resolve: (p) => p.chain.filter((h) => h.anonymous).length,
    }),
    firstTold: t.field({
      type: AppearanceRef,
      description: 'Who said it first across every article carrying the same statement (earliest telling).',
      resolve: async (p, _a, ctx) => {
        const all = await appearancesOf(ctx.loaders, p.claim.key);
        // No origin telling found (a claim mid-edit): the claim itself, its time unknown.
        const fallback: AppearanceRow = {
          claimKey: p.claim.key,
          articleKey: p.claim.articleKey,
          publishedAt: null,
          saidAt: p.claim.saidAt,
          saidText: null,
          saidBasis: null,
          saidPrecision: null,
          saidEarliest: null,
          saidLatest: null,
          saidAnchorKey: null,
          saidRelation: null,
          originAgentKey: p.chain.at(-1)?.agentKey ?? null,
          quote: null,
          text: p.claim.text,
        };
        return all[0] ?? fallback;
      },
    }),
    otherAppearances: t.field({
      type: [AppearanceRef],
      description: 'The same statement in other articles (linked as SAME_STATEMENT), earliest first.',
      resolve: async (p, _a, ctx) =>
        (await appearancesOf(ctx.loaders, p.claim.key)).filter((a) => a.articleKey !== p.claim.articleKey),
    }),
  }),
});

// Both are CHAIN_FIELDS (lookahead.ts): a request asking for them reads the chains with the claims.
builder.objectFields(ClaimRef, (t) => ({
  provenance: t.field({
    type: ProvenanceRef,
    description: 'The attribution chain, its origin and depth, and who said it first.',
    resolve: async (c, _a, ctx) => ({ claim: c, chain: await chainOf(ctx.loaders, c) }),
  }),
  speaker: t.field({
    type: AgentRef,
    description: 'The original speaker: the origin of the chain.',
    resolve: async (c, _a, ctx) => {
      const chain = await chainOf(ctx.loaders, c);
      return existingAgent(ctx, chain.at(-1)?.agentKey ?? null, 'speaker');
    },
  }),
}));
