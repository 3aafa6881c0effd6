/**
 * Connection cursors bound to their list. A cursor names a position in one list: the field it
 * came from, the parent it hangs off (an article's claims, an agent's), and every argument that
 * decides the list's members and order (orderBy, filter, query, includeDrafts, dates). The
 * binding is a digest of those, so a cursor taken under one sort order, filter or parent is
 * refused under another with BAD_USER_INPUT instead of silently pointing somewhere else; so is a
 * malformed or forged cursor (a relay `OffsetConnection:-5`, a huge or fractional position, base64
 * of anything). The position inside is an offset into the bound list.
 */
import { createHash } from 'node:crypto';
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { badInput } from './errors.js';

/** The arguments that move through a list rather than define it. */
const PAGING_ARGS = new Set(['first', 'last', 'after', 'before']);

/** Positions beyond this are refused: no list of ours is that long, and it keeps arithmetic exact. */
export const MAX_CURSOR_OFFSET = 1_000_000_000;

const CursorBody = z
  .object({
    v: z.literal(1),
    /** The list's binding (see listBinding). */
    l: z.string().regex(/^[A-Za-z0-9_-]{16}$/),
    /** Offset of the edge in that list. */
    o: z.number().int().min(0).max(MAX_CURSOR_OFFSET),
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

export function encodeCursor(binding: string, offset: number): string {
  return Buffer.from(JSON.stringify({ v: 1, l: binding, o: offset })).toString('base64url');
}

/**
 * The offset a cursor points at in the list `binding` names; BAD_USER_INPUT naming the argument
 * when the cursor is malformed or belongs to another list or sort order.
 */
export function decodeCursor(cursor: string, binding: string, argument: 'after' | 'before'): number {
  let body: z.infer<typeof CursorBody> | null = null;
  if (cursor.length <= 200 && /^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) {
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
  return body.o;
}
