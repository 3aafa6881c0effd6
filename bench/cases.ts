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

export interface ProvenanceInput {
  claimKey: string;
}

export interface LatencyCase {
  name: string;
  question: 'provenance';
  /** The case the others of its question are divided by. */
  baseline?: boolean;
  /** A client capability the case needs; the case is skipped (and reported so) without it. */
  needs?: 'graphql' | 'neo4jGraphql';
  run(client: BenchClient, input: ProvenanceInput): Promise<ProvenanceView>;
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
    roles: chain.map((t) => t.role),
    anonymous: chain.map((t) => t.anonymous),
  };
}

export const latencyCases: LatencyCase[] = [
  {
    name: 'provenance: hand-written Cypher, bare driver',
    question: 'provenance',
    baseline: true,
    async run(client, { claimKey }) {
      const session = client.driver.session({ database: client.database, defaultAccessMode: 'READ' });
      try {
        const result = await session.executeRead((tx) => tx.run(BARE_PROVENANCE, { key: claimKey }));
        const chain = (result.records[0]?.get('chain') ?? []) as ChainItem[];
        return provenanceView(claimKey, chain);
      } finally {
        await session.close();
      }
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
];
