/** Articles: the reports we ingest, and the claims each contains. */
import { builder } from './builder.js';
import { labelOfKey } from '../domain/model.js';
import type { Item } from '../graph/loaders.js';
import { ArticleConnection, ArticleRef, ClaimConnection, ClaimRef, SourceRef } from './refs.js';
import {
  TimeRefRef,
  keysetConnection,
  listOrdering,
  nodesByKeys,
  parentPage,
  singleRowPage,
  statusesFor,
  claimNodes,
} from './common.js';
import { publicationTime } from '../domain/time.js';

builder.node(ArticleRef, {
  description: 'One published report we ingested.',
  id: { resolve: (a) => String(a.key) },
  isTypeOf: (v) => labelOfKey(String((v as Item).key)) === 'Article',
  loadMany: (keys, ctx) => ctx.loaders.items('article/by-keys', keys),
  fields: (t) => ({
    key: t.string({ description: 'Stable key "article:<id>".', resolve: (a) => String(a.key) }),
    url: t.string({ resolve: (a) => String(a.url) }),
    title: t.string({ resolve: (a) => String(a.title) }),
    publishedAt: t.field({ type: 'DateTime', resolve: (a) => String(a.publishedAt) }),
    published: t.field({
      type: TimeRefRef,
      description: 'The publication as a time: basis PUBLICATION, to the day.',
      resolve: (a) => ({
        ...publicationTime(String(a.publishedAt)),
        start: String(a.publishedAt),
        end: null,
        publishedAt: String(a.publishedAt),
      }),
    }),
    language: t.string({ resolve: (a) => String(a.language) }),
    author: t.string({ nullable: true, resolve: (a) => (a.author as string | null) ?? null }),
    reconstruction: t.boolean({
      description:
        "True when `text` is our reconstruction of the report in our own words (same facts, same attribution structure), not the outlet's wording: quote the outlet from `basedOn`, never from `text`.",
      resolve: (a) => a.reconstruction === true,
    }),
    basedOn: t.stringList({
      description:
        'Addresses of the published pages a reconstruction follows, the reconstructed report first; empty for a verbatim article.',
      resolve: (a) => (Array.isArray(a.basedOn) ? a.basedOn.map(String) : []),
    }),
    publisher: t.field({
      type: SourceRef,
      nullable: true,
      resolve: (a, _x, ctx) =>
        typeof a.publisherKey === 'string' ? ctx.loaders.item('agent/by-keys', a.publisherKey) : null,
    }),
    text: t.string({
      description:
        "The full text (the outlet's words, or ours when `reconstruction`); evidence offsets point into it.",
      resolve: async (a, _x, ctx) =>
        String((await ctx.loaders.one('article/text', { key: a.key }))?.text ?? ''),
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
            scope: String(a.key),
            ordering: listOrdering('article/claims'),
            fetchPage: parentPage(ctx, 'article/claims', String(a.key), {
              statuses: statusesFor(args.includeDrafts),
            }),
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
    resolve: (_r, { key }, ctx) => ctx.loaders.item('article/by-keys', key),
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
          ordering: listOrdering('article/list'),
          fetchPage: singleRowPage(ctx, 'article/list', {}),
          toNodes: nodesByKeys(ctx, 'article/by-keys'),
        }),
    },
    ArticleConnection,
  ),
}));
