/**
 * The story view: one statement across outlets. A time axis with one row per outlet, each
 * appearance a dot at its publication (filled when independent, hollow when it shares an earlier
 * appearance's origin, ringed red when it launders an earlier attribution), lines to the earlier
 * appearances it depends on, and a band for when the original speaker said it when the text
 * dates that; then the same as a table: who reported first, who cites whom, the lag, the dates.
 */
import { h, s } from './dom.js';
import type { Statement, StatementAppearance, TimeSpan } from './story-api.js';
import { axis, dayOf, timeScale } from './time-axis.js';

const WIDTH = 960;
const LABEL = 180;
const ROW = 48;
const TOP = 34;

export interface StoryActions {
  openClaim(key: string): void;
}

function outletOf(a: StatementAppearance): string {
  return a.publisher?.name ?? a.article?.title ?? 'unknown publisher';
}

function wording(a: StatementAppearance): string {
  return a.claim.quote ? `“${a.claim.quote}”` : a.claim.text;
}

/** The span of days the original speaker may have said it, when the text dates it at all. */
function saidDays(said: TimeSpan, publishedAt: string): [number, number] | null {
  if (!said.known || (said.earliest === null && said.latest === null)) return null;
  const published = dayOf(publishedAt);
  const from = said.earliest === null ? null : dayOf(said.earliest);
  const to = said.latest === null ? published : dayOf(said.latest);
  return [from ?? to, to];
}

export function storyChart(statement: Statement, actions: StoryActions): SVGElement {
  const appearances = statement.appearances;
  const outlets = [...new Set(appearances.map(outletOf))];
  const height = TOP + outlets.length * ROW + 10;
  const days = appearances.flatMap((a) => {
    const said = saidDays(a.claim.said, a.publishedAt);
    return [dayOf(a.publishedAt), ...(said ?? [])];
  });
  const scale = timeScale(days, LABEL, WIDTH - 30);
  const rowY = (a: StatementAppearance) => TOP + outlets.indexOf(outletOf(a)) * ROW + ROW / 2;
  // Two appearances of one outlet on one day sit side by side, not on top of each other.
  const seen = new Map<string, number>();
  const at = new Map<string, { x: number; y: number }>();
  for (const a of appearances) {
    const slot = `${outletOf(a)}|${a.publishedAt.slice(0, 10)}`;
    const n = seen.get(slot) ?? 0;
    seen.set(slot, n + 1);
    at.set(a.claim.key, { x: scale.x(dayOf(a.publishedAt)) + n * 14, y: rowY(a) });
  }

  const svg = s('svg', {
    id: 'story-chart',
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-label': 'The statement’s appearances on a time axis, one row per outlet',
  });
  svg.append(axis(scale, TOP - 14, height - 6));
  outlets.forEach((name, i) => {
    const y = TOP + i * ROW;
    svg.append(
      s('rect', { class: 'row-band', x: 0, y, width: WIDTH, height: ROW, 'data-row': i % 2 }),
      s('text', { class: 'row-label', x: 8, y: y + ROW / 2 + 4 }, name),
    );
  });
  for (const a of appearances) {
    const said = saidDays(a.claim.said, a.publishedAt);
    if (!said) continue;
    const x1 = scale.x(said[0]);
    const x2 = scale.x(said[1]) + 4;
    svg.append(
      s(
        'rect',
        { class: 'said-span', x: x1 - 2, y: rowY(a) - 4, width: Math.max(x2 - x1, 4), height: 8, rx: 3 },
        s('title', {}, `said ${a.claim.said.label}`),
      ),
    );
  }
  const link = (from: string, to: string, cls: string, title: string) => {
    const p = at.get(from);
    const q = at.get(to);
    if (!p || !q) return;
    const bend = p.y === q.y ? -22 : 0;
    svg.append(
      s(
        'path',
        {
          class: cls,
          d: `M${p.x},${p.y} C${p.x + 30},${p.y + bend} ${q.x - 30},${q.y + bend} ${q.x},${q.y}`,
          'data-from': from,
          'data-to': to,
        },
        s('title', {}, title),
      ),
    );
  };
  for (const a of appearances) {
    for (const d of a.dependsOn) link(d.key, a.claim.key, 'shared-origin', 'shares this earlier origin');
    if (a.laundering) link(a.laundering.earlier.key, a.claim.key, 'laundering-link', a.laundering.reason);
  }
  for (const a of appearances) {
    const p = at.get(a.claim.key)!;
    const classes = ['appearance', a.independent ? 'independent' : 'dependent'];
    if (a.laundering) classes.push('laundered');
    const dot = s(
      'g',
      { class: classes.join(' '), 'data-claim': a.claim.key, tabindex: 0, role: 'button' },
      s('circle', { cx: p.x, cy: p.y, r: 8 }),
      s(
        'text',
        { class: 'lag', x: p.x, y: p.y + 21, 'text-anchor': 'middle' },
        a.lagHours === 0 ? (a === appearances[0] ? 'first' : '+0 h') : `+${formatLag(a.lagHours)}`,
      ),
      s('title', {}, `${outletOf(a)}, ${a.publishedAt.slice(0, 10)}: ${wording(a)}`),
    );
    if (a.laundering)
      dot.append(s('text', { class: 'laundered-mark', x: p.x + 12, y: p.y - 8 }, 'laundered'));
    dot.addEventListener('click', () => actions.openClaim(a.claim.key));
    svg.append(dot);
  }
  return svg;
}

