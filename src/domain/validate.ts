/**
 * Whole-document validation: the shape (zod) and then what a shape cannot say: every reference
 * resolves, every evidence span points at exactly its words in the article, no chain loops back
 * on itself, anonymity agrees with the agent. Everything is checked before anything is written,
 * and every problem is reported with the path of the field and the claim it belongs to.
 */
import type { z } from 'zod';
import { ArticleDocument, type ArticleDocumentInput, type EvidenceSpan, type TimeRef } from './document.js';

export interface DocumentIssue {
  /** Field path inside the document, e.g. `claims[3].chain[1].agent`. */
  path: string;
  message: string;
  /** The local id of the claim the problem belongs to, when it belongs to one. */
  claimId?: string;
}

/** Problems listed one by one; past this, one last entry counts the rest (a 20k-claim document of
 * bad claims once answered with a 14 MB error list). */
export const MAX_LISTED_ISSUES = 100;

export class DocumentValidationError extends Error {
  /** At most MAX_LISTED_ISSUES problems, then one entry saying how many more were found. */
  readonly issues: DocumentIssue[];
  /** Every problem found, listed or not. */
  readonly total: number;
  constructor(all: DocumentIssue[]) {
    const issues =
      all.length <= MAX_LISTED_ISSUES
        ? all
        : [
            ...all.slice(0, MAX_LISTED_ISSUES),
            {
              path: '(document)',
              message: `${all.length - MAX_LISTED_ISSUES} more problems not listed (${all.length} in all)`,
            },
          ];
    const head = issues
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.message}${i.claimId ? ` (claim ${i.claimId})` : ''}`)
      .join('; ');
    const more = all.length > 5 ? ` (+${all.length - 5} more)` : '';
    super(`invalid article document: ${head}${more}`);
    this.name = 'DocumentValidationError';
    this.issues = issues;
    this.total = all.length;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document)' : out;
}

const ANONYMOUS_SOURCE_KINDS = new Set(['anonymous', 'leak']);

/**
 * Parses and fully validates a document. Returns the normalised document (defaults applied,
 * hop anonymity derived) or throws `DocumentValidationError` listing every problem found.
 */
export function parseArticleDocument(input: unknown): ArticleDocument {
  const parsed = ArticleDocument.safeParse(input);
  if (!parsed.success) {
    throw new DocumentValidationError(zodIssues(parsed.error, input));
  }
  const doc = parsed.data;
  const issues = checkReferences(doc);
  if (issues.length > 0) throw new DocumentValidationError(issues);
  return normalise(doc);
}

function zodIssues(error: z.ZodError, input: unknown): DocumentIssue[] {
  return error.issues.map((issue) => {
    const claimId = claimIdAt(input, issue.path);
    return { path: formatPath(issue.path), message: issue.message, ...(claimId ? { claimId } : {}) };
  });
}

function claimIdAt(input: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'claims' || typeof path[1] !== 'number') return undefined;
  const claims = (input as { claims?: unknown[] } | null)?.claims;
  const claim = Array.isArray(claims) ? claims[path[1]] : undefined;
  const id = (claim as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}

function checkReferences(doc: ArticleDocument): DocumentIssue[] {
  const issues: DocumentIssue[] = [];
  const text = doc.article.text;

  // Ids are unique across all collections, so a bare reference is never ambiguous.
  const kinds = new Map<string, 'source' | 'actor' | 'place' | 'event'>();
  const collections = [
    ['sources', 'source', doc.sources],
    ['actors', 'actor', doc.actors],
    ['places', 'place', doc.places],
    ['events', 'event', doc.events],
  ] as const;
  for (const [field, kind, items] of collections) {
    items.forEach((item, i) => {
      if (kinds.has(item.id)) {
        issues.push({ path: `${field}[${i}].id`, message: `duplicate id "${item.id}"` });
      }
      kinds.set(item.id, kind);
    });
  }
  const claimIds = new Set<string>();
  doc.claims.forEach((c, i) => {
    if (claimIds.has(c.id) || kinds.has(c.id)) {
      issues.push({ path: `claims[${i}].id`, message: `duplicate id "${c.id}"`, claimId: c.id });
    }
    claimIds.add(c.id);
  });
  const sourceKind = new Map(doc.sources.map((s) => [s.id, s.kind]));

  const expect = (path: string, id: string, allowed: string[], claimId?: string) => {
    const kind = kinds.get(id);
    if (kind === undefined || !allowed.includes(kind)) {
      issues.push({
        path,
        message: `unknown reference "${id}" (expected the id of ${allowed.map((a) => `a ${a}`).join(' or ')})`,
        ...(claimId ? { claimId } : {}),
      });
    }
  };
  const span = (path: string, s: EvidenceSpan | undefined, claimId?: string) => {
    if (!s) return;
    const actual = text.slice(s.start, s.end);
    if (s.end > text.length) {
      issues.push({
        path: `${path}.end`,
        message: `offset ${s.end} is past the end of the article text (${text.length} characters)`,
        ...(claimId ? { claimId } : {}),
      });
    } else if (actual !== s.text) {
      issues.push({
        path: `${path}.text`,
        message: `span ${s.start}-${s.end} reads ${JSON.stringify(truncate(actual))}, not ${JSON.stringify(truncate(s.text))}`,
        ...(claimId ? { claimId } : {}),
      });
    }
  };

  if (sourceKind.get(doc.article.publisher) === undefined) {
    issues.push({
      path: 'article.publisher',
      message: `unknown reference "${doc.article.publisher}" (expected the id of a source)`,
    });
  }
  doc.sources.forEach((s, i) => {
    if (s.affiliation) expect(`sources[${i}].affiliation`, s.affiliation, ['actor']);
  });
  doc.actors.forEach((a, i) => {
    if (a.affiliation) expect(`actors[${i}].affiliation`, a.affiliation, ['actor']);
  });
  doc.places.forEach((p, i) => {
    if (p.within) expect(`places[${i}].within`, p.within, ['place']);
  });
  issues.push(
    ...containmentCycles(doc.actors, (a) => a.affiliation, 'actors', 'affiliation'),
    ...containmentCycles(doc.places, (p) => p.within, 'places', 'within'),
  );
  // A relative time is measured from an event of the document, on the side its words say.
  const eventTime = new Map(doc.events.map((e) => [e.id, e.time]));
  const relative = (path: string, t: TimeRef | undefined, claimId?: string) => {
    const anchor = t?.relativeTo?.event;
    if (!t || anchor === undefined) return;
    expect(`${path}.relativeTo.event`, anchor, ['event'], claimId);
    const problem = wrongSideOfAnchor(t, eventTime.get(anchor));
    if (problem)
      issues.push({ path: `${path}.relativeTo`, message: problem, ...(claimId ? { claimId } : {}) });
  };
  issues.push(
    ...containmentCycles(doc.events, (e) => e.time.relativeTo?.event, 'events', 'time.relativeTo.event'),
  );
  doc.events.forEach((e, i) => {
    relative(`events[${i}].time`, e.time);
    if (e.place) expect(`events[${i}].place`, e.place, ['place']);
    e.participants.forEach((p, j) => expect(`events[${i}].participants[${j}]`, p, ['actor', 'source']));
    span(`events[${i}].evidence`, e.evidence);
    e.after.forEach((a, j) => {
      expect(`events[${i}].after[${j}].event`, a.event, ['event']);
      span(`events[${i}].after[${j}].cue`, a.cue);
    });
  });

  doc.claims.forEach((c, i) => {
    const at = `claims[${i}]`;
    span(`${at}.evidence`, c.evidence, c.id);
    if (c.quote !== undefined && !text.includes(c.quote)) {
      issues.push({
        path: `${at}.quote`,
        message: 'the verbatim quote does not occur in the article text',
        claimId: c.id,
      });
    }
    c.about.forEach((ref, j) =>
      expect(`${at}.about[${j}]`, ref, ['actor', 'place', 'event', 'source'], c.id),
    );
    relative(`${at}.time`, c.time, c.id);
    const seen = new Map<string, number>();
    c.chain.forEach((hop, j) => {
      const hopAt = `${at}.chain[${j}]`;
      relative(`${hopAt}.time`, hop.time, c.id);
      expect(`${hopAt}.agent`, hop.agent, ['actor', 'source'], c.id);
      if (hop.addressee) expect(`${hopAt}.addressee`, hop.addressee, ['actor', 'source'], c.id);
      span(`${hopAt}.evidence`, hop.evidence, c.id);
      const previous = seen.get(hop.agent);
      if (previous !== undefined) {
        issues.push({
          path: `${hopAt}.agent`,
          message: `chain cycle: "${hop.agent}" already tells this claim at hop ${previous}`,
          claimId: c.id,
        });
      }
      seen.set(hop.agent, j);
      const kindOfSource = sourceKind.get(hop.agent);
      const agentIsAnonymous = kindOfSource !== undefined && ANONYMOUS_SOURCE_KINDS.has(kindOfSource);
      if (hop.anonymous !== undefined && hop.anonymous !== agentIsAnonymous) {
        issues.push({
          path: `${hopAt}.anonymous`,
          message: hop.anonymous
            ? `"${hop.agent}" is named; an anonymous hop needs a source of kind anonymous or leak`
            : `"${hop.agent}" is an unnamed source, so this hop is anonymous`,
          claimId: c.id,
        });
      }
    });
  });

  doc.relations.forEach((r, i) => {
    const at = `relations[${i}]`;
    if (!claimIds.has(r.from)) {
      issues.push({ path: `${at}.from`, message: `unknown claim "${r.from}"` });
    }
    // A target in another article is written as its graph key `article#claim` and checked at ingest.
    if (!r.to.includes('#') && !claimIds.has(r.to)) {
      issues.push({ path: `${at}.to`, message: `unknown claim "${r.to}"` });
    }
    if (r.from === r.to) {
      issues.push({ path: `${at}.to`, message: 'a claim cannot be related to itself' });
    }
  });
  return issues;
}

