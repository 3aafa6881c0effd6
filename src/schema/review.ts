/**
 * The review of proposed links in the API: the matcher's proposals (`proposedLinks`, best first,
 * with score and reasons) and an editor's decision on each (`acceptLink`, `rejectLink`).
 * docs/story-links-eval.md measures the proposals; src/domain/matching.ts makes them.
 */
import { builder } from './builder.js';
import {
  proposalByKey,
  proposalQueue,
  proposalReasons,
  proposalsByKeys,
  type ProposalRow,
} from '../graph/proposals.js';
import { existingAgents } from '../graph/agents.js';
import { existingEvents } from '../graph/events.js';
import { AgentRef, EventRef, ClaimRef } from './refs.js';
import { claimByKey } from '../graph/claims.js';
import { RelationTypeEnum } from './enums.js';
import { keysetConnection } from './connection.js';
import { ConflictError, NotFoundError, write } from './errors.js';
import { decideLink, type Decision } from '../graph/review.js';
import type { MatchReasons } from '../domain/matching.js';

const LinkProposalStatusEnum = builder.enumType('LinkProposalStatus', {
  description: 'Where a proposed link stands in review.',
  values: {
    PROPOSED: { value: 'proposed', description: 'Waiting for an editor; changes no grade.' },
    ACCEPTED: { value: 'accepted', description: 'Accepted: the relation is in the graph and graded.' },
    REJECTED: { value: 'rejected', description: 'Rejected: kept so it is never proposed again.' },
  } as const,
});

const LinkDatesRef = builder.objectRef<MatchReasons['dates']>('LinkProposalDates').implement({
  description: 'The dates the matcher compared (the time each claim is about, or when it was said).',
  fields: (t) => ({
    from: t.string({ nullable: true, resolve: (d) => d.a }),
    to: t.string({ nullable: true, resolve: (d) => d.b }),
    withinWindow: t.boolean({
      nullable: true,
      description: 'True when the two times overlap or lie within the window; null when a date is unknown.',
      resolve: (d) => d.withinWindow,
    }),
  }),
});

const LinkReasonsRef = builder.objectRef<MatchReasons>('LinkProposalReasons').implement({
  description: 'Why the matcher proposed a link: the evidence behind its score.',
  fields: (t) => ({
    words: t.stringList({
      description: 'Content words both claims share (stemmed, synonyms folded: "pact" and "deal" meet).',
      resolve: (r) => r.words,
    }),
    wordOverlap: t.float({
      description: "Share of the smaller claim's words the other holds (0..1).",
      resolve: (r) => r.wordOverlap,
    }),
    sameQuote: t.boolean({ description: 'Both quote the same words.', resolve: (r) => r.sameQuote }),
    sameSpeaker: t.boolean({
      description: 'The same named original speaker (aliases resolved at ingest).',
      resolve: (r) => r.sameSpeaker,
    }),
    agents: t.field({
      type: [AgentRef],
      description: 'Agents both claims involve: the shared or affiliated speaker, actors both are about.',
      resolve: (r, _a, ctx) => existingAgents(ctx.loaders, r.agents),
    }),
    agentKeys: t.stringList({ description: 'The keys of `agents` (places too).', resolve: (r) => r.agents }),
    events: t.field({
      type: [EventRef],
      description: 'Events both claims are about.',
      resolve: async (r, _a, ctx) => existingEvents(ctx.loaders, r.events),
    }),
    dates: t.field({ type: LinkDatesRef, resolve: (r) => r.dates }),
    negation: t.string({
      nullable: true,
      description: 'The denial on one side only that makes it a contradiction ("rejection", "refused").',
      resolve: (r) => r.negation,
    }),
  }),
});

export const LinkProposalRef = builder.objectRef<ProposalRow>('LinkProposal').implement({
  description:
    'A link between claims of different articles proposed by the matcher on ingest. It changes no grade ' +
    'until an editor accepts it (`acceptLink`); a rejected proposal (`rejectLink`) is never made again.',
  fields: (t) => ({
    key: t.exposeID('key', { description: 'Stable key: type and the two claim keys.' }),
    type: t.expose('type', { type: RelationTypeEnum }),
    from: t.field({
      type: ClaimRef,
      nullable: true,
      description: 'The claim the relation goes from (the later one); null if it has been removed since.',
      resolve: (p, _a, ctx) => claimByKey(ctx.loaders, p.fromKey),
    }),
    to: t.field({
      type: ClaimRef,
      nullable: true,
      resolve: (p, _a, ctx) => claimByKey(ctx.loaders, p.toKey),
    }),
    fromKey: t.exposeString('fromKey'),
    toKey: t.exposeString('toKey'),
    score: t.exposeFloat('score', {
      description: 'How likely the link is (0..1); the queue is ordered by it.',
    }),
    reasons: t.field({ type: LinkReasonsRef, resolve: (p) => proposalReasons(p) }),
    status: t.expose('status', { type: LinkProposalStatusEnum }),
    proposedAt: t.expose('proposedAt', { type: 'DateTime' }),
    proposedIn: t.exposeString('proposedIn', {
      nullable: true,
      description: 'The article whose ingest made the proposal.',
    }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    decidedBy: t.exposeString('decidedBy', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

const LinkProposalConnection = builder.connectionObject(
  { type: LinkProposalRef, name: 'LinkProposalConnection', description: 'A page of proposed links.' },
  { name: 'LinkProposalEdge', description: 'A proposed link and its cursor in the queue.' },
);

builder.queryField('proposedLinks', (t) =>
  t.connection(
    {
      type: LinkProposalRef,
      description:
        'The review queue of links proposed by the matcher, best score first (ties by key). Default: those ' +
        'waiting for a decision.',
      args: {
        status: t.arg({ type: LinkProposalStatusEnum, required: false, description: 'Default PROPOSED.' }),
        type: t.arg({ type: RelationTypeEnum, required: false }),
      },
      resolve: (_r, args, ctx, info) =>
        keysetConnection({
          args,
          ctx,
          info,
          ...proposalQueue(ctx.loaders, args.status ?? 'proposed', args.type ?? null),
          toNodes: (keys) => proposalsByKeys(ctx.loaders, keys),
        }),
    },
    LinkProposalConnection,
  ),
);

const DecideLinkInput = builder.inputType('DecideLinkInput', {
  fields: (t) => ({
    proposal: t.id({ required: true, description: "The proposal's `key`." }),
    note: t.string({
      required: false,
      description: 'Why: kept with the decision (and on an accepted relation).',
    }),
  }),
});

function decideField(decision: Decision, description: string) {
  return builder.mutationField(decision === 'accepted' ? 'acceptLink' : 'rejectLink', (t) =>
    t.field({
      type: LinkProposalRef,
      description,
      errors: { types: [NotFoundError, ConflictError] },
      args: { input: t.arg({ type: DecideLinkInput, required: true }) },
      resolve: (_r, { input }, ctx) =>
        write(ctx, async (by) => {
          const key = await decideLink(
            ctx.db,
            { proposalKey: String(input.proposal), decision, note: input.note ?? null },
            { by },
          );
          const proposal = await proposalByKey(ctx.loaders, key);
          if (!proposal) throw new Error(`proposal ${key} vanished`);
          return proposal;
        }),
    }),
  );
}

decideField(
  'accepted',
  'Accept a proposed link: the relation is written between the two claims and their grades (and what ' +
    'depends on them) are recomputed in the same transaction. A proposal is decided once.',
);
decideField(
  'rejected',
  'Reject a proposed link: nothing is written between the claims, and the matcher never proposes it again.',
);
