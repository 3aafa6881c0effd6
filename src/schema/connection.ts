/**
 * Lists as Relay connections read by keyset (`keysetConnection`, `memoryPage` for lists computed
 * in memory), and the claim statuses and claim nodes the claim lists share.
 */
import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from './client-errors.js';
import type { Context } from './context.js';
import { claimsByKeys, claimsWithChains, readClaimPage, type ClaimRow } from '../graph/claims.js';
import { claimReads } from './projection.js';
import { decodeCursor, encodeCursor, listBinding } from './cursors.js';
import {
  orderingOf,
  type KeyPage,
  type KeyRow,
  type KeysetList,
  type NodePage,
  type OrderingName,
  type Seek,
} from '../graph/keyset.js';

/**
 * Relay arguments to a keyset seek: the cursors' sort values (checked against the list they must
 * come from, see cursors.ts), the direction and the page size, refusing pages larger than
 * MAX_PAGE_SIZE with a clear error instead of quietly truncating. `last` without `first` reads
 * from the end (or from `before`) backwards, so it needs no count first.
 */
export function pageSeek(
  args: DefaultConnectionArguments,
  ctx: Context,
  binding: string,
  ordering: OrderingName,
): { seek: Seek; size: number; last: number | null } {
  const max = ctx.config.MAX_PAGE_SIZE;
  for (const name of ['first', 'last'] as const) {
    const v = args[name];
    if (v != null && (v < 0 || v > max)) throw badInput(`\`${name}\` must be between 0 and ${max}`, name);
  }
  const keys = orderingOf(ordering);
  const after = args.after != null ? decodeCursor(args.after, binding, keys, 'after') : null;
  const before = args.before != null ? decodeCursor(args.before, binding, keys, 'before') : null;
  const { first, last } = args;
  const reverse = first == null && last != null;
  const size = first ?? last ?? Math.min(20, max);
  // One row more than the page tells whether there is another page in the reading direction.
  return {
    seek: { after, before, reverse, limit: size + 1 },
    size,
    last: first != null && last != null ? last : null,
  };
}

interface ConnectionBase {
  args: DefaultConnectionArguments;
  ctx: Context;
  info: GraphQLResolveInfo;
  /** The key of the parent the list hangs off (an article's claims), binding its cursors to it. */
  scope?: string;
  /** The order the list is read in (src/graph/keyset.ts); its cursors carry these keys' values. */
  ordering: OrderingName;
}

export type ConnectionOptions<T> = ConnectionBase &
  (
    | {
        /** The total and the rows beyond the seek's cursors, in its direction, at most `seek.limit`. */
        fetchPage: (seek: Seek) => Promise<KeyPage>;
        /** The nodes of these keys, in the same order (null for one that is gone). */
        toNodes: (keys: string[]) => Promise<(T | null)[]>;
      }
    | {
        /** As fetchPage, each row with its node read in the same statement. */
        fetchNodes: (seek: Seek) => Promise<NodePage<T>>;
      }
  );

/**
 * A Relay connection read by keyset: one round trip for the total and the page, whatever the
 * direction (and its nodes in the same one, given `fetchNodes`). Each edge's cursor carries its
 * row's sort values, so the next page starts after that row wherever it now stands.
 */