/**
 * An actor affiliated with itself, or a ring of affiliations (A is part of B, B of A), has no
 * top; nor has a place within itself. Each member of a ring is reported once, at its own field.
 * Sources cannot close a ring: their affiliation must be an actor, and actors never point at one.
 */
function containmentCycles<T extends { id: string }>(
  items: readonly T[],
  parentOf: (item: T) => string | undefined,
  field: string,
  property: string,
): DocumentIssue[] {
  const index = new Map(items.map((item, i) => [item.id, i]));
  // Each item is walked once (linear even for a hostile document): 1 = on the walk, 2 = done.
  const state = new Uint8Array(items.length);
  const issues: DocumentIssue[] = [];
  items.forEach((_, i) => {
    const walk: number[] = [];
    let at: number | undefined = i;
    while (at !== undefined && state[at] === 0) {
      state[at] = 1;
      walk.push(at);
      const parent = parentOf(items[at]!);
      at = parent === undefined ? undefined : index.get(parent);
    }
    if (at !== undefined && state[at] === 1) {
      // Back on this walk: the ring is the walk from `at` on.
      const ring = walk.slice(walk.indexOf(at));
      // At most five names, so a ring of thousands gives thousands of short messages.
      const names = ring.slice(0, 5).map((r) => `"${items[r]!.id}"`);
      const loop = ring.length > 5 ? [...names, `... (${ring.length} in all)`] : [...names, names[0]];
      for (const r of ring) {
        issues.push({
          path: `${field}[${r}].${property}`,
          message:
            ring.length === 1
              ? `"${items[r]!.id}" cannot be its own ${property}`
              : `${property} cycle: ${loop.join(' -> ')}`,
        });
      }
    }
    for (const w of walk) state[w] = 2;
  });
  return issues;
}

