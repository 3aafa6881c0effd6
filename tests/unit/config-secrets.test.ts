/** Secrets from files (API_KEYS_FILE, NEO4J_PASSWORD_FILE) and the production key rule. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const dir = mkdtempSync(path.join(tmpdir(), 'claimgraph-secrets-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return null;
};

describe('settings from files', () => {
  it('reads the Neo4j password and API keys (one per line or comma-separated) from files', () => {
    const config = loadConfig({
      NEO4J_PASSWORD_FILE: file('pw', 's3cret-from-file\n'),
      API_KEYS_FILE: file('keys', 'editor-key-0123456789:editor\nreader-key-0123456789:reader,\n'),
    });
    expect(config.NEO4J_PASSWORD).toBe('s3cret-from-file');
    expect(config.API_KEYS).toEqual([
      { key: 'editor-key-0123456789', role: 'editor' },
      { key: 'reader-key-0123456789', role: 'reader' },
    ]);
  });

  it('refuses a variable and its file both set, and an unreadable file, naming them', () => {
    expect(problems({ NEO4J_PASSWORD: 'x', NEO4J_PASSWORD_FILE: file('pw2', 'y') })).toMatch(
      /NEO4J_PASSWORD_FILE=.*NEO4J_PASSWORD is set too/,
    );
    expect(problems({ API_KEYS_FILE: path.join(dir, 'missing') })).toMatch(
      /API_KEYS_FILE=.*cannot read it \(ENOENT\)/,
    );
  });

  it('never echoes a secret read from a file in an error', () => {
    const message = problems({ API_KEYS_FILE: file('bad', 'short-secret:admin') });
    expect(message).toMatch(/API_KEYS=\(from API_KEYS_FILE\)/);
    expect(message).not.toContain('short-secret');
  });
});

describe('production needs keys', () => {
  it('refuses to start with no key unless reads are public and writes disabled', () => {
    expect(problems({ NODE_ENV: 'production' })).toMatch(/API_KEYS: empty in production/);
    expect(problems({ NODE_ENV: 'production', PUBLIC_READS: 'false', WRITES_DISABLED: 'true' })).toMatch(
      /API_KEYS: empty/,
    );
    expect(problems({ NODE_ENV: 'production', PUBLIC_READS: 'true', WRITES_DISABLED: 'true' })).toBeNull();
    expect(problems({ NODE_ENV: 'production', API_KEYS: 'editor-key-0123456789:editor' })).toBeNull();
    expect(problems({ NODE_ENV: 'development' })).toBeNull();
  });
});

describe('WRITES_DISABLED', () => {
  it('refuses a mutation even with an editor key, before any resolver runs; reads still pass', async () => {
    const { offlineApi, codesOf } = await import('../support/offline-api.js');
    const { EDITOR_KEY } = await import('../support/api.js');
    const api = offlineApi({ WRITES_DISABLED: 'true' });
    try {
      const mutation = await api.gql(
        'mutation { setClaimStatus(input: { claim: "a#b", status: accepted }) { __typename } }',
        { authorization: `Bearer ${EDITOR_KEY}` },
      );
      expect(codesOf(mutation)).toEqual(['FORBIDDEN']);
      expect(mutation.body.errors?.[0]?.message).toMatch(/read-only/);
      const read = await api.gql('{ __typename }');
      expect(read.body.data).toEqual({ __typename: 'Query' });
    } finally {
      await api.close();
    }
  }, 60_000);
});
