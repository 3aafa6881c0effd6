/**
 * Web hygiene at the HTTP layer, through `yoga.fetch` with no database (the driver points at a
 * closed port): CORS from an allow-list (src/cors.ts), CSRF prevention (src/csrf.ts), security
 * headers (src/security-headers.ts), and how errors are logged (src/error-log.ts).
 */
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plugin } from 'graphql-yoga';
import { ConfigError, loadConfig } from '../../src/config.js';
import { connect } from '../../src/db/database.js';
import { createLogger } from '../../src/log.js';
import { buildYoga } from '../../src/yoga.js';
import { useExplorer } from '../../src/explorer/plugin.js';
import { API_KEYS, EDITOR_KEY } from '../support/api.js';

const ALLOWED = 'https://desk.example.org';
const EVIL = 'https://evil.example';

function api(env: Record<string, string> = {}, plugins: Plugin[] = []) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    API_KEYS,
    NEO4J_ACQUIRE_TIMEOUT_MS: '100',
    ...env,
  });
  const log = createLogger(config, destination as never);
  const db = connect(
    { uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'x', database: 'neo4j' },
    config,
  );
  const yoga = buildYoga({ config, db, log, plugins });
  const post = (body: string, headers: Record<string, string>) =>
    yoga.fetch('http://yoga/graphql', { method: 'POST', headers, body });
  return { yoga, post, lines, close: () => db.close() };
}

const json = { 'content-type': 'application/json' };
const QUERY = JSON.stringify({ query: '{ __typename }' });

