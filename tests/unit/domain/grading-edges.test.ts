/**
 * Grading at its edges, one case per boundary the properties and the wording tests leave open:
 * an agent recorded with an unnamed kind but no anonymous flag, ties for the weakest link, the
 * joins of every factor that lists several things, an origin told by several supporters, a
 * confidence exactly at 0 or 1, a supporter exactly at the confirming strength, a verdict rated
 * without a scale, a zero confirmed-rating threshold, and a grading configuration read from a
 * file. Written from the survivors of the grading mutation run (docs/mutation-testing.md).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordedAssessment } from '../../../src/domain/assessment.js';
import { credibilityOf, gradeClaim, reportingChainOf, type ClaimGrade } from '../../../src/domain/grading.js';
import {
  defaultGradingConfig as config,
  loadGradingConfig,
  mergeGradingConfig,
} from '../../../src/domain/grading-config.js';
import { agent, claim } from '../../support/grading-builders.js';

const detail = (g: ClaimGrade, factor: string) => g.factors.find((f) => f.factor === factor)?.detail;
const factorNames = (g: ClaimGrade) => g.factors.map((f) => f.factor);
const minister = agent('actor:minister', 'person', { name: 'The Minister' });
const envoy = agent('actor:envoy', 'person', { name: 'The Envoy' });

describe('an unnamed kind without the anonymous flag', () => {
  for (const kind of ['anonymous', 'leak']) {
    it(`treats a ${kind} agent as unnamed even when its flag says named`, () => {
      const source = agent(`source:x:${kind}`, kind, { name: `a ${kind}`, anonymous: false });
      const c = claim('a#1', [source]);
      c.chain = c.chain.map((l) => ({ ...l, anonymous: false }));
      const g = gradeClaim({ claim: c });
      expect(detail(g, 'anonymity')).toBe(`1 unnamed link (a ${kind}): the reader cannot check who said it.`);
      expect(reportingChainOf(c).agents[1]!.anonymous).toBe(true);
    });
  }
});

describe('the weakest link', () => {
  it('names the first of two equally weak links, counted from the reader', () => {
    const first = agent('source:first', 'outlet', { name: 'First Outlet', reliabilityOverride: 'E' });
    const second = agent('source:second', 'outlet', { name: 'Second Outlet', reliabilityOverride: 'E' });
    const origin = agent('actor:origin', 'person', { name: 'Origin', reliabilityOverride: 'A' });
    const g = gradeClaim({ claim: claim('a#1', [first, second, origin]) });
    expect(detail(g, 'weakest-link')).toMatch(
      /^The chain is no stronger than its weakest link, First Outlet/,
    );
  });
});

describe('factors that list several things', () => {
  it('joins the unnamed links with commas', () => {
    const a = agent('source:x:a', 'anonymous', { name: 'an aide' });
    const b = agent('source:x:b', 'anonymous', { name: 'a diplomat' });
    const g = gradeClaim({ claim: claim('a#1', [a, b]) });
    expect(detail(g, 'anonymity')).toBe(
      '2 unnamed links (an aide, a diplomat): the reader cannot check who said it.',
    );
  });

  it('names every fold, separated by semicolons, and every kind that speaks with one voice', () => {
    const gov = { key: 'actor:gov', name: 'The Government', kind: 'government' };
    const aide = agent('actor:aide', 'person', { name: 'An Aide', affiliations: [gov] });
    const office = agent('actor:office', 'organisation', { name: 'The Office', affiliations: [gov] });
    const g = gradeClaim({ claim: claim('a#1', [aide]), supporters: [claim('b#1', [office])] });
    expect(detail(g, 'affiliation-fold')).toBe(
      'An Aide folded into The Government (a#1); The Office folded into The Government (b#1): ' +
        'a government or state and its officials and offices speak with one voice, so they count as ' +
        'one origin, never as corroboration of each other.',
    );
  });

  it('weighs an origin by its strongest supporter and lists its claims with commas', () => {
    const weak = claim('b#1', [agent('source:x:s', 'anonymous', { name: 'a source' }), envoy]);
    const strong = claim('c#1', [envoy]);
    const g = gradeClaim({ claim: claim('a#1', [minister]), supporters: [weak, strong] });
    const strongest = gradeClaim({ claim: strong }).confidence!;
    expect(g.independentOrigins).toBe(2);
    expect(g.factors.find((f) => f.factor === 'corroboration')?.effect).toBeCloseTo(
      Math.min(config.maxCorroboration, config.corroborationPerOrigin * strongest),
    );
    expect(detail(g, 'corroboration')).toContain('(b#1, c#1, strength');
  });

  it('names every speaker of one origin, separated by commas', () => {
    const reuters = agent('source:reuters', 'wire', { name: 'Reuters' });
    const aide = agent('actor:aide', 'person', { name: 'An Aide' });
    const g = gradeClaim({
      claim: claim('a#1', [minister]),
      supporters: [claim('b#1', [reuters, envoy]), claim('c#1', [reuters, aide])],
    });
    expect(detail(g, 'corroboration')).toMatch(
      /^Supported by 1 independent origin: The Envoy, An Aide \(b#1, c#1, strength/,
    );
  });

  it('gives the whole explanation of circular reporting, sentence after sentence', () => {
    const reuters = agent('source:reuters', 'wire', { name: 'Reuters' });
    const g = gradeClaim({
      claim: claim('a#1', [reuters, minister]),
      supporters: [claim('b#1', [reuters, envoy]), claim('c#1', [reuters, envoy])],
    });
    const text = detail(g, 'circular-reporting')!;
    expect(text.match(/one origin, not two\./g)?.length).toBe(2);
    expect(text).toMatch(/not two\. c#1/);
  });

  it('calls an opposing claim with no kind a claim', () => {
    const demand = claim('a#1', [minister], { kind: 'demand' });
    const g = gradeClaim({ claim: demand, contradictors: [claim('b#1', [envoy])] });
    expect(detail(g, 'disagreement')).toMatch(/^Opposed by b#1 \(claim\): a clash of positions/);
  });

  it('lists every opposing claim with commas', () => {
    const demand = claim('a#1', [minister], { kind: 'demand' });
    const g = gradeClaim({
      claim: demand,
      contradictors: [claim('b#1', [envoy]), claim('c#1', [envoy], { kind: 'rejection' })],
    });
    expect(detail(g, 'disagreement')).toMatch(/^Opposed by b#1 \(claim\), c#1 \(rejection\): a clash/);
  });
});

describe('confidence exactly at its bounds', () => {
  it('adds no bounds factor at exactly 1 or exactly 0', () => {
    const sure = agent('actor:sure', 'person', { reliabilityOverride: 'A' });
    const top = gradeClaim({
      claim: claim('a#1', [sure], { by: agent('source:top', 'outlet', { reliabilityOverride: 'A' }) }),
    });
    expect(top.confidence).toBe(1);
    expect(factorNames(top)).not.toContain('bounds');
    const zero = mergeGradingConfig({ reliabilityWeight: { F: 0 } });
    const nobody = agent('actor:nobody', 'person', { reliabilityOverride: 'F' });
    const bottom = gradeClaim({ claim: claim('a#1', [nobody]) }, zero);
    expect(bottom.confidence).toBe(0);
    expect(factorNames(bottom)).not.toContain('bounds');
  });
});

describe('confirmation at its threshold', () => {
  it('counts a supporter whose strength equals the confirming strength', () => {
    const at = mergeGradingConfig({ confirmingStrengthFrom: 0.85, confirmedFrom: 0 });
    const named = (key: string) => agent(key, 'person', { reliabilityOverride: 'B' });
    const by = agent('source:by', 'outlet', { reliabilityOverride: 'A' });
    const supporter = claim('b#1', [named('actor:b')], { by });
    expect(gradeClaim({ claim: supporter }, at).confidence).toBe(0.85);
    const g = gradeClaim({ claim: claim('a#1', [named('actor:a')], { by }), supporters: [supporter] }, at);
    expect(g.credibility).toBe(1);
  });

  it('never confirms without a rating when the confirmed-rating threshold is 0', () => {
    const zero = mergeGradingConfig({ confirmedRatingFrom: 0 });
    expect(
      credibilityOf(0.2, { confirmingOrigins: 0, contradicted: false, rating: null, config: zero }),
    ).toBe(4);
  });
});

describe('an assessment rated by its verdict alone', () => {
  it('shows no rating scale when the rating value is null', () => {
    const verdict = Object.keys(config.verdictRatings)[0]!;
    const assessment = {
      key: 'assessment:1',
      reviewer: 'Checker',
      verdict,
      date: '2026-01-10',
      // Rows read from the graph carry null, not undefined, for a value never given.
      ratingValue: null,
    } as unknown as RecordedAssessment;
    const g = gradeClaim({ claim: claim('a#1', [minister], { assessments: [assessment] }) });
    expect(detail(g, 'assessment')).toMatch(
      new RegExp(`^Checker assessed it "${verdict}" on 2026-01-10: rating`),
    );
  });

  it('shows no rating scale', () => {
    const verdict = Object.keys(config.verdictRatings)[0]!;
    const assessment: RecordedAssessment = {
      key: 'assessment:1',
      reviewer: 'Checker',
      verdict,
      date: '2026-01-10',
    } as RecordedAssessment;
    const g = gradeClaim({ claim: claim('a#1', [minister], { assessments: [assessment] }) });
    expect(detail(g, 'assessment')).toMatch(
      new RegExp(`^Checker assessed it "${verdict}" on 2026-01-10: rating`),
    );
  });
});

describe('a grading configuration from a file', () => {
  it('reads the file a path names', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'grading-config-'));
    const file = path.join(dir, 'grading.json');
    writeFileSync(file, JSON.stringify({ anonymousReliabilityCap: 'D' }));
    expect(loadGradingConfig({ GRADING_CONFIG: file }).anonymousReliabilityCap).toBe('D');
  });
});
