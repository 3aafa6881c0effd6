/**
 * Reading claims and what hangs off them (their chains, appearances, relations, history,
 * assessments, shared origins): the one module that knows these read queries and the shape of
 * their rows. Rows are parsed with zod once, when their batch arrives (see `Parse` in
 * loaders.ts), so the schema's Claim, Hop, Appearance, RelatedClaim, Revision, Assessment and
 * SharedOrigin types are typed by these rows and a renamed property fails loudly.
 */
import DataLoader from 'dataloader';
import { z } from 'zod';
import { cypher } from '../db/cypher.js';
import { ClaimKind, ClaimStatus, RelationType } from '../domain/document.js';
import { FACTOR_NAMES } from '../domain/grading.js';
import { TELLING_ROLES } from '../domain/model.js';
import { AgentRow, primeAgent } from './agents.js';
import type { KeysetList, ListQueryName } from './keyset.js';
import { settled, type Loaders } from './loaders.js';
import { EvidenceProps, SaidProps, TimeProps, flag, optNumber, optText, strings } from './row.js';

export const ClaimRow = z.object({
  /** "<article id>#<claim id>". */
  key: z.string(),
  text: z.string(),
  quote: optText,
  kind: ClaimKind,
  status: ClaimStatus,
  hedges: strings,
  outletAnalysis: flag,
  ...TimeProps.shape,
  /** Sort day (ISO date): the earliest day it may have been said, else the article's date. */
  saidAt: z.string(),
  ...SaidProps.shape,
  ...EvidenceProps.shape,
  /** Increases with every change (1 before the first edit). */
  version: z
    .number()
    .nullish()
    .transform((v) => v ?? 1),
  updatedAt: optText,
  extractionConfidence: optNumber,
  /** The article that contains it (`CONTAINS`), added by the query. */
  articleKey: z.string(),
  // The grade, written by grading (null until graded, and for the outlet's own analysis).
  credibility: optNumber,
  confidence: optNumber,
  /** The factors behind the grade, as JSON (read with `gradeFactors()`). */
  gradeFactors: optText,
  // Independence, written by grading.
  independentOrigins: optNumber,
  circularReporting: flag,
  /** The independent origins, as JSON (read with `originGroups()`). */
  originGroups: optText,
});
export type ClaimRow = z.infer<typeof ClaimRow>;

/** One link of a claim's chain: a Telling node, hop 0 (the article) first. */
export const TellingRow = z.object({
  hop: z.number(),
  role: z.enum(TELLING_ROLES),
  anonymous: flag,
  isOrigin: flag,
  ...TimeProps.shape,
  ...EvidenceProps.shape,
  /** Who tells at this link (`TOLD_BY`). */
  agentKey: z.string(),
  /** To whom (`ADDRESSED_TO`), when the article says. */
  addresseeKey: optText,
});
export type TellingRow = z.infer<typeof TellingRow>;

/** A telling as claim/chains returns it: with its agent and addressee in full (primed). */
const ChainHopRow = TellingRow.extend({
  agent: AgentRow.nullable().default(null),
  addressee: AgentRow.nullable().default(null),
});
const ClaimChainRow = z.object({ claim: ClaimRow, chain: z.array(ChainHopRow) });

/** One telling of the same statement (this claim or a same-statement equivalent), earliest first. */
export const AppearanceRow = z.object({
  claimKey: z.string(),
  articleKey: z.string(),
  publishedAt: optText,
  saidAt: z.string(),
  ...SaidProps.shape,
  /** Who said it first in that telling. */
  originAgentKey: optText,
  quote: optText,
  text: optText,
});
export type AppearanceRow = z.infer<typeof AppearanceRow>;

export const DIRECTIONS = ['OUTGOING', 'INCOMING'] as const;

/** A claim related to this one: SUPPORTS, CONTRADICTS or SAME_STATEMENT, either direction. */
export const RelatedRow = z.object({
  type: RelationType,
  direction: z.enum(DIRECTIONS),
  note: optText,
  claimKey: z.string(),
  /** The other wording of this statement that carries a derived relation; null for its own. */
  via: optText,
  ownWording: optText,
  otherWording: optText,
});
export type RelatedRow = z.infer<typeof RelatedRow>;

/** One change in a claim's history (a Revision node). */
export const RevisionRow = z.object({
  version: z.number(),
  at: z.string(),
  by: optText,
  change: z.string(),
  via: optText,
  note: optText,
});
export type RevisionRow = z.infer<typeof RevisionRow>;

