/**
 * The matcher's view of a new article's claims, taken from the rows ingestion writes (pure, no
 * database): so ingest matches the claims it has in hand, and `npm run eval:links` sees exactly
 * what ingest sees. Claims already in the graph come back in the same shape from
 * `matching/claims` (src/graph/matching.ts).
 */
import type { MatchClaim } from '../domain/matching.js';
import type { IngestRows } from './ingest-rows.js';

const timeOf = (t: Record<string, unknown>): string | null =>
  ((t.props as { timeStart?: string | null }).timeStart ?? null)?.slice(0, 10) ?? null;

export function matchClaimsOfRows(rows: IngestRows): MatchClaim[] {
  const affiliation = new Map<string, string>();
  const anonymousSources = new Set<string>();
  for (const a of rows.actors) if (a.affiliationKey) affiliation.set(String(a.key), String(a.affiliationKey));
  for (const s of rows.sources) {
    if (s.affiliationKey) affiliation.set(String(s.key), String(s.affiliationKey));
    if ((s.props as { anonymous?: boolean }).anonymous) anonymousSources.add(String(s.key));
  }
  const tellingsOf = new Map<string, Record<string, unknown>[]>();
  for (const t of rows.tellings) {
    const list = tellingsOf.get(String(t.claimKey)) ?? [];
    list.push(t);
    tellingsOf.set(String(t.claimKey), list);
  }
  return rows.claims.map((c) => {
    const key = String(c.key);
    const props = c.props as Record<string, unknown>;
    const tellings = tellingsOf.get(key) ?? [];
    const origin = tellings.find((t) => (t.props as { isOrigin?: boolean }).isOrigin);
    const originKey = origin?.agentKey == null ? null : String(origin.agentKey);
    const anonymousTelling = (t: Record<string, unknown>) =>
      (t.props as { anonymous?: boolean }).anonymous === true || anonymousSources.has(String(t.agentKey));
    const about = [c.aboutActor, c.aboutPlace, c.aboutEvent, c.aboutSource].flatMap((l) => l as string[]);
    const affiliated = originKey ? affiliation.get(originKey) : undefined;
    return {
      key,
      articleKey: rows.articleKey,
      text: String(props.text),
      quote: (props.quote as string | null) ?? null,
      kind: String(props.kind),
      hedges: (props.hedges as string[] | undefined) ?? [],
      originKey,
      originAnonymous: origin ? anonymousTelling(origin) : false,
      originAffiliations: affiliated ? [affiliated] : [],
      chainKeys: [
        ...new Set(
          tellings.filter((t) => t.agentKey != null && !anonymousTelling(t)).map((t) => String(t.agentKey)),
        ),
      ].sort(),
      aboutKeys: [...new Set(about)].sort(),
      saidAt: origin && origin !== tellings[0] ? timeOf(origin) : null,
      timeStart: (props.timeStart as string | null)?.slice(0, 10) ?? null,
      timeEnd: (props.timeEnd as string | null)?.slice(0, 10) ?? null,
    };
  });
}
