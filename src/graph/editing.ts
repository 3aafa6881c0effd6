/**
 * Edits through the API. An article's validated document is stored with it, in parts: the frame
 * on the Article, each claim's part on its Claim (src/domain/stored-document.ts). An edit reads
 * the parts it needs, and writes, in one transaction, what the change touches: the edited claim
 * with its chain and relations (and its part of the document), any claim naming a source or actor
 * the edit changed, and the grades of the claims whose inputs changed (src/graph/claim-edit.ts
 * plans it). The graph that results is the one a re-ingest of the edited document would write
 * (tests/integration/claim-edit.int.test.ts compares them), so an API edit can never leave the
 * graph in a state a file could not produce, and it costs what the edit touches, not the
 * article's size. Optimistic versions catch concurrent editors: the article is locked first,
 * then the claim's version compared with the one the editor read.
 */
import type { Database, Tx } from '../db/database.js';
import { ConflictError } from '../db/errors.js';
import { cypher } from '../db/cypher.js';
import {
  Actor,
  Claim,
  ClaimRelation,
  Source,
  type ClaimStatus,
  type RelationType,
} from '../domain/document.js';
import { DocumentValidationError, formatPath } from '../domain/validate.js';
import { articleKey as toArticleKey, claimKey as toClaimKey } from '../domain/keys.js';
import {
  assembleDocument,
  parseClaimPart,
  parseFrame,
  type ClaimPart,
  type DocumentFrame,
} from '../domain/stored-document.js';
import { settleWrites, writeStatements, type IngestOptions } from './ingest.js';
import { buildIngestRows, nameKeysOf, type IngestRows, type KnownActor } from './ingest-rows.js';
import { gradeIngested, recomputeGrades } from './grading.js';
import { proposeLinks } from './matching.js';
import { changedAgentsOf, planClaimEdit, type ClaimEdit } from './claim-edit.js';
import { NotFound } from './not-found.js';

export { NotFound }; // callers of the editing functions catch it from here

export interface EditContext {
  by: string;
  ingest?: Pick<IngestOptions, 'afterWrite'>;
}

/** What an edit starts from: the article's stored frame and text, and how many claims it has. */
interface LockedArticle {
  key: string;
  frame: DocumentFrame;
  text: string;
  claimCount: number;
}

/** A claim's stored part of the document and its place among the article's claims. */
interface StoredPart {
  part: ClaimPart;
  index: number;
}

async function lockArticle(tx: Tx, articleKey: string): Promise<LockedArticle> {
  const [row] = await tx.rows(cypher('article/edit-lock'), { key: articleKey });
  if (!row || typeof row.frame !== 'string' || typeof row.text !== 'string') {
    throw new NotFound(`no article "${articleKey}"`, articleKey);
  }
  return {
    key: articleKey,
    frame: parseFrame(row.frame),
    text: row.text,
    claimCount: Number(row.claimCount),
  };
}

/** The stored parts of some of the article's claims, by claim key (those that exist). */
async function readParts(tx: Tx, article: LockedArticle, claimKeys: string[]): Promise<StoredPart[]> {
  if (claimKeys.length === 0) return [];
  const rows = await tx.rows(cypher('article/claim-parts'), { articleKey: article.key, claimKeys });
  return rows.map((r) => ({ part: parseClaimPart(String(r.document)), index: Number(r.index) }));
}

