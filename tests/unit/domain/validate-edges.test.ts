/**
 * Document validation at the edges its other tests leave open: the exact wording of a ring of
 * affiliations (short and long), relative times on claims and hops (the claim they belong to),
 * the boundary days of "before" and "after" an anchor, and spans at the very end of the text.
 * Written from the survivors of mutation testing (docs/mutation-testing.md).
 */
import { describe, expect, it } from 'vitest';
import { DocumentValidationError, parseArticleDocument } from '../../../src/domain/validate.js';
import { MINI_TEXT, miniDoc, spanOf } from '../../support/mini-doc.js';
import { affiliationRing as ring, issuesOf } from '../../support/validation.js';

type Doc = ReturnType<typeof miniDoc>;

describe('rings of affiliation', () => {
  it('names a short ring in full, closed on its first member, at each member', () => {
    expect(issuesOf(ring(2))).toEqual([
      { path: 'actors[4].affiliation', message: 'affiliation cycle: "g0" -> "g1" -> "g0"' },
      { path: 'actors[5].affiliation', message: 'affiliation cycle: "g0" -> "g1" -> "g0"' },
    ]);
  });

  it('names five members of a ring of five, and five with a count past that', () => {
    const five = issuesOf(ring(5));
    expect(five).toHaveLength(5);
    expect(new Set(five.map((i) => i.message))).toEqual(
      new Set(['affiliation cycle: "g0" -> "g1" -> "g2" -> "g3" -> "g4" -> "g0"']),
    );
    const six = issuesOf(ring(6));
    expect(six).toHaveLength(6);
    expect(new Set(six.map((i) => i.message))).toEqual(
      new Set(['affiliation cycle: "g0" -> "g1" -> "g2" -> "g3" -> "g4" -> ... (6 in all)']),
    );
  });

  it('names the ring only, not the actors that lead into it', () => {
    const doc = ring(2);
    doc.actors!.push({ id: 'h', name: 'H', kind: 'group', aliases: [], affiliation: 'g1' });
    doc.actors![0]!.affiliation = 'h';
    // Walked from the minister: minister -> h -> g1 -> g0 -> g1, so the ring is named from g1.
    expect(issuesOf(doc)).toEqual([
      { path: 'actors[5].affiliation', message: 'affiliation cycle: "g1" -> "g0" -> "g1"' },
      { path: 'actors[4].affiliation', message: 'affiliation cycle: "g1" -> "g0" -> "g1"' },
    ]);
  });

  it('reports two separate rings each on its own', () => {
    const doc = ring(2);
    doc.actors!.push(
      { id: 'k0', name: 'K 0', kind: 'group', aliases: [], affiliation: 'k1' },
      { id: 'k1', name: 'K 1', kind: 'group', aliases: [], affiliation: 'k0' },
    );
    expect(issuesOf(doc).map((i) => `${i.path}: ${i.message}`)).toEqual([
      'actors[4].affiliation: affiliation cycle: "g0" -> "g1" -> "g0"',
      'actors[5].affiliation: affiliation cycle: "g0" -> "g1" -> "g0"',
      'actors[6].affiliation: affiliation cycle: "k0" -> "k1" -> "k0"',
      'actors[7].affiliation: affiliation cycle: "k0" -> "k1" -> "k0"',
    ]);
  });
});

