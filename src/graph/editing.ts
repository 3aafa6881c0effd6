/**
 * Edits through the API. An article's validated document is stored with it; an edit changes
 * that document and writes, in one transaction, what the change touches: the edited claim with
 * its chain and relations, any claim naming a source or actor the edit changed, and the grades
 * of the claims whose inputs changed (src/graph/claim-edit.ts plans it). The graph that results
 * is the one a re-ingest of the edited document would write (tests/integration/claim-edit.int.test.ts
 * compares them), so an API edit can never leave the graph in a state a file could not produce,
 * and it costs what the edit touches, not the article's size. Optimistic versions catch
 * concurrent editors: the article is locked first, then the claim's version compared with the
 * one the editor read.
 */
import type { Database, Tx } from '../db/database.js';
import { ConflictError } from '../db/errors.js';
import { cypher } from '../db/cypher.js';
import {
  Actor,
  Claim,
  ClaimRelation,
  Source,
  type ArticleDocument,
  type ClaimStatus,
  type RelationType,
} from '../domain/document.js';
import { DocumentValidationError, formatPath } from '../domain/validate.js';
import { articleKey as toArticleKey, claimKey as toClaimKey } from '../domain/keys.js';
import { settleWrites, writeStatements, type IngestOptions } from './ingest.js';
import { buildIngestRows, nameKeysOf, type IngestRows, type KnownActor } from './ingest-rows.js';
import { gradeIngested, recomputeGrades } from './grading.js';
import { proposeLinks } from './matching.js';
import { planClaimEdit, type ClaimEdit } from './claim-edit.js';
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
  /** The claim's relations (document format, `from` = the claim's id); given, they replace its declared ones. */
  relations?: unknown[] | null;
  /** Required to edit an existing claim: the version the editor read. */
  expectedVersion?: number | null;
}

export async function upsertClaim(db: Database, input: UpsertClaimInput, ctx: EditContext): Promise<string> {
  const claim = parsePart(Claim, input.claim, 'claim');
  const actors = (input.actors ?? []).map((a, i) => parsePart(Actor, a, `actors[${i}]`));
  const sources = (input.sources ?? []).map((s, i) => parsePart(Source, s, `sources[${i}]`));
  const relations = input.relations?.map((r, i) => parsePart(ClaimRelation, r, `relations[${i}]`));
  const foreign = (relations ?? []).findIndex((r) => r.from !== claim.id);
  if (foreign >= 0) {
    throw new DocumentValidationError([
      { path: `relations[${foreign}].from`, message: `must be the edited claim "${claim.id}"` },
    ]);
  }
  return db.write(
    async (tx) => {
      const doc = await lockDocument(tx, input.articleKey);
      const key = toClaimKey(doc.article.id, claim.id);
      checkVersion(key, await claimVersion(tx, key), input.expectedVersion);
      await writeClaimEdit(
        tx,
        doc,
        { claim, actors, sources, ...(relations ? { relations } : {}) },
        { ...ctx.ingest, by: ctx.by, via: 'api' },
      );
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
      await writeClaimEdit(
        tx,
        doc,
        { claim: { ...current, status: input.status }, actors: [], sources: [] },
        {
          ...ctx.ingest,
          by: ctx.by,
          via: 'api',
          change: input.status,
          ...(input.note ? { note: input.note } : {}),
        },
      );
      return input.claimKey;
    },
    { timeoutMs: db.ingestTimeoutMs },
  );
}

/**
 * Writes an edit of one claim (and of sources or actors) in the caller's transaction, through the
 * ingest statements, fed only the rows the edit touches: the same graph a re-ingest of the edited
 * document writes, at the cost of the edit.
 */
async function writeClaimEdit(
  tx: Tx,
  doc: ArticleDocument,
  edit: ClaimEdit,
  options: IngestOptions & { by: string; via: string },
): Promise<void> {
  const plan = planClaimEdit(doc, edit);
  const { next, part, written } = plan;
  const articleId = next.article.id;
  const localKey = (to: string) => (to.includes('#') ? to : toClaimKey(articleId, to));
  const external = part.relations.map((r) => r.to).filter((to) => to.includes('#'));
  const [pre] = await tx.rows(cypher('article/edit-preflight'), {
    nameKeys: [...new Set(next.actors.flatMap((a) => nameKeysOf(a.name, a.aliases)))],
    externalClaimKeys: external,
  });
  const found = new Set((pre?.existingClaims as string[] | undefined) ?? []);
  const missing = edit.relations
    ?.map((r, i) => ({ r, i }))
    .filter(({ r }) => r.to.includes('#') && !found.has(r.to));
  if (missing && missing.length > 0) {
    throw new DocumentValidationError(
      missing.map(({ r, i }) => ({
        path: `relations[${i}].to`,
        message: `no claim "${r.to}" in the graph`,
        claimId: r.from,
      })),
    );
  }
  const all = buildIngestRows(part, (pre?.known ?? []) as unknown as KnownActor[], options.by);
  const writtenKeys = new Set([...written].map((id) => toClaimKey(articleId, id)));
  // Rows come in document order, so a row's id is the one at its index.
  const changedSources = new Set(all.sources.filter((_r, i) => plan.changedAgents.has(part.sources[i]!.id)));
  const changedActors = new Set(all.actors.filter((_r, i) => plan.changedAgents.has(part.actors[i]!.id)));
  const tellings = all.tellings.filter((t) => writtenKeys.has(String(t.claimKey)));
  const tellingKeys = new Set(tellings.map((t) => String(t.key)));
  const rows: IngestRows = {
    ...all,
    // The whole document is stored, as a file ingest stores it, for the next edit.
    article: { ...all.article, props: { ...all.article.props, document: JSON.stringify(next) } },
    sources: all.sources.filter((r) => changedSources.has(r)),
    actors: all.actors.filter((r) => changedActors.has(r)),
    places: [],
    events: [],
    claims: all.claims.filter((c) => writtenKeys.has(String(c.key))),
    tellings,
    quotations: all.quotations.filter((q) => tellingKeys.has(q.from)),
    relations: all.relations.filter((r) => writtenKeys.has(r.fromKey)),
    // Claims whose grade an added or dropped relation changes, besides the written ones.
    externalClaimKeys: [...new Set([...part.relations, ...plan.before].map((r) => localKey(r.to)))],
  };

  const context = {
    by: options.by,
    via: options.via,
    change: options.change ?? null,
    note: options.note ?? null,
  };
  // The ingest's own statements (src/graph/ingest.ts), fed only the rows the edit touches, then
  // the edit's prune; pipelined as in a whole ingest: one round trip, run by the server in order.
  const statements = writeStatements([rows], context);
  statements.push([
    'prune-edit',
    {
      ...context,
      articleKey: rows.articleKey,
      claimKeys: [...writtenKeys],
      tellingKeys: rows.tellings.map((t) => t.key),
      relationIds: rows.relations.map((r) => `${r.fromKey}|${r.type}|${r.toKey}`),
      mentionKeys: all.mentionKeys,
    },
  ]);
  const sent = statements.map(([name, params]) => tx.exec(cypher(`article/${name}`), params));
  await settleWrites(sent, (options.afterWrite ?? gradeIngested)(tx, rows));
  if (options.match !== false) await proposeLinks(tx, rows, { by: options.by });
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