/** A fact-check verdict on a claim (an Assessment node). */
export const AssessmentRow = z.object({
  key: z.string(),
  verdict: z.string(),
  ratingValue: optNumber,
  bestRating: optNumber,
  worstRating: optNumber,
  ratingName: optText,
  reviewer: z.string(),
  note: optText,
  date: z.string(),
});
export type AssessmentRow = z.infer<typeof AssessmentRow>;

/** What two claims resting on one origin share (the query's `basis`). */
export const SHARED_BASES = [
  'WIRE_STORY',
  'UNNAMED_SOURCE',
  'POSSIBLY_SAME_SOURCE',
  'ORIGINAL_SPEAKER',
  'FOLDED_VOICE',
] as const;
export type SharedBasis = (typeof SHARED_BASES)[number];

/** Another claim resting on the same origin as this one, and every element they share. */
export const SharedOriginRow = z.object({
  claimKey: z.string(),
  shared: z.array(z.object({ basis: z.enum(SHARED_BASES), agentKey: z.string(), agentName: z.string() })),
});
export type SharedOriginRow = z.infer<typeof SharedOriginRow>;

/** What a claim refers to, by label. */
const AboutRow = z.object({ key: z.string(), type: z.enum(['Actor', 'Place', 'Event', 'Source']) });

/** One factor behind a grade, as grading stores it (JSON on the claim). */
export const GradeFactorRow = z.object({
  factor: z.enum(FACTOR_NAMES),
  effect: z.number(),
  detail: z.string(),
});
export type GradeFactorRow = z.infer<typeof GradeFactorRow>;

const Fold = z.object({
  claimKey: z.string(),
  agentKey: z.string(),
  agentName: z.string(),
  intoKey: z.string(),
  intoName: z.string(),
});
/** One independent origin, as grading stores it (JSON on the claim; see domain/independence.ts). */
export const OriginGroupRow = z.object({
  claimKeys: z.array(z.string()),
  originNames: z.array(z.string()),
  includesSubject: z.boolean(),
  /** Absent on claims graded before folds were recorded. */
  folds: z.array(Fold).default([]),
});
export type OriginGroupRow = z.infer<typeof OriginGroupRow>;

/** The factors behind a claim's grade, in the order applied (none when ungraded). */
export function gradeFactors(claim: ClaimRow): GradeFactorRow[] {
  return claim.gradeFactors === null ? [] : z.array(GradeFactorRow).parse(JSON.parse(claim.gradeFactors));
}

/** The independent origins behind a claim (none when ungraded). */
export function originGroups(claim: ClaimRow): OriginGroupRow[] {
  return claim.originGroups === null ? [] : z.array(OriginGroupRow).parse(JSON.parse(claim.originGroups));
}

const parseClaim = (value: unknown): ClaimRow => ClaimRow.parse(value);
const each =
  <T>(schema: z.ZodType<T>) =>
  (value: unknown): T =>
    schema.parse(value);

/** A claim by key; null when there is none. */
export function claimByKey(loaders: Loaders, key: string): Promise<ClaimRow | null> {
  return loaders.row('claim/by-keys', key, parseClaim);
}

/** A claim that must exist (an appearance's, a relation's): its absence is a broken graph. */
export async function existingClaim(loaders: Loaders, key: string): Promise<ClaimRow> {
  const claim = await claimByKey(loaders, key);
  if (!claim) throw new Error(`claim ${key} missing`);
  return claim;
}

/** Claims by key, in the same order: null for a key naming none. */
export function claimsByKeys(loaders: Loaders, keys: readonly string[]): Promise<(ClaimRow | null)[]> {
  return loaders.rows('claim/by-keys', keys, parseClaim);
}

/** The claims of these keys that exist, in the same order. */
export async function existingClaims(loaders: Loaders, keys: readonly string[]): Promise<ClaimRow[]> {
  return (await claimsByKeys(loaders, keys)).filter((c): c is ClaimRow => c !== null);
}

interface ClaimChain {
  claim: ClaimRow | null;
  chain: TellingRow[];
}

/**
 * Claims with their chains in one round trip (claim/chains), batched across the request; the
 * claim loader and the agent loader are primed from the same statement, so a provenance needs
 * no second query for the claim or its tellers.
 */
function chains(loaders: Loaders): DataLoader<string, ClaimChain> {
  return loaders.batch('claim/chains', () => {
    return new DataLoader<string, ClaimChain>(async (keys) => {
      const rows = await loaders.db.readOne(cypher('claim/chains'), { keys });
      const byKey = new Map(rows.map((r) => [String(r.key), r]));
      return keys.map((key) => {
        const row = byKey.get(key);
        if (!row) return { claim: null, chain: [] };
        const { claim, chain } = ClaimChainRow.parse(row);
        loaders.primeRow('claim/by-keys', key, claim, parseClaim);
        for (const hop of chain) {
          if (hop.agent) primeAgent(loaders, hop.agent);
          if (hop.addressee) primeAgent(loaders, hop.addressee);
        }
        return { claim, chain };
      });
    });
  });
}

