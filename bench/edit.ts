/**
 * The cost of editing one claim of a big article: `npm run bench:edit -- [claims] [rounds] [reuse]
 * [ours-only]` (default 10,000 claims, 3 rounds). Ingests one generated article (tests/support/big-doc.ts) on
 * a Neo4j of its own (as bench/load.ts provisions it; NEO4J_LOCAL_HOME defaults to
 * .neo4j/bench-edit), then alternates, round by round, the same kind of edit (a new text for one
 * claim, a different claim each time) two ways, side by side on the same graph:
 *
 * - ours: `upsertClaim`, which writes the claim and what depends on it;
 * - whole: what `upsertClaim` did before edits were in proportion, kept here as the baseline:
 *   lock the article, put its whole document together, validate the edited document and
 *   re-ingest all of it in the transaction (minutes at 10k claims: `ours-only` leaves it out).
 *
 * Prints each edit's wall time (the whole call: read and lock, validation, writes, grading,
 * commit), the medians and their ratio. The machine is shared: compare the ratio, not the times.
 */
import { loadavg } from 'node:os';
import { loadConfig } from '../src/config.js';
import { startDatabase } from '../src/app.js';
import { cypher } from '../src/db/cypher.js';
import type { ArticleDocument } from '../src/domain/document.js';
import { parseArticleDocument } from '../src/domain/validate.js';
import { assembleDocument, parseClaimPart, parseFrame } from '../src/domain/stored-document.js';
import { upsertClaim } from '../src/graph/editing.js';
import { ingestDocument, ingestInTx } from '../src/graph/ingest.js';
import { createLogger } from '../src/log.js';
import { bigDocument } from '../tests/support/big-doc.js';
import { distribution } from './stats.js';

const claims = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 3);
const flags = new Set(process.argv.slice(4));
/** `reuse` keeps the article when the graph already holds it (the ingest is the slow part). */
const reuse = flags.has('reuse');
/** `ours-only` times only `upsertClaim`. */
const oursOnly = flags.has('ours-only');
const ID = 'bench-edit';

const config = loadConfig({
  ...process.env,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  NEO4J_LOCAL_HOME: process.env.NEO4J_LOCAL_HOME ?? '.neo4j/bench-edit',
  NEO4J_LOCAL_PORT: process.env.NEO4J_LOCAL_PORT ?? '0',
});
const started = await startDatabase(config, createLogger(config));
const db = started.db;

/** The edit before this change: the whole document validated and re-ingested. */
async function wholeReingest(claim: ArticleDocument['claims'][number]) {
  await db.write(
    async (tx) => {
      const [row] = await tx.rows(cypher('article/edit-lock'), { key: `article:${ID}` });
      const parts = await tx.rows(cypher('article/all-claim-parts'), { articleKey: `article:${ID}` });
      const doc = assembleDocument(
        parseFrame(String(row!.frame)),
        String(row!.text),
        parts.map((p) => parseClaimPart(String(p.document))),
      );
      const next = parseArticleDocument({
        ...doc,
        claims: doc.claims.map((c) => (c.id === claim.id ? claim : c)),
      });
      await ingestInTx(tx, next, { by: 'bench', via: 'api' });
    },
    { timeoutMs: db.ingestTimeoutMs },
  );
}

try {
  const input = bigDocument(ID, { claims, speakers: 50 });
  const [held] = await db.read((tx) =>
    tx.rows(`RETURN COUNT { (:Article {key: $key})-[:CONTAINS]->() } AS n`, { key: `article:${ID}` }),
  );
  let t = performance.now();
  if (!reuse || Number(held?.n) !== claims) {
    await db.write((tx) => tx.exec('MATCH (n) WHERE NOT n:__Migration DETACH DELETE n'));
    await ingestDocument(db, input, { match: false });
    console.log(`ingested ${claims} claims in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const doc = parseArticleDocument(input);
  const times = { ours: [] as number[], whole: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    // A different claim each time, spread over the article; both ways edit the same kind of claim.
    const ways: ('ours' | 'whole')[] = oursOnly
      ? ['ours']
      : round % 2 === 0
        ? ['ours', 'whole']
        : ['whole', 'ours'];
    for (const way of ways) {
      const index = (round * 2 + (way === 'ours' ? 0 : 1)) * Math.floor(claims / (rounds * 2 + 1)) + 1;
      const original = doc.claims[index]!;
      const claim = { ...original, text: `${original.text} (edited, round ${round}, ${way})` };
      const [v] = await db.read((tx) => tx.rows(cypher('claim/versions'), { keys: [`${ID}#${claim.id}`] }));
      t = performance.now();
      let failed = '';
      try {
        if (way === 'ours') {
          await upsertClaim(
            db,
            { articleKey: `article:${ID}`, claim, expectedVersion: Number(v!.version) },
            { by: 'bench' },
          );
        } else {
          await wholeReingest(claim);
        }
      } catch (error) {
        // The whole re-ingest can outlast its deadline at this size: a figure too ("more than").
        failed = ` FAILED: ${(error as Error).message}`;
      }
      const ms = performance.now() - t;
      times[way].push(ms);
      console.log(`round ${round + 1}: ${way} ${ms.toFixed(0)} ms (claim ${claim.id})${failed}`);
    }
  }
  const ours = distribution(times.ours);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  if (oursOnly) {
    console.log(
      `edit of one claim, ${claims}-claim article: median ${ours.median.toFixed(0)} ms, min ${ours.min.toFixed(0)} ms, max ${ours.max.toFixed(0)} ms, n ${ours.n}`,
    );
  } else {
    const whole = distribution(times.whole);
    console.log(`
| edit of one claim, ${claims}-claim article | median | min | max | n |
|---|---:|---:|---:|---:|
| ours (upsertClaim: the claim and its dependants) | ${ours.median.toFixed(0)} ms | ${ours.min.toFixed(0)} ms | ${ours.max.toFixed(0)} ms | ${ours.n} |
| whole re-ingest (the path before) | ${whole.median.toFixed(0)} ms | ${whole.min.toFixed(0)} ms | ${whole.max.toFixed(0)} ms | ${whole.n} |
| ratio whole / ours | ${(whole.median / ours.median).toFixed(1)}x | | | |
`);
  }
} finally {
  await started.close();
}
