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
import { isRestated, RESTATEMENT, type DenialReasons, type MatchReasons } from '../domain/matching.js';

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

const ClaimClassEnum = builder.enumType('LinkClaimClass', {
  description:
    'What a claim does, read from its kind; the matcher links only claims of one class as support.',
  values: {
    ACCOUNT: {
      value: 'account',
      description:
        'Tells what happened or what someone said (report, statement, quote, leak, acknowledgement).',
    },
    STANCE: { value: 'stance', description: "A party's demand, proposal, position or accusation." },
    DENIAL: { value: 'denial', description: 'Rejects or denies something.' },
    JUDGEMENT: {
      value: 'judgement',
      description: 'A reading of events (analysis, prediction, warning): no witness, so it supports nothing.',
    },
  } as const,
});

const VoiceEnum = builder.enumType('LinkVoice', {
  description: 'Who voices a claim, as the matcher weighs it.',
  values: {
    PARTY: {
      value: 'party',
      description: 'A named actor, or an unnamed source affiliated with one ("an Israeli official").',
    },
    REPORTER: {
      value: 'reporter',
      description:
        "An outlet, a wire, or unnamed sources tied to no party: telling of a party's demand is an account of " +
        'it, not a second voice holding it.',
    },
  } as const,
});

const LinkClassesRef = builder
  .objectRef<NonNullable<MatchReasons['classes']>>('LinkProposalClasses')
  .implement({
    description: 'The class of each claim (`from` the later claim, `to` the earlier one).',
    fields: (t) => ({
      from: t.field({
        type: ClaimClassEnum,
        description: 'What the later claim (`LinkProposal.from`) does.',
        resolve: (c) => c.a,
      }),
      to: t.field({
        type: ClaimClassEnum,
        description: 'What the earlier claim (`LinkProposal.to`) does.',
        resolve: (c) => c.b,
      }),
    }),
  });

const LinkVoicesRef = builder.objectRef<NonNullable<MatchReasons['voices']>>('LinkProposalVoices').implement({
  description: 'Who voices each claim (`from` the later claim, `to` the earlier one).',
  fields: (t) => ({
    from: t.field({
      type: VoiceEnum,
      description: 'Who voices the later claim (`LinkProposal.from`).',
      resolve: (v) => v.a,
    }),
    to: t.field({
      type: VoiceEnum,
      description: 'Who voices the earlier claim (`LinkProposal.to`).',
      resolve: (v) => v.b,
    }),
  }),
});

const LinkDenialRef = builder.objectRef<DenialReasons>('LinkProposalDenial').implement({
  description:
    'The denial behind a CONTRADICTS proposal: what one claim rejects, and how much of it the other claim ' +
    'puts forward.',
  fields: (t) => ({
    byKey: t.string({
      description: 'The key of the claim that rejects or denies (`fromKey` or `toKey`).',
      resolve: (d) => d.by,
    }),
    target: t.stringList({
      description:
        'What it rejects, as content words (stemmed): the words after its rejecting word, up to a reason ' +
        '("rejected Israel\'s request for a corridor, as a breach of sovereignty" -> israel, demand, corridor).',
      resolve: (d) => d.target,
    }),
    head: t.stringList({
      description:
        "The heart of what is rejected: the target's words that are not whose it is (a name), not the word " +
        'for a demand or proposal and not a word the whole story uses; the whole target when none is left.',
      resolve: (d) => d.head,
    }),
    covered: t.stringList({
      description: "The head's words the other claim says.",
      resolve: (d) => d.covered,
    }),
    headShare: t.float({
      description:
        'Weighted share of the head the other claim says (0..1): 1 when it says all that is rejected. A ' +
        'contradiction needs at least the CONTRADICTS threshold here.',
      resolve: (d) => d.overlap,
    }),
    putsForward: t.string({
      nullable: true,
      description:
        'Why the other claim can be what is rejected: its kind when it is a stance ("demand", "proposal"), ' +
        '"reported demand (<party>)" when it tells that the party whose demand is rejected made it; null when ' +
        'it puts nothing forward (an account of events, a judgement, another denial), and then no ' +
        'contradiction is proposed.',
      resolve: (d) => d.putsForward,
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
    // The reasons below are null on a proposal recorded before the matcher gave them.
    classes: t.field({
      type: LinkClassesRef,
      nullable: true,
      description:
        'What each claim does (an account, a stance, a denial, a judgement). Support is another voice telling ' +
        'the same of the same class; a judgement supports nothing. Null on an older proposal.',
      resolve: (r) => r.classes ?? null,
    }),
    voices: t.field({
      type: LinkVoicesRef,
      nullable: true,
      description:
        "Who voices each claim: a party or a reporter. A party's stance is backed only by another party " +
        'holding it. Null on an older proposal.',
      resolve: (r) => r.voices ?? null,
    }),
    substance: t.stringList({
      nullable: true,
      description:
        'Shared words that say what is claimed (stemmed): not a name of an actor, source or place and not a ' +
        'word the whole story uses. Two claims sharing only names and topic words are neighbours, not one ' +
        'supporting the other: SUPPORTS needs at least one. Null on an older proposal.',
      resolve: (r) => r.substance ?? null,
    }),
    substanceShare: t.float({
      nullable: true,
      description:
        "Share of the shorter claim's substance words the other says (0..1): near 1, one says what the other " +
        'does. Null on an older proposal.',
      resolve: (r) => r.substanceShare ?? null,
    }),
    restatement: t.boolean({
      nullable: true,
      description:
        `True when the two claims restate each other in other words: one class (not a judgement), at least ${RESTATEMENT.words} ` +
        `substance words shared and at least ${RESTATEMENT.share * 100}% of the shorter one's substance. Such a ` +
        'pair about shared ground (an actor, place or event) is proposed as SAME_STATEMENT from the SUPPORTS ' +
        'score up, below the SAME_STATEMENT score. Null on an older proposal.',
      resolve: (r) => (r.classes === undefined ? null : isRestated(r)),
    }),
    denial: t.field({
      type: LinkDenialRef,
      nullable: true,
      description:
        'When one claim only rejects or denies (`negation`): what it rejects and how much of it the other ' +
        'claim puts forward. Null when neither or both deny, and on an older proposal.',
      resolve: (r) => r.denial ?? null,
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
