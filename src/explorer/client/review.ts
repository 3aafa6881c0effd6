/**
 * The review queue: links the matcher proposed, best first, each with the evidence behind its
 * score, and Accept / Reject for an editor. The editor's key is typed into the page and kept in
 * this tab's session storage only (gone when the tab closes, never sent with reads).
 */
import { h } from './dom.js';
import type { ClaimClass, Proposal, ProposalClaim, Voice } from './story-api.js';

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

/** What each kind of claim is, in a fact-checker's words (the API's LinkClaimClass). */
const CLASS_WORDS: Record<ClaimClass, string> = {
  ACCOUNT: 'an account of what happened or was said',
  STANCE: 'a party’s demand, proposal or position',
  DENIAL: 'a denial or rejection',
  JUDGEMENT: 'a judgement (analysis, prediction or warning)',
};

/** Who voices a claim (the API's LinkVoice). */
const VOICE_WORDS: Record<Voice, string> = {
  PARTY: 'a party (a named actor, or an unnamed source tied to one)',
  REPORTER: 'a reporter (an outlet, a wire, or unnamed sources tied to no party)',
};

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The matcher's finer evidence, one line each: what each claim does and who voices it, the
 * substance they share, whether one restates the other, and for a denial what it rejects and
 * whether the other claim says it. A proposal stored by an earlier matcher has none of these.
 */
function reasonDetails(p: Proposal): HTMLElement {
  const r = p.reasons;
  const line = (reason: string, ...children: (HTMLElement | string)[]) =>
    h('li', { 'data-reason': reason }, ...children);
  const lines: HTMLElement[] = [];
  if (r.classes || r.voices) {
    const side = (label: string, cls: ClaimClass | undefined, voice: Voice | undefined) =>
      `${label}: ${cls ? CLASS_WORDS[cls] : 'kind not recorded'}${voice ? `, voiced by ${VOICE_WORDS[voice]}` : ''}.`;
    lines.push(
      line(
        'kinds',
        side('From', r.classes?.from, r.voices?.from),
        ' ',
        side('To', r.classes?.to, r.voices?.to),
      ),
    );
  }
  if (r.substance) {
    lines.push(
      r.substance.length
        ? line(
            'substance',
            'Both say: ',
            h('em', {}, r.substance.join(', ')),
            ` (${percent(r.substanceShare ?? 0)} of the shorter claim’s substance; word stems, without names and words the whole story uses).`,
          )
        : line('substance', 'No shared substance: only names and topic words in common.'),
    );
  }
  if (r.restatement) lines.push(line('restatement', 'One restates the other in other words.'));
  const d = r.denial;
  if (d) {
    const side = d.byKey === p.fromKey ? 'The “from” claim' : 'The “to” claim';
    lines.push(
      line(
        'denial',
        `${side} rejects: `,
        h('em', {}, d.target.join(', ') || '(nothing named)'),
        '; at its heart: ',
        h('em', {}, d.head.join(', ') || '(nothing named)'),
        '. ',
        d.putsForward
          ? `The other claim puts it forward (${d.putsForward}) and says ${d.covered.length ? d.covered.join(', ') : 'none of it'}: ${percent(d.headShare)} of what is rejected.`
          : 'The other claim puts nothing forward that could be rejected (an account of events, a judgement or another denial).',
      ),
    );
  }
  if (lines.length === 0 && r.classes === null && r.substance === null)
    lines.push(
      line('older', 'Proposed by an earlier matcher: kinds, voices and shared substance were not recorded.'),
    );
  return h('ul', { class: 'reasons-detail' }, ...lines);
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
    reasonDetails(p),
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
