/**
 * Grades in the graph: loads what the pure grader needs for a set of claims in one round trip,
 * grades them (src/domain/grading.ts) and writes the grades back in the caller's transaction, so
 * a write and the grades it implies commit together or not at all.
 */
import type { Row, Tx } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import type { RecordedAssessment } from '../domain/assessment.js';
import type { ReliabilityGrade } from '../domain/document.js';
import {
  agentReliability,
  gradeClaim,
  type ChainLink,
  type ClaimEvidence,
  type ClaimGrade,
  type GradedAgent,
} from '../domain/grading.js';
import { loadGradingConfig, type GradingConfig } from '../domain/grading-config.js';
import type { Affiliation } from '../domain/independence.js';
import { contentHash } from '../domain/keys.js';
import type { IngestRows } from './ingest-rows.js';

export interface RecomputeOptions {
  /** The grading policy; default: GRADING_CONFIG from the environment, read once. */
  config?: GradingConfig;
  /** Agents whose effective reliability to store even if they tell none of the claims. */
  agentKeys?: readonly string[];
}

export interface RecomputeResult {
  /** Grades of every regraded claim (the given ones and those depending on them), by key. */
  grades: Map<string, ClaimGrade>;
  /** Claims whose stored grade changed. */
  claimsChanged: number;
  /** Agents whose stored reliability changed. */
  agentsChanged: number;
}

let environmentConfig: GradingConfig | undefined;
/** GRADING_CONFIG, parsed on first use: a bad value fails the first write that grades, loudly. */
export function gradingConfig(): GradingConfig {
  environmentConfig ??= loadGradingConfig();
  return environmentConfig;
}

/**
 * Recomputes and stores the grades of `claimKeys` and of every claim whose grade depends on them
 * (one relation away), plus the effective reliability of every agent in their chains.
 */
export async function recomputeGrades(
  tx: Tx,
  claimKeys: readonly string[],
  options: RecomputeOptions = {},
): Promise<RecomputeResult> {
  const config = options.config ?? gradingConfig();
  // Both reads are sent at once (pipelined): the agents asked for are loaded whether or not a
  // chain already carries them, which costs a few index seeks and saves a round trip.
  const agentKeys = [...new Set(options.agentKeys ?? [])];
  const [rows, agentRowsLoaded] = await Promise.all([
    claimKeys.length > 0
      ? tx.rows(cypher('grading/load-claims'), { claimKeys: [...new Set(claimKeys)] })
      : Promise.resolve([]),
    agentKeys.length > 0 ? tx.rows(cypher('grading/load-agents'), { agentKeys }) : Promise.resolve([]),
  ]);
  const loaded = new Map(rows.map((r) => [String(r.key), r]));
  const evidence = new Map([...loaded].map(([key, r]) => [key, evidenceOf(r)]));

  const grades = new Map<string, ClaimGrade>();
  for (const [key, row] of loaded) {
    if (row.target !== true) continue;
    const pick = (keys: unknown) =>
      (keys as string[]).map((k) => evidence.get(k)).filter((e): e is ClaimEvidence => e !== undefined);
    grades.set(
      key,
      gradeClaim(
        {
          claim: evidence.get(key)!,
          supporters: pick(row.supportedBy),
          contradictors: pick(row.contradictedBy),
        },
        config,
      ),
    );
  }

  const gradeRows = [...grades].map(([key, g]) => {
    const stored = {
      credibility: g.credibility,
      confidence: g.confidence,
      factors: JSON.stringify(g.factors),
      independentOrigins: g.independentOrigins,
      circularReporting: g.circularReporting,
      // The groups themselves, so the API can show which chains were folded into one origin.
      origins: JSON.stringify(g.origins),
    };
    return { key, ...stored, hash: contentHash(stored) };
  });
  // Every agent of a loaded chain, plus any asked for that no loaded chain mentions.
  const agents = new Map<string, GradedAgent>();
  for (const e of evidence.values()) for (const link of e.chain) agents.set(link.agent.key, link.agent);
  for (const r of agentRowsLoaded) if (!agents.has(String(r.key))) agents.set(String(r.key), agentOf(r));
  const agentRows = [...agents.values()].map((a) => {
    const r = agentReliability(a, config);
    return { key: a.key, reliability: r.grade, basis: r.basis };
  });
  if (gradeRows.length === 0 && agentRows.length === 0) return { grades, claimsChanged: 0, agentsChanged: 0 };
  const [stored] = await tx.rows(cypher('grading/store'), { grades: gradeRows, agents: agentRows });
  const claimsChanged = Number(stored?.claimsChanged ?? 0);
  const agentsChanged = Number(stored?.agentsChanged ?? 0);
  return { grades, claimsChanged, agentsChanged };
}

/**
 * The `afterWrite` hook of ingestion: regrades the article's claims and what depends on them,
 * and stores the reliability of every agent the article names. Only `claims` is required, so
 * other writers (a new relation between two claims) can pass just the claims they touched.
 */
export async function gradeIngested(
  tx: Tx,
  rows: Pick<IngestRows, 'claims'> & Partial<Pick<IngestRows, 'externalClaimKeys' | 'sources' | 'actors'>>,
): Promise<void> {
  const agentKeys = [...(rows.sources ?? []), ...(rows.actors ?? [])].map((a) => String(a.key));
  // A source or actor this document declares differently (a shared `reuters` now a `document`,
  // or graded E) changes the grade of every claim told through it, in every article: they are
  // regraded here, in this transaction, so the same chain never carries two grades.
  const stale = agentKeys.length > 0 ? await tx.rows(cypher('grading/stale-agents'), { agentKeys }) : [];
  await recomputeGrades(
    tx,
    [
      ...rows.claims.map((c) => String(c.key)),
      ...(rows.externalClaimKeys ?? []),
      ...stale.flatMap((r) => (r.claimKeys as string[] | null) ?? []),
    ],
    { agentKeys },
  );
}

function evidenceOf(row: Row): ClaimEvidence {
  const chain = (row.chain as unknown as ChainLink[])
    .map((l) => ({ ...l, agent: agentOf(l.agent as unknown as Row) }))
    .sort((a, b) => a.hop - b.hop);
  return {
    key: String(row.key),
    ...(row.kind ? { kind: String(row.kind) } : {}),
    status: String(row.status ?? 'accepted'),
    outletAnalysis: row.outletAnalysis === true,
    hedges: (row.hedges as string[] | null) ?? [],
    chain,
    sameStatementAs: (row.sameStatementAs as string[] | null) ?? [],
    assessments: (row.assessments as unknown as RecordedAssessment[]).map((a) => ({
      ...a,
      ratingValue: a.ratingValue ?? undefined,
      bestRating: a.bestRating ?? undefined,
      worstRating: a.worstRating ?? undefined,
    })),
  };
}

function agentOf(r: Row): GradedAgent {
  return {
    key: String(r.key),
    name: String(r.name ?? r.key),
    kind: String(r.kind ?? ''),
    anonymous: r.anonymous === true,
    description: (r.description as string | null | undefined) ?? null,
    reliabilityOverride: (r.reliabilityOverride as ReliabilityGrade | null) ?? null,
    reliabilityReason: (r.reliabilityReason as string | null) ?? null,
    affiliations: ((r.affiliations as unknown as Affiliation[] | null) ?? []).map((a) => ({
      key: String(a.key),
      name: String(a.name ?? a.key),
      kind: String(a.kind ?? ''),
    })),
  };
}