/**
 * A relative time whose own bounds put it on the wrong side of its anchor's ("previously", yet
 * starting after the anchor has ended); the anchor's stated bounds only (`start` alone: one day).
 */
function wrongSideOfAnchor(t: TimeRef, anchor: TimeRef | undefined): string | undefined {
  if (!anchor || !t.relativeTo) return undefined;
  const day = (s: string | undefined) => s?.slice(0, 10);
  const anchorStart = day(anchor.start);
  const anchorEnd = day(anchor.end) ?? anchorStart;
  const start = day(t.start);
  const end = day(t.end) ?? start;
  if (t.relativeTo.relation === 'before' && start && anchorEnd && start > anchorEnd) {
    return `"${t.text}" is before "${t.relativeTo.event}", which ends ${anchorEnd}, but starts ${start}`;
  }
  if (t.relativeTo.relation === 'after' && end && anchorStart && end < anchorStart) {
    return `"${t.text}" is after "${t.relativeTo.event}", which starts ${anchorStart}, but ends ${end}`;
  }
  return undefined;
}

function normalise(doc: ArticleDocument): ArticleDocument {
  const anonymousSources = new Set(
    doc.sources.filter((s) => ANONYMOUS_SOURCE_KINDS.has(s.kind)).map((s) => s.id),
  );
  return {
    ...doc,
    claims: doc.claims.map((c) => ({
      ...c,
      // `anonymous` always last, whether the input gave it or not: a stored document parsed
      // again must serialise (and hash) exactly as it did, or an edit of one claim would see
      // every other claim as changed.
      chain: c.chain.map(({ anonymous: _given, ...h }) => ({
        ...h,
        anonymous: anonymousSources.has(h.agent),
      })),
    })),
  };
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export type { ArticleDocumentInput };
