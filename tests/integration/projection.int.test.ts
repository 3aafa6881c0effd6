/**
 * Reading only what a request asks for (src/schema/projection.ts) never changes an answer. Every
 * leaf under a claim, down to the chain's agents, is asked alone through a claims page and
 * through `claim(key)` (both projected), and through `nodes(ids)`, which reads whole rows; the
 * answers must be equal. A field whose stored properties the allow-list forgets fails here. The
 * statements sent are checked too, so the test cannot pass by reading whole rows everywhere.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest.js';
import { repoRoot } from '../../src/paths.js';
import { apiClient, seedDocument } from '../support/api.js';
import { useTestGraph } from '../support/db.js';

// The curated article (addressees, unnamed sources, dated links) and three story articles (a wire
// report, an outlet relaying it, a regional outlet), so that every kind of value is present.
const STORY = [
  'reuters-2025-09-23-barrack-de-escalation',
  'i24news-barrack-de-escalation',
  'sadanews-234899',
];
const graph = useTestGraph({
  seed: async (db) => {
    await ingestDocument(db, seedDocument(), { by: 'test' });
    for (const name of STORY) {
      const file = path.join(repoRoot, 'fixtures', 'story', 'documents', `${name}.json`);
      await ingestDocument(db, JSON.parse(readFileSync(file, 'utf8')), { by: 'test' });
    }
  },
});

const schema = buildSchema(readFileSync(path.join(repoRoot, 'schema.graphql'), 'utf8'));
/** How deep below Claim a leaf is looked for: provenance { chain { agent { name } } } is 4. */
const MAX_DEPTH = 4;
/**
 * Claim fields resolved from the claim's own row or chain, whose leaves are walked to MAX_DEPTH;
 * the others read other nodes by the claim's key, so their own leaves are enough.
 */
const FROM_THE_ROW = new Set(['grade', 'independence', 'provenance', 'time', 'said', 'evidence']);
/** Below provenance, the appearances read other claims by key too: their own leaves only. */
const BY_KEY = new Set(['firstTold', 'otherAppearances']);

/** Every leaf path below `type`, as a selection (`provenance { chain { agent { name } } }`). */
function leafSelections(type: GraphQLNamedType, depth: number, top = false): string[] {
  if (isLeafType(type)) return [''];
  if (depth === 0 || !(isObjectType(type) || isInterfaceType(type))) return [];
  const fields = Object.values(type.getFields()) as GraphQLField<unknown, unknown>[];
  const out: string[] = [];
  for (const field of fields) {
    const below = (top && !FROM_THE_ROW.has(field.name)) || BY_KEY.has(field.name) ? 2 : depth;
    // Arguments that must be given (and connections, paged on their own) are not claim reads.
    if (field.args.some((a) => a.type.toString().endsWith('!'))) continue;
    const named = getNamedType(field.type);
    if (named.name.endsWith('Connection')) continue;
    for (const leaf of leafSelections(named, below - 1)) {
      out.push(leaf === '' ? field.name : `${field.name} { ${leaf} }`);
    }
  }
  return out;
}

const claimType = schema.getType('Claim')!;
const LEAVES = leafSelections(claimType, MAX_DEPTH, true);

describe('claims read only what a request asks for, with the same answers', () => {
  let gql: ReturnType<typeof apiClient>['gql'];
  let keys: string[];
  let ids: string[];
  const statements: string[] = [];

  beforeAll(async () => {
    gql = apiClient(graph.config, graph.db).gql;
    graph.db.onStatement(async (query, _mode, run) => {
      statements.push(query);
      return run();
    });
    const page = await gql('{ claims(first: 20, orderBy: KEY_ASC) { edges { node { key id } } } }');
    const nodes = page.data!.claims.edges.map((e: { node: { key: string; id: string } }) => e.node);
    keys = nodes.map((n: { key: string }) => n.key);
    ids = nodes.map((n: { id: string }) => n.id);
  });

  it('finds the leaves it checks (the walk is not vacuous)', () => {
    expect(keys.length).toBe(20);
    expect(LEAVES.length).toBeGreaterThan(60);
    for (const leaf of [
      'text',
      'grade { confidence }',
      'provenance { chain { agent { name } } }',
      'provenance { origin { time { earliest } } }',
      'provenance { chain { addressee { key } } }',
      'independence { origins { originNames } }',
    ]) {
      expect(LEAVES).toContain(leaf);
    }
  });

  it('answers every leaf alone as a whole read would, in a page and by key', async () => {
    const differing: string[] = [];
    for (const leaf of LEAVES) {
      const [paged, whole, one] = await Promise.all([
        gql(`{ claims(first: 20, orderBy: KEY_ASC) { edges { node { key ${leaf} } } } }`),
        gql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Claim { key ${leaf} } } }`, { ids }),
        gql(`query($key: String!) { claim(key: $key) { key ${leaf} } }`, { key: keys[7] }),
      ]);
      expect(paged.errors, leaf).toBeUndefined();
      expect(whole.errors, leaf).toBeUndefined();
      expect(one.errors, leaf).toBeUndefined();
      const pagedNodes = paged.data!.claims.edges.map((e: { node: unknown }) => e.node);
      if (JSON.stringify(pagedNodes) !== JSON.stringify(whole.data!.nodes)) differing.push(`page: ${leaf}`);
      if (JSON.stringify(one.data!.claim) !== JSON.stringify(whole.data!.nodes[7]))
        differing.push(`key: ${leaf}`);
    }
    expect(differing).toEqual([]);
  }, 300_000);

  it('sends a narrower statement for a narrow page, and the whole row when asked for all', async () => {
    statements.length = 0;
    await gql(`{ claims(first: 20) { edges { node { key text grade { confidence }
      provenance { chain { role anonymous agent { key name } } } } } } }`);
    const narrow = statements.find((s) => s.includes('AS chain'));
    expect(narrow).toBeDefined();
    expect(narrow).toContain('.confidence');
    for (const unasked of ['.gradeFactors', '.originGroups', '.evidenceText', '.aliases', '.timeText'])
      expect(narrow).not.toContain(unasked);

    statements.length = 0;
    await gql(`{ claims(first: 20) { edges { node { key grade { factors { detail } }
      provenance { chain { evidence { text } agent { key name aliases } } } } } } }`);
    const wider = statements.find((s) => s.includes('AS chain'));
    for (const asked of ['.gradeFactors', '.evidenceText', '.aliases']) expect(wider).toContain(asked);
  });

  it('reads a page of a claims list, its claims and their chains in one statement', async () => {
    const chain = 'provenance { chain { role agent { key name } } }';
    const lists = [
      `claims(first: 20) { totalCount edges { node { key text ${chain} } } }`,
      `claims(first: 5, orderBy: KEY_ASC) { edges { node { key grade { confidence } } } }`,
      `searchClaims(query: "Syria", first: 10) { edges { node { key ${chain} } } }`,
      `contestedClaims(first: 10) { edges { node { key ${chain} } } }`,
    ];
    for (const list of lists) {
      statements.length = 0;
      const answer = await gql(`{ ${list} }`);
      expect(answer.errors, list).toBeUndefined();
      const page = Object.values(answer.data!)[0] as { edges: { node: { key: string } }[] };
      expect(page.edges.length, list).toBeGreaterThan(0);
      // One statement, and it is the one that read the claims (their columns are in it).
      expect(statements, list).toHaveLength(1);
      expect(statements[0], list).toContain('articleKey: article.key');
      expect(statements[0]!.includes('AS chain'), list).toBe(list.includes('provenance'));
    }
  });
});
