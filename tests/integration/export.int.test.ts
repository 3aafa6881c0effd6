import { describe, expect, it } from 'vitest';
import { countRoundTrips, RoundTrips } from '../../src/db/database.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { AGENT_LABELS, exportQuery, NODE_LABELS } from '../../src/export/allow-list.js';
import {
  NodeNotFoundError,
  prepareExport,
  streamExport,
  type ExportHooks,
  type ExportOptions,
  type OmittedReview,
} from '../../src/export/index.js';
import { provId } from '../../src/export/prov.js';
import { nmtoken } from '../../src/export/xml.js';
import {
  collect,
  expandedTerms,
  expandJsonLd,
  parseCytoscape,
  parseGexf,
  parseGraphml,
  parseProv,
} from '../support/export-formats.js';
import { useTestGraph } from '../support/db.js';
import { miniDoc } from '../support/mini-doc.js';

const graph = useTestGraph({ resetEach: true });

const exportText = (options: ExportOptions, hooks: ExportHooks = {}) =>
  collect(streamExport(graph.db, options, hooks));
const REVIEWS: ExportHooks = { claimReviewUrlBase: 'https://checks.example.org/claims/' };

/** mini-1, then mini-2 (published earlier, carrying the same statement), then an assessment. */
async function seedTwoArticlesAndAReview(): Promise<void> {
  await ingestDocument(graph.db, miniDoc('mini-1'));
  const second = miniDoc('mini-2');
  second.article.publishedAt = '2026-01-30';
  second.relations = [
    { from: 'ceasefire-will-fail', to: 'mini-1#ceasefire-will-fail', type: 'SAME_STATEMENT' },
  ];
  await ingestDocument(graph.db, second);
  // Written directly: the assessment writer is another helper's work; these are its properties.
  await graph.db.write((tx) =>
    tx.exec(
      `MATCH (c:Claim {key: $claimKey})
       CREATE (a:Assessment {key: 'assessment:mini-1#ceasefire-will-fail:1', verdict: 'unproven',
         ratingValue: 2, bestRating: 5, worstRating: 1, ratingName: 'Unproven',
         reviewer: 'Example Checks', note: 'Only anonymous sources.', date: date('2026-02-05')})
       CREATE (a)-[:ASSESSES]->(c)`,
      { claimKey: 'mini-1#ceasefire-will-fail' },
    ),
  );
}

/**
 * What the database holds, read without the export code: node keys, and relationship ids made
 * from keys as the exports promise (`<start key>-<TYPE>-><end key>`). Links proposed by the
 * matcher (LinkProposal) are review state, not part of the graph, and not exported.
 */
async function databaseGraph(): Promise<{ nodes: string[]; edges: string[] }> {
  const [row] = await graph.db.read((tx) =>
    tx.rows(
      `CALL () { MATCH (n) WHERE NOT n:__Migration AND NOT n:LinkProposal RETURN collect(n.key) AS nodes }
       CALL () { MATCH (a)-[r]->(b) RETURN collect(a.key + '-' + type(r) + '->' + b.key) AS edges }
       RETURN nodes, edges`,
    ),
  );
  return { nodes: (row?.nodes as string[]).sort(), edges: (row?.edges as string[]).sort() };
}

/** "Operator details" lines of a plan, depth first. */
function planOperators(plan: unknown): string[] {
  const p = plan as { operatorType: string; arguments: { Details?: string }; children: unknown[] };
  return [
    `${p.operatorType.replace(/@.*/, '')} ${p.arguments.Details ?? ''}`,
    ...p.children.flatMap(planOperators),
  ];
}

const sorted = (values: Iterable<string>) => [...values].sort();

