/**
 * Claims and their provenance: the chain from the article out to the original speaker, who said
 * it first, where else it appears, what supports or contradicts it, and its grade.
 */
import { builder } from './builder.js';
import { CHAIN_FIELDS, selects } from './lookahead.js';
import { agentByKey, existingAgents } from '../graph/agents.js';
import { articleByKey, existingArticle } from '../graph/articles.js';
import {
  agentKeysAbout,
  appearancesOf,
  chainOf,
  claimByKey,
  claimSearchList,
  claimWithChain,
  claimsByKeys,
  existingClaim,
  gradeFactors,
  historyOf,
  relatedOf,
  type AppearanceRow,
  type ClaimRow,
  type RelatedRow,
  type RevisionRow,
  type TellingRow,
} from '../graph/claims.js';
import { AgentRef, ArticleRef, ClaimConnection, ClaimRef } from './refs.js';
import {
  EvidenceRef,
  TimeRefRef,
  evidenceOf,
  keysetConnection,
  saidOf,
  statusesFor,
  timeOf,
  STATUS_DEFAULT,
  claimNodes,
} from './common.js';
import {
  ClaimKindEnum,
  ClaimOrderEnum,
  ClaimStatusEnum,
  DateMatchEnum,
  DirectionEnum,
  GradeFactorNameEnum,
  HopRoleEnum,
  RelationTypeEnum,
  WordingOpEnum,
} from './enums.js';
import type { FactorName } from '../domain/grading.js';
import { buildClaimListQuery, claimOrdering, readClaimList, type ClaimFilter } from '../graph/claim-list.js';
import { labelOfRow } from './values.js';
import { agentRefs } from './agent-refs.js';
import { gradingConfig } from '../graph/grading.js';
import { toLuceneQuery } from '../graph/lucene.js';
import { wordingDiff, type WordingChange } from '../domain/wording-diff.js';
import { FALLBACK_TIME } from '../domain/time.js';
import type { TimeShape } from './common.js';
import type { Context } from './context.js';

/** A saying time the graph does not hold: unknown, labelled with the article's date when known. */
function fallbackTime(publishedAt: string | null): TimeShape {
  return { ...FALLBACK_TIME, start: null, end: null, publishedAt };
}

/** An agent a row names that must exist (a hop's teller, an origin): its absence is a broken graph. */
async function existingAgent(ctx: Context, key: string | null, what: string) {
  const agent = key === null ? null : await agentByKey(ctx.loaders, key);
  if (!agent) throw new Error(`${what} ${String(key)} missing`);
  return agent;
}

