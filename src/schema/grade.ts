/**
 * How far to trust a claim, and what feeds it: the grade and its factors, the independent origins
 * behind it (circular reporting, speakers folded into the body they speak for: docs/grading.md,
 * "Independence"), fact-check assessments, the claim's history of changes, the
 * contested claims, and the fact-checker's writes that move grades (assessments, reliability
 * overrides; each regrades within its own transaction).
 */
import { builder } from './builder.js';
import {
  assessmentsOf,
  contestedClaimList,
  existingClaims,
  gradeFactors,
  historyOf,
  originGroups,
  type AssessmentRow,
  type ClaimRow,
  type OriginGroupRow,
  type RevisionRow,
} from '../graph/claims.js';
import { agentByKey } from '../graph/agents.js';
import { recordAssessment, setSourceReliability } from '../graph/assessments.js';
import type { FactorName } from '../domain/grading.js';
import type { Fold } from '../domain/independence.js';
import { AgentRef, ClaimConnection, ClaimRef } from './refs.js';
import { STATUS_DEFAULT, claimConnection } from './connection.js';
import { loadClaim } from './claim.js';
import { GradeFactorNameEnum, ReliabilityGradeEnum } from './enums.js';
import { NotFoundError, ValidationError, write } from './errors.js';

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

const FoldRef = builder.objectRef<Fold>('AffiliationFold').implement({
  description:
    'An original speaker folded into the body it speaks for ("White House folded into United States ' +
    'government"): the two are one voice, so they count as one origin.',
  fields: (t) => ({
    claimKey: t.exposeString('claimKey', { description: 'The claim whose original speaker was folded.' }),
    agent: t.field({
      type: AgentRef,
      nullable: true,
      description: 'The folded speaker.',
      resolve: (f, _a, ctx) => agentByKey(ctx.loaders, f.agentKey),
    }),
    into: t.field({
      type: AgentRef,
      nullable: true,
      description: 'The body it was folded into: the highest affiliation that speaks with one voice.',
      resolve: (f, _a, ctx) => agentByKey(ctx.loaders, f.intoKey),
    }),
    sentence: t.string({
      description: 'The fold in words.',
      resolve: (f) => `${f.agentName} folded into ${f.intoName}`,
    }),
  }),
});

const OriginGroupRef = builder.objectRef<OriginGroupRow>('IndependentOrigin').implement({
  description:
    'One independent origin: the chains that trace back to the same wire story, unnamed source or statement.',
  fields: (t) => ({
    originNames: t.stringList({
      description: 'Who said it first, per chain of the group.',
      resolve: (o) => o.originNames,
    }),
    includesSubject: t.exposeBoolean('includesSubject', { description: "True for the claim's own origin." }),
    claims: t.field({
      type: [ClaimRef],
      description: 'The claims whose chains share this origin.',
      resolve: (o, _a, ctx) => existingClaims(ctx.loaders, o.claimKeys),
    }),
    folds: t.field({
      type: [FoldRef],
      description: 'Original speakers of this origin folded into the body they speak for.',
      resolve: (o) => o.folds,
    }),
  }),
});

const IndependenceRef = builder.objectRef<ClaimRow>('Independence').implement({
  description:
    'How many independent origins really stand behind a claim: reports tracing back to one wire story, one ' +
    'unnamed source or one original statement count as one origin.',
  fields: (t) => ({
    count: t.exposeInt('independentOrigins', {
      nullable: true,
      description: "Independent origins, the claim's own included.",
    }),
    circularReporting: t.exposeBoolean('circularReporting', {
      description: 'True when some supporting chain was folded into another origin.',
    }),
    origins: t.field({ type: [OriginGroupRef], resolve: (c) => originGroups(c) }),
  }),
});

