/**
 * The explorer page: search or browse claims, open one to see its provenance chain and its
 * neighbourhood, click nodes for details, double-click (or "Expand") to pull in neighbours.
 */
import * as api from './api.js';
import { byId, h } from './dom.js';
import { ExplorerGraph } from './graph.js';
import { chainPanel, claimDetails, legend, nodeDetails, resultItem } from './panels.js';
import { editorKey, proposalItem } from './review.js';
import * as story from './story-api.js';
import { storyChart, storyLegend, storySummary, storyTable } from './story.js';
import { timelineChart, timelineLists } from './story-timeline.js';

const searchInput = byId<HTMLInputElement>('search');
const results = byId<HTMLUListElement>('results');
const resultsInfo = byId('results-info');
const moreButton = byId<HTMLButtonElement>('more');
const chain = byId('chain');
const details = byId('details');
const status = byId('status');
byId('legend').replaceChildren(...legend());

function say(message: string, tone: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.className = tone;
}

let pending = 0;
/** Runs one user action, showing a busy state and any error; the tests wait on `idle()`. */
async function busy<T>(action: () => Promise<T>): Promise<T | undefined> {
  pending++;
  document.body.classList.add('busy');
  say('');
  try {
    return await action();
  } catch (error) {
    say(error instanceof Error ? error.message : String(error), 'error');
    return undefined;
  } finally {
    if (--pending === 0) document.body.classList.remove('busy');
  }
}

const graph = new ExplorerGraph(byId('graph'), {
  onSelect: (key) => void busy(() => showDetails(key)),
  onExpand: (key) => void busy(() => expand(key)),
});

// ---- the claim list: recent claims until the user searches

let listing: { query: string; endCursor: string | null } = { query: '', endCursor: null };
let searchTimer: ReturnType<typeof setTimeout> | undefined;
let currentClaim: string | null = null;

async function list(query: string, append: boolean): Promise<void> {
  const after = append ? listing.endCursor : null;
  const page = query ? await api.searchClaims(query, after) : await api.recentClaims(after);
  if (query !== searchInput.value.trim()) return; // a newer search has started
  listing = { query, endCursor: page.endCursor };
  const items = page.items.map((c) => resultItem(c, (key) => void busy(() => openClaim(key))));
  if (append) results.append(...items);
  else results.replaceChildren(...items);
  resultsInfo.textContent = query
    ? `${page.totalCount} claim(s) match “${query}”`
    : `${page.totalCount} claims, most recently said first`;
  moreButton.hidden = !page.hasNextPage;
  markCurrent();
}

searchInput.addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(() => void busy(() => list(searchInput.value.trim(), false)), 250);
});
byId<HTMLFormElement>('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  clearTimeout(searchTimer);
  void busy(() => list(searchInput.value.trim(), false));
});
moreButton.addEventListener('click', () => void busy(() => list(listing.query, true)));

function markCurrent(): void {
  for (const b of results.querySelectorAll<HTMLButtonElement>('button.result'))
    b.classList.toggle('current', b.dataset.key === currentClaim);
}

// ---- a claim: chain panel, graph, details

const claimCache = new Map<string, api.ClaimDetail>();

async function openClaim(key: string): Promise<void> {
  const view = await api.claimView(key);
  if (!view) throw new Error(`No claim ${key}`);
  claimCache.set(key, view.claim);
  currentClaim = key;
  markCurrent();
  if (location.hash !== `#claim=${encodeURIComponent(key)}`)
    history.replaceState(null, '', `#claim=${encodeURIComponent(key)}`);
  chain.replaceChildren(...chainPanel(view.claim));
  renderClaimDetails(view.claim);
  await graph.showClaim(view.claim, view.neighbourhood);
  graph.setConfidence(key, view.claim.grade.confidence);
  graph.select(key);
  await colourClaims();
}

async function expand(key: string): Promise<void> {
  const around = await api.neighbourhood(key);
  if (!around) throw new Error(`No node ${key}`);
  const added = await graph.merge(around, key);
  status.textContent =
    added === 0 ? 'No new neighbours.' : around.truncated ? 'Some neighbours left out (cap).' : '';
  await colourClaims();
}

async function colourClaims(): Promise<void> {
  const keys = graph.ungradedClaims();
  if (keys.length === 0) return;
  for (const [key, confidence] of await api.confidences(keys)) graph.setConfidence(key, confidence);
}

function renderClaimDetails(claim: api.ClaimDetail): void {
  details.replaceChildren(
    ...claimDetails(claim, {
      expand: () => void busy(() => expand(claim.key)),
      openChain: claim.key === currentClaim ? undefined : () => void busy(() => openClaim(claim.key)),
      openStory: () => go(`#story=${encodeURIComponent(claim.key)}`),
    }),
  );
}

async function showDetails(key: string): Promise<void> {
  graph.select(key);
  const node = graph.node(key);
  if (!node) return;
  if (node.kind === 'claim') {
    let claim = claimCache.get(key);
    if (!claim) {
      details.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
      const fetched = await api.claimDetail(key);
      if (!fetched) throw new Error(`No claim ${key}`);
      claim = fetched;
      claimCache.set(key, claim);
    }
    renderClaimDetails(claim);
    return;
  }
  details.replaceChildren(...nodeDetails(node, key, { expand: () => void busy(() => expand(key)) }));
}

// ---- the views: claims (the graph), a story, the review queue, the timeline; the address says which

type View = 'claims' | 'story' | 'review' | 'timeline';
const VIEWS: View[] = ['claims', 'story', 'review', 'timeline'];

function show(view: View): void {
  for (const v of VIEWS) byId(`view-${v}`).hidden = v !== view;
  for (const a of document.querySelectorAll<HTMLAnchorElement>('#views a'))
    a.classList.toggle('current', a.dataset.view === view);
}

