/**
 * The numbers grading runs on, in one object: default Admiralty reliability by kind of agent,
 * what each grade is worth, and the weight of every factor. They are a policy, not a law of
 * nature, so a deployment can override any of them (GRADING_CONFIG: a JSON object or the path of
 * a JSON file) without touching the grading logic. docs/grading.md explains each value.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ActorKind, ReliabilityGrade, SourceKind } from './document.js';

const weight = z.number().min(0).max(1);

/** Every kind of agent that can tell a claim: source kinds and actor kinds (they do not overlap). */
export const AgentKind = z.enum([...SourceKind.options, ...ActorKind.options]);
export type AgentKind = z.infer<typeof AgentKind>;

export const GradingConfigSchema = z
  .object({
    /** Default reliability of an agent nobody has graded, by its kind. */
    reliabilityByKind: z.record(AgentKind, ReliabilityGrade),
    /** What a reliability grade is worth as a probability that the agent relays it faithfully. */
    reliabilityWeight: z.record(ReliabilityGrade, weight),
    /**
     * The best grade an unnamed source can have, even when a fact-checker overrides it: the
     * reader cannot check who it is, so it is never graded as if named.
     */
    anonymousReliabilityCap: ReliabilityGrade,
    /** Subtracted per hop between the original speaker and the article beyond the first. */
    hearsayHopPenalty: weight,
    /** Subtracted per unnamed link in the chain. */
    anonymousHopPenalty: weight,
    /** Subtracted per hedge ("reportedly", "according to leaks") and per hedging hop role. */
    hedgePenalty: weight,
    /** The most hedges can take away in total. */
    maxHedgePenalty: weight,
    /** Hop roles that hedge by themselves: a hint is not a statement. */
    hedgingRoles: z.array(z.string().min(1)),
    /**
     * Kinds of body that speak with one voice. A speaker whose affiliation chain (official ->
     * ministry -> government -> state) reaches such a body is folded into the highest one, so a
     * government's officials, offices and the government itself are one origin, never
     * corroboration of each other. Empty: no folding (origins compared agent by agent).
     */
    oneVoiceKinds: z.array(z.string().min(1)),
    /** Added per independent corroborating origin, times that origin's strength. */
    corroborationPerOrigin: weight,
    maxCorroboration: weight,
    /** Subtracted per contradicting claim, times that claim's strength. */
    contradictionPerClaim: weight,
    maxContradiction: weight,
    /**
     * Claim kinds that report a party's stance (a demand, a rejection). A stance opposed by another
     * party's stance is a disagreement, not a contradiction: it does not lower confidence that
     * the stance was taken. Empty: every CONTRADICTS weighs.
     */
    stanceKinds: z.array(z.string().min(1)),
    /** How far the latest fact-checker assessment pulls confidence to its rating (1 = all the way). */
    assessmentWeight: weight,
    /** Normalised ratings of verdicts given without a numeric rating (keys are slugs). */
    verdictRatings: z.record(z.string().min(1), weight),
    /** Confidence bands of information credibility 2, 3 (below the last band: 4). */
    probablyTrueFrom: weight,
    possiblyTrueFrom: weight,
    /** Credibility 1 needs this confidence and another independent origin at least this strong. */
    confirmedFrom: weight,
    confirmingStrengthFrom: weight,
    /** A contradicted claim below this confidence is improbable (credibility 5). */
    improbableBelow: weight,
    /** An assessment rating at or above this confirms (1); at or below `falseRatingAtMost`, improbable (5). */
    confirmedRatingFrom: weight,
    falseRatingAtMost: weight,
  })
  .strict();

export type GradingConfig = z.infer<typeof GradingConfigSchema>;

export const defaultGradingConfig: GradingConfig = {
  reliabilityByKind: {
    wire: 'B',
    outlet: 'B',
    official_body: 'C',
    document: 'C',
    person: 'C',
    government: 'C',
    state: 'C',
    organisation: 'C',
    group: 'D',
    anonymous: 'F',
    leak: 'F',
  },
  reliabilityWeight: { A: 1, B: 0.85, C: 0.7, D: 0.5, E: 0.3, F: 0.45 },
  anonymousReliabilityCap: 'C',
  hearsayHopPenalty: 0.05,
  anonymousHopPenalty: 0.1,
  hedgePenalty: 0.05,
  maxHedgePenalty: 0.15,
  hedgingRoles: ['hinted', 'portrayed'],
  oneVoiceKinds: ['government', 'state'],
  corroborationPerOrigin: 0.15,
  maxCorroboration: 0.3,
  contradictionPerClaim: 0.25,
  maxContradiction: 0.4,
  stanceKinds: ['demand', 'position', 'proposal', 'rejection', 'warning'],
  assessmentWeight: 0.8,
  verdictRatings: {
    true: 1,
    correct: 1,
    accurate: 1,
    'mostly-true': 0.8,
    'half-true': 0.5,
    mixed: 0.5,
    'mostly-false': 0.2,
    misleading: 0.3,
    false: 0,
    incorrect: 0,
    'pants-on-fire': 0,
    fabricated: 0,
  },
  probablyTrueFrom: 0.6,
  possiblyTrueFrom: 0.4,
  confirmedFrom: 0.6,
  confirmingStrengthFrom: 0.5,
  improbableBelow: 0.35,
  confirmedRatingFrom: 0.8,
  falseRatingAtMost: 0.2,
};

/** An override: any subset of the settings; maps merge key by key onto the defaults. */
export const GradingConfigOverride = GradingConfigSchema.partial().extend({
  reliabilityByKind: z.partialRecord(AgentKind, ReliabilityGrade).optional(),
  reliabilityWeight: z.partialRecord(ReliabilityGrade, weight).optional(),
});
export type GradingConfigOverride = z.infer<typeof GradingConfigOverride>;

export class GradingConfigError extends Error {
  constructor(message: string) {
    super(`invalid GRADING_CONFIG: ${message}`);
    this.name = 'GradingConfigError';
  }
}

/** The defaults with an override applied. */
export function mergeGradingConfig(override: GradingConfigOverride = {}): GradingConfig {
  const { reliabilityByKind, reliabilityWeight, verdictRatings, ...rest } = override;
  const merged = {
    ...defaultGradingConfig,
    ...rest,
    reliabilityByKind: { ...defaultGradingConfig.reliabilityByKind, ...reliabilityByKind },
    reliabilityWeight: { ...defaultGradingConfig.reliabilityWeight, ...reliabilityWeight },
    verdictRatings: { ...defaultGradingConfig.verdictRatings, ...verdictRatings },
  };
  return GradingConfigSchema.parse(merged);
}

/**
 * Reads GRADING_CONFIG from the environment (default `process.env`): unset means the defaults;
 * a value starting with `{` is the JSON override itself; anything else is the path of a JSON file.
 * A bad value is an error naming the setting, never a silent fall-back to the defaults.
 */
export function loadGradingConfig(env: Record<string, string | undefined> = process.env): GradingConfig {
  const raw = env.GRADING_CONFIG?.trim();
  if (!raw) return defaultGradingConfig;
  let json: unknown;
  try {
    json = JSON.parse(raw.startsWith('{') ? raw : readFileSync(raw, 'utf8'));
  } catch (error) {
    throw new GradingConfigError((error as Error).message);
  }
  const parsed = GradingConfigOverride.safeParse(json);
  if (!parsed.success) {
    throw new GradingConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
  }
  return mergeGradingConfig(parsed.data);
}
