import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { testServerCount } from './tests/support/servers.js';

// graphql ships CommonJS and ESM builds. Node (and so Yoga, Pothos, graphql-armor at run time)
// loads the CommonJS one; Vite would hand our sources the ESM one, and `instanceof GraphQLError`
// would then fail across the two copies. Pin the one Node uses.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

// Two projects in one pool of workers. Unit tests (tests/unit/, mirroring src/) need no
// database. Integration tests (tests/integration/*.int.test.ts) get one real Neo4j per worker
// from the global setup (tests/support/global-neo4j.ts), so each file may reset the graph it
// works on while another file runs on the other worker's server (NEO4J_TEST_SERVERS=2). With a
// single server (the default, and always with NEO4J_URI) integration files take turns.
const servers = testServerCount();
const workers = Math.max(2, servers);

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    // At most one integration file per server at a time: VITEST_POOL_ID (1..maxWorkers) picks it.
    maxWorkers: workers,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.int.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['tests/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-neo4j.ts'],
          // Waits for the servers, which start while the unit files run.
          setupFiles: ['tests/support/neo4j-ready.ts'],
          fileParallelism: servers >= workers,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
