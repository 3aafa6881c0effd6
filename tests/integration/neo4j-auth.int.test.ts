/**
 * The project's local Neo4j runs with authentication on: a password generated into its
 * git-ignored data folder (owner-only) before the first start, set as the `neo4j` user's password
 * (so the default `neo4j`/`neo4j` never works, not even once), and kept across restarts. A
 * connection without credentials or with a wrong password is refused. Uses a Neo4j of its own
 * (a fresh folder), whatever provides the shared test server.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { SeparateNeo4j, separateNeo4jUnavailable } from '../support/separate-neo4j.js';

const skipReason = separateNeo4jUnavailable();

/** 'ok' when `RETURN 1` runs with these credentials, else the server's error code. */
async function attempt(uri: string, auth: AuthToken): Promise<string> {
  const driver = neo4j.driver(uri, auth, { connectionTimeout: 20_000 });
  const session = driver.session();
  try {
    await session.run('RETURN 1');
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  } finally {
    await session.close();
    await driver.close();
  }
}

describe.skipIf(skipReason !== null)(
  `authentication on the local Neo4j${skipReason ? ` (SKIPPED: ${skipReason})` : ''}`,
  () => {
    const server = new SeparateNeo4j('auth');
    let file: string;

    beforeAll(async () => {
      await server.start();
      file = path.join(repoRoot, server.home, 'password');
    }, 600_000);

    afterAll(async () => {
      await server.remove();
    }, 120_000);

    it('keeps a generated password, readable by its owner only, in the data folder', () => {
      const password = readFileSync(file, 'utf8').trim();
      expect(password).toBe(server.password);
      expect(password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    });

    it('accepts the generated password and refuses no credentials, a wrong one and the default', async () => {
      expect(await attempt(server.uri, neo4j.auth.basic('neo4j', server.password))).toBe('ok');
      expect(await attempt(server.uri, { scheme: 'none' } as AuthToken)).toBe(
        'Neo.ClientError.Security.Unauthorized',
      );
      expect(await attempt(server.uri, neo4j.auth.basic('neo4j', `${server.password}x`))).toBe(
        'Neo.ClientError.Security.Unauthorized',
      );
      expect(await attempt(server.uri, neo4j.auth.basic('neo4j', 'neo4j'))).toBe(
        'Neo.ClientError.Security.Unauthorized',
      );
    });

    it('keeps the same password across a restart', async () => {
      const before = server.password;
      await server.stop();
      await server.start();
      expect(server.password).toBe(before);
      expect(readFileSync(file, 'utf8').trim()).toBe(before);
      expect(await attempt(server.uri, neo4j.auth.basic('neo4j', before))).toBe('ok');
    }, 600_000);
  },
);
