/**
 * Claims: one proposition reported in an article, the claims related to it, `claim(key)`, and the
 * editor's writes on claims (add or edit one, accept or reject it, link two). The claim lists are
 * in claim-list.ts; a claim's provenance, grade and statement in provenance.ts, grade.ts and
 * statement.ts.
 */
import { builder } from './builder.js';
import { claimReads } from './projection.js';
import { existingAgents } from '../graph/agents.js';
import { articleByKey, existingArticle } from '../graph/articles.js';
import {
  agentKeysAbout,
  claimWithChain,
  claimsByKeys,
  existingClaim,
  relatedOf,
  type ClaimRow,
  type RelatedRow,
} from '../graph/claims.js';
import { linkClaims, setClaimStatus, upsertClaim } from '../graph/editing.js';
import { wordingDiff, type WordingChange } from '../domain/wording-diff.js';
import { AgentRef, ArticleRef, ClaimRef } from './refs.js';
import { EvidenceRef, TimeRefRef, evidenceOf, fallbackTime, saidOf, timeOf } from './time.js';
import { ClaimKindEnum, ClaimStatusEnum, DirectionEnum, RelationTypeEnum, WordingOpEnum } from './enums.js';
import { labelOfRow } from './values.js';
import { ConflictError, NotFoundError, ValidationError, write } from './errors.js';
import type { Context } from './context.js';

/** A claim a row names that must exist (a relation's other end, an appearance's claim). */
export function loadClaim(ctx: Context, key: string): Promise<ClaimRow> {
  return existingClaim(ctx.loaders, key);
}

const WordingChangeRef = builder.objectRef<WordingChange>('WordingChange').implement({
  description: 'A run of words kept, inserted or deleted between two wordings.',
  fields: (t) => ({
    op: t.field({ type: WordingOpEnum, resolve: (w) => w.op }),
    text: t.exposeString('text'),
  }),
});

const RelatedClaimRef = builder.objectRef<RelatedRow>('RelatedClaim').implement({
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
    via: t.field({
      type: ClaimRef,
      nullable: true,
      description:
        'Set when the relation is derived across the statement: the other wording of this statement ' +
        '(SAME_STATEMENT) that carries the SUPPORTS or CONTRADICTS. Null for a relation of this claim itself.',
      resolve: (r, _a, ctx) => (r.via === null ? null : loadClaim(ctx, r.via)),
    }),
    wordingDiff: t.field({
      type: [WordingChangeRef],
      description:
        "Word-level difference from this claim's wording (quote, else text) to the other's: what changed " +
        'between two wordings of one statement.',
      resolve: (r) => wordingDiff(r.ownWording ?? '', r.otherWording ?? ''),
    }),
  }),
});

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
  }),
});

builder.queryField('claim', (t) =>
  t.field({
    type: ClaimRef,
    nullable: true,
    description: 'A claim by key ("noonpost-7628#trump-predicts-deal-close").',
    args: { key: t.arg.string({ required: true }) },
    // One round trip for claim and chain when the request asks for provenance or speaker; only
    // what it asks for (projection.ts).
    resolve: async (_r, { key }, ctx, info) => {
      const { projection, chain } = claimReads(info, []);
      if (chain) return claimWithChain(ctx.loaders, key, projection);
      return (await claimsByKeys(ctx.loaders, [key], projection))[0] ?? null;
    },
  }),
);

const UpsertClaimInput = builder.inputType('UpsertClaimInput', {
  fields: (t) => ({
    article: t.string({ required: true, description: 'Key of the article the claim stands in.' }),
    claim: t.field({
      type: 'JSON',
      required: true,
      description: 'The claim, in the document format (id, text, chain, evidence, ...).',
    }),
    actors: t.field({
      type: ['JSON'],
      required: false,
      description: 'Actors to add or replace (by id), referenced by the claim.',
    }),
    sources: t.field({ type: ['JSON'], required: false, description: 'Sources to add or replace (by id).' }),
    relations: t.field({
      type: ['JSON'],
      required: false,
      description:
        "The claim's relations in the document format ({from, to, type, note}, `from` being the claim's id); when given, they replace the relations the article declares from the claim. Omitted: unchanged.",
    }),
    expectedVersion: t.int({
      required: false,
      description: 'To edit an existing claim: the version you read.',
    }),
  }),
});

const SetClaimStatusInput = builder.inputType('SetClaimStatusInput', {
  fields: (t) => ({
    claim: t.string({ required: true }),
    status: t.field({
      type: ClaimStatusEnum,
      required: true,
      description: 'accepted (a draft becomes an ordinary claim) or rejected.',
    }),
    expectedVersion: t.int({ required: false }),
    note: t.string({ required: false, description: "The reviewer's note, kept in the claim's history." }),
  }),
});

const LinkClaimsInput = builder.inputType('LinkClaimsInput', {
  fields: (t) => ({
    from: t.string({ required: true }),
    to: t.string({ required: true }),
    type: t.field({ type: RelationTypeEnum, required: true }),
    note: t.string({ required: false }),
  }),
});

interface LinkShape {
  fromKey: string;
  toKey: string;
}
const LinkPayload = builder.objectRef<LinkShape>('LinkClaimsPayload').implement({
  fields: (t) => ({
    from: t.field({ type: ClaimRef, resolve: (p, _a, ctx) => loadClaim(ctx, p.fromKey) }),
    to: t.field({ type: ClaimRef, resolve: (p, _a, ctx) => loadClaim(ctx, p.toKey) }),
  }),
});

builder.mutationFields((t) => ({
  upsertClaim: t.field({
    type: ClaimRef,
    description: 'Add a claim to an article, or edit one (with the version you read), with its chain.',
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: UpsertClaimInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      write(ctx, async (by) => {
        const key = await upsertClaim(
          ctx.db,
          {
            articleKey: input.article,
            claim: input.claim,
            actors: input.actors ?? [],
            sources: input.sources ?? [],
            relations: input.relations ?? null,
            expectedVersion: input.expectedVersion ?? null,
          },
          { by },
        );
        return loadClaim(ctx, key);
      }),
  }),
  setClaimStatus: t.field({
    type: ClaimRef,
    description: 'Accept or reject a claim (drafts from the extractor become ordinary claims when accepted).',
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: SetClaimStatusInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      write(ctx, async (by) => {
        const key = await setClaimStatus(
          ctx.db,
          {
            claimKey: input.claim,
            status: input.status,
            expectedVersion: input.expectedVersion ?? null,
            note: input.note ?? null,
          },
          { by },
        );
        return loadClaim(ctx, key);
      }),
  }),
  linkClaims: t.field({
    type: LinkPayload,
    description: 'Record that one claim supports, contradicts or restates another (any two articles).',
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: LinkClaimsInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      write(ctx, (by) =>
        linkClaims(
          ctx.db,
          { fromKey: input.from, toKey: input.to, type: input.type, note: input.note ?? null },
          { by },
        ),
      ),
  }),
}));