const AssessmentRef = builder.objectRef<AssessmentRow>('Assessment').implement({
  description: 'A fact-check verdict on a claim (schema.org ClaimReview). Earlier assessments are kept.',
  fields: (t) => ({
    key: t.exposeString('key'),
    verdict: t.exposeString('verdict', {
      description: "The verdict in the reviewer's words (ClaimReview alternateName).",
    }),
    ratingValue: t.exposeFloat('ratingValue', { nullable: true }),
    bestRating: t.exposeFloat('bestRating', { nullable: true }),
    worstRating: t.exposeFloat('worstRating', { nullable: true }),
    ratingName: t.exposeString('ratingName', { nullable: true }),
    reviewer: t.exposeString('reviewer'),
    note: t.exposeString('note', { nullable: true }),
    date: t.expose('date', { type: 'DateTime' }),
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

builder.objectFields(ClaimRef, (t) => ({
  grade: t.field({
    type: GradeRef,
    description: 'The grade and every factor behind it.',
    resolve: (c) => c,
  }),
  independence: t.field({
    type: IndependenceRef,
    description: 'The independent origins behind this claim, and whether circular reporting was found.',
    resolve: (c) => c,
  }),
  assessments: t.field({
    type: [AssessmentRef],
    description: 'Fact-check assessments, newest first.',
    resolve: (c, _a, ctx) => assessmentsOf(ctx.loaders, c.key),
  }),
  history: t.field({
    type: [RevisionRef],
    description: 'Who changed what, when: oldest first.',
    resolve: (c, _a, ctx) => historyOf(ctx.loaders, c.key),
  }),
}));

builder.queryField('contestedClaims', (t) =>
  t.connection(
    {
      type: ClaimRef,
      description:
        'Claims in a contradiction (either direction), most confident first; `related(types: [CONTRADICTS])` ' +
        'and `grade` give both sides.',
      resolve: (_r, args, ctx, info) =>
        claimConnection({
          args,
          ctx,
          info,
          list: contestedClaimList(ctx.loaders, STATUS_DEFAULT),
        }),
    },
    ClaimConnection,
  ),
);

const RecordAssessmentInput = builder.inputType('RecordAssessmentInput', {
  fields: (t) => ({
    claim: t.string({ required: true }),
    verdict: t.string({ required: true, description: 'e.g. "False", "Mostly true", "Unproven".' }),
    ratingValue: t.float({ required: false }),
    bestRating: t.float({ required: false, description: 'Default 5.' }),
    worstRating: t.float({ required: false, description: 'Default 1.' }),
    ratingName: t.string({ required: false }),
    reviewer: t.string({ required: true }),
    note: t.string({ required: false }),
    date: t.field({ type: 'DateTime', required: true }),
  }),
});

const SetReliabilityInput = builder.inputType('SetReliabilityInput', {
  fields: (t) => ({
    agent: t.string({ required: true, description: 'Key of a source or actor.' }),
    grade: t.field({
      type: ReliabilityGradeEnum,
      required: false,
      description: 'The grade; null clears the override.',
    }),
    reason: t.string({ required: true, description: 'Why: kept with the grade.' }),
  }),
});

function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

builder.mutationFields((t) => ({
  recordAssessment: t.field({
    type: ClaimRef,
    description:
      'Record a fact-check assessment of a claim; earlier ones are kept; the grade follows at once.',
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: RecordAssessmentInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      write(ctx, async (by) => {
        const { claim, ...rest } = input;
        await recordAssessment(ctx.db, claim, definedOnly(rest) as never, { by });
        return loadClaim(ctx, claim);
      }),
  }),
  setSourceReliability: t.field({
    type: AgentRef,
    description: "Override a source's or actor's reliability grade (with a reason); its claims are regraded.",
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SetReliabilityInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      write(ctx, async (by) => {
        await setSourceReliability(ctx.db, input.agent, input.grade ?? null, input.reason, by);
        const agent = await agentByKey(ctx.loaders, input.agent);
        if (!agent) throw new Error(`agent ${input.agent} missing after its reliability was set`);
        return agent;
      }),
  }),
}));
