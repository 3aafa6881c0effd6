/**
 * Keyset pagination: a page continues after (or before) the last row it showed, by that row's
 * sort-key values, never by an offset. A deep page then costs what the first does (no prefix is
 * read and thrown away), and a row inserted between two requests neither repeats nor hides rows.
 *
 * Every list's order is one of the closed `ORDERINGS` below: sort keys that are never null for any
 * row (an unknown date or a missing confidence is moved out of the way by an `IS NULL` key before
 * it and a sentinel after it, so one `=`/`<`/`>` comparison is enough), ending with a unique key
 * that breaks every tie. The Cypher text is assembled here only from those constant fragments:
 * the list queries in cypher/queries carry the placeholders `__Seek__`, `__Order__` and `__Sort__`
 * that `listQuery` fills; the cursor's values always travel as the parameters `$after` and
 * `$before`, never in the text.
 */
import { z } from 'zod';
import { cypher, namedAs, type QueryName } from '../db/cypher.js';

/** A sort-key value as a cursor carries it. */
export type SortValue = string | number | boolean;

export interface SortKey {
  /** A Cypher expression over the list's row variable; never null for any row. */
  readonly expr: string;
  readonly type: 'string' | 'number' | 'boolean';
  /** Descending (largest first); ascending otherwise. */
  readonly desc?: true;
}

// When a claim was said: unknown last in both directions (docs/grading.md, "Dates"); a range sorts
// by its latest day newest first, by its earliest day oldest first. The sentinel '' is the same
// for every unknown, so among them the key decides, as it did when the value was null.
const SAID_UNKNOWN: SortKey = {
  expr: '(c.saidEarliest IS NULL AND c.saidLatest IS NULL)',
  type: 'boolean',
};
// An ungraded claim (no confidence) is never sorted as if it were evidence: last in both directions.
const UNGRADED: SortKey = { expr: 'c.confidence IS NULL', type: 'boolean' };
const CLAIM_KEY: SortKey = { expr: 'c.key', type: 'string' };

/** The orders lists are read in; the last key of each is unique among the list's rows. */
export const ORDERINGS = {
  CLAIM_SAID_AT_DESC: [
    SAID_UNKNOWN,
    { expr: "coalesce(c.saidLatest, c.saidEarliest, '')", type: 'string', desc: true },
    CLAIM_KEY,
  ],
  CLAIM_SAID_AT_ASC: [
    SAID_UNKNOWN,
    { expr: "coalesce(c.saidEarliest, c.saidLatest, '')", type: 'string' },
    CLAIM_KEY,
  ],
  CLAIM_CONFIDENCE_DESC: [
    UNGRADED,
    { expr: 'coalesce(c.confidence, 0.0)', type: 'number', desc: true },
    CLAIM_KEY,
  ],
  CLAIM_CONFIDENCE_ASC: [UNGRADED, { expr: 'coalesce(c.confidence, 0.0)', type: 'number' }, CLAIM_KEY],
  CLAIM_KEY_ASC: [CLAIM_KEY],
  /** An article's claims in the order they stand in its text. */
  CLAIM_IN_TEXT: [{ expr: 'coalesce(c.evidenceStart, 0)', type: 'number' }, CLAIM_KEY],
  /** Articles, newest first. */
  ARTICLE_NEWEST: [
    { expr: "coalesce(a.publishedAt, '')", type: 'string', desc: true },
    { expr: 'a.key', type: 'string' },
  ],
  /** Search and lookup hits (`h.score`, `h.key`), best first. */
  HIT_SCORE_DESC: [
    { expr: 'h.score', type: 'number', desc: true },
    { expr: 'h.key', type: 'string' },
  ],
  /** Proposed links, best score first. */
  PROPOSAL_SCORE_DESC: [
    { expr: 'coalesce(x.score, 0.0)', type: 'number', desc: true },
    { expr: 'x.key', type: 'string' },
  ],
  /** Rows known by their key alone (`key`), in key order: laundered appearances. */
  KEY_ASC: [{ expr: 'key', type: 'string' }],
  /**
   * A list computed in full outside Cypher (the timeline's chronology, laundering): the row's key,
   * found in the list as it now stands (src/schema/connection.ts memoryPage).
   */
  IN_MEMORY: [{ expr: 'key', type: 'string' }],
} as const satisfies Record<string, readonly SortKey[]>;