describe('CORS from an allow-list', () => {
  const { yoga, post, close } = api({ CORS_ORIGINS: `${ALLOWED},http://localhost:5173` });
  afterAll(close);

  it('an allowed origin gets its own origin back, without credentials by default', async () => {
    const r = await post(QUERY, { ...json, origin: ALLOWED });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    expect(r.headers.get('vary')).toMatch(/Origin/);
  });

  it('an unknown origin gets no CORS header at all (Yoga reflected any origin, with credentials)', async () => {
    const r = await post(QUERY, { ...json, origin: EVIL });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await yoga.fetch('http://yoga/graphql', {
      method: 'OPTIONS',
      headers: {
        origin: EVIL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-methods')).toBeNull();
  });

  it('a preflight from an allowed origin is answered with the methods and headers a client needs', async () => {
    const r = await yoga.fetch('http://yoga/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(r.headers.get('access-control-allow-methods')).toContain('POST');
    expect(r.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    expect(r.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    // A client spread over several instances sends back the bookmark it was given.
    expect(r.headers.get('access-control-allow-headers')).toMatch(/x-neo4j-bookmark/);
  });

  it('an allowed origin can read the request id and the bookmark a response carries', async () => {
    const r = await post(QUERY, { ...json, origin: 'http://localhost:5173' });
    const exposed = (r.headers.get('access-control-expose-headers') ?? '').split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['x-request-id', 'x-neo4j-bookmark']));
  });

  it('with no CORS_ORIGINS (the default) no origin gets CORS headers', async () => {
    const other = api();
    try {
      const r = await other.post(QUERY, { ...json, origin: ALLOWED });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('credentials only when configured; `*` allows any origin but never with credentials', async () => {
    const withCredentials = api({ CORS_ORIGINS: ALLOWED, CORS_CREDENTIALS: 'true' });
    const star = api({ CORS_ORIGINS: '*' });
    try {
      const a = await withCredentials.post(QUERY, { ...json, origin: ALLOWED });
      expect(a.headers.get('access-control-allow-credentials')).toBe('true');
      const b = await star.post(QUERY, { ...json, origin: EVIL });
      expect(b.headers.get('access-control-allow-origin')).toBe('*');
      expect(b.headers.get('access-control-allow-credentials')).toBeNull();
    } finally {
      await withCredentials.close();
      await star.close();
    }
    expect(() => loadConfig({ CORS_ORIGINS: '*', CORS_CREDENTIALS: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ CORS_ORIGINS: 'desk.example.org' })).toThrow(/CORS_ORIGINS.*not an origin/);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://desk.example.org/path' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('CSRF prevention', () => {
  const { yoga, post, close } = api();
  afterAll(close);
  const auth = { authorization: `Bearer ${EDITOR_KEY}` };
  const MUTATION = 'mutation { __typename }';

  it('a form post cannot run a mutation (Yoga executed urlencoded bodies)', async () => {
    const r = await post(`query=${encodeURIComponent(MUTATION)}`, {
      'content-type': 'application/x-www-form-urlencoded',
      ...auth,
    });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0].message).toMatch(/CSRF/);
  });

  it('nor can any other simple request: multipart, text/plain, or no content type', async () => {
    const body = JSON.stringify({ query: MUTATION });
    for (const headers of [
      { 'content-type': 'multipart/form-data; boundary=x' } as Record<string, string>,
      { 'content-type': 'text/plain;charset=UTF-8' },
      {},
    ]) {
      const r = await post(body, { ...headers, ...auth });
      expect(r.status, JSON.stringify(headers)).toBe(400);
      expect((await r.json()).data).toBeUndefined();
    }
  });

  it('JSON posts, posts with a preflight-forcing header, and GET queries pass; GET cannot mutate', async () => {
    expect(
      (await (await post(JSON.stringify({ query: MUTATION }), { ...json, ...auth })).json()).data,
    ).toEqual({
      __typename: 'Mutation',
    });
    const marked = await post(JSON.stringify({ query: '{ __typename }' }), {
      'content-type': 'text/plain',
      'x-graphql-csrf': '1',
    });
    expect(marked.status).not.toBe(400);
    const get = await yoga.fetch(`http://yoga/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect((await get.json()).data).toEqual({ __typename: 'Query' });
    const getMutation = await yoga.fetch(`http://yoga/graphql?query=${encodeURIComponent(MUTATION)}`, {
      headers: { accept: 'application/json', ...auth },
    });
    expect(getMutation.status).toBe(405);
  });
});

describe('security headers', () => {
  const { yoga, post, close } = api();
  afterAll(close);

  it('every API answer says nosniff, no referrer, no framing, and a policy that allows nothing', async () => {
    for (const r of [
      await post(QUERY, json),
      await post('{', json),
      await yoga.fetch('http://yoga/health'),
      await yoga.fetch('http://yoga/no-such-route'),
    ]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('content-security-policy')).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    }
  });

  it('GraphiQL gets a policy that lets its inlined page run, fetch only this server, and not be framed', async () => {
    const r = await yoga.fetch('http://yoga/graphql', { headers: { accept: 'text/html' } });
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const policy = r.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/connect-src 'self'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/default-src 'none'/);
  });

  it('the explorer keeps its own stricter policy (no inline scripts)', async () => {
    const withExplorer = api({}, [useExplorer()]);
    try {
      const r = await withExplorer.yoga.fetch('http://yoga/explore');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
      expect(r.headers.get('x-frame-options')).toBe('DENY');
    } finally {
      await withExplorer.close();
    }
  }, 120_000);
});

describe('error logging', () => {
  const boom: Plugin = {
    onExecute({ args }) {
      if (args.document.loc?.source.body.includes('Boom')) throw new Error('something broke inside');
    },
  };
  const { post, lines, close } = api({}, [boom]);
  afterAll(close);

  const since = (n: number) => lines.slice(n).filter((l) => l.msg !== 'request');

  it('client errors are logged at info or warn with their code, never with a stack', async () => {
    const cases: [string, Record<string, string>, string, number][] = [
      [JSON.stringify({ query: '{ nope }' }), json, 'GRAPHQL_VALIDATION_FAILED', 30],
      [JSON.stringify({ query: '{' }), json, 'GRAPHQL_PARSE_FAILED', 30],
      [
        JSON.stringify({ query: `{ searchClaims(query: "${'x'.repeat(600)}") { totalCount } }` }),
        json,
        'BAD_USER_INPUT',
        30,
      ],
      [
        JSON.stringify({ query: '{ __typename }' }),
        { ...json, authorization: 'Bearer wrong-key-0123456789' },
        'UNAUTHENTICATED',
        40,
      ],
    ];
    for (const [body, headers, code, level] of cases) {
      const n = lines.length;
      await post(body, headers);
      const logged = since(n);
      expect(logged, code).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level, code });
      expect(JSON.stringify(logged[0])).not.toMatch(/stack|\n\s+at /);
    }
  });

  it('a database outage is logged at error without a stack; an unexpected error at error with its stack', async () => {
    let n = lines.length;
    await post(JSON.stringify({ query: '{ articles { totalCount } }' }), json);
    const outage = since(n);
    expect(outage.length).toBeGreaterThan(0);
    expect(outage.every((l) => l.level === 50 && l.code === 'SERVICE_UNAVAILABLE')).toBe(true);
    expect(JSON.stringify(outage)).not.toMatch(/stack/);

    n = lines.length;
    const r = await post(JSON.stringify({ query: 'query Boom { __typename }', operationName: 'Boom' }), json);
    const answer = await r.text();
    expect(answer, answer).toMatch(/INTERNAL_SERVER_ERROR/);
    // Masked: the client learns that something failed, never what (the message stays in the log).
    expect(answer).not.toMatch(/something broke inside|\bat \S+ \(/);
    const unexpected = since(n);
    expect(
      unexpected.some((l) => l.level === 50 && JSON.stringify(l).includes('something broke inside')),
    ).toBe(true);
    expect(JSON.stringify(unexpected)).toMatch(/stack/);
  });
});
