/**
 * Matching on ingest: each claim of the article just written is compared with claims already in
 * the graph, and what scores above the policy's thresholds is stored as a *proposed* link
 * (a `LinkProposal` node with its score and reasons) for an editor to accept or reject
 * (src/graph/review.ts). Proposals are not relations: grading never reads them.
 *
 * Candidates come from indexes and from the claims' shared actors, places and events, each with a
 * limit and a total order (matching/candidates.cypher): the cost per claim grows with the size of
 * the hubs a claim is about, not with the graph; the scoring is the pure matcher of
 * src/domain/matching.ts.
 */
import type { Tx } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import {
  matchClaims,
  MATCH_POLICY,
  pairId,
  proposalKey,
  searchTerms,
  type Match,
  type MatchClaim,
  type MatchPolicy,
} from '../domain/matching.js';
import { KEY_PREFIX } from '../domain/model.js';
import type { IngestRows } from './ingest-rows.js';
import { matchClaimsOfRows } from './matching-rows.js';
import { toLuceneQuery } from './lucene.js';

export interface MatchingResult {
  /** Pairs above a threshold (before those already decided or related are left out). */
  matched: number;
  /** Proposals newly stored. */
  proposed: number;
}

/** Runs the matcher for an ingested article inside its transaction and stores the proposals. */
export async function proposeLinks(
  tx: Tx,
  rows: IngestRows,
  options: { by?: string; policy?: MatchPolicy } = {},
): Promise<MatchingResult> {
  const matches = await findMatches(tx, rows, options.policy);
  if (matches.length === 0) return { matched: 0, proposed: 0 };
  const [row] = await tx.rows(cypher('matching/record'), {
    by: options.by ?? 'matcher',
    articleKey: rows.articleKey,
    proposals: matches.map((m) => ({
      key: proposalKey(m.type, m.from, m.to),
      pair: pairId(m.from, m.to),
      type: m.type,
      fromKey: m.from,
      toKey: m.to,
      score: m.score,
      reasons: JSON.stringify(m.reasons),
    })),
  });
  return { matched: matches.length, proposed: Number(row?.proposed ?? 0) };
}

/**
 * The matches of an article's claims against the candidates the graph's indexes give them
 * (before what is already decided or related is left out); nothing is written.
 */
export async function findMatches(
  tx: Tx,
  rows: IngestRows,
  policy: MatchPolicy = MATCH_POLICY,
): Promise<Match[]> {
  const news = claimsToMatch(rows);
  if (news.length === 0) return [];
  return matchClaims(news, await candidatesFor(tx, rows, news, policy), policy);
}

/**
 * The claims already in the graph the article's claims are compared with (matching/candidates):
 * each source bounded by the policy's per-source limit.
 */
export async function candidatesFor(
  tx: Tx,
  rows: IngestRows,
  news: readonly MatchClaim[] = claimsToMatch(rows),
  policy: MatchPolicy = MATCH_POLICY,
): Promise<MatchClaim[]> {
  if (news.length === 0) return [];
  const articleId = String(rows.article.props.id);
  const published = String(rows.article.props.publishedAt ?? '').slice(0, 10) || null;
  const candidateRows = await tx.rows(cypher('matching/candidates'), {
    claims: news.map((c) => candidateQuery(c, published)),
    limit: policy.candidatesPerSource,
    // One ranked list for all the actors, places and events a claim is about, instead of one per
    // key. In a story every claim is about the same two governments, so many candidates tie on
    // shared ground and day; 3x keeps the story corpus's ceiling (story.int), 2x lost one pair.
    aboutLimit: policy.candidatesPerSource * 3,
    scan: policy.candidatesPerSource * SCAN_FACTOR,
    hubScan: policy.candidatesPerSource * HUB_SCAN_FACTOR,
    // Full-text hits asked for beyond the limit, so that hits of equal score are chosen by key
    // (the index breaks ties by its internal document order, which is not the graph's content).
    textScan: policy.candidatesPerSource * 2,
    // The article's own claims are in the full-text index too: asked for on top, then left out.
    own: rows.claims.length,
    claimPrefix: `${articleId}#`,
  });
  return candidateRows.map(matchClaimOfRow);
}

/** The claims of an article the matcher compares with the graph, in its shape. */
export function claimsToMatch(rows: IngestRows): MatchClaim[] {
  // A claim the article itself marks rejected is not matched (nor found as a candidate).
  return matchClaimsOfRows(rows).filter(
    (_c, i) => (rows.claims[i]?.props as { status?: string } | undefined)?.status !== 'rejected',
  );
}

/**
 * From a hub agent, actor, place or event, how many of its claims (the nearest in time to the new
 * claim, then by key) go on to be ranked by shared ground: a multiple of the per-source limit.
 * They are chosen by a total order from at most HUB_SCAN_FACTOR times the limit of the hub's
 * claims (200), so the choice does not depend on the order claims were written in for any hub up
 * to that size (the story corpus's largest holds 106), and the cost per hub stays bounded when a
 * hub holds a corpus's worth of claims. bench:matching at 10k, quiet: ordering every claim of a
 * hub made matching cost 3.73x ingest without it; a bound of 2,000 the same; 200, 2.85x.
 */
const SCAN_FACTOR = 4;
const HUB_SCAN_FACTOR = 8;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function candidateQuery(c: MatchClaim, published: string | null) {
  const about = (prefix: string) => c.aboutKeys.filter((k) => k.startsWith(prefix));
  // The day candidates are ranked by nearness to: when it was said, else what it is about, else
  // the article's date.
  const day = [c.saidAt, c.timeStart, published].find((d) => d && ISO_DAY.test(d)) ?? null;
  return {
    day,
    query: toLuceneQuery(searchTerms(c).join(' ')),
    originKey: c.originAnonymous ? null : c.originKey,
    actorKeys: about(KEY_PREFIX.Actor),
    placeKeys: about(KEY_PREFIX.Place),
    eventKeys: about(KEY_PREFIX.Event),
  };
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A claim in the graph as the matcher sees it, from a row in `matching/candidates`' shape. */
export function matchClaimOfRow(r: Record<string, unknown>): MatchClaim {
  return {
    key: String(r.key),
    articleKey: String(r.articleKey),
    text: String(r.text ?? ''),
    quote: str(r.quote),
    kind: String(r.kind ?? ''),
    hedges: (r.hedges as string[] | null) ?? [],
    originKey: str(r.originKey),
    originAnonymous: r.originAnonymous === true,
    originAffiliations: (r.originAffiliations as string[] | null) ?? [],
    chainKeys: (r.chainKeys as string[] | null) ?? [],
    aboutKeys: (r.aboutKeys as string[] | null) ?? [],
    saidAt: str(r.saidAt),
    timeStart: str(r.timeStart)?.slice(0, 10) ?? null,
    timeEnd: str(r.timeEnd)?.slice(0, 10) ?? null,
  };
}