/** Every claim's stored part, in document order. */
async function readAllParts(tx: Tx, article: LockedArticle): Promise<StoredPart[]> {
  const rows = await tx.rows(cypher('article/all-claim-parts'), { articleKey: article.key });
  return rows.map((r) => ({ part: parseClaimPart(String(r.document)), index: Number(r.index) }));
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
      const article = await lockArticle(tx, input.articleKey);
      const key = toClaimKey(article.frame.article.id, claim.id);
      checkVersion(key, await claimVersion(tx, key), input.expectedVersion);
      await writeClaimEdit(
        tx,
        article,
        { claim, actors, sources, ...(relations ? { relations } : {}) },
        { ...ctx.ingest, by: ctx.by, via: 'api' },
      );
      return key;
    },
    // An edit writes what it touches, not the article: the API's write deadline, lock wait included.
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
      const article = await lockArticle(tx, toArticleKey(articleId)).catch((e: unknown) => {
        throw e instanceof NotFound ? new NotFound(`no claim "${input.claimKey}"`, input.claimKey) : e;
      });
      const [stored] = await readParts(tx, article, [input.claimKey]);
      if (!stored) throw new NotFound(`no claim "${input.claimKey}"`, input.claimKey);
      const current = stored.part.claim;
      const version = await claimVersion(tx, input.claimKey);
      if (input.expectedVersion != null && version !== input.expectedVersion) {
        checkVersion(input.claimKey, version, input.expectedVersion);
      }
      await writeClaimEdit(
        tx,
        article,
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
    // An edit writes what it touches, not the article: the API's write deadline, lock wait included.
  );
}

/**
 * Writes an edit of one claim (and of sources or actors) in the caller's transaction, through the
 * ingest statements, fed only the rows the edit touches: the same graph a re-ingest of the edited
 * document writes, at the cost of the edit. It reads the claims' parts the plan needs: the edited
 * claim's and its relations' local targets, or every claim's when the edit changes a source or
 * actor (claims naming it are rewritten).
 */
async function writeClaimEdit(
  tx: Tx,
  article: LockedArticle,
  edit: ClaimEdit,
  options: IngestOptions & { by: string; via: string },
): Promise<void> {
  const articleId = article.frame.article.id;
  const agentsChange = changedAgentsOf(article.frame, edit).size > 0;
  let stored: StoredPart[];
  if (agentsChange) {
    stored = await readAllParts(tx, article);
  } else {
    const own = await readParts(tx, article, [toClaimKey(articleId, edit.claim.id)]);
    const relations = edit.relations ?? own[0]?.part.relations ?? [];
    const targets = new Set(
      relations.map((r) => r.to).filter((to) => !to.includes('#') && to !== edit.claim.id),
    );
    stored = [
      ...own,
      ...(await readParts(
        tx,
        article,
        [...targets].map((id) => toClaimKey(articleId, id)),
      )),
    ];
  }
  const plan = planClaimEdit(
    assembleDocument(
      article.frame,
      article.text,
      stored.map((s) => s.part),
    ),
    edit,
  );
  const { part, written } = plan;
  // A claim keeps its place in the document; a new one goes after the others, as a re-ingest of
  // the edited document (the claim appended) places it.
  const indexOf = new Map(stored.map((s) => [s.part.claim.id, s.index]));
  const localKey = (to: string) => (to.includes('#') ? to : toClaimKey(articleId, to));
  const external = part.relations.map((r) => r.to).filter((to) => to.includes('#'));
  const [pre] = await tx.rows(cypher('article/edit-preflight'), {
    nameKeys: [...new Set(part.actors.flatMap((a) => nameKeysOf(a.name, a.aliases)))],
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
  // The article's text is as stored, and so is its frame unless a source or actor changed: both
  // are left out of the write (SET += keeps what is not sent).
  const { text: _text, document: frame, ...articleProps } = all.article.props;
  const rows: IngestRows = {
    ...all,
    article: { ...all.article, props: agentsChange ? { ...articleProps, document: frame } : articleProps },
    sources: all.sources.filter((r) => changedSources.has(r)),
    actors: all.actors.filter((r) => changedActors.has(r)),
    places: [],
    events: [],
    claims: all.claims
      .filter((c) => writtenKeys.has(String(c.key)))
      .map((c) => ({
        ...c,
        documentIndex: indexOf.get(String((c.props as { localId: string }).localId)) ?? article.claimCount,
      })),
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
