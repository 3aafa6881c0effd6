import { describe, expect, it } from 'vitest';
import { exportQuery, NODE_LABELS, RELATIONSHIP_TYPES } from '../../../src/export/allow-list.js';
import { claimReviewJsonLd } from '../../../src/export/claimreview.js';
import { cytoscapeJson } from '../../../src/export/cytoscape.js';
import { graphml, graphmlKeys } from '../../../src/export/graphml.js';
import { provId, provJson } from '../../../src/export/prov.js';
import { arrayReader } from '../../../src/export/reader.js';
import type { ClaimReviewRow, ExportEdge, ExportNode, TellingRow } from '../../../src/export/rows.js';
import { escapeXml, nmtoken } from '../../../src/export/xml.js';
import {
  collect,
  cypherTypeOf,
  expandedTerms,
  expandJsonLd,
  parseCytoscape,
  parseGraphml,
  parseProv,
} from '../../support/export-formats.js';

const NASTY = 'Tom & "Jerry" <said> \'it\'\u0001 \r\n done \uD800';

const nodes: ExportNode[] = [
  {
    key: 'article:a1',
    type: 'Article',
    props: { key: 'article:a1', title: NASTY, url: 'https://example.org/a1' },
  },
  {
    key: 'a1#c1',
    type: 'Claim',
    props: {
      key: 'a1#c1',
      text: 'The truce holds.',
      hedges: ['reportedly'],
      depth: 2,
      version: 1,
      outletAnalysis: false,
    },
  },
  { key: 'a1#c1@0', type: 'Telling', props: { key: 'a1#c1@0', hop: 0, role: 'published', anonymous: false } },
  { key: 'a1#c1@1', type: 'Telling', props: { key: 'a1#c1@1', hop: 1, role: 'quoted', anonymous: true } },
  {
    key: 'source:wire',
    type: 'Source',
    props: { key: 'source:wire', name: 'Wire', kind: 'wire', score: 0.5 },
  },
  // `score` is an integer here and a float above: the GraphML key must widen to double.
  {
    key: 'actor:jan',
    type: 'Actor',
    props: { key: 'actor:jan', name: 'Jan', kind: 'person', score: 2, type: 'x' },
  },
];
const edges: ExportEdge[] = [
  { id: 'r1', type: 'CONTAINS', source: 'article:a1', target: 'a1#c1', props: {} },
  { id: 'r2', type: 'TELLS', source: 'a1#c1@0', target: 'a1#c1', props: {} },
  { id: 'r3', type: 'QUOTED_FROM', source: 'a1#c1@0', target: 'a1#c1@1', props: {} },
  { id: 'r4', type: 'TOLD_BY', source: 'a1#c1@1', target: 'actor:jan', props: { note: NASTY } },
];
const propertyTypes = [
  ...[...new Set(nodes.flatMap((n) => Object.keys(n.props)))].flatMap((name) =>
    [...new Set(nodes.filter((n) => name in n.props).map((n) => cypherTypeOf(n.props[name])))].map(
      (type) => ({
        owner: 'node' as const,
        name,
        type,
      }),
    ),
  ),
  { owner: 'edge' as const, name: 'note', type: 'STRING NOT NULL' },
];

const tellings: TellingRow[] = [
  {
    key: 'a1#c1@0',
    props: { hop: 0, role: 'published', anonymous: false, isOrigin: false },
    claim: { key: 'a1#c1', text: 'The truce holds.', quote: null, saidAt: '2026-02-01' },
    agentKey: 'source:wire',
    quotedFromKey: 'a1#c1@1',
    articleKey: 'article:a1',
  },
  {
    key: 'a1#c1@1',
    props: { hop: 1, role: 'quoted', anonymous: true, isOrigin: false },
    claim: { key: 'a1#c1', text: 'The truce holds.', quote: null, saidAt: '2026-02-01' },
    agentKey: 'source:wire',
    quotedFromKey: 'a1#c1@2',
    articleKey: null,
  },
  {
    key: 'a1#c1@2',
    props: { hop: 2, role: 'said', anonymous: false, isOrigin: true },
    claim: { key: 'a1#c1', text: 'The truce holds.', quote: null, saidAt: '2026-02-01' },
    agentKey: 'actor:jan',
    quotedFromKey: null,
    articleKey: null,
  },
];

const review: ClaimReviewRow = {
  key: 'assessment:1',
  assessment: {
    key: 'assessment:1',
    verdict: 'false',
    ratingValue: 1,
    bestRating: 5,
    worstRating: 1,
    ratingName: 'False',
    reviewer: 'Example Checks',
    note: 'No truce was signed.',
    date: '2026-02-05',
  },
  claim: { key: 'a1#c1', text: 'The truce holds.', quote: 'holds', saidOn: '2026-02-01' },
  appearance: { key: 'article:a1', url: 'https://example.org/a1', title: 'A1', publishedAt: '2026-02-03' },
  firstAppearance: {
    key: 'article:a0',
    url: 'https://example.org/a0',
    title: 'A0',
    publishedAt: '2026-02-01',
  },
  originSpeaker: { key: 'actor:jan', type: 'Actor', name: 'Jan', kind: 'person', site: null },
};

