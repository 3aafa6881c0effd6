import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest.js';
import { DocumentValidationError } from '../../src/domain/validate.js';
import { graphCounts, useTestGraph } from '../support/db.js';
import { miniDoc, spanOf, MINI_TEXT } from '../support/mini-doc.js';

const graph = useTestGraph({ resetEach: true });

describe('ingesting an article', () => {
  it('writes the chain as a path the database walks in one query, in order', async () => {
    await ingestDocument(graph.db, miniDoc());
    const rows = await graph.db.read((tx) =>
      tx.rows(
        `MATCH (c:Claim {key: 'mini-1#ceasefire-will-fail'})<-[:TELLS]-(t0:Telling {hop: 0})
         MATCH path = (t0)-[:QUOTED_FROM*0..]->(origin:Telling {isOrigin: true})
         RETURN [t IN nodes(path) | [(t)-[:TOLD_BY]->(a) | a.name][0]] AS agents,
                [t IN nodes(path) | t.anonymous] AS anonymous,
                [(origin)-[:ADDRESSED_TO]->(x) | x.name] AS addressees`,
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.agents).toEqual([
      'Example News',
      'The Guardian',
      'two European diplomats',
      'Jan Minister',
    ]);
    expect(rows[0]?.anonymous).toEqual([false, false, true, false]);
    expect(rows[0]?.addressees).toEqual(['colleagues of the Minister']);
  });

  it('changes nothing when the same document is ingested again', async () => {
    const first = await ingestDocument(graph.db, miniDoc());
    const before = await graphCounts(graph.db);
    const again = await ingestDocument(graph.db, miniDoc());
    const after = await graphCounts(graph.db);
    expect(after).toEqual(before);
    expect(before.nodes).toBeGreaterThan(10);
    expect(first.counters.nodesCreated).toBeGreaterThan(0);
    expect(again.counters.nodesCreated ?? 0).toBe(0);
    expect(again.counters.relationshipsCreated ?? 0).toBe(0);
    expect(again.counters.nodesDeleted ?? 0).toBe(0);
  });

  it('rewrites every statement in place without duplicates when the document changed', async () => {
    // A changed title sends the whole document through the MERGE path again (an unchanged
    // document is skipped outright), so this shows the statements themselves are idempotent.
    await ingestDocument(graph.db, miniDoc());
    const before = await graphCounts(graph.db);
    const retitled = miniDoc();
    retitled.article.title = 'Ceasefire doubts (updated)';
    const result = await ingestDocument(graph.db, retitled);
    expect(result.changed).toBe(true);
    expect(result.counters.propertiesSet).toBeGreaterThan(0);
    expect(result.counters.nodesCreated ?? 0).toBe(0);
    expect(result.counters.relationshipsCreated ?? 0).toBe(0);
    expect(result.counters.nodesDeleted ?? 0).toBe(0);
    expect(result.counters.relationshipsDeleted ?? 0).toBe(0);
    expect(await graphCounts(graph.db)).toEqual(before);
  });

  it('updates an edited document in place, without duplicates', async () => {
    await ingestDocument(graph.db, miniDoc());
    const edited = miniDoc();
    edited.claims = edited.claims.filter((c) => c.id !== 'talks-resume-march');
    edited.claims[1]!.chain = [edited.claims[1]!.chain![1]!]; // the Minister directly, no Reuters
    edited.claims[0]!.text = 'The ceasefire will collapse within a week.';
    await ingestDocument(graph.db, edited);
    const [row] = await graph.db.read((tx) =>
      tx.rows(
        `MATCH (a:Article {key: 'article:mini-1'})-[:CONTAINS]->(c:Claim)
         WITH collect(c.key) AS claims
         MATCH (fail:Claim {key: 'mini-1#ceasefire-will-fail'})
         MATCH (deny:Claim {key: 'mini-1#minister-no-resign'})<-[:TELLS]-(t:Telling)
         RETURN claims, fail.text AS text, fail.version AS version, count(t) AS denyTellings,
                COUNT { MATCH (:Claim {key: 'mini-1#talks-resume-march'}) } AS gone,
                COUNT { MATCH (r:Revision)-[:REVISES]->(fail) } AS revisions`,
      ),
    );
    expect(row?.claims).toHaveLength(3);
    expect(row?.text).toBe('The ceasefire will collapse within a week.');
    expect(row?.version).toBe(2);
    expect(row?.revisions).toBe(2);
    expect(row?.denyTellings).toBe(2);
    expect(row?.gone).toBe(0);
  });

  it('joins the actors and named sources of a second article to the same nodes', async () => {
    await ingestDocument(graph.db, miniDoc('mini-1'));
    const second = miniDoc('mini-2');
    // The second article calls the minister by an alias only and names Reuters again.
    second.actors = second.actors!.map((a) =>
      a.id === 'minister' ? { ...a, name: 'Minister', aliases: [] } : a,
    );
    await ingestDocument(graph.db, second);
    const [row] = await graph.db.read((tx) =>
      tx.rows(
        `RETURN COUNT { MATCH (a:Actor) WHERE 'jan-minister' IN a.nameKeys } AS ministers,
                COUNT { MATCH (s:Source {name: 'Reuters'}) } AS reuters,
                COUNT { MATCH (s:Source {anonymous: true}) } AS anonymousSources,
                COUNT { MATCH (:Article) } AS articles`,
      ),
    );
    expect(row).toEqual({ ministers: 1, reuters: 1, anonymousSources: 2, articles: 2 });
  });

  it('rejects bad input before writing anything, naming the claim and the field', async () => {
    const bad = miniDoc();
    bad.claims[0]!.evidence = { ...spanOf(MINI_TEXT, 'the ceasefire'), text: 'the ceasefirX' };
    await expect(ingestDocument(graph.db, bad)).rejects.toThrow(DocumentValidationError);
    await expect(ingestDocument(graph.db, bad)).rejects.toThrow(
      /claims\[0\]\.evidence\.text.*ceasefire-will-fail/,
    );
    expect(await graphCounts(graph.db)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('rolls the whole article back when a write fails half-way', async () => {
    const doc = miniDoc();
    doc.relations = [{ from: 'truce-fragile', to: 'other-article#missing', type: 'SUPPORTS' }];
    await expect(ingestDocument(graph.db, doc)).rejects.toThrow(
      /relations\[0\]\.to: no claim "other-article#missing"/,
    );
    expect(await graphCounts(graph.db)).toEqual({ nodes: 0, relationships: 0 });
  });
});
