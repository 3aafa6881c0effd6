/**
 * The graph-tool exports: the lean profile, GEXF with time, the who-quoted-whom agent network,
 * and stable edge ids. Each output is parsed back by our structural readers and then opened with
 * NetworkX's own readers (`read_graphml`, `read_gexf`), as a user of NetworkX (or Gephi) would.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentNetworkGraphml, networkClass } from '../../../src/export/agents.js';
import { cytoscapeJson } from '../../../src/export/cytoscape.js';
import { dayOf, gexf } from '../../../src/export/gexf.js';
import { graphml } from '../../../src/export/graphml.js';
import { edgeId, leanReader } from '../../../src/export/profile.js';
import { arrayReader, withKeyIds, type GraphReader } from '../../../src/export/reader.js';
import type {
  AgentLinkRow,
  AgentRow,
  ExportEdge,
  ExportNode,
  PropertyType,
  TellingRow,
} from '../../../src/export/rows.js';
import {
  collect,
  cypherTypeOf,
  parseCytoscape,
  parseGexf,
  parseGraphml,
  readWithNetworkx,
  type NetworkxSummary,
} from '../../support/export-formats.js';

const factors = [
  { factor: 'origin-reliability', effect: 0.5, detail: 'named minister' },
  { factor: 'anonymity', effect: -0.1, detail: 'one anonymous link' },
  { factor: 'anonymity', effect: -0.2, detail: 'another' },
];

const nodes: ExportNode[] = [
  {
    key: 'article:a1',
    type: 'Article',
    props: {
      key: 'article:a1',
      title: 'Talks & "truce" <today>',
      publishedAt: '2026-02-03T08:00:00Z',
      text: 'x'.repeat(5000),
      document: JSON.stringify({ big: 'y'.repeat(5000) }),
    },
  },
  {
    key: 'a1#c1',
    type: 'Claim',
    props: {
      key: 'a1#c1',
      text: 'The truce holds.',
      hedges: ['reportedly'],
      saidAt: '2026-02-01',
      confidence: 0.2,
      credibility: 4,
      gradeFactors: JSON.stringify(factors),
      originGroups: JSON.stringify([{ origin: 'actor:jan', members: ['actor:jan'] }]),
    },
  },
  {
    key: 'a1#c1@0',
    type: 'Telling',
    props: { key: 'a1#c1@0', hop: 0, role: 'published', anonymous: false, isOrigin: false },
  },
  {
    key: 'a1#c1@1',
    type: 'Telling',
    props: { key: 'a1#c1@1', hop: 1, role: 'quoted', anonymous: true, isOrigin: false },
  },
  {
    key: 'a1#c1@2',
    type: 'Telling',
    props: { key: 'a1#c1@2', hop: 2, role: 'said', anonymous: false, isOrigin: true },
  },
  { key: 'a1#c1@v1', type: 'Revision', props: { key: 'a1#c1@v1', version: 1, at: '2026-02-04T10:00:00Z' } },
  { key: 'source:outlet', type: 'Source', props: { key: 'source:outlet', name: 'Outlet', kind: 'outlet' } },
  {
    key: 'source:a1:official',
    type: 'Source',
    props: { key: 'source:a1:official', name: 'a Syrian official', kind: 'anonymous', anonymous: true },
  },
  { key: 'actor:jan', type: 'Actor', props: { key: 'actor:jan', name: 'Jan', kind: 'person' } },
];

const rawEdges: { source: string; type: ExportEdge['type']; target: string; props?: ExportEdge['props'] }[] =
  [
    { source: 'article:a1', type: 'CONTAINS', target: 'a1#c1' },
    { source: 'article:a1', type: 'PUBLISHED_BY', target: 'source:outlet' },
    { source: 'a1#c1@0', type: 'TELLS', target: 'a1#c1' },
    { source: 'a1#c1@0', type: 'IN_ARTICLE', target: 'article:a1' },
    { source: 'a1#c1@0', type: 'TOLD_BY', target: 'source:outlet' },
    { source: 'a1#c1@0', type: 'QUOTED_FROM', target: 'a1#c1@1' },
    { source: 'a1#c1@1', type: 'TOLD_BY', target: 'source:a1:official' },
    { source: 'a1#c1@1', type: 'QUOTED_FROM', target: 'a1#c1@2' },
    { source: 'a1#c1@2', type: 'TOLD_BY', target: 'actor:jan' },
    { source: 'a1#c1@v1', type: 'REVISES', target: 'a1#c1' },
    { source: 'source:a1:official', type: 'AFFILIATED_WITH', target: 'actor:jan' },
  ];
const edges: ExportEdge[] = rawEdges.flatMap((e) =>
  withKeyIds(e.source, [{ type: e.type, target: e.target, props: e.props ?? {} }]),
);

const propertyTypes: PropertyType[] = [
  ...new Map(
    nodes.flatMap((n) =>
      Object.entries(n.props).map(([name, v]) => [
        `${name}:${cypherTypeOf(v)}`,
        { owner: 'node' as const, name, type: cypherTypeOf(v) },
      ]),
    ),
  ).values(),
];

const telling = (hop: number, agentKey: string, isOrigin: boolean, anonymous: boolean): TellingRow => ({
  key: `a1#c1@${hop}`,
  props: { hop, role: ['published', 'quoted', 'said'][hop]!, anonymous, isOrigin },
  claim: { key: 'a1#c1', text: 'The truce holds.', quote: null, saidAt: '2026-02-01' },
  agentKey,
  quotedFromKey: isOrigin ? null : `a1#c1@${hop + 1}`,
  articleKey: hop === 0 ? 'article:a1' : null,
});
const tellings = [
  telling(0, 'source:outlet', false, false),
  telling(1, 'source:a1:official', false, true),
  telling(2, 'actor:jan', true, false),
];

const graph = () => arrayReader({ propertyTypes, nodes, edges, tellings });

const dir = mkdtempSync(path.join(tmpdir(), 'claim-graph-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function saved(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function nodesOf(reader: GraphReader): Promise<ExportNode[]> {
  const out: ExportNode[] = [];
  for await (const page of reader.nodes()) out.push(...page);
  return out;
}
async function edgesOf(reader: GraphReader): Promise<ExportEdge[]> {
  const out: ExportEdge[] = [];
  for await (const page of reader.edges()) out.push(...page);
  return out;
}

describe('stable edge ids', () => {
  it('are made from the keys and the type, not from database ids', () => {
    expect(withKeyIds('a1#c1@0', [{ type: 'TOLD_BY', target: 'source:outlet', props: {} }])[0]!.id).toBe(
      'a1#c1@0-TOLD_BY->source:outlet',
    );
  });

  it('stay unique, and independent of storage order, for parallel relationships', () => {
    const one = { type: 'MENTIONS' as const, target: 'actor:jan', props: { n: 1 } };
    const two = { type: 'MENTIONS' as const, target: 'actor:jan', props: { n: 2 } };
    const forward = withKeyIds('article:a1', [one, two]);
    const backward = withKeyIds('article:a1', [two, one]);
    expect(forward.map((e) => e.id)).toEqual([
      'article:a1-MENTIONS->actor:jan',
      'article:a1-MENTIONS->actor:jan#2',
    ]);
    expect(new Map(backward.map((e) => [e.id, e.props]))).toEqual(
      new Map(forward.map((e) => [e.id, e.props])),
    );
  });
});

describe('the lean profile', () => {
  it('drops the article document and text, tellings and revisions; keeps the rest', async () => {
    const lean = await nodesOf(leanReader(graph()));
    expect(lean.map((n) => n.key).sort()).toEqual(
      ['a1#c1', 'actor:jan', 'article:a1', 'source:a1:official', 'source:outlet'].sort(),
    );
    const article = lean.find((n) => n.type === 'Article')!;
    expect(article.props).not.toHaveProperty('document');
    expect(article.props).not.toHaveProperty('text');
    expect(article.props.title).toBe('Talks & "truce" <today>');
  });

  it('writes grade factors as structures, with a typed sum per factor', async () => {
    const claim = (await nodesOf(leanReader(graph()))).find((n) => n.type === 'Claim')!;
    expect(claim.props.gradeFactors).toEqual(factors);
    expect(claim.props.originGroups).toEqual([{ origin: 'actor:jan', members: ['actor:jan'] }]);
    expect(claim.props['factor_origin-reliability']).toBe(0.5);
    expect(claim.props.factor_anonymity).toBe(-0.3);
  });

  it('replaces each telling by a TOLD_BY edge from its claim, with hop, role and anonymity', async () => {
    const lean = await edgesOf(leanReader(graph()));
    const types = lean.map((e) => e.type);
    expect(types).not.toContain('TELLS');
    expect(types).not.toContain('QUOTED_FROM');
    expect(types).not.toContain('REVISES');
    const told = lean.filter((e) => e.type === 'TOLD_BY');
    expect(told).toEqual([
      {
        id: edgeId('a1#c1', 'TOLD_BY@0', 'source:outlet'),
        type: 'TOLD_BY',
        source: 'a1#c1',
        target: 'source:outlet',
        props: { hop: 0, role: 'published', anonymous: false, isOrigin: false, saidAt: '2026-02-01' },
      },
      {
        id: edgeId('a1#c1', 'TOLD_BY@1', 'source:a1:official'),
        type: 'TOLD_BY',
        source: 'a1#c1',
        target: 'source:a1:official',
        props: { hop: 1, role: 'quoted', anonymous: true, isOrigin: false, saidAt: '2026-02-01' },
      },
      {
        id: edgeId('a1#c1', 'TOLD_BY@2', 'actor:jan'),
        type: 'TOLD_BY',
        source: 'a1#c1',
        target: 'actor:jan',
        props: { hop: 2, role: 'said', anonymous: false, isOrigin: true, saidAt: '2026-02-01' },
      },
    ]);
    expect(lean.map((e) => e.type)).toContain('AFFILIATED_WITH');
  });

  it('puts tellings (and no derived edges) or revisions back on request', async () => {
    const withTellings = leanReader(graph(), ['tellings']);
    expect((await nodesOf(withTellings)).filter((n) => n.type === 'Telling')).toHaveLength(3);
    const edgesBack = await edgesOf(withTellings);
    expect(edgesBack.filter((e) => e.source === 'a1#c1' && e.type === 'TOLD_BY')).toEqual([]);
    expect(edgesBack.filter((e) => e.type === 'QUOTED_FROM')).toHaveLength(2);
    const withRevisions = await nodesOf(leanReader(graph(), ['revisions']));
    expect(withRevisions.map((n) => n.type)).toContain('Revision');
    expect(withRevisions.map((n) => n.type)).not.toContain('Telling');
  });

  it('in a neighbourhood, writes a derived edge only between nodes it wrote', async () => {
    const partial = arrayReader({
      propertyTypes,
      nodes: nodes.filter((n) => n.key !== 'actor:jan'),
      edges: [],
      tellings,
    });
    const lean = leanReader(partial, [], true);
    await nodesOf(lean);
    expect((await edgesOf(lean)).map((e) => e.target)).toEqual(['source:outlet', 'source:a1:official']);
  });

  it('GraphML: typed columns (factor sums double, hop long, anonymous boolean), no document', async () => {
    const xml = await collect(graphml(leanReader(graph())));
    const parsed = parseGraphml(xml);
    const type = (owner: string, name: string) =>
      parsed.keys.find((k) => k.for === owner && k.name === name)?.type;
    expect(type('node', 'factor_anonymity')).toBe('double');
    expect(type('node', 'confidence')).toBe('double');
    expect(type('node', 'credibility')).toBe('long');
    expect(type('edge', 'hop')).toBe('long');
    expect(type('edge', 'anonymous')).toBe('boolean');
    expect(type('node', 'document')).toBeUndefined();
    expect(xml).not.toContain('yyyyy');
    expect(parsed.nodes).toHaveLength(5);
    expect(parsed.edges.map((e) => e.id)).toContain('a1_23_c1-TOLD_5f_BY_40_1-_3e_source:a1:official');
  });

  it('Cytoscape: grade factors and hedges are both JSON lists', async () => {
    const { cy } = parseCytoscape(await collect(cytoscapeJson(leanReader(graph()))));
    expect(cy.getElementById('a1#c1').data('gradeFactors')).toEqual(factors);
    expect(cy.getElementById('a1#c1').data('hedges')).toEqual(['reportedly']);
    expect(cy.getElementById('article:a1').data('document')).toBeUndefined();
    expect(cy.edges().map((e) => e.id())).toContain('article:a1-CONTAINS->a1#c1');
  });
});

describe('GEXF', () => {
  it('is GEXF 1.3, dynamic, with typed columns and each item dated by its own day', async () => {
    const parsed = parseGexf(await collect(gexf()(leanReader(graph()))));
    expect(parsed.mode).toBe('dynamic');
    expect(parsed.timeformat).toBe('date');
    const column = (owner: string, title: string) =>
      parsed.attributes.find((a) => a.owner === owner && a.title === title)?.type;
    expect(column('node', 'factor_anonymity')).toBe('double');
    expect(column('node', 'credibility')).toBe('long');
    expect(column('edge', 'anonymous')).toBe('boolean');
    const node = (id: string) => parsed.nodes.find((n) => n.id === id)!;
    expect(node('article:a1').start).toBe('2026-02-03');
    expect(node('a1#c1').start).toBe('2026-02-01');
    expect(node('actor:jan').start).toBeUndefined();
    expect(node('a1#c1').label).toBe('The truce holds.');
    expect(node('a1#c1').values).toMatchObject({
      type: 'Claim',
      factor_anonymity: '-0.3',
      hedges: '["reportedly"]',
    });
    const told = parsed.edges.filter((e) => e.label === 'TOLD_BY');
    expect(told).toHaveLength(3);
    expect(told.every((e) => e.start === '2026-02-01')).toBe(true);
    expect(parsed.edges).toHaveLength(6);
  });

  it('the full profile keeps everything, revisions dated when made', async () => {
    const parsed = parseGexf(await collect(gexf()(graph())));
    expect(parsed.nodes).toHaveLength(nodes.length);
    expect(parsed.edges).toHaveLength(edges.length);
    expect(parsed.nodes.find((n) => n.id === 'a1#c1@v1')?.start).toBe('2026-02-04');
  });

  it('1.2draft differs in namespace and version only', async () => {
    const v13 = await collect(gexf('1.3')(leanReader(graph())));
    const v12 = await collect(gexf('1.2draft')(leanReader(graph())));
    expect(parseGexf(v12, '1.2draft').nodes).toEqual(parseGexf(v13).nodes);
    expect(
      v12
        .replaceAll('http://www.gexf.net/1.2draft', 'http://gexf.net/1.3')
        .replace('version="1.2"', 'version="1.3"'),
    ).toBe(v13);
  });

  it('dates only what has a day', () => {
    expect(dayOf('2026-02-03')).toBe('2026-02-03');
    expect(dayOf('2026-02-03T08:00:00Z')).toBe('2026-02-03');
    expect(dayOf('2026-02')).toBeUndefined();
    expect(dayOf('2026')).toBeUndefined();
    expect(dayOf(7)).toBeUndefined();
  });
});

const agents: AgentRow[] = [
  { key: 'actor:jan', type: 'Actor', name: 'Jan', kind: 'person' },
  { key: 'source:a1:official', type: 'Source', name: 'a Syrian official', kind: 'anonymous' },
  { key: 'source:outlet', type: 'Source', name: 'Outlet', kind: 'outlet' },
];
const agentLinks: AgentLinkRow[] = [
  { key: 'actor:jan', links: [] },
  {
    key: 'source:a1:official',
    links: [
      {
        target: 'actor:jan',
        kind: 'QUOTED',
        claims: 2,
        anonymous: false,
        firstSaidAt: '2026-02-01',
        lastSaidAt: '2026-02-07',
      },
    ],
  },
  {
    key: 'source:outlet',
    links: [
      {
        target: 'source:a1:official',
        kind: 'RELAYED',
        claims: 3,
        anonymous: true,
        firstSaidAt: '2026-02-01',
        lastSaidAt: null,
      },
    ],
  },
];

describe('the who-quoted-whom agent network', () => {
  it('has agents as nodes, anonymous sources as their own class, weighted QUOTED and RELAYED edges', async () => {
    const parsed = parseGraphml(await collect(agentNetworkGraphml(arrayReader({ agents, agentLinks }))));
    expect(parsed.nodes.map((n) => [n.data.key, n.data.agentClass])).toEqual([
      ['actor:jan', 'person'],
      ['source:a1:official', 'anonymous'],
      ['source:outlet', 'organization'],
    ]);
    expect(parsed.edges.map((e) => [e.data.type, e.data.weight, e.data.anonymous])).toEqual([
      ['QUOTED', '2', 'false'],
      ['RELAYED', '3', 'true'],
    ]);
    expect(parsed.keys.find((k) => k.name === 'weight')?.type).toBe('long');
  });

  it('classes leaks with anonymous sources, and agents by their kind otherwise', () => {
    expect(networkClass({ type: 'Source', kind: 'leak' })).toBe('anonymous');
    expect(networkClass({ type: 'Source', kind: 'wire' })).toBe('organization');
    expect(networkClass({ type: 'Actor', kind: 'person' })).toBe('person');
    expect(networkClass({ type: 'Actor', kind: 'government' })).toBe('organization');
  });
});

describe('NetworkX opens the exports', () => {
  let read: Record<string, NetworkxSummary> = {};
  const files: Record<string, string> = {};
  beforeAll(async () => {
    files.leanGraphml = saved('lean.graphml', await collect(graphml(leanReader(graph()))));
    files.leanGexf = saved('lean.gexf', await collect(gexf()(leanReader(graph()))));
    files.fullGraphml = saved('full.graphml', await collect(graphml(graph())));
    files.fullGexf = saved('full.gexf', await collect(gexf()(graph())));
    files.leanGexf12 = saved('lean-12.gexf', await collect(gexf('1.2draft')(leanReader(graph()))));
    files.fullGexf12 = saved('full-12.gexf', await collect(gexf('1.2draft')(graph())));
    files.agents = saved(
      'agents.graphml',
      await collect(agentNetworkGraphml(arrayReader({ agents, agentLinks }))),
    );
    read = readWithNetworkx([
      { kind: 'graphml', file: files.leanGraphml },
      { kind: 'gexf', file: files.leanGexf },
      { kind: 'graphml', file: files.fullGraphml },
      { kind: 'gexf', file: files.fullGexf },
      { kind: 'gexf', file: files.leanGexf12 },
      { kind: 'gexf', file: files.fullGexf12 },
      { kind: 'graphml', file: files.agents },
    ]);
  }, 120_000);

  it('read_graphml: the lean GraphML, with typed values', () => {
    const g = read[files.leanGraphml!]!;
    expect(g).toMatchObject({ directed: true, nodes: 5, edges: 6 });
    const claim = g.nodeData['a1_23_c1']!;
    expect(claim.factor_anonymity).toEqual([-0.3, 'float']);
    expect(claim.credibility).toEqual([4, 'int']);
    const told = g.edgeData['a1_23_c1|source:a1:official']!;
    expect(told.anonymous).toEqual([true, 'bool']);
    expect(told.hop).toEqual([1, 'int']);
  });

  it('read_gexf: the lean GEXF 1.2draft, with start dates and typed values (any NetworkX)', () => {
    const g = read[files.leanGexf12!]!;
    expect(g.error).toBeUndefined();
    expect(g).toMatchObject({ directed: true, nodes: 5, edges: 6 });
    expect(g.nodeData['a1#c1']!.start).toEqual(['2026-02-01', 'str']);
    expect(g.nodeData['a1#c1']!.factor_anonymity).toEqual([-0.3, 'float']);
    expect(g.nodeData['a1#c1']!.label).toEqual(['The truce holds.', 'str']);
    expect(g.edgeData['a1#c1|source:a1:official']!.anonymous).toEqual([true, 'bool']);
  });

  it('read_gexf: GEXF 1.3, lean and full, reads the same in NetworkX 3, and NetworkX 2 says it knows no 1.3', () => {
    const g13 = read[files.leanGexf!]!;
    const g12 = read[files.leanGexf12!]!;
    if (Number(g13.version.split('.')[0]) >= 3) {
      // The NetworkX this project's machines and CI have (3.6); Debian 12's 2.8 is the fallback.
      expect(g13.error).toBeUndefined();
      expect(g13).toMatchObject({ directed: true, nodes: 5, edges: 6 });
      expect(g13.nodeData).toEqual(g12.nodeData);
      expect(g13.edgeData).toEqual(g12.edgeData);
      expect(g13.nodeData['a1#c1']!.start).toEqual(['2026-02-01', 'str']);
      const full13 = read[files.fullGexf!]!;
      expect(full13.error).toBeUndefined();
      expect(full13).toMatchObject({ nodes: nodes.length, edges: edges.length });
      expect(full13.nodeData).toEqual(read[files.fullGexf12!]!.nodeData);
    } else {
      // NetworkX 2.x (Debian 12) looks for the 1.1draft and 1.2draft namespaces only.
      expect(g13.error).toMatch(/No <graph> element in GEXF file/);
    }
  });

  it('read_gexf and read_graphml: the full profile, every node and edge', () => {
    expect(read[files.fullGexf12!]).toMatchObject({ nodes: nodes.length, edges: edges.length });
    expect(read[files.fullGraphml!]).toMatchObject({ nodes: nodes.length, edges: edges.length });
  });

  it('read_graphml: the agent network, weights as integers', () => {
    const g = read[files.agents!]!;
    expect(g).toMatchObject({ directed: true, nodes: 3, edges: 2 });
    expect(g.edgeData['source:outlet|source:a1:official']).toMatchObject({
      weight: [3, 'int'],
      type: ['RELAYED', 'str'],
    });
    expect(g.nodeData['source:a1:official']!.agentClass).toEqual(['anonymous', 'str']);
  });
});
