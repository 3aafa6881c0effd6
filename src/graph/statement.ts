/**
 * Statements in the graph: the appearances of a statement (claims linked SAME_STATEMENT) loaded
 * in one round trip and turned into its journey (src/domain/statement.ts), and the laundered
 * appearances across every linked statement.
 */
import type { Item, Loaders } from './loaders.js';
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

/** Every laundered appearance of every statement with more than one wording, by claim key. */
export async function launderedAppearances(
  loaders: Loaders,
  statuses: readonly string[],
): Promise<Laundering[]> {
  const row = await loaders.one('statement/linked-claims', { statuses });
  const keys = (row?.keys as string[] | undefined) ?? [];
  // One batched read for every linked claim; each gives its statement's whole journey.
  const journeys = await Promise.all(keys.map((k) => statementJourney(loaders, k, statuses)));
  const found = new Map<string, Laundering>();
  for (const steps of journeys) {
    for (const s of steps) if (s.laundering) found.set(s.laundering.claimKey, s.laundering);
  }
  return [...found.values()].sort((a, b) => a.claimKey.localeCompare(b.claimKey));
}
