/**
 * Statements in the graph: the appearances of a statement (claims linked SAME_STATEMENT) loaded
 * in one round trip and turned into its journey (src/domain/statement.ts), and the laundered
 * appearances across every linked statement.
 */
import type { Item, Loaders } from './loaders.js';
import type { KeyRow, Seek } from './keyset.js';
import { journey, type Appearance, type JourneyStep, type Laundering } from '../domain/statement.js';
import type { ChainAgent } from '../domain/independence.js';
import { gradingConfig } from './grading.js';

function appearanceOf(item: Item): Appearance {
  return {
    claimKey: String(item.claimKey),
    articleKey: String(item.articleKey),
    publishedAt: String(item.publishedAt),
    hedges: (item.hedges as string[] | null) ?? [],
    agents: ((item.agents as unknown as ChainAgent[] | null) ?? []).map((a) => ({
      ...a,
      affiliations: a.affiliations ?? [],
    })),
  };
}

/** The journey of the statement `claimKey` belongs to (just itself when it has no other wording). */
export async function statementJourney(
  loaders: Loaders,
  claimKey: string,
  statuses: readonly string[],
): Promise<JourneyStep[]> {
  const items = await loaders.list('statement/appearances', claimKey, { statuses });
  return journey(items.map(appearanceOf), gradingConfig().oneVoiceKinds);
}

/**
 * One page of the laundered appearances of every statement, by claim key: the laundered claims
 * are found, counted and paged in Cypher (statement/laundered-page), and only the page's claims
 * get their statement's journey, for which earlier appearance they launder and why.
 */
export async function launderedPage(
  loaders: Loaders,
  statuses: readonly string[],
  seek: Seek,
): Promise<{ total: number; rows: KeyRow[]; items: Laundering[] }> {
  const row = await loaders.keysetOne('statement/laundered-page', seek, { statuses });
  const rows = (row?.items as KeyRow[] | undefined) ?? [];
  const keys = rows.map((r) => r.key);
  const journeys = await Promise.all(keys.map((k) => statementJourney(loaders, k, statuses)));
  // The two rules are one (a test holds them equal), so every key has its laundering; only links
  // changed between the two reads could leave one out, and then the page is one short, not wrong.
  const items = keys.flatMap((key, i) => {
    const found = journeys[i]!.find((s) => s.appearance.claimKey === key)?.laundering;
    return found ? [found] : [];
  });
  return { total: Number(row?.total ?? 0), rows, items };
}
