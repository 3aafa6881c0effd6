/**
 * A fact-checker's assessment of a claim, shaped after schema.org ClaimReview: a verdict
 * (`alternateName`), an optional numeric rating on the reviewer's own scale, who reviewed it and
 * when. Assessments accumulate; the latest one counts in grading.
 */
import { z } from 'zod';
import { IsoDateOrDateTime } from './document.js';
import { slugify } from './keys.js';
import type { GradingConfig } from './grading-config.js';

export const AssessmentInput = z
  .object({
    /** The verdict in the reviewer's words ("False", "Mostly true"). */
    verdict: z.string().min(1).max(200),
    ratingValue: z.number().finite().optional(),
    /** schema.org defaults: best 5, worst 1. */
    bestRating: z.number().finite().optional(),
    worstRating: z.number().finite().optional(),
    ratingName: z.string().min(1).max(200).optional(),
    reviewer: z.string().min(1).max(300),
    note: z.string().min(1).max(4000).optional(),
    date: IsoDateOrDateTime,
  })
  .strict()
  .refine((a) => (a.bestRating ?? 5) !== (a.worstRating ?? 1), {
    message: '`bestRating` and `worstRating` must differ',
    path: ['bestRating'],
  })
  .refine(
    (a) => {
      if (a.ratingValue === undefined) return true;
      const best = a.bestRating ?? 5;
      const worst = a.worstRating ?? 1;
      return a.ratingValue >= Math.min(best, worst) && a.ratingValue <= Math.max(best, worst);
    },
    { message: '`ratingValue` must lie between `worstRating` and `bestRating`', path: ['ratingValue'] },
  );
export type AssessmentInput = z.infer<typeof AssessmentInput>;

/** An assessment as stored: the input plus when it was recorded (ties on `date` break on it). */
export type RecordedAssessment = AssessmentInput & { key: string; recordedAt?: string | null };

/** Stable key: replaying the same assessment lands on the same node. */
export function assessmentKey(claimKey: string, a: Pick<AssessmentInput, 'date' | 'reviewer' | 'verdict'>) {
  return `assessment:${claimKey}:${a.date}:${slugify(a.reviewer)}:${slugify(a.verdict)}`;
}

/**
 * The rating on a 0 (false) .. 1 (true) scale: the numeric rating on the reviewer's scale when
 * given (a scale may run either way), otherwise the verdict looked up in the configured table;
 * null when neither says how true the claim is ("unproven").
 */
export function normalisedRating(
  a: Pick<AssessmentInput, 'verdict' | 'ratingValue' | 'bestRating' | 'worstRating'>,
  config: Pick<GradingConfig, 'verdictRatings'>,
): number | null {
  if (a.ratingValue !== undefined && a.ratingValue !== null) {
    const best = a.bestRating ?? 5;
    const worst = a.worstRating ?? 1;
    return Math.min(1, Math.max(0, (a.ratingValue - worst) / (best - worst)));
  }
  return config.verdictRatings[slugify(a.verdict)] ?? null;
}

/** The latest assessment: by date, then by when it was recorded, then by key (deterministic). */
export function latestAssessment<T extends RecordedAssessment>(all: readonly T[]): T | undefined {
  return [...all].sort(
    (x, y) =>
      Date.parse(y.date) - Date.parse(x.date) ||
      (y.recordedAt ?? '').localeCompare(x.recordedAt ?? '') ||
      y.key.localeCompare(x.key),
  )[0];
}
