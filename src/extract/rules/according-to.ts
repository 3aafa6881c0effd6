/**
 * Prepositional cues: "According to S, CONTENT" and "CONTENT, according to S" (also "According to
 * leaks, ..." when the tagger calls the word after the cue a verb).
 */
import type { CueEntry } from '../lexicon.js';
import { citationAfterCue, citationRelative } from './citation.js';
import { contentAfter, contentBefore } from './content.js';
import { finish } from './finish.js';
import { npRight } from './phrases.js';
import type { Attribution, Relay, Span, TokenRange, Window } from './types.js';
import type { Reader } from './window.js';

/** "According to S, CONTENT" (the content follows) or "CONTENT, according to S" (it precedes). */
export function prepositional(
  r: Reader,
  i: number,
  end: number,
  entry: CueEntry,
  w: Window,
): Attribution | undefined {
  const phrase = npRight(r, end, w) ?? shortPhraseBeforeComma(r, end, w);
  if (!phrase) return undefined;
  const np = publisherOf(r, phrase, w) ?? phrase;
  const source = r.span(np.first, np.last);
  const cue = r.span(i, end - 1);
  // "according to Reuters, which cited four sources, ...", "according to Axios, citing officials, ...".
  const cited = citationRelative(r, np.last + 1, w) ?? citationAfterCue(r, np.last + 1, w);
  const relays: Relay[] = cited ? [cited.relay] : [];
  const after = cited ? cited.next : np.last + 1;
  let content: Span | undefined;
  let pattern: string;
  const atClauseStart = i === w.first || r.lex.words.connectives.has(r.t[i - 1]!.lower) || r.isPunct(i - 1);
  if (atClauseStart && r.isPunct(after, ',')) {
    content = contentAfter(r, after + 1, w);
    pattern = 'according-to-first';
  } else {
    content = contentBefore(r, i - 1, w) ?? clauseBefore(r, i, w);
    pattern = 'according-to-last';
  }
  if (!content) return undefined;
  return finish(r, { source, cue, content: [content], entry, relays, pattern, confidence: 0.75 }, w);
}

/**
 * "according to a report by Axios", "according to an article in the Times": the outlet that
 * published the report is the teller, not the report.
 */
function publisherOf(r: Reader, np: TokenRange, w: Window): TokenRange | undefined {
  if (!r.lex.reference.outletNouns.has(r.t[np.last]!.lower)) return undefined;
  const by = r.t[np.last + 1]?.lower;
  if (by !== 'by' && by !== 'in' && by !== 'from') return undefined;
  return npRight(r, np.last + 2, w);
}

/** "According to leaks, ...": the tagger may call the word a verb; a short phrase before a comma will do. */
function shortPhraseBeforeComma(r: Reader, first: number, w: Window): TokenRange | undefined {
  for (let i = first; i < Math.min(w.end, first + 5); i++) {
    if (r.t[i]!.text === ',') return i > first ? { first, last: i - 1 } : undefined;
    if (r.t[i]!.pos === 'PUNCT') return undefined;
  }
  return undefined;
}

/** The clause before a cue that has no comma in front ("X is ahead according to polls"). */
function clauseBefore(r: Reader, i: number, w: Window): Span | undefined {
  if (i - 1 <= w.first) return undefined;
  return r.span(w.first, i - 1);
}
