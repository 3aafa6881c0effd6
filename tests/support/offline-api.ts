/**
 * The API without a database, for tests of what is refused before any resolver runs (keys,
 * query limits, malformed requests). The driver points at a closed port and is never reached.
 */
import { loadConfig } from '../../src/config.js';
import { connect } from '../../src/db/database.js';
import { buildYoga } from '../../src/yoga.js';
import { API_KEYS } from './api.js';

export interface RawResponse {
  status: number;
  text: string;
  body: {
    data?: any;
    errors?: { message: string; extensions?: { code?: string } & Record<string, unknown> }[];
  };
}

export function offlineApi(env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', API_KEYS, ...env });
  const db = connect(
    { uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'unused', database: 'neo4j' },
    config,
  );
  const yoga = buildYoga({ config, db });
  const send = async (body: string, headers: Record<string, string> = {}): Promise<RawResponse> => {
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    let parsed: RawResponse['body'] = {};
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: response.status, text, body: parsed };
  };
  return {
    config,
    db,
    yoga,
    send,
    gql: (query: string, headers: Record<string, string> = {}, variables: Record<string, unknown> = {}) =>
      send(JSON.stringify({ query, variables }), headers),
    close: () => db.close(),
  };
}

export const codesOf = (r: RawResponse) => (r.body.errors ?? []).map((e) => e.extensions?.code);
