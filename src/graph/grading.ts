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
    loadClaims(tx, claimKeys),
    agentKeys.length > 0 ? tx.rows(cypher('grading/load-agents'), { agentKeys }) : Promise.resolve([]),
  ]);
  const graded = gradeLoaded(rows, config);
  for (const r of agentRowsLoaded)
    if (!graded.agents.has(String(r.key))) graded.agents.set(String(r.key), agentOf(r));
  return storeGrades(tx, graded.grades, graded.agents, config);
}

/** Sends grading/load-claims for `claimKeys` (nothing when empty); resolves to its rows. */
function loadClaims(tx: Tx, claimKeys: readonly string[]): Promise<Row[]> {
  return claimKeys.length > 0
    ? tx.rows(cypher('grading/load-claims'), { claimKeys: [...new Set(claimKeys)] })
    : Promise.resolve([]);
}

/** Grades the targets among rows of grading/load-claims; also returns every agent of their chains. */
function gradeLoaded(rows: readonly Row[], config: GradingConfig) {
  const evidence = new Map(rows.map((r) => [String(r.key), evidenceOf(r)]));
  const grades = new Map<string, ClaimGrade>();
  for (const row of rows) {
    if (row.target !== true) continue;
    const key = String(row.key);
    grades.set(
      key,
      gradeWith(
        evidence,
        key,
        (row.supportedBy as string[]) ?? [],
        (row.contradictedBy as string[]) ?? [],
        config,
      ),
    );
  }
  const agents = new Map<string, GradedAgent>();
  for (const e of evidence.values()) for (const link of e.chain) agents.set(link.agent.key, link.agent);
  return { grades, agents };
}

/**
 * One claim's grade from the evidence of it and of its supporters and contradictors. They are
 * taken in key order, whatever order the graph or the rows gave them in, so the same graph always
 * gives the same grade and the same explanation, however it was computed.
 */
function gradeWith(
  evidence: ReadonlyMap<string, ClaimEvidence>,
  key: string,
  supportedBy: readonly string[],
  contradictedBy: readonly string[],
  config: GradingConfig,
): ClaimGrade {
  const pick = (keys: readonly string[]) =>
    [...new Set(keys)]
      .sort()
      .map((k) => evidence.get(k))
      .filter((e): e is ClaimEvidence => e !== undefined);
  return gradeClaim(
    { claim: evidence.get(key)!, supporters: pick(supportedBy), contradictors: pick(contradictedBy) },
    config,
  );
}

/** Writes grades and agents' effective reliability (each only when changed) in one statement. */
async function storeGrades(
  tx: Tx,
  grades: ReadonlyMap<string, ClaimGrade>,
  agents: ReadonlyMap<string, GradedAgent>,
  config: GradingConfig,
): Promise<RecomputeResult> {
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
  const agentRows = [...agents.values()].map((a) => {
    const r = agentReliability(a, config);
    return { key: a.key, reliability: r.grade, basis: r.basis };
  });
  const result = { grades: new Map(grades), claimsChanged: 0, agentsChanged: 0 };
  if (gradeRows.length === 0 && agentRows.length === 0) return result;
  const [stored] = await tx.rows(cypher('grading/store'), { grades: gradeRows, agents: agentRows });
  result.claimsChanged = Number(stored?.claimsChanged ?? 0);
  result.agentsChanged = Number(stored?.agentsChanged ?? 0);
  return result;
}

/**
 * The `afterWrite` hook of ingestion: regrades the article's claims and what depends on them,
 * and stores the reliability of every agent the article names. Only `claims` is required, so
 * other writers (a new relation between two claims) can pass just the claims they touched.
 */
export async function gradeIngested(
  tx: Tx,
  rows: Pick<IngestRows, 'claims'> & Partial<Pick<IngestRows, 'externalClaimKeys' | 'sources' | 'actors'>>,
): Promise<RecomputeResult> {
  const agentKeys = [...(rows.sources ?? []), ...(rows.actors ?? [])].map((a) => String(a.key));
  // A source or actor this document declares differently (a shared `reuters` now a `document`,
  // or graded E) changes the grade of every claim told through it, in every article: they are
  // regraded here, in this transaction, so the same chain never carries two grades.
  const stale = agentKeys.length > 0 ? await tx.rows(cypher('grading/stale-agents'), { agentKeys }) : [];
  return recomputeGrades(
    tx,
    [
      ...rows.claims.map((c) => String(c.key)),
      ...(rows.externalClaimKeys ?? []),
      ...stale.flatMap((r) => (r.claimKeys as string[] | null) ?? []),
    ],
    { agentKeys },
  );
}

export interface GradeWrittenOptions {
  /**
   * Every claim of these rows was created by this transaction (the articles are new), so nothing
   * but the rows and the agents they name can weigh on them yet. When false (an edit of an article
   * already in the graph: its claims may carry assessments, or relations other articles declared),
   * every claim is regraded from the graph, as `gradeIngested` does.
   */
  fresh: boolean;
  config?: GradingConfig;
}

/**
 * Grades what an ingest transaction has just written, incrementally: only the claims whose inputs
 * changed, from the rows it wrote and what the graph returns behind the writes. Call it right
 * after sending the write statements, without awaiting them: its first reads join the same
 * pipeline (one round trip), and the server runs them after the writes, so they see them.
 *
 * - A claim of a new article whose relations stay inside `written` (its relation component
 *   reaches no other claim) is graded from the rows themselves: its chain, hedges and relations
 *   are in them, and the agents of its chain come back from grading/written-agents, which the
 *   transaction needs anyway to restamp their declarations. No load of its neighbourhood.
 * - A component that relates to a claim outside `written` is regraded from the graph with that
 *   claim (grading/load-claims, in the same first round trip): its grade, and the grades of what
 *   depends on it, change.
 * - A source or actor whose declaration changed (stale) regrades every claim told through it in
 *   other articles (a second round trip, only when there are such claims).
 *
 * Then one statement stores every grade and every named agent's reliability. The result equals a
 * full regrade (`recomputeGrades` over every claim): tests/integration/grading-incremental.int.test.ts.
 */
