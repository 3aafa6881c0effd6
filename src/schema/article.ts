/**
 * Articles: the reports we ingest and the claims each contains, and the writes that bring an
 * article in (`ingestArticle`, a whole document; `extractArticle`, drafts proposed from its text).
 */
import { builder } from './builder.js';
import { labelOfRow } from './values.js';
import { sourceByKey } from '../graph/agents.js';
import {
  articleByKey,
  articleList,
  articleText,
  articlesByKeys,
  existingArticle,
} from '../graph/articles.js';
import { articleClaimList } from '../graph/claims.js';
import { ArticleConnection, ArticleRef, ClaimConnection, ClaimRef, SourceRef } from './refs.js';
import { keysetConnection, statusesFor, claimConnection } from './connection.js';
import { TimeRefRef } from './time.js';
import { publicationTime } from '../domain/time.js';
import { ingestDocument } from '../graph/ingest.js';
import { extractIntoGraph } from '../graph/extraction.js';
import { ArticleFormatEnum } from './enums.js';
import { ConflictError, ValidationError, write } from './errors.js';

builder.node(ArticleRef, {
  description: 'One published report we ingested.',
  id: { resolve: (a) => a.key },
  isTypeOf: (v) => labelOfRow(v) === 'Article',
  loadMany: (keys, ctx) => articlesByKeys(ctx.loaders, keys),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key "article:<id>".' }),
    url: t.exposeString('url'),
    title: t.exposeString('title'),
    publishedAt: t.expose('publishedAt', { type: 'DateTime' }),
    published: t.field({
      type: TimeRefRef,
      description: 'The publication as a time: basis PUBLICATION, to the day.',
      resolve: (a) => ({
        ...publicationTime(a.publishedAt),
        start: a.publishedAt,
        end: null,
        publishedAt: a.publishedAt,
      }),
    }),
    language: t.exposeString('language'),
    author: t.exposeString('author', { nullable: true }),
    reconstruction: t.exposeBoolean('reconstruction', {
      description:
        "True when `text` is our reconstruction of the report in our own words (same facts, same attribution structure), not the outlet's wording: quote the outlet from `basedOn`, never from `text`.",
    }),
    basedOn: t.exposeStringList('basedOn', {
      description:
        'Addresses of the published pages a reconstruction follows, the reconstructed report first; empty for a verbatim article.',
    }),
    publisher: t.field({
      type: SourceRef,
      nullable: true,
      resolve: (a, _x, ctx) => (a.publisherKey === null ? null : sourceByKey(ctx.loaders, a.publisherKey)),
    }),
    text: t.string({
      description:
        "The full text (the outlet's words, or ours when `reconstruction`); evidence offsets point into it.",
      resolve: (a, _x, ctx) => articleText(ctx.loaders, a.key),
    }),
    claims: t.connection(
      {
        type: ClaimRef,
        description: 'The claims of the article, in the order they stand in the text.',
        args: { includeDrafts: t.arg.boolean({ required: false }) },
        resolve: (a, args, ctx, info) =>
          claimConnection({
            args,
            ctx,
            info,
            scope: a.key,
            list: articleClaimList(ctx.loaders, a.key, statusesFor(args.includeDrafts)),
          }),
      },
      ClaimConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  article: t.field({
    type: ArticleRef,
    nullable: true,
    args: { key: t.arg.string({ required: true, description: 'e.g. "article:noonpost-7628".' }) },
    resolve: (_r, { key }, ctx) => articleByKey(ctx.loaders, key),
  }),
  articles: t.connection(
    {
      type: ArticleRef,
      description: 'Ingested articles, newest first.',
      resolve: (_r, args, ctx, info) =>
        keysetConnection({
          args,
          ctx,
          info,
          ...articleList(ctx.loaders),
          toNodes: (keys) => articlesByKeys(ctx.loaders, keys),
        }),
    },
    ArticleConnection,
  ),
}));

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

builder.mutationField('ingestArticle', (t) =>
  t.field({
    type: IngestPayload,
    description: 'Ingest (or re-ingest) a whole article document, atomically and idempotently.',
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: IngestArticleInput, required: true }) },
    resolve: (_r, { input }, ctx) =>
      write(ctx, async (by) => {
        const result = await ingestDocument(ctx.db, input.document, { by, via: 'api' });
        return { articleKey: result.articleKey, claims: result.claims, changed: result.changed };
      }),
  }),
);

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
    resolve: (_r, { input }, ctx) =>
      write(ctx, async (by) => {
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
      }),
  }),
);
