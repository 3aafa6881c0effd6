/**
 * A fact-checker's judgments: reliability grades of sources and actors, assessments of claims,
 * and the contested claims that most need them. Each write regrades what it affects in the same
 * transaction, so no reader ever sees a verdict without the grade it implies.
 */
import type { Database } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import { AssessmentInput, assessmentKey } from '../domain/assessment.js';
import { ReliabilityGrade } from '../domain/document.js';
import type { ClaimGrade, Credibility } from '../domain/grading.js';
import { recomputeGrades, type RecomputeOptions } from './grading.js';
import { NotFound } from './not-found.js';

export interface ReliabilityResult {
  key: string;
  /** Claims told through the agent, regraded. */
  regraded: string[];
}

/**
 * Sets (or, with `grade` null, clears) a fact-checker's reliability grade for a source or an
 * actor, and regrades every claim told through it.
 */
export async function setSourceReliability(
  db: Database,
  key: string,
  grade: ReliabilityGrade | null,
  reason: string,
  by: string,
  options: Pick<RecomputeOptions, 'config'> = {},
): Promise<ReliabilityResult> {
  const parsedGrade = grade === null ? null : ReliabilityGrade.parse(grade);
  return db.write(async (tx) => {
    const [row] = await tx.rows(cypher('grading/set-reliability'), {
      key,
      grade: parsedGrade,
      reason: parsedGrade === null ? null : reason,
      by,
    });
    if (!row) throw new NotFound(`no source or actor "${key}"`, key);
    const claimKeys = (row.claimKeys as string[]) ?? [];
    await recomputeGrades(tx, claimKeys, { ...options, agentKeys: [key] });
    return { key, regraded: claimKeys };
  });
}

export interface AssessmentResult {
  key: string;
  /** False when the same assessment was already recorded (a replay). */
  created: boolean;
  /** The claim's version after the assessment. */
  version: number;
  /** The claim's grade with the assessment taken into account. */
  grade: ClaimGrade;
}

export interface AssessmentOptions extends Pick<RecomputeOptions, 'config'> {
  /** Who records it, on the revision; default: the reviewer. */
  by?: string;
}

/**
 * Records a fact-checker's assessment of a claim (earlier ones are kept), writes a revision of
 * the claim, and regrades the claim and the claims depending on it, all in one transaction.
 */
export async function recordAssessment(
  db: Database,
  claimKey: string,
  input: AssessmentInput,
  options: AssessmentOptions = {},
): Promise<AssessmentResult> {
  const a = AssessmentInput.parse(input);
  const key = assessmentKey(claimKey, a);
  const props = {
    verdict: a.verdict,
    ratingValue: a.ratingValue ?? null,
    bestRating: a.bestRating ?? null,
    worstRating: a.worstRating ?? null,
    ratingName: a.ratingName ?? null,
    reviewer: a.reviewer,
    note: a.note ?? null,
    date: a.date,
  };
  return db.write(async (tx) => {
    const [row] = await tx.rows(cypher('grading/record-assessment'), {
      claimKey,
      key,
      props,
      by: options.by ?? a.reviewer,
      change: `assessed "${a.verdict}" by ${a.reviewer}`,
    });
    if (!row) throw new NotFound(`no claim "${claimKey}"`, claimKey);
    const { grades } = await recomputeGrades(tx, [claimKey], options);
    return {
      key,
      created: row.created === true,
      version: Number(row.version),
      grade: grades.get(claimKey)!,
    };
  });
}

export interface ContestedSide {
  key: string;
  text: string;
  credibility: Credibility | null;
  confidence: number | null;
}

export interface ContestedClaim extends ContestedSide {
  independentOrigins: number | null;
  contradictions: (ContestedSide & { direction: 'contradicts' | 'contradictedBy'; note: string | null })[];
}

/** Claims in a contradiction (either direction), with what they clash with and both grades. */
export async function contestedClaims(
  db: Database,
  page: { offset?: number; limit?: number } = {},
): Promise<ContestedClaim[]> {
  const rows = await db.read((tx) =>
    tx.rows(cypher('grading/contested-claims'), {
      offset: Math.max(0, Math.trunc(page.offset ?? 0)),
      limit: Math.max(1, Math.trunc(page.limit ?? 100)),
    }),
  );
  return rows as unknown as ContestedClaim[];
}
