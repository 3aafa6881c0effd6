/**
 * Writes. Each mutation takes one `input`, needs an editor key, validates with the domain zod
 * schemas, and returns the changed object or a typed error (ValidationError with field paths,
 * NotFoundError, ConflictError).
 */
import { builder } from './builder.js';
import { articleByKey, existingArticle } from '../graph/articles.js';
import { ArticleRef, ClaimRef } from './refs.js';
import { loadClaim } from './claim.js';
import { ArticleFormatEnum, ClaimStatusEnum, RelationTypeEnum } from './enums.js';
import { ConflictError, NotFoundError, ValidationError, write } from './errors.js';
import { ingestDocument } from '../graph/ingest.js';
import { linkClaims, setClaimStatus, upsertClaim } from '../graph/editing.js';
import { extractIntoGraph } from '../graph/extraction.js';

const IngestArticleInput = builder.inputType('IngestArticleInput', {
  fields: (t) => ({
    document: t.field({
      type: 'JSON',
      required: true,
      description: 'An article document (the fixture format).',
    }),
  }),
});

interface IngestShape {
  articleKey: string;
  claims: number;
  changed: boolean;
}
const IngestPayload = builder.objectRef<IngestShape>('IngestArticlePayload').implement({
  fields: (t) => ({
    article: t.field({
      type: ArticleRef,
      resolve: (p, _a, ctx) => existingArticle(ctx.loaders, p.articleKey),
    }),
    claims: t.exposeInt('claims', { description: 'How many claims the document holds.' }),
    changed: t.exposeBoolean('changed', {
      description: 'False when the graph already held exactly this document.',
    }),
  }),
});

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
  ingestArticle: t.field({
    type: IngestPayload,
    description: 'Ingest (or re-ingest) a whole article document, atomically and idempotently.',
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: IngestArticleInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      return write(ctx, async (by) => {
        const result = await ingestDocument(ctx.db, input.document, { by, via: 'api' });
        return { articleKey: result.articleKey, claims: result.claims, changed: result.changed };
      });
    },
  }),
  upsertClaim: t.field({
    type: ClaimRef,
    description: 'Add a claim to an article, or edit one (with the version you read), with its chain.',
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: UpsertClaimInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      return write(ctx, async (by) => {
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
      });
    },
  }),
  setClaimStatus: t.field({
    type: ClaimRef,
    description: 'Accept or reject a claim (drafts from the extractor become ordinary claims when accepted).',
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: { input: t.arg({ type: SetClaimStatusInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      return write(ctx, async (by) => {
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
      });
    },
  }),
  linkClaims: t.field({
    type: LinkPayload,
    description: 'Record that one claim supports, contradicts or restates another (any two articles).',
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: LinkClaimsInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      return write(ctx, (by) =>
        linkClaims(
          ctx.db,
          { fromKey: input.from, toKey: input.to, type: input.type, note: input.note ?? null },
          { by },
        ),
      );
    },
  }),
}));

const ExtractArticleInput = builder.inputType('ExtractArticleInput', {
  fields: (t) => ({
    content: t.string({ required: true, description: 'The article: plain text, Markdown or HTML.' }),
    format: t.field({ type: ArticleFormatEnum, required: false, description: 'Detected when omitted.' }),
    url: t.string({ required: false }),
    title: t.string({ required: false }),
    publisher: t.string({ required: false, description: 'Publisher name, e.g. "Noon Post".' }),
    publishedAt: t.field({ type: 'DateTime', required: false }),
    ingest: t.boolean({
      required: false,
      description: 'Also ingest the drafts (status draft: out of grading and default lists until accepted).',
    }),
  }),
});

interface ExtractShape {
  document: unknown;
  claims: number;
  joinedActors: number;
  articleKey: string | null;
}
const ExtractPayload = builder.objectRef<ExtractShape>('ExtractArticlePayload').implement({
  description: 'Draft claims proposed from an article, for a fact-checker to accept, edit or reject.',
  fields: (t) => ({
    document: t.field({
      type: 'JSON',
      description: 'The drafts as an article document (the ingest format), every claim with status draft.',
      resolve: (p) => p.document,
    }),
    claims: t.exposeInt('claims', { description: 'How many draft claims were proposed.' }),
    joinedActors: t.exposeInt('joinedActors', {
      description: "How many of the drafts' actors were resolved to actors already in the graph.",
    }),
    article: t.field({
      type: ArticleRef,
      nullable: true,
      description: 'The ingested article, when `ingest` was true.',
      resolve: async (p, _a, ctx) => (p.articleKey ? articleByKey(ctx.loaders, p.articleKey) : null),
    }),
  }),
});

builder.mutationField('extractArticle', (t) =>
  t.field({
    type: ExtractPayload,
    description:
      "Propose an article's attributed claims with their chains (rule-based, offline), resolving actors against " +
      'the graph; optionally ingest them as drafts.',
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: ExtractArticleInput, required: true }) },
    resolve: (_r, { input }, ctx) => {
      return write(ctx, async (by) => {
        const result = await extractIntoGraph(
          ctx.db,
          input.content,
          {
            ...(input.url ? { url: input.url } : {}),
            ...(input.title ? { title: input.title } : {}),
            ...(input.publisher ? { publisher: input.publisher } : {}),
            ...(input.publishedAt ? { date: input.publishedAt } : {}),
          },
          {
            ...(input.format ? { format: input.format } : {}),
            ingest: input.ingest ?? false,
            ingestOptions: { by, via: 'extractor' },
          },
        );
        return {
          document: result.document,
          claims: result.document.claims.length,
          joinedActors: result.matches.length,
          articleKey: result.ingested?.articleKey ?? null,
        };
      });
    },
  }),
);
