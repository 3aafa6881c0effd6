/**
 * Writes under contention: a transient error (injected, or a real deadlock between two
 * writers) is retried (src/db/database.ts) and the write lands exactly once;
 * a non-transient error is not retried; two editors saving the same claim from the same
 * version get one success and one ConflictError, never a silent lost update.
 */
import { Neo4jError } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { upsertClaim } from '../../src/graph/editing.js';
import { apiClient, API_KEYS, EDITOR_KEY } from '../support/api.js';
import { testConfig, useTestGraph } from '../support/db.js';
import { miniDoc } from '../support/mini-doc.js';

const DEADLOCK = 'Neo.TransientError.Transaction.DeadlockDetected';
const transient = () => new Neo4jError('injected deadlock', DEADLOCK, '50N42', 'error: injected for a test');

const graph = useTestGraph({ resetEach: true });

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const count = async (query: string, params: Record<string, unknown> = {}) =>
  Number((await graph.db.read((tx) => tx.rows(query, params)))[0]?.n);

describe('a transient error inside a write', () => {
  it('is retried, and a non-idempotent write lands exactly once', async () => {
    let attempts = 0;
    await graph.db.write(async (tx) => {
      attempts++;
      await tx.exec('CREATE (:RetryProbe {id: $id})', { id: 'once' });
      if (attempts === 1) throw transient();
    });
    expect(attempts).toBe(2);
    expect(await count('MATCH (p:RetryProbe) RETURN count(p) AS n')).toBe(1);
  });

  it('is not confused with a client error, which is not retried', async () => {
    let attempts = 0;
    await expect(
      graph.db.write(async (tx) => {
        attempts++;
        await tx.exec('CREATE (:RetryProbe {id: $id})', { id: 'never' });
        await tx.exec('RETURN 1 / $zero AS boom', { zero: 0 });
      }),
    ).rejects.toThrow(/by zero/i);
    expect(attempts).toBe(1);
    expect(await count('MATCH (p:RetryProbe) RETURN count(p) AS n')).toBe(0);
  });

  it('in a claim edit: the version moves by one and one revision is recorded', async () => {
    await ingestDocument(graph.db, miniDoc());
    let attempts = 0;
    const claim = { ...miniDoc().claims[3]!, text: 'The truce is very fragile.' };
    await upsertClaim(
      graph.db,
      { articleKey: 'article:mini-1', claim, expectedVersion: 1 },
      {
        by: 'test',
        ingest: {
          afterWrite: async () => {
            if (++attempts === 1) throw transient();
          },
        },
      },
    );
    expect(attempts).toBe(2);
    const [row] = await graph.db.read((tx) =>
      tx.rows(
        `MATCH (c:Claim {key: 'mini-1#truce-fragile'})
         RETURN c.version AS version, c.text AS text, COUNT { (:Revision)-[:REVISES]->(c) } AS revisions`,
      ),
    );
    expect(row).toEqual({ version: 2, text: 'The truce is very fragile.', revisions: 2 });
  });

  it('when two writers really deadlock: one is retried and both increments land once', async () => {
    await graph.db.write((tx) =>
      tx.exec("CREATE (:RetryProbe {id: 'a', n: 0}), (:RetryProbe {id: 'b', n: 0})"),
    );
    // Each writer locks its first node, waits until the other holds its own, then asks for the
    // other's: a lock cycle that Neo4j detects and breaks with a transient DeadlockDetected.
    const held = { a: deferred(), b: deferred() };
    const attempts = { a: 0, b: 0 };
    const writer = (first: 'a' | 'b', second: 'a' | 'b') =>
      graph.db.write(async (tx) => {
        attempts[first]++;
        await tx.exec('MATCH (p:RetryProbe {id: $id}) SET p.n = p.n + 1', { id: first });
        if (attempts[first] === 1) {
          held[first].resolve();
          await held[second].promise;
        }
        await tx.exec('MATCH (p:RetryProbe {id: $id}) SET p.n = p.n + 1', { id: second });
      });
    await Promise.all([writer('a', 'b'), writer('b', 'a')]);
    expect(attempts.a + attempts.b).toBe(3); // exactly one of them ran twice
    const rows = await graph.db.read((tx) =>
      tx.rows('MATCH (p:RetryProbe) RETURN p.id AS id, p.n AS n ORDER BY id'),
    );
    expect(rows).toEqual([
      { id: 'a', n: 2 },
      { id: 'b', n: 2 },
    ]);
  });
});

