/**
 * Automatic persisted queries (APQ), the protocol of Apollo Client's PersistedQueryLink and
 * urql's persistedExchange: a client first sends only `extensions.persistedQuery.sha256Hash`;
 * an unknown hash answers `PersistedQueryNotFound` (code PERSISTED_QUERY_NOT_FOUND) and the client
 * resends the hash with the query text, which is checked against the hash and remembered. Works
 * with POST and with GET (`?extensions={...}`), so cached GETs carry a hash instead of the text.
 *
 * Written here rather than taken from @graphql-yoga/plugin-apq, whose peer range
 * (@graphql-tools/utils 10) conflicts with the one graphql-yoga itself uses (11).
 *
 * The store is bounded: at most `maxEntries` queries (least recently used go first) of at most
 * `maxQueryLength` characters each, so a client cannot grow the server's memory by registering
 * queries. A forgotten query costs the client one extra round trip, nothing else.
 */
import { createHash } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface PersistedQueryOptions {
  /** Queries remembered at once (default 1,000). */
  maxEntries?: number;
  /** Longest query text stored, in characters (default 100,000). */
  maxQueryLength?: number;
}

/** A least-recently-used map of hash to query text. */
export class QueryStore {
  private readonly entries = new Map<string, string>();
  constructor(readonly maxEntries: number) {}

  get(hash: string): string | undefined {
    const query = this.entries.get(hash);
    if (query !== undefined) {
      this.entries.delete(hash);
      this.entries.set(hash, query);
    }
    return query;
  }

  set(hash: string, query: string): void {
    this.entries.delete(hash);
    this.entries.set(hash, query);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}

const error = (message: string, code: string) =>
  // HTTP 200 with the error in the body: what both clients read to decide to resend the text.
  new GraphQLError(message, { extensions: { code, http: { status: 200 } } });

export function usePersistedQueries(options: PersistedQueryOptions = {}): Plugin & { store: QueryStore } {
  const store = new QueryStore(options.maxEntries ?? 1000);
  const maxQueryLength = options.maxQueryLength ?? 100_000;
  return {
    store,
    onParams({ params, setParams }) {
      const persisted = (params.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery;
      if (persisted === undefined) return;
      const { version, sha256Hash } = (persisted ?? {}) as { version?: unknown; sha256Hash?: unknown };
      if (version !== 1) throw error('PersistedQueryNotSupported', 'PERSISTED_QUERY_NOT_SUPPORTED');
      if (typeof sha256Hash !== 'string' || !/^[0-9a-f]{64}$/.test(sha256Hash)) {
        throw error('persistedQuery.sha256Hash must be 64 lowercase hex digits', 'BAD_REQUEST');
      }
      if (params.query === undefined || params.query === null || params.query === '') {
        const query = store.get(sha256Hash);
        if (query === undefined) throw error('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND');
        setParams({ ...params, query });
        return;
      }
      if (typeof params.query !== 'string') return; // Yoga refuses a non-string query itself
      if (createHash('sha256').update(params.query).digest('hex') !== sha256Hash) {
        throw error('provided sha does not match query', 'BAD_REQUEST');
      }
      if (params.query.length <= maxQueryLength) store.set(sha256Hash, params.query);
    },
  };
}