describe('exporting the whole graph', () => {
  it('GraphML holds every node and relationship of the database, typed and labelled', async () => {
    await seedTwoArticlesAndAReview();
    const expected = await databaseGraph();
    const parsed = parseGraphml(await exportText({ format: 'graphml', profile: 'full' }));
    expect(sorted(parsed.nodes.map((n) => n.data.key!))).toEqual(expected.nodes);
    expect(sorted(parsed.nodes.map((n) => n.id))).toEqual(sorted(expected.nodes.map(nmtoken)));
    expect(parsed.edges).toHaveLength(expected.edges.length);
    const claim = parsed.nodes.find((n) => n.data.key === 'mini-1#ceasefire-will-fail')!;
    expect(claim.data).toMatchObject({ type: 'Claim', label: 'The ceasefire will not survive the week.' });
    // version is written as a Cypher integer; hop and depth arrive from ingest as JS numbers (floats).
    expect(parsed.keys.find((k) => k.name === 'version' && k.for === 'node')?.type).toBe('long');
    expect(parsed.keys.find((k) => k.name === 'hop' && k.for === 'node')?.type).toMatch(/^(long|double)$/);
    expect(parsed.keys.find((k) => k.name === 'anonymous' && k.for === 'node')?.type).toBe('boolean');
    const types = await graph.db.read((tx) => tx.rows('MATCH ()-[r]->() RETURN DISTINCT type(r) AS type'));
    expect(new Set(parsed.edges.map((e) => e.data.type))).toEqual(new Set(types.map((t) => t.type)));
  });

  it('Cytoscape.js JSON loads into cytoscape with the same nodes and edges as the database', async () => {
    await seedTwoArticlesAndAReview();
    const expected = await databaseGraph();
    const { cy } = parseCytoscape(await exportText({ format: 'cytoscape', profile: 'full' }));
    expect(sorted(cy.nodes().map((n) => n.id()))).toEqual(expected.nodes);
    expect(sorted(cy.edges().map((e) => e.id()))).toEqual(expected.edges);
    const chain = cy.getElementById('mini-1#ceasefire-will-fail@1').outgoers('edge[type = "QUOTED_FROM"]');
    expect(chain.targets().map((t) => t.id())).toEqual(['mini-1#ceasefire-will-fail@2']);
  });

  it('PROV-JSON has every telling and article, each attribution and each quoted-from hop', async () => {
    await seedTwoArticlesAndAReview();
    const [counts] = await graph.db.read((tx) =>
      tx.rows(
        `RETURN COUNT { MATCH (:Telling) } AS tellings, COUNT { MATCH (:Article) } AS articles,
                COUNT { MATCH (:Telling)-[:QUOTED_FROM]->() } AS hops,
                COUNT { MATCH (c:Claim)<-[:TELLS]-(:Telling)-[:QUOTED_FROM]->() WHERE c.quote IS NOT NULL } AS quotedHops`,
      ),
    );
    const doc = parseProv(await exportText({ format: 'prov' }));
    expect(Object.keys(doc.entity!)).toHaveLength(Number(counts!.tellings) + Number(counts!.articles));
    expect(Object.keys(doc.wasAttributedTo!)).toHaveLength(
      Number(counts!.tellings) + Number(counts!.articles),
    );
    const derived = Object.values(doc.wasDerivedFrom!);
    expect(derived).toHaveLength(Number(counts!.hops));
    expect(derived.filter((d) => d['prov:type'] !== undefined)).toHaveLength(Number(counts!.quotedHops));
    // The anonymous diplomats are people; the Guardian an organisation; the origin is the Minister.
    const diplomats = provId('source:mini-1:eu-diplomats');
    expect(doc.agent![diplomats]!['prov:type']).toEqual({ $: 'prov:Person', type: 'xsd:QName' });
    expect(doc.agent![provId('source:the-guardian')]!['prov:type']).toMatchObject({ $: 'prov:Organization' });
    const origin = doc.wasAttributedTo![`_:attributed-${provId('mini-1#ceasefire-will-fail@3').slice(3)}`];
    expect(origin?.['prov:agent']).toBe(provId('actor:jan-minister'));
  });

  it('ClaimReview JSON-LD reviews each assessed claim with its origin speaker and first appearance', async () => {
    await seedTwoArticlesAndAReview();
    const doc = JSON.parse(await exportText({ format: 'claimreview' }, REVIEWS));
    expect(doc['@graph']).toHaveLength(1);
    expect(doc['@graph'][0]).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'The ceasefire will not survive the week.',
      datePublished: '2026-02-05',
      reviewRating: { ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Unproven' },
      url: 'https://checks.example.org/claims/mini-1%23ceasefire-will-fail',
      author: { '@type': 'Organization', name: 'Example Checks', url: 'https://checks.example.org/' },
      itemReviewed: {
        '@type': 'Claim',
        text: 'will not survive the week',
        author: { '@type': 'Person', name: 'Jan Minister' },
        appearance: { url: 'https://example.org/mini-1' },
        firstAppearance: { url: 'https://example.org/mini-2', datePublished: '2026-01-30' },
      },
    });
    // Nothing dates the Minister's words: no Claim datePublished (not the article's date).
    expect(doc['@graph'][0].itemReviewed).not.toHaveProperty('datePublished');
    for (const term of expandedTerms(await expandJsonLd(doc)))
      expect(term).toMatch(/^https?:\/\/schema\.org\//);
  });
});

