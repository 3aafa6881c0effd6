/**
 * The story's timeline: the events the timeline can place, each drawn over the days it may fall
 * on (a day, a range, or open on one side, as the API gives it, with its label), and one row per
 * outlet with each of its reports at its publication, the outlet's first telling marked.
 */
import { h, s } from './dom.js';
import type { OutletArticle, TimelineEvent } from './story-api.js';
import { axis, dayOf, timeScale, type TimeScale } from './time-axis.js';

const WIDTH = 960;
const LABEL = 180;
const ROW = 34;
const TOP = 34;

interface Placed {
  event: TimelineEvent;
  from: number | null;
  to: number | null;
}

function place(e: TimelineEvent): Placed | null {
  if (!e.time?.known) return null;
  const from = e.time.earliest === null ? null : dayOf(e.time.earliest);
  const to = e.time.latest === null ? null : dayOf(e.time.latest);
  return from === null && to === null ? null : { event: e, from, to };
}

/** Greedy lanes in page space, so neither bars nor their labels overlap. */
function lanes(placed: Placed[], scale: TimeScale): Placed[][] {
  const result: { end: number; items: Placed[] }[] = [];
  const startX = (p: Placed) => scale.x(Math.max(p.from ?? scale.from, scale.from));
  for (const p of [...placed].sort((a, b) => startX(a) - startX(b))) {
    const x = startX(p);
    const end = Math.max(scale.x(Math.min(p.to ?? scale.to, scale.to)), x + p.event.name.length * 6.2) + 8;
    const lane = result.find((l) => l.end < x);
    if (lane) {
      lane.items.push(p);
      lane.end = end;
    } else result.push({ end, items: [p] });
  }
  return result.map((l) => l.items);
}

const DAY = 86_400_000;
/** The story's window: from a quarter before the first report to a fortnight after the last. */
const BEFORE = 92 * DAY;
const AFTER = 14 * DAY;

export function timelineChart(articles: OutletArticle[], events: TimelineEvent[]): SVGElement {
  const byOutlet = new Map<string, OutletArticle[]>();
  for (const a of [...articles].sort((x, y) => x.publishedAt.localeCompare(y.publishedAt))) {
    const name = a.publisher?.name ?? a.title;
    byOutlet.set(name, [...(byOutlet.get(name) ?? []), a]);
  }
  const published = articles.map((a) => dayOf(a.publishedAt));
  const scale = timeScale(
    [Math.min(...published) - BEFORE, Math.max(...published) + AFTER],
    LABEL,
    WIDTH - 20,
  );
  // Events wholly outside the story's window (background: the 1974 disengagement) are listed only.
  const placed = events
    .map(place)
    .filter((p): p is Placed => p !== null)
    .filter((p) => (p.to ?? scale.to) >= scale.from && (p.from ?? scale.from) <= scale.to);
  const eventLanes = lanes(placed, scale);
  const outlets = [...byOutlet.keys()];
  const height = TOP + (eventLanes.length + outlets.length) * ROW + 16;
  const svg = s('svg', {
    id: 'timeline-chart',
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-label': 'Events and each outlet’s reports on a time axis',
  });
  svg.append(axis(scale, TOP - 14, height - 6, 8));

  eventLanes.forEach((lane, i) => {
    const y = TOP + i * ROW;
    svg.append(s('rect', { class: 'row-band events', x: 0, y, width: WIDTH, height: ROW }));
    if (i === 0) svg.append(s('text', { class: 'row-label', x: 8, y: y + ROW / 2 + 4 }, 'Events'));
    for (const p of lane) {
      const x1 = scale.x(Math.max(p.from ?? scale.from, scale.from));
      const x2 = scale.x(Math.min(p.to ?? scale.to, scale.to)) + 4;
      // Open on one side, or running past the window: drawn pale, the label says the real range.
      const open =
        p.from === null || p.from < scale.from
          ? 'open-start'
          : p.to === null || p.to > scale.to
            ? 'open-end'
            : '';
      svg.append(
        s(
          'g',
          { class: `event ${open}`.trim(), 'data-event': p.event.key },
          s('rect', { x: x1, y: y + 8, width: Math.max(x2 - x1, 5), height: 10, rx: 3 }),
          // Near the right edge the label ends at the bar's end instead of running off the page.
          x1 > WIDTH - 220
            ? s('text', { x: x2, y: y + 30, 'text-anchor': 'end' }, p.event.name)
            : s('text', { x: x1, y: y + 30 }, p.event.name),
          s('title', {}, `${p.event.name}: ${p.event.time?.label ?? ''}`),
        ),
      );
    }
  });
  outlets.forEach((name, i) => {
    const y = TOP + (eventLanes.length + i) * ROW;
    svg.append(
      s('rect', { class: 'row-band', x: 0, y, width: WIDTH, height: ROW, 'data-row': i % 2 }),
      s('text', { class: 'row-label', x: 8, y: y + ROW / 2 + 4 }, name),
    );
    byOutlet.get(name)!.forEach((a, j) => {
      const x = scale.x(dayOf(a.publishedAt));
      svg.append(
        s(
          'g',
          { class: j === 0 ? 'report first-telling' : 'report', 'data-article': a.key },
          s('circle', { cx: x, cy: y + ROW / 2, r: j === 0 ? 7 : 5 }),
          s('title', {}, `${a.publishedAt.slice(0, 10)}: ${a.title} (${a.claims.totalCount} claims)`),
        ),
      );
    });
  });
  return svg;
}

/** The same as lists: what is on the axis, and the events the timeline could not place. */
export function timelineLists(articles: OutletArticle[], events: TimelineEvent[]): HTMLElement[] {
  const firsts = new Map<string, OutletArticle>();
  for (const a of [...articles].sort((x, y) => x.publishedAt.localeCompare(y.publishedAt))) {
    const name = a.publisher?.name ?? a.title;
    if (!firsts.has(name)) firsts.set(name, a);
  }
  const unplaced = events.filter((e) => place(e) === null);
  const first = Math.min(...articles.map((a) => dayOf(a.publishedAt))) - BEFORE;
  const background = events.filter((e) => {
    const p = place(e);
    return p !== null && p.to !== null && p.to < first;
  });
  const parts: (HTMLElement | null)[] = [
    h('h3', {}, 'First telling per outlet'),
    h(
      'ol',
      { id: 'first-tellings' },
      [...firsts].map(([name, a]) =>
        h(
          'li',
          { 'data-article': a.key },
          h('strong', {}, name),
          ` · ${a.publishedAt.slice(0, 10)} · ${a.title}`,
          a.reconstruction ? h('span', { class: 'badge' }, 'our reconstruction') : null,
        ),
      ),
    ),
    h('h3', {}, 'Events'),
    h(
      'ul',
      { id: 'timeline-events' },
      events.map((e) =>
        h(
          'li',
          { 'data-event': e.key, class: e.time?.known ? '' : 'said-unknown' },
          h('strong', {}, e.name),
          ` · ${e.time?.label ?? 'date unknown'}`,
        ),
      ),
    ),
    unplaced.length
      ? h('p', { class: 'muted' }, `${unplaced.length} event(s) with no known day are listed but not drawn.`)
      : null,
    background.length
      ? h(
          'p',
          { class: 'muted' },
          `${background.length} event(s) before the story's window (background) are listed but not drawn.`,
        )
      : null,
  ];
  return parts.filter((e): e is HTMLElement => e !== null);
}
