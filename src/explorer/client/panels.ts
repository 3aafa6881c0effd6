/** The side panels: search results, the provenance chain, the selected node's details, the legend. */
import type { AgentRef, ClaimDetail, ClaimSummary, Hop, SaidTime } from './api.js';
import { h, svg } from './dom.js';
import { KINDS, UNGRADED, confidenceColour, shapeSvg, type NodeKind } from './kinds.js';

export function confidenceChip(confidence: number | null): HTMLElement {
  const chip = h(
    'span',
    { class: 'chip', title: confidence === null ? 'not graded' : `confidence ${confidence.toFixed(2)}` },
    confidence === null ? 'n/a' : confidence.toFixed(2),
  );
  chip.style.background = confidenceColour(confidence);
  return chip;
}

/**
 * When a claim was said, as the API words it: a day, a month, a range of days for an approximate
 * or relative time, or "date unknown (published X)" when only the article's date is known.
 */
function saidChip(said: SaidTime): HTMLElement {
  return h(
    'span',
    { class: said.known ? 'said' : 'said said-unknown', 'data-basis': said.basis.toLowerCase() },
    said.label,
  );
}

export function resultItem(claim: ClaimSummary, onOpen: (key: string) => void): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'result', 'data-key': claim.key },
    h('span', { class: 'result-text' }, claim.quote ? `“${claim.quote}”` : claim.text),
    h(
      'span',
      { class: 'result-meta' },
      confidenceChip(claim.grade.confidence),
      ` ${claim.speaker.name} · ${words(claim.kind)} · `,
      saidChip(claim.said),
    ),
  );
  button.addEventListener('click', () => onOpen(claim.key));
  return h('li', {}, button);
}

function agentLabel(agent: AgentRef): (HTMLElement | string)[] {
  const badges: HTMLElement[] = [];
  if (agent.anonymous) badges.push(h('span', { class: 'badge anon' }, 'anonymous'));
  if (!(agent.anonymous && agent.kind === 'ANONYMOUS'))
    badges.push(h('span', { class: 'badge' }, words(agent.kind)));
  return [h('strong', {}, agent.name), ' ', ...badges];
}

function hopItem(hop: Hop, last: boolean): HTMLElement {
  return h(
    'li',
    { class: `hop${hop.anonymous ? ' anonymous' : ''}`, 'data-position': String(hop.position) },
    h(
      'div',
      { class: 'hop-head' },
      h('span', { class: 'hop-pos' }, String(hop.position)),
      h('span', { class: 'hop-role' }, words(hop.role)),
      last ? h('span', { class: 'badge origin' }, 'origin') : null,
    ),
    h('div', { class: 'hop-agent' }, ...agentLabel(hop.agent)),
    hop.agent.description && hop.agent.description !== hop.agent.name
      ? h('div', { class: 'hop-desc' }, hop.agent.description)
      : null,
    hop.addressee ? h('div', { class: 'hop-to' }, 'to ', h('strong', {}, hop.addressee.name)) : null,
    hop.evidence ? h('blockquote', {}, hop.evidence.text) : null,
  );
}

/**
 * A reconstruction's text is our wording, not the outlet's: say so where the article is shown,
 * with the pages it follows, so no one quotes our sentences as the outlet's.
 */
function reconstructionNote(basedOn: string[]): HTMLElement {
  return h(
    'div',
    { class: 'reconstruction-note' },
    'Our reconstruction in our own words (not the outlet’s wording), following: ',
    basedOn.flatMap((url, i) => [
      i > 0 ? ', ' : null,
      h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, new URL(url).hostname),
    ]),
  );
}

export function chainPanel(claim: ClaimDetail): HTMLElement[] {
  const chain = claim.provenance.chain;
  return [
    h('p', { class: 'claim-text' }, claim.text),
    h(
      'p',
      { class: 'muted' },
      `${claim.provenance.depth} link(s) between the article and the original speaker, `,
      `${claim.provenance.anonymousLinks} unnamed.`,
    ),
    h(
      'div',
      { class: 'hop article-hop' },
      h('div', { class: 'hop-head' }, h('span', { class: 'hop-role' }, 'article')),
      h('a', { href: claim.article.url, target: '_blank', rel: 'noopener noreferrer' }, claim.article.title),
      h('div', { class: 'muted' }, claim.article.publishedAt.slice(0, 10)),
      claim.article.reconstruction ? reconstructionNote(claim.article.basedOn) : null,
    ),
    h(
      'ol',
      { class: 'chain', start: '0' },
      chain.map((hop, i) => hopItem(hop, i === chain.length - 1)),
    ),
  ];
}

// Admiralty information credibility, as the schema describes Grade.credibility.
const CREDIBILITY: Record<number, string> = {
  1: 'confirmed',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'cannot be judged',
};

