/**
 * The registry of read-latency cases. Each case answers one question (today: the provenance of
 * one claim) and returns the answer in a common shape, so the harness can check that every case
 * gives the same answer before it trusts any timing. Per question, one case is the baseline and
 * every other case is reported as a ratio to it.
 *
 * Adding the GraphQL cases (when the API lands): give the harness a `graphql` function on the
 * client (built on `yoga.fetch`, no port) and register e.g.
 *
 *   {
 *     name: 'provenance: GraphQL (yoga + Pothos)',
 *     question: 'provenance',
 *     needs: 'graphql',
 *     run: async (client, { claimKey }) => {
 *       const { data } = await client.graphql!(PROVENANCE_QUERY, { key: claimKey });
 *       return provenanceView(claimKey, data.claim.chain.map(...));
 *     },
 *   }
 *
 * and, for the comparison with @neo4j/graphql, the same with `needs: 'neo4jGraphql'`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import type { Database } from '../src/db/database.js';
import { slugify } from '../src/domain/keys.js';
import { toLuceneQuery } from '../src/graph/lucene.js';

export interface BenchClient {
  driver: Driver;
  database: string;
  /** Our db layer (sessions, retries, bookmarks, Integer policy), as the repositories use it. */
  db: Database;
  /** Executes a GraphQL operation against our API in process; absent until the API exists. */
  graphql?: (
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<{ data?: unknown; errors?: unknown }>;
  /** The same against an @neo4j/graphql server over the same database; absent until written. */
  neo4jGraphql?: (
    query: string,
    variables?: Record<string, unknown>,
  ) => Promise<{ data?: unknown; errors?: unknown }>;
}

/** The comparable core of a provenance answer: the chain from the article's publisher to the origin. */
export interface ProvenanceView {
  claimKey: string;
  /** Agent names, hop 0 (the publisher) first, the origin last. */
  agents: string[];
  roles: string[];
  anonymous: boolean[];
}

/** One sample's inputs: a claim, the origin of its chain, and a word of its text. */
export interface ReadInput {
  claimKey: string;
  /** Key of the claim's original speaker (actor or source), for the page-by-speaker question. */
  speakerKey: string;
  /** A word of the claim's text, for full-text search. */
  searchTerm: string;
  /** The speaker's name, for the agent lookup by name. */
  speakerName: string;
  /** The day the claim's article was published (YYYY-MM-DD), for the timeline of that day. */
  day: string;
}
/** Kept for callers of the provenance-only registry. */
export type ProvenanceInput = ReadInput;

export type Question =
  'provenance' | 'speaker-page' | 'search' | 'neighbourhood' | 'contested' | 'agent-lookup' | 'timeline';

export interface LatencyCase {
  name: string;
  question: Question;
  /** The case the others of its question are divided by (and checked against). */
  baseline?: boolean;
  /** A client capability the case needs; the case is skipped (and reported so) without it. */
  needs?: 'graphql' | 'neo4jGraphql';
  /** The answer in a comparable shape (provenance: a ProvenanceView); equal across a question's cases. */
  run(client: BenchClient, input: ReadInput): Promise<unknown>;
}

const benchDir = path.dirname(fileURLToPath(import.meta.url));
export const BARE_PROVENANCE = readFileSync(path.join(benchDir, 'baseline', 'provenance.cypher'), 'utf8');

interface ChainItem {
  role: string;
  anonymous: boolean;
  agent: { name: string } | null;
}

function provenanceView(claimKey: string, chain: readonly ChainItem[]): ProvenanceView {
  return {
    claimKey,
    agents: chain.map((t) => t.agent?.name ?? '?'),
    // The API answers roles as enum values (SAID), the database stores them as written (said).
    roles: chain.map((t) => t.role.toLowerCase()),
    anonymous: chain.map((t) => t.anonymous),
  };
}

const STATUSES = ['accepted'];

