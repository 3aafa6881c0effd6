/** Small object types shared by several domain types, and the connection helper. */
import { cursorToOffset, offsetForArgs } from '@pothos/plugin-relay';
import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { builder } from './builder.js';
import { badInput } from './errors.js';
import type { Context } from './context.js';
import type { Item, Page, QueryName } from '../graph/loaders.js';
import { CHAIN_FIELDS, selects } from './lookahead.js';
import type { GraphQLResolveInfo } from 'graphql';

export interface TimeShape {
  text: string | null;
  start: string | null;
  end: string | null;
}
export interface SpanShape {
  start: number;
  end: number;
  text: string;
}

export const TimeRefRef = builder.objectRef<TimeShape>('TimeRef').implement({
  description: 'A time as precise as the article allows: its own words, and bounds when known.',
  fields: (t) => ({
    text: t.exposeString('text', { nullable: true, description: 'The article\'s words ("mid-September").' }),
    start: t.expose('start', { type: 'DateTime', nullable: true, description: 'Earliest moment meant.' }),
    end: t.expose('end', { type: 'DateTime', nullable: true, description: 'Latest moment meant.' }),
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

export function timeOf(item: Item): TimeShape | null {
  const text = (item.timeText as string | null) ?? null;
  const start = (item.timeStart as string | null) ?? null;
  const end = (item.timeEnd as string | null) ?? null;
  return text === null && start === null ? null : { text, start, end };
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
 * error instead of quietly truncating. `last` without `before` needs the total first.
 */
export function pageWindow(
  args: DefaultConnectionArguments,
  ctx: Context,
  totalCount?: number,
): { offset: number; limit: number; hasPreviousPage: boolean } {
  const max = ctx.config.MAX_PAGE_SIZE;
  for (const name of ['first', 'last'] as const) {
    const v = args[name];
    if (v != null && (v < 0 || v > max)) throw badInput(`\`${name}\` must be between 0 and ${max}`, name);
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = args[name];
    if (cursor == null) continue;
    try {
      cursorToOffset(cursor);
    } catch {
      // Say which argument is wrong; the relay plugin's own message names none.
      throw badInput(`\`${name}\` is not a cursor from this list`, name);
    }
  }
  try {
    const w = offsetForArgs({
      args,
      defaultSize: Math.min(20, max),
      maxSize: max,
      ...(totalCount !== undefined ? { totalCount } : {}),
    });
    // offsetForArgs' `limit` already asks for one extra row; ours is the page size itself.
    return { offset: w.offset, limit: w.expectedSize, hasPreviousPage: w.hasPreviousPage };
  } catch (error) {
    throw badInput(`invalid pagination arguments: ${(error as Error).message}`);
  }
}

/** Runs a paged fetch for connection args, counting first when `last` has no `before`. */
export async function offsetConnection<T>(
  args: DefaultConnectionArguments,
  ctx: Context,
  fetchPage: (offset: number, limit: number) => Promise<Page>,
  toNodes: (keys: string[]) => Promise<T[]>,
) {
  let total: number | undefined;
  if (args.last != null && !args.before) total = (await fetchPage(0, 0)).total;
  const window = pageWindow(args, ctx, total);
  // Fetch one extra row to know whether a next page exists.
  const page = await fetchPage(window.offset, window.limit + 1);
  const keys = page.items.slice(0, window.limit);
  const nodes = await toNodes(keys);
  return {
    totalCount: page.total,
    edges: nodes.map((node, i) => ({ node, cursor: offsetToCursorString(window.offset + i) })),
    pageInfo: {
      hasPreviousPage: window.hasPreviousPage,
      hasNextPage: page.items.length > window.limit || window.offset + window.limit < page.total,
      startCursor: nodes.length > 0 ? offsetToCursorString(window.offset) : null,
      endCursor: nodes.length > 0 ? offsetToCursorString(window.offset + nodes.length - 1) : null,
    },
  };
}

function offsetToCursorString(offset: number): string {
  return Buffer.from(`OffsetConnection:${offset}`).toString('base64');
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
