/** Noun cues after a support verb: "Israel reintroduced a demand for ...", "X issued a warning that ...". */
import { contentAfter } from './content.js';
import { finish } from './finish.js';
import { npRight, sourceBefore, subjectPastAdverbs } from './phrases.js';
import type { Attribution, Span, Window } from './types.js';
import type { Reader } from './window.js';

/**
 * "Israel reintroduced a demand for ...", "X issued a warning that ...": a support verb, a cue
 * noun from the lexicon, and "for"/"that" opening the content. The cue is the verb to the noun.
 */
export function nounCue(r: Reader, v: number, w: Window): Attribution | undefined {
  const verb = r.t[v]!;
  if (verb.pos !== 'VERB' || verb.lower.endsWith('ing')) return undefined;
  let n = v + 1;
  while (n < w.end && n - v <= 3 && (r.t[n]!.pos === 'DET' || r.t[n]!.pos === 'ADJ')) n++;
  const noun = r.t[n];
  const entry = noun && noun.pos === 'NOUN' ? r.lex.nounCues.get(noun.lower) : undefined;
  if (!entry || n === v + 1) return undefined;
  let k = n + 1;
  let addressee: Span | undefined;
  if (r.t[k]?.lower === 'to') {
    const listener = npRight(r, k + 1, w, false);
    if (listener) {
      addressee = r.span(listener.first, listener.last);
      k = listener.last + 1;
    }
  }
  const opener = r.t[k]?.lower;
  if (opener !== 'for' && opener !== 'that') return undefined;
  const subject = sourceBefore(r, v, w) ?? subjectPastAdverbs(r, v, w);
  const content = contentAfter(r, opener === 'for' ? k + 1 : k, w);
  if (!subject || !content) return undefined;
  return finish(
    r,
    {
      source: r.span(subject.first, subject.last),
      cue: r.span(v, n),
      content: [content],
      ...(addressee ? { addressee } : {}),
      entry,
      relays: [],
      pattern: 'noun-cue',
      confidence: 0.55,
    },
    w,
  );
}
