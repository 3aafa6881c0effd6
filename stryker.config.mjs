// Mutation testing of the pure core (issue 20): `npm run test:mutation`, report in
// docs/mutation-testing.md. Only the unit tests run (vitest.mutation.config.ts: no database, no
// child processes), judged per test (`perTest`: a mutant runs only the tests that reach it).
//
// The machine is shared, so the core is mutated one group at a time and each group keeps its own
// incremental file and JSON report: `MUTATION_GROUP=domain-grading npm run test:mutation`. A
// group's rerun retests only the mutants whose code or covering tests changed; a run of one group
// never drops another group's results (a `--mutate` subset would). With no group, all files.
// `node scripts/mutation-scores.mjs` adds the groups' reports up into the table of the docs.
//
// The incremental files are not committed: they hold the whole source text of the mutated files
// and their tests, so they conflict on every merge that touches the core, and a clean checkout
// that lacks them only costs a full run.
export const GROUPS = {
  'auth-lucene': ['src/auth.ts', 'src/graph/lucene.ts'],
  'claim-list': ['src/graph/claim-list.ts'],
  extract: ['src/extract/resolve.ts', 'src/extract/lexicon.ts'],
  'domain-document': [
    'src/domain/document.ts',
    'src/domain/validate.ts',
    'src/domain/keys.ts',
    'src/domain/model.ts',
  ],
  'domain-grading': ['src/domain/grading.ts', 'src/domain/grading-config.ts', 'src/domain/assessment.ts'],
  'domain-other': ['src/domain/independence.ts', 'src/domain/chronology.ts', 'src/domain/wording-diff.ts'],
};

const group = process.env.MUTATION_GROUP ?? 'all';
if (group !== 'all' && !(group in GROUPS))
  throw new Error(`MUTATION_GROUP=${group} is not a group; use one of: ${Object.keys(GROUPS).join(', ')}`);
const mutate = group === 'all' ? Object.values(GROUPS).flat() : GROUPS[group];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate,
  coverageAnalysis: 'perTest',
  // A static mutant (code run when a module loads, not when a test calls it) must rerun every
  // test with the module reloaded; in the first run 8% of the mutants took 67% of the time. They
  // are left out of the score (reported as Ignored); docs/mutation-testing.md counts them.
  ignoreStatic: true,
  // Two cores shared by everyone: at most two test processes (STRYKER_CONCURRENCY=1 for one).
  concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
  incremental: true,
  incrementalFile: `reports/mutation/${group}.incremental.json`,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${group}.json` },
  htmlReporter: { fileName: `reports/mutation/${group}.html` },
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
