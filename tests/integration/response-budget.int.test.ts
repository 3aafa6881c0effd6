/**
 * The response budget stops a query the cost guard mispriced. With the cost guard opened wide
 * (MAX_COST at its maximum, as if a list had been underestimated), a query that fetches more
 * than MAX_RESPONSE_ROWS database values ends with one QUERY_TOO_EXPENSIVE error and no partial
 * data, and the next request of the same API is answered normally.
 */
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest.js';
import { apiClient, seedDocument } from '../support/api.js';
import { testConfig, useTestGraph } from '../support/db.js';

const graph = useTestGraph({ seed: (db) => ingestDocument(db, seedDocument()) });

const WIDE = `{ claims(first: 60) { edges { node { key text speaker { name
  said(first: 50) { edges { node { key provenance { chain { agent { name } } } } } } } } } } }`;

describe('response budget', () => {
  it('stops a mispriced query with QUERY_TOO_EXPENSIVE, then serves the next request', async () => {
    const api = apiClient(testConfig({ MAX_COST: '10000000', MAX_RESPONSE_ROWS: '100' }), graph.db);
    const r = await api.gql(WIDE);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['QUERY_TOO_EXPENSIVE']);
    expect(r.errors?.[0]?.message).toMatch(/more than 100 values/);

    const small = await api.gql('{ claims(first: 5) { edges { node { key } } } }');
    expect(small.errors).toBeUndefined();
    expect(small.data?.claims.edges).toHaveLength(5);
  });

  it('lets the same query through under the default budget (the budget, not the query, stopped it)', async () => {
    const api = apiClient(testConfig({ MAX_COST: '10000000' }), graph.db);
    const r = await api.gql(WIDE);
    expect(r.errors).toBeUndefined();
    expect(r.data?.claims.edges.length).toBeGreaterThan(50);
  });
});
