/**
 * What every rule does once an attribution's spans are known: its confidence (weak cue, quoted
 * content, a bare pronoun as speaker) and the nested attribution that opens its content ("... that
 * President X told Y that ..."), found by running the whole finder on the content.
 */
import { isOpeningQuote } from '../quotes.js';
import type { Attribution, Span, Window } from './types.js';
import type { Reader } from './window.js';

/** Confidence and nesting, once an attribution's spans are known. */
export function finish(r: Reader, a: Attribution, w: Window): Attribution {
  let confidence = a.confidence;
  if (a.entry.weak) confidence -= 0.25;
  const first = a.content[0]!;
  if (isOpeningQuote(r.a.text[first.start] ?? '')) confidence += 0.1;
  if (a.source) {
    const words = r.a.text.slice(a.source.start, a.source.end).toLowerCase();
    if (r.lex.words.barePronouns.has(words)) confidence -= 0.1;
  }
  a.confidence = Math.max(0.05, Math.min(0.95, Number(confidence.toFixed(2))));
  if (r.opts.nested && a.content.length === 1) {
    const inner = nestedIn(r, first, w);
    if (inner) a.inner = inner;
  }
  return a;
}

/** An attribution whose speaker opens the content: "... that President X told Y that ...". */
function nestedIn(r: Reader, content: Span, w: Window): Attribution | undefined {
  let first = r.tokenAt.get(content.start);
  const lastTok = r.tokenEndingAt.get(content.end);
  if (first === undefined || lastTok === undefined) return undefined;
  if (r.lex.complementizers.has(r.t[first]!.lower)) first++;
  if (first > lastTok || first < w.first) return undefined;
  const inner = r.find({ first, end: Math.min(w.end, lastTok + 2) });
  const head = inner[0];
  if (!head?.source) return undefined;
  // "... that, according to four sources, the talks stalled": the attribution opening the content.
  const opens =
    head.source.start === r.t[first]!.start ||
    (head.pattern === 'according-to-first' &&
      head.cue.start === r.t[first + (r.isPunct(first, ',') ? 1 : 0)]!.start);
  return opens ? head : undefined;
}
