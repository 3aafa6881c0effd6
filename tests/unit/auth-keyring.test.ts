/**
 * Key comparison at run time: every configured key is compared, all 32 bytes of its SHA-256
 * digest, whichever key (or none) matches. The source's shape is checked in
 * tests/unit/auth-source.test.ts.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = vi.hoisted(() => ({ lengths: [] as [number, number][] }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
    calls.lengths.push([a.byteLength, b.byteLength]);
    return crypto.timingSafeEqual(a, b);
  };
  return { ...crypto, default: { ...crypto, timingSafeEqual }, timingSafeEqual };
});
const { KeyRing } = await import('../../src/auth.js');

const KEYS = ['first-key-0123456789abcdef', 'second-key-0123456789abcdef', 'third-key-0123456789abcdef'];

describe('the key ring at run time', () => {
  const ring = new KeyRing(KEYS.map((key, i) => ({ key, role: i === 0 ? 'editor' : 'reader' })));
  beforeEach(() => {
    calls.lengths = [];
  });

  it.each([
    ['the first key', KEYS[0]!, 'editor'],
    ['the last key', KEYS[2]!, 'reader'],
    ['a near miss', `${KEYS[0]!.slice(0, -1)}x`, 'anonymous'],
    ['a key of another length', 'k', 'anonymous'],
  ])('compares %s with every configured key, all 32 digest bytes each time', (_, key, role) => {
    expect(ring.identify(new Headers({ 'x-api-key': key })).role).toBe(role);
    expect(calls.lengths).toEqual([
      [32, 32],
      [32, 32],
      [32, 32],
    ]);
  });

  it('compares nothing when no key is presented', () => {
    expect(ring.identify(new Headers()).role).toBe('anonymous');
    expect(calls.lengths).toEqual([]);
  });
});

describe('which key a request presents', () => {
  const KEY = 'editor-key-0123456789abcdef';
  const ring = () => new KeyRing([{ key: KEY, role: 'editor' }]);
  const roleOf = (headers: Record<string, string>) => ring().identify(new Headers(headers)).role;

  // Keys get pasted from web pages and password managers, with non-breaking spaces around them
  // (which HTTP header parsing does not strip).
  it.each([
    ['a Bearer token', { authorization: `Bearer ${KEY}` }],
    ['a Bearer token, scheme in any case, several spaces', { authorization: `bEaReR   ${KEY}` }],
    ['a Bearer token with pasted spaces around it', { authorization: `\u00a0Bearer\u00a0${KEY}\u00a0` }],
    ['a bare key in Authorization', { authorization: KEY }],
    ['a bare key in Authorization with pasted spaces', { authorization: `\u00a0${KEY}\u00a0` }],
    ['X-API-Key', { 'x-api-key': KEY }],
    ['X-API-Key with pasted spaces', { 'x-api-key': `\u00a0${KEY}\u00a0` }],
  ])('finds the key in %s', (_, headers) => {
    expect(roleOf(headers)).toBe('editor');
  });

  it.each([
    ['a header that only contains "Bearer <key>"', { authorization: `Token Bearer ${KEY}` }],
    ['a Bearer token followed by more', { authorization: `Bearer ${KEY} ${KEY}` }],
    ['the key with a character more', { 'x-api-key': `${KEY}x` }],
    ['the key with a character less', { 'x-api-key': KEY.slice(1) }],
  ])('does not take %s for the key', (_, headers) => {
    const caller = ring().identify(new Headers(headers));
    expect(caller).toEqual({ role: 'anonymous', keyId: null, invalidKey: true });
  });

  it('prefers Authorization over X-API-Key', () => {
    expect(roleOf({ authorization: 'Bearer wrong', 'x-api-key': KEY })).toBe('anonymous');
  });

  it('names the matching key by a fingerprint an operator can compute from the key, never the key', () => {
    const keys = ['reader-key-aaaaaaaaaaaaaaaa', 'editor-key-bbbbbbbbbbbbbbbb'];
    const both = new KeyRing([
      { key: keys[0]!, role: 'reader' },
      { key: keys[1]!, role: 'editor' },
    ]);
    const ids = keys.map((key) => both.identify(new Headers({ 'x-api-key': key })));
    expect(ids.map((c) => c.role)).toEqual(['reader', 'editor']);
    for (const [i, caller] of ids.entries()) {
      // `printf %s KEY | sha256sum | cut -c1-8`
      const sha = createHash('sha256').update(keys[i]!).digest('hex');
      expect(caller.keyId).toBe(`key-${sha.slice(0, 8)}`);
      expect(caller.invalidKey).toBe(false);
    }
    expect(ids[0]!.keyId).not.toBe(ids[1]!.keyId);
  });

  it('tells apart keys that differ only in their last character', () => {
    const a = 'x'.repeat(64);
    const b = `${'x'.repeat(63)}y`;
    const r = new KeyRing([{ key: a, role: 'reader' }]);
    expect(r.identify(new Headers({ 'x-api-key': a })).role).toBe('reader');
    expect(r.identify(new Headers({ 'x-api-key': b })).role).toBe('anonymous');
  });
});
