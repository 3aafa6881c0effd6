/**
 * The filtered, sorted claims list. Its Cypher is assembled only from the constant fragments in
 * this file (the anchor that starts the match, the filter predicates and the sort keys form a
 * closed allow-list); every value reaches the query as a $parameter. Starting from the most
 * selective anchor keeps a filtered list from scanning every claim.
 */
import type { Database } from '../db/database.js';
import { AGENT_LABELS, labelOfKey, type ClaimOrder, type NodeLabel } from '../domain/model.js';
import type { DateMatch } from '../domain/time.js';
import {
  orderBy,
  seekParams,
  seekPredicate,
  sortValues,
  PageRow,
  type KeysetList,
  type ListStatement,
  type OrderingName,
  type Seek,
} from './keyset.js';

export type { ClaimOrder } from '../domain/model.js';

export interface ClaimFilter {
  /** The origin of the chain (who said it first). */
  speakerKey?: string | null;
  /** An actor, place, event or source the claim refers to. */
  aboutKey?: string | null;
  /** A source, outlet or actor anywhere in the chain (the article's publisher included). */
  sourceKey?: string | null;
  articleKey?: string | null;
  kinds?: readonly string[] | null;
  /** true: at least one anonymous link; false: none. */
  anonymous?: boolean | null;
  /** When it was said: a range of days (domain/time.ts `matchesRange` says how it matches). */
  saidFrom?: string | null;
  saidTo?: string | null;
  /** `overlaps` (default): may have been said in the range; `within`: certainly was. */
  saidMatch?: DateMatch | null;
  /** Also match claims whose saying time is unknown (a fallback to the article's date). */
  includeUndated?: boolean | null;
  confidenceMin?: number | null;
  confidenceMax?: number | null;
  /** true: graded with a confidence; false: not graded (the outlet's analysis, drafts). */
  graded?: boolean | null;
  outletAnalysis?: boolean | null;
  /** true: hedged by words or by a hedging role somewhere in the chain; false: neither. */
  hedged?: boolean | null;
  /** Hop roles that hedge by themselves (the grading policy's `hedgingRoles`). */
  hedgingRoles?: readonly string[];
  /** Some link of the chain was addressed to this actor or source. */
  addresseeKey?: string | null;
  /** At least this many unnamed links in the chain. */
  anonymousDepthMin?: number | null;
  statuses: readonly string[];
}

/** The label to anchor a key on, when it is one of `allowed` (a label from a closed list). */
function labelOf(key: string, allowed: readonly NodeLabel[]): NodeLabel | null {
  const label = labelOfKey(key);
  return label && allowed.includes(label) ? label : null;
}

// The orders (src/graph/keyset.ts): unknown saying times and ungraded claims last in both
// directions, never sorted as if said on the article's date or as if graded.
const SAID_UNKNOWN = '(c.saidEarliest IS NULL AND c.saidLatest IS NULL)';
const ORDERING: Record<ClaimOrder, OrderingName> = {
  SAID_AT_DESC: 'CLAIM_SAID_AT_DESC',
  SAID_AT_ASC: 'CLAIM_SAID_AT_ASC',
  CONFIDENCE_DESC: 'CLAIM_CONFIDENCE_DESC',
  CONFIDENCE_ASC: 'CLAIM_CONFIDENCE_ASC',
  KEY_ASC: 'CLAIM_KEY_ASC',
};

/** The keyset ordering a claims-list order reads in. */
export function claimOrdering(order: ClaimOrder): OrderingName {
  return ORDERING[order];
}

/** A first page: no cursor, read forwards. */
export const FROM_START: Seek = { after: null, before: null, reverse: false, limit: 20 };

const speakerPattern = (label: string) =>
  `(:${label} {key: $speakerKey})<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(c)`;
const sourcePattern = (label: string) => `(:${label} {key: $sourceKey})<-[:TOLD_BY]-(:Telling)-[:TELLS]->(c)`;
const aboutPattern = (label: string) => `(:${label} {key: $aboutKey})<-[:REFERS_TO]-(c)`;
const articlePattern = '(:Article {key: $articleKey})-[:CONTAINS]->(c)';
const addresseePattern = (label: string) =>
  `(:${label} {key: $addresseeKey})<-[:ADDRESSED_TO]-(:Telling)-[:TELLS]->(c)`;
const hedgedPredicate =
  '(size(coalesce(c.hedges, [])) > 0 OR EXISTS { (c)<-[:TELLS]-(h:Telling) WHERE h.role IN $hedgingRoles })';

/**
 * The said-range filter, as domain/time.ts `matchesRange`: an unknown time (both bounds null, the
 * fallback) matches only with `includeUndated`; a known one by its days, an open side reaching
 * as far as `overlaps` needs and never satisfying `within`.
 */
function saidRangePredicate(filter: ClaimFilter): string {
  const within = filter.saidMatch === 'within';
  const parts = [`NOT ${SAID_UNKNOWN}`];
  if (filter.saidFrom)
    parts.push(within ? 'c.saidEarliest >= $saidFrom' : 'coalesce(c.saidLatest, $saidFrom) >= $saidFrom');
  if (filter.saidTo)
    parts.push(within ? 'c.saidLatest <= $saidTo' : 'coalesce(c.saidEarliest, $saidTo) <= $saidTo');
  const known = `(${parts.join(' AND ')})`;
  return filter.includeUndated ? `(${known} OR ${SAID_UNKNOWN})` : known;
}

