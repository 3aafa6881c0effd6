/**
 * The story corpus in a real graph: what `npm start` loads into an empty database (the seed and
 * every story document) ingests whole; shared agents meet on one node across articles; the
 * reconstruction marks reach the Article node and the API. Loading all eleven articles took
 * 140-200 s on a machine shared by many test runs (two cores), hence the generous timeout.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureFiles, loadFixturesIfEmpty } from '../../src/app.js';
import { pairId } from '../../src/domain/matching.js';
import { parseArticleDocument } from '../../src/domain/validate.js';
import { corpusClaims, proposeOnCorpus, scoreOnCorpus } from '../../tools/eval/links/matcher.js';
import { createLogger } from '../../src/log.js';
import { apiClient } from '../support/api.js';
import { testConfig, useTestGraph } from '../support/db.js';

const graph = useTestGraph();

describe('the story corpus in the graph', () => {
  it('loads every fixture into an empty database, and nothing a second time', async () => {
    const log = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });
    const claims = await loadFixturesIfEmpty(graph.db, log);
    const [row] = await graph.db.read((tx) =>
      tx.rows(
        'MATCH (a:Article) WITH count(a) AS articles MATCH (c:Claim) RETURN articles, count(c) AS claims',
      ),
    );
    expect(Number(row?.articles)).toBe(fixtureFiles().length);
    expect(Number(row?.articles)).toBeGreaterThanOrEqual(9);
    expect(Number(row?.claims)).toBe(claims);
    expect(await loadFixturesIfEmpty(graph.db, log)).toBe(0);
  }, 600_000);

  it('proposes every link the matcher finds against every earlier claim: the bounded candidates lose none', async () => {
    // The ceiling: each article matched against every claim loaded before it (what eval:links measures).
    const docs = fixtureFiles().map((f) => parseArticleDocument(JSON.parse(readFileSync(f, 'utf8'))));
    const ceiling = proposeOnCorpus(scoreOnCorpus(corpusClaims(docs)));
    const id = (type: unknown, a: unknown, b: unknown) => `${String(type)} ${pairId(String(a), String(b))}`;
    // A pair the articles already relate by that type is not proposed (matching/record.cypher).
    const related = await graph.db.read((tx) =>
      tx.rows(
        `UNWIND $pairs AS p
         MATCH (a:Claim {key: p.from})-[r]-(b:Claim {key: p.to}) WHERE type(r) = p.type
         RETURN DISTINCT p.type AS type, p.from AS from, p.to AS to`,
        { pairs: ceiling.map((m) => ({ from: m.from, to: m.to, type: m.type })) },
      ),
    );
    const declared = new Set(related.map((r) => id(r.type, r.from, r.to)));
    const proposed = await graph.db.read((tx) =>
      tx.rows('MATCH (x:LinkProposal) RETURN x.type AS type, x.fromKey AS fromKey, x.toKey AS toKey'),
    );
    expect(ceiling.length).toBeGreaterThan(100);
    expect(new Set(proposed.map((r) => id(r.type, r.fromKey, r.toKey)))).toEqual(
      new Set(ceiling.map((m) => id(m.type, m.from, m.to)).filter((k) => !declared.has(k))),
    );
  });

  it('joins named agents across articles on one node: Reuters, Damascus, Barrack', async () => {
    const rows = await graph.db.read((tx) =>
      tx.rows(
        `UNWIND $keys AS key
         MATCH (agent {key: key})<-[:TOLD_BY]-(:Telling)-[:TELLS]->(c:Claim)
         RETURN key, count(DISTINCT split(c.key, '#')[0]) AS articles`,
        { keys: ['source:reuters', 'actor:government-of-syria', 'actor:tom-barrack'] },
      ),
    );
    const articles = Object.fromEntries(rows.map((r) => [r.key, Number(r.articles)]));
    expect(articles['source:reuters']).toBeGreaterThanOrEqual(4);
    expect(articles['actor:government-of-syria']).toBeGreaterThanOrEqual(4);
    expect(articles['actor:tom-barrack']).toBeGreaterThanOrEqual(4);
  });

  it('keeps unnamed sources apart per article, described', async () => {
    const [row] = await graph.db.read((tx) =>
      tx.rows(
        `MATCH (s:Source {anonymous: true}) WHERE s.key STARTS WITH 'source:sadanews-234899:'
            OR s.key STARTS WITH 'source:mehr-news-237013:'
         RETURN count(s) AS n, count(DISTINCT s.key) AS keys, count(s.description) AS described`,
      ),
    );
    expect(Number(row?.n)).toBeGreaterThanOrEqual(4);
    expect(Number(row?.keys)).toBe(Number(row?.n));
    expect(Number(row?.described)).toBe(Number(row?.n));
  });

  it('shows Article.reconstruction and basedOn through the API', async () => {
    const api = apiClient(testConfig(), graph.db);
    const res = await api.gql<{ r: any; seed: any }>(
      `{ r: article(key: "article:mehr-news-237013") { reconstruction basedOn url }
         seed: article(key: "article:noonpost-7628") { reconstruction basedOn } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.r).toEqual({
      reconstruction: true,
      basedOn: ['https://en.mehrnews.com/news/237013/'],
      url: 'https://en.mehrnews.com/news/237013/',
    });
    expect(res.data?.seed).toEqual({ reconstruction: false, basedOn: [] });
  });
});
