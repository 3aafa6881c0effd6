/**
 * Graded, explainable confidence: pure and deterministic, so the same graph always yields the
 * same grades and every grade can be re-derived from its factors.
 *
 * Two grades, kept apart as the Admiralty system does: each agent's reliability (A-F) and each
 * claim's information credibility (1-6) with a numeric confidence in [0, 1]. Confidence is a
 * sum of signed factor effects, starting from the original speaker's reliability; the factors
 * are returned with a sentence each, so the sum can be read back to a fact-checker.
 * docs/grading.md describes the model and its defaults.
 */
import { latestAssessment, normalisedRating, type RecordedAssessment } from './assessment.js';
import type { ReliabilityGrade } from './document.js';
import { AgentKind, defaultGradingConfig, type GradingConfig } from './grading-config.js';
import {
  describeFold,
  foldOf,
  independentOrigins,
  type Affiliation,
  type IndependentOrigin,
  type ReportingChain,
} from './independence.js';

export const RELIABILITY_MEANING: Record<ReliabilityGrade, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};

/** Admiralty information credibility. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;
export const CREDIBILITY_MEANING: Record<Credibility, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};

/** Who tells at one link, with what the graph knows about how far to trust them. */
export interface GradedAgent {
  key: string;
  name: string;
  kind: string;
  anonymous: boolean;
  /** How an unnamed source is described (compared for "possibly the same source"). */
  description?: string | null;
  reliabilityOverride?: ReliabilityGrade | null;
  reliabilityReason?: string | null;
  /** Who the agent belongs to, nearest first: its ministry, its government, its state. */
  affiliations?: readonly Affiliation[];
}

export interface ChainLink {
  /** 0 is the article's publisher; the last link is the original speaker. */
  hop: number;
  role: string;
  anonymous: boolean;
  agent: GradedAgent;
}

/** Everything grading needs to know about one claim by itself. */
export interface ClaimEvidence {
  key: string;
  /** Claim kind (report, demand, ...); stance kinds change what a contradiction means. */
  kind?: string;
  status: string;
  outletAnalysis: boolean;
  hedges: readonly string[];
  /** The publisher's telling first, the origin's last. */
  chain: readonly ChainLink[];
  sameStatementAs?: readonly string[];
  assessments?: readonly RecordedAssessment[];
}

export interface GradingInput {
  claim: ClaimEvidence;
  /** Claims that SUPPORT this one. */
  supporters?: readonly ClaimEvidence[];
  /** Claims that CONTRADICT this one or that it contradicts: contradiction is mutual. */
  contradictors?: readonly ClaimEvidence[];
}

/** Every reason a grade can move, in the order docs/grading.md explains them (the API's enum). */
export const FACTOR_NAMES = [
  'not-graded',
  'outlet-analysis',
  'origin-reliability',
  'weakest-link',
  'hearsay-depth',
  'anonymity',
  'hedges',
  'affiliation-fold',
  'corroboration',
  'circular-reporting',
  'ignored-relation',
  'contradiction',
  'disagreement',
  'assessment',
  'bounds',
] as const;
export type FactorName = (typeof FACTOR_NAMES)[number];

export interface GradeFactor {
  factor: FactorName;
  /** Signed change to confidence; the effects of a graded claim sum to its confidence. */
  effect: number;
  detail: string;
}

export interface ClaimGrade {
  /** Null when the claim is not graded (a draft or a rejected extraction). */
  credibility: Credibility | null;
  /** Null when not graded and for the outlet's own analysis. */
  confidence: number | null;
  factors: GradeFactor[];
  /** Independent origins behind the claim, its own included; null when not graded as a fact. */
  independentOrigins: number | null;
  circularReporting: boolean | null;
  origins: IndependentOrigin[];
}

export interface AgentReliability {
  grade: ReliabilityGrade;
  weight: number;
  /** Why this grade: the default of the kind, a fact-checker's override, or the anonymity cap. */
  basis: string;
}

const KIND_LABEL: Record<AgentKind, string> = {
  wire: 'a wire service',
  outlet: 'an established outlet',
  official_body: 'an official body',
  document: 'a document',
  person: 'a named person',
  government: 'a government',
  state: 'a state',
  organisation: 'an organisation',
  group: 'a group',
  anonymous: 'an unnamed source',
  leak: 'leaked material',
};

