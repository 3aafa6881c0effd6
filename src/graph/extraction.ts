/**
 * Extraction against the graph: draft a document from raw article text, resolve its actors to
 * the graph's existing actors (a capital for its government, a surname for a full name), and
 * optionally ingest the drafts. Drafts stay out of grading and default queries until a
 * fact-checker accepts them (`setClaimStatus`).
 */
import type { Database } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import type { ArticleDocument } from '../domain/document.js';
import { slugify } from '../domain/keys.js';
import { extractDocument, type ArticleMeta } from '../extract/build.js';
import type { InputFormat } from '../extract/input.js';
import { resolveActors, type ActorMatch, type KnownActor } from '../extract/resolve.js';
import { ingestDocument, type IngestOptions, type IngestResult } from './ingest.js';
import { nameKeysOf } from './ingest-rows.js';

export interface ExtractionResult {
  document: ArticleDocument;
  matches: ActorMatch[];
  ingested: IngestResult | null;
}

export async function extractIntoGraph(
  db: Database,
  raw: string,
  meta: ArticleMeta,
  options: { format?: InputFormat; fileName?: string; ingest?: boolean; ingestOptions?: IngestOptions } = {},
): Promise<ExtractionResult> {
  const draft = extractDocument(raw, meta, {
    ...(options.format ? { format: options.format } : {}),
    ...(options.fileName ? { fileName: options.fileName } : {}),
  });
  const nameKeys = [...new Set(draft.actors.flatMap((a) => nameKeysOf(a.name, a.aliases)))];
  const surnames = [
    ...new Set(
      draft.actors
        .filter((a) => a.kind === 'person')
        .map((a) => a.name.trim().split(/\s+/).at(-1)?.toLowerCase() ?? '')
        .filter((s) => s.length > 2),
    ),
  ];
  const known = (await db.read((tx) =>
    tx.rows(cypher('agent/known-actors'), { nameKeys: nameKeys.map(slugify), surnames }),
  )) as unknown as KnownActor[];
  const { document, matches } = resolveActors(draft, known);
  const ingested = options.ingest
    ? await ingestDocument(db, document, options.ingestOptions ?? { by: 'extractor' })
    : null;
  return { document, matches, ingested };
}
