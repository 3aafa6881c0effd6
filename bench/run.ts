/**
 * `npm run bench`: provisions a dedicated local Neo4j per dataset size, generates the synthetic
 * corpus, and measures side by side (ours vs the bare-driver baseline) ingest throughput and
 * provenance latency, then PROFILEs the hot statements. Results go to bench/out/*.json (ignored)
 * and BENCHMARKS.md (committed).
 *
 *   npm run bench -- --sizes 10000,100000 --rounds 2      the full run
 *   npm run bench -- --sizes 100000 --compare-claims 2000  alternate on the first 2k claims only
 *   npm run bench -- --report-only                        re-render BENCHMARKS.md from bench/out
 *   npm run bench -- --smoke                              seconds; checks correctness, exits 1 if wrong
 *   npm run bench -- --graphql --sizes 10000              reads only: bulk load, every read case
 *                                                          (ours GraphQL vs hand-written Cypher),
 *                                                          then autocannon ours vs @neo4j/graphql
 *
 * Our GraphQL read cases (in process, `yoga.fetch`) run in every mode. `--graphql` skips the
 * ingest comparison, bulk-loads the corpus with our bulk loader and adds the throughput and memory
 * run (bench/throughput.ts, `--seconds` per target, `--connections`, loopback only).
 *
 * Per size: (1) the alternating ours/bare (and our bulk loader at `--bulk-batch` articles per
 * transaction, 0 to leave it out) ingest comparison on the first `--compare-claims` claims of the
 * corpus (default: all of it); (2) the whole corpus loaded by our bulk loader (validated and
 * graded, src/graph/ingest-bulk.ts) at `--preload-batch` articles per transaction (timed; the
 * comparison already proved every side writes the same graph shape); (3) provenance latency and
 * PROFILE on that full-size graph.
 *
 * Neo4j: NEO4J_PROVIDER defaults to `local` here (a server of our own in .neo4j/bench-<size>,
 * deleted first so every size starts from an empty store); NEO4J_LOCAL_HEAP and
 * NEO4J_LOCAL_PAGECACHE default to 4g each for the bench.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allQueryNames, cypher } from '../src/db/cypher.js';
import { migrate } from '../src/db/migrations.js';
import { repoRoot } from '../src/paths.js';
import { generateCorpus } from './synth/corpus.js';
import { summariseCorpus } from './synth/summary.js';
import { latencyCases } from './cases.js';
import { ingestBulk } from '../src/graph/ingest-bulk.js';
import { graphShape, wipeGraph } from './graph-shape.js';
import { compareIngest, prefixWithClaims } from './ingest-compare.js';
import { existingMatchingSection, withMatchingSection } from './matching-cost.js';
import { expectedProvenance, measureLatency, sampleClaimKeys } from './latency.js';
import { machineInfo } from './machine.js';
import { profileIngest, profileProvenance } from './profile.js';
import { keepEarlierSections, renderReport, type SizeResult } from './report.js';
import { benchConfig, openBenchStore } from './store.js';
import { measureThroughput, type ThroughputReport } from './throughput.js';
import { buildYoga } from '../src/yoga.js';
import { readInputs } from './latency.js';
import { measureDeepPage } from './deep-page.js';
import type { BenchClient } from './cases.js';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '2' },
    seed: { type: 'string', default: '42' },
    samples: { type: 'string', default: '300' },
    'bare-batch': { type: 'string', default: '1' },
    'compare-claims': { type: 'string', default: '0' },
    'preload-batch': { type: 'string', default: '200' },
    /** Add our bulk loader to the ingest comparison at this many articles per transaction (0: not). */
    'bulk-batch': { type: 'string', default: '200' },
    warmup: { type: 'string', default: '100' },
    profile: { type: 'boolean', default: false },
    label: { type: 'string', default: '' },
    graphql: { type: 'boolean', default: false },
    /** Add a third ingest run per round: ours with grading left out of the transaction. */
    ungraded: { type: 'boolean', default: false },
    /** Keep .neo4j/bench-<size> and, when it already holds the corpus, skip the bulk load. */
    reuse: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '10' },
    /** Re-render BENCHMARKS.md from bench/out/results-*.json without measuring. */
    'report-only': { type: 'boolean', default: false },
  },
});

