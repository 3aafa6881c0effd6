import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql ships CommonJS and ESM builds. Node (and so Yoga, Pothos, graphql-armor at run time)
// loads the CommonJS one; Vite would hand our sources the ESM one, and `instanceof GraphQLError`
// would then fail across the two copies. Pin the one Node uses.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

// Two projects: unit tests need no database and run in parallel; integration tests
// (*.int.test.ts) share one real Neo4j provisioned by the global setup, and run one file at a
// time because each file resets the graph it works on.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
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
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
