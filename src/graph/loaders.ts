/**
 * Per-request batching: every field that needs data for many parents (the chain of each claim
 * in a page, the speaker of each hop) goes through a DataLoader, so a request costs a bounded
 * number of Cypher round trips however many rows it returns. Loaders live for one request only:
 * the API process keeps no state of its own.
 */
import DataLoader from 'dataloader';
import type { Database, Row } from '../db/database.js';
import { cypher, type QueryName } from '../db/cypher.js';
import type { Plain } from '../db/convert.js';
import { listQuery, seekParams, type KeyPage, type ListQueryName, type Seek } from './keyset.js';

export type Item = Record<string, Plain>;
/** The names a loader takes (resolvers name queries only through these loaders). */
export type { QueryName } from '../db/cypher.js';

interface ClaimChain {
  claim: Item | null;
  chain: Item[];
}

export class Loaders {
  private readonly keyed = new Map<string, DataLoader<string, unknown>>();
  private readonly paged = new Map<string, DataLoader<string, KeyPage>>();
  private claimChainLoader?: DataLoader<string, ClaimChain>;

  constructor(readonly db: Database) {}

  /** One item per key from a `UNWIND $keys ... RETURN key, item` query; null when absent. */
  item(query: QueryName, key: string): Promise<Item | null> {
    return this.keyedLoader<Item | null>(query, 'item', null).load(key);
  }

  /** Seeds an item loader with a value another query already returned (no round trip). */
  prime(query: QueryName, key: string, value: Item): void {
    this.keyedLoader<Item | null>(query, 'item', null).prime(key, value);
  }

  items(query: QueryName, keys: readonly string[]): Promise<(Item | null)[]> {
    return this.keyedLoader<Item | null>(query, 'item', null)
      .loadMany(keys)
      .then((r) => r.map((x) => (x instanceof Error ? null : x)));
  }

  /** A list per key from a `UNWIND $keys ... RETURN key, items` query; empty when absent. */
  list(query: QueryName, key: string, params: Record<string, unknown> = {}): Promise<Item[]> {
    return this.keyedLoader<Item[]>(query, 'items', [], params).load(key);
  }

  /** The attribution chain of a claim (hop 0 first), batched with every other claim's. */
  async chain(claimKey: string): Promise<Item[]> {
    return (await this.claimChains().load(claimKey)).chain;
  }

  /**
   * Claims with their chains in one round trip, for a request that will ask for provenance: the
   * claim loader, the chain loader and the agent loader are all primed from the one statement.
   */
  async claimsWithChains(keys: readonly string[]): Promise<(Item | null)[]> {
    const rows = await this.claimChains().loadMany(keys);
    return rows.map((r) => (r instanceof Error ? null : r.claim));
  }

  async claimWithChain(key: string): Promise<Item | null> {
    return (await this.claimChains().load(key)).claim;
  }

  private claimChains(): DataLoader<string, ClaimChain> {
    this.claimChainLoader ??= new DataLoader<string, ClaimChain>(async (keys) => {
      const rows = await this.db.readOne(cypher('claim/chains'), { keys });
      const byKey = new Map(rows.map((r) => [String(r.key), r]));
      return keys.map((key) => {
        const row = byKey.get(key);
        if (!row) return { claim: null, chain: [] };
        const claim = row.claim as Item;
        const chain = row.chain as Item[];
        this.prime('claim/by-keys', key, claim);
        for (const hop of chain) {
          for (const field of ['agent', 'addressee'] as const) {
            const agent = hop[field] as Item | null | undefined;
            if (agent && typeof agent.key === 'string') this.prime('agent/by-keys', agent.key, agent);
          }
        }
        return { claim, chain };
      });
    });
    return this.claimChainLoader;
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
        return keys.map((k) => {
          const r = byKey.get(k);
          return { total: Number(r?.total ?? 0), rows: (r?.items as KeyPage['rows'] | undefined) ?? [] };
        });
      });
      this.paged.set(id, loader);
    }
    return loader.load(key);
  }

  /** One keyset page of a single-row list query (`RETURN total, items`). */
  async keysetOne(
    query: ListQueryName,
    seek: Seek,
    params: Record<string, unknown>,
  ): Promise<Row | undefined> {
    const rows = await this.db.readOne(listQuery(query, seek), { ...params, ...seekParams(seek) });
    return rows[0];
  }

  /** A single-row query (lists, search): no batching, but still one round trip. */
  async one(query: QueryName, params: Record<string, unknown>): Promise<Row | undefined> {
    const rows = await this.db.readOne(cypher(query), params);
    return rows[0];
  }

  private keyedLoader<T>(query: QueryName, field: string, missing: T, params: Record<string, unknown> = {}) {
    const id = `${query}|${field}|${JSON.stringify(params)}`;
    let loader = this.keyed.get(id) as DataLoader<string, T> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T>(async (keys) => {
        const rows = await this.db.readOne(cypher(query), { ...params, keys });
        const byKey = new Map(rows.map((r) => [String(r.key), r[field] as T]));
        return keys.map((k) => (byKey.has(k) ? (byKey.get(k) as T) : missing));
      });
      this.keyed.set(id, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}
