/**
 * The throughput run's answer check (bench/answers.ts): a planted mismatch, a missing baseline,
 * an empty answer on both sides, a server that changes its answer under load, a failed request
 * during timing, and no check during timing at all each fail the run; real agreement passes. The
 * answers below have the shapes the two servers give to the mix's queries (bench/throughput.ts).
 */
import { describe, expect, it } from 'vitest';
import { AnswerCheck, answerView, type Target } from '../../../bench/answers.js';
import { isEmptyAnswer } from '../../../bench/latency.js';

const hop = (role: string, name: string, anonymous = false) => ({
  role,
  anonymous,
  toldByActor: [],
  toldBySource: [{ key: `source:${name}`, name }],
});

/** @neo4j/graphql: the hop-0 telling with its chain nested in quotedFrom. */
function theirTellings(chain: [string, string, boolean?][]) {
  let inner: Record<string, unknown> | undefined;
  for (const [role, name, anonymous] of [...chain].reverse()) {
    inner = { ...hop(role, name, anonymous), quotedFrom: inner ? [inner] : [] };
  }
  return inner ? [inner] : [];
}
/** Ours: the chain as a list of positions, roles as enum values. */
const ourChain = (chain: [string, string, boolean?][]) =>
  chain.map(([role, name, anonymous], position) => ({
    position,
    role: role.toUpperCase(),
    anonymous: anonymous ?? false,
    agent: { key: `source:${name}`, name },
  }));

const CHAIN: [string, string, boolean?][] = [
  ['published', 'Daily'],
  ['reported', 'Wire'],
  ['said', 'an official', true],
];
const provenance = {
  ours: { claim: { key: 'a#1', provenance: { chain: ourChain(CHAIN) } } },
  theirs: { claims: [{ key: 'a#1', tellings: theirTellings(CHAIN) }] },
};
const page = {
  ours: {
    claims: {
      totalCount: 1,
      edges: [{ node: { key: 'a#1', provenance: { chain: ourChain(CHAIN) } } }],
    },
  },
  theirs: { claims: [{ key: 'a#1', tellings: theirTellings(CHAIN) }] },
};
const PROVENANCE = { name: 'provenance', variables: { key: 'a#1' } };
const PAGE = { name: 'speaker-page', variables: { speaker: 'source:an-official' } };
const SEARCH = { name: 'search', variables: { q: 'truce' } };
const searchAnswer = (target: Target, keys: string[]) =>
  target === 'ours'
    ? { searchClaims: { edges: keys.map((key) => ({ node: { key } })) } }
    : { claimsFulltext: { edges: keys.map((key) => ({ score: 1, node: { key } })) } };

/** Both servers answer the sample alike, before and during timing. */
function agreeing(): AnswerCheck {
  const check = new AnswerCheck();
  for (const target of ['ours', 'neo4j-graphql'] as const) {
    const side = target === 'ours' ? 'ours' : 'theirs';
    for (const phase of ['before', 'during'] as const) {
      check.record(target, phase, 0, PROVENANCE, provenance[side]);
      check.record(target, phase, 1, PAGE, page[side]);
      check.record(target, phase, 2, SEARCH, searchAnswer(target, target === 'ours' ? ['a#1'] : ['b#2']));
    }
  }
  return check;
}

describe('the answer views', () => {
  it('read the same chain from our list of positions and from @neo4j/graphql nesting', () => {
    const ours = answerView('ours', 'provenance', provenance.ours);
    expect(ours).toEqual({
      key: 'a#1',
      agents: ['Daily', 'Wire', 'an official'],
      roles: ['published', 'reported', 'said'],
      anonymous: [false, false, true],
    });
    expect(answerView('neo4j-graphql', 'provenance', provenance.theirs)).toEqual(ours);
    expect(answerView('neo4j-graphql', 'speaker-page', page.theirs)).toEqual(
      answerView('ours', 'speaker-page', page.ours),
    );
  });

  it('take our chain in position order, whatever order the list came in', () => {
    const shuffled = {
      claim: { ...provenance.ours.claim, provenance: { chain: ourChain(CHAIN).reverse() } },
    };
    expect(answerView('ours', 'provenance', shuffled)).toEqual(
      answerView('ours', 'provenance', provenance.ours),
    );
  });

  it('are null for an answer that holds nothing', () => {
    expect(answerView('ours', 'provenance', { claim: null })).toBeNull();
    expect(answerView('neo4j-graphql', 'provenance', { claims: [] })).toBeNull();
    expect(answerView('ours', 'speaker-page', { claims: { totalCount: 0, edges: [] } })).toBeNull();
    expect(answerView('ours', 'search', searchAnswer('ours', []))).toBeNull();
    expect(answerView('ours', 'contested', { contestedClaims: { edges: [] } })).toBeNull();
    expect(answerView('ours', 'neighbourhood', { neighbourhood: { nodes: [] } })).toBeNull();
    expect(answerView('ours', 'provenance', null)).toBeNull();
  });

  it('refuse a question they do not know rather than call every answer equal', () => {
    expect(() => answerView('ours', 'timeline', {})).toThrow(/timeline/);
  });
});

