/**
 * Passive cues with their speaker after "by": "That proposal was flatly rejected by Damascus", "the
 * concept reportedly floated by Tel Aviv" (the subject is the content), and "X was told by Y that
 * ..." (Y tells, X listens).
 */
import type { HopRole } from '../../domain/document.js';
import type { CueEntry } from '../lexicon.js';
import { contentAfter, skipAdjunct } from './content.js';
import { finish } from './finish.js';
import { npLeft, npRight, sourceBefore, subjectPastAdverbs } from './phrases.js';
import type { Attribution, Span, Window } from './types.js';
import type { Reader } from './window.js';

/** Cue roles whose passive ("was rejected by X") names the speaker after "by". */
export const PASSIVE_ROLES: ReadonlySet<HopRole> = new Set<HopRole>([
  'rejected',
  'denied',
  'proposed',
  'acknowledged',
  'demanded',
  'predicted',
]);

/** A passive cue with its speaker after "by"; the content is the subject the cue is about. */
export function passive(
  r: Reader,
  i: number,
  end: number,
  cue: Span,
  entry: CueEntry,
  w: Window,
): Attribution | undefined {
  const agent = npRight(r, end + 1, w);
  if (!agent) return undefined;
  let j = i - 1;
  while (
    j >= w.first &&
    (r.t[j]!.pos === 'ADV' || r.lex.auxiliaries.has(r.t[j]!.lower)) &&
    !r.lex.words.beForms.has(r.t[j]!.lower)
  )
    j--;
  const be = r.lex.words.beForms.has(r.t[j]?.lower ?? '');
  const subjectLast = be ? j - 1 : j;
  const last = r.t[subjectLast];
  if (subjectLast < w.first || !last || !(last.pos === 'NOUN' || last.pos === 'PROPN' || last.pos === 'PRON'))
    return undefined;
  let first: number | undefined;
  if (be) {
    // The whole clause before the verb when it is plain words: "That proposal".
    first = w.first;
    for (let k = w.first; k <= subjectLast; k++) if (r.isPunct(k)) first = undefined;
  }
  first ??= npLeft(r, subjectLast, w)?.first;
  if (first === undefined || first > subjectLast) return undefined;
  return finish(
    r,
    {
      source: r.span(agent.first, agent.last),
      cue,
      content: [r.span(first, subjectLast)],
      entry,
      relays: [],
      pattern: 'passive-by',
      confidence: 0.6,
    },
    w,
  );
}

/** "X was told by Y that ...": Y tells X; X (often the outlet) is the addressee. */
export function passiveTold(
  r: Reader,
  cueFirst: number,
  end: number,
  cue: Span,
  entry: CueEntry,
  w: Window,
): Attribution | undefined {
  let be = cueFirst - 1;
  while (be > w.first && r.t[be]!.pos === 'ADV') be--;
  if (!r.lex.words.beForms.has(r.t[be]?.lower ?? '')) return undefined;
  const agent = npRight(r, end + 1, w);
  const listener = sourceBefore(r, be, w) ?? subjectPastAdverbs(r, be, w);
  if (!agent || !listener) return undefined;
  const content = contentAfter(r, skipAdjunct(r, agent.last + 1, w), w);
  if (!content) return undefined;
  return finish(
    r,
    {
      source: r.span(agent.first, agent.last),
      cue,
      content: [content],
      addressee: r.span(listener.first, listener.last),
      entry,
      relays: [],
      pattern: 'passive-told',
      confidence: 0.6,
    },
    w,
  );
}
