/** Articles: the reports we ingest, and the claims each contains. */
import { builder } from './builder.js';
import { labelOfRow } from './values.js';
import { sourceByKey } from '../graph/agents.js';
import { articleByKey, articleList, articleText, articlesByKeys } from '../graph/articles.js';
import { articleClaimList } from '../graph/claims.js';
import { ArticleConnection, ArticleRef, ClaimConnection, ClaimRef, SourceRef } from './refs.js';
import { TimeRefRef, keysetConnection, statusesFor, claimNodes } from './common.js';
import { publicationTime } from '../domain/time.js';

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
          keysetConnection({
            args,
            ctx,
            info,
            scope: a.key,
            ...articleClaimList(ctx.loaders, a.key, statusesFor(args.includeDrafts)),
            toNodes: claimNodes(ctx, info),
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