const smoke = values.smoke;
const sizes = values['report-only'] ? [] : smoke ? [3000] : values.sizes.split(',').map(Number);
const rounds = smoke ? 1 : Number(values.rounds);
const seed = Number(values.seed);
const samples = smoke ? 40 : Number(values.samples);
const log = (m: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}`);
const outDir = path.join(repoRoot, 'bench', 'out');
mkdirSync(outDir, { recursive: true });

const queryNames = new Map(allQueryNames().map((name) => [cypher(name), name]));
let failed = false;

for (const size of sizes) {
  const home = path.join('.neo4j', `bench-${size}`);
  if (!values.reuse) rmSync(path.join(repoRoot, home), { recursive: true, force: true });
  const config = benchConfig();
  log(
    `size ${size}: provisioning Neo4j (${config.NEO4J_PROVIDER}, heap ${config.NEO4J_LOCAL_HEAP}, page cache ${config.NEO4J_LOCAL_PAGECACHE})`,
  );
  const { target, db } = await openBenchStore(config, home, log);
  try {
    await migrate(db);
    const [component] = (await db.read((tx) =>
      tx.rows('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition'),
    )) as { version: string; edition: string }[];
    const generationStart = Date.now();
    let docs = [...generateCorpus({ seed, claims: size })];
    const corpus = summariseCorpus(docs);
    log(
      `corpus: ${corpus.articles} articles, ${corpus.claims} claims, generated in ${Date.now() - generationStart} ms`,
    );

    const loadAt = { load: loadAverage() };
    const readsOnly = values.graphql;
    const compareClaims = Number(values['compare-claims']) || size;
    const compareDocs = readsOnly ? [] : prefixWithClaims(docs, compareClaims);
    const ingest = readsOnly
      ? null
      : await compareIngest({
          driver: db.driver,
          database: target.database,
          db,
          docs: compareDocs,
          rounds,
          articlesPerBareTx: Number(values['bare-batch']),
          warmupDocs: smoke ? 20 : Number(values.warmup),
          ungraded: values.ungraded,
          bulkArticlesPerTx: Number(values['bulk-batch']),
          log,
        });
    if (ingest) log(`ingest ratio ours/bare (median claims/s): ${ingest.ratio.toFixed(3)}`);

    let preload: SizeResult['preload'] = null;
    const [held] = await db.read((tx) => tx.rows('MATCH (c:Claim) RETURN count(c) AS n'));
    const reused = values.reuse && readsOnly && Number(held?.n) === size;
    if (reused) log(`reusing the loaded store: ${Number(held?.n)} claims`);
    if (compareDocs.length < docs.length && !reused) {
      const perTx = Number(values['preload-batch']);
      log(`bulk-loading all ${docs.length} articles with our bulk loader, ${perTx} per transaction`);
      await wipeGraph(db.driver, target.database);
      const t = Date.now();
      // Validated and graded, the same graph as one-by-one ingest (tests/integration/ingest-bulk.int.test.ts).
      await ingestBulk(
        db,
        docs.map((json, i) => ({ name: `article ${i}`, json })),
        { by: 'bench', articlesPerTx: perTx },
      );
      const seconds = (Date.now() - t) / 1000;
      const shape = await graphShape(db.driver, target.database);
      const elements = shape.totalNodes + shape.totalRelationships;
      preload = {
        writer: 'our bulk loader, validated and graded',
        articlesPerTx: perTx,
        seconds,
        claimsPerSecond: size / seconds,
        elementsPerSecond: elements / seconds,
        shape,
      };
      log(
        `bulk load: ${seconds.toFixed(0)} s, ${(size / seconds).toFixed(0)} claims/s, ${shape.totalNodes} nodes, ${shape.totalRelationships} relationships`,
      );
    }

    const keys = sampleClaimKeys(docs, samples);
    const expected = expectedProvenance(docs, keys);
    if (readsOnly) {
      // The reads need only the sample; at 1M the documents are gigabytes of heap, whose garbage
      // collection would land in the timings of both sides. Collected now when --expose-gc is on.
      docs = [];
      (globalThis as { gc?: () => void }).gc?.();
    }
    const yoga = buildYoga({ config: { ...config, NODE_ENV: 'production' }, db });
    const client: BenchClient = {
      driver: db.driver,
      database: target.database,
      db,
      graphql: async (query, variables) => {
        const res = await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        return (await res.json()) as { data?: unknown; errors?: unknown };
      },
    };
    const latency = await measureLatency({
      client,
      cases: latencyCases,
      claimKeys: keys,
      expected,
    });
    for (const c of latency.cases) {
      log(
        c.ms
          ? `${c.name}: p50 ${c.ms.median.toFixed(2)} ms p99 ${c.ms.p99.toFixed(2)} ms`
          : `${c.name}: skipped (${c.skipped})`,
      );
    }

    // Page 1 vs page 1,000 (or the deepest) of the whole claims list: keyset vs offset.
    const deepPage = await measureDeepPage(client, {
      samples: smoke ? 5 : 60,
      targetPage: smoke ? 20 : 1000,
      log,
    });

    let throughput: ThroughputReport | null = null;
    // `--seconds 0` skips the throughput run (read latencies only).
    if (values.graphql && Number(values.seconds) > 0) {
      throughput = await measureThroughput({
        inputs: (await readInputs(client, keys)).slice(0, smoke ? 4 : 40),
        neo4j: {
          uri: target.uri,
          username: target.username,
          password: target.password,
          database: target.database,
        },
        seconds: smoke ? 3 : Number(values.seconds),
        connections: smoke ? 4 : Number(values.connections),
        log,
      });
    }

    const profiles = [];
    if (!readsOnly && (values.profile || size >= 100_000)) {
      const deep =
        docs.find((d) => d.claims.some((c) => c.chain.length === 4 && d.relations.length > 0)) ?? docs[0]!;
      profiles.push(...(await profileIngest(db.driver, target.database, deep, queryNames)));
      const deepClaim = deep.claims.find((c) => c.chain.length === 4) ?? deep.claims[0]!;
      profiles.push(
        await profileProvenance(db.driver, target.database, `${deep.article.id}#${deepClaim.id}`),
      );
    }

    const problems = [
      ...(ingest?.shapeMismatches ?? []),
      ...latency.wrongAnswers,
      ...(deepPage?.problems ?? []).map((p) => `deep page: ${p}`),
      ...(throughput?.failures ?? []).map((f) => `throughput: ${f}`),
      ...(throughput?.answerProblems ?? []).map((p) => `throughput answers: ${p}`),
    ];
    if (problems.length > 0) {
      failed = true;
      for (const p of problems) console.error(`WRONG: ${p}`);
    }
    const result: SizeResult = {
      size,
      label: values.label || (values.graphql ? 'graphql' : ''),
      at: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      seed,
      machine: { ...machineInfo(), loadStart: loadAt.load, loadEnd: loadAverage() },
      neo4j: {
        version: component?.version ?? '?',
        edition: component?.edition ?? '?',
        provider: target.provider,
        heap: config.NEO4J_LOCAL_HEAP,
        pageCache: config.NEO4J_LOCAL_PAGECACHE,
      },
      corpus,
      compareClaims: compareDocs.reduce((n, d) => n + d.claims.length, 0),
      ingest,
      preload,
      latency,
      deepPage,
      throughput,
      versions: versions(),
      profiles,
    };
    if (!smoke)
      writeFileSync(
        path.join(outDir, `results-${size}${result.label ? `-${result.label}` : ''}.json`),
        JSON.stringify(result, null, 2),
      );
    log(
      problems.length === 0
        ? `correctness: same graph on both sides, every chain as generated${throughput ? ', ours and @neo4j/graphql answer alike before and during timing' : ''}`
        : 'correctness: FAILED',
    );
  } finally {
    await db.close();
    await target.stop();
  }
}

