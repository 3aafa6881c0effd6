/**
 * An article's document is stored in parts (src/domain/stored-document.ts): the frame on the
 * Article, each claim's part on its Claim. Checked here: a store whose documents were kept whole
 * (before V0007) is converted by the migration to exactly the graph a fresh ingest writes; the
 * parts put back together give the ingested document; and re-ingesting an unchanged document is
 * still known to change nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrations.js';
import { splitArticleDocuments } from '../../src/db/migration-steps.js';
import type { ArticleDocumentInput } from '../../src/domain/document.js';
import { parseArticleDocument } from '../../src/domain/validate.js';
import { assembleDocument, parseClaimPart, parseFrame } from '../../src/domain/stored-document.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { bigDocument } from '../support/big-doc.js';
import { resetGraph, useTestGraph } from '../support/db.js';
import { graphSnapshot } from '../support/snapshot.js';

const graph = useTestGraph();
const SLOW = 600_000;

function articleA(): ArticleDocumentInput {
  return bigDocument('parts-a', { claims: 12, speakers: 3 });
}
function articleB(): ArticleDocumentInput {
  const doc = bigDocument('parts-b', { claims: 5, speakers: 2 });
  doc.relations = [
    ...(doc.relations ?? []),
    { from: 'figure-2', to: 'parts-a#figure-3', type: 'CONTRADICTS' },
  ];
  return doc;
}

async function seed(db: Database) {
  await resetGraph(db);
  await ingestDocument(db, articleA());
  await ingestDocument(db, articleB());
}

/** Puts the graph back as the ingester before V0007 stored it: each document whole on its Article. */
async function storeWhole(db: Database, inputs: ArticleDocumentInput[]) {
  await db.write(async (tx) => {
    for (const input of inputs) {
      const doc = parseArticleDocument(input);
      await tx.exec(
        `MATCH (a:Article {key: $key}) SET a.document = $document
         WITH a MATCH (a)-[:CONTAINS]->(c:Claim) REMOVE c.document, c.documentIndex`,
        { key: `article:${doc.article.id}`, document: JSON.stringify(doc) },
      );
    }
    await tx.exec('MATCH (m:__Migration {version: 7}) DELETE m');
  });
}

async function storedDocument(db: Database, articleKey: string) {
  return db.read(async (tx) => {
    const [a] = await tx.rows('MATCH (a:Article {key: $key}) RETURN a.document AS frame, a.text AS text', {
      key: articleKey,
    });
    const parts = await tx.rows(cypherAllParts, { key: articleKey });
    return assembleDocument(
      parseFrame(String(a!.frame)),
      String(a!.text),
      parts.map((p) => parseClaimPart(String(p.document))),
    );
  });
}
const cypherAllParts = `MATCH (:Article {key: $key})-[:CONTAINS]->(c:Claim)
  RETURN c.document AS document ORDER BY c.documentIndex`;

describe('article documents stored in parts', () => {
  it(
    'V0007 converts documents stored whole into exactly what an ingest stores, once',
    async () => {
      const db = graph.db;
      await seed(db);
      const ingested = await graphSnapshot(db);
      await storeWhole(db, [articleA(), articleB()]);
      const whole = await graphSnapshot(db);
      // Not equal by accident: the store really was in the old form.
      expect(whole).not.toEqual(ingested);
      expect(whole.nodes.filter((n) => n.includes('"documentIndex"'))).toEqual([]);

      const report = await migrate(db);
      expect(report.applied.map((m) => m.version)).toEqual([7]);
      expect(await graphSnapshot(db)).toEqual(ingested);
      // A second pass finds nothing left to convert.
      expect(await splitArticleDocuments(db)).toBe(0);
      // And the converted store holds the document: re-ingesting it changes nothing.
      const again = await ingestDocument(db, articleA());
      expect(again.changed).toBe(false);
      expect(again.counters).toEqual({});
    },
    SLOW,
  );

  it(
    'the parts put back together are the ingested document (relations listed claim by claim)',
    async () => {
      const db = graph.db;
      await seed(db);
      const doc = parseArticleDocument(articleB());
      const stored = await storedDocument(db, 'article:parts-b');
      const byClaim = doc.claims.flatMap((c) => doc.relations.filter((r) => r.from === c.id));
      expect(stored).toEqual({ ...doc, article: stored.article, relations: byClaim });
      expect(stored.article).toEqual(doc.article);
      // The cross-article relation was declared last but belongs to figure-2, so it moved up.
      expect(doc.relations.at(-1)?.to).toBe('parts-a#figure-3');
      expect(stored.relations.at(-1)?.to).not.toBe('parts-a#figure-3');
    },
    SLOW,
  );

  it(
    'a re-ingest is a no-op for the same document, its relations listed claim by claim, and not for a changed claim',
    async () => {
      const db = graph.db;
      await seed(db);
      const input = articleB();
      // The same relations, listed by the claims they come from, last claim first (each claim's
      // own in their order): stored claim by claim, this is the same document.
      const relations = input.relations ?? [];
      const froms = [...new Set(relations.map((r) => r.from))].reverse();
      const regrouped = froms.flatMap((from) => relations.filter((r) => r.from === from));
      expect(regrouped).not.toEqual(relations);
      const same = await ingestDocument(db, { ...input, relations: regrouped });
      expect(same.changed).toBe(false);
      const claims = [...(input.claims ?? [])];
      claims[4] = { ...claims[4]!, text: 'Figure 4 was 28, or more.' };
      const edited = await ingestDocument(db, { ...input, claims });
      expect(edited.changed).toBe(true);
      expect((await storedDocument(db, 'article:parts-b')).claims[4]?.text).toBe('Figure 4 was 28, or more.');
      // Reordering claims is a change: the stored order follows the document.
      const reordered = await ingestDocument(db, { ...input, claims: [...claims].reverse() });
      expect(reordered.changed).toBe(true);
      expect((await storedDocument(db, 'article:parts-b')).claims.map((c) => c.id)).toEqual(
        [...claims].reverse().map((c) => c.id),
      );
    },
    SLOW,
  );
});
