/**
 * OpenTelemetry tracing, through HTTP. On: a GraphQL operation gives one server span, and every
 * Cypher statement it ran a client span under it, named by its registry file, with no variable
 * or parameter anywhere (in process, in-memory exporter; and a real server process sending OTLP
 * to a receiver of ours). Off (the default): a real server process answers without loading any
 * OpenTelemetry SDK module, and no span is made.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_NAMES } from '../../src/db/query-names.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { repoRoot } from '../../src/paths.js';
import { startTracing, type Tracing } from '../../src/tracing.js';
import { buildYoga } from '../../src/yoga.js';
import { API_KEYS, EDITOR_KEY, seedDocument } from '../support/api.js';
import { testConfig, useTestGraph } from '../support/db.js';
import { apiServerEnv, Service } from '../support/service.js';

const CLAIM = 'noonpost-7628#sharaa-golan-compromise-end-presidency';
/** A value that must never appear in a span: it is only ever sent as a variable. */
const SECRET_SEARCH = 'ceasefire zq-secret-needle';
const PROVENANCE = `query ClaimProvenance($key: String!) {
  claim(key: $key) { text provenance { depth chain { role agent { name } } } } }`;
const SEARCH = `query Search($q: String!) { searchClaims(query: $q, first: 5) { totalCount } }`;

const graph = useTestGraph({ seed: (db) => ingestDocument(db, seedDocument(), { by: 'test' }) });

async function post(base: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': EDITOR_KEY },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: unknown[] } };
}

function everyAttributeValue(spans: { attributes: Record<string, unknown> }[]): string {
  return JSON.stringify(spans.map((s) => s.attributes));
}

describe('tracing on, in process (in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const config = testConfig({ OTEL_ENABLED: 'true', API_KEYS });
    tracing = (await startTracing(config, { exporter }))!;
    graph.db.onStatement(tracing.statementHook);
    server = createServer(buildYoga({ config, db: graph.db, tracingPlugin: tracing.plugin }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await tracing?.shutdown();
  });

  const spansOf = (operation: ReadableSpan) =>
    exporter
      .getFinishedSpans()
      .filter(
        (s) =>
          s.spanContext().traceId === operation.spanContext().traceId &&
          s.parentSpanContext?.spanId === operation.spanContext().spanId,
      );

  it('gives a span per operation and a child span per Cypher statement, named by the registry', async () => {
    exporter.reset();
    const answer = await post(base, PROVENANCE, { key: CLAIM });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.claim.provenance.chain.length).toBeGreaterThan(1);

    const operation = exporter.getFinishedSpans().find((s) => s.name === 'query.ClaimProvenance');
    expect(operation).toBeDefined();
    expect(operation!.attributes['graphql.execute.operationName']).toBe('ClaimProvenance');
    expect(operation!.attributes['graphql.execute.operationType']).toBe('query');
    const statements = spansOf(operation!);
    expect(statements.length).toBeGreaterThan(0);
    for (const span of statements) {
      expect(span.name).toBe(`cypher ${String(span.attributes['db.query.summary'])}`);
      expect(QUERY_NAMES).toContain(span.attributes['db.query.summary']);
      expect(span.attributes['db.system.name']).toBe('neo4j');
      expect(span.attributes['db.operation.name']).toBe('READ');
    }
    // Each statement lies inside the operation's time.
    const hr = (t: [number, number]) => t[0] * 1e9 + t[1];
    for (const span of statements) {
      expect(hr(span.startTime)).toBeGreaterThanOrEqual(hr(operation!.startTime));
      expect(hr(span.endTime)).toBeLessThanOrEqual(hr(operation!.endTime));
    }
  });

  it('names writes as WRITE statements under the mutation', async () => {
    exporter.reset();
    const answer = await post(
      base,
      `mutation Link($i: LinkClaimsInput!) { linkClaims(input: $i) { __typename } }`,
      { i: { from: CLAIM, to: 'noonpost-7628#trump-predicts-deal-close', type: 'SUPPORTS' } },
    );
    expect(answer.body.data?.linkClaims.__typename, JSON.stringify(answer.body)).toBe(
      'MutationLinkClaimsSuccess',
    );
    const operation = exporter.getFinishedSpans().find((s) => s.name === 'mutation.Link');
    expect(operation).toBeDefined();
    const modes = spansOf(operation!).map((s) => s.attributes['db.operation.name']);
    expect(modes).toContain('WRITE');
    expect(spansOf(operation!).map((s) => s.attributes['db.query.summary'])).toContain('claim/link');
  });

  it('records no variable, document or parameter', async () => {
    exporter.reset();
    const answer = await post(base, SEARCH, { q: SECRET_SEARCH });
    expect(answer.body.errors).toBeUndefined();
    const spans = exporter.getFinishedSpans();
    expect(spans.some((s) => s.name === 'query.Search')).toBe(true);
    expect(spans.some((s) => s.attributes['db.query.summary'] === 'claim/search')).toBe(true);
    const text = everyAttributeValue(spans) + JSON.stringify(spans.map((s) => s.name));
    expect(text).not.toContain('zq-secret-needle');
    expect(text).not.toContain('searchClaims');
  });

  it('records a failed operation by its error codes, not its messages (which quote the input)', async () => {
    exporter.reset();
    // A variable of the wrong type: graphql-js's message quotes the value the client sent.
    const answer = await post(base, `query Paged($n: Int) { claims(first: $n) { totalCount } }`, {
      n: 'zq-secret-needle',
    });
    expect(JSON.stringify(answer.body.errors)).toContain('zq-secret-needle');
    const spans = exporter.getFinishedSpans();
    const events = spans.flatMap((s) => s.events);
    const failure = events.find((e) => e.attributes?.['exception.type'] === 'graphql.execute.error');
    // Codes only (graphql-js's variable error has none yet when the plugin sees it: UNCODED).
    expect(failure?.attributes?.['exception.message']).toMatch(/^[A-Z_]+(, [A-Z_]+)*$/);
    const text = JSON.stringify(events) + everyAttributeValue(spans);
    expect(text).not.toContain('zq-secret-needle');
  });
});