describe('GraphML export', () => {
  it('parses as GraphML with every node, edge and typed attribute, whatever the text holds', async () => {
    const xml = await collect(graphml(arrayReader({ propertyTypes, nodes, edges })));
    const parsed = parseGraphml(xml);
    expect(parsed.nodes).toHaveLength(nodes.length);
    expect(parsed.edges).toHaveLength(edges.length);
    const article = parsed.nodes.find((n) => n.data.key === 'article:a1')!;
    expect(article.data.label).toBe(NASTY.replace('\u0001', '\uFFFD').replace('\uD800', '\uFFFD'));
    expect(article.data.type).toBe('Article');
    const claim = parsed.nodes.find((n) => n.data.key === 'a1#c1')!;
    expect(claim.id).toBe(nmtoken('a1#c1'));
    expect(JSON.parse(claim.data.hedges!)).toEqual(['reportedly']);
    expect(parsed.keys.find((k) => k.name === 'score')?.type).toBe('double');
    expect(parsed.keys.find((k) => k.name === 'depth')?.type).toBe('long');
    expect(parsed.keys.find((k) => k.name === 'outletAnalysis')?.type).toBe('boolean');
    // The actor's own `type` property must not overwrite the exported node type.
    const jan = parsed.nodes.find((n) => n.data.key === 'actor:jan')!;
    expect(jan.data).toMatchObject({ type: 'Actor', prop_type: 'x', label: 'Jan' });
    const toldBy = parsed.edges.find((e) => e.data.type === 'TOLD_BY')!;
    expect(toldBy).toMatchObject({ source: nmtoken('a1#c1@1'), target: nmtoken('actor:jan') });
    expect(toldBy.data.note).toContain('Tom & "Jerry" <said>');
  });

  it('declares a key once per name and domain, with the export attributes first', () => {
    const keys = graphmlKeys(propertyTypes);
    expect(new Set(keys.map((k) => k.id)).size).toBe(keys.length);
    expect(keys.slice(0, 4).map((k) => `${k.for}:${k.name}`)).toEqual([
      'node:label',
      'node:type',
      'edge:label',
      'edge:type',
    ]);
  });

  it('is still a valid document when the graph is empty', async () => {
    const parsed = parseGraphml(await collect(graphml(arrayReader({}))));
    expect(parsed.nodes).toEqual([]);
  });

  it('maps keys to NMTOKEN ids one-to-one and escapes all five XML specials', () => {
    expect(nmtoken('mini-1#x@2')).toBe('mini-1_23_x_40_2');
    expect(nmtoken('a_b')).not.toBe(nmtoken('a#b'));
    expect(nmtoken('a_23_b')).not.toBe(nmtoken('a#b'));
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});

describe('Cytoscape.js export', () => {
  it('loads into cytoscape with every node and edge and their properties', async () => {
    const { doc, cy } = parseCytoscape(await collect(cytoscapeJson(arrayReader({ nodes, edges }, 4))));
    expect(cy.nodes()).toHaveLength(nodes.length);
    expect(cy.edges()).toHaveLength(edges.length);
    expect(cy.getElementById('a1#c1').data()).toMatchObject({ type: 'Claim', hedges: ['reportedly'] });
    expect(cy.getElementById('r3').source().id()).toBe('a1#c1@0');
    expect(doc.elements.edges[3]?.data).toMatchObject({ type: 'TOLD_BY', note: NASTY });
  });

  it('writes empty lists for an empty graph', async () => {
    const { doc } = parseCytoscape(await collect(cytoscapeJson(arrayReader({}))));
    expect(doc).toEqual({ elements: { nodes: [], edges: [] } });
  });
});

describe('ClaimReview export', () => {
  it('expands with the schema.org context into schema.org terms only', async () => {
    const doc = JSON.parse(
      await collect(
        claimReviewJsonLd({ urlBase: 'https://checks.example.org/claims/' })(
          arrayReader({ claimReviews: [review, review] }),
        ),
      ),
    );
    expect(doc['@context']).toBe('https://schema.org');
    const expanded = await expandJsonLd(doc);
    const terms = expandedTerms(expanded);
    expect(terms.length).toBeGreaterThan(20);
    for (const term of terms) expect(term).toMatch(/^https?:\/\/schema\.org\/[A-Za-z]+$/);
    expect(new Set(terms)).toEqual(
      new Set(
        [
          'ClaimReview',
          'claimReviewed',
          'reviewRating',
          'Rating',
          'ratingValue',
          'bestRating',
          'worstRating',
          'alternateName',
          'author',
          'Organization',
          'name',
          'datePublished',
          'reviewBody',
          'identifier',
          'itemReviewed',
          'Claim',
          'text',
          'Person',
          'appearance',
          'firstAppearance',
          'CreativeWork',
          'url',
          'headline',
        ].map((t) => `http://schema.org/${t}`),
      ),
    );
  });

  it('carries the verdict, the origin speaker and both appearances', async () => {
    const doc = JSON.parse(
      await collect(
        claimReviewJsonLd({ urlBase: 'https://checks.example.org/claims/' })(
          arrayReader({ claimReviews: [review] }),
        ),
      ),
    );
    const [cr] = doc['@graph'];
    expect(cr).toMatchObject({
      '@type': 'ClaimReview',
      claimReviewed: 'The truce holds.',
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'False',
      },
      author: { '@type': 'Organization', name: 'Example Checks' },
      datePublished: '2026-02-05',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Jan' },
        appearance: { url: 'https://example.org/a1' },
        firstAppearance: { url: 'https://example.org/a0', datePublished: '2026-02-01' },
      },
    });
  });
});

