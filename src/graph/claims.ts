/**
 * Reading claims and what hangs off them (their chains, appearances, relations, history,
 * assessments, shared origins): the one module that knows these read queries and the shape of
 * their rows. Rows are parsed with zod once, when their batch arrives (see `Parse` in
 * loaders.ts), so the schema's Claim, Hop, Appearance, RelatedClaim, Revision, Assessment and
 * SharedOrigin types are typed by these rows and a renamed property fails loudly.
 */
import DataLoader from 'dataloader';
import { z } from 'zod';
import { cypher, namedAs } from '../db/cypher.js';
import { ClaimKind, ClaimStatus, RelationType } from '../domain/document.js';
import { FACTOR_NAMES } from '../domain/grading.js';
import { TELLING_ROLES } from '../domain/model.js';
import { ActorRow, AgentRow, SourceRow, primeAgent } from './agents.js';
import { PageRow, type KeysetList, type ListQueryName, type ListStatement, type NodePage } from './keyset.js';
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

/**
 * A telling as claim/chains returns it, with its agent and addressee (whole, and primed into the
 * agent loader, unless the request asked for only part of them: see ClaimProjection).
 */
const ChainHopRow = TellingRow.extend({
  agent: AgentRow.nullable().default(null),
  addressee: AgentRow.nullable().default(null),
});
export type ChainHopRow = z.infer<typeof ChainHopRow>;
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

// ---- Which stored properties a claim read returns ----

/** A stored property of a claim that ClaimRow reads (`articleKey` comes from the article). */
export type ClaimProp = Exclude<keyof ClaimRow, 'articleKey'>;
/** A stored property of a telling that TellingRow reads (the two keys come from its neighbours). */
export type HopProp = Exclude<keyof TellingRow, 'agentKey' | 'addresseeKey'>;
/** A stored property of an actor or source that AgentRow reads (type and affiliation are computed). */
export type AgentProp = Exclude<keyof ActorRow | keyof SourceRow, 'type' | 'affiliationKey'>;

const propsOf = <K extends string>(shape: object, computed: readonly string[]): K[] =>
  Object.keys(shape).filter((k) => !computed.includes(k)) as K[];
const CLAIM_PROPS = propsOf<ClaimProp>(ClaimRow.shape, ['articleKey']);
const HOP_PROPS = propsOf<HopProp>(TellingRow.shape, ['agentKey', 'addresseeKey']);
const AGENT_PROPS = propsOf<AgentProp>({ ...ActorRow.shape, ...SourceRow.shape }, ['type', 'affiliationKey']);
/** What every claim row needs whatever the request asks: its identity and the schema's required values. */
const CLAIM_BASE: readonly ClaimProp[] = ['key', 'text', 'kind', 'status', 'saidAt'];
/** What every chain needs: its order, its origin, its unnamed links. */
const HOP_BASE: readonly HopProp[] = ['hop', 'role', 'anonymous', 'isOrigin'];
/** What every agent row needs: the schema's required values (its type is computed). */
const AGENT_BASE: readonly AgentProp[] = ['key', 'name', 'kind'];
// The body an agent speaks for, read only with the whole agent (the fields that show it).
const AFFILIATION = (agent: string) => `head([(${agent})-[:AFFILIATED_WITH]->(org:Actor) | org.key])`;

/** Stored property names of the Time, Said and Evidence groups, for the fields that read them. */
export const TIME_PROPS = Object.keys(TimeProps.shape) as (keyof TimeProps)[];
export const SAID_PROPS = Object.keys(SaidProps.shape) as (keyof SaidProps)[];
export const EVIDENCE_PROPS = Object.keys(EvidenceProps.shape) as (keyof EvidenceProps)[];

/**
 * The part of a claim (and of its tellings) a read returns. Reading every property a row schema
 * knows costs decoding values no field asks for: a page of 50 claims with their chains carried
 * about 107 values per claim where a speaker page shows about 17. A projection names the stored
 * properties the request's fields read (src/schema/projection.ts decides them from the selection,
 * falling back to WHOLE for any field it does not know); the rest of the row takes the schema's
 * empty values. A partial row is never put where another field could read it as whole: it is not
 * primed into the claim loader, and its chain travels with it (`chainOf`).
 */
export interface ClaimProjection {
  /** The claim's properties, sorted; null for every one ClaimRow reads. */
  readonly claim: readonly ClaimProp[] | null;
  /** The tellings' properties, sorted; null for every one TellingRow reads. */
  readonly hop: readonly HopProp[] | null;
  /** The hops' agents' and addressees' properties, sorted; null for every one AgentRow reads. */
  readonly agent: readonly AgentProp[] | null;
}

export const WHOLE: ClaimProjection = { claim: null, hop: null, agent: null };

