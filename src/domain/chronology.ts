/**
 * Chronology: events in the order they happened, as far as the text tells it. Dates come first;
 * where dates do not decide (the same or overlapping approximate dates), the article's sequence
 * cues ("days later", "then", "following": AFTER links) order the events topologically; where
 * neither does, the order the article tells them in. Never by name. A cue that contradicts the
 * dates, or cues that go round in a cycle, are reported and set aside, never silently obeyed.
 */

export interface DatedEvent {
  key: string;
  name: string;
  /**
   * The first and last day the event may fall on (domain/time.ts `earliest`/`latest`; the same day
   * for a single day); null on a side the text leaves open ("previously": no first day).
   */
  start: string | null;
  end: string | null;
  /** Where the article first tells it (evidence offset); later articles' events after. */
  told: number | null;
}

/** `later` came after `earlier`, per the article's words `cue`. */
export interface SequenceLink {
  later: string;
  earlier: string;
  cue: string;
}

export interface ChronologyConflict {
  /** The links set aside. */
  links: SequenceLink[];
  detail: string;
}

export interface Chronology {
  order: string[];
  conflicts: ChronologyConflict[];
}

const day = (iso: string | null) => (iso === null ? null : iso.slice(0, 10));

/** The order events happened in, and the cues that could not be followed. */
export function chronology(events: readonly DatedEvent[], links: readonly SequenceLink[]): Chronology {
  const byKey = new Map(events.map((e) => [e.key, e]));
  const conflicts: ChronologyConflict[] = [];

  // A cue whose later event ends before its earlier event starts contradicts the dates.
  const usable: SequenceLink[] = [];
  for (const l of [...links].sort(
    (a, b) => a.later.localeCompare(b.later) || a.earlier.localeCompare(b.earlier),
  )) {
    const later = byKey.get(l.later);
    const earlier = byKey.get(l.earlier);
    if (!later || !earlier || l.later === l.earlier) continue;
    const laterEnd = day(later.end);
    const earlierStart = day(earlier.start);
    if (laterEnd !== null && earlierStart !== null && laterEnd < earlierStart) {
      conflicts.push({
        links: [l],
        detail: `"${l.cue}" puts ${later.name} after ${earlier.name}, but its dates (to ${laterEnd}) end before ${earlier.name} begins (${earlierStart}).`,
      });
      continue;
    }
    usable.push(l);
  }

  // Cycles among the cues: every link of a strongly connected component is set aside.
  const cyclic = cyclicLinks(usable);
  if (cyclic.length > 0) {
    conflicts.push({
      links: cyclic,
      detail: `The sequence cues go round in a circle (${cyclic
        .map((l) => `${byKey.get(l.later)!.name} after ${byKey.get(l.earlier)!.name} ("${l.cue}")`)
        .join('; ')}): none of them is followed.`,
    });
  }
  const followed = usable.filter((l) => !cyclic.includes(l));

  // Kahn's algorithm, always taking the earliest-dated ready event (then the one told first). An
  // approximate date sorts by its first day (its last when open before), then by its last day.
  const before = (a: DatedEvent, b: DatedEvent) =>
    compareNullable(day(a.start ?? a.end), day(b.start ?? b.end)) ||
    compareNullable(day(a.end), day(b.end)) ||
    (a.told ?? Number.MAX_SAFE_INTEGER) - (b.told ?? Number.MAX_SAFE_INTEGER) ||
    a.key.localeCompare(b.key);
  const waitingOn = new Map(events.map((e) => [e.key, 0]));
  const next = new Map<string, string[]>();
  for (const l of followed) {
    waitingOn.set(l.later, waitingOn.get(l.later)! + 1);
    next.set(l.earlier, [...(next.get(l.earlier) ?? []), l.later]);
  }
  const ready = events.filter((e) => waitingOn.get(e.key) === 0);
  const order: string[] = [];
  while (ready.length > 0) {
    ready.sort(before);
    const e = ready.shift()!;
    order.push(e.key);
    for (const k of next.get(e.key) ?? []) {
      const n = waitingOn.get(k)! - 1;
      waitingOn.set(k, n);
      if (n === 0) ready.push(byKey.get(k)!);
    }
  }
  return { order, conflicts };
}

/** Undated (or unbounded) sides sort last. */
function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** Links that lie on a cycle (Tarjan's strongly connected components). */
function cyclicLinks(links: readonly SequenceLink[]): SequenceLink[] {
  const nodes = [...new Set(links.flatMap((l) => [l.later, l.earlier]))].sort();
  const out = new Map<string, string[]>();
  for (const l of links) out.set(l.earlier, [...(out.get(l.earlier) ?? []), l.later]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of out.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.set(w, components);
      } while (w !== v);
      components++;
    }
  };
  for (const v of nodes) if (!index.has(v)) visit(v);
  return links.filter((l) => component.get(l.later) === component.get(l.earlier));
}