interface HopShape {
  telling: TellingRow;
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
      resolve: (h, _a, ctx) => existingAgent(ctx, h.telling.agentKey, 'hop agent'),
    }),
    addressee: t.field({
      type: AgentRef,
      nullable: true,
      description: 'To whom it was told, when the article says ("told US envoy Tom Barrack").',
      resolve: (h, _a, ctx) =>
        h.telling.addresseeKey === null ? null : agentByKey(ctx.loaders, h.telling.addresseeKey),
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
  chain: TellingRow[];
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

const WordingChangeRef = builder.objectRef<WordingChange>('WordingChange').implement({
  description: 'A run of words kept, inserted or deleted between two wordings.',
  fields: (t) => ({
    op: t.field({ type: WordingOpEnum, resolve: (w) => w.op }),
    text: t.exposeString('text'),
  }),
});

export const RelatedClaimRef = builder.objectRef<RelatedRow>('RelatedClaim').implement({
  description: 'A claim related to this one, and how.',
  fields: (t) => ({
    type: t.expose('type', { type: RelationTypeEnum }),
    direction: t.expose('direction', {
      type: DirectionEnum,
      description:
        'OUTGOING: this claim supports/contradicts the other; INCOMING: the other acts on this one.',
    }),
    note: t.exposeString('note', { nullable: true }),
    claim: t.field({ type: ClaimRef, resolve: (r, _a, ctx) => existingClaim(ctx.loaders, r.claimKey) }),
    wordingDiff: t.field({
      type: [WordingChangeRef],
      description:
        "Word-level difference from this claim's wording (quote, else text) to the other's: what changed " +
        'between two wordings of one statement.',
      resolve: (r) => wordingDiff(r.ownWording ?? '', r.otherWording ?? ''),
    }),
  }),
});

const GradeFactorRef = builder
  .objectRef<{ factor: FactorName; effect: number; detail: string }>('GradeFactor')
  .implement({
    description: 'One reason a grade went up or down.',
    fields: (t) => ({
      factor: t.field({ type: GradeFactorNameEnum, resolve: (x) => x.factor, description: 'Which reason.' }),
      effect: t.exposeFloat('effect', { description: 'Signed change it made to the confidence.' }),
      detail: t.exposeString('detail', { description: 'The reason in words.' }),
    }),
  });

const GradeRef = builder.objectRef<ClaimRow>('Grade').implement({
  description:
    'How far to trust a claim, and why: Admiralty information credibility and a confidence in [0, 1].',
  fields: (t) => ({
    credibility: t.exposeInt('credibility', {
      nullable: true,
      description:
        '1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged.',
    }),
    confidence: t.exposeFloat('confidence', {
      nullable: true,
      description: "Confidence in [0, 1]; null when not graded (drafts, the outlet's own analysis).",
    }),
    factors: t.field({
      type: [GradeFactorRef],
      description: 'Every factor that raised or lowered the grade, in the order applied.',
      resolve: (c) => gradeFactors(c),
    }),
  }),
});

const RevisionRef = builder.objectRef<RevisionRow>('Revision').implement({
  description: "One change in a claim's history.",
  fields: (t) => ({
    version: t.exposeInt('version'),
    at: t.exposeString('at', { description: 'When (ISO date-time).' }),
    by: t.string({
      description: 'Who: an ingest, or an API key fingerprint.',
      resolve: (r) => r.by ?? 'unknown',
    }),
    change: t.exposeString('change', { description: 'created, updated, accepted, rejected, assessed, ...' }),
    via: t.exposeString('via', { nullable: true, description: 'ingest or api.' }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

/** A claim a row names that must exist (a relation's other end, an appearance's claim). */
export function loadClaim(ctx: Context, key: string): Promise<ClaimRow> {
  return existingClaim(ctx.loaders, key);
}

builder.node(ClaimRef, {
  description: 'One proposition reported in an article, with its verbatim quote when there is one.',
  id: { resolve: (c) => c.key },
  isTypeOf: (v) => labelOfRow(v) === 'Claim',
  loadMany: (keys, ctx) => claimsByKeys(ctx.loaders, keys),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key "<article id>#<claim id>".' }),
    text: t.exposeString('text', { description: 'The proposition in plain words.' }),
    quote: t.exposeString('quote', {
      nullable: true,
      description: 'The verbatim quotation, exactly as printed.',
    }),
    kind: t.expose('kind', { type: ClaimKindEnum }),
    status: t.expose('status', { type: ClaimStatusEnum }),
    hedges: t.exposeStringList('hedges', { description: 'Hedging words as printed ("reportedly").' }),
    outletAnalysis: t.exposeBoolean('outletAnalysis', {
      description: "The outlet's own analysis or opinion: not graded as a sourced fact.",
    }),
    time: t.field({
      type: TimeRefRef,
      nullable: true,
      description: 'The time the claim refers to.',
      resolve: (c) => timeOf(c),
    }),
    saidAt: t.expose('saidAt', {
      type: 'Date',
      description:
        "Sort day: the earliest day the original speaker may have said it, else the latest; the article's date when " +
        'the text does not date it at all. Read `said` for how it is known and how exactly.',
      deprecationReason:
        "Silently the article's date when the text does not date the saying: use `said` (basis, precision, earliest, latest).",
    }),
    said: t.field({
      type: TimeRefRef,
      description:
        'When the original speaker said it: stated in the text, relative to another event ("previously", "days ' +
        'later"), the publication itself (the outlet\'s own words), or a fallback (unknown: the text does not say; ' +
        "date filters never treat it as the article's date).",
      resolve: async (c, _a, ctx) => {
        const publishedAt = (await articleByKey(ctx.loaders, c.articleKey))?.publishedAt ?? null;
        return saidOf(c, publishedAt) ?? fallbackTime(publishedAt);
      },
    }),
    evidence: t.field({
      type: EvidenceRef,
      description: 'Where the claim stands in the article.',
      resolve: (c) => evidenceOf(c) ?? { start: 0, end: 0, text: '' },
    }),
    version: t.exposeInt('version', {
      description: 'Increases with every change; pass it back when editing.',
    }),
    updatedAt: t.exposeString('updatedAt', {
      nullable: true,
      description: 'When the content last changed (ISO date-time).',
    }),
    extractionConfidence: t.exposeFloat('extractionConfidence', {
      nullable: true,
      description: 'For drafts: how sure the extractor was.',
    }),
    article: t.field({
      type: ArticleRef,
      resolve: (c, _a, ctx) => existingArticle(ctx.loaders, c.articleKey),
    }),
    provenance: t.field({
      type: ProvenanceRef,
      description: 'The attribution chain, its origin and depth, and who said it first.',
      resolve: async (c, _a, ctx) => ({ claim: c, chain: await chainOf(ctx.loaders, c.key) }),
    }),
    speaker: t.field({
      type: AgentRef,
      description: 'The original speaker: the origin of the chain.',
      resolve: async (c, _a, ctx) => {
        const chain = await chainOf(ctx.loaders, c.key);
        return existingAgent(ctx, chain.at(-1)?.agentKey ?? null, 'speaker');
      },
    }),
    about: t.field({
      type: [AgentRef],
      description: 'Actors and sources the claim refers to (places and events: see aboutPlaces, events).',
      resolve: async (c, _a, ctx) => existingAgents(ctx.loaders, await agentKeysAbout(ctx.loaders, c.key)),
    }),
    related: t.field({
      type: [RelatedClaimRef],
      description: 'Claims that support, contradict or restate this one (both directions).',
      args: { types: t.arg({ type: [RelationTypeEnum], required: false }) },
      resolve: (c, args, ctx) => relatedOf(ctx.loaders, c.key, args.types ?? null),
    }),
    grade: t.field({
      type: GradeRef,
      description: 'The grade and every factor behind it.',
      resolve: (c) => c,
    }),
    history: t.field({
      type: [RevisionRef],
      description: 'Who changed what, when: oldest first.',
      resolve: (c, _a, ctx) => historyOf(ctx.loaders, c.key),
    }),
  }),
});

const ClaimFilterInput = builder.inputType('ClaimFilter', {
  description: 'Filters for the claims list; all given filters must hold.',
  fields: (t) => ({
    speaker: t.string({
      description:
        'The original speaker (origin of the chain): a key, or a name or alias as printed ("Trump").',
    }),
    about: t.string({ description: 'Key of an actor, place, event or source the claim refers to.' }),
    source: t.string({
      description: 'A source, outlet or actor anywhere in the chain: a key, or a name or alias as printed.',
    }),
    article: t.string({ description: 'Key of the article ("article:<id>").' }),
    kinds: t.field({ type: [ClaimKindEnum] }),
    anonymous: t.boolean({ description: 'true: at least one unnamed link in the chain; false: none.' }),
    saidFrom: t.field({
      type: 'Date',
      description:
        'Said on or after this date (by `said`: an approximate time matches by its range, as `saidMatch` says; an ' +
        'unknown one only with `includeUndated`).',
    }),
    saidTo: t.field({ type: 'Date', description: 'Said on or before this date (as `saidFrom`).' }),
    saidMatch: t.field({
      type: DateMatchEnum,
      description: 'How `saidFrom`/`saidTo` match an approximate time: OVERLAPS (default) or WITHIN.',
    }),
    includeUndated: t.boolean({
      description:
        "With `saidFrom`/`saidTo`: also list claims whose saying time is unknown (only the article's date is known). Default false.",
    }),
    confidenceMin: t.float(),
    confidenceMax: t.float(),
    includeDrafts: t.boolean({ description: 'Also list drafts (default false).' }),
    // Triage (issue 14).
    graded: t.boolean({
      description: "true: graded with a confidence; false: not graded (the outlet's analysis).",
    }),
    outletAnalysis: t.boolean({
      description: "true: only the outlet's own analysis; false: only sourced claims.",
    }),
    hedged: t.boolean({
      description: 'true: hedged by words ("reportedly") or by a hedging role ("hinted"); false: neither.',
    }),
    addressee: t.string({
      description: 'Some link was addressed to this actor or source: a key, or a name or alias as printed.',
    }),
    anonymousDepth: t.int({ description: 'At least this many unnamed links in the chain.' }),
  }),
});

builder.queryFields((t) => ({
  claim: t.field({
    type: ClaimRef,
    nullable: true,
    description: 'A claim by key ("noonpost-7628#trump-predicts-deal-close").',
    args: { key: t.arg.string({ required: true }) },
    // One round trip for claim and chain when the request asks for provenance or speaker.
    resolve: (_r, { key }, ctx, info) =>
      selects(info, [], CHAIN_FIELDS) ? claimWithChain(ctx.loaders, key) : claimByKey(ctx.loaders, key),
  }),
  claims: t.connection(
    {
      type: ClaimRef,
      description: 'Claims, filtered and sorted.',
      args: {
        filter: t.arg({ type: ClaimFilterInput, required: false }),
        orderBy: t.arg({ type: ClaimOrderEnum, required: false, defaultValue: 'SAID_AT_DESC' }),
      },
      resolve: async (_r, args, ctx, info) => {
        const f = args.filter ?? {};
        const [speakerKey, sourceKey, addresseeKey] = await agentRefs(ctx.db, [
          f.speaker,
          f.source,
          f.addressee,
        ]);
        const filter: ClaimFilter = {
          speakerKey,
          aboutKey: f.about,
          sourceKey,
          addresseeKey,
          graded: f.graded,
          outletAnalysis: f.outletAnalysis,
          hedged: f.hedged,
          hedgingRoles: gradingConfig().hedgingRoles,
          anonymousDepthMin: f.anonymousDepth,
          articleKey: f.article,
          kinds: f.kinds,
          anonymous: f.anonymous,
          saidFrom: f.saidFrom,
          saidTo: f.saidTo,
          saidMatch: f.saidMatch,
          includeUndated: f.includeUndated,
          confidenceMin: f.confidenceMin,
          confidenceMax: f.confidenceMax,
          statuses: f.includeDrafts ? ['accepted', 'draft'] : STATUS_DEFAULT,
        };
        const order = args.orderBy ?? 'SAID_AT_DESC';
        return keysetConnection({
          args,
          ctx,
          info,
          ordering: claimOrdering(order),
          fetchPage: (seek) => readClaimList(ctx.db, buildClaimListQuery(filter, order, seek), seek),
          toNodes: claimNodes(ctx, info),
        });
      },
    },
    ClaimConnection,
  ),
  searchClaims: t.connection(
    {
      type: ClaimRef,
      description:
        'Full-text search over claim text and quotes, best match first. Any string is safe to pass.',
      args: {
        query: t.arg.string({ required: true }),
        includeDrafts: t.arg.boolean({ required: false }),
      },
      resolve: (_r, args, ctx, info) =>
        keysetConnection({
          args,
          ctx,
          info,
          ...claimSearchList(ctx.loaders, toLuceneQuery(args.query), statusesFor(args.includeDrafts)),
          toNodes: claimNodes(ctx, info),
        }),
    },
    ClaimConnection,
  ),
}));