describe('a single-statement read (auto-commit, one round trip)', () => {
  /** The same database through a driver whose first `failures` session runs throw `error`. */
  function failingFirst(failures: number, error: () => Error) {
    let calls = 0;
    const driver = new Proxy(graph.db.driver, {
      get(target, prop, receiver) {
        if (prop !== 'session') return Reflect.get(target, prop, receiver) as unknown;
        return (config: Parameters<typeof target.session>[0]) => {
          const session = target.session(config);
          const run = session.run.bind(session);
          session.run = ((...args: Parameters<typeof run>) => {
            calls++;
            if (calls <= failures) return Promise.reject(error()) as never;
            return run(...args);
          }) as typeof session.run;
          return session;
        };
      },
    });
    return { db: new Database(driver, graph.db.database, 10_000, 10_000), calls: () => calls };
  }

  it('retries a transient error and answers', async () => {
    const flaky = failingFirst(2, transient);
    const rows = await flaky.db.readOne('RETURN $x AS x', { x: 7 });
    expect(rows).toEqual([{ x: 7 }]);
    expect(flaky.calls()).toBe(3);
  });

  it('does not retry a client error', async () => {
    const flaky = failingFirst(0, transient);
    await expect(flaky.db.readOne('RETURN 1 / $zero AS boom', { zero: 0 })).rejects.toThrow(/by zero/i);
    expect(flaky.calls()).toBe(1);
  });

  it('sees the write that came before it', async () => {
    await graph.db.write((tx) => tx.exec('CREATE (:RetryProbe {id: $id})', { id: 'seen' }));
    const rows = await graph.db.readOne('MATCH (p:RetryProbe {id: $id}) RETURN count(p) AS n', {
      id: 'seen',
    });
    expect(rows[0]?.n).toBe(1);
  });
});

describe('two editors saving the same claim through the API', () => {
  const UPSERT = `mutation($input: UpsertClaimInput!) {
    upsertClaim(input: $input) {
      __typename
      ... on MutationUpsertClaimSuccess { data { version text } }
      ... on ConflictError { code message }
    }
  }`;
  const READ = `query($key: String!) { claim(key: $key) { version text } }`;
  const key = 'mini-1#truce-fragile';
  const editor = { authorization: `Bearer ${EDITOR_KEY}` };

  const save = (api: ReturnType<typeof apiClient>, text: string, expectedVersion: number) =>
    api.gql(
      UPSERT,
      { input: { article: 'article:mini-1', claim: { ...miniDoc().claims[3]!, text }, expectedVersion } },
      editor,
    );

  it('one after the other from the same version: the second gets a ConflictError', async () => {
    await ingestDocument(graph.db, miniDoc());
    const api = apiClient(testConfig({ API_KEYS }), graph.db);
    const read = await api.gql(READ, { key });
    const version = read.data?.claim.version as number;
    expect(version).toBe(1);

    const first = await save(api, 'First editor: the truce is fragile.', version);
    expect(first.data?.upsertClaim).toEqual({
      __typename: 'MutationUpsertClaimSuccess',
      data: { version: 2, text: 'First editor: the truce is fragile.' },
    });
    const second = await save(api, 'Second editor: the truce holds.', version);
    expect(second.errors).toBeUndefined();
    expect(second.data?.upsertClaim.__typename).toBe('ConflictError');
    expect(second.data?.upsertClaim.code).toBe('CONFLICT');
    expect(second.data?.upsertClaim.message).toMatch(/version 2, not 1/);

    const final = await api.gql(READ, { key });
    expect(final.data?.claim).toEqual({ version: 2, text: 'First editor: the truce is fragile.' });
  });

  it('at the same moment: exactly one wins, the other gets a ConflictError, the winner’s text stays', async () => {
    await ingestDocument(graph.db, miniDoc());
    const api = apiClient(testConfig({ API_KEYS }), graph.db);
    const texts = ['Editor A: the truce is fragile.', 'Editor B: the truce holds.'];
    const results = await Promise.all(texts.map((t) => save(api, t, 1)));
    const kinds = results.map((r) => r.data?.upsertClaim.__typename).sort();
    expect(kinds).toEqual(['ConflictError', 'MutationUpsertClaimSuccess']);
    const winner = results.find((r) => r.data?.upsertClaim.__typename === 'MutationUpsertClaimSuccess');
    const final = await api.gql(READ, { key });
    expect(final.data?.claim).toEqual({ version: 2, text: winner?.data?.upsertClaim.data.text });
    expect(
      await count('MATCH (r:Revision)-[:REVISES]->(:Claim {key: $key}) RETURN count(r) AS n', { key }),
    ).toBe(2);
  });
});