export async function keysetConnection<T>(options: ConnectionOptions<T>) {
  const { args, ctx, info, scope, ordering } = options;
  const binding = listBinding(info, args, scope);
  const { seek, size, last } = pageSeek(args, ctx, binding, ordering);
  const page: NodePage<T> | KeyPage =
    'fetchNodes' in options ? await options.fetchNodes(seek) : await options.fetchPage(seek);
  const more = page.rows.length > size;
  let rows: (KeyRow & { node?: T | null })[] = page.rows.slice(0, size);
  if (seek.reverse) rows = rows.reverse();
  // `first` and `last` together: the last `last` of the first `first` (Relay's algorithm).
  const cut = last !== null && rows.length > last;
  if (cut) rows = rows.slice(rows.length - last);
  const nodes =
    'fetchNodes' in options ? rows.map((r) => r.node ?? null) : await options.toNodes(rows.map((r) => r.key));
  const edges = rows.flatMap((row, i) => {
    const node = nodes[i];
    return node == null ? [] : [{ node, cursor: encodeCursor(binding, row.sort) }];
  });
  return {
    totalCount: page.total,
    edges,
    pageInfo: {
      hasPreviousPage: seek.reverse ? more : args.after != null || cut,
      hasNextPage: seek.reverse ? args.before != null : more,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * A connection of claims from a claims list: the page and its claims (with their chains when the
 * request asks for provenance or speakers) in one statement when the list can say its statement,
 * else the page, then its claims batched across the request (lists that hang off many parents).
 */
export function claimConnection(
  options: Omit<ConnectionBase, 'ordering'> & { list: KeysetList },
): ReturnType<typeof keysetConnection<ClaimRow>> {
  const { list, ...rest } = options;
  const { statement } = list;
  const base = { ...rest, ordering: list.ordering };
  if (statement) {
    const reads = claimReads(base.info, ['edges', 'node']);
    return keysetConnection<ClaimRow>({
      ...base,
      fetchNodes: (seek) => readClaimPage(base.ctx.loaders, statement(seek), reads),
    });
  }
  return keysetConnection<ClaimRow>({
    ...base,
    fetchPage: list.fetchPage,
    toNodes: claimNodes(base.ctx, base.info),
  });
}

export const STATUS_DEFAULT = ['accepted'];

/** Claim statuses a list shows: accepted ones, plus drafts when asked. */
export function statusesFor(includeDrafts: boolean | null | undefined): string[] {
  return includeDrafts ? ['accepted', 'draft'] : STATUS_DEFAULT;
}

/**
 * The claims of a connection page by key, reading only what the request asks of them
 * (projection.ts), with their chains in the same round trip when it goes on to ask for
 * provenance or speakers (`path` leads from the field to the claim).
 */
export function claimNodes(
  ctx: Context,
  info: GraphQLResolveInfo,
  path: readonly string[] = ['edges', 'node'],
): (keys: string[]) => Promise<(ClaimRow | null)[]> {
  const { projection, chain } = claimReads(info, path);
  if (chain) return (keys: string[]) => claimsWithChains(ctx.loaders, keys, projection);
  return (keys: string[]) => claimsByKeys(ctx.loaders, keys, projection);
}

/**
 * A keyset page of a list computed in full in memory (`IN_MEMORY` cursors carry the row's key).
 * With `compare`, the list is sorted by it and the page starts where the cursor's key would
 * stand, present or not; without, the list's own order is positional and a cursor whose row has
 * left the list is refused (ask again from the start).
 */
export function memoryPage(
  keys: readonly string[],
  seek: Seek,
  compare?: (a: string, b: string) => number,
): KeyPage {
  const position = (values: readonly unknown[], argument: 'after' | 'before', side: 1 | 0) => {
    const key = String(values[0]);
    if (compare) {
      const at = keys.findIndex((k) => (side === 1 ? compare(k, key) > 0 : compare(k, key) >= 0));
      return at < 0 ? keys.length : at;
    }
    const at = keys.indexOf(key);
    if (at < 0) {
      throw badInput(
        `\`${argument}\` names a row no longer in this list: ask it again from the start`,
        argument,
      );
    }
    return at + side;
  };
  // [start, end): after the `after` row, before the `before` row.
  const start = seek.after ? position(seek.after, 'after', 1) : 0;
  const end = Math.max(start, seek.before ? position(seek.before, 'before', 0) : keys.length);
  const window = keys.slice(start, end);
  const page = seek.reverse ? window.slice(-seek.limit).reverse() : window.slice(0, seek.limit);
  return { total: keys.length, rows: page.map((key) => ({ key, sort: [key] })) };
}
