import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest.js';
import { buildYoga } from '../../src/yoga.js';
import { httpRoutes } from '../../src/http-routes.js';
import { useTestGraph } from '../support/db.js';
import { seedDocument } from '../support/api.js';

const graph = useTestGraph({ seed: (db) => ingestDocument(db, seedDocument()) });
let yoga: ReturnType<typeof buildYoga>;
beforeAll(() => {
  const { config, db } = graph;
  yoga = buildYoga({ config, db, plugins: httpRoutes({ config, db }) });
});

describe('exports over HTTP', () => {
  it('streams the whole graph as GraphML that an XML parser reads back', async () => {
    const r = await yoga.fetch('http://yoga/export/graphml');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/graphml/);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(await r.text());
    const graphml = xml.graphml.graph;
    const [row] = await graph.db.read((tx) => tx.rows('MATCH (c:Claim) RETURN count(c) AS claims'));
    const claims = [graphml.node]
      .flat()
      .filter((n: any) => [n.data].flat().some((d: any) => d['#text'] === 'Claim'));
    expect(claims.length).toBe(row?.claims);
  });

  it('exports the neighbourhood of one node as Cytoscape.js JSON', async () => {
    const key = encodeURIComponent('noonpost-7628#sharaa-golan-compromise-end-presidency');
    const r = await yoga.fetch(`http://yoga/export/cytoscape?node=${key}&depth=1`);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { elements: { nodes: { data: { id: string } }[]; edges: unknown[] } };
    expect(body.elements.nodes.length).toBeGreaterThan(3);
    expect(body.elements.edges.length).toBeGreaterThan(3);
  });

  it('answers 400 for an unknown format or depth and 404 for an unknown node, before streaming', async () => {
    expect((await yoga.fetch('http://yoga/export/pdf')).status).toBe(400);
    expect((await yoga.fetch('http://yoga/export/graphml?node=claim:none&depth=1')).status).toBe(404);
    expect((await yoga.fetch('http://yoga/export/graphml?depth=99')).status).toBe(400);
  });
});
