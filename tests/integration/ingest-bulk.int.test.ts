/**
 * The bulk loader (src/graph/ingest-bulk.ts): the same graph as one-by-one ingest of the same
 * documents in the same order (every node, relationship and property, grades included; only the
 * clock's timestamps differ), bad input refused before any write with the file and place named,
 * and no claim ever visible to a reader without its grade while a load runs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/app.js';
import type { Database } from '../../src/db/database.js';
import type { ArticleDocumentInput } from '../../src/domain/document.js';
import { BulkValidationError, ingestBulk, type BulkInput } from '../../src/graph/ingest-bulk.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { generateCorpus } from '../../bench/synth/corpus.js';
import { bigDocument } from '../support/big-doc.js';
import { graphCounts, resetGraph, useTestGraph } from '../support/db.js';

/** The parts of a document the folding test changes. */
interface FoldDoc {
  article: { id: string };
  sources: { id: string; aliases: string[] }[];
  actors: { id: string; aliases: string[] }[];
  places: { id: string; aliases: string[] }[];
  events: { id: string; after?: { event: string }[] }[];
  claims: { id: string }[];
  relations: { from: string; to: string; type: string; note?: string }[];
}

const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as ArticleDocumentInput;

/** The sample: the seed, the story, a synthetic corpus with cross-article relations, a big article. */
function sample(): BulkInput[] {
  const story = path.join(fixturesDir, 'story', 'documents');
  const docs: ArticleDocumentInput[] = [
    read(path.join(fixturesDir, 'noonpost-7628.json')),
    ...readdirSync(story)
      .sort()
      .map((f) => read(path.join(story, f))),
    ...(generateCorpus({ seed: 5, claims: 150 }) as unknown as ArticleDocumentInput[]),
    bigDocument('bulk-big', { claims: 40, speakers: 5 }),
  ];
  return docs.map((json, i) => ({ name: `doc-${i}.json`, json }));
}

/** Written by the clock, so never equal between two loads. */
const CLOCK = new Set(['updatedAt', 'gradedAt', 'at', 'recordedAt', 'lastEditAt']);