function loadAverage(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

/** Versions of what the read comparison depends on, from the installed packages. */
function versions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [
    'graphql-yoga',
    '@pothos/core',
    'graphql',
    'neo4j-driver',
    '@neo4j/graphql',
    'autocannon',
  ]) {
    try {
      out[name] = (
        JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as {
          version: string;
        }
      ).version;
    } catch {
      out[name] = '?';
    }
  }
  return out;
}

if (!smoke) {
  const results = readdirSync(outDir)
    .filter((f) => /^results-.*\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(path.join(outDir, f), 'utf8')) as SizeResult)
    .sort((a, b) => a.size - b.size || a.at.localeCompare(b.at));
  const notesFile = path.join(repoRoot, 'bench', 'notes.md');
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '';
  // The matching section is measured by its own command (bench/matching-cost.ts): kept as it is.
  const reportFile = path.join(repoRoot, 'BENCHMARKS.md');
  const matching = existsSync(reportFile) ? existingMatchingSection(readFileSync(reportFile, 'utf8')) : null;
  const previous = existsSync(reportFile) ? readFileSync(reportFile, 'utf8') : '';
  const report = keepEarlierSections(previous, renderReport(results, notes));
  writeFileSync(reportFile, matching ? withMatchingSection(report, matching) : report);
  log('wrote BENCHMARKS.md');
}
process.exit(failed ? 1 : 0);