function gradeSection(claim: ClaimDetail): HTMLElement {
  const g = claim.grade;
  return h(
    'section',
    { class: 'grade' },
    h('h3', {}, 'Grade'),
    h(
      'p',
      {},
      'Confidence ',
      confidenceChip(g.confidence),
      g.credibility === null ? '' : ` · credibility ${g.credibility}: ${CREDIBILITY[g.credibility] ?? '?'}`,
    ),
    g.factors.length === 0
      ? h(
          'p',
          { class: 'muted' },
          claim.outletAnalysis ? "The outlet's own analysis: not graded." : 'Not graded yet.',
        )
      : h(
          'table',
          { class: 'factors' },
          h('thead', {}, h('tr', {}, h('th', {}, 'factor'), h('th', {}, 'effect'), h('th', {}, 'why'))),
          h(
            'tbody',
            {},
            g.factors.map((f) =>
              h(
                'tr',
                {},
                h('td', {}, f.factor),
                h(
                  'td',
                  { class: f.effect < 0 ? 'neg' : 'pos' },
                  `${f.effect >= 0 ? '+' : ''}${f.effect.toFixed(2)}`,
                ),
                h('td', {}, f.detail),
              ),
            ),
          ),
        ),
  );
}

export interface DetailActions {
  expand(): void;
  openChain?: () => void;
  /** The claim's statement across outlets (the story view). */
  openStory?: () => void;
}

function actionBar(actions: DetailActions): HTMLElement {
  const expand = h('button', { type: 'button', id: 'expand' }, 'Expand neighbours');
  expand.addEventListener('click', actions.expand);
  const bar = h('div', { class: 'actions' }, expand);
  if (actions.openChain) {
    const open = h('button', { type: 'button', id: 'open-chain' }, 'Show its provenance');
    open.addEventListener('click', actions.openChain);
    bar.append(open);
  }
  if (actions.openStory) {
    const story = h('button', { type: 'button', id: 'open-story' }, 'Story across outlets');
    story.addEventListener('click', actions.openStory);
    bar.append(story);
  }
  return bar;
}

export function claimDetails(claim: ClaimDetail, actions: DetailActions): HTMLElement[] {
  return [
    h(
      'div',
      { class: 'detail-kind' },
      `Claim · ${claim.kind} · ${claim.status} · said `,
      saidChip(claim.said),
    ),
    h('p', { class: 'claim-text' }, claim.text),
    claim.quote ? h('blockquote', {}, claim.quote) : null,
    claim.hedges.length ? h('p', { class: 'muted' }, `hedges: ${claim.hedges.join(', ')}`) : null,
    actionBar(actions),
    gradeSection(claim),
    h('p', { class: 'muted key' }, claim.key),
  ].filter((e): e is HTMLElement => e !== null);
}

const SHOWN_FIRST = [
  'name',
  'title',
  'kind',
  'description',
  'role',
  'hop',
  'anonymous',
  'publishedAt',
  'url',
];

export function nodeDetails(
  node: { type: string; label: string; kind: NodeKind; properties: Record<string, unknown> },
  key: string,
  actions: DetailActions,
): HTMLElement[] {
  const entries = Object.entries(node.properties).filter(([k, v]) => k !== 'key' && v !== null && v !== '');
  entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return [
    h('div', { class: 'detail-kind' }, KINDS[node.kind].label.replace(/ \(.*\)$/, '')),
    h('p', { class: 'claim-text' }, node.label),
    actionBar(actions),
    h(
      'dl',
      { class: 'props' },
      entries.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, Array.isArray(v) ? v.join(', ') : String(v))]),
    ),
    h('p', { class: 'muted key' }, key),
  ];
}

function rank(property: string): number {
  const i = SHOWN_FIRST.indexOf(property);
  return i < 0 ? SHOWN_FIRST.length : i;
}

export function legend(): HTMLElement[] {
  const item = (...children: (Node | string)[]) => h('span', { class: 'legend-item' }, ...children);
  const group = (title: string, ...items: HTMLElement[]) =>
    h('div', { class: 'legend-group' }, h('span', { class: 'legend-title' }, title), ...items);
  const kinds = (Object.keys(KINDS) as NodeKind[]).map((kind) =>
    item(svg(shapeSvg(KINDS[kind])), KINDS[kind].label),
  );
  const stops = [0, 0.25, 0.5, 0.75, 1].map((c) => swatch(confidenceColour(c), c.toFixed(2)));
  return [
    group('Nodes', ...kinds),
    group('Claim confidence', ...stops, swatch(UNGRADED, 'not graded')),
    group('', item(h('span', { class: 'chain-line' }), 'attribution chain, article → origin')),
  ];
}

function swatch(colour: string, label: string): HTMLElement {
  const box = h('span', { class: 'swatch' });
  box.style.background = colour;
  return h('span', { class: 'stop' }, box, label);
}

/** An API enum value as words for the page: `ACCORDING_TO` -> "according to". */
function words(value: string): string {
  return value.toLowerCase().replace(/_/g, ' ');
}
