/**
 * The explorer's only way to the data: POST /graphql with the public schema, the same as any
 * other client. Each function is one request.
 */
export interface GraphNodeData {
  key: string;
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

export interface GraphEdgeData {
  type: string;
  source: string;
  target: string;
}

export interface Neighbourhood {
  nodes: GraphNodeData[];
  edges: GraphEdgeData[];
  truncated: boolean;
}

export interface AgentRef {
  __typename: 'Actor' | 'Source';
  key: string;
  name: string;
  kind: string;
  anonymous?: boolean;
  description?: string | null;
}

export interface Hop {
  position: number;
  role: string;
  anonymous: boolean;
  isOrigin: boolean;
  agent: AgentRef;
  addressee: AgentRef | null;
  evidence: { text: string } | null;
}

export interface Grade {
  credibility: number | null;
  confidence: number | null;
  factors: { factor: string; effect: number; detail: string }[];
}

export interface SaidTime {
  label: string;
  basis: string;
  known: boolean;
}

export interface ClaimSummary {
  key: string;
  text: string;
  quote: string | null;
  kind: string;
  /** When it was said, with its basis: a range for an approximate time, "date unknown" for a fallback. */
  said: SaidTime;
  speaker: { name: string };
  grade: { confidence: number | null; credibility: number | null };
}

export interface ClaimDetail {
  key: string;
  text: string;
  quote: string | null;
  kind: string;
  status: string;
  said: SaidTime;
  hedges: string[];
  outletAnalysis: boolean;
  article: {
    key: string;
    title: string;
    url: string;
    publishedAt: string;
    reconstruction: boolean;
    basedOn: string[];
  };
  grade: Grade;
  provenance: { depth: number; anonymousLinks: number; chain: Hop[] };
}

export interface Page<T> {
  items: T[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export class ApiError extends Error {
  override name = 'ApiError';
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  key: string | null = null,
): Promise<T> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json',
  };
  // Only writes carry the editor's key: reads work without one, and a key is sent nowhere else.
  if (key) headers.authorization = `Bearer ${key}`;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T | null; errors?: { message: string }[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new ApiError(`the API answered ${response.status} ${response.statusText}`);
  }
  if (body.errors?.length) throw new ApiError(body.errors.map((e) => e.message).join('; '));
  if (!body.data) throw new ApiError(`the API answered ${response.status} without data`);
  return body.data;
}

// Actor.kind (ActorKind) and Source.kind (SourceKind) are different enums, so one selection may not
// ask both as `kind`: the source's comes back as `sourceKind` and `withKinds` moves it to `kind`.
export const AGENT = `__typename key name ... on Actor { kind } ... on Source { sourceKind: kind anonymous description }`;

export type WireAgent = Omit<AgentRef, 'kind'> & { kind?: string; sourceKind?: string };

export function agentOf(a: WireAgent): AgentRef {
  const { sourceKind, ...rest } = a;
  return { ...rest, kind: a.kind ?? sourceKind ?? '' };
}

/** The claim detail as the rest of the client reads it: every agent with its `kind`. */
function withKinds(claim: ClaimDetail | null): ClaimDetail | null {
  if (!claim) return null;
  return {
    ...claim,
    provenance: {
      ...claim.provenance,
      chain: claim.provenance.chain.map((hop) => ({
        ...hop,
        agent: agentOf(hop.agent as WireAgent),
        addressee: hop.addressee ? agentOf(hop.addressee as WireAgent) : null,
      })),
    },
  };
}

const SAID = 'said { label basis known }';

const SUMMARY = `key text quote kind ${SAID} speaker { name } grade { confidence credibility }`;

const DETAIL = `key text quote kind status ${SAID} hedges outletAnalysis
  article { key title url publishedAt reconstruction basedOn }
  grade { credibility confidence factors { factor effect detail } }
  provenance {
    depth anonymousLinks
    chain {
      position role anonymous isOrigin
      agent { ${AGENT} }
      addressee { ${AGENT} }
      evidence { text }
    }
  }`;

const GRAPH = `nodes { key type label properties } edges { type source target } truncated`;

export interface Connection<T> {
  totalCount: number;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  edges: { node: T }[];
}

export function page<T>(c: Connection<T>): Page<T> {
  return {
    items: c.edges.map((e) => e.node),
    totalCount: c.totalCount,
    endCursor: c.pageInfo.endCursor,
    hasNextPage: c.pageInfo.hasNextPage,
  };
}

const PAGE_SIZE = 25;

/** Full-text search over claim text and quotes, best match first. */
export async function searchClaims(query: string, after?: string | null): Promise<Page<ClaimSummary>> {
  const data = await gql<{ searchClaims: Connection<ClaimSummary> }>(
    `query ExplorerSearch($query: String!, $first: Int, $after: String) {
      searchClaims(query: $query, first: $first, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } edges { node { ${SUMMARY} } }
      }
    }`,
    { query, first: PAGE_SIZE, after: after ?? null },
  );
  return page(data.searchClaims);
}

/** The most recently said claims, for the list shown before any search. */
export async function recentClaims(after?: string | null): Promise<Page<ClaimSummary>> {
  const data = await gql<{ claims: Connection<ClaimSummary> }>(
    `query ExplorerRecent($first: Int, $after: String) {
      claims(first: $first, after: $after, orderBy: SAID_AT_DESC) {
        totalCount pageInfo { endCursor hasNextPage } edges { node { ${SUMMARY} } }
      }
    }`,
    { first: PAGE_SIZE, after: after ?? null },
  );
  return page(data.claims);
}

/** A claim with its grade and chain, and its neighbourhood one step out, in one request. */
export async function claimView(
  key: string,
): Promise<{ claim: ClaimDetail; neighbourhood: Neighbourhood | null } | null> {
  const data = await gql<{ claim: ClaimDetail | null; neighbourhood: Neighbourhood | null }>(
    `query ExplorerClaim($key: String!) {
      claim(key: $key) { ${DETAIL} }
      neighbourhood(key: $key, depth: 1) { ${GRAPH} }
    }`,
    { key },
  );
  const claim = withKinds(data.claim);
  return claim ? { claim, neighbourhood: data.neighbourhood } : null;
}

export async function claimDetail(key: string): Promise<ClaimDetail | null> {
  const data = await gql<{ claim: ClaimDetail | null }>(
    `query ExplorerClaimDetail($key: String!) { claim(key: $key) { ${DETAIL} } }`,
    { key },
  );
  return withKinds(data.claim);
}

export async function neighbourhood(key: string): Promise<Neighbourhood | null> {
  const data = await gql<{ neighbourhood: Neighbourhood | null }>(
    `query ExplorerNeighbourhood($key: String!) { neighbourhood(key: $key, depth: 1) { ${GRAPH} } }`,
    { key },
  );
  return data.neighbourhood;
}

// Under the API's alias limit (MAX_ALIASES, 30 by default) with room to spare.
const GRADES_PER_REQUEST = 20;

/** Confidence of many claims at once (the graph's claim nodes carry no grade). */
export async function confidences(keys: string[]): Promise<Map<string, number | null>> {
  const result = new Map<string, number | null>();
  for (let i = 0; i < keys.length; i += GRADES_PER_REQUEST) {
    const chunk = keys.slice(i, i + GRADES_PER_REQUEST);
    const fields = chunk.map((_, j) => `c${j}: claim(key: $k${j}) { key grade { confidence } }`).join('\n');
    const params = chunk.map((_, j) => `$k${j}: String!`).join(', ');
    const variables = Object.fromEntries(chunk.map((k, j) => [`k${j}`, k]));
    const data = await gql<Record<string, { key: string; grade: { confidence: number | null } } | null>>(
      `query ExplorerGrades(${params}) { ${fields} }`,
      variables,
    );
    for (const claim of Object.values(data)) if (claim) result.set(claim.key, claim.grade.confidence);
  }
  return result;
}