const GRADES: readonly ReliabilityGrade[] = ['A', 'B', 'C', 'D', 'E', 'F'];
const round = (x: number) => Math.round(x * 10_000) / 10_000;
const fmt = (x: number) => x.toFixed(2);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function isAnonymous(agent: GradedAgent, link?: ChainLink): boolean {
  return agent.anonymous || link?.anonymous === true || agent.kind === 'anonymous' || agent.kind === 'leak';
}

/**
 * An agent's effective reliability: a fact-checker's override, else the default of its kind. An
 * unnamed agent takes the default of unnamed sources whatever kind it is recorded as, and never
 * rises above the anonymity cap: it is never graded as if named.
 */
export function agentReliability(
  agent: GradedAgent,
  config: GradingConfig = defaultGradingConfig,
  link?: ChainLink,
): AgentReliability {
  const anonymous = isAnonymous(agent, link);
  const kind = AgentKind.safeParse(agent.kind);
  const defaultKind = anonymous
    ? agent.kind === 'leak'
      ? 'leak'
      : 'anonymous'
    : kind.success
      ? kind.data
      : undefined;
  let grade: ReliabilityGrade;
  let basis: string;
  if (agent.reliabilityOverride) {
    grade = agent.reliabilityOverride;
    basis = `fact-checker's grade${agent.reliabilityReason ? ` (${agent.reliabilityReason})` : ''}`;
  } else if (defaultKind) {
    grade = config.reliabilityByKind[defaultKind];
    basis = `default for ${KIND_LABEL[defaultKind]}`;
  } else {
    grade = 'F';
    basis = `unknown kind "${agent.kind}"`;
  }
  const cap = config.anonymousReliabilityCap;
  if (anonymous && grade !== 'F' && GRADES.indexOf(grade) < GRADES.indexOf(cap)) {
    basis = `${basis}, capped at ${cap} because the source is unnamed`;
    grade = cap;
  }
  return { grade, weight: config.reliabilityWeight[grade], basis };
}

function describeAgent(agent: GradedAgent, r: AgentReliability): string {
  const who = isAnonymous(agent)
    ? `${agent.name} (unnamed)`
    : `${agent.name} (${agent.kind.replace('_', ' ')})`;
  return `${who}, reliability ${r.grade}: ${RELIABILITY_MEANING[r.grade]}, ${r.basis}`;
}

/** The chain as independence sees it. */
export function reportingChainOf(claim: ClaimEvidence): ReportingChain {
  return {
    claimKey: claim.key,
    agents: claim.chain.map((l) => ({
      key: l.agent.key,
      name: l.agent.name,
      kind: l.agent.kind,
      anonymous: isAnonymous(l.agent, l),
      affiliations: l.agent.affiliations ?? [],
    })),
    sameStatementAs: claim.sameStatementAs ?? [],
  };
}

/**
 * The claim's confidence from its own evidence only (chain, hedges, assessment), without its
 * relations. It is what a claim weighs when it supports or contradicts another: using it, rather
 * than the neighbour's full grade, keeps grading free of cycles and makes one hop enough.
 */
export function intrinsicConfidence(claim: ClaimEvidence, config: GradingConfig = defaultGradingConfig) {
  return gradeClaim({ claim }, config).confidence;
}

