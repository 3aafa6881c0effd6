/** Small object types shared by several domain types, and the connection helper. */
import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { builder } from './builder.js';
import { badInput } from './client-errors.js';
import type { Context } from './context.js';
import { claimsByKeys, claimsWithChains, type ClaimRow } from '../graph/claims.js';
import type { EvidenceProps, SaidProps, TimeProps } from '../graph/row.js';
import { eventByKey } from '../graph/events.js';
import { CHAIN_FIELDS, selects } from './lookahead.js';
import { decodeCursor, encodeCursor, listBinding } from './cursors.js';
import { orderingOf, type KeyPage, type OrderingName, type Seek } from '../graph/keyset.js';
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
      resolve: (x, _a, ctx) => (x.anchor === null ? null : eventByKey(ctx.loaders, x.anchor)),
    }),
    label: t.string({
      description:
        'In words: "2026-01-05", "September 2025", "between 2025-09-11 and 2025-09-30", "on or before ' +
        '2025-09-30", "date unknown (published 2026-01-06)"; a relative time adds its words and anchor.',
      resolve: async (x, _a, ctx) => {
        const anchor = x.anchor === null ? null : await eventByKey(ctx.loaders, x.anchor);
        return describeTime(x, { publishedAt: x.publishedAt, anchorName: anchor?.name ?? null });
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

/** A stored time's parts, whichever node properties they were stored under. */
interface StoredTime {
  text: string | null;
  start: string | null;
  end: string | null;
  basis: string | null;
  precision: string | null;
  earliest: string | null;
  latest: string | null;
  anchor: string | null;
  relation: string | null;
}

/** The time an event, a claim or a telling refers to, or null when it has none. */
export function timeOf(p: TimeProps): TimeShape | null {
  return storedTime(
    {
      text: p.timeText,
      start: p.timeStart,
      end: p.timeEnd,
      basis: p.timeBasis,
      precision: p.timePrecision,
      earliest: p.timeEarliest,
      latest: p.timeLatest,
      anchor: p.timeAnchorKey,
      relation: p.timeRelation,
    },
    null,
  );
}

/** When a claim (or an appearance of it) was said, or null when nothing is stored. */
export function saidOf(p: SaidProps, publishedAt: string | null): TimeShape | null {
  return storedTime(
    {
      text: p.saidText,
      start: null,
      end: null,
      basis: p.saidBasis,
      precision: p.saidPrecision,
      earliest: p.saidEarliest,
      latest: p.saidLatest,
      anchor: p.saidAnchorKey,
      relation: p.saidRelation,
    },
    publishedAt,
  );
}

/**
 * A stored time as the API shows it. A node written before times were resolved (no basis
 * stored) is read as stated, resolved from its bounds.
 */
function storedTime(t: StoredTime, publishedAt: string | null): TimeShape | null {
  const { text, start, end } = t;
  const stored = TimeEstimate.safeParse({
    basis: t.basis,
    precision: t.precision,
    earliest: t.earliest,
    latest: t.latest,
    text,
    anchor: t.anchor,
    relation: t.relation,
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

/** The article's words that show a node, or null when none were stored. */
export function evidenceOf(p: EvidenceProps): SpanShape | null {
  if (p.evidenceStart === null || p.evidenceEnd === null || p.evidenceText === null) return null;
  return { start: p.evidenceStart, end: p.evidenceEnd, text: p.evidenceText };
}

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

export interface ConnectionOptions<T> {
  args: DefaultConnectionArguments;
  ctx: Context;
  info: GraphQLResolveInfo;
  /** The key of the parent the list hangs off (an article's claims), binding its cursors to it. */
  scope?: string;
  /** The order the list is read in (src/graph/keyset.ts); its cursors carry these keys' values. */
  ordering: OrderingName;
  /** The total and the rows beyond the seek's cursors, in its direction, at most `seek.limit`. */
  fetchPage: (seek: Seek) => Promise<KeyPage>;
  /** The nodes of these keys, in the same order (null for one that is gone). */
  toNodes: (keys: string[]) => Promise<(T | null)[]>;
}

/**
 * A Relay connection read by keyset: one round trip for the total and the page, whatever the
 * direction. Each edge's cursor carries its row's sort values, so the next page starts after that
 * row wherever it now stands.
 */
export async function keysetConnection<T>({
  args,
  ctx,
  info,
  scope,
  ordering,
  fetchPage,
  toNodes,
}: ConnectionOptions<T>) {
  const binding = listBinding(info, args, scope);
  const { seek, size, last } = pageSeek(args, ctx, binding, ordering);
  const page = await fetchPage(seek);
  const more = page.rows.length > size;
  let rows = page.rows.slice(0, size);
  if (seek.reverse) rows = rows.reverse();
  // `first` and `last` together: the last `last` of the first `first` (Relay's algorithm).
  const cut = last !== null && rows.length > last;
  if (cut) rows = rows.slice(rows.length - last);
  const nodes = await toNodes(rows.map((r) => r.key));
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

export const STATUS_DEFAULT = ['accepted'];

/** Claim statuses a list shows: accepted ones, plus drafts when asked. */
export function statusesFor(includeDrafts: boolean | null | undefined): string[] {
  return includeDrafts ? ['accepted', 'draft'] : STATUS_DEFAULT;
}

/**
 * The claims of a connection page by key: with their chains in the same round trip when the
 * request goes on to ask for provenance or speakers (`path` leads from the field to the claim).
 */
export function claimNodes(
  ctx: Context,
  info: GraphQLResolveInfo,
  path: readonly string[] = ['edges', 'node'],
): (keys: string[]) => Promise<(ClaimRow | null)[]> {
  if (selects(info, path, CHAIN_FIELDS)) {
    return (keys: string[]) => claimsWithChains(ctx.loaders, keys);
  }
  return (keys: string[]) => claimsByKeys(ctx.loaders, keys);
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