export async function gradeWritten(
  tx: Tx,
  written: readonly IngestRows[],
  options: GradeWrittenOptions,
): Promise<RecomputeResult> {
  if (!options.fresh) {
    return gradeIngested(tx, {
      claims: written.flatMap((rows) => rows.claims),
      externalClaimKeys: written.flatMap((rows) => rows.externalClaimKeys),
      sources: written.flatMap((rows) => rows.sources),
      actors: written.flatMap((rows) => rows.actors),
    });
  }
  const config = options.config ?? gradingConfig();
  const claims = new Map<string, Record<string, unknown>>();
  for (const rows of written) for (const c of rows.claims) claims.set(String(c.key), c);
  const relations = written.flatMap((rows) => rows.relations);

  // Relation components among the written claims; a component touching any other claim is remote.
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(k, root);
    return root;
  };
  const outside = new Set<string>();
  for (const r of relations) {
    if (claims.has(r.toKey)) parent.set(find(r.fromKey), find(r.toKey));
    else outside.add(r.toKey);
  }
  const remoteRoots = new Set(relations.filter((r) => !claims.has(r.toKey)).map((r) => find(r.fromKey)));
  const local = [...claims.keys()].filter((k) => !remoteRoots.has(find(k)));
  const remote = [...claims.keys()].filter((k) => remoteRoots.has(find(k)));

  const agentKeys = [
    ...new Set(written.flatMap((rows) => [...rows.sources, ...rows.actors].map((a) => String(a.key)))),
  ];
  const [agentRows, remoteRows] = await Promise.all([
    agentKeys.length > 0
      ? tx.rows(cypher('grading/written-agents'), { agentKeys, localClaims: [...claims.keys()] })
      : Promise.resolve([]),
    loadClaims(tx, [...remote, ...outside]),
  ]);
  const agents = new Map(agentRows.map((r) => [String(r.key), agentOf(r)]));
  const staleClaims = agentRows.flatMap((r) => (r.claimKeys as string[] | null) ?? []);
  const staleRows = await loadClaims(tx, staleClaims);

  // Graded from the graph: the remote components, what they touch, and the stale agents' claims.
  const loaded = gradeLoaded([...remoteRows, ...staleRows], config);
  const grades = loaded.grades;
  for (const [key, agent] of agents) loaded.agents.set(key, agent);

  // Graded from the rows: the local components.
  const evidence = new Map<string, ClaimEvidence>();
  const links = new Map<string, ChainLink[]>();
  for (const rows of written) {
    for (const t of rows.tellings) {
      const claimKey = String(t.claimKey);
      if (t.agentKey == null || !claims.has(claimKey)) continue;
      const agent = agents.get(String(t.agentKey));
      if (!agent)
        throw new Error(`grading: agent "${String(t.agentKey)}" of ${String(t.key)} was not returned`);
      const props = t.props as { hop: number; role: string; anonymous?: boolean };
      const list = links.get(claimKey) ?? [];
      list.push({ hop: props.hop, role: props.role, anonymous: props.anonymous === true, agent });
      links.set(claimKey, list);
    }
  }
  const same = new Map<string, Set<string>>();
  const supports = new Map<string, Set<string>>(); // target -> its direct supporters
  const contradicts = new Map<string, Set<string>>(); // either direction
  const edge = (m: Map<string, Set<string>>, a: string, b: string) => {
    const set = m.get(a) ?? new Set<string>();
    set.add(b);
    m.set(a, set);
  };
  for (const r of relations) {
    if (!claims.has(r.toKey)) continue;
    if (r.type === 'SAME_STATEMENT') {
      edge(same, r.fromKey, r.toKey);
      edge(same, r.toKey, r.fromKey);
    } else if (r.type === 'SUPPORTS') edge(supports, r.toKey, r.fromKey);
    else if (r.type === 'CONTRADICTS') {
      edge(contradicts, r.fromKey, r.toKey);
      edge(contradicts, r.toKey, r.fromKey);
    }
  }
  for (const key of local) {
    const c = claims.get(key)!;
    const props = c.props as { kind?: string; status?: string; outletAnalysis?: boolean; hedges?: string[] };
    evidence.set(key, {
      key,
      ...(props.kind ? { kind: props.kind } : {}),
      status: props.status ?? 'accepted',
      outletAnalysis: props.outletAnalysis === true,
      hedges: props.hedges ?? [],
      chain: (links.get(key) ?? []).sort((a, b) => a.hop - b.hop),
      sameStatementAs: [...(same.get(key) ?? [])],
      assessments: [],
    });
  }
  for (const key of local) {
    // Relations follow the statement: what supports or contradicts any wording within four
    // SAME_STATEMENT steps weighs on this one (as grading/load-claims reads it).
    const wordings = new Set([key]);
    let frontier = [key];
    for (let step = 0; step < 4 && frontier.length > 0; step++) {
      frontier = frontier.flatMap((k) => [...(same.get(k) ?? [])]).filter((k) => !wordings.has(k));
      for (const k of frontier) wordings.add(k);
    }
    const around = (m: Map<string, Set<string>>) =>
      [...wordings].flatMap((w) => [...(m.get(w) ?? [])]).filter((k) => k !== key);
    grades.set(key, gradeWith(evidence, key, around(supports), around(contradicts), config));
  }
  return storeGrades(tx, grades, loaded.agents, config);
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
