/**
 * Edits through the API. An article's validated document is stored with it; an edit changes
 * that document, validates the whole of it again with the same domain schema as a file, and
 * re-ingests it in one transaction. So an API edit can never leave the graph in a state a file
 * could not produce, and optimistic versions catch concurrent editors: the article is locked
 * first, then the claim's version compared with the one the editor read.
 */
import type { Database, Tx } from '../db/database.js';
import { ConflictError } from '../db/errors.js';
import { cypher } from '../db/cypher.js';
import {
  Actor,
  Claim,
  Source,
  type ArticleDocument,
  type ClaimStatus,
  type RelationType,
} from '../domain/document.js';
import { DocumentValidationError, formatPath, parseArticleDocument } from '../domain/validate.js';
import { articleKey as toArticleKey, claimKey as toClaimKey } from '../domain/keys.js';
import { ingestInTx, type IngestOptions } from './ingest.js';
import { recomputeGrades } from './grading.js';
import { NotFound } from './not-found.js';

export { NotFound }; // callers of the editing functions catch it from here

export interface EditContext {
  by: string;
  ingest?: Pick<IngestOptions, 'afterWrite'>;
}

async function lockDocument(tx: Tx, articleKey: string): Promise<ArticleDocument> {
  const [row] = await tx.rows(cypher('article/document'), { key: articleKey });
  if (!row || typeof row.document !== 'string') throw new NotFound(`no article "${articleKey}"`, articleKey);
  return JSON.parse(row.document) as ArticleDocument;
}

async function claimVersion(tx: Tx, key: string): Promise<number | null> {
  const [row] = await tx.rows(cypher('claim/versions'), { keys: [key] });
  return row ? Number(row.version) : null;
}

function checkVersion(key: string, current: number | null, expected: number | null | undefined): void {
  if (current === null) return;
  if (expected == null) {
    throw new ConflictError(`claim "${key}" exists (version ${current}); pass expectedVersion to edit it`);
  }
  if (current !== expected) {
    throw new ConflictError(
      `claim "${key}" is at version ${current}, not ${expected}: someone changed it since you read it`,
    );
  }
}

/** Validates one part of a document on its own, with paths prefixed as in the document. */
function parsePart<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  prefix: string,
): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new DocumentValidationError(
      parsed.error.issues.map((i) => ({
        path: `${prefix}${i.path.length ? '.' : ''}${formatPath(i.path)}`,
        message: i.message,
      })),
    );
  }
  return parsed.data;
}

export interface UpsertClaimInput {
  articleKey: string;
  claim: unknown;
  /** Actors and sources to add to (or replace in) the article, by id. */
  actors?: unknown[];
  sources?: unknown[];
  /** Required to edit an existing claim: the version the editor read. */
  expectedVersion?: number | null;
}

export async function upsertClaim(db: Database, input: UpsertClaimInput, ctx: EditContext): Promise<string> {
  const claim = parsePart(Claim, input.claim, 'claim');
  const actors = (input.actors ?? []).map((a, i) => parsePart(Actor, a, `actors[${i}]`));
  const sources = (input.sources ?? []).map((s, i) => parsePart(Source, s, `sources[${i}]`));
  return db.write(
    async (tx) => {
      const doc = await lockDocument(tx, input.articleKey);
      const key = toClaimKey(doc.article.id, claim.id);
      checkVersion(key, await claimVersion(tx, key), input.expectedVersion);
      const next: ArticleDocument = {
        ...doc,
        actors: replaceById(doc.actors, actors),
        sources: replaceById(doc.sources, sources),
        claims: replaceById(doc.claims, [claim]),
      };
      await ingestInTx(tx, parseArticleDocument(next), { ...ctx.ingest, by: ctx.by, via: 'api' });
      return key;
    },
    { timeoutMs: db.ingestTimeoutMs },
  );
}

export async function setClaimStatus(
  db: Database,
  input: { claimKey: string; status: ClaimStatus; expectedVersion?: number | null; note?: string | null },
  ctx: EditContext,
): Promise<string> {
  const [articleId, claimId] = input.claimKey.split('#');
  if (!articleId || !claimId) throw new NotFound(`no claim "${input.claimKey}"`, input.claimKey);
  return db.write(
    async (tx) => {
      const doc = await lockDocument(tx, toArticleKey(articleId)).catch((e: unknown) => {
        throw e instanceof NotFound ? new NotFound(`no claim "${input.claimKey}"`, input.claimKey) : e;
      });
      const current = doc.claims.find((c) => c.id === claimId);
      if (!current) throw new NotFound(`no claim "${input.claimKey}"`, input.claimKey);
      const version = await claimVersion(tx, input.claimKey);
      if (input.expectedVersion != null && version !== input.expectedVersion) {
        checkVersion(input.claimKey, version, input.expectedVersion);
      }
      const next = {
        ...doc,
        claims: doc.claims.map((c) => (c.id === claimId ? { ...c, status: input.status } : c)),
      };
      await ingestInTx(tx, parseArticleDocument(next), {
        ...ctx.ingest,
        by: ctx.by,
        via: 'api',
        change: input.status,
        ...(input.note ? { note: input.note } : {}),
      });
      return input.claimKey;
    },
    { timeoutMs: db.ingestTimeoutMs },
  );
}

export async function linkClaims(
  db: Database,
  input: { fromKey: string; toKey: string; type: RelationType; note?: string | null },
  ctx: EditContext,
): Promise<{ fromKey: string; toKey: string }> {
  if (input.fromKey === input.toKey) {
    throw new DocumentValidationError([{ path: 'to', message: 'a claim cannot be related to itself' }]);
  }
  return db.write(async (tx) => {
    const [row] = await tx.rows(cypher('claim/link'), {
      fromKey: input.fromKey,
      toKey: input.toKey,
      type: input.type,
      note: input.note ?? null,
      by: ctx.by,
    });
    if (!row) {
      const found = new Set(
        (await tx.rows(cypher('claim/versions'), { keys: [input.fromKey, input.toKey] })).map((r) => r.key),
      );
      const missing = found.has(input.fromKey) ? input.toKey : input.fromKey;
      throw new NotFound(`no claim "${missing}"`, missing);
    }
    // Grades of both ends (and what depends on them) follow the new relation, in this transaction.
    await recomputeGrades(tx, [input.fromKey, input.toKey]);
    return { fromKey: input.fromKey, toKey: input.toKey };
  });
}

function replaceById<T extends { id: string }>(existing: T[], updates: T[]): T[] {
  const byId = new Map(updates.map((u) => [u.id, u]));
  const kept = existing.map((e) => byId.get(e.id) ?? e);
  const added = updates.filter((u) => !existing.some((e) => e.id === u.id));
  return [...kept, ...added];
}
