/**
 * The explorer page: search or browse claims, open one to see its provenance chain and its
 * neighbourhood, click nodes for details, double-click (or "Expand") to pull in neighbours.
 */
import * as api from './api.js';
import { byId, h } from './dom.js';
import { ExplorerGraph } from './graph.js';
import { chainPanel, claimDetails, legend, nodeDetails, resultItem } from './panels.js';

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

// ---- start: the list, and the claim named in the address, if any

const fromHash = /^#claim=(.+)$/.exec(location.hash)?.[1];
void busy(async () => {
  await list('', false);
  if (fromHash) await openClaim(decodeURIComponent(fromHash));
});

/** A handle for tests and for poking around in the console. */
declare global {
  interface Window {
    __explorer: {
      cy: ExplorerGraph['cy'];
      idle(): boolean;
      openClaim(key: string): Promise<void>;
    };
  }
}
window.__explorer = {
  cy: graph.cy,
  idle: () => pending === 0 && !graph.laying,
  openClaim: (key) => busy(() => openClaim(key)).then(() => undefined),
};