/** What a request reads of some claims: which properties, and whether their chains too. */
export interface ClaimReads {
  projection: ClaimProjection;
  /** The request asks for the chain (provenance, speaker): read it in the same statement. */
  chain: boolean;
}

/** A projection reading these beyond each base (null: all of it); a canonical value. */
export function projection(
  claim: Iterable<ClaimProp> | null,
  hop: Iterable<HopProp> | null,
  agent: Iterable<AgentProp> | null,
): ClaimProjection {
  const canonical = <K extends string>(base: readonly K[], extra: Iterable<K> | null) =>
    extra === null ? null : [...new Set([...base, ...extra])].sort();
  return {
    claim: canonical(CLAIM_BASE, claim),
    hop: canonical(HOP_BASE, hop),
    agent: canonical(AGENT_BASE, agent),
  };
}

const signature = (p: ClaimProjection) =>
  [p.claim, p.hop, p.agent].map((names) => names?.join(',') ?? '*').join('|');
const PROPERTY = /^[a-zA-Z][a-zA-Z0-9]*$/;
const mapProjection = (names: readonly string[]) =>
  names
    .map((n) => {
      if (!PROPERTY.test(n)) throw new Error(`"${n}" is not a property name`);
      return `.${n}`;
    })
    .join(', ');

/**
 * claim/by-keys or claim/chains with its property lists filled from the row schemas' own keys
 * (a closed set: the text depends on the projection only, never on a value).
 */
export function claimStatement(name: 'claim/by-keys' | 'claim/chains', p: ClaimProjection): string {
  const text = cypher(name)
    .replaceAll('__Claim__', mapProjection(p.claim ?? CLAIM_PROPS))
    .replaceAll('__Telling__', mapProjection(p.hop ?? HOP_PROPS))
    .replaceAll('__Agent__', mapProjection(p.agent ?? AGENT_PROPS))
    .replaceAll('__AgentAffiliation__', p.agent === null ? AFFILIATION('agent') : 'null')
    .replaceAll('__AddresseeAffiliation__', p.agent === null ? AFFILIATION('addressee') : 'null');
  return namedAs(name, text);
}

/** The claims of one projection by key, batched across the request. */
function claimLoader(loaders: Loaders, p: ClaimProjection): DataLoader<string, ClaimRow | null> {
  return loaders.batch(`claim/by-keys ${signature(p)}`, () => {
    return new DataLoader<string, ClaimRow | null>(async (keys) => {
      const rows = await loaders.db.readOne(claimStatement('claim/by-keys', p), { keys });
      const byKey = new Map(rows.map((r) => [String(r.key), parseClaim(r.claim)]));
      return keys.map((key) => byKey.get(key) ?? null);
    });
  });
}

/** A claim by key; null when there is none. */
export function claimByKey(loaders: Loaders, key: string): Promise<ClaimRow | null> {
  return claimLoader(loaders, WHOLE).load(key);
}

/** A claim that must exist (an appearance's, a relation's): its absence is a broken graph. */
export async function existingClaim(loaders: Loaders, key: string): Promise<ClaimRow> {
  const claim = await claimByKey(loaders, key);
  if (!claim) throw new Error(`claim ${key} missing`);
  return claim;
}

/** Claims by key (the part `p` names), in the same order: null for a key naming none. */
export async function claimsByKeys(
  loaders: Loaders,
  keys: readonly string[],
  p: ClaimProjection = WHOLE,
): Promise<(ClaimRow | null)[]> {
  return settled(await claimLoader(loaders, p).loadMany(keys));
}

/** The claims of these keys that exist, in the same order. */
export async function existingClaims(loaders: Loaders, keys: readonly string[]): Promise<ClaimRow[]> {
  return (await claimsByKeys(loaders, keys)).filter((c): c is ClaimRow => c !== null);
}

interface ClaimChain {
  claim: ClaimRow | null;
  chain: ChainHopRow[];
}

/**
 * The chain read with each claim row (a row object is one request's): a projected row's chain
 * holds just the telling properties its request asks for, so it is found from the row itself.
 */
const chainOfRow = new WeakMap<ClaimRow, ChainHopRow[]>();

/**
 * Makes a claim row read by one statement known to the rest of the request: its chain travels
 * with it, and what was read whole is primed into the claim and agent loaders (a partial row
 * never is: another field could read it as whole).
 */
function adopt(loaders: Loaders, p: ClaimProjection, claim: ClaimRow, chain: ChainHopRow[] | null): void {
  if (chain) chainOfRow.set(claim, chain);
  if (p.claim === null) claimLoader(loaders, WHOLE).prime(claim.key, claim);
  if (chain && p.agent === null) {
    for (const hop of chain) {
      if (hop.agent) primeAgent(loaders, hop.agent);
      if (hop.addressee) primeAgent(loaders, hop.addressee);
    }
  }
}

