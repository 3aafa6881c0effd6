/**
 * A statement's journey across outlets: its appearances (the claims linked SAME_STATEMENT) in
 * order of publication, who reported it first, the lag between appearances, whether each is an
 * independent origin or rests on an earlier one, and attribution laundering: an appearance that
 * states as fact, or with a weaker hedge, what an earlier appearance attributed to an unnamed
 * source or hedged. Pure: the graph layer loads the appearances (src/graph/statement.ts).
 */
import { independentOrigins, type ChainAgent } from './independence.js';

export interface Appearance {
  claimKey: string;
  articleKey: string;
  /** When the article was published (ISO date or date-time). */
  publishedAt: string;
  hedges: readonly string[];
  /** The chain, the article's publisher first and the original speaker last. */
  agents: readonly ChainAgent[];
}

export interface Laundering {
  /** The later appearance that drops or weakens the attribution. */
  claimKey: string;
  /** The earlier appearance that attributed it to an unnamed source or hedged it. */
  earlierKey: string;
  /** What was dropped, in words. */
  reason: string;
}

export interface JourneyStep {
  appearance: Appearance;
  /** Hours since the first appearance was published (0 for the first). */
  lagHours: number;
  /** True when no earlier appearance shares its origin (wire story, unnamed source, speaker...). */
  independent: boolean;
  /** Earlier appearances it shares an origin with. */
  dependsOn: string[];
  laundering: Laundering | null;
}

/** Who the publisher cites, in order: the chain after it, the publisher itself left out. */
export const citedBy = (a: Appearance): ChainAgent[] => {
  const publisher = a.agents[0]?.key;
  return a.agents.slice(1).filter((x) => x.key !== publisher);
};

/** True when the publisher states it on its own authority (cites no one). */
export const onOwnAuthority = (a: Appearance): boolean => citedBy(a).length === 0;

const unnamedIn = (a: Appearance): ChainAgent[] => a.agents.filter((x) => x.anonymous);

/** True when the appearance's own words or chain carry any hedge or unnamed source. */
export const attributed = (a: Appearance): boolean => a.hedges.length > 0 || unnamedIn(a).length > 0;

/**
 * Whether `later` launders `earlier`: the earlier appearance attributed the statement to an
 * unnamed source or hedged it, and the later one states it with no unnamed source (as fact, or on
 * a named authority) or with fewer hedges and no more unnamed sources.
 */
export function launders(earlier: Appearance, later: Appearance): Laundering | null {
  const unnamedBefore = unnamedIn(earlier);
  const unnamedAfter = unnamedIn(later);
  const reasons: string[] = [];
  if (unnamedBefore.length > 0 && unnamedAfter.length === 0) {
    const names = unnamedBefore.map((x) => x.description ?? x.name).join(', ');
    reasons.push(
      onOwnAuthority(later)
        ? `states as fact what ${earlier.claimKey} attributed to ${names}`
        : `drops the unnamed source (${names}) that ${earlier.claimKey} named`,
    );
  }
  if (earlier.hedges.length > later.hedges.length && unnamedAfter.length <= unnamedBefore.length) {
    const dropped = earlier.hedges.filter((h) => !later.hedges.includes(h));
    reasons.push(`drops the hedge${dropped.length === 1 ? '' : 's'} "${dropped.join('", "')}"`);
  }
  if (reasons.length === 0) return null;
  return { claimKey: later.claimKey, earlierKey: earlier.claimKey, reason: reasons.join('; ') };
}

const time = (a: Appearance) =>
  Date.parse(a.publishedAt.length === 10 ? `${a.publishedAt}T00:00:00Z` : a.publishedAt);

/** The journey: appearances by publication time (then key), each against those before it. */
export function journey(
  appearances: readonly Appearance[],
  oneVoiceKinds: readonly string[] = [],
): JourneyStep[] {
  const ordered = [...appearances].sort((x, y) => time(x) - time(y) || x.claimKey.localeCompare(y.claimKey));
  const first = ordered[0];
  return ordered.map((a, i) => {
    const earlier = ordered.slice(0, i);
    const { origins } = independentOrigins(
      { claimKey: a.claimKey, agents: a.agents },
      earlier.map((e) => ({ claimKey: e.claimKey, agents: e.agents })),
      { oneVoiceKinds },
    );
    const own = origins.find((o) => o.includesSubject)!;
    // The earliest earlier appearance it launders, if any (the wire, usually).
    let laundering: Laundering | null = null;
    for (const e of earlier) {
      laundering = launders(e, a);
      if (laundering) break;
    }
    // A later appearance stating as fact what an earlier one attributed is derived from it, not a
    // new witness, whatever its own chain says.
    const dependsOn = [
      ...new Set([
        ...own.claimKeys.filter((k) => k !== a.claimKey),
        ...(laundering ? [laundering.earlierKey] : []),
      ]),
    ].sort();
    return {
      appearance: a,
      lagHours: first ? Math.round(((time(a) - time(first)) / 3_600_000) * 10) / 10 : 0,
      independent: dependsOn.length === 0,
      dependsOn,
      laundering,
    };
  });
}
