/**
 * Setup of the mutation runs only (vitest.mutation.config.ts). MUTATION_FC_RUNS lowers the number
 * of runs of every fast-check property that does not set its own: a property test reaches nearly
 * every mutant of the code it covers, and at fast-check's 100 runs it costs each mutant seconds on
 * a loaded machine (grading: about 10 s per mutant, 505 mutants). Fewer runs can only let a mutant
 * survive that more runs would have caught, so the score stays a lower bound; the runs used are
 * stated with each score in docs/mutation-testing.md. Unset: fast-check's default.
 */
import fc from 'fast-check';

const runs = Number(process.env.MUTATION_FC_RUNS);
if (Number.isInteger(runs) && runs > 0) fc.configureGlobal({ numRuns: runs });
