import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chronology, type DatedEvent } from '../../../src/domain/chronology.js';

const ev = (
  key: string,
  start: string | null,
  end: string | null = start,
  told: number | null = null,
): DatedEvent => ({
  key,
  name: key,
  start,
  end,
  told,
});

describe('chronology', () => {
  it('orders by date first, whatever the names', () => {
    const r = chronology([ev('a-late', '2025-10-01'), ev('z-early', '2025-01-01')], []);
    expect(r.order).toEqual(['z-early', 'a-late']);
  });

  it('orders events of the same date by the sequence cues, not by name', () => {
    const paris = ev('paris', '2025-09-11', '2025-09-30', 100);
    const london = ev('a-london', '2025-09-11', '2025-09-30', 200);
    expect(chronology([paris, london], []).order).toEqual(['paris', 'a-london']);
    const freeze = ev('a-freeze', '2025-10-01', '2025-10-31', 50);
    const resignation = ev('resignation', '2025-10-01', '2025-10-31', 40);
    const cue = { later: 'a-freeze', earlier: 'resignation', cue: 'Talks were then' };
    expect(chronology([freeze, resignation], [cue]).order).toEqual(['resignation', 'a-freeze']);
    // The cue wins over the order of telling.
    const told = chronology(
      [ev('x', '2025-10-01', null, 10), ev('y', '2025-10-01', null, 20)],
      [{ later: 'x', earlier: 'y', cue: 'then' }],
    );
    expect(told.order).toEqual(['y', 'x']);
  });

  it('reports a cue that contradicts the dates and does not follow it', () => {
    const r = chronology(
      [ev('old', '2020-01-01'), ev('new', '2025-01-01')],
      [{ later: 'old', earlier: 'new', cue: 'days later' }],
    );
    expect(r.order).toEqual(['old', 'new']);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]!.detail).toContain('"days later" puts old after new');
  });

  it('reports cues that go round in a circle and follows none of them', () => {
    const r = chronology(
      [ev('a', '2025-01-01', null, 2), ev('b', '2025-01-01', null, 1)],
      [
        { later: 'a', earlier: 'b', cue: 'then' },
        { later: 'b', earlier: 'a', cue: 'following' },
      ],
    );
    expect(r.order).toEqual(['b', 'a']);
    expect(r.conflicts[0]!.links).toHaveLength(2);
  });

  it('keeps every event once and honours every followed cue', () => {
    const dates = ['2025-01-01', '2025-01-02', null] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ d: fc.constantFrom(...dates), told: fc.nat(100) }), {
          minLength: 1,
          maxLength: 8,
        }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 10 }),
        (specs, pairs) => {
          const events = specs.map((s, i) => ev(`e${i}`, s.d, s.d, s.told));
          const links = pairs
            .filter(([a, b]) => a < events.length && b < events.length && a !== b)
            .map(([a, b]) => ({ later: `e${a}`, earlier: `e${b}`, cue: 'then' }));
          const r = chronology(events, links);
          expect([...r.order].sort()).toEqual(events.map((e) => e.key).sort());
          const set = new Set(r.conflicts.flatMap((c) => c.links));
          for (const l of links.filter((x) => !set.has(x))) {
            expect(r.order.indexOf(l.later)).toBeGreaterThan(r.order.indexOf(l.earlier));
          }
        },
      ),
    );
  });
});
