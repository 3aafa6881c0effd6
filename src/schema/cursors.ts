/**
 * Connection cursors bound to their list. A cursor names a row of one list: the field it came
 * from, the parent it hangs off (an article's claims, an agent's), and every argument that decides
 * the list's members and order (orderBy, filter, query, includeDrafts, dates). The binding is a
 * digest of those, so a cursor taken under one sort order, filter or parent is refused under
 * another with BAD_USER_INPUT instead of silently pointing somewhere else; so is a malformed or
 * forged cursor (an offset cursor, values of the wrong type or number, base64 of anything).
 * Inside is the row's place in the list as its sort-key values, ending with its unique key
 * (src/graph/keyset.ts): the next page starts after that row wherever it now stands, so rows
 * added or removed in between neither repeat nor skip others.
 */
import { createHash } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { badInput } from './client-errors.js';
import type { SortKey, SortValue } from '../graph/keyset.js';

/** The arguments that move through a list rather than define it. */
const PAGING_ARGS = new Set(['first', 'last', 'after', 'before']);

/** The longest cursor accepted: sort values are dates, scores and keys, far below this. */
export const MAX_CURSOR_LENGTH = 1_000;

const CursorBody = z
  .object({
    v: z.literal(2),
    /** The list's binding (see listBinding). */
    l: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
    /** The row's sort-key values, in the order's key order; the last is its unique key. */
    k: z
      .array(z.union([z.string().max(500), z.number().finite(), z.boolean()]))
      .min(1)
      .max(8),
  })
  .strict();

/** JSON with object keys sorted, so the same arguments always give the same text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The identity of the list a connection field returns: its type and field, the parent's key
 * (`scope`) and every non-paging argument (defaults included, so `orderBy` left out and given as
 * its default are the same list).
 */
export function listBinding(info: GraphQLResolveInfo, args: object, scope = ''): string {
  const defining = Object.fromEntries(Object.entries(args).filter(([name]) => !PAGING_ARGS.has(name)));
  const identity = `${info.parentType.name}.${info.fieldName}|${scope}|${canonical(defining)}`;
  return createHash('sha256').update(identity).digest('base64url').slice(0, 16);
}

export function encodeCursor(binding: string, values: readonly SortValue[]): string {
  return Buffer.from(JSON.stringify({ v: 2, l: binding, k: values })).toString('base64url');
}

/**
 * The sort-key values of the row a cursor names in the list `binding` names, checked against the
 * list's order (`keys`: as many values, each of its key's type); BAD_USER_INPUT naming the
 * argument when the cursor is malformed or belongs to another list or sort order.
 */
export function decodeCursor(
  cursor: string,
  binding: string,
  keys: readonly SortKey[],
  argument: 'after' | 'before',
): SortValue[] {
  let body: z.infer<typeof CursorBody> | null = null;
  if (cursor.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) {
    try {
      const parsed = CursorBody.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
      if (parsed.success) body = parsed.data;
    } catch {
      body = null;
    }
  }
  if (!body) throw badInput(`\`${argument}\` is not a cursor from this API`, argument);
  if (body.l !== binding) {
    throw badInput(
      `\`${argument}\` is a cursor from another list, sort order or filter: ask this list again from the start`,
      argument,
    );
  }
  const values = body.k;
  if (values.length !== keys.length || values.some((v, i) => typeof v !== keys[i]!.type)) {
    throw badInput(`\`${argument}\` is not a cursor from this API`, argument);
  }
  return values;
}
