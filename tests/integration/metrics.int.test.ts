/**
 * Metrics and request ids, through HTTP as an operator's scraper and a client see them: a real
 * server on a loopback port, a few requests of each kind, then GET /metrics is parsed and every
 * family the deployment documents must be there with the samples those requests produced.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest.js';
import { httpRoutes } from '../../src/http-routes.js';
import { createLogger } from '../../src/log.js';
import { buildYoga } from '../../src/yoga.js';
import { seedDocument } from '../support/api.js';
import { testConfig, useTestGraph } from '../support/db.js';

const CLAIM = 'noonpost-7628#sharaa-golan-compromise-end-presidency';
let server: Server;
let base: string;
const logLines: Record<string, unknown>[] = [];

const graph = useTestGraph({ seed: (db) => ingestDocument(db, seedDocument(), { by: 'test' }) });
beforeAll(async () => {
  const config = testConfig({ LOG_LEVEL: 'info' });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) if (line) logLines.push(JSON.parse(line));
      done();
    },
  });
  const log = createLogger(config, sink);
  const yoga = buildYoga({ config, db: graph.db, log, plugins: httpRoutes({ config, db: graph.db }) });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await graph.db.close();
});

const gql = (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });

/** The samples of a Prometheus text exposition: `name{labels}` -> value. */
function samples(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^(\S+?(?:\{.*\})?) (\S+)$/.exec(line);
    if (m) out.set(m[1]!, Number(m[2]));
  }
  return out;
}

describe('GET /metrics', () => {
  it('reports every family after requests of each kind', async () => {
    const provenance = `query Provenance($key: String!) { claim(key: $key) { provenance { depth chain { agent { name } } } } }`;
    for (let i = 0; i < 3; i++) expect((await gql(provenance, { key: CLAIM })).status).toBe(200);
    await gql('query Broken { noSuchField }');
    await gql('query Wrong($key: String!) { claim(key: $key) { key } }', { key: 5 });
    const exported = await fetch(`${base}/export/cytoscape`);
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
    await ingestDocument(graph.db, { not: 'a document' }).catch(() => {});

    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const s = samples(text);

    expect(s.get('claimgraph_graphql_requests_total{operation="Provenance",outcome="ok"}')).toBe(3);
    expect(s.get('claimgraph_graphql_requests_total{operation="Broken",outcome="error"}')).toBe(1);
    expect(s.get('claimgraph_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(s.get('claimgraph_graphql_errors_total{code="BAD_USER_INPUT"}')).toBeGreaterThanOrEqual(1);
    expect(s.get('claimgraph_graphql_request_duration_seconds_count{operation="Provenance"}')).toBe(3);
    expect(
      s.get('claimgraph_graphql_request_duration_seconds_bucket{le="+Inf",operation="Provenance"}'),
    ).toBe(3);
    // Four reached execution: the three provenance questions and Wrong (variables are coerced
    // by the executor); Broken failed validation before it. Each question costs a round trip.
    expect(s.get('claimgraph_cypher_round_trips_per_request_count')).toBe(4);
    expect(s.get('claimgraph_cypher_round_trips_per_request_sum')).toBeGreaterThanOrEqual(3);
    expect(s.get('claimgraph_neo4j_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
    expect(s.get('claimgraph_neo4j_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(0);
    expect(s.get('claimgraph_neo4j_pool_max')).toBe(50);
    expect(s.get('claimgraph_neo4j_pool_waiting')).toBe(0);
    expect(s.get('claimgraph_ingests_total{outcome="rejected"}')).toBeGreaterThanOrEqual(1);
    expect(s.has('claimgraph_ingests_total{outcome="changed"}')).toBe(true);
    expect(s.has('claimgraph_ingested_claims_total')).toBe(true);
    expect(s.get('claimgraph_exports_total{format="cytoscape",status="200"}')).toBe(1);
    expect(s.get('claimgraph_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts a successful ingest and its claims', async () => {
    const before = samples(await (await fetch(`${base}/metrics`)).text());
    const doc = seedDocument() as { article: { title: string } };
    doc.article.title += ' (edited for the metrics test)';
    const result = await ingestDocument(graph.db, doc, { by: 'test' });
    const after = samples(await (await fetch(`${base}/metrics`)).text());
    const key = 'claimgraph_ingests_total{outcome="changed"}';
    expect((after.get(key) ?? 0) - (before.get(key) ?? 0)).toBe(1);
    expect(
      (after.get('claimgraph_ingested_claims_total') ?? 0) -
        (before.get('claimgraph_ingested_claims_total') ?? 0),
    ).toBe(result.claims);
  });
});

describe('request ids', () => {
  it('returns one on every response and echoes a sane one the caller sent', async () => {
    const fresh = await gql('{ __typename }');
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await gql('{ __typename }', {}, { 'x-request-id': 'lb-abc.123' });
    expect(echoed.headers.get('x-request-id')).toBe('lb-abc.123');
    const replaced = await gql('{ __typename }', {}, { 'x-request-id': 'bad id\twith spaces' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    for (const path of ['/health', '/metrics', '/export/cytoscape']) {
      const r = await fetch(`${base}${path}`);
      await r.arrayBuffer();
      expect(r.headers.get('x-request-id'), path).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('is on the log lines written while serving the request', async () => {
    const id = 'trace-me-0001';
    await gql('query Broken { noSuchField }', {}, { 'x-request-id': id });
    const mine = logLines.filter((l) => l.requestId === id);
    expect(mine.some((l) => l.msg === 'request' && l.status === 200 && l.path === '/graphql')).toBe(true);
    // Every access-log line has an id, and each id is one the server returned.
    const access = logLines.filter((l) => l.msg === 'request');
    expect(access.length).toBeGreaterThan(5);
    for (const line of access) expect(line.requestId).toEqual(expect.any(String));
  });
});
