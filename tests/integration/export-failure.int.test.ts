/**
 * Exports fail safely. An error in the middle of a streamed export (here the database driver is
 * closed after the export's first pages, a real failure of the real driver) ends that response as
 * failed: over HTTP the connection is aborted, so no client can take the truncated body for a
 * complete 200; the process keeps serving. Exports are also bounded: depth is capped like the
 * API's neighbourhoods, concurrent exports are limited, and large ones can be made to need a key.
 */
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { httpRoutes } from '../../src/http-routes.js';
import { buildYoga } from '../../src/yoga.js';
import { API_KEYS, READER_KEY, seedDocument } from '../support/api.js';
import { testConfig, testDatabase, useTestGraph } from '../support/db.js';

const graph = useTestGraph({ seed: (db) => ingestDocument(db, seedDocument()) });

/** A real database whose driver is closed when the export starts its `n`th read. */
function closingAfter(n: number): Database {
  const own = testDatabase();
  const read = own.read.bind(own);
  let reads = 0;
  own.read = async (work) => {
    if (++reads === n) await own.close();
    return read(work);
  };
  return own;
}

async function listen(yoga: ReturnType<typeof buildYoga>): Promise<{ server: Server; base: string }> {
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** GETs a URL and reports how the body ended: completely, or aborted mid-way. */
function fetchRaw(url: string): Promise<{ status: number; bytes: number; ended: 'complete' | 'aborted' }> {
  return new Promise((resolve, reject) => {
    get(url, (res: IncomingMessage) => {
      let bytes = 0;
      let settled = false;
      const done = (ended: 'complete' | 'aborted') => {
        if (settled) return;
        settled = true;
        resolve({ status: res.statusCode ?? 0, bytes, ended });
      };
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => done(res.complete ? 'complete' : 'aborted'));
      res.on('aborted', () => done('aborted'));
      res.on('error', () => done('aborted'));
      res.on('close', () => done(res.complete ? 'complete' : 'aborted'));
    }).on('error', reject);
  });
}

describe('an export that fails mid-stream', () => {
  it('aborts that HTTP response (never a complete-looking 200) and the process keeps serving', async () => {
    const failing = closingAfter(3);
    const config = testConfig();
    const yoga = buildYoga({ config, db: failing, plugins: httpRoutes({ config, db: failing }) });
    const { server, base } = await listen(yoga);
    try {
      const r = await fetchRaw(`${base}/export/graphml`);
      expect(r.ended).toBe('aborted');
      // The same server still answers (a request that needs no database).
      const alive = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`);
      expect(alive.status).toBe(200);
      expect(await alive.json()).toMatchObject({ data: { __typename: 'Query' } });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('errors the body stream of a failed export through the fetch API too', async () => {
    const failing = closingAfter(3);
    const config = testConfig();
    const yoga = buildYoga({ config, db: failing, plugins: httpRoutes({ config, db: failing }) });
    const r = await yoga.fetch('http://yoga/export/graphml');
    // Read chunk by chunk (the fetch ponyfill's text() never settles on an errored stream).
    const reader = r.body!.getReader();
    const drain = async () => {
      for (;;) if ((await reader.read()).done) return 'complete';
    };
    await expect(drain()).rejects.toThrow(/Pool is closed/);
  });

  it('completes normally when nothing fails (the test above is about the failure)', async () => {
    const config = testConfig();
    const yoga = buildYoga({ config, db: graph.db, plugins: httpRoutes({ config, db: graph.db }) });
    const { server, base } = await listen(yoga);
    try {
      const r = await fetchRaw(`${base}/export/graphml`);
      expect(r).toMatchObject({ status: 200, ended: 'complete' });
      expect(r.bytes).toBeGreaterThan(10_000);
    } finally {
      server.close();
    }
  });
});

describe('export bounds', () => {
  it('caps depth at MAX_NEIGHBOURHOOD_DEPTH, like the API', async () => {
    const config = testConfig();
    const yoga = buildYoga({ config, db: graph.db, plugins: httpRoutes({ config, db: graph.db }) });
    const key = encodeURIComponent('source:reuters');
    const over = await yoga.fetch(
      `http://yoga/export/graphml?node=${key}&depth=${config.MAX_NEIGHBOURHOOD_DEPTH + 1}`,
    );
    expect(over.status).toBe(400);
    expect(await over.text()).toMatch(/depth/);
    const at = await yoga.fetch(
      `http://yoga/export/graphml?node=${key}&depth=${config.MAX_NEIGHBOURHOOD_DEPTH}`,
    );
    expect(at.status).toBe(200);
    await at.text();
  });

  it('answers 503 with Retry-After past EXPORT_CONCURRENCY exports at once, and frees the slot after', async () => {
    const config = testConfig({ EXPORT_CONCURRENCY: '1' });
    const yoga = buildYoga({ config, db: graph.db, plugins: httpRoutes({ config, db: graph.db }) });
    const first = await yoga.fetch('http://yoga/export/graphml');
    expect(first.status).toBe(200);
    const second = await yoga.fetch('http://yoga/export/cytoscape');
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
    await first.text();
    const third = await yoga.fetch('http://yoga/export/cytoscape');
    expect(third.status).toBe(200);
    await third.text();
  });

  it('frees the slot when a client goes away mid-export', async () => {
    const config = testConfig({ EXPORT_CONCURRENCY: '1' });
    const yoga = buildYoga({ config, db: graph.db, plugins: httpRoutes({ config, db: graph.db }) });
    const first = await yoga.fetch('http://yoga/export/graphml');
    await first.body!.cancel();
    const next = await yoga.fetch('http://yoga/export/graphml');
    expect(next.status).toBe(200);
    await next.text();
  });

  it('requires a key for whole-graph exports when EXPORT_KEY_REQUIRED=whole', async () => {
    const config = testConfig({ API_KEYS, EXPORT_KEY_REQUIRED: 'whole' });
    const yoga = buildYoga({ config, db: graph.db, plugins: httpRoutes({ config, db: graph.db }) });
    expect((await yoga.fetch('http://yoga/export/graphml')).status).toBe(401);
    const keyed = await yoga.fetch('http://yoga/export/graphml', {
      headers: { authorization: `Bearer ${READER_KEY}` },
    });
    expect(keyed.status).toBe(200);
    await keyed.text();
    // A neighbourhood stays public.
    const hood = await yoga.fetch(
      `http://yoga/export/graphml?node=${encodeURIComponent('source:reuters')}&depth=1`,
    );
    expect(hood.status).toBe(200);
    await hood.text();
  });
});
