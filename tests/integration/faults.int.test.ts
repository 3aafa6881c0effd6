/**
 * The database fails under us. These tests run a Neo4j of their own (tests/support/
 * separate-neo4j.ts), kill it in the middle of an ingest and stop it under a running API, then
 * start it again on the same folder and port: committed work survives, the interrupted article
 * is absent, the API says SERVICE_UNAVAILABLE quickly and recovers without a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { connect, type Database, type Tx } from '../../src/db/database.js';
import { DatabaseUnavailableError } from '../../src/db/errors.js';
import { parseArticleDocument } from '../../src/domain/validate.js';
import { ingestDocument, ingestInTx } from '../../src/graph/ingest.js';
import { buildYoga } from '../../src/yoga.js';
import { API_KEYS, EDITOR_KEY } from '../support/api.js';
import { bigDocument } from '../support/big-doc.js';
import { resetGraph } from '../support/db.js';
import { miniDoc } from '../support/mini-doc.js';
import { SeparateNeo4j, separateNeo4jUnavailable } from '../support/separate-neo4j.js';

const skipReason = separateNeo4jUnavailable();
const BIG = { claims: 800, speakers: 40 };
const ACQUIRE_TIMEOUT_MS = 3000;
/** What the answer may take past the bound in this process (Yoga, JSON, the event loop). */
const ANSWER_MARGIN_MS = 1_000;

interface Census {
  labels: Record<string, number>;
  types: Record<string, number>;
}

