/**
 * The building blocks of the read layer's row schemas (agents.ts, ...). A node's `.*` leaves out
 * a property it never had, so an optional property reads the same whether absent or null.
 */
import { z } from 'zod';

/** A text property the node may lack: null when absent. */
export const optText = z.string().nullable().default(null);

/** A number property the node may lack: null when absent. */
export const optNumber = z.number().nullable().default(null);

/** A list of strings the node may lack: empty when absent. */
export const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

/** A flag the node may lack: only a stored `true` is true. */
export const flag = z
  .boolean()
  .nullish()
  .transform((v) => v === true);

/**
 * The time a node refers to (an event's, a claim's, a telling's), as ingest stores it: the
 * article's words and bounds, and what they were resolved to. The schema turns these into a
 * TimeRef (and checks the resolved values against the domain's lists there).
 */
export const TimeProps = z.object({
  timeText: optText,
  timeStart: optText,
  timeEnd: optText,
  timeBasis: optText,
  timePrecision: optText,
  timeEarliest: optText,
  timeLatest: optText,
  timeAnchorKey: optText,
  timeRelation: optText,
});
export type TimeProps = z.infer<typeof TimeProps>;

/** When a claim was said, as ingest stores it (see `saidProps` in ingest-rows.ts). */
export const SaidProps = z.object({
  saidText: optText,
  saidBasis: optText,
  saidPrecision: optText,
  saidEarliest: optText,
  saidLatest: optText,
  saidAnchorKey: optText,
  saidRelation: optText,
});
export type SaidProps = z.infer<typeof SaidProps>;

/** The exact words of the article that show a node, with offsets into its text. */
export const EvidenceProps = z.object({
  evidenceStart: optNumber,
  evidenceEnd: optNumber,
  evidenceText: optText,
});
export type EvidenceProps = z.infer<typeof EvidenceProps>;
