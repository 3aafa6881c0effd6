// Mutation testing of the pure core (issue 20): `npm run test:mutation`, report in
// docs/mutation-testing.md. Only the unit tests run (no database), one or two at a time, since
// the machine is shared; incremental mode reuses the previous run's results for unchanged code
// and tests (reports/stryker-incremental.json).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'src/domain/**/*.ts',
    'src/graph/claim-list.ts',
    'src/graph/lucene.ts',
    'src/auth.ts',
    'src/extract/resolve.ts',
    'src/extract/lexicon.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: 85 },
  timeoutMS: 20000,
  // The first (unmutated) run of the unit tests, instrumented, on a shared machine.
  dryRunTimeoutMinutes: 30,
  // The sandbox copies the project; leave out servers' data folders and build output.
  ignorePatterns: [
    '.neo4j',
    'tools/neo4j-local/target',
    'reports',
    'test-results',
    'bench/out',
    'dist',
    'coverage',
  ],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