export type OrderingName = keyof typeof ORDERINGS;

/** Where a page starts and which way it reads: rows strictly after `after` and before `before`. */
export interface Seek {
  after: readonly SortValue[] | null;
  before: readonly SortValue[] | null;
  /** Read from the end backwards (`last`): the rows come back in reverse order. */
  reverse: boolean;
  /** At most this many rows. */
  limit: number;
}

/** One row of a page: its unique key and the values its cursor carries. */
export interface KeyRow {
  key: string;
  sort: SortValue[];
}

/** The list's total and one page of it. */
export interface KeyPage {
  total: number;
  rows: KeyRow[];
}

/**
 * A page as a list query returns it (`total`, `items`), parsed at the boundary; no row (a parent
 * with nothing in its list) is an empty page.
 */
export const PageRow = z
  .object({
    total: z.number().default(0),
    items: z
      .array(z.object({ key: z.string(), sort: z.array(z.union([z.string(), z.number(), z.boolean()])) }))
      .default([]),
  })
  .transform((r): KeyPage => ({ total: r.total, rows: r.items }));

export function orderingOf(name: OrderingName): readonly SortKey[] {
  return ORDERINGS[name];
}

/**
 * Rows strictly beyond `param`'s values in reading direction `forward` (after the cursor) or
 * against it (before): lexicographic on the keys, each compared its own way. The leading key is
 * also given as a plain range bound, so an index on it can serve the seek.
 */
function beyond(keys: readonly SortKey[], param: '$after' | '$before', forward: boolean): string {
  const op = (k: SortKey) => ((k.desc === true) === forward ? '<' : '>');
  const steps = keys.map((k, i) => {
    const equal = keys.slice(0, i).map((p, j) => `${p.expr} = ${param}[${j}]`);
    return [...equal, `${k.expr} ${op(k)} ${param}[${i}]`].join(' AND ');
  });
  const lead = keys[0]!;
  const bound = `${lead.expr} ${op(lead)}= ${param}[0]`;
  return steps.length === 1 ? steps[0]! : `${bound} AND (${steps.map((s) => `(${s})`).join(' OR ')})`;
}