export function gradeClaim(input: GradingInput, config: GradingConfig = defaultGradingConfig): ClaimGrade {
  const { claim } = input;
  if (claim.status !== 'accepted') {
    return ungraded(
      'not-graded',
      `Not graded: the claim is ${claim.status === 'draft' ? 'a draft awaiting review' : `${claim.status}`}.`,
      null,
    );
  }
  if (claim.outletAnalysis || claim.chain.length === 0) {
    return ungraded(
      'outlet-analysis',
      "The outlet's own analysis or opinion: not a sourced fact, so it is not graded (credibility 6, cannot be judged).",
      6,
    );
  }

  const factors: GradeFactor[] = [];
  let confidence = 0;
  const add = (factor: FactorName, effect: number, detail: string) => {
    confidence += effect;
    factors.push({ factor, effect: round(effect), detail });
  };

  // The chain: its original speaker's reliability, capped by its weakest link. Together the two
  // equal the lowest weight in the chain, so no added link can raise them.
  const graded = claim.chain.map((link) => ({ link, r: agentReliability(link.agent, config, link) }));
  const origin = graded[graded.length - 1]!;
  add('origin-reliability', origin.r.weight, `Said first by ${describeAgent(origin.link.agent, origin.r)}.`);
  const weakest = graded.reduce((w, g) => (g.r.weight < w.r.weight ? g : w));
  if (weakest.r.weight < origin.r.weight) {
    add(
      'weakest-link',
      weakest.r.weight - origin.r.weight,
      `The chain is no stronger than its weakest link, ${describeAgent(weakest.link.agent, weakest.r)}.`,
    );
  }

  const depth = claim.chain.length - 1;
  if (depth > 1) {
    add(
      'hearsay-depth',
      -config.hearsayHopPenalty * (depth - 1),
      `Hearsay: ${plural(depth - 1, 'hop')} between the original speaker and the article's direct source (depth ${depth}).`,
    );
  }

  const unnamed = claim.chain.filter((l) => isAnonymous(l.agent, l));
  if (unnamed.length > 0) {
    add(
      'anonymity',
      -config.anonymousHopPenalty * unnamed.length,
      `${plural(unnamed.length, 'unnamed link')} (${unnamed.map((l) => l.agent.name).join(', ')}): the reader cannot check who said it.`,
    );
  }

  const hedgingRoles = claim.chain.filter((l) => config.hedgingRoles.includes(l.role));
  const hedgeWords = [...claim.hedges, ...hedgingRoles.map((l) => `${l.agent.name} ${l.role}`)];
  if (hedgeWords.length > 0) {
    add(
      'hedges',
      -Math.min(config.maxHedgePenalty, config.hedgePenalty * hedgeWords.length),
      `Hedged: ${hedgeWords.map((h) => `"${h}"`).join(', ')}.`,
    );
  }

  // Corroboration counts independent origins, not supporting claims (circular reporting).
  const supporters = usable(input.supporters ?? [], 'supporting', factors, config);
  const subjectChain = reportingChainOf(claim);
  const supporterChains = supporters.map((s) => reportingChainOf(s.claim));
  const independence = independentOrigins(subjectChain, supporterChains, {
    oneVoiceKinds: config.oneVoiceKinds,
  });
  // Every fold is named, the subject's own first, whether or not it changed the count.
  const folds = [subjectChain, ...supporterChains]
    .map((c) => foldOf(c, config.oneVoiceKinds))
    .filter((f) => f !== null);
  if (folds.length > 0) {
    const named = [...new Set(folds.map((f) => `${describeFold(f)} (${f.claimKey})`))];
    factors.push({
      factor: 'affiliation-fold',
      effect: 0,
      detail: `${named.join('; ')}: a ${config.oneVoiceKinds.join(' or ')} and its officials and offices speak with one voice, so they count as one origin, never as corroboration of each other.`,
    });
  }
  const strengthOf = new Map(supporters.map((s) => [s.claim.key, s.strength]));
  const others = independence.origins.filter((o) => !o.includesSubject);
  const strengths = others.map((o) => Math.max(...o.claimKeys.map((k) => strengthOf.get(k) ?? 0)));
  if (others.length > 0) {
    const raw = strengths.reduce((sum, s) => sum + config.corroborationPerOrigin * s, 0);
    add(
      'corroboration',
      Math.min(config.maxCorroboration, raw),
      `Supported by ${plural(others.length, 'independent origin')}: ${others
        .map(
          (o, i) => `${o.originNames.join(', ')} (${o.claimKeys.join(', ')}, strength ${fmt(strengths[i]!)})`,
        )
        .join('; ')}.`,
    );
  }
  if (independence.circularReporting) {
    factors.push({ factor: 'circular-reporting', effect: 0, detail: independence.explanation.join(' ') });
  }

  // Two parties' opposed positions (a demand and its rejection) clash without either report
  // being less likely true: that is a disagreement, noted but not weighed as a contradiction.
  const opposed = usable(input.contradictors ?? [], 'contradicting', factors, config).sort((a, b) =>
    a.claim.key.localeCompare(b.claim.key),
  );
  const isStance = (c: ClaimEvidence) => c.kind !== undefined && config.stanceKinds.includes(c.kind);
  const contradictors = opposed.filter((c) => !isStance(claim) && !isStance(c.claim));
  const disagreements = opposed.filter((c) => isStance(claim) || isStance(c.claim));
  if (disagreements.length > 0) {
    factors.push({
      factor: 'disagreement',
      effect: 0,
      detail: `Opposed by ${disagreements.map((c) => `${c.claim.key} (${c.claim.kind ?? 'claim'})`).join(', ')}: a clash of positions (${
        isStance(claim) ? `this claim is a ${claim.kind}` : 'the other side states a position'
      }), not evidence against the report, so not counted as a contradiction.`,
    });
  }
  if (contradictors.length > 0) {
    const raw = contradictors.reduce((sum, c) => sum + config.contradictionPerClaim * c.strength, 0);
    add(
      'contradiction',
      -Math.min(config.maxContradiction, raw),
      `Contradicted by ${contradictors.map((c) => `${c.claim.key} (strength ${fmt(c.strength)})`).join(', ')}.`,
    );
  }

  // Bounded before the assessment, which then blends from a real probability.
  if (confidence < 0 || confidence > 1) {
    const bounded = Math.min(1, Math.max(0, confidence));
    add('bounds', bounded - confidence, `Confidence is bounded to [0, 1].`);
  }

  // A fact-checker's verdict dominates the evidence but does not erase it.
  const assessment = latestAssessment(claim.assessments ?? []);
  const rating = assessment ? normalisedRating(assessment, config) : null;
  if (assessment) {
    if (rating === null) {
      factors.push({
        factor: 'assessment',
        effect: 0,
        detail: `${assessment.reviewer} assessed it "${assessment.verdict}" on ${assessment.date}, a verdict with no rating: confidence is left to the evidence.`,
      });
    } else {
      const scale =
        assessment.ratingValue !== undefined && assessment.ratingValue !== null
          ? ` (${assessment.ratingValue} on ${assessment.worstRating ?? 1}..${assessment.bestRating ?? 5})`
          : '';
      add(
        'assessment',
        config.assessmentWeight * (rating - confidence),
        `${assessment.reviewer} assessed it "${assessment.verdict}"${scale} on ${assessment.date}: rating ${fmt(rating)}, which outweighs the evidence.`,
      );
    }
  }

  const final = round(Math.min(1, Math.max(0, confidence)));
  return {
    credibility: credibilityOf(final, {
      confirmingOrigins: strengths.filter((x) => x >= config.confirmingStrengthFrom).length,
      contradicted: contradictors.length > 0,
      rating,
      config,
    }),
    confidence: final,
    factors,
    independentOrigins: independence.independentOrigins,
    circularReporting: independence.circularReporting,
    origins: independence.origins,
  };
}

