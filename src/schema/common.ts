/** Small object types shared by several domain types, and the connection helper. */
import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { builder } from './builder.js';
import { badInput } from './errors.js';
import type { Context } from './context.js';
import type { Item, Page, QueryName } from '../graph/loaders.js';
import { CHAIN_FIELDS, selects } from './lookahead.js';
import { decodeCursor, encodeCursor, listBinding } from './cursors.js';
import type { GraphQLResolveInfo } from 'graphql';
import { TimeEstimate, describeTime, estimateTime, isKnown } from '../domain/time.js';
import { TimeBasisEnum, TimePrecisionEnum, TimeRelationEnum } from './enums.js';
import { EventRef } from './refs.js';

/** A time as the API shows it: the article's words and bounds, and what they resolve to. */
export interface TimeShape extends TimeEstimate {
  start: string | null;
  end: string | null;
  /** The article's publication date, for the label of a fallback ("date unknown (published X)"). */
  publishedAt: string | null;
}
export interface SpanShape {
  start: number;
  end: number;
  text: string;
}

export const TimeRefRef = builder.objectRef<TimeShape>('TimeRef').implement({
  description:
    'A time as precise as the article allows: its own words and bounds, how it is known (`basis`), how ' +
    'exactly (`precision`), and the days it may fall on (`earliest`..`latest`). See docs/grading.md, "Dates".',
  fields: (t) => ({
    text: t.exposeString('text', { nullable: true, description: 'The article\'s words ("mid-September").' }),
    start: t.expose('start', { type: 'DateTime', nullable: true, description: 'Earliest moment stated.' }),
    end: t.expose('end', { type: 'DateTime', nullable: true, description: 'Latest moment stated.' }),
    basis: t.field({ type: TimeBasisEnum, resolve: (x) => x.basis, description: 'How the time is known.' }),
    precision: t.field({
      type: TimePrecisionEnum,
      resolve: (x) => x.precision,
      description: 'How exactly: a day, a month, a year, a range, open on one side, or unknown.',
    }),
    earliest: t.expose('earliest', {
      type: 'Date',
      nullable: true,
      description: 'The first day it may fall on; null when unbounded (or unknown).',
    }),
    latest: t.expose('latest', {
      type: 'Date',
      nullable: true,
      description: 'The last day it may fall on; null when unbounded (or unknown).',
    }),
    known: t.boolean({
      description: 'False for a fallback (or words with no date): date filters treat it as unknown.',
      resolve: (x) => isKnown(x),
    }),
    relation: t.field({
      type: TimeRelationEnum,
      nullable: true,
      description: 'For a relative time: before or after its anchor.',
      resolve: (x) => x.relation,
    }),
    relativeTo: t.field({
      type: EventRef,
      nullable: true,
      description: "For a relative time: the event it is measured from (null: the article's publication).",
      resolve: (x, _a, ctx) => (x.anchor === null ? null : ctx.loaders.item('event/by-keys', x.anchor)),
    }),
    label: t.string({
      description:
        'In words: "2026-01-05", "September 2025", "between 2025-09-11 and 2025-09-30", "on or before ' +
        '2025-09-30", "date unknown (published 2026-01-06)"; a relative time adds its words and anchor.',
      resolve: async (x, _a, ctx) => {
        const anchor = x.anchor === null ? null : await ctx.loaders.item('event/by-keys', x.anchor);
        return describeTime(x, {
          publishedAt: x.publishedAt,
          anchorName: anchor ? String(anchor.name) : null,
        });
      },
    }),
  }),
});

export const EvidenceRef = builder.objectRef<SpanShape>('Evidence').implement({
  description: 'The exact words of the article that show something, with character offsets into its text.',
  fields: (t) => ({
    start: t.exposeInt('start', { description: 'Offset of the first character (UTF-16 code units).' }),
    end: t.exposeInt('end', { description: 'Offset after the last character.' }),
    text: t.exposeString('text', { description: 'The words themselves.' }),
  }),
});

/**
 * The time stored on a node under `prefix` (`time`: an event's, a claim's or a telling's; `said`:
 * when a claim was said), or null when it has none. A node written before times were resolved
 * (no basis stored) is read as stated, resolved from its bounds.
 */
export function timeOf(
  item: Item,
  prefix: 'time' | 'said' = 'time',
  publishedAt: string | null = null,
): TimeShape | null {
  const text = (item[`${prefix}Text`] as string | null | undefined) ?? null;
  const start = prefix === 'time' ? ((item.timeStart as string | null | undefined) ?? null) : null;
  const end = prefix === 'time' ? ((item.timeEnd as string | null | undefined) ?? null) : null;
  const stored = TimeEstimate.safeParse({
    basis: item[`${prefix}Basis`],
    precision: item[`${prefix}Precision`],
    earliest: item[`${prefix}Earliest`] ?? null,
    latest: item[`${prefix}Latest`] ?? null,
    text,
    anchor: item[`${prefix}AnchorKey`] ?? null,
    relation: item[`${prefix}Relation`] ?? null,
  });
  if (stored.success) return { ...stored.data, start, end, publishedAt };
  if (text === null && start === null) return null;
  const resolved = estimateTime(
    {
      ...(text !== null ? { text } : {}),
      ...(start !== null ? { start } : {}),
      ...(end !== null ? { end } : {}),
    },
    { publishedAt: publishedAt ?? '', anchorTime: () => undefined, absent: 'fallback' },
  );
  return { ...resolved, start, end, publishedAt };
}

