/**
 * Statements in the graph: the appearances of a statement (claims linked SAME_STATEMENT) loaded
 * in one round trip and turned into its journey (src/domain/statement.ts), and the laundered
 * appearances across every linked statement.
 */
import { z } from 'zod';
import type { Loaders } from './loaders.js';
import { listOrdering, type KeyRow, type OrderingName, type Seek } from './keyset.js';
import { journey, type Appearance, type JourneyStep, type Laundering } from '../domain/statement.js';
import { gradingConfig } from './grading.js';
import { optText, strings } from './row.js';

const Body = z.object({ key: z.string(), name: z.string(), kind: z.string() });

/** One appearance of a statement as statement/appearances returns it (see domain/statement.ts). */
const AppearanceRow = z.object({
  claimKey: z.string(),
  articleKey: z.string(),
  publishedAt: z.string(),
  hedges: strings,
  /** The chain, the publisher first, each teller with its affiliations (nearest first). */
  agents: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.string(),
      anonymous: z.boolean(),
      description: optText,
      affiliations: z
        .array(Body)
        .nullish()
        .transform((v) => v ?? []),
    }),
  ),
}) satisfies z.ZodType<Appearance>;

const parseAppearance = (value: unknown): Appearance => AppearanceRow.parse(value);

/** The journey of the statement `claimKey` belongs to (just itself when it has no other wording). */
export async function statementJourney(
  loaders: Loaders,
  claimKey: string,
  statuses: readonly string[],
): Promise<JourneyStep[]> {
  const appearances = await loaders.rowList('statement/appearances', claimKey, parseAppearance, { statuses });
  return journey(appearances, gradingConfig().oneVoiceKinds);
}

/** The order laundered appearances are listed in (by claim key). */
export const LAUNDERED_ORDERING: OrderingName = listOrdering('statement/laundered-page');

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
  const { total, rows } = await loaders.list('statement/laundered-page', { statuses }).fetchPage(seek);
  const keys = rows.map((r) => r.key);
  const journeys = await Promise.all(keys.map((k) => statementJourney(loaders, k, statuses)));
  // The two rules are one (a test holds them equal), so every key has its laundering; only links
  // changed between the two reads could leave one out, and then the page is one short, not wrong.
  const items = keys.flatMap((key, i) => {
    const found = journeys[i]!.find((s) => s.appearance.claimKey === key)?.laundering;
    return found ? [found] : [];
  });
  return { total, rows, items };
}