/**
 * Claims with their chains in one round trip (claim/chains), batched across the request; the
 * agent loader is primed from the same statement, and the claim loader too when the claim was
 * read whole, so a provenance needs no second query for the claim or its tellers.
 */
function chains(loaders: Loaders, p: ClaimProjection): DataLoader<string, ClaimChain> {
  return loaders.batch(`claim/chains ${signature(p)}`, () => {
    return new DataLoader<string, ClaimChain>(async (keys) => {
      const rows = await loaders.db.readOne(claimStatement('claim/chains', p), { keys });
      const byKey = new Map(rows.map((r) => [String(r.key), r]));
      return keys.map((key) => {
        const row = byKey.get(key);
        if (!row) return { claim: null, chain: [] };
        const { claim, chain } = ClaimChainRow.parse(row);
        adopt(loaders, p, claim, chain);
        return { claim, chain };
      });
    });
  });
}

/** The attribution chain of a claim (hop 0 first): the one read with its row, else batched. */
export async function chainOf(loaders: Loaders, claim: ClaimRow): Promise<ChainHopRow[]> {
  return chainOfRow.get(claim) ?? (await chains(loaders, WHOLE).load(claim.key)).chain;
}

/** A claim with its chain read in the same round trip (for a request that asks for provenance). */
export async function claimWithChain(
  loaders: Loaders,
  key: string,
  p: ClaimProjection = WHOLE,
): Promise<ClaimRow | null> {
  return (await chains(loaders, p).load(key)).claim;
}

/** Claims with their chains, in the same order: null for a key naming none. */
export async function claimsWithChains(
  loaders: Loaders,
  keys: readonly string[],
  p: ClaimProjection = WHOLE,
): Promise<(ClaimRow | null)[]> {
  return settled(await chains(loaders, p).loadMany(keys)).map((r) => r.claim);
}

/**
 * The columns a claim read returns from a bound `c` and `article`: what follows `RETURN key,` in
 * claim/by-keys (`claim`) or claim/chains (`claim`, `chain`), filled for the projection.
 */
function claimColumns(reads: ClaimReads): string {
  const text = claimStatement(reads.chain ? 'claim/chains' : 'claim/by-keys', reads.projection);
  const at = text.lastIndexOf('RETURN key,');
  if (at < 0) throw new Error('claim/by-keys and claim/chains must end in `RETURN key, ...`');
  return text.slice(at + 'RETURN key,'.length).trim();
}

/**
 * A list's statement with its page's claims (and their chains) read in the same statement: the
 * list runs as it is, then each of its items' claims is read with the columns of claim/by-keys or
 * claim/chains. One round trip where a page, then its claims, took two.
 */
export function withClaims(list: string, reads: ClaimReads): string {
  const indented = list.trim().replace(/\n/g, '\n  ');
  return [
    'CALL () {',
    `  ${indented}`,
    '}',
    'CALL (items) {',
    '  UNWIND items AS item',
    '  MATCH (article:Article)-[:CONTAINS]->(c:Claim {key: item.key})',
    '  WITH item, c, article',
    `  WITH item, ${claimColumns(reads).replace(/\n/g, '\n  ')}`,
    `  RETURN collect({key: item.key, claim: claim${reads.chain ? ', chain: chain' : ''}}) AS nodes`,
    '}',
    'RETURN total, items, nodes',
  ].join('\n');
}

const ClaimNode = z.object({ key: z.string(), claim: ClaimRow, chain: z.array(ChainHopRow).nullish() });

/**
 * One page of a claims list with its claims, in one statement (`withClaims`): each row carries
 * its claim (null when it vanished between the list and the read, which one statement rules out
 * but the type still says), read as `reads` asks, its chain attached (`chainOf`).
 */
export async function readClaimPage(
  loaders: Loaders,
  list: ListStatement,
  reads: ClaimReads,
): Promise<NodePage<ClaimRow>> {
  if (list.text === null) return { total: 0, rows: [] };
  const text = withClaims(list.text, reads);
  if (list.name) namedAs(list.name, text);
  const [row] = await loaders.db.readOne(text, list.params);
  const page = PageRow.parse(row ?? {});
  const nodes = z.array(ClaimNode).parse(row?.nodes ?? []);
  const byKey = new Map(
    nodes.map(({ key, claim, chain }) => {
      adopt(loaders, reads.projection, claim, chain ?? null);
      return [key, claim];
    }),
  );
  return { total: page.total, rows: page.rows.map((r) => ({ ...r, node: byKey.get(r.key) ?? null })) };
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
  if (query) return list;
  return {
    ordering: list.ordering,
    fetchPage: () => Promise.resolve({ total: 0, rows: [] }),
    statement: () => ({ text: null, params: {} }),
  };
}
