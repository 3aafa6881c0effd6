/**
 * Chronology at its edges: the exact wording of both kinds of conflict, which links a cycle sets
 * aside (and which it does not), the tie-breaks between events whose dates do not decide, and
 * days compared as days. Written from the survivors of mutation testing (docs/mutation-testing.md).
 */
import { describe, expect, it } from 'vitest';
import { chronology, type DatedEvent } from '../../../src/domain/chronology.js';

const ev = (
  key: string,
  start: string | null,
  end: string | null = start,
  told: number | null = null,
): DatedEvent => ({ key, name: `The ${key} event`, start, end, told });

const link = (later: string, earlier: string, cue = 'then') => ({ later, earlier, cue });

describe('conflicts, word for word', () => {
  it('names a cue against the dates with both events, the last day of the later one and the first of the earlier', () => {
    const r = chronology(
      [ev('old', '2020-01-01', '2020-01-05'), ev('new', '2025-01-01', '2025-02-01')],
      [link('old', 'new', 'days later')],
    );
    expect(r.conflicts).toEqual([
      {
        links: [link('old', 'new', 'days later')],
        detail:
          '"days later" puts The old event after The new event, but its dates (to 2020-01-05) end before The new event begins (2025-01-01).',
      },
    ]);
  });

  it('names every link of a circle, in the order of their later and earlier events', () => {
    const r = chronology(
      [ev('a', '2025-01-01'), ev('b', '2025-01-01'), ev('c', '2025-01-01')],
      [link('c', 'b', 'soon after'), link('a', 'c', 'following'), link('b', 'a', 'then')],
    );
    expect(r.conflicts).toEqual([
      {
        links: [link('a', 'c', 'following'), link('b', 'a', 'then'), link('c', 'b', 'soon after')],
        detail:
          'The sequence cues go round in a circle (The a event after The c event ("following"); The b event after The a event ("then"); The c event after The b event ("soon after")): none of them is followed.',
      },
    ]);
  });

  it('lists conflicts against the dates sorted by later event, then earlier event', () => {
    const r = chronology(
      [ev('a', '2020-01-01'), ev('b', '2020-01-01'), ev('y', '2025-01-01'), ev('z', '2025-01-01')],
      [link('b', 'z'), link('b', 'y'), link('a', 'z')],
    );
    expect(r.conflicts.map((c) => c.links[0])).toEqual([link('a', 'z'), link('b', 'y'), link('b', 'z')]);
  });
});

describe('what a cycle sets aside', () => {
  it('reports nothing for a chain, a fork or links that cross between branches', () => {
    const events = ['a', 'b', 'c', 'd'].map((k) => ev(k, null));
    // a -> b, c -> d -> b: d reaches b, already finished, from another branch.
    const r = chronology(events, [link('b', 'a'), link('d', 'c'), link('b', 'd')]);
    expect(r.conflicts).toEqual([]);
    expect(r.order.indexOf('b')).toBeGreaterThan(r.order.indexOf('d'));
    expect(r.order.indexOf('d')).toBeGreaterThan(r.order.indexOf('c'));
  });

  it('sets aside only the links of the circle and follows the others', () => {
    const events = [ev('a', null, null, 1), ev('b', null, null, 2), ev('d', null, null, 0)];
    // a and b go round; d after a is followed, so d comes after a although told first.
    const r = chronology(events, [link('a', 'b'), link('b', 'a'), link('d', 'a')]);
    expect(r.conflicts.map((c) => c.links)).toEqual([[link('a', 'b'), link('b', 'a')]]);
    expect(r.order).toEqual(['a', 'd', 'b']);
  });

  it('sets aside two circles in one conflict, with the link between them followed', () => {
    const events = ['a', 'b', 'c', 'd'].map((k, i) => ev(k, null, null, 10 - i));
    const r = chronology(events, [
      link('a', 'b'),
      link('b', 'a'),
      link('c', 'd'),
      link('d', 'c'),
      link('c', 'b'),
    ]);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.links).toEqual([link('a', 'b'), link('b', 'a'), link('c', 'd'), link('d', 'c')]);
    expect(r.order.indexOf('c')).toBeGreaterThan(r.order.indexOf('b'));
  });

  it('ignores a link to an event it does not know, and an event after itself', () => {
    const r = chronology(
      [ev('a', '2025-01-02'), ev('b', '2025-01-01')],
      [link('a', 'ghost'), link('ghost', 'b'), link('b', 'b')],
    );
    expect(r).toEqual({ order: ['b', 'a'], conflicts: [] });
  });
});

describe('dates as days', () => {
  it('does not see a contradiction between two times of one day', () => {
    const r = chronology(
      [
        ev('later', '2025-01-01', '2025-01-01'),
        ev('earlier', '2025-01-01T10:00:00Z', '2025-01-01T12:00:00Z'),
      ],
      [link('later', 'earlier')],
    );
    expect(r).toEqual({ order: ['earlier', 'later'], conflicts: [] });
  });

  it('sees no contradiction where the later event has no last day or the earlier no first day', () => {
    const open = chronology(
      [ev('later', '2020-01-01', null), ev('earlier', '2025-01-01')],
      [link('later', 'earlier')],
    );
    expect(open).toEqual({ order: ['earlier', 'later'], conflicts: [] });
    const before = chronology(
      [ev('later', '2020-01-01'), ev('earlier', null, '2025-01-01')],
      [link('later', 'earlier')],
    );
    expect(before).toEqual({ order: ['earlier', 'later'], conflicts: [] });
  });
});

describe('ties the dates leave', () => {
  it('sorts an approximate date by its first day, then by its last', () => {
    const r = chronology(
      [
        ev('month', '2025-01-01', '2025-01-31'),
        ev('week', '2025-01-01', '2025-01-07'),
        ev('next', '2025-01-02'),
      ],
      [],
    );
    expect(r.order).toEqual(['week', 'month', 'next']);
  });

  it('sorts a time open before by its last day, and the undated last', () => {
    const r = chronology(
      [
        ev('undated', null, null, 0),
        ev('y', '2025-01-04'),
        ev('open', null, '2025-01-03'),
        ev('x', '2025-01-02'),
      ],
      [],
    );
    expect(r.order).toEqual(['x', 'open', 'y', 'undated']);
  });

  it('sorts a time with no last day after a time that ends on its first day', () => {
    const r = chronology([ev('open', '2025-01-01', null), ev('day', '2025-01-01')], []);
    expect(r.order).toEqual(['day', 'open']);
  });

  it('then by where the article tells it (untold last), then by key', () => {
    const same = (key: string, told: number | null) => ev(key, '2025-01-01', '2025-01-01', told);
    expect(chronology([same('a', 10), same('b', 3), same('c', null)], []).order).toEqual(['b', 'a', 'c']);
    expect(chronology([same('b', null), same('a', null)], []).order).toEqual(['a', 'b']);
    expect(chronology([same('z', 0), same('a', null)], []).order).toEqual(['z', 'a']);
  });
});
