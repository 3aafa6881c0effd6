/**
 * Read-your-writes across API instances: two server processes on loopback sharing one Neo4j,
 * used round-robin by one client. A write on A returns an `X-Neo4j-Bookmark` header; the read
 * on B that carries it sees the write. On a single Neo4j any read would see it, so the test also
 * proves the header reaches B's database session: a bookmark that database never issued makes
 * the same read fail with BAD_USER_INPUT (it would succeed if the header were ignored), and a
 * malformed header is refused with 400 before anything runs. Reads and failed writes return no
 * bookmark.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest.js';
import { repoRoot } from '../../src/paths.js';
import { EDITOR_KEY, seedDocument } from '../support/api.js';
import { useTestGraph } from '../support/db.js';
import { apiServerEnv, Service } from '../support/service.js';

const CLAIM = 'noonpost-7628#sharaa-golan-compromise-end-presidency';
const OTHER = 'noonpost-7628#trump-predicts-deal-close';
const THIRD = 'noonpost-7628#trump-netanyahu-understanding';

useTestGraph({ seed: (db) => ingestDocument(db, seedDocument(), { by: 'test' }) });

function apiProcess(): Service {
  return new Service(
    spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: apiServerEnv(),
    }),
  );
}

describe('two API instances, one client, round-robin', () => {
  const services: Service[] = [];
  const bases: string[] = [];
  let turn = 0;

  beforeAll(async () => {
    services.push(apiProcess(), apiProcess());
    for (const s of services)
      bases.push(`http://127.0.0.1:${String((await s.waitFor('listening', 180_000)).port)}`);
  }, 400_000);

  afterAll(async () => {
    for (const s of services) if (s.proc.exitCode === null) s.proc.kill('SIGTERM');
    await Promise.all(services.map((s) => s.exited));
  });

  /** The next instance in turn, as a round-robin load balancer would pick it. */
  async function post(
    query: string,
    variables: Record<string, unknown>,
    headers: Record<string, string> = {},
  ) {
    const base = bases[turn++ % bases.length]!;
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': EDITOR_KEY, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { base, status: response.status, headers: response.headers, body: (await response.json()) as any };
  }

  const link = (to: string, note: string) =>
    post(`mutation($i: LinkClaimsInput!) { linkClaims(input: $i) { __typename } }`, {
      i: { from: CLAIM, to, type: 'SUPPORTS', note },
    });
  const READ = `query($key: String!) { claim(key: $key) { related { type note claim { key } } } }`;
  const noteSeen = (body: any, to: string) =>
    (body.data?.claim?.related as { note: string | null; claim: { key: string } }[] | undefined)?.find(
      (r) => r.claim.key === to,
    )?.note;

  it('a write on A returns a bookmark; the read on B that carries it sees the write', async () => {
    const write = await link(OTHER, 'written on A');
    expect(write.body.data?.linkClaims.__typename).toBe('MutationLinkClaimsSuccess');
    const bookmark = write.headers.get('x-neo4j-bookmark');
    expect(bookmark).toMatch(/^[A-Za-z0-9:+/=_-]+$/);

    const read = await post(READ, { key: CLAIM }, { 'x-neo4j-bookmark': bookmark! });
    expect(read.base).not.toBe(write.base);
    expect(read.status).toBe(200);
    expect(read.body.errors).toBeUndefined();
    expect(noteSeen(read.body, OTHER)).toBe('written on A');
    // A read writes nothing: no bookmark to carry.
    expect(read.headers.get('x-neo4j-bookmark')).toBeNull();
  });

  it('passes the bookmark to the database: one it never issued fails the read clearly', async () => {
    const write = await link(THIRD, 'second write');
    const real = write.headers.get('x-neo4j-bookmark')!;
    // Same shape, different content: the database cannot have issued it.
    const forged = `FB:${Buffer.from('not a bookmark of this database at all').toString('base64')}`;
    expect(forged).not.toBe(real);
    const read = await post(READ, { key: CLAIM }, { 'x-neo4j-bookmark': forged });
    expect(read.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(read.body.errors?.[0]?.message).toMatch(/X-Neo4j-Bookmark/);
    // Without the header the same read on the same instance succeeds.
    turn -= 1;
    const plain = await post(READ, { key: CLAIM });
    expect(plain.base).toBe(read.base);
    expect(noteSeen(plain.body, THIRD)).toBe('second write');
  });

  it('refuses a malformed header with 400 before running anything', async () => {
    const read = await post(READ, { key: CLAIM }, { 'x-neo4j-bookmark': 'not a bookmark; DROP' });
    expect(read.status).toBe(400);
    expect(read.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