/** Runs one read statement through the bare driver and returns its first record as an object. */
/** The first row of a hand-written query on the bare driver: executeRead, or auto-commit. */
async function bareRow(
  client: BenchClient,
  query: string,
  params: Record<string, unknown>,
  mode: 'executeRead' | 'autoCommit' = 'executeRead',
) {
  const session = client.driver.session({ database: client.database, defaultAccessMode: 'READ' });
  try {
    const result =
      mode === 'autoCommit'
        ? await session.run(query, params)
        : await session.executeRead((tx) => tx.run(query, params));
    return (result.records[0]?.toObject() ?? {}) as Record<string, unknown>;
  } finally {
    await session.close();
  }
}

/** Calls our GraphQL API (or @neo4j/graphql) and fails loudly on any error. */
async function gql(
  fn: BenchClient['graphql'],
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, any>> {
  const result = await fn!(query, variables);
  if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors).slice(0, 500)}`);
  return result.data as Record<string, any>;
}

/** The label of an agent key, from a closed allow-list (as our claims list does). */
const agentLabel = (key: string) => (key.startsWith('actor:') ? 'Actor' : 'Source');

// ---- Question: a page of 50 claims by one speaker (origin of the chain), each with its chain ----

// Since 0.2.0 the list sorts a claim whose saying time is unknown last (never at its article's
// date), and a range by its latest day.
const bareSpeakerPage = (label: string) => `
CALL () {
  MATCH (:${label} {key: $speakerKey})<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(c:Claim)
  WHERE c.status IN $statuses
  RETURN count(DISTINCT c) AS total
}
CALL () {
  MATCH (:${label} {key: $speakerKey})<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(c:Claim)
  WHERE c.status IN $statuses
  WITH DISTINCT c
  ORDER BY (c.saidEarliest IS NULL AND c.saidLatest IS NULL), coalesce(c.saidLatest, c.saidEarliest) DESC, c.key
  LIMIT 50
  CALL (c) {
    MATCH (c)<-[:TELLS]-(t0:Telling {hop: 0})
    MATCH path = (t0)-[:QUOTED_FROM*0..12]->(:Telling {isOrigin: true})
    RETURN [t IN nodes(path) | t {.hop, .role, .anonymous,
             agent: [(t)-[:TOLD_BY]->(a) | a {.key, .name}][0]}] AS chain
    LIMIT 1
  }
  WITH c, chain
  ORDER BY (c.saidEarliest IS NULL AND c.saidLatest IS NULL), coalesce(c.saidLatest, c.saidEarliest) DESC, c.key
  RETURN collect(c {.key, .text, .confidence, chain: chain}) AS items
}
RETURN total, items`;

export const GQL_SPEAKER_PAGE = `query SpeakerPage($speaker: String!) {
  claims(filter: { speaker: $speaker }, first: 50) {
    totalCount
    edges { node { key text grade { confidence }
      provenance { chain { position role anonymous agent { key name } } } } }
  }
}`;

interface PageItem {
  key: string;
  chain: { agent: { name: string } | null }[];
}
const pageView = (total: unknown, items: readonly PageItem[]) => ({
  total: Number(total),
  items: items.map((c) => `${c.key}: ${c.chain.map((h) => h.agent?.name ?? '?').join(' < ')}`),
});

// ---- Question: full-text search, top 20 ----

// Since 0.2.0 a search also finds the claims told or addressed by an agent whose name, alias,
// description or title matches, at half the score of a match in the claim's own words.
const BARE_SEARCH = `
CALL () {
  CALL db.index.fulltext.queryNodes('claim_text', $query) YIELD node, score
  WHERE node.status IN $statuses
  RETURN node, score
  UNION
  CALL db.index.fulltext.queryNodes('agent_text', $query) YIELD node AS agent, score
  MATCH (agent)<-[:TOLD_BY|ADDRESSED_TO]-(:Telling)-[:TELLS]->(node:Claim)
  WHERE node.status IN $statuses
  RETURN node, score * 0.5 AS score
}
WITH node, max(score) AS score
ORDER BY score DESC, node.key
LIMIT 20
RETURN collect(node {.key, .text, .confidence}) AS items`;

export const GQL_SEARCH = `query Search($q: String!) {
  searchClaims(query: $q, first: 20) { edges { node { key text grade { confidence } } } }
}`;

// ---- Question: the neighbourhood of a claim to depth 2 (50 neighbours per node, as ours) ----

const BARE_NEIGHBOURHOOD = `
MATCH (s:Claim {key: $key})
CALL (s) {
  MATCH (s)-[r]-(m) WHERE NOT m:__Migration AND NOT m:Revision
  WITH r, m LIMIT 1000
  RETURN r, m ORDER BY m.key, type(r), elementId(r) LIMIT 50
}
WITH s, collect(r) AS r1, collect(DISTINCT m) AS n1
CALL (s, n1) {
  UNWIND n1 AS n
  CALL (n) {
    MATCH (n)-[r]-(m) WHERE NOT m:__Migration AND NOT m:Revision
    WITH r, m LIMIT 1000
    RETURN r, m ORDER BY m.key, type(r), elementId(r) LIMIT 50
  }
  RETURN collect(r) AS r2, collect(DISTINCT m) AS n2
}
WITH [s] + n1 + [x IN n2 WHERE NOT x IN n1 AND x <> s] AS nodes, r1 + r2 AS rels
RETURN [n IN nodes | n {.*, text: CASE WHEN n:Article THEN null ELSE n.text END, labels: labels(n)}] AS nodes,
       [r IN rels | {type: type(r), source: startNode(r).key, target: endNode(r).key}] AS edges`;

export const GQL_NEIGHBOURHOOD = `query Hood($key: String!) {
  neighbourhood(key: $key, depth: 2, maxNodes: 1000) {
    truncated
    nodes { key type label properties }
    edges { id type source target }
  }
}`;

const hoodView = (nodes: readonly { key: unknown }[], edges: readonly string[]) => ({
  nodes: [...new Set(nodes.map((n) => String(n.key)))].sort(),
  edges: [...new Set(edges)].sort(),
});

// ---- Question: contested claims (in a contradiction), most confident first, first 20 ----

// From the CONTRADICTS relationships (as ours since 2026-11-26; both scanned every claim before).
// Since 0.2.0 relations follow the statement: every wording of a contradicted claim is contested.
const BARE_CONTESTED = `
MATCH (a:Claim)-[:CONTRADICTS]->(b:Claim)
UNWIND [a, b] AS x
MATCH (x)-[:SAME_STATEMENT*0..4]-(c:Claim)
WITH DISTINCT c
WHERE c.status IN $statuses
WITH c
ORDER BY c.confidence IS NULL, c.confidence DESC, c.key
LIMIT 20
RETURN collect(c {.key, .text, .confidence, .credibility}) AS items`;

export const GQL_CONTESTED = `query Contested {
  contestedClaims(first: 20) { edges { node { key text grade { confidence credibility } } } }
}`;

// ---- Question: agents by name (the lookup a fact-checker types into), top 20 ----

// The statement our API sends (cypher/queries/agent/lookup.cypher), first page filled by hand:
// exact name or alias first, then full-text, best score first, ties by key.
const BARE_AGENT_LOOKUP = `
CALL () {
  MATCH (a:Actor)
  WHERE $nameKey IN a.nameKeys
  RETURN a AS n, 10.0 AS score
  UNION
  MATCH (s:Source)
  WHERE $nameKey IN s.nameKeys AND NOT s.anonymous
  RETURN s AS n, 10.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('agent_names', $query) YIELD node, score
  RETURN node AS n, score
}
WITH n, max(score) AS score
WITH collect({key: n.key, score: score}) AS hits
CALL (hits) {
  UNWIND hits AS h
  WITH h ORDER BY h.score DESC, h.key
  LIMIT 20
  RETURN collect(h.key) AS items
}
RETURN size(hits) AS total, items`;

export const GQL_AGENT_LOOKUP = `query AgentLookup($name: String!) {
  agents(name: $name, first: 20) { totalCount edges { node { key name } } }
}`;

// ---- Question: the timeline of one day (events dated that day, with their sequence cues) ----

// Events whose known range overlaps the day; the API reads them with this statement
// (cypher/queries/event/timeline-events.cypher) and orders them in TypeScript
// (src/domain/chronology.ts). The answer compared: how many, and which.
const BARE_TIMELINE = `
MATCH (e:Event)
WITH e,
  CASE WHEN e.timeBasis IS NULL THEN left(e.timeStart, 10) ELSE e.timeEarliest END AS earliest,
  CASE WHEN e.timeBasis IS NULL THEN left(coalesce(e.timeEnd, e.timeStart), 10) ELSE e.timeLatest END AS latest
