/**
 * Key comparison at run time: every configured key is compared, all 32 bytes of its SHA-256
 * digest, whichever key (or none) matches. The source's shape is checked in
 * tests/unit/auth-source.test.ts.
 */
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