/** Every label and relationship type with its count (migration records aside). */
async function census(db: Database): Promise<Census> {
  return db.read(async (tx) => {
    const labels = await tx.rows(
      'MATCH (n) WHERE NOT n:__Migration UNWIND labels(n) AS label RETURN label, count(*) AS n',
    );
    const types = await tx.rows('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
    return {
      labels: Object.fromEntries(labels.map((r) => [String(r.label), Number(r.n)])),
      types: Object.fromEntries(types.map((r) => [String(r.type), Number(r.n)])),
    };
  });
}

async function articlePresence(db: Database, id: string) {
  const [row] = await db.read((tx) =>
    tx.rows(
      `RETURN COUNT { MATCH (:Article {key: $article}) } AS articles,
              COUNT { MATCH (c:Claim) WHERE c.key STARTS WITH $prefix } AS claims,
              COUNT { MATCH (t:Telling) WHERE t.key STARTS WITH $prefix } AS tellings,
              COUNT { MATCH (r:Revision) WHERE r.key STARTS WITH $prefix } AS revisions`,
      { article: `article:${id}`, prefix: `${id}#` },
    ),
  );
  return row;
}

/** A Tx that runs `beforeStatement(n)` before its n-th statement (1-based) is sent. */
function instrumented(tx: Tx, beforeStatement: (n: number) => void): Tx {
  let n = 0;
  return {
    rows: (q, p) => (beforeStatement(++n), tx.rows(q, p)),
    exec: (q, p) => (beforeStatement(++n), tx.exec(q, p)),
  };
}

// Skipped only where no killable server can be started at all, and then it says why (and
// .ci/run fails on the skip: CI always has Java and Maven).
describe.skipIf(skipReason !== null)(
  `Neo4j failing under the system (its own local Neo4j, killed)${skipReason ? ` (SKIPPED: ${skipReason})` : ''}`,
  () => {
    const server = new SeparateNeo4j('faults');
    let config: Config;
    let db: Database;
    let expected: Census;

    beforeAll(async () => {
      await server.start();
      config = loadConfig({
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        NEO4J_URI: server.uri,
        NEO4J_PASSWORD: server.password,
        NEO4J_ACQUIRE_TIMEOUT_MS: String(ACQUIRE_TIMEOUT_MS),
        NEO4J_TX_TIMEOUT_MS: '600000',
        // The bound checked below is the driver's retry window's; the client-side deadlines
        // (tests/integration/hung-database.int.test.ts) are kept out of the way here.
        DB_READ_DEADLINE_MS: '120000',
        DB_WRITE_DEADLINE_MS: '600000',
        API_KEYS,
      });
      db = connect(
        { uri: server.uri, username: 'neo4j', password: server.password, database: 'neo4j' },
        config,
      );
      // The expected census of the two articles committed normally, taken on this server (so the
      // shared test servers are not touched), then the graph emptied again.
      await resetGraph(db);
      await ingestDocument(db, miniDoc('committed'));
      await ingestDocument(db, bigDocument('big', BIG));
      expected = await census(db);
      await resetGraph(db);
    }, 600_000);

    afterAll(async () => {
      await db?.close();
      await server.remove();
    }, 120_000);

    it('SIGKILL during a large ingest leaves the article absent and committed work intact; a re-ingest gives exact counts', async () => {
      await resetGraph(db);
      await ingestDocument(db, miniDoc('committed'));
      const committed = await census(db);
      const big = parseArticleDocument(bigDocument('big', BIG));

      // 1. Killed while the biggest statement (the tellings) is executing on the server.
      let statements = 0;
      const midStatement = db.write((tx) =>
        ingestInTx(
          instrumented(tx, (n) => {
            statements = n;
            // Statement 10 writes the tellings; the kill lands while it runs.
            if (n === 10) setTimeout(() => void server.kill(), 50);
          }),
          big,
        ),
      );
      await expect(midStatement).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(statements).toBeGreaterThanOrEqual(10);
      await server.start();
      expect(await articlePresence(db, 'big')).toEqual({ articles: 0, claims: 0, tellings: 0, revisions: 0 });
      expect(await census(db)).toEqual(committed);

      // 2. Killed after every statement ran, just before commit: the most there is to lose.
      let kills = 0;
      let claimsInTx = 0;
      const beforeCommit = ingestDocument(db, big, {
        afterWrite: async (tx) => {
          const [row] = await tx.rows('MATCH (:Article {key: $key})-[:CONTAINS]->(c) RETURN count(c) AS n', {
            key: 'article:big',
          });
          claimsInTx = Number(row?.n);
          if (kills++ === 0) await server.kill();
        },
      });
      await expect(beforeCommit).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(claimsInTx).toBe(BIG.claims); // the whole article was written, only not committed
      await server.start();
      expect(await articlePresence(db, 'big')).toEqual({ articles: 0, claims: 0, tellings: 0, revisions: 0 });
      expect(await census(db)).toEqual(committed);

      // 3. The same ingest, run again after recovery, lands completely, once.
      const result = await ingestDocument(db, big);
      expect(result.claims).toBe(BIG.claims);
      expect(await articlePresence(db, 'big')).toEqual({
        articles: 1,
        claims: BIG.claims,
        tellings: BIG.claims * 3,
        revisions: BIG.claims,
      });
      expect(await census(db)).toEqual(expected);
      const again = await ingestDocument(db, big);
      expect(again.counters.nodesCreated ?? 0).toBe(0);
      expect(again.counters.relationshipsCreated ?? 0).toBe(0);
      expect(again.counters.nodesDeleted ?? 0).toBe(0);
      expect(await census(db)).toEqual(expected);
    }, 900_000);

    it('while Neo4j is down the API answers 503 and SERVICE_UNAVAILABLE within the timeout, and recovers by itself', async () => {
      const yoga = buildYoga({ config, db });
      const ready = async () => (await yoga.fetch('http://yoga/ready')).status;
      const gql = async (query: string, headers: Record<string, string> = {}) => {
        const started = Date.now();
        const response = await yoga.fetch('http://yoga/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query }),
        });
        const text = await response.text();
        return { status: response.status, text, body: JSON.parse(text), ms: Date.now() - started };
      };
      const READ = '{ articles(first: 5) { totalCount edges { node { title } } } }';
      const WRITE = `mutation { linkClaims(input: {from: "committed#truce-fragile", to: "committed#ceasefire-will-fail", type: CONTRADICTS}) { __typename } }`;

      // Its own data, whatever ran before: one committed article, which must survive the outage.
      await resetGraph(db);
      await ingestDocument(db, miniDoc('committed'));
      expect(await ready()).toBe(200);
      expect((await gql(READ)).body.data.articles.totalCount).toBe(1);

      await server.kill();

      const downAt = Date.now();
      let status = await ready();
      while (status !== 503 && Date.now() - downAt < 30_000) status = await ready();
      expect(status).toBe(503);
      console.log(`[faults] /ready answered 503 ${Date.now() - downAt} ms after the kill`);
      expect(Date.now() - downAt).toBeLessThan(30_000);

      for (const [query, headers] of [
        [READ, {}],
        [WRITE, { authorization: `Bearer ${EDITOR_KEY}` }],
      ] as const) {
        const r = await gql(query, headers);
        expect(r.body.errors?.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
          'SERVICE_UNAVAILABLE',
        ]);
        expect(r.status).toBe(503);
        // No stack, driver message or internals in the answer.
        expect(r.text).not.toMatch(/at \S+ \(|stack|Neo4jError|ECONNREFUSED|bolt:\/\//i);
        // Bounded as docs/guarantees.md says: twice NEO4J_ACQUIRE_TIMEOUT_MS (retries start only
        // within it, and the last attempt ends within the acquisition or connection timeout),
        // plus the margin. Before the retries were bounded (the driver's backoff could sleep 4.8 s
        // past a 3 s window) a write took 7.6 s here.
        console.log(`[faults] ${r.status} ${r.body.errors[0].extensions.code} after ${r.ms} ms`);
        expect(r.ms).toBeLessThan(2 * ACQUIRE_TIMEOUT_MS + ANSWER_MARGIN_MS);
      }

      await server.start();
      const upAt = Date.now();
      status = await ready();
      while (status !== 200 && Date.now() - upAt < 60_000) {
        await new Promise((r) => setTimeout(r, 500));
        status = await ready();
      }
      expect(status).toBe(200);
      console.log(`[faults] /ready answered 200 ${Date.now() - upAt} ms after the restart`);
      const after = await gql(READ);
      expect(after.body.errors).toBeUndefined();
      expect(after.body.data.articles.totalCount).toBe(1);
      const write = await gql(WRITE, { authorization: `Bearer ${EDITOR_KEY}` });
      expect(write.body.data.linkClaims.__typename).toBe('MutationLinkClaimsSuccess');
    }, 600_000);
  },
);
