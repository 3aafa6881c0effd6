/**
 * `GET /metrics` in the Prometheus text format (prom-client), one registry per API instance:
 *
 *   claimgraph_graphql_requests_total{operation,outcome}   outcome: ok | partial | error
 *   claimgraph_graphql_request_duration_seconds{operation}  histogram, request to response
 *   claimgraph_graphql_errors_total{code}                   every error in a result, by extensions.code
 *   claimgraph_cypher_round_trips_per_request               histogram of round trips per operation
 *   claimgraph_neo4j_pool_connections{state}                in_use | idle, read from the driver's pool
 *   claimgraph_neo4j_pool_waiting / _max                    acquisitions waiting; the pool's size limit
 *   claimgraph_ingests_total{outcome}, claimgraph_ingested_claims_total   every article ingest in this process
 *   claimgraph_exports_total{format,status}                 HTTP exports by format and status
 *   plus Node's process metrics (memory, event-loop lag, GC) under claimgraph_process_* / nodejs_*.
 *
 * Operation names come from clients, so at most MAX_OPERATIONS distinct names become labels; the
 * rest count as "other", and a document without a name as "anonymous".
 */
import { subscribe } from 'node:diagnostics_channel';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import client from 'prom-client';
import { countRoundTrips, RoundTrips, type Database } from './db/database.js';
import { INGEST_CHANNEL, type IngestEvent } from './graph/ingest-events.js';

const MAX_OPERATIONS = 100;
const EXPORT_ROUTE = /^\/export\/([a-z]+)$/;

interface RequestState {
  at: number;
  operation?: string;
  graphql?: boolean;
}

export interface Metrics {
  registry: client.Registry;
  plugin: Plugin;
}

