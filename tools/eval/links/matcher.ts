/**
 * The matcher as ingest runs it, over the story corpus without a database: the articles are taken
 * in `npm start`'s load order, and each article's claims are matched against every claim of the
 * articles loaded before it (and among themselves), from exactly the rows ingest builds
 * (`matchClaimsOfRows`). Every earlier claim is a candidate here; in the graph the candidates come
 * from the indexes with a limit, so this is the matcher's ceiling, and the integration test checks
 * that the graph proposes what this proposes on the articles it loads.
 */
import type { ArticleDocument } from '../../../src/domain/document.js';
import {
  decide,
  MATCH_POLICY,
  scoreClaims,
  type Match,
  type MatchClaim,
  type ScoredPair,
} from '../../../src/domain/matching.js';
import { buildIngestRows, type KnownActor } from '../../../src/graph/ingest-rows.js';
import { matchClaimsOfRows } from '../../../src/graph/matching-rows.js';
import type { Link } from './score.js';

/** The matcher's claims of every article, in load order, actors resolved as ingest resolves them. */
export function corpusClaims(docs: readonly ArticleDocument[]): MatchClaim[][] {
  const known = new Map<string, KnownActor>();
  return docs.map((doc) => {
    const rows = buildIngestRows(doc, [...known.values()], 'eval');
    for (const a of rows.actors) {
      const key = String(a.key);
      const prev = known.get(key);
      const nameKeys = [...new Set([...(prev?.nameKeys ?? []), ...(a.nameKeys as string[])])];
      known.set(key, { key, kind: String(a.kind), nameKeys });
    }
    return matchClaimsOfRows(rows);
  });
}

/** Every pair scored while the corpus is loaded article by article. */
export function scoreOnCorpus(
  perArticle: readonly MatchClaim[][],
  windowDays: number = MATCH_POLICY.windowDays,
): ScoredPair[] {
  const out: ScoredPair[] = [];
  const seen: MatchClaim[] = [];
  for (const claims of perArticle) {
    out.push(...scoreClaims(claims, seen, windowDays));
    seen.push(...claims);
  }
  return out;
}

/** What the matcher proposes on the corpus under a policy. */
export const proposeOnCorpus = (scored: readonly ScoredPair[], policy = MATCH_POLICY): Match[] =>
  scored.map((p) => decide(p, policy)).filter((m): m is Match => m !== null);

export const asLinks = (matches: readonly Match[]): Link[] =>
  matches.map((m) => ({ from: m.from, to: m.to, type: m.type }));
