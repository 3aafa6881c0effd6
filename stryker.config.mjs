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
    'src/domain/stored-document.ts',
  ],
  'domain-grading': ['src/domain/grading.ts', 'src/domain/grading-config.ts', 'src/domain/assessment.ts'],
  'domain-other': ['src/domain/independence.ts', 'src/domain/chronology.ts', 'src/domain/wording-diff.ts'],
  // Saying times and the story across outlets (added to the domain after the groups above).
  'domain-story': ['src/domain/time.ts', 'src/domain/matching.ts', 'src/domain/statement.ts'],
};

// MUTATION_GROUP may also name one file of a group (`MUTATION_GROUP=src/domain/validate.ts`):
// while killing the survivors of one file, only that file is mutated, with its own incremental
// file and report (named after the file), so the group's results stay as they were.
// scripts/mutation-scores.mjs takes each file's figures from the newest report that mutated it.
const ALL_FILES = Object.values(GROUPS).flat();
const group = process.env.MUTATION_GROUP ?? 'all';
if (group !== 'all' && !(group in GROUPS) && !ALL_FILES.includes(group))
  throw new Error(
    `MUTATION_GROUP=${group} is neither a group nor a mutated file; use one of: ${[...Object.keys(GROUPS), ...ALL_FILES].join(', ')}`,
  );
const mutate = group === 'all' ? ALL_FILES : (GROUPS[group] ?? [group]);
const reportName = group
  .replace(/^src\//u, '')
  .replace(/\.ts$/u, '')
  .replaceAll('/', '-');

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
  incrementalFile: `reports/mutation/${reportName}.incremental.json`,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: `reports/mutation/${reportName}.json` },
  htmlReporter: { fileName: `reports/mutation/${reportName}.html` },
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
