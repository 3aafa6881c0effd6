/**
 * A claim edit in proportion to its size: from the stored document (or the part of it the edit
 * needs) and the edit, which claims must be written (the edited one, and every claim that names
 * a source or actor the edit changes), which are only read (the local targets of their
 * relations, so the relations can be checked), and what the written claims become. Pure, so it
 * is tested without a database.
 *
 * The written claims are validated by the same domain schema as a whole file, as a smaller
 * document: the article, every source, actor, place and event, the written and read claims and
 * the written claims' relations. A rule that spans claims only ever relates a claim to those
 * (a relation's ends, a duplicate id), so a claim the edit does not touch cannot become invalid
 * and need not be read, hashed or sent. An edit that changes no source or actor writes only the
 * edited claim, so it needs only the document's frame, that claim and its relations' local
 * targets (src/graph/editing.ts reads no more); one that changes a source or actor needs every
 * claim, to find those that name it.
 */
import type { Actor, ArticleDocument, Claim, ClaimRelation, Source } from '../domain/document.js';
import { DocumentValidationError, parseArticleDocument, type DocumentIssue } from '../domain/validate.js';

export interface ClaimEdit {
  claim: Claim;
  /** Actors and sources to add or replace, by id. */
  actors: Actor[];
  sources: Source[];
  /** The claim's own relations (from = its id); when given they replace those the article declares. */
  relations?: ClaimRelation[];
}

export interface ClaimEditPlan {
  /** The smaller document to build rows from: every entity, the written and read claims. */
  part: ArticleDocument;
  /** Ids of the claims to write (a subset of `part.claims`). */
  written: Set<string>;
  /** Relations the written claims declared before the edit (their ends are regraded if dropped). */
  before: ClaimRelation[];
  /** Sources and actors the edit adds or changes. */
  changedAgents: Set<string>;
}

/** The sources and actors an edit adds or changes (by id), given what the document declares. */
export function changedAgentsOf(
  declared: { sources: readonly Source[]; actors: readonly Actor[] },
  edit: Pick<ClaimEdit, 'sources' | 'actors'>,
): Set<string> {
  const changedAgents = new Set<string>();
  const changed = <T extends { id: string }>(existing: readonly T[], updates: readonly T[]) => {
    const byId = new Map(existing.map((e) => [e.id, e]));
    for (const u of updates) {
      const old = byId.get(u.id);
      if (!old || JSON.stringify(old) !== JSON.stringify(u)) changedAgents.add(u.id);
    }
  };
  changed(declared.sources, edit.sources);
  changed(declared.actors, edit.actors);
  return changedAgents;
}

/**
 * Plans an edit of `doc`: the whole stored document, or, when the edit changes no source or
 * actor, its frame with the edited claim (if it exists) and the local targets of its relations.
 */
export function planClaimEdit(doc: ArticleDocument, edit: ClaimEdit): ClaimEditPlan {
  const changedAgents = changedAgentsOf(doc, edit);
  const sources = replaceById(doc.sources, edit.sources);
  const actors = replaceById(doc.actors, edit.actors);
  const claims = replaceById(doc.claims, [edit.claim]);
  const relations =
    edit.relations === undefined
      ? doc.relations
      : [...doc.relations.filter((r) => r.from !== edit.claim.id), ...edit.relations];

  // Every claim names the publisher (its telling 0); otherwise a claim is written when a hop, an
  // addressee or an `about` names a changed agent.
  const everyClaim = changedAgents.has(doc.article.publisher);
  const names = (c: Claim) =>
    c.chain.some(
      (h) => changedAgents.has(h.agent) || (h.addressee !== undefined && changedAgents.has(h.addressee)),
    ) || c.about.some((id) => changedAgents.has(id));
  const written = new Set(
    claims.filter((c) => c.id === edit.claim.id || everyClaim || names(c)).map((c) => c.id),
  );
  const partRelations = relations.filter((r) => written.has(r.from));
  const read = new Set(partRelations.map((r) => r.to).filter((to) => !to.includes('#')));
  const partDoc = {
    ...doc,
    sources,
    actors,
    claims: claims.filter((c) => written.has(c.id) || read.has(c.id)),
    relations: partRelations,
  };
  const part = parseWithPaths(partDoc, { claims, relations, edit });
  return {
    part,
    written,
    before: doc.relations.filter((r) => written.has(r.from)),
    changedAgents,
  };
}

/**
 * Validates the smaller document and reports problems where the editor put them: the edited
 * claim as `claim`, its relations as `relations[i]` of the edit, any other claim or relation at
 * its index in the whole document (sources and actors keep their indexes: the part has them all).
 */
function parseWithPaths(
  partDoc: ArticleDocument,
  whole: { claims: Claim[]; relations: ClaimRelation[]; edit: ClaimEdit },
): ArticleDocument {
  try {
    return parseArticleDocument(partDoc);
  } catch (error) {
    if (!(error instanceof DocumentValidationError)) throw error;
    const claimIndex = new Map(whole.claims.map((c, i) => [c.id, i]));
    const relationIndex = (r: ClaimRelation | undefined) => {
      if (!r) return undefined;
      const own = whole.edit.relations?.indexOf(r) ?? -1;
      return own >= 0 ? `relations[${own}]` : `document.relations[${whole.relations.indexOf(r)}]`;
    };
    const issues = error.issues.map((issue): DocumentIssue => {
      const m = /^(claims|relations)\[(\d+)\](.*)$/.exec(issue.path);
      if (!m) return issue;
      const [, field, index, rest] = m;
      if (field === 'claims') {
        const c = partDoc.claims[Number(index)];
        if (!c) return issue;
        const at = c.id === whole.edit.claim.id ? 'claim' : `document.claims[${claimIndex.get(c.id)}]`;
        return { ...issue, path: `${at}${rest}` };
      }
      const at = relationIndex(partDoc.relations[Number(index)]);
      return at ? { ...issue, path: `${at}${rest}` } : issue;
    });
    throw new DocumentValidationError(issues);
  }
}

export function replaceById<T extends { id: string }>(existing: T[], updates: T[]): T[] {
  const byId = new Map(updates.map((u) => [u.id, u]));
  const seen = new Set(existing.map((e) => e.id));
  return [...existing.map((e) => byId.get(e.id) ?? e), ...updates.filter((u) => !seen.has(u.id))];
}