/** Moves to an address of the page (the hashchange listener shows it). */
function go(hash: string): void {
  if (location.hash === hash) void route();
  else location.hash = hash;
}

let listed = false;
async function route(): Promise<void> {
  const hash = location.hash;
  const param = (name: string) => {
    const m = new RegExp(`^#${name}=(.+)$`).exec(hash);
    return m ? decodeURIComponent(m[1]!) : null;
  };
  if (hash.startsWith('#story')) {
    show('story');
    await showStory(param('story'));
  } else if (hash === '#review') {
    show('review');
    await loadQueue(false);
  } else if (hash === '#timeline') {
    show('timeline');
    await showTimeline();
  } else {
    show('claims');
    if (!listed) {
      listed = true;
      await list('', false);
    }
    const claim = param('claim');
    if (claim && claim !== currentClaim) await openClaim(claim);
  }
}
window.addEventListener('hashchange', () => void busy(route));

// ---- a statement across outlets

const storyHead = byId('story-head');
const storyChartBox = byId('story-chart-box');
const storyTableBox = byId('story-table-box');
byId('story-legend').replaceChildren(storyLegend());
const storyActions = { openClaim: (key: string) => go(`#claim=${encodeURIComponent(key)}`) };

async function showStory(claimKey: string | null): Promise<void> {
  const laundered = await story.launderedClaims();
  byId('laundered').replaceChildren(
    ...laundered.map((l) => {
      const open = h(
        'button',
        { type: 'button', class: 'link-button', 'data-claim': l.claim.key },
        `${l.claim.article.publisher?.name ?? l.claim.article.title}: ${l.claim.text}`,
      );
      open.addEventListener('click', () => go(`#story=${encodeURIComponent(l.claim.key)}`));
      const earlier = l.earlier.article.publisher?.name ?? l.earlier.key;
      return h('li', {}, open, h('div', { class: 'muted' }, l.reason.replace(l.earlier.key, earlier)));
    }),
  );
  if (laundered.length === 0) byId('laundered').replaceChildren(h('li', { class: 'muted' }, 'None found.'));
  if (!claimKey) return;
  const statement = await story.statement(claimKey);
  if (!statement) throw new Error(`No claim ${claimKey}`);
  storyHead.replaceChildren(...storySummary(statement));
  storyChartBox.replaceChildren(storyChart(statement, storyActions));
  storyTableBox.replaceChildren(storyTable(statement, storyActions));
}

// ---- the review queue

const queue = byId<HTMLOListElement>('queue');
const queueMore = byId<HTMLButtonElement>('queue-more');
const queueStatus = byId<HTMLSelectElement>('queue-status');
const queueType = byId<HTMLSelectElement>('queue-type');
const keyInput = byId<HTMLInputElement>('editor-key');
const keyState = byId('key-state');
let queueCursor: string | null = null;

function showKeyState(): void {
  keyState.textContent = editorKey.get()
    ? 'An editor key is set for this tab.'
    : 'No key: you can read the queue; accepting or rejecting needs an editor key.';
}
showKeyState();
byId<HTMLFormElement>('key-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = keyInput.value.trim();
  if (key) editorKey.set(key);
  keyInput.value = '';
  showKeyState();
});
byId('forget-key').addEventListener('click', () => {
  editorKey.forget();
  showKeyState();
});

const reviewActions = {
  decide: (p: story.Proposal, decision: story.Decision, note: string) =>
    busy(async () => {
      const key = editorKey.get();
      if (!key) throw new Error('Type an editor key first: deciding a proposal needs the editor role.');
      const done = await story.decideLink(p.key, decision, note, key);
      claimCache.clear(); // an accepted link moves grades
      say(
        `${decision === 'accept' ? 'Accepted' : 'Rejected'} ${p.type.toLowerCase().replace(/_/g, ' ')} link.`,
      );
      return done;
    }),
  openStory: (claimKey: string) => go(`#story=${encodeURIComponent(claimKey)}`),
};

async function loadQueue(append: boolean): Promise<void> {
  const filter = {
    status: queueStatus.value as story.LinkStatus,
    type: (queueType.value || null) as story.LinkType | null,
  };
  const result = await story.proposedLinks(filter, append ? queueCursor : null);
  queueCursor = result.endCursor;
  const items = result.items.map((p) => proposalItem(p, reviewActions));
  if (append) queue.append(...items);
  else queue.replaceChildren(...items);
  byId('queue-info').textContent =
    `${result.totalCount} link(s) ${queueStatus.selectedOptions[0]?.text ?? ''}, best score first`;
  queueMore.hidden = !result.hasNextPage;
}
queueStatus.addEventListener('change', () => void busy(() => loadQueue(false)));
queueType.addEventListener('change', () => void busy(() => loadQueue(false)));
queueMore.addEventListener('click', () => void busy(() => loadQueue(true)));

// ---- the story's timeline

async function showTimeline(): Promise<void> {
  const { articles, events } = await story.storyTimeline();
  byId('timeline-chart-box').replaceChildren(timelineChart(articles, events));
  byId('timeline-lists').replaceChildren(...timelineLists(articles, events));
}

// ---- start: the view the address names

void busy(route);

/** A handle for tests and for poking around in the console. */
declare global {
  interface Window {
    __explorer: {
      cy: ExplorerGraph['cy'];
      idle(): boolean;
      openClaim(key: string): Promise<void>;
      go(hash: string): void;
    };
  }
}
window.__explorer = {
  cy: graph.cy,
  idle: () => pending === 0 && !graph.laying,
  openClaim: (key) => busy(() => openClaim(key)).then(() => undefined),
  go,
};