describe('relative times', () => {
  // The March talks run 2026-03-01..2026-03-31 (miniDoc).
  const before = (t: Record<string, string>) => ({
    text: 'before that',
    ...t,
    relativeTo: { event: 'talks-march', relation: 'before' as const },
  });
  const after = (t: Record<string, string>) => ({
    text: 'after that',
    ...t,
    relativeTo: { event: 'talks-march', relation: 'after' as const },
  });

  it("checks a claim's time and a hop's time, naming the claim", () => {
    const doc = miniDoc();
    doc.claims[1]!.time = before({ start: '2026-04-01' });
    doc.claims[1]!.chain![1]!.time = after({ end: '2026-02-28' });
    expect(issuesOf(doc)).toEqual([
      {
        path: 'claims[1].time.relativeTo',
        message: '"before that" is before "talks-march", which ends 2026-03-31, but starts 2026-04-01',
        claimId: 'minister-no-resign',
      },
      {
        path: 'claims[1].chain[1].time.relativeTo',
        message: '"after that" is after "talks-march", which starts 2026-03-01, but ends 2026-02-28',
        claimId: 'minister-no-resign',
      },
    ]);
  });

  it("names a claim's anchor that is no event, with its claim", () => {
    const doc = miniDoc();
    doc.claims[2]!.time = { text: 'then', relativeTo: { event: 'paris', relation: 'after' } };
    expect(issuesOf(doc)).toEqual([
      {
        path: 'claims[2].time.relativeTo.event',
        message: 'unknown reference "paris" (expected the id of a event)',
        claimId: 'talks-resume-march',
      },
    ]);
  });

  it('accepts a time that touches its anchor on the right side, on the last or first day', () => {
    const doc = miniDoc();
    doc.claims[1]!.time = before({ start: '2026-03-31' });
    doc.claims[2]!.time = after({ end: '2026-03-01' });
    expect(() => parseArticleDocument(doc)).not.toThrow();
  });

  it('accepts a time well on the right side: after, starting past the end; before, ending ahead of the start', () => {
    const doc = miniDoc();
    doc.claims[1]!.time = after({ start: '2026-04-02', end: '2026-04-03' });
    doc.claims[2]!.time = before({ start: '2026-02-01', end: '2026-02-02' });
    expect(() => parseArticleDocument(doc)).not.toThrow();
  });

  it('reads a start alone as one day, on both sides', () => {
    const doc = miniDoc();
    doc.events![0]!.time = { text: 'on 1 March', start: '2026-03-01' };
    doc.claims[1]!.time = before({ start: '2026-03-02' });
    doc.claims[2]!.time = after({ start: '2026-02-28' });
    expect(issuesOf(doc).map((i) => i.message)).toEqual([
      '"before that" is before "talks-march", which ends 2026-03-01, but starts 2026-03-02',
      '"after that" is after "talks-march", which starts 2026-03-01, but ends 2026-02-28',
    ]);
  });

  it('says nothing of the side when either side has no stated day', () => {
    const doc = miniDoc();
    doc.events![0]!.time = { text: 'in spring' };
    doc.claims[1]!.time = before({ start: '2026-09-01' });
    doc.claims[2]!.time = after({ end: '2020-01-01' });
    expect(() => parseArticleDocument(doc)).not.toThrow();
    const unstated = miniDoc();
    unstated.claims[1]!.time = before({});
    unstated.claims[2]!.time = after({});
    expect(() => parseArticleDocument(unstated)).not.toThrow();
  });
});

describe('relative times of events', () => {
  /** The mini document with two more events, `a` anchored on `b` and `b` on `a`. */
  function anchoredInCircle(): Doc {
    const doc = miniDoc();
    doc.events!.push(
      {
        id: 'ev-a',
        name: 'A',
        kind: 'meeting',
        time: { text: 'days later', relativeTo: { event: 'ev-b', relation: 'after' } },
      },
      {
        id: 'ev-b',
        name: 'B',
        kind: 'meeting',
        time: { text: 'earlier', relativeTo: { event: 'ev-a', relation: 'before' } },
      },
    );
    return doc;
  }

  it('names events anchored on each other, at each one', () => {
    expect(issuesOf(anchoredInCircle())).toEqual([
      {
        path: 'events[1].time.relativeTo.event',
        message: 'time.relativeTo.event cycle: "ev-a" -> "ev-b" -> "ev-a"',
      },
      {
        path: 'events[2].time.relativeTo.event',
        message: 'time.relativeTo.event cycle: "ev-a" -> "ev-b" -> "ev-a"',
      },
    ]);
  });

  it('names an event anchored on itself', () => {
    const doc = miniDoc();
    doc.events!.push({
      id: 'ev-a',
      name: 'A',
      kind: 'meeting',
      time: { text: 'then', relativeTo: { event: 'ev-a', relation: 'after' } },
    });
    expect(issuesOf(doc)).toEqual([
      { path: 'events[1].time.relativeTo.event', message: '"ev-a" cannot be its own time.relativeTo.event' },
    ]);
  });

  it("checks the side of an event's relative time, at the event's path", () => {
    const doc = miniDoc();
    doc.events!.push({
      id: 'ev-a',
      name: 'A',
      kind: 'meeting',
      time: {
        text: 'days later',
        end: '2026-02-10',
        relativeTo: { event: 'talks-march', relation: 'after' },
      },
    });
    expect(issuesOf(doc)).toEqual([
      {
        path: 'events[1].time.relativeTo',
        message: '"days later" is after "talks-march", which starts 2026-03-01, but ends 2026-02-10',
      },
    ]);
  });
});

