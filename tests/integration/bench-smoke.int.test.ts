/**
 * The benchmark harness at its smallest size, 10k claims, as a correctness test (never a timing
 * test), on the same path `npm run bench` takes: a prefix of the corpus ingests through ours and
 * through the bare-driver baseline into the same graph; the whole corpus is then bulk-loaded by
 * the baseline (50 articles per transaction) and must hold exactly what the generator wrote; every
 * provenance case returns the chain the generator wrote. The read cases through our GraphQL API
 * (yoga.fetch, in process) must answer exactly as the hand-written Cypher does: provenance, a page
 * of claims by speaker, full-text search, neighbourhood depth 2, contested claims, agents by name
 * and the timeline of a day.
 */
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/synth/corpus.js';
import { latencyCases } from '../../bench/cases.js';
import { compareIngest, prefixWithClaims } from '../../bench/ingest-compare.js';
import { bareIngest } from '../../bench/baseline/ingest.js';
import { graphShape, wipeGraph } from '../../bench/graph-shape.js';
import { summariseCorpus } from '../../bench/synth/summary.js';
import { expectedProvenance, measureLatency, sampleClaimKeys } from '../../bench/latency.js';
import { buildYoga } from '../../src/yoga.js';
import { testConfig, testServer, useTestGraph } from '../support/db.js';

const graph = useTestGraph();

describe('benchmark harness (smoke, 10k claims)', () => {
  const docs = [...generateCorpus({ seed: 42, claims: 10_000 })];
  const corpus = summariseCorpus(docs);

  it('ingests the same graph through ours and the bare baseline, and answers provenance right', async () => {
    const database = testServer().database;
    const prefix = prefixWithClaims(docs, 500);
    const ingest = await compareIngest({
      driver: graph.db.driver,
      database,
      db: graph.db,
      docs: prefix,
      rounds: 1,
      warmupDocs: 0,
    });
    expect(ingest.shapeMismatches).toEqual([]);
    const [ours, bare] = ingest.runs;
    expect(ours?.elements).toBe(bare?.elements);
    expect(ours?.shape.nodes.Claim).toBe(prefix.reduce((n, d) => n + d.claims.length, 0));
    expect(ours?.shape.relationships.SAME_STATEMENT).toBeGreaterThan(0);

    await wipeGraph(graph.db.driver, database);
    for (let i = 0; i < docs.length; i += 50)
      await bareIngest(graph.db.driver, database, docs.slice(i, i + 50));
    const shape = await graphShape(graph.db.driver, database);
    expect(corpus.claims).toBe(10_000);
    expect(shape.nodes.Claim).toBe(corpus.claims);
    expect(shape.nodes.Article).toBe(corpus.articles);
    expect(shape.relationships.SAME_STATEMENT).toBe(corpus.relations.SAME_STATEMENT);
    expect(shape.relationships.CONTRADICTS).toBe(corpus.relations.CONTRADICTS);
    expect(shape.relationships.SUPPORTS).toBe(corpus.relations.SUPPORTS);

    const keys = sampleClaimKeys(docs, 40);
    const expected = expectedProvenance(docs, keys);
    const yoga = buildYoga({ config: testConfig(), db: graph.db });
    const latency = await measureLatency({
      client: {
        driver: graph.db.driver,
        database,
        db: graph.db,
        graphql: async (query, variables) => {
          const res = await yoga.fetch('http://yoga/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query, variables }),
          });
          return (await res.json()) as { data?: unknown; errors?: unknown };
        },
      },
      cases: latencyCases,
      claimKeys: keys,
      expected,
      warmup: 2,
    });
    expect(latency.wrongAnswers).toEqual([]);
    expect(latency.cases.filter((c) => c.skipped)).toEqual([]);
    expect(latency.cases.map((c) => c.name)).toContain('provenance: our GraphQL (yoga + Pothos, in process)');
    // A depth-4 chain through a wire comes back whole: publisher, outlet, wire, ..., origin.
    expect([...expected.values()].some((v) => v.agents.length === 5)).toBe(true);
  }, 600_000);
});
