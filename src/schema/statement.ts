/**
 * A statement's journey in the API: `Claim.statement` / `statement(claim:)` (every appearance of
 * the statement across outlets by publication time, the first reporter, who cites whom, the lag,
 * whether each appearance is independent, and laundered appearances) and `launderedClaims`.
 * src/domain/statement.ts holds the rules.
 */
import { builder } from './builder.js';
import { articleByKey } from '../graph/articles.js';
import { agentByKey, existingAgents } from '../graph/agents.js';
import { AgentRef, ArticleRef, ClaimRef } from './refs.js';
import { loadClaim } from './claim.js';
import { keysetConnection, statusesFor } from './connection.js';
import { LAUNDERED_ORDERING, launderedPage, statementJourney } from '../graph/statement.js';
import { citedBy, type JourneyStep, type Laundering } from '../domain/statement.js';

const LaunderingRef = builder.objectRef<Laundering>('Laundering').implement({
  description:
    'An appearance that states as fact, or with a weaker hedge, what an earlier appearance of the same ' +
    'statement attributed to an unnamed source or hedged: how a rumour becomes a fact.',
  fields: (t) => ({
    claim: t.field({
      type: ClaimRef,
      description: 'The later appearance.',
      resolve: (l, _a, ctx) => loadClaim(ctx, l.claimKey),
    }),
    earlier: t.field({
      type: ClaimRef,
      description: 'The earlier appearance that carried the attribution or hedge.',
      resolve: (l, _a, ctx) => loadClaim(ctx, l.earlierKey),
    }),
    reason: t.string({ description: 'What was dropped, in words.', resolve: (l) => l.reason }),
  }),
});

const AppearanceRef = builder.objectRef<JourneyStep>('StatementAppearance').implement({
  description: 'One appearance of a statement: a claim of one article, placed in the journey.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (s, _a, ctx) => loadClaim(ctx, s.appearance.claimKey) }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      resolve: (s, _a, ctx) => articleByKey(ctx.loaders, s.appearance.articleKey),
    }),
    publishedAt: t.string({
      description: "The article's publication time.",
      resolve: (s) => s.appearance.publishedAt,
    }),
    publisher: t.field({
      type: AgentRef,
      nullable: true,
      description: 'Who published it (the first agent of its chain).',
      resolve: (s, _a, ctx) => {
        const key = s.appearance.agents[0]?.key;
        return key ? agentByKey(ctx.loaders, key) : null;
      },
    }),
    cites: t.field({
      type: [AgentRef],
      description:
        'Who cites whom: the chain after the publisher, in order (the outlet relayed, the wire, the unnamed ' +
        'source, the original speaker). Empty when the publisher states it on its own authority.',
      resolve: (s, _a, ctx) =>
        existingAgents(
          ctx.loaders,
          citedBy(s.appearance).map((a) => a.key),
        ),
    }),
    lagHours: t.float({
      description: 'Hours since the first appearance was published.',
      resolve: (s) => s.lagHours,
    }),
    independent: t.boolean({
      description:
        'True when no earlier appearance shares its origin (wire story, unnamed or possibly the same unnamed ' +
        'source, original speaker, folded voice).',
      resolve: (s) => s.independent,
    }),
    dependsOn: t.field({
      type: [ClaimRef],
      description: 'Earlier appearances it shares an origin with.',
      resolve: (s, _a, ctx) => Promise.all(s.dependsOn.map((k) => loadClaim(ctx, k))),
    }),
    laundering: t.field({
      type: LaunderingRef,
      nullable: true,
      description: 'Set when it drops or weakens the attribution of an earlier appearance.',
      resolve: (s) => s.laundering,
    }),
  }),
});

const StatementRef = builder.objectRef<JourneyStep[]>('Statement').implement({
  description:
    'One statement across outlets: the claims linked SAME_STATEMENT (accepted links), their appearances in ' +
    'order of publication.',
  fields: (t) => ({
    appearances: t.field({ type: [AppearanceRef], resolve: (steps) => steps }),
    first: t.field({ type: AppearanceRef, nullable: true, resolve: (steps) => steps[0] ?? null }),
    firstReporter: t.field({
      type: AgentRef,
      nullable: true,
      description: 'Who published the statement first.',
      resolve: (steps, _a, ctx) => {
        const key = steps[0]?.appearance.agents[0]?.key;
        return key ? agentByKey(ctx.loaders, key) : null;
      },
    }),
    independentAppearances: t.int({
      description: 'How many appearances are independent origins.',
      resolve: (steps) => steps.filter((s) => s.independent).length,
    }),
    laundered: t.field({
      type: [LaunderingRef],
      resolve: (steps) => steps.flatMap((s) => (s.laundering ? [s.laundering] : [])),
    }),
  }),
});

builder.objectFields(ClaimRef, (t) => ({
  statement: t.field({
    type: StatementRef,
    description:
      'The statement this claim is one appearance of (only itself when nothing is linked SAME_STATEMENT).',
    args: { includeDrafts: t.arg.boolean({ required: false }) },
    resolve: (c, args, ctx) => statementJourney(ctx.loaders, c.key, statusesFor(args.includeDrafts)),
  }),
}));

builder.queryField('statement', (t) =>
  t.field({
    type: StatementRef,
    nullable: true,
    description: 'The statement a claim is one appearance of; null when there is no such claim.',
    args: { claim: t.arg.string({ required: true }), includeDrafts: t.arg.boolean({ required: false }) },
    resolve: async (_r, args, ctx) => {
      const steps = await statementJourney(ctx.loaders, args.claim, statusesFor(args.includeDrafts));
      return steps.length > 0 ? steps : null;
    },
  }),
);

const LaunderingConnection = builder.connectionObject(
  { type: LaunderingRef, name: 'LaunderingConnection', description: 'A page of laundered appearances.' },
  { name: 'LaunderingEdge', description: 'A laundered appearance and its cursor.' },
);

builder.queryField('launderedClaims', (t) =>
  t.connection(
    {
      type: LaunderingRef,
      description:
        'Attribution laundering across every statement with more than one appearance: each appearance that states ' +
        'as fact (or with a weaker hedge) what an earlier one attributed to an unnamed source or hedged; by claim key.',
      resolve: async (_r, args, ctx, info) => {
        const byKey = new Map<string, Laundering>();
        return keysetConnection({
          args,
          ctx,
          info,
          ordering: LAUNDERED_ORDERING,
          fetchPage: async (seek) => {
            const page = await launderedPage(ctx.loaders, statusesFor(false), seek);
            for (const l of page.items) byKey.set(l.claimKey, l);
            return { total: page.total, rows: page.rows };
          },
          toNodes: async (keys) => keys.map((k) => byKey.get(k) ?? null),
        });
      },
    },
    LaunderingConnection,
  ),
);
