/**
 * API keys: the right error for a missing, wrong or under-privileged key, and a comparison that
 * does not leak the key through timing. No database is needed: every refusal here happens
 * before a resolver touches Neo4j (the driver below points at a closed port and is never used).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../../src/auth.js';
import { EDITOR_KEY, READER_KEY } from '../support/api.js';
import { codesOf, offlineApi } from '../support/offline-api.js';

const WRITE = `mutation { linkClaims(input: {from: "a#1", to: "b#2", type: SUPPORTS}) { __typename } }`;
const READ = `{ __typename }`;

describe('API keys at the API', () => {
  const api = offlineApi();
  const closedReads = offlineApi({ PUBLIC_READS: 'false' });
  afterAll(async () => {
    await api.close();
    await closedReads.close();
  });

  it('refuses a write without a key: UNAUTHENTICATED, 401, nothing else', async () => {
    const r = await api.gql(WRITE);
    expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.status).toBe(401);
    expect(r.body.data ?? null).toBeNull();
  });

  it('refuses any operation with a key that matches none: UNAUTHENTICATED', async () => {
    for (const headers of <Record<string, string>[]>[
      { authorization: `Bearer ${EDITOR_KEY}x` },
      { 'x-api-key': 'short' },
      { authorization: 'Basic dXNlcjpwYXNz' },
      { 'x-api-key': 'k'.repeat(10_000) },
    ]) {
      for (const query of [READ, WRITE]) {
        const r = await api.gql(query, headers);
        expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
        expect(r.status).toBe(401);
      }
    }
  });

  it('refuses a write with a reader key: FORBIDDEN, 403', async () => {
    const r = await api.gql(WRITE, { authorization: `Bearer ${READER_KEY}` });
    expect(codesOf(r)).toEqual(['FORBIDDEN']);
    expect(r.status).toBe(403);
  });

  it('lets a reader key read, and refuses anonymous reads when reads are not public', async () => {
    expect((await api.gql(READ, { 'x-api-key': READER_KEY })).body.data).toEqual({ __typename: 'Query' });
    expect((await api.gql(READ)).body.data).toEqual({ __typename: 'Query' });
    const r = await closedReads.gql(READ);
    expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
    expect((await closedReads.gql(READ, { authorization: `Bearer ${READER_KEY}` })).body.data).toEqual({
      __typename: 'Query',
    });
  });
});

describe('key comparison', () => {
  const ring = new KeyRing([
    { key: EDITOR_KEY, role: 'editor' },
    { key: READER_KEY, role: 'reader' },
  ]);
  const headers = (key: string) => new Headers({ authorization: `Bearer ${key}` });

  // That every key is compared, all bytes, with no early exit: tests/unit/auth-keyring.test.ts.

  it('accepts exactly the configured keys, whatever is presented (never throws on length)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (presented) => {
        const caller = ring.identify(new Headers({ 'x-api-key': presented.replace(/[\r\n\0]/g, '') }));
        const trimmed = presented.replace(/[\r\n\0]/g, '').trim();
        if (trimmed === EDITOR_KEY) expect(caller.role).toBe('editor');
        else if (trimmed === READER_KEY) expect(caller.role).toBe('reader');
        else expect(caller.role).toBe('anonymous');
      }),
      { numRuns: 500 },
    );
    expect(ring.identify(headers(EDITOR_KEY))).toMatchObject({ role: 'editor', invalidKey: false });
    expect(ring.identify(headers(READER_KEY))).toMatchObject({ role: 'reader', invalidKey: false });
  });

  it('takes about as long for a near miss as for a far miss (a smoke check: the proof is the syntax-tree test)', () => {
    // A near miss shares all but the last character with a real key; a far miss shares none.
    // A byte-by-byte comparison with an early exit would make near misses measurably slower.
    const near = `${EDITOR_KEY.slice(0, -1)}${EDITOR_KEY.endsWith('f') ? 'e' : 'f'}`;
    const far = 'Z'.repeat(EDITOR_KEY.length);
    const near2 = headers(near);
    const far2 = headers(far);
    const batch = 100;
    const time = (h: Headers) => {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < batch; i++) ring.identify(h);
      return Number(process.hrtime.bigint() - t0);
    };
    for (let i = 0; i < 50; i++) time(i % 2 ? near2 : far2); // warm up the JIT
    const nearTimes: number[] = [];
    const farTimes: number[] = [];
    // Interleaved, so load from other processes on the machine hits both samples alike.
    for (let i = 0; i < 200; i++) {
      if (i % 2) {
        nearTimes.push(time(near2));
        farTimes.push(time(far2));
      } else {
        farTimes.push(time(far2));
        nearTimes.push(time(near2));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(nearTimes) / median(farTimes);
    expect(ring.identify(near2).invalidKey).toBe(true);
    expect(ratio).toBeGreaterThan(0.67);
    expect(ratio).toBeLessThan(1.5);
  }, 60_000);
});
