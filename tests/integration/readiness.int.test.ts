import { describe, expect, it } from 'vitest';
import { connect } from '../../src/db/database.js';
import { buildYoga } from '../../src/yoga.js';
import { testConfig, useTestGraph } from '../support/db.js';

const graph = useTestGraph();

describe('health and readiness', () => {
  it('is healthy and ready when Neo4j answers and migrations are applied', async () => {
    const yoga = buildYoga({ config: testConfig(), db: graph.db });
    expect((await yoga.fetch('http://yoga/health')).status).toBe(200);
    expect((await yoga.fetch('http://yoga/ready')).status).toBe(200);
    const r = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await r.json()).toMatchObject({ data: { __typename: 'Query' } });
  });

  it('is alive but not ready when Neo4j cannot be reached', async () => {
    const config = testConfig({ NEO4J_ACQUIRE_TIMEOUT_MS: '1000' });
    const unreachable = connect(
      { uri: 'bolt://127.0.0.1:1', username: 'neo4j', password: 'x', database: 'neo4j' },
      config,
    );
    try {
      const yoga = buildYoga({ config, db: unreachable });
      expect((await yoga.fetch('http://yoga/health')).status).toBe(200);
      const started = Date.now();
      expect((await yoga.fetch('http://yoga/ready')).status).toBe(503);
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await unreachable.close();
    }
  });
});