/** Neighbours that can weigh: accepted, sourced claims; the others are named in a factor. */
function usable(
  claims: readonly ClaimEvidence[],
  what: string,
  factors: GradeFactor[],
  config: GradingConfig,
) {
  const out: { claim: ClaimEvidence; strength: number }[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    // Null for a claim that is not accepted, the outlet's analysis, or without a chain.
    const strength = intrinsicConfidence(c, config);
    if (strength === null)
      ignored.push(`${c.key} (${c.outletAnalysis ? "the outlet's analysis" : c.status})`);
    else out.push({ claim: c, strength });
  }
  if (ignored.length > 0) {
    factors.push({
      factor: 'ignored-relation',
      effect: 0,
      detail: `Not counted as ${what}: ${ignored.sort().join(', ')}; only accepted, sourced claims weigh.`,
    });
  }
  return out;
}

/**
 * Admiralty credibility from the confidence and what stands behind it: 1 needs independent
 * confirmation (another origin of real strength, or a fact-checker's true verdict), 5 needs something against the
 * claim (a contradiction or a false verdict); otherwise the confidence bands give 2, 3 or 4.
 */
export function credibilityOf(
  confidence: number,
  ctx: { confirmingOrigins: number; contradicted: boolean; rating: number | null; config: GradingConfig },
): Credibility {
  const { config } = ctx;
  if (ctx.rating !== null && ctx.rating >= config.confirmedRatingFrom) return 1;
  if (ctx.rating !== null && ctx.rating <= config.falseRatingAtMost) return 5;
  if (ctx.rating === null && ctx.confirmingOrigins >= 1 && confidence >= config.confirmedFrom) return 1;
  if (ctx.contradicted && confidence < config.improbableBelow) return 5;
  if (confidence >= config.probablyTrueFrom) return 2;
  if (confidence >= config.possiblyTrueFrom) return 3;
  return 4;
}

function ungraded(factor: FactorName, detail: string, credibility: Credibility | null): ClaimGrade {
  return {
    credibility,
    confidence: null,
    factors: [{ factor, effect: 0, detail }],
    independentOrigins: null,
    circularReporting: null,
    origins: [],
  };
}
