/**
 * Per-request batching: every field that needs data for many parents (the chain of each claim
 * in a page, the speaker of each hop) goes through a DataLoader, so a request costs a bounded
 * number of Cypher round trips however many rows it returns. Loaders live for one request only:
 * the API process keeps no state of its own.
 *
 * Resolvers never call these methods with a query name: the read modules of each entity
 * (agents.ts, articles.ts, claims.ts, events.ts, review.ts, statement.ts) do, each with the zod
 * schema of the rows its query returns.
 */
import DataLoader from 'dataloader';
import type { Database, Row } from '../db/database.js';
import { z } from 'zod';
import { cypher, namedAs, type QueryName } from '../db/cypher.js';
import {
  PageRow,
  listOrdering,
  listQuery,
  seekParams,
  withNodes,
  type KeyPage,
  type KeysetList,
  type ListQueryName,
  type ListStatement,
  type NodePage,
  type Seek,
} from './keyset.js';

/** The names a loader takes. */
export type { QueryName } from '../db/cypher.js';

/**
 * Reads one row's value into its typed shape (a zod schema's `parse`, from the entity's read
 * module). Applied once per row when its batch arrives, so what the loader caches, and every
 * resolver sees, is already typed: a renamed column fails loudly here instead of reaching the
 * client as something it is not.
 */
export type Parse<T> = (value: unknown) => T;

/** DataLoader's `loadMany` answers, with the first failure thrown instead of kept in the list. */
export function settled<T>(results: readonly (T | Error)[]): T[] {
  return results.map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
}

export class Loaders {
  private readonly keyed = new Map<string, DataLoader<string, unknown>>();
  private readonly paged = new Map<string, DataLoader<string, KeyPage>>();
  private readonly custom = new Map<string, DataLoader<string, unknown>>();

  constructor(readonly db: Database) {}

  /**
   * One typed row per key from a `UNWIND $keys ... RETURN key, item` query; null when absent.
   * A query is always read with the same `parse` (its read module owns both), so the loader is
   * keyed by the query alone.
   */
  row<T>(query: QueryName, key: string, parse: Parse<T>): Promise<T | null> {
    return this.keyedLoader<T | null>(query, 'item', null, {}, parse).load(key);
  }

  /**
   * Typed rows by key, in the same order: null for a key naming none. A failed batch (a row that
   * does not parse, a database error) fails the whole call: it is never read as "absent".
   */
  rows<T>(query: QueryName, keys: readonly string[], parse: Parse<T>): Promise<(T | null)[]> {
    return this.keyedLoader<T | null>(query, 'item', null, {}, parse).loadMany(keys).then(settled);
  }

  /** Seeds a row loader with a row another query already returned and parsed (no round trip). */
  primeRow<T>(query: QueryName, key: string, value: T, parse: Parse<T>): void {
    this.keyedLoader<T | null>(query, 'item', null, {}, parse).prime(key, value);
  }

  /**
   * A list per key from a `UNWIND $keys ... RETURN key, items` query, each element parsed;
   * empty when absent.
   */
  rowList<T>(
    query: QueryName,
    key: string,
    parse: Parse<T>,
    params: Record<string, unknown> = {},
  ): Promise<T[]> {
    const parseAll = (value: unknown): T[] => {
      if (value === null || value === undefined) return [];
      if (!Array.isArray(value)) throw new Error(`${query}: \`items\` is not a list`);
      return value.map(parse);
    };
    return this.keyedLoader<T[]>(query, 'items', [], params, parseAll).load(key);
  }

  /**
   * A batch of a read module's own shape (claims with their chains), made once per request under
   * `id` by `make`.
   */
  batch<V>(id: string, make: () => DataLoader<string, V>): DataLoader<string, V> {
    let loader = this.custom.get(id) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = make();
      this.custom.set(id, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /**
   * One keyset page per parent from a `RETURN key, total, items` list query (src/graph/keyset.ts),
   * batched across parents that read the same page (the first page of every agent on a page).
   */
  keysetPage(
    query: ListQueryName,
    key: string,
    seek: Seek,
    params: Record<string, unknown>,
  ): Promise<KeyPage> {
    const id = `${query}|${JSON.stringify(seek)}|${JSON.stringify(params)}`;
    let loader = this.paged.get(id);
    if (!loader) {
      loader = new DataLoader<string, KeyPage>(async (keys) => {
        const rows = await this.db.readOne(listQuery(query, seek), { ...params, ...seekParams(seek), keys });
        const byKey = new Map(rows.map((r) => [String(r.key), r]));
        return keys.map((k) => PageRow.parse(byKey.get(k) ?? {}));
      });
      this.paged.set(id, loader);
    }
    return loader.load(key);
  }

  /** A keyset list hanging off one parent (`RETURN key, total, items`), batched across parents. */
  parentList(query: ListQueryName, parent: string, params: Record<string, unknown>): KeysetList {
    return {
      ordering: listOrdering(query),
      fetchPage: (seek) => this.keysetPage(query, parent, seek, params),
    };
  }

  /** A top-level keyset list (`RETURN total, items`). */
  list(query: ListQueryName, params: Record<string, unknown>): KeysetList {
    const statement = (seek: Seek): ListStatement => ({
      name: query,
      text: listQuery(query, seek),
      params: { ...params, ...seekParams(seek) },
    });
    return {
      ordering: listOrdering(query),
      statement,
      fetchPage: async (seek) => {
        const rows = await this.db.readOne(listQuery(query, seek), { ...params, ...seekParams(seek) });
        return PageRow.parse(rows[0] ?? {});
      },
    };
  }

  /**
   * A top-level keyset list whose page comes with its rows' nodes in the same statement, read by
   * the by-keys query `nodes` (`withNodes`) and primed into that query's row loader.
   */
  async nodePage<T>(
    query: ListQueryName,
    params: Record<string, unknown>,
    nodes: QueryName,
    parse: Parse<T>,
    seek: Seek,
  ): Promise<NodePage<T>> {
    const text = namedAs(query, withNodes(listQuery(query, seek), cypher(nodes)));
    const [row] = await this.db.readOne(text, { ...params, ...seekParams(seek) });
    const page = PageRow.parse(row ?? {});
    const found = z.array(z.object({ key: z.string(), item: z.unknown() })).parse(row?.nodes ?? []);
    const byKey = new Map<string, T>();
    for (const { key, item } of found) {
      const value = parse(item);
      byKey.set(key, value);
      this.primeRow(nodes, key, value, parse);
    }
    return { total: page.total, rows: page.rows.map((r) => ({ ...r, node: byKey.get(r.key) ?? null })) };
  }

  /** A single-row query: no batching, but still one round trip. */
  async one(query: QueryName, params: Record<string, unknown>): Promise<Row | undefined> {
    const rows = await this.db.readOne(cypher(query), params);
    return rows[0];
  }

  private keyedLoader<T>(
    query: QueryName,
    field: string,
    missing: T,
    params: Record<string, unknown>,
    parse: Parse<T>,
  ): DataLoader<string, T> {
    const id = `${query}|${field}|${JSON.stringify(params)}`;
    let loader = this.keyed.get(id) as DataLoader<string, T> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T>(async (keys) => {
        const rows = await this.db.readOne(cypher(query), { ...params, keys });
        const byKey = new Map(rows.map((r) => [String(r.key), parse(r[field])]));
        return keys.map((k) => byKey.get(k) ?? missing);
      });
      this.keyed.set(id, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