/** The seek predicate for a page: `true` when it starts at an end of the list. */
export function seekPredicate(name: OrderingName, seek: Pick<Seek, 'after' | 'before'>): string {
  const keys: readonly SortKey[] = ORDERINGS[name];
  const parts: string[] = [];
  if (seek.after) parts.push(`(${beyond(keys, '$after', true)})`);
  if (seek.before) parts.push(`(${beyond(keys, '$before', false)})`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

/** The ORDER BY list, reversed for a page read from the end. */
export function orderBy(name: OrderingName, reverse = false): string {
  const keys: readonly SortKey[] = ORDERINGS[name];
  return keys.map((k) => `${k.expr}${(k.desc === true) !== reverse ? ' DESC' : ''}`).join(', ');
}

/** The row's sort values as one list expression (what its cursor will carry). */
export function sortValues(name: OrderingName): string {
  return `[${ORDERINGS[name].map((k) => k.expr).join(', ')}]`;
}

/** The parameters a seek sends: the cursors' values and the page size. */
export function seekParams(seek: Seek): Record<string, unknown> {
  return { after: seek.after ?? null, before: seek.before ?? null, limit: seek.limit };
}

/** The list queries that are keyset templates, and the order each is read in. */
export const LIST_QUERIES = {
  'agent/said': ['CLAIM_SAID_AT_DESC'],
  'agent/passed-on': ['CLAIM_SAID_AT_DESC'],
  'agent/said-about': ['CLAIM_SAID_AT_DESC'],
  'article/claims': ['CLAIM_IN_TEXT'],
  'article/list': ['ARTICLE_NEWEST'],
  'event/claims': ['CLAIM_SAID_AT_ASC'],
  'claim/contested': ['CLAIM_CONFIDENCE_DESC'],
  'claim/search': ['HIT_SCORE_DESC'],
  'agent/lookup': ['HIT_SCORE_DESC'],
  'matching/queue': ['PROPOSAL_SCORE_DESC'],
  'statement/laundered-page': ['KEY_ASC'],
} as const satisfies Partial<Record<QueryName, readonly OrderingName[]>>;

export type ListQueryName = keyof typeof LIST_QUERIES;

/** The ordering a list query is read in. */
export function listOrdering(name: ListQueryName): OrderingName {
  return LIST_QUERIES[name][0];
}

/**
 * A list a connection reads by keyset: the order it is read in (its cursors carry these keys'
 * values) and how to fetch the total and the rows beyond a seek. The read modules make these, so
 * resolvers never name a list query.
 */
export interface KeysetList {
  ordering: OrderingName;
  fetchPage: (seek: Seek) => Promise<KeyPage>;
  /**
   * The one statement `fetchPage` sends for a seek, for a reader that fetches the rows' nodes in
   * the same statement (src/graph/claims.ts `readClaimPage`); absent for a list batched across
   * parents, whose statement serves many lists at once.
   */
  statement?: (seek: Seek) => ListStatement;
}

/** A list's statement for one seek: its text (null: it can match nothing) and every parameter. */
export interface ListStatement {
  name?: QueryName;
  text: string | null;
  params: Record<string, unknown>;
}

/** A keyset page whose rows carry their nodes, read in the same statement. */
export interface NodePage<T> {
  total: number;
  rows: (KeyRow & { node: T | null })[];
}

/**
 * The text of a list query with its placeholders filled for one seek: `__Seek__` (the predicate),
 * `__Order__` (the ORDER BY list) and `__Sort__` (the row's cursor values).
 */
export function listQuery(name: ListQueryName, seek: Pick<Seek, 'after' | 'before' | 'reverse'>): string {
  if (!(name in LIST_QUERIES)) throw new Error(`"${String(name)}" is not a keyset list query`);
  const ordering = listOrdering(name);
  const text = cypher(name)
    .replaceAll('__Seek__', seekPredicate(ordering, seek))
    .replaceAll('__Order__', orderBy(ordering, seek.reverse))
    .replaceAll('__Sort__', sortValues(ordering));
  const left = /__(Seek|Order|Sort)__/.exec(text);
  if (left) throw new Error(`${name}: placeholder ${left[0]} has no value`);
  return namedAs(name, text);
}

/**
 * A list's statement with its items' nodes read in the same statement by a by-keys query (one
 * that starts `UNWIND $keys AS key` and returns `key` and `item` per found key): the list runs as
 * it is, then the by-keys query over the page's keys. One round trip where a page, then its
 * nodes, took two; the by-keys query stays the one definition of a node's row.
 */
export function withNodes(list: string, byKeys: string): string {
  const start = /^UNWIND \$keys AS key$/m;
  if (!start.test(byKeys)) throw new Error('a by-keys query must start with `UNWIND $keys AS key`');
  const body = byKeys.replace(start, 'UNWIND items AS listed\nWITH listed.key AS key');
  if (body.includes('$keys')) throw new Error('a by-keys query may use $keys only in its UNWIND');
  const indent = (text: string, by: string) => text.trim().replace(/\n/g, `\n${by}`);
  return [
    'CALL () {',
    `  ${indent(list, '  ')}`,
    '}',
    'CALL (items) {',
    '  CALL (items) {',
    `    ${indent(body, '    ')}`,
    '  }',
    '  RETURN collect({key: key, item: item}) AS nodes',
    '}',
    'RETURN total, items, nodes',
  ].join('\n');
}
