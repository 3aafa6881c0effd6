/** Talks to the API the way a client does, through `yoga.fetch`, without opening a port. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import { buildYoga } from '../../src/yoga.js';
import { repoRoot } from '../../src/paths.js';
import type { TestGraph } from './db.js';

export const EDITOR_KEY = 'editor-key-0123456789abcdef';
export const READER_KEY = 'reader-key-0123456789abcdef';
export const API_KEYS = `${EDITOR_KEY}:editor,${READER_KEY}:reader`;

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: { roundTrips?: number } & Record<string, unknown>;
}

export function apiClient(config: Config, db: Database) {
  const yoga = buildYoga({ config, db });
  return {
    yoga,
    async gql<T = Record<string, any>>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ): Promise<GqlResponse<T>> {
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GqlResponse<T>, 'status'>;
      return { status: response.status, ...body };
    },
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

/**
 * A client over a file's test graph (support/db.ts `useTestGraph`) with the graph's config, built
 * on its first request (inside a test or hook, once the graph is ready).
 */
export function graphApi(graph: TestGraph): ApiClient {
  let client: ApiClient | undefined;
  const get = () => (client ??= apiClient(graph.config, graph.db));
  return {
    get yoga() {
      return get().yoga;
    },
    gql<T = Record<string, any>>(
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = {},
    ): Promise<GqlResponse<T>> {
      return get().gql<T>(query, variables, headers);
    },
  };
}

export function seedDocument(): unknown {
  return JSON.parse(readFileSync(path.join(repoRoot, 'fixtures', 'noonpost-7628.json'), 'utf8'));
}