describe('PROV-JSON export', () => {
  const graph = {
    tellings,
    articles: [
      {
        key: 'article:a1',
        url: 'https://example.org/a1',
        title: 'A1',
        publishedAt: '2026-02-03',
        publisherKey: 'source:wire',
      },
    ],
    agents: [
      { key: 'source:wire', type: 'Source' as const, name: 'Wire', kind: 'wire' },
      { key: 'actor:jan', type: 'Actor' as const, name: 'Jan', kind: 'person' },
    ],
  };

  it('matches the PROV-JSON shape and every reference resolves', async () => {
    const doc = parseProv(await collect(provJson(arrayReader(graph))));
    expect(Object.keys(doc.entity!)).toHaveLength(4);
    expect(Object.keys(doc.agent!)).toHaveLength(2);
    expect(doc.agent![provId('actor:jan')]!['prov:type']).toEqual({ $: 'prov:Person', type: 'xsd:QName' });
    expect(doc.agent![provId('source:wire')]!['prov:type']).toEqual({
      $: 'prov:Organization',
      type: 'xsd:QName',
    });
    expect(Object.values(doc.wasAttributedTo!)).toHaveLength(4);
    expect(Object.values(doc.hadMember!)).toEqual([
      { 'prov:collection': provId('article:a1'), 'prov:entity': provId('a1#c1@0') },
    ]);
  });

  it('types a quoted hop as prov:Quotation and hearsay as plain derivation', async () => {
    const doc = parseProv(await collect(provJson(arrayReader(graph))));
    const derived = Object.values(doc.wasDerivedFrom!);
    expect(derived).toEqual([
      { 'prov:generatedEntity': provId('a1#c1@0'), 'prov:usedEntity': provId('a1#c1@1') },
      {
        'prov:generatedEntity': provId('a1#c1@1'),
        'prov:usedEntity': provId('a1#c1@2'),
        'prov:type': { $: 'prov:Quotation', type: 'xsd:QName' },
      },
    ]);
    const quotedClaim = tellings.map((t) => ({ ...t, claim: { ...t.claim!, quote: 'holds' } }));
    const quoted = parseProv(await collect(provJson(arrayReader({ ...graph, tellings: quotedClaim }))));
    for (const d of Object.values(quoted.wasDerivedFrom!)) expect(d['prov:type']).toBeDefined();
  });

  it('rejects a document whose relation points at nothing (the checker checks)', async () => {
    const broken = { ...graph, agents: graph.agents.slice(0, 1) };
    expect(() => parseProv(JSON.stringify({ prefix: {}, entity: { 'ex:a': {} } }))).toThrow(
      /undeclared prefix/,
    );
    await expect(collect(provJson(arrayReader(broken))).then(parseProv)).rejects.toThrow(/does not resolve/);
  });

  it('percent-encodes keys into qualified names', () => {
    expect(provId('a1#c1@2')).toBe('cg:a1%23c1%402');
    expect(provId('source:a b')).toBe('cg:source:a%20b');
  });
});

describe('export queries', () => {
  it('fill every placeholder from the allow-list only', () => {
    const q = exportQuery('hood-edges', { depth: 3 });
    expect(q).toContain(`[:${RELATIONSHIP_TYPES.join('|')}*0..3]`);
    expect(q).toContain(`(start:${NODE_LABELS.join('|')} {key: $nodeKey})`);
    expect(exportQuery('nodes', { label: 'Claim' })).toContain('MATCH (n:Claim)');
    expect(() => exportQuery('nodes')).toThrow(/__Label__ has no value/);
    expect(() => exportQuery('nodes', { label: 'Claim) DETACH DELETE n //' as never })).toThrow(
      /not exported/,
    );
    expect(() => exportQuery('hood-nodes', { depth: 7 })).toThrow(/depth/);
    expect(() => exportQuery('hood-nodes', { depth: 1.5 })).toThrow(/depth/);
  });
});