/** A server process as `npm start` runs it, with OpenTelemetry modules' loads reported. */
function serverProcess(env: Record<string, string>): Service {
  return new Service(
    spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './tests/support/module-log.mjs', 'src/server.ts'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: apiServerEnv({
          MODULE_LOG_PATTERN:
            '/node_modules/(@opentelemetry/(sdk-|exporter-|context-)|@envelop/opentelemetry)',
          ...env,
        }),
      },
    ),
  );
}

async function stop(service: Service): Promise<void> {
  service.proc.kill('SIGTERM');
  const exit = await Promise.race([
    service.exited,
    new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 30_000)),
  ]);
  if (exit === 'timeout') service.proc.kill('SIGKILL');
  expect(exit).toEqual({ code: 0, signal: null });
}

const loadedModules = (service: Service) =>
  service.text.split('\n').filter((l) => l.startsWith('MODULE-LOADED '));

describe('a server process', () => {
  let receiver: Server | undefined;
  const services: Service[] = [];
  afterAll(async () => {
    for (const s of services) if (s.proc.exitCode === null) s.proc.kill('SIGKILL');
    receiver?.closeAllConnections();
    await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  });

  it('with tracing off (the default) answers and loads no OpenTelemetry SDK', async () => {
    const service = serverProcess({});
    services.push(service);
    const listening = await service.waitFor('listening', 120_000);
    const answer = await post(`http://127.0.0.1:${String(listening.port)}`, PROVENANCE, { key: CLAIM });
    expect(answer.body.errors).toBeUndefined();
    await stop(service);
    expect(loadedModules(service)).toEqual([]);
    expect(service.lines.some((l) => l.msg === 'OpenTelemetry tracing on')).toBe(false);
  }, 180_000);

  it('with OTEL_ENABLED=true sends the spans over OTLP/HTTP, flushed on SIGTERM', async () => {
    const received: { url: string; body: any }[] = [];
    receiver = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        received.push({ url: req.url ?? '', body: JSON.parse(body) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    const service = serverProcess({
      OTEL_ENABLED: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
      OTEL_SERVICE_NAME: 'claim-graph-test',
    });
    services.push(service);
    const listening = await service.waitFor('listening', 120_000);
    const answer = await post(`http://127.0.0.1:${String(listening.port)}`, SEARCH, { q: SECRET_SEARCH });
    expect(answer.body.errors).toBeUndefined();
    await stop(service);

    // The control for the test above: the same hook does see the SDK when it is loaded.
    expect(loadedModules(service).some((l) => l.includes('@opentelemetry/sdk-trace-base'))).toBe(true);
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((r) => r.url === '/v1/traces')).toBe(true);
    const resourceSpans = received.flatMap((r) => r.body.resourceSpans as any[]);
    const service_names = resourceSpans.flatMap((rs) =>
      (rs.resource.attributes as any[])
        .filter((a) => a.key === 'service.name')
        .map((a) => a.value.stringValue),
    );
    expect(new Set(service_names)).toEqual(new Set(['claim-graph-test']));
    const spans = resourceSpans.flatMap((rs) => (rs.scopeSpans as any[]).flatMap((ss) => ss.spans as any[]));
    const operation = spans.find((s) => s.name === 'query.Search');
    expect(operation).toBeDefined();
    const search = spans.find((s) => s.name === 'cypher claim/search');
    expect(search).toBeDefined();
    expect(search.traceId).toBe(operation.traceId);
    expect(search.parentSpanId).toBe(operation.spanId);
    expect(JSON.stringify(spans)).not.toContain('zq-secret-needle');
  }, 180_000);
});
