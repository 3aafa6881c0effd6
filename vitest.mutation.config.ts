import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// The unit tests of the mutated files, as one project, for Stryker (stryker.config.mjs): mutants
// of the pure core are judged by tests that need no database. Tests that read source text (the
// syntax-tree checks, tests/unit/auth-source.test.ts) cannot run on Stryker's instrumented copy
// and are not listed; nor is the extractor's CLI test, whose child processes cannot see which
// mutant is active (and take three minutes). They all run in `npm test`.
//
// MUTATION_TESTS (comma-separated globs) narrows the judges to a file's own tests, for the
// per-file runs of stryker.config.mjs: on a loaded machine the property tests of grading, which
// reach nearly every mutant of the domain, make each mutant cost tens of seconds and push
// healthy runs past Stryker's timeout (a false "timed out" counts as detected). A mutant a
// subset of the tests detects is detected by the whole set, so a narrowed score is a lower
// bound of the full one; docs/mutation-testing.md says which tests judged each file.
const narrowed = process.env.MUTATION_TESTS?.split(',')
  .map((glob) => glob.trim())
  .filter((glob) => glob !== '');
export default mergeConfig(
  { ...base, test: { ...base.test, projects: undefined } },
  defineConfig({
    test: {
      include: narrowed?.length
        ? narrowed
        : [
            'tests/unit/domain/**/*.test.ts',
            'tests/unit/graph/**/*.test.ts',
            'tests/unit/extract/**/*.test.ts',
            'tests/unit/auth.test.ts',
            'tests/unit/auth-keyring.test.ts',
          ],
      exclude: ['tests/**/*.int.test.ts', 'tests/unit/extract/cli.test.ts', 'node_modules/**'],
      environment: 'node',
      setupFiles: ['tests/support/mutation-setup.ts'],
      // Instrumented code runs several times slower; the property tests need the room.
      testTimeout: 120_000,
    },
  }),
);
