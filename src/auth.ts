/**
 * API keys: `Authorization: Bearer <key>` or `X-API-Key: <key>`. Keys come from configuration
 * with a role each (reader, editor). Comparison hashes both sides and uses timingSafeEqual over
 * every configured key, so neither the key's content nor which key matched leaks through timing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Config } from './config.js';

export type Role = 'anonymous' | 'reader' | 'editor';

export interface Caller {
  role: Role;
  /** A short, non-secret fingerprint of the key, for revision records and logs. */
  keyId: string | null;
  /** True when a key was presented but matched none. */
  invalidKey: boolean;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export class KeyRing {
  private readonly entries: { digest: Buffer; role: 'reader' | 'editor'; keyId: string }[];

  constructor(keys: Config['API_KEYS']) {
    this.entries = keys.map((k) => ({
      digest: digest(k.key),
      role: k.role,
      keyId: `key-${digest(k.key).toString('hex').slice(0, 8)}`,
    }));
  }

  identify(headers: Headers): Caller {
    const presented = presentedKey(headers);
    if (presented === null) return { role: 'anonymous', keyId: null, invalidKey: false };
    const candidate = digest(presented);
    let match: (typeof this.entries)[number] | undefined;
    for (const entry of this.entries) {
      // No early exit: every entry is compared whatever the outcome.
      if (timingSafeEqual(entry.digest, candidate) && !match) match = entry;
    }
    return match
      ? { role: match.role, keyId: match.keyId, invalidKey: false }
      : { role: 'anonymous', keyId: null, invalidKey: true };
  }
}

function presentedKey(headers: Headers): string | null {
  const auth = headers.get('authorization');
  if (auth) {
    // `.trim()` also removes what header parsing leaves (a pasted non-breaking space); the greedy
    // `\s+` leaves the token itself with no space at either end.
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m?.[1] ?? auth.trim();
  }
  const apiKey = headers.get('x-api-key');
  return apiKey ? apiKey.trim() : null;
}