describe('the answer check', () => {
  it('passes when both servers agree before and during timing', () => {
    expect(agreeing().problems()).toEqual([]);
  });

  it('fails on a planted mismatch between the servers', () => {
    const wrong = [...CHAIN];
    wrong[2] = ['said', 'a minister', false];
    const theirs = { claims: [{ key: 'a#1', tellings: theirTellings(wrong) }] };
    const check = new AnswerCheck();
    for (const phase of ['before', 'during'] as const) {
      check.record('ours', phase, 0, PROVENANCE, provenance.ours);
      check.record('neo4j-graphql', phase, 0, PROVENANCE, theirs);
    }
    const problems = check.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(
      /#0 provenance .*neo4j-graphql answered .*a minister.* but ours .*an official/,
    );
  });

  it('fails when a server answers differently under load than before', () => {
    const check = agreeing();
    check.record('neo4j-graphql', 'during', 1, PAGE, { claims: [] });
    check.record('ours', 'during', 2, SEARCH, searchAnswer('ours', ['c#3']));
    const problems = check.problems();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/#1 speaker-page .*neo4j-graphql answered null under load/);
    expect(problems[1]).toMatch(/#2 search .*ours answered \["c#3"\] under load but \["a#1"\] before/);
  });

  it('fails on a request ours never answered: no baseline to check the other against', () => {
    const check = agreeing();
    check.record('neo4j-graphql', 'before', 7, PROVENANCE, provenance.theirs);
    expect(check.problems()).toEqual([expect.stringMatching(/#7 provenance .*missing baseline/)]);
  });

  it('fails when one server never answered a request of the sample', () => {
    const check = new AnswerCheck();
    check.record('ours', 'before', 0, PROVENANCE, provenance.ours);
    check.record('ours', 'during', 0, PROVENANCE, provenance.ours);
    expect(check.problems()).toEqual([
      'neo4j-graphql: no answer was checked during timing',
      expect.stringMatching(/#0 provenance .*neo4j-graphql never answered it before timing/),
    ]);
  });

  it('fails on an empty answer on both sides: agreement on nothing proves nothing', () => {
    const check = agreeing();
    check.record('ours', 'before', 3, PROVENANCE, { claim: null });
    check.record('neo4j-graphql', 'before', 3, PROVENANCE, { claims: [] });
    expect(check.problems()).toEqual([expect.stringMatching(/#3 provenance .*empty answer on both sides/)]);
  });

  it('fails on an empty answer to a question each server is held to alone', () => {
    const check = agreeing();
    check.record('ours', 'before', 4, SEARCH, searchAnswer('ours', ['a#1']));
    check.record('neo4j-graphql', 'before', 4, SEARCH, searchAnswer('neo4j-graphql', []));
    expect(check.problems()).toEqual([expect.stringMatching(/#4 search .*neo4j-graphql answered nothing/)]);
  });

  it('fails when a request failed during timing', () => {
    const check = agreeing();
    check.recordFailure('ours', 'during', 0, 'provenance', 'HTTP 503');
    expect(check.problems()).toEqual(['#0 provenance: ours failed during timing: HTTP 503']);
  });

  it('fails when nothing was checked while the load ran', () => {
    const check = new AnswerCheck();
    for (const target of ['ours', 'neo4j-graphql'] as const) {
      check.record(target, 'before', 0, PROVENANCE, target === 'ours' ? provenance.ours : provenance.theirs);
    }
    expect(check.problems()).toEqual([
      'ours: no answer was checked during timing',
      'neo4j-graphql: no answer was checked during timing',
    ]);
  });
});

describe('the latency check', () => {
  it('counts a view whose every list is empty as an empty answer, and a real one not', () => {
    expect(isEmptyAnswer({ claimKey: 'a#1', agents: [], roles: [], anonymous: [] })).toBe(true);
    expect(isEmptyAnswer({ total: 0, items: [] })).toBe(true);
    expect(isEmptyAnswer([])).toBe(true);
    expect(isEmptyAnswer(undefined)).toBe(true);
    expect(isEmptyAnswer({ total: 1, items: ['a#1: Daily'] })).toBe(false);
    expect(isEmptyAnswer(['a#1'])).toBe(false);
  });
});