/** The attribution chain of a claim (hop 0 first), batched with every other claim's. */
export async function chainOf(loaders: Loaders, claimKey: string): Promise<TellingRow[]> {
  return (await chains(loaders).load(claimKey)).chain;
}

/** A claim with its chain read in the same round trip (for a request that asks for provenance). */
export async function claimWithChain(loaders: Loaders, key: string): Promise<ClaimRow | null> {
  return (await chains(loaders).load(key)).claim;
}

/** Claims with their chains, in the same order: null for a key naming none. */
export async function claimsWithChains(
  loaders: Loaders,
  keys: readonly string[],
): Promise<(ClaimRow | null)[]> {
  return settled(await chains(loaders).loadMany(keys)).map((r) => r.claim);
}

/** Every telling of the claim's statement, earliest first (the first answers "who said it first"). */
export function appearancesOf(loaders: Loaders, claimKey: string): Promise<AppearanceRow[]> {
  return loaders.rowList('claim/appearances', claimKey, each(AppearanceRow));
}

/** Claims related to this one, of the given types (all when null). */
export function relatedOf(
  loaders: Loaders,
  claimKey: string,
  types: readonly string[] | null,
): Promise<RelatedRow[]> {
  return loaders.rowList('claim/related', claimKey, each(RelatedRow), { types });
}

/** Who changed what, when: oldest first. */
export function historyOf(loaders: Loaders, claimKey: string): Promise<RevisionRow[]> {
  return loaders.rowList('claim/history', claimKey, each(RevisionRow));
}

/** Fact-check assessments of the claim, newest first. */
export function assessmentsOf(loaders: Loaders, claimKey: string): Promise<AssessmentRow[]> {
  return loaders.rowList('claim/assessments', claimKey, each(AssessmentRow));
}

/** The keys of the actors and sources the claim refers to, by key. */
export async function agentKeysAbout(loaders: Loaders, claimKey: string): Promise<string[]> {
  const about = await loaders.rowList('claim/about', claimKey, each(AboutRow));
  return about.filter((r) => r.type === 'Actor' || r.type === 'Source').map((r) => r.key);
}

/** Every other claim resting on the same origin as this one (see claim/shared-origins). */
export function sharedOriginsOf(
  loaders: Loaders,
  claimKey: string,
  params: {
    statuses: readonly string[];
    oneVoiceKinds: readonly string[];
    unnamedStopWords: readonly string[];
  },
): Promise<SharedOriginRow[]> {
  return loaders.rowList('claim/shared-origins', claimKey, each(SharedOriginRow), params);
}

/** The claim lists of an agent: those it said first, those it passed on, those about it. */
const AGENT_CLAIM_LISTS = {
  said: 'agent/said',
  passedOn: 'agent/passed-on',
  saidAbout: 'agent/said-about',
} as const satisfies Record<string, ListQueryName>;
export type AgentClaims = keyof typeof AGENT_CLAIM_LISTS;

/** An agent's claims of one kind (`AgentClaims`), newest first; batched across agents. */
export function agentClaimList(
  loaders: Loaders,
  which: AgentClaims,
  agentKey: string,
  statuses: readonly string[],
): KeysetList {
  return loaders.parentList(AGENT_CLAIM_LISTS[which], agentKey, { statuses });
}

/** An article's claims, in the order they stand in its text. */
export function articleClaimList(
  loaders: Loaders,
  articleKey: string,
  statuses: readonly string[],
): KeysetList {
  return loaders.parentList('article/claims', articleKey, { statuses });
}

/** The claims tied to an event, in the order they were said. */
export function eventClaimList(loaders: Loaders, eventKey: string, statuses: readonly string[]): KeysetList {
  return loaders.parentList('event/claims', eventKey, { statuses });
}

/** Claims in a contradiction, most confident first. */
export function contestedClaimList(loaders: Loaders, statuses: readonly string[]): KeysetList {
  return loaders.list('claim/contested', { statuses });
}

/**
 * Full-text search hits, best first, for a Lucene query made by `toLuceneQuery` (null: the text
 * had nothing to search for, so the list is empty).
 */
export function claimSearchList(
  loaders: Loaders,
  query: string | null,
  statuses: readonly string[],
): KeysetList {
  const list = loaders.list('claim/search', { query, statuses });
  return query ? list : { ...list, fetchPage: () => Promise.resolve({ total: 0, rows: [] }) };
}