describe('the lean profile, GEXF and the agent network on a real graph', () => {
  it('lean GraphML (the default): no tellings, revisions or document; a TOLD_BY edge per telling', async () => {
    await seedTwoArticlesAndAReview();
    const [counts] = await graph.db.read((tx) =>
      tx.rows(
        `RETURN COUNT { MATCH (n) WHERE NOT n:Telling AND NOT n:Revision AND NOT n:__Migration AND NOT n:LinkProposal } AS nodes,
                COUNT { MATCH (a)-[r]->(b) WHERE NOT a:Telling AND NOT b:Telling
                          AND NOT a:Revision AND NOT b:Revision } AS kept,
                COUNT { MATCH (:Telling)-[:TOLD_BY]->() } AS tellings`,
      ),
    );
    const xml = await exportText({ format: 'graphml' });
    const parsed = parseGraphml(xml);
    expect(parsed.nodes).toHaveLength(Number(counts!.nodes));
    expect(parsed.nodes.filter((n) => n.data.type === 'Telling' || n.data.type === 'Revision')).toEqual([]);
    expect(parsed.edges).toHaveLength(Number(counts!.kept) + Number(counts!.tellings));
    expect(parsed.keys.find((k) => k.name === 'document')).toBeUndefined();
    const article = parsed.nodes.find((n) => n.data.key === 'article:mini-1')!;
    expect(article.data.text).toBeUndefined();
    // The anonymous hop of the ceasefire chain, straight from the claim to the diplomats.
    const anonymous = parsed.edges.find(
      (e) =>
        e.source === nmtoken('mini-1#ceasefire-will-fail') &&
        e.target === nmtoken('source:mini-1:eu-diplomats'),
    )!;
    expect(anonymous.data).toMatchObject({ type: 'TOLD_BY', hop: '2', anonymous: 'true' });
    const claim = parsed.nodes.find((n) => n.data.key === 'mini-1#ceasefire-will-fail')!;
    expect(Object.keys(claim.data).some((name) => name.startsWith('factor_'))).toBe(true);
    // Stable: the same graph exports the same edge ids again.
    expect(parseGraphml(await exportText({ format: 'graphml' })).edges.map((e) => e.id)).toEqual(
      parsed.edges.map((e) => e.id),
    );
  });

  it('lean neighbourhood exports never leave a derived edge dangling', async () => {
    await seedTwoArticlesAndAReview();
    for (const depth of [0, 1, 2]) {
      // parseGraphml and parseGexf reject an edge whose end is not a node of the file.
      parseGraphml(await exportText({ format: 'graphml', nodeKey: 'article:mini-1', depth }));
      parseGexf(await exportText({ format: 'gexf', nodeKey: 'article:mini-1', depth }));
    }
  });

  it('GEXF dates articles and claims for the timeline', async () => {
    await seedTwoArticlesAndAReview();
    const parsed = parseGexf(await exportText({ format: 'gexf', batchSize: 7 }));
    expect(parsed.mode).toBe('dynamic');
    expect(parsed.nodes.find((n) => n.id === 'article:mini-2')?.start).toBe('2026-01-30');
    const [said] = await graph.db.read((tx) =>
      tx.rows(`MATCH (c:Claim {key: 'mini-1#ceasefire-will-fail'}) RETURN c.saidAt AS saidAt`),
    );
    expect(parsed.nodes.find((n) => n.id === 'mini-1#ceasefire-will-fail')?.start).toBe(
      String(said!.saidAt).slice(0, 10),
    );
    const v12 = parseGexf(await exportText({ format: 'gexf', gexfVersion: '1.2draft' }), '1.2draft');
    expect(v12.nodes.length).toBe(parsed.nodes.length);
  });

  it('the agent network: who quoted whom, weighted by claims, anonymous sources apart', async () => {
    await seedTwoArticlesAndAReview();
    const parsed = parseGraphml(await exportText({ format: 'agents', batchSize: 3 }));
    const node = (key: string) => parsed.nodes.find((n) => n.data.key === key)!;
    expect(node('source:mini-1:eu-diplomats').data.agentClass).toBe('anonymous');
    expect(node('actor:jan-minister').data.agentClass).toBe('person');
    expect(node('source:the-guardian').data.agentClass).toBe('organization');
    // Expected links read straight from the chains: teller, quoted agent, origin or not, claims.
    const rows = await graph.db.read((tx) =>
      tx.rows(
        `MATCH (a)<-[:TOLD_BY]-(t:Telling)-[:QUOTED_FROM]->(u:Telling)-[:TOLD_BY]->(b), (t)-[:TELLS]->(c)
         WHERE a <> b
         RETURN a.key AS a, b.key AS b, CASE WHEN u.isOrigin THEN 'QUOTED' ELSE 'RELAYED' END AS kind,
                count(DISTINCT c) AS claims`,
      ),
    );
    const got = parsed.edges.map((e) => {
      const from = parsed.nodes.find((n) => n.id === e.source)!.data.key;
      const to = parsed.nodes.find((n) => n.id === e.target)!.data.key;
      return `${from} ${e.data.type} ${to} ${e.data.weight}`;
    });
    expect(sorted(got)).toEqual(sorted(rows.map((r) => `${r.a} ${r.kind} ${r.b} ${Number(r.claims)}`)));
    expect(got).toContain('source:the-guardian RELAYED source:mini-1:eu-diplomats 1');
    expect(got).toContain('source:mini-1:eu-diplomats QUOTED actor:jan-minister 1');
  });

  it('ClaimReview without a page base leaves every review out and says why', async () => {
    await seedTwoArticlesAndAReview();
    const omitted: OmittedReview[] = [];
    const doc = JSON.parse(
      await exportText({ format: 'claimreview' }, { onOmittedReview: (o) => omitted.push(o) }),
    );
    expect(doc['@graph']).toEqual([]);
    expect(omitted).toEqual([
      {
        key: 'assessment:mini-1#ceasefire-will-fail:1',
        claimKey: 'mini-1#ceasefire-will-fail',
        reasons: ['no fact-check page url: CLAIMREVIEW_URL_BASE is not set'],
      },
    ]);
  });

  it('refuses a profile where none applies and include with the full profile', async () => {
    await expect(prepareExport(graph.db, { format: 'prov', profile: 'full' })).rejects.toThrow(
      /profiles apply/,
    );
    await expect(
      prepareExport(graph.db, { format: 'graphml', profile: 'full', include: ['tellings'] }),
    ).rejects.toThrow(/include applies/);
  });
});