describe('relative times with a clock part', () => {
  const before = (start: string) => ({
    text: 'before that',
    start,
    relativeTo: { event: 'talks-march', relation: 'before' as const },
  });

  it('compares days, not instants: a time late on the last day of the anchor is not after it', () => {
    const doc = miniDoc();
    doc.claims[1]!.time = before('2026-03-31T23:00:00Z');
    expect(() => parseArticleDocument(doc)).not.toThrow();
  });

  it('names the day, not the instant, of a time on the wrong side', () => {
    const doc = miniDoc();
    doc.claims[1]!.time = before('2026-04-01T08:30:00Z');
    expect(issuesOf(doc).map((i) => i.message)).toEqual([
      '"before that" is before "talks-march", which ends 2026-03-31, but starts 2026-04-01',
    ]);
  });
});

describe('spans at the end of the text', () => {
  it('quotes a wrong span of exactly 60 characters whole, and cuts one of 61', () => {
    const doc = miniDoc();
    doc.claims[3]!.evidence = { start: 0, end: 60, text: 'y'.repeat(60) };
    doc.claims[2]!.evidence = { start: 0, end: 61, text: 'z'.repeat(61) };
    expect(issuesOf(doc).map((i) => i.message)).toEqual([
      `span 0-61 reads ${JSON.stringify(`${MINI_TEXT.slice(0, 57)}...`)}, not "${'z'.repeat(57)}..."`,
      `span 0-60 reads ${JSON.stringify(MINI_TEXT.slice(0, 60))}, not "${'y'.repeat(60)}"`,
    ]);
  });

  it('accepts a span that ends exactly at the end of the article', () => {
    const doc = miniDoc();
    doc.claims[3]!.evidence = spanOf(MINI_TEXT, 'the truce is fragile.');
    expect(() => parseArticleDocument(doc)).not.toThrow();
  });
});

describe('where a problem belongs', () => {
  it('gives a shape problem outside the claims no claim id, even with an index second in its path', () => {
    const doc = miniDoc() as any;
    doc.sources[0].id = 7;
    for (const issue of issuesOf(doc)) expect(issue).not.toHaveProperty('claimId');
  });

  it('gives a claim that is not an object a problem at its index, with no claim id', () => {
    const doc = miniDoc() as any;
    doc.claims[0] = null;
    const issues = issuesOf(doc);
    expect(issues.map((i) => i.path)).toEqual(['claims[0]']);
    expect(issues[0]).not.toHaveProperty('claimId');
  });

  it('counts no more problems in the message when there are exactly five', () => {
    const doc = miniDoc();
    doc.claims.forEach((c) => (c.about = ['atlantis']));
    doc.relations = [{ from: 'x1', to: 'truce-fragile', type: 'SUPPORTS' }];
    try {
      parseArticleDocument(doc);
      throw new Error('accepted');
    } catch (error) {
      expect((error as DocumentValidationError).total).toBe(5);
      expect((error as DocumentValidationError).message).not.toMatch(/more\)$/);
    }
  });
});