export function evidenceOf(item: Item): SpanShape | null {
  if (item.evidenceStart === null || item.evidenceStart === undefined) return null;
  return {
    start: Number(item.evidenceStart),
    end: Number(item.evidenceEnd),
    text: String(item.evidenceText),
  };
}

/**
 * Relay arguments to offset and limit, refusing pages larger than MAX_PAGE_SIZE with a clear
 * error instead of quietly truncating. Cursors are checked against the list they must come from
 * (see cursors.ts). `last` without `before` needs the total first.
 */
export function pageWindow(
  args: DefaultConnectionArguments,
  ctx: Context,
  binding: string,
  totalCount?: number,
): { offset: number; limit: number; hasPreviousPage: boolean } {
  const max = ctx.config.MAX_PAGE_SIZE;
  for (const name of ['first', 'last'] as const) {
    const v = args[name];
    if (v != null && (v < 0 || v > max)) throw badInput(`\`${name}\` must be between 0 and ${max}`, name);
  }
  const after = args.after != null ? decodeCursor(args.after, binding, 'after') : null;
  const before = args.before != null ? decodeCursor(args.before, binding, 'before') : null;
  const { first, last } = args;
  // The window [start, end) in the list, as the Relay specification's pagination algorithm gives it.
  let start = after === null ? 0 : after + 1;
  let end = Math.max(Math.min(before ?? Infinity, totalCount ?? Infinity), start);
  if (first != null) end = Math.min(end, start + first);
  if (last != null) {
    if (end === Infinity) throw badInput('`last` needs `before` or `first`', 'last');
    start = Math.max(start, end - last);
  }
  const size = first == null && last == null ? Math.min(20, max) : end - start;
  end = Math.min(end, start + Math.min(size, max));
  return { offset: start, limit: end - start, hasPreviousPage: start > 0 };
}

export interface ConnectionOptions<T> {
  args: DefaultConnectionArguments;
  ctx: Context;
  info: GraphQLResolveInfo;
  /** The key of the parent the list hangs off (an article's claims), binding its cursors to it. */
  scope?: string;
  fetchPage: (offset: number, limit: number) => Promise<Page>;
  toNodes: (keys: string[]) => Promise<T[]>;
}

/** Runs a paged fetch for connection args, counting first when `last` has no `before`. */
export async function offsetConnection<T>({
  args,
  ctx,
  info,
  scope,
  fetchPage,
  toNodes,
}: ConnectionOptions<T>) {
  const binding = listBinding(info, args, scope);
  let total: number | undefined;
  if (args.last != null && !args.before) total = (await fetchPage(0, 0)).total;
  const window = pageWindow(args, ctx, binding, total);
  // Fetch one extra row to know whether a next page exists.
  const page = await fetchPage(window.offset, window.limit + 1);
  const keys = page.items.slice(0, window.limit);
  const nodes = await toNodes(keys);
  const cursor = (offset: number) => encodeCursor(binding, offset);
  return {
    totalCount: page.total,
    edges: nodes.map((node, i) => ({ node, cursor: cursor(window.offset + i) })),
    pageInfo: {
      hasPreviousPage: window.hasPreviousPage,
      hasNextPage: page.items.length > window.limit || window.offset + window.limit < page.total,
      startCursor: nodes.length > 0 ? cursor(window.offset) : null,
      endCursor: nodes.length > 0 ? cursor(window.offset + nodes.length - 1) : null,
    },
  };
}

export const STATUS_DEFAULT = ['accepted'];

/** Claim statuses a list shows: accepted ones, plus drafts when asked. */
export function statusesFor(includeDrafts: boolean | null | undefined): string[] {
  return includeDrafts ? ['accepted', 'draft'] : STATUS_DEFAULT;
}

/** Loads the page's nodes by key through a `<entity>/by-keys` query, batched per request. */
export function nodesByKeys(ctx: Context, byKeysQuery: QueryName) {
  return async (keys: string[]): Promise<Item[]> =>
    (await ctx.loaders.items(byKeysQuery, keys)).filter((x): x is Item => x !== null);
}

/**
 * The claims of a connection page by key: with their chains in the same round trip when the
 * request goes on to ask for provenance or speakers (`path` leads from the field to the claim).
 */
export function claimNodes(
  ctx: Context,
  info: GraphQLResolveInfo,
  path: readonly string[] = ['edges', 'node'],
): (keys: string[]) => Promise<Item[]> {
  if (selects(info, path, CHAIN_FIELDS)) {
    return (keys: string[]): Promise<Item[]> => ctx.loaders.claimsWithChains(keys);
  }
  return nodesByKeys(ctx, 'claim/by-keys');
}

/** A page from a single-row `RETURN total, items` query (top-level lists). */
export function singleRowPage(ctx: Context, query: QueryName, params: Record<string, unknown>) {
  return async (offset: number, limit: number): Promise<Page> => {
    const row = await ctx.loaders.one(query, { ...params, offset, limit });
    return { total: Number(row?.total ?? 0), items: (row?.items as string[] | undefined) ?? [] };
  };
}