function formatLag(hours: number): string {
  return hours >= 48 ? `${Math.round(hours / 24)} d` : `${Math.round(hours)} h`;
}

export function storyLegend(): HTMLElement {
  const item = (cls: string, label: string) =>
    h('span', { class: 'legend-item' }, h('span', { class: `key-mark ${cls}` }), label);
  return h(
    'div',
    { class: 'story-legend' },
    item('independent', 'independent appearance'),
    item('dependent', 'shares an earlier appearance’s origin (line to it)'),
    item('laundered', 'laundered: drops or weakens an earlier attribution (red line)'),
    item('said', 'when the original speaker said it, as the text dates it'),
  );
}

export function storySummary(statement: Statement): HTMLElement[] {
  const first = statement.appearances[0];
  const outlets = new Set(statement.appearances.map(outletOf)).size;
  const parts: (HTMLElement | null)[] = [
    h('h2', { id: 'story-wording' }, first ? wording(first) : 'No appearance'),
    h(
      'p',
      { id: 'story-summary' },
      statement.firstReporter
        ? ['First reported by ', h('strong', {}, statement.firstReporter.name)]
        : 'First reporter unknown',
      first ? ` on ${first.publishedAt.slice(0, 10)}` : '',
      `. ${statement.appearances.length} appearance(s) in ${outlets} outlet(s); `,
      `${statement.independentAppearances} independent; `,
      `${statement.laundered.length} laundered.`,
    ),
    statement.appearances.length < 2
      ? h(
          'p',
          { class: 'muted' },
          'No other appearance is linked to this claim yet: accept same-statement proposals in the review queue to join them.',
        )
      : null,
  ];
  return parts.filter((e): e is HTMLElement => e !== null);
}

export function storyTable(statement: Statement, actions: StoryActions): HTMLElement {
  const outletNames = new Map(statement.appearances.map((a) => [a.claim.key, outletOf(a)]));
  const row = (a: StatementAppearance) => {
    const open = h('button', { type: 'button', class: 'link-button' }, wording(a));
    open.addEventListener('click', () => actions.openClaim(a.claim.key));
    const chain = a.cites.length
      ? [outletOf(a), ...a.cites.map((c) => c.name)].join(' → ')
      : `${outletOf(a)}, on its own authority`;
    return h(
      'tr',
      {
        'data-claim': a.claim.key,
        class: [a.independent ? 'independent' : 'dependent', a.laundering ? 'laundered' : '']
          .join(' ')
          .trim(),
      },
      h('td', { class: 'outlet' }, outletOf(a)),
      h('td', {}, a.publishedAt.slice(0, 10)),
      h('td', { class: 'lag' }, a.lagHours === 0 ? '0 h' : formatLag(a.lagHours)),
      h('td', { class: 'cites' }, chain),
      h(
        'td',
        {
          class: a.claim.said.known ? 'said' : 'said said-unknown',
          'data-basis': a.claim.said.basis.toLowerCase(),
        },
        a.claim.said.label,
      ),
      h(
        'td',
        { class: 'independence' },
        a.independent
          ? 'independent'
          : `shares the origin of ${a.dependsOn.map((d) => outletNames.get(d.key) ?? d.key).join(', ')}`,
      ),
      h(
        'td',
        { class: 'attribution' },
        a.laundering
          ? h(
              'span',
              { class: 'badge laundered' },
              // The API's reason names the earlier claim by key; the page names its outlet.
              `laundered: ${a.laundering.reason.replace(
                a.laundering.earlier.key,
                outletNames.get(a.laundering.earlier.key) ?? a.laundering.earlier.key,
              )}`,
            )
          : a.claim.hedges.length
            ? `hedged: ${a.claim.hedges.join(', ')}`
            : '',
      ),
      h('td', { class: 'wording' }, open),
    );
  };
  return h(
    'table',
    { id: 'story-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Outlet', 'Published', 'Lag', 'Who cites whom', 'Said', 'Origin', 'Attribution', 'Wording'].map(
          (t) => h('th', {}, t),
        ),
      ),
    ),
    h('tbody', {}, statement.appearances.map(row)),
  );
}
