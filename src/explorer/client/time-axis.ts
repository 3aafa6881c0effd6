/**
 * A time axis for the story charts: days (ISO dates or date-times) to x positions, and the ticks
 * of the axis. Days only: publication and saying times are known to the day at best.
 */
import { s } from './dom.js';

const DAY = 86_400_000;

/** Milliseconds at the start of the day an ISO date or date-time falls on (UTC). */
export function dayOf(iso: string): number {
  return Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface TimeScale {
  x(ms: number): number;
  from: number;
  to: number;
  left: number;
  right: number;
}

/** A scale over the given days, padded by a day on each side, drawn between `left` and `right`. */
export function timeScale(days: number[], left: number, right: number): TimeScale {
  const from = Math.min(...days) - DAY;
  const to = Math.max(...days) + DAY;
  const span = Math.max(to - from, DAY);
  return { from, to, left, right, x: (ms) => left + ((ms - from) / span) * (right - left) };
}

/** The axis line with about `count` day ticks, labelled YYYY-MM-DD. */
export function axis(scale: TimeScale, y: number, bottom: number, count = 6): SVGElement {
  const g = s('g', { class: 'axis' });
  g.append(s('line', { x1: scale.left, x2: scale.right, y1: y, y2: y }));
  const step = Math.max(DAY, Math.ceil((scale.to - scale.from) / count / DAY) * DAY);
  for (let t = scale.from + DAY; t < scale.to; t += step) {
    const x = scale.x(t);
    g.append(
      s('line', { class: 'tick', x1: x, x2: x, y1: y, y2: bottom }),
      s('text', { x, y: y - 6, 'text-anchor': 'middle' }, isoDay(t)),
    );
  }
  return g;
}
