/**
 * Validation of a hostile document at scale: a ring of 5,000 affiliations is walked once, not
 * once per member. Its own file so that mutation testing can leave it out of the judges of
 * validate.ts (stryker.config.mjs, MUTATION_TESTS): it parses 5,000 actors, which took 5.6 s under
 * instrumentation and would be paid again for each of the file's ~390 mutants.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LISTED_ISSUES } from '../../../src/domain/validate.js';
import { affiliationRing, issuesOf } from '../../support/validation.js';

describe('document validation at scale', () => {
  it('checks a long affiliation chain in linear time (a hostile document cannot stall it)', () => {
    const n = 5_000;
    const doc = affiliationRing(n, 'a');
    // The bound is loose on purpose: what it catches is a walk that never ends or blows up (a ring
    // walked without marking what it has seen), not a constant factor. 5 s was exceeded (5.6 s)
    // under mutation testing's instrumentation on the shared machine, with nothing wrong.
    const t0 = performance.now();
    const issues = issuesOf(doc);
    expect(performance.now() - t0).toBeLessThan(30_000);
    // Every one of the n actors is on the ring; the list stops at MAX_LISTED_ISSUES and counts the rest.
    expect(issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(issues.at(-1)!.message).toBe(`${n - MAX_LISTED_ISSUES} more problems not listed (${n} in all)`);
  }, 60_000);
});
