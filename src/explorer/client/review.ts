/**
 * The review queue: links the matcher proposed, best first, each with the evidence behind its
 * score, and Accept / Reject for an editor. The editor's key is typed into the page and kept in
 * this tab's session storage only (gone when the tab closes, never sent with reads).
 */
import { h } from './dom.js';
import type { Proposal, ProposalClaim } from './story-api.js';

const KEY_ITEM = 'claim-graph.editor-key';

export const editorKey = {
  get(): string | null {
    return sessionStorage.getItem(KEY_ITEM);
  },
  set(key: string): void {
    sessionStorage.setItem(KEY_ITEM, key);
  },
  forget(): void {
    sessionStorage.removeItem(KEY_ITEM);
  },
};

export interface ReviewActions {
  decide(proposal: Proposal, decision: 'accept' | 'reject', note: string): Promise<Proposal | undefined>;
  openStory(claimKey: string): void;
}

function claimBlock(label: string, claim: ProposalClaim | null, key: string): HTMLElement {
  if (!claim)
    return h(
      'div',
      { class: 'proposal-claim gone' },
      h('span', { class: 'muted' }, `${label}: ${key} (removed)`),
    );
  return h(
    'div',
    { class: 'proposal-claim', 'data-claim': claim.key },
    h(
      'div',
      { class: 'muted' },
      `${label} · ${claim.article.publisher?.name ?? claim.article.title} · ${claim.article.publishedAt.slice(0, 10)}`,
    ),
    h('div', {}, claim.quote ? `“${claim.quote}”` : claim.text),
  );
}

function reasons(p: Proposal): HTMLElement {
  const r = p.reasons;
  const parts: (HTMLElement | string)[] = [`${Math.round(r.wordOverlap * 100)}% word overlap`];
  if (r.words.length) parts.push(' (', h('em', {}, r.words.join(', ')), ')');
  if (r.sameSpeaker) parts.push(' · same speaker');
  if (r.sameQuote) parts.push(' · same quote');
  if (r.agents.length) parts.push(` · both involve ${r.agents.map((a) => a.name).join(', ')}`);
  if (r.events.length) parts.push(` · same event: ${r.events.map((e) => e.name).join(', ')}`);
  if (r.negation) parts.push(' · denial on one side: ', h('em', {}, r.negation));
  const d = r.dates;
  parts.push(
    d.withinWindow === null
      ? ' · a date unknown'
      : ` · dates ${d.from ?? '?'} / ${d.to ?? '?'} ${d.withinWindow ? 'within the window' : 'apart'}`,
  );
  return h('p', { class: 'reasons' }, ...parts);
}

export function proposalItem(p: Proposal, actions: ReviewActions): HTMLElement {
  const outcome = h('div', { class: 'outcome', role: 'status' });
  const note = h('input', {
    type: 'text',
    class: 'note',
    placeholder: 'Note (optional)',
    'aria-label': 'Note on the decision',
  });
  const accept = h('button', { type: 'button', class: 'accept' }, 'Accept');
  const reject = h('button', { type: 'button', class: 'reject' }, 'Reject');
  const item = h(
    'li',
    { class: `proposal ${p.status.toLowerCase()}`, 'data-key': p.key, 'data-type': p.type },
    h(
      'div',
      { class: 'proposal-head' },
      h('span', { class: `badge type-${p.type.toLowerCase()}` }, p.type.toLowerCase().replace(/_/g, ' ')),
      h('span', { class: 'score', title: 'matcher score (0..1)' }, p.score.toFixed(2)),
      h('span', { class: 'muted status' }, p.status.toLowerCase()),
    ),
    claimBlock('from', p.from, p.fromKey),
    claimBlock('to', p.to, p.toKey),
    reasons(p),
    p.status === 'PROPOSED' ? h('div', { class: 'decide' }, note, accept, reject) : null,
    p.decidedBy
      ? h('p', { class: 'muted' }, `decided by ${p.decidedBy}${p.note ? `: ${p.note}` : ''}`)
      : null,
    outcome,
  );
  const storyLink = () => {
    const open = h('button', { type: 'button', class: 'link-button open-story' }, 'Open the story');
    open.addEventListener('click', () => actions.openStory(p.fromKey));
    return open;
  };
  if (p.status === 'ACCEPTED' && p.type === 'SAME_STATEMENT') outcome.append(storyLink());
  const decide = async (decision: 'accept' | 'reject') => {
    accept.disabled = reject.disabled = true;
    const done = await actions.decide(p, decision, note.value.trim());
    if (!done) {
      accept.disabled = reject.disabled = false;
      return;
    }
    item.className = `proposal ${done.status.toLowerCase()}`;
    item.querySelector('.status')!.textContent = done.status.toLowerCase();
    item.querySelector('.decide')?.remove();
    outcome.replaceChildren(done.status === 'ACCEPTED' ? 'Accepted: the link is in the graph.' : 'Rejected.');
    if (done.status === 'ACCEPTED' && done.type === 'SAME_STATEMENT') outcome.append(' ', storyLink());
  };
  accept.addEventListener('click', () => void decide('accept'));
  reject.addEventListener('click', () => void decide('reject'));
  return item;
}