WHERE (earliest IS NOT NULL OR latest IS NOT NULL)
  AND coalesce(latest, $from) >= $from
  AND coalesce(earliest, $to) <= $to
RETURN collect(e.key) AS keys`;

export const GQL_TIMELINE = `query Timeline($day: Date!) {
  timeline(from: $day, to: $day, first: 100) { totalCount edges { node { key name } } }
}`;

/** Total and keys (sorted: the timeline's order is a chronology, compared elsewhere). */
const timelineView = (total: unknown, keys: readonly string[]) => ({
  total: Number(total),
  keys: Number(total) <= 100 ? [...keys].sort() : keys.length,
});

// ---- Question: provenance of one claim (chain + origin + grade) ----

export const GQL_PROVENANCE = `query Provenance($key: String!) {
  claim(key: $key) {
    key text status
    grade { confidence credibility factors { factor effect } }
    provenance {
      depth
      chain { position role anonymous isOrigin agent { key name } addressee { key name } }
      origin { agent { key name } }
    }
  }
}`;

const keysOf = (items: readonly { key: unknown }[]) => items.map((i) => String(i.key));
type Edges<T> = { edges: { node: T }[] };

export const latencyCases: LatencyCase[] = [
  {
    name: 'provenance: hand-written Cypher, bare driver',
    question: 'provenance',
    baseline: true,
    async run(client, { claimKey }) {
      const row = await bareRow(client, BARE_PROVENANCE, { key: claimKey });
      return provenanceView(claimKey, (row.chain ?? []) as ChainItem[]);
    },
  },
  {
    // The fastest the bare driver gets for one statement: an auto-commit transaction (one
    // round trip; executeRead needs a second for COMMIT). Ours uses it for lone reads, so this
    // row shows how much of the ratio above is that choice rather than our layers.
    name: 'provenance: hand-written Cypher, bare driver, auto-commit',
    question: 'provenance',
    async run(client, { claimKey }) {
      const row = await bareRow(client, BARE_PROVENANCE, { key: claimKey }, 'autoCommit');
      return provenanceView(claimKey, (row.chain ?? []) as ChainItem[]);
    },
  },
  {
    // The path our resolvers will take (resolver -> repository -> db helper), with the same
    // Cypher: measures what our db layer itself costs.
    name: 'provenance: same Cypher via our db helper',
    question: 'provenance',
    async run(client, { claimKey }) {
      const rows = await client.db.read((tx) => tx.rows(BARE_PROVENANCE, { key: claimKey }));
      return provenanceView(claimKey, (rows[0]?.chain ?? []) as unknown as ChainItem[]);
    },
  },
  {
    name: 'provenance: our GraphQL (yoga + Pothos, in process)',
    question: 'provenance',
    needs: 'graphql',
    async run(client, { claimKey }) {
      const data = await gql(client.graphql, GQL_PROVENANCE, { key: claimKey });
      const chain = (data.claim?.provenance.chain ?? []) as ChainItem[];
      return provenanceView(claimKey, chain);
    },
  },
  {
    name: 'speaker page (50 claims + chains): hand-written Cypher, bare driver',
    question: 'speaker-page',
    baseline: true,
    async run(client, { speakerKey }) {
      const row = await bareRow(client, bareSpeakerPage(agentLabel(speakerKey)), {
        speakerKey,
        statuses: STATUSES,
      });
      return pageView(row.total, row.items as PageItem[]);
    },
  },
  {
    name: 'speaker page: our GraphQL claims(filter: {speaker})',
    question: 'speaker-page',
    needs: 'graphql',
    async run(client, { speakerKey }) {
      const data = await gql(client.graphql, GQL_SPEAKER_PAGE, { speaker: speakerKey });
      const page = data.claims as Edges<{ key: string; provenance: { chain: PageItem['chain'] } }> & {
        totalCount: number;
      };
      return pageView(
        page.totalCount,
        page.edges.map((e) => ({ key: e.node.key, chain: e.node.provenance.chain })),
      );
    },
  },
  {
    name: 'search top 20: hand-written Cypher, bare driver',
    question: 'search',
    baseline: true,
    async run(client, { searchTerm }) {
      const row = await bareRow(client, BARE_SEARCH, {
        query: toLuceneQuery(searchTerm),
        statuses: STATUSES,
      });
      return keysOf(row.items as { key: string }[]);
    },
  },
  {
    name: 'search top 20: our GraphQL searchClaims',
    question: 'search',
    needs: 'graphql',
    async run(client, { searchTerm }) {
      const data = await gql(client.graphql, GQL_SEARCH, { q: searchTerm });
      return keysOf((data.searchClaims as Edges<{ key: string }>).edges.map((e) => e.node));
    },
  },
  {
    name: 'neighbourhood depth 2: hand-written Cypher, bare driver',
    question: 'neighbourhood',
    baseline: true,
    async run(client, { claimKey }) {
      const row = await bareRow(client, BARE_NEIGHBOURHOOD, { key: claimKey });
      const edges = (row.edges as { type: string; source: string; target: string }[]).map(
        (e) => `${e.source}-${e.type}->${e.target}`,
      );
      return hoodView(row.nodes as { key: string }[], edges);
    },
  },
  {
    name: 'neighbourhood depth 2: our GraphQL neighbourhood',
    question: 'neighbourhood',
    needs: 'graphql',
    async run(client, { claimKey }) {
      const data = await gql(client.graphql, GQL_NEIGHBOURHOOD, { key: claimKey });
      const hood = data.neighbourhood as { nodes: { key: string }[]; edges: { id: string }[] };
      return hoodView(
        hood.nodes,
        hood.edges.map((e) => e.id),
      );
    },
  },
  {
    name: 'contested top 20: hand-written Cypher, bare driver',
    question: 'contested',
    baseline: true,
    async run(client) {
      const row = await bareRow(client, BARE_CONTESTED, { statuses: STATUSES });
      return keysOf(row.items as { key: string }[]);
    },
  },
  {
    name: 'contested top 20: our GraphQL contestedClaims',
    question: 'contested',
    needs: 'graphql',
    async run(client) {
      const data = await gql(client.graphql, GQL_CONTESTED, {});
      return keysOf((data.contestedClaims as Edges<{ key: string }>).edges.map((e) => e.node));
    },
  },
  {
    name: 'agent lookup top 20: hand-written Cypher, bare driver',
    question: 'agent-lookup',
    baseline: true,
    async run(client, { speakerName }) {
      const row = await bareRow(client, BARE_AGENT_LOOKUP, {
        nameKey: slugify(speakerName),
        query: toLuceneQuery(speakerName) ?? '""',
      });
      return { total: Number(row.total), keys: row.items as string[] };
    },
  },
  {
    name: 'agent lookup top 20: our GraphQL agents(name)',
    question: 'agent-lookup',
    needs: 'graphql',
    async run(client, { speakerName }) {
      const data = await gql(client.graphql, GQL_AGENT_LOOKUP, { name: speakerName });
      const page = data.agents as Edges<{ key: string }> & { totalCount: number };
      return { total: page.totalCount, keys: keysOf(page.edges.map((e) => e.node)) };
    },
  },
  {
    name: 'timeline of a day: hand-written Cypher, bare driver',
    question: 'timeline',
    baseline: true,
    async run(client, { day }) {
      const row = await bareRow(client, BARE_TIMELINE, { from: day, to: `${day}T23:59:59Z` });
      const keys = row.keys as string[];
      return timelineView(keys.length, keys);
    },
  },
  {
    name: 'timeline of a day: our GraphQL timeline(from, to)',
    question: 'timeline',
    needs: 'graphql',
    async run(client, { day }) {
      const data = await gql(client.graphql, GQL_TIMELINE, { day });
      const page = data.timeline as Edges<{ key: string }> & { totalCount: number };
      return timelineView(page.totalCount, keysOf(page.edges.map((e) => e.node)));
    },
  },
];