export interface BuiltQuery {
  /** null when a filter names a key that cannot match anything (unknown prefix). */
  query: string | null;
  params: Record<string, unknown>;
}

/**
 * The query for one page of the list: the total, and the rows beyond the seek's cursors in the
 * order's direction (reversed for a page read from the end). The cursor values and page size are
 * parameters (`seekParams`), added by claimList.
 */
export function buildClaimListQuery(
  filter: ClaimFilter,
  order: ClaimOrder,
  seek: Pick<Seek, 'after' | 'before' | 'reverse'> = FROM_START,
): BuiltQuery {
  const patterns: string[] = [];
  if (filter.articleKey) patterns.push(articlePattern);
  if (filter.speakerKey) {
    const label = labelOf(filter.speakerKey, AGENT_LABELS);
    if (!label) return { query: null, params: {} };
    patterns.push(speakerPattern(label));
  }
  if (filter.sourceKey) {
    const label = labelOf(filter.sourceKey, AGENT_LABELS);
    if (!label) return { query: null, params: {} };
    patterns.push(sourcePattern(label));
  }
  if (filter.addresseeKey) {
    const label = labelOf(filter.addresseeKey, AGENT_LABELS);
    if (!label) return { query: null, params: {} };
    patterns.push(addresseePattern(label));
  }
  if (filter.aboutKey) {
    const label = labelOf(filter.aboutKey, [...AGENT_LABELS, 'Place', 'Event']);
    if (!label) return { query: null, params: {} };
    patterns.push(aboutPattern(label));
  }

  // The first pattern anchors the match; the others become existence checks.
  const [anchor, ...rest] = patterns;
  const match = anchor ? `MATCH ${anchor.replace('(c)', '(c:Claim)')}` : 'MATCH (c:Claim)';
  const where = ['c.status IN $statuses', ...rest.map((p) => `EXISTS { ${p} }`)];
  if (filter.kinds && filter.kinds.length > 0) where.push('c.kind IN $kinds');
  if (filter.anonymous === true) where.push('c.anonymousLinks > 0');
  if (filter.anonymous === false) where.push('c.anonymousLinks = 0');
  if (filter.saidFrom || filter.saidTo) where.push(saidRangePredicate(filter));
  if (filter.confidenceMin != null) where.push('c.confidence >= $confidenceMin');
  if (filter.confidenceMax != null) where.push('c.confidence <= $confidenceMax');
  if (filter.graded === true) where.push('c.confidence IS NOT NULL');
  if (filter.graded === false) where.push('c.confidence IS NULL');
  if (filter.outletAnalysis != null) where.push('coalesce(c.outletAnalysis, false) = $outletAnalysis');
  if (filter.hedged === true) where.push(hedgedPredicate);
  if (filter.hedged === false) where.push(`NOT ${hedgedPredicate}`);
  if (filter.anonymousDepthMin != null) where.push('coalesce(c.anonymousLinks, 0) >= $anonymousDepthMin');

  const base = `${match}\nWHERE ${where.join('\n  AND ')}\nWITH DISTINCT c`;
  const query = `CALL () {
  ${base.replace(/\n/g, '\n  ')}
  RETURN count(c) AS total
}
CALL () {
  ${base.replace(/\n/g, '\n  ')}
  WHERE ${seekPredicate(ORDERING[order], seek)}
  WITH c
  ORDER BY ${orderBy(ORDERING[order], seek.reverse)}
  LIMIT $limit
  RETURN collect({key: c.key, sort: ${sortValues(ORDERING[order])}}) AS items
}
RETURN total, items`;
  return {
    query,
    params: {
      statuses: filter.statuses,
      articleKey: filter.articleKey ?? null,
      speakerKey: filter.speakerKey ?? null,
      sourceKey: filter.sourceKey ?? null,
      aboutKey: filter.aboutKey ?? null,
      kinds: filter.kinds ?? null,
      saidFrom: filter.saidFrom ?? null,
      saidTo: filter.saidTo ?? null,
      confidenceMin: filter.confidenceMin ?? null,
      confidenceMax: filter.confidenceMax ?? null,
      outletAnalysis: filter.outletAnalysis ?? null,
      hedgingRoles: filter.hedgingRoles ?? [],
      addresseeKey: filter.addresseeKey ?? null,
      anonymousDepthMin: filter.anonymousDepthMin ?? null,
    },
  };
}

/**
 * The claims list for a filter and an order, read by keyset: one statement per page (total and
 * rows), which a reader may extend to read the page's claims too (`statement`).
 */
export function claimList(db: Database, filter: ClaimFilter, order: ClaimOrder): KeysetList {
  const statement = (seek: Seek): ListStatement => {
    const built = buildClaimListQuery(filter, order, seek);
    return { text: built.query, params: { ...built.params, ...seekParams(seek) } };
  };
  return {
    ordering: ORDERING[order],
    statement,
    fetchPage: async (seek) => {
      const { text, params } = statement(seek);
      if (text === null) return { total: 0, rows: [] };
      const [row] = await db.readOne(text, params);
      return PageRow.parse(row ?? {});
    },
  };
}