export function createMetrics(db: Database, options: { path?: string } = {}): Metrics {
  const path = options.path ?? '/metrics';
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'claimgraph_' });

  const requests = new client.Counter({
    name: 'claimgraph_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok, partial: data with errors, error: no data)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new client.Histogram({
    name: 'claimgraph_graphql_request_duration_seconds',
    help: 'GraphQL request latency, from the request to the response headers',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const errors = new client.Counter({
    name: 'claimgraph_graphql_errors_total',
    help: 'Errors in GraphQL results by extensions.code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const roundTrips = new client.Histogram({
    name: 'claimgraph_cypher_round_trips_per_request',
    help: 'Cypher round trips to Neo4j per executed GraphQL operation',
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
    registers: [registry],
  });
  new client.Gauge({
    name: 'claimgraph_neo4j_pool_connections',
    help: "Connections in the driver's pool, in use or idle (summed over cluster members)",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = poolState(db);
      if (!pool) return;
      this.set({ state: 'in_use' }, pool.inUse);
      this.set({ state: 'idle' }, pool.idle);
    },
  });
  new client.Gauge({
    name: 'claimgraph_neo4j_pool_waiting',
    help: 'Requests waiting to acquire a pooled connection',
    registers: [registry],
    collect() {
      const pool = poolState(db);
      if (pool) this.set(pool.waiting);
    },
  });
  new client.Gauge({
    name: 'claimgraph_neo4j_pool_max',
    help: 'The largest number of connections the pool opens per server',
    registers: [registry],
    collect() {
      const pool = poolState(db);
      if (pool) this.set(pool.max);
    },
  });
  const ingests = new client.Counter({
    name: 'claimgraph_ingests_total',
    help: 'Article ingests in this process by outcome (changed, unchanged, rejected: invalid document, failed)',
    labelNames: ['outcome'] as const,
    registers: [registry],
  });
  const ingestedClaims = new client.Counter({
    name: 'claimgraph_ingested_claims_total',
    help: 'Claims in successfully ingested articles',
    registers: [registry],
  });
  for (const outcome of ['changed', 'unchanged', 'rejected', 'failed']) ingests.inc({ outcome }, 0);
  subscribe(INGEST_CHANNEL, (message) => {
    const event = message as IngestEvent;
    ingests.inc({ outcome: event.outcome });
    if (event.claims > 0) ingestedClaims.inc(event.claims);
  });
  const exports = new client.Counter({
    name: 'claimgraph_exports_total',
    help: 'HTTP exports by format and response status',
    labelNames: ['format', 'status'] as const,
    registers: [registry],
  });

  const operations = new Set<string>();
  const operationLabel = (name: string | undefined): string => {
    if (!name) return 'anonymous';
    if (operations.has(name)) return name;
    if (operations.size >= MAX_OPERATIONS) return 'other';
    operations.add(name);
    return name;
  };
  const state = new WeakMap<Request, RequestState>();

  const plugin: Plugin = {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname === path) {
        if (request.method !== 'GET') {
          endResponse(new fetchAPI.Response('use GET', { status: 405, headers: { allow: 'GET' } }));
          return;
        }
        endResponse(
          new fetchAPI.Response(await registry.metrics(), {
            headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
          }),
        );
        return;
      }
      state.set(request, { at: performance.now() });
    },
    onParams({ params, request }) {
      // The name as sent; onExecute refines it from the parsed document. A request that fails
      // to parse or validate never reaches execution and keeps this one.
      const s = state.get(request);
      if (!s) return;
      const named =
        params.operationName ??
        /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(params.query ?? '')?.[1];
      s.operation = operationLabel(named);
    },
    onExecute({ args, setExecuteFn, executeFn }) {
      const request = (args.contextValue as { request?: Request }).request;
      const s = request ? state.get(request) : undefined;
      if (s) s.operation = operationLabel(getOperationAST(args.document, args.operationName)?.name?.value);
      const counter = new RoundTrips();
      setExecuteFn((a) => countRoundTrips(counter, () => executeFn(a)));
      return {
        onExecuteDone() {
          roundTrips.observe(counter.count);
        },
      };
    },
    onResultProcess({ request, result }) {
      const s = state.get(request);
      if (!s || Array.isArray(result) || Symbol.asyncIterator in Object(result)) return;
      s.graphql = true;
      const r = result as { data?: unknown; errors?: readonly { extensions?: { code?: unknown } }[] };
      const outcome = !r.errors?.length ? 'ok' : r.data != null ? 'partial' : 'error';
      requests.inc({ operation: s.operation ?? 'anonymous', outcome });
      for (const e of r.errors ?? []) {
        const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN';
        errors.inc({ code });
      }
    },
    onResponse({ request, response }) {
      const s = state.get(request);
      if (!s) return;
      if (s.graphql)
        duration.observe({ operation: s.operation ?? 'anonymous' }, (performance.now() - s.at) / 1000);
      const match = EXPORT_ROUTE.exec(new URL(request.url, 'http://x').pathname);
      if (match) exports.inc({ format: match[1]!, status: String(response.status) });
    },
  };
  return { registry, plugin };
}

interface PoolInternals {
  _pools?: Record<string, { length?: number }>;
  _activeResourceCounts?: Record<string, number>;
  _acquireRequests?: Record<string, unknown[]>;
  _maxSize?: number;
}

/**
 * The driver has no public pool statistics; its pool keeps them in fields read here. When a
 * driver version renames them, the gauges go empty (and tests/integration/metrics.int.test.ts
 * fails) rather than report wrong numbers.
 */
function poolState(db: Database): { inUse: number; idle: number; waiting: number; max: number } | undefined {
  const provider = (db.driver as unknown as { _connectionProvider?: { _connectionPool?: PoolInternals } })
    ._connectionProvider;
  const pool = provider?._connectionPool;
  if (!pool?._activeResourceCounts || !pool._pools || typeof pool._maxSize !== 'number') return undefined;
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    inUse: sum(Object.values(pool._activeResourceCounts)),
    idle: sum(Object.values(pool._pools).map((p) => p.length ?? 0)),
    waiting: sum(Object.values(pool._acquireRequests ?? {}).map((q) => q.length)),
    max: pool._maxSize,
  };
}