/** Every node and relationship with its properties, keyed by stable keys, sorted. */
async function dump(db: Database) {
  const strip = (props: Record<string, unknown>) =>
    JSON.stringify(
      Object.fromEntries(
        Object.entries(props)
          .filter(([k]) => !CLOCK.has(k))
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    );
  const nodes = await db.read((tx) =>
    tx.rows(
      `MATCH (n) WHERE NOT n:__Migration
       RETURN labels(n) AS labels, coalesce(n.key, elementId(n)) AS key, properties(n) AS props`,
    ),
  );
  const rels = await db.read((tx) =>
    tx.rows(
      `MATCH (a)-[r]->(b) WHERE NOT a:__Migration
       RETURN a.key AS from, type(r) AS type, b.key AS to, properties(r) AS props`,
    ),
  );
  return {
    nodes: nodes
      .map((n) => `${(n.labels as string[]).sort().join(':')} ${String(n.key)} ${strip(n.props as never)}`)
      .sort(),
    relationships: rels
      .map((r) => `${String(r.from)} -${String(r.type)}-> ${String(r.to)} ${strip(r.props as never)}`)
      .sort(),
  };
}

const graph = useTestGraph();

describe('bulk ingest', () => {
  it('writes the same graph as one-by-one ingest: nodes, relationships, properties, grades', async () => {
    const inputs = sample();
    for (const input of inputs) await ingestDocument(graph.db, input.json, { match: false });
    const oneByOne = await dump(graph.db);
    expect(oneByOne.nodes.length).toBeGreaterThan(500);
    expect(oneByOne.nodes.some((n) => n.includes('"credibility"'))).toBe(true);

    await resetGraph(graph.db);
    // Small batches, so relations and shared agents cross transactions as well as stay inside one.
    const result = await ingestBulk(graph.db, inputs, { articlesPerTx: 7 });
    expect(result.articles).toBe(inputs.length);
    expect(result.transactions).toBe(Math.ceil(inputs.length / 7));
    const bulk = await dump(graph.db);
    expect(bulk.nodes).toEqual(oneByOne.nodes);
    expect(bulk.relationships).toEqual(oneByOne.relationships);

    // Again: everything is already there, nothing is written.
    const again = await ingestBulk(graph.db, inputs, { articlesPerTx: 7 });
    expect(again).toMatchObject({ articles: 0, unchanged: inputs.length, transactions: 0 });
  }, 900_000);

  it('folds what articles share as one-by-one ingest leaves it: aliases, overrides, titles, cues, notes', async () => {
    // Three tellings of one article under other ids, each declaring the shared sources, actors,
    // places and events differently: aliases added, an override set and then left out, a title
    // changed, props changed, sequence cues moved and dropped (one event declared twice in an
    // article, the second time without the cue of the first), a relation declared twice with two
    // notes.
    await resetGraph(graph.db);
    const seed = read(path.join(fixturesDir, 'noonpost-7628.json')) as unknown as FoldDoc;
    const variant = (id: string, change: (doc: FoldDoc) => void): BulkInput => {
      const doc = structuredClone(seed);
      doc.article.id = id;
      change(doc);
      return { name: `${id}.json`, json: doc };
    };
    const byId = <T extends { id: string }>(list: T[], id: string) => list.find((x) => x.id === id)!;
    const inputs: BulkInput[] = [
      { name: 'seed.json', json: seed },
      variant('fold-a', (doc) => {
        Object.assign(byId(doc.sources, 'reuters'), {
          aliases: ['Thomson Reuters'],
          reliability: 'B',
          reliabilityReason: 'wire service with corrections policy',
          description: 'a wire service',
        });
        Object.assign(byId(doc.actors, 'tom-barrack'), { title: 'Special envoy', aliases: ['Barrack'] });
        byId(doc.places, 'paris').aliases = ['Paname'];
        const london = byId(doc.events, 'london-talks-2025-09');
        doc.events.push({ ...structuredClone(london), id: 'london-again', after: [] });
        const [first, second] = doc.claims;
        doc.relations.push(
          { from: first!.id, to: second!.id, type: 'SUPPORTS', note: 'first note' },
          { from: first!.id, to: second!.id, type: 'SUPPORTS', note: 'second note' },
          { from: second!.id, to: `noonpost-7628#${first!.id}`, type: 'CONTRADICTS' },
        );
      }),
      variant('fold-b', (doc) => {
        Object.assign(byId(doc.sources, 'reuters'), { aliases: ['Reuters news agency', 'Thomson Reuters'] });
        Object.assign(byId(doc.actors, 'tom-barrack'), {
          title: undefined,
          aliases: ['Tom Barrack', 'Thomas Barrack'],
        });
        byId(doc.places, 'paris').aliases = [];
        byId(doc.events, 'london-talks-2025-09').after = [];
        const freeze = byId(doc.events, 'talks-freeze-2025');
        freeze.after = [{ ...freeze.after![0]!, event: 'unga-2025' }];
      }),
      variant('fold-c', (doc) => {
        Object.assign(byId(doc.sources, 'reuters'), { reliability: 'C', reliabilityReason: undefined });
        byId(doc.events, 'london-talks-2025-09').after = [];
      }),
    ];
    for (const input of inputs) await ingestDocument(graph.db, input.json, { match: false });
    const oneByOne = await dump(graph.db);
    // The variants did reach the shared nodes (so the comparison below is about folding them).
    const reuters = oneByOne.nodes.find((n) => n.startsWith('Source source:reuters '))!;
    expect(reuters).toContain('"aliases":["Thomson Reuters","Reuters news agency"]');
    expect(reuters).toContain('"reliabilityOverride":"C"');
    expect(reuters).toContain('"reliabilityReason":"wire service with corrections policy"');
    expect(
      oneByOne.relationships.filter((r) => r.includes(' -SUPPORTS-> ') && r.includes('second note')),
    ).toHaveLength(1);
    expect(oneByOne.relationships.some((r) => r.includes('first note'))).toBe(false);
    // fold-a takes over the seed's cue "London after Paris" and its second mention of that event
    // declares none: the cue stays, declared in fold-a (article/link-event-sequence removes only
    // cues its article had declared before it ran, and a new article had declared none), and the
    // later articles that declare no cue for London leave it as it is.
    const cues = oneByOne.relationships.filter((r) => r.includes(' -AFTER-> '));
    expect(cues).toHaveLength(3);
    expect(
      cues.filter(
        (r) =>
          r.includes('A second round was held days later') && r.includes('"declaredIn":"article:fold-a"'),
      ),
    ).toHaveLength(1);

    // All in one transaction (folded within the batch), and one per transaction (folded onto the graph).
    for (const articlesPerTx of [10, 1]) {
      await resetGraph(graph.db);
      await ingestBulk(graph.db, inputs, { articlesPerTx });
      const bulk = await dump(graph.db);
      expect(bulk.nodes).toEqual(oneByOne.nodes);
      expect(bulk.relationships).toEqual(oneByOne.relationships);
    }
  }, 600_000);

  it('never lets a reader see a claim without its grade while it loads', async () => {
    await resetGraph(graph.db);
    const inputs = sample();
    let loading = true;
    const seen: { claims: number; ungraded: number }[] = [];
    const reader = (async () => {
      while (loading) {
        const [row] = await graph.db.read((tx) =>
          tx.rows(
            'MATCH (c:Claim) RETURN count(c) AS claims, count(CASE WHEN c.gradeHash IS NULL THEN 1 END) AS ungraded',
          ),
        );
        seen.push({ claims: Number(row?.claims), ungraded: Number(row?.ungraded) });
      }
    })();
    try {
      await ingestBulk(graph.db, inputs, { articlesPerTx: 5 });
    } finally {
      loading = false;
      await reader;
    }
    // The reader saw the load in progress (some claims, not all), and never an ungraded claim.
    const total = inputs.reduce((n, i) => n + (i.json as { claims: unknown[] }).claims.length, 0);
    expect(seen.some((s) => s.claims > 0 && s.claims < total)).toBe(true);
    expect(seen.filter((s) => s.ungraded > 0)).toEqual([]);
  }, 900_000);

  it('refuses bad input before writing anything, naming the file and the place', async () => {
    await resetGraph(graph.db);
    const inputs = sample().slice(0, 12);
    const broken = structuredClone(inputs[3]!.json) as { claims: { chain: unknown[] }[] };
    broken.claims[0]!.chain = [{ agent: 'nobody-declared', role: 'said' }];
    const bad: BulkInput[] = [
      ...inputs.slice(0, 3),
      { name: 'broken.json', json: broken },
      ...inputs.slice(4),
      // The same article twice, and a relation to a claim that exists nowhere.
      { name: 'again.json', json: inputs[0]!.json },
    ];
    const error = await ingestBulk(graph.db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkValidationError);
    const issues = (error as BulkValidationError).issues;
    expect(issues.some((i) => i.input === 'broken.json' && i.path.startsWith('claims[0].chain[0]'))).toBe(
      true,
    );
    expect(await graphCounts(graph.db)).toEqual({ nodes: 0, relationships: 0 });

    const twice = await ingestBulk(graph.db, [
      ...inputs,
      { name: 'again.json', json: inputs[0]!.json },
    ]).catch((e: unknown) => e);
    expect((twice as BulkValidationError).issues).toEqual([
      expect.objectContaining({ input: 'again.json', path: 'article.id' }),
    ]);
    const dangling = structuredClone(inputs[1]!.json) as { relations: unknown[]; claims: { id: string }[] };
    dangling.relations = [{ from: dangling.claims[0]!.id, to: 'elsewhere#nothing', type: 'SUPPORTS' }];
    const missing = await ingestBulk(graph.db, [{ name: 'dangling.json', json: dangling }]).catch(
      (e: unknown) => e,
    );
    expect((missing as BulkValidationError).issues).toEqual([
      expect.objectContaining({ input: 'dangling.json', path: 'relations[0].to' }),
    ]);
    expect(await graphCounts(graph.db)).toEqual({ nodes: 0, relationships: 0 });
  }, 300_000);
});