describe('streaming', () => {
  it('exports a graph many batches large with every node and edge exactly once', async () => {
    // Matching on ingest is not what this measures (and 14 copies of one document would propose a
    // link between every pair of them): it is left out so the test keeps its time.
    for (let i = 0; i < 14; i++) {
      await ingestDocument(graph.db, miniDoc(`bulk-${String(i).padStart(2, '0')}`), { match: false });
    }
    const expected = await databaseGraph();
    expect(expected.nodes.length).toBeGreaterThan(250);
    const batchSize = 50;

    const trips = new RoundTrips();
    const chunks: string[] = [];
    await countRoundTrips(trips, async () => {
      for await (const chunk of streamExport(graph.db, { format: 'cytoscape', profile: 'full', batchSize }))
        chunks.push(chunk);
    });
    const { doc } = parseCytoscape(chunks.join(''));
    // Exactly once: the sorted lists are equal, duplicates included.
    expect(sorted(doc.elements.nodes.map((n) => n.data.id))).toEqual(expected.nodes);
    expect(sorted(doc.elements.edges.map((e) => e.data.id))).toEqual(expected.edges);
    // Paged: at least one read per full page of nodes and again of edges, and many chunks.
    expect(trips.count).toBeGreaterThanOrEqual(2 * Math.ceil(expected.nodes.length / batchSize));
    expect(chunks.length).toBeGreaterThan(expected.nodes.length / batchSize);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(200_000);

    const graphmlDoc = parseGraphml(await exportText({ format: 'graphml', profile: 'full', batchSize }));
    expect(sorted(graphmlDoc.nodes.map((n) => n.data.key!))).toEqual(expected.nodes);
    expect(graphmlDoc.edges).toHaveLength(expected.edges.length);

    const prov = parseProv(await exportText({ format: 'prov', batchSize }));
    const tellings = expected.nodes.filter((k) => /@\d+$/.test(k));
    expect(Object.keys(prov.entity!).filter((id) => /%40\d+$/.test(id))).toHaveLength(tellings.length);
  });

  it('pages by key across a page boundary that falls inside one label', async () => {
    await ingestDocument(graph.db, miniDoc('mini-1'));
    const expected = await databaseGraph();
    for (const batchSize of [1, 2, 3, 7]) {
      const { doc } = parseCytoscape(await exportText({ format: 'cytoscape', profile: 'full', batchSize }));
      expect(sorted(doc.elements.nodes.map((n) => n.data.id))).toEqual(expected.nodes);
      expect(sorted(doc.elements.edges.map((e) => e.data.id))).toEqual(expected.edges);
    }
  });
});

describe('exporting a neighbourhood', () => {
  it('holds the nodes within N hops of the start node and the edges between them', async () => {
    await seedTwoArticlesAndAReview();
    const start = 'mini-1#ceasefire-will-fail';
    for (const depth of [0, 1, 2]) {
      const [row] = await graph.db.read((tx) =>
        tx.rows(
          `MATCH (s {key: $start})-[*0..${depth}]-(m) WITH collect(DISTINCT m) AS hood
           RETURN [n IN hood | n.key] AS nodes,
                  COUNT { UNWIND hood AS n MATCH (n)-[r]->(o) WHERE o IN hood RETURN r } AS edges`,
          { start },
        ),
      );
      const { cy } = parseCytoscape(
        await exportText({ format: 'cytoscape', profile: 'full', nodeKey: start, depth, batchSize: 4 }),
      );
      expect(sorted(cy.nodes().map((n) => n.id()))).toEqual(sorted(row!.nodes as string[]));
      expect(cy.edges()).toHaveLength(Number(row!.edges));
      const parsed = parseGraphml(
        await exportText({ format: 'graphml', profile: 'full', nodeKey: start, depth, batchSize: 4 }),
      );
      expect(parsed.nodes).toHaveLength((row!.nodes as string[]).length);
      expect(parsed.edges).toHaveLength(Number(row!.edges));
    }
  });

  it('exports whole chains and the reviews of the claims in the neighbourhood', async () => {
    await seedTwoArticlesAndAReview();
    // One hop from the Minister reaches the tellings he told, not the claims themselves...
    const doc = parseProv(
      await exportText({ format: 'prov', nodeKey: 'mini-1#ceasefire-will-fail@3', depth: 1 }),
    );
    const tellings = Object.keys(doc.entity!).filter((id) => id.includes('%40'));
    expect(sorted(tellings)).toEqual([0, 1, 2, 3].map((hop) => provId(`mini-1#ceasefire-will-fail@${hop}`)));
    expect(doc.entity![provId('article:mini-1')]).toBeDefined();
    expect(Object.keys(doc.agent!)).toHaveLength(4);

    const reviews = JSON.parse(
      await exportText({ format: 'claimreview', nodeKey: 'article:mini-1', depth: 1, batchSize: 1 }, REVIEWS),
    );
    expect(reviews['@graph']).toHaveLength(1);
    const none = JSON.parse(
      await exportText({ format: 'claimreview', nodeKey: 'article:mini-2', depth: 1 }, REVIEWS),
    );
    expect(none['@graph']).toEqual([]);
  });

  it('refuses an unknown start node before writing anything', async () => {
    await ingestDocument(graph.db, miniDoc('mini-1'));
    await expect(prepareExport(graph.db, { format: 'graphml', nodeKey: 'nope' })).rejects.toThrow(
      NodeNotFoundError,
    );
    await expect(
      prepareExport(graph.db, { format: 'graphml', nodeKey: 'article:mini-1', depth: 9 }),
    ).rejects.toThrow();
  });
});

describe('export queries', () => {
  it('all plan on the server, and pages walk the key index instead of sorting the label', async () => {
    const names = [
      'find-node',
      'property-types',
      'hood-property-types',
      'nodes',
      'hood-nodes',
      'edges',
      'hood-edges',
      'tellings',
      'hood-tellings',
      'articles',
      'hood-articles',
      'agents',
      'hood-agents',
      'claim-reviews',
      'hood-claim-reviews',
      'agent-links',
      'hood-agent-links',
    ];
    const plans = new Map<string, string>();
    await graph.db.read(async (tx) => {
      for (const name of names) {
        const label = name === 'agents' ? AGENT_LABELS[0] : NODE_LABELS[1];
        const text = exportQuery(name, { label, depth: 2 });
        const [row] = await tx.rows(`EXPLAIN ${text}`);
        expect(row).toBeUndefined();
        plans.set(name, text);
      }
    });
    const session = graph.db.driver.session({ database: graph.db.database });
    try {
      for (const name of ['nodes', 'edges', 'tellings', 'articles', 'claim-reviews']) {
        const label = name === 'agents' ? AGENT_LABELS[0] : NODE_LABELS[1];
        const result = await session.run(`EXPLAIN ${exportQuery(name, { label, depth: 2 })}`, {
          after: '',
          batch: 10,
          earlierLabels: [],
          labels: [...NODE_LABELS],
          agentLabels: [...AGENT_LABELS],
        });
        const operators = planOperators(result.summary.plan);
        expect(
          operators.some((o) => /^Node(Unique)?IndexSeekByRange/.test(o)),
          name,
        ).toBe(true);
        // No sort of a whole label: only the per-claim "first appearance" picks a top 1.
        for (const o of operators) expect(o, name).not.toMatch(/^(Sort|Top(?!.*LIMIT 1$))/);
      }
    } finally {
      await session.close();
    }
  });
});
