/**
 * Contents: where what was said begins and ends around a cue (a quotation, the rest of the clause,
 * the words before a closing ", he said"), and the adjuncts and clause ends that decide which side
 * of the cue the content is on.
 */
import { isClosingQuote } from '../quotes.js';
import { citationClosing } from './citation.js';
import { subjectCueAt } from './phrases.js';
import type { Span, Window } from './types.js';
import { NP_POS, type Reader, SENTENCE_END } from './window.js';

/** Where a content that stands before the speaker begins, given the token before the speaker. */
export function contentBefore(r: Reader, beforeSource: number, w: Window): Span | undefined {
  let k = beforeSource;
  let x = r.t[k];
  if (!x) return undefined;
  // The tagger often ends a sentence at “...?” so the closing quote may lie just before the window.
  if (k < w.first && !(r.isClosing(k) || (x.text === ',' && r.isClosing(k - 1)))) return undefined;
  // “...,” X said  /  “...” , X said
  if (x.text === ',' && r.isClosing(k - 1)) {
    k--;
    x = r.t[k]!;
  }
  if (r.isClosing(k)) {
    const open = r.quotes.openOf.get(x.start)!;
    return { start: open, end: x.end };
  }
  if (x.text === ',' || x.text === '—' || x.text === '–' || x.text === ':') {
    let first = w.first;
    // Skip a leading quote mark that is not closed in this window and a leading connective.
    while (first < k && r.isPunct(first)) first++;
    if (first >= k) return undefined;
    return { start: r.t[first]!.start, end: r.t[k - 1]!.end };
  }
  return undefined;
}

/** The content that follows position `from` to the end of its clause. */
export function contentAfter(r: Reader, from: number, w: Window): Span | undefined {
  let k = from;
  if (k >= w.end) return undefined;
  // "The ministry said:" and a line break: the content is the list below (see `listOf`).
  const colon = r.t[k]!;
  const below = r.t[k + 1];
  if (colon.text === ':' && (!below || r.a.text.slice(colon.end, below.start).includes('\n')))
    return { start: colon.start, end: colon.end };
  if (r.isPunct(k, ':') || r.isPunct(k, ',')) k++;
  const x = r.t[k];
  if (!x || k >= w.end) return undefined;
  if (r.isOpening(k)) {
    const close = r.quotes.closeOf.get(x.start)!;
    // A quote that is the whole rest of the sentence is the content; a quote followed by more
    // words ("“...” about the deal") is only part of it.
    const after = r.tokenAt.get(close) ?? r.nextTokenFrom(close);
    if (
      after === undefined ||
      after >= w.end ||
      SENTENCE_END.has(r.t[after]!.text) ||
      r.t[after]!.text === ','
    ) {
      return { start: x.start, end: close };
    }
  }
  let last = w.end - 1;
  for (let i = k + 1; i < w.end; i++) {
    const tok = r.t[i]!;
    // “...,” according to the Times: the quote ends the content, the comma sits inside it.
    if (r.isClosing(i) && r.isPunct(i - 1, ',') && r.cueAt(i + 1, w)?.entry.prepositional) {
      last = i;
      break;
    }
    // "denied that ... and insisted that ...": a second cue of the same subject, a claim of its own.
    if (tok.lower === 'and' && i > k + 1 && !r.insideQuote(tok.start)) {
      let v = i + 1;
      while (v < w.end && (r.t[v]!.pos === 'ADV' || r.lex.auxiliaries.has(r.t[v]!.lower))) v++;
      const next = r.cueAt(v, w);
      if (
        next &&
        !next.entry.prepositional &&
        !next.entry.relayParenthetical &&
        r.lex.complementizers.has(r.t[next.end]?.lower ?? '')
      ) {
        last = i - 1;
        break;
      }
    }
    // ", adding that ..." and ", according to ..." start an attribution of their own.
    if (tok.text === ',' && !r.insideQuote(tok.start)) {
      // ", while stressing that ...": a contrast word may stand before the participle.
      const j = r.lex.words.contrast.has(r.t[i + 1]?.lower ?? '') ? i + 2 : i + 1;
      const next = r.cueAt(j, w);
      // "that, according to four sources, ...": an attribution opening the content is nested in it.
      const opensContent = i === k + 1 && r.lex.complementizers.has(r.t[k]!.lower);
      // ", citing two officials," is a relay inside this attribution, not a new one.
      if (
        !opensContent &&
        next &&
        !next.entry.relayParenthetical &&
        (next.entry.prepositional || r.t[j]!.lower.endsWith('ing'))
      ) {
        last = i - 1;
        break;
      }
      // ", citing an Israeli official." closing the sentence is the speaker's relay, not content.
      if (j === i + 1 && citationClosing(r, i, w)?.comma === i) {
        last = i - 1;
        break;
      }
      // ", while Syria refuses to ...": a second speaker and cue start their own attribution.
      if (j > i + 1 && subjectCueAt(r, j, w)) {
        last = i - 1;
        break;
      }
    }
  }
  while (
    last > k &&
    (SENTENCE_END.has(r.t[last]!.text) || r.t[last]!.text === ',' || r.t[last]!.text === ';')
  )
    last--;
  if (last < k) return undefined;
  const lastTok = r.t[last]!;
  return { start: x.start, end: lastTok.end };
}

/** A content cut before its first comma outside quotes. */
export function untilComma(r: Reader, content: Span): Span {
  for (let i = r.tokenAt.get(content.start) ?? r.t.length; i < r.t.length; i++) {
    const x = r.t[i]!;
    if (x.start >= content.end) break;
    if (x.text === ',' && !r.insideQuote(x.start) && i > 0)
      return { start: content.start, end: r.t[i - 1]!.end };
  }
  return content;
}

/** Skips time and manner adjuncts after a cue ("on Tuesday", "in a statement") up to "that" or ":". */
export function skipAdjunct(r: Reader, k: number, w: Window): number {
  for (let i = k; i < Math.min(w.end, k + 9); i++) {
    const x = r.t[i]!;
    if (
      r.lex.complementizers.has(x.lower) ||
      r.lex.words.whWords.has(x.lower) ||
      x.text === ':' ||
      r.isOpening(i)
    )
      return i;
    if (!(NP_POS.has(x.pos) || x.pos === 'ADP' || x.pos === 'ADV' || x.text === ',' || x.text === '-'))
      return k;
  }
  return k;
}

/** True when only adjuncts and the sentence end follow: the content must be before the cue. */
export function endsClause(r: Reader, k: number, w: Window): boolean {
  const head = r.t[k];
  // A bare noun phrase after the verb is its object ("Damascus rejected the proposal"), unless
  // it is a time ("said Tuesday") or the listener of "told".
  if (
    head &&
    k < w.end &&
    (head.pos === 'DET' ||
      head.pos === 'NOUN' ||
      head.pos === 'ADJ' ||
      head.pos === 'NUM' ||
      head.pos === 'PRON') &&
    !(r.lex.words.timeWords.has(head.lower) && !determinesNonTime(r, k))
  )
    return false;
  for (let i = k; i < w.end; i++) {
    const x = r.t[i]!;
    if (SENTENCE_END.has(x.text) || isClosingQuote(x.text)) return true;
    if (x.text === ',' && r.isOpening(i + 1)) return false; // said, “...”
    if (x.text === ',' || x.text === ';') return true;
    if (r.lex.complementizers.has(x.lower) || x.text === ':' || r.isOpening(i)) return false;
    if (!(
      x.pos === 'ADP' ||
      x.pos === 'ADV' ||
      x.pos === 'DET' ||
      x.pos === 'NOUN' ||
      x.pos === 'PROPN' ||
      x.pos === 'NUM' ||
      x.pos === 'ADJ'
    ))
      return false;
    if (i - k > 8) return false;
  }
  return true;
}

/** "this proposal" is an object; "this week" is a time. */
function determinesNonTime(r: Reader, k: number): boolean {
  const head = r.t[k]!.lower;
  const next = r.t[k + 1];
  return (
    (head === 'this' || head === 'last') &&
    next !== undefined &&
    next.pos === 'NOUN' &&
    !r.lex.words.timeNouns.has(next.lower)
  );
}

/** The quoted sentence right after "he said." that continues the same quotation. */
export function continuation(r: Reader, k: number, w: Window): Span | undefined {
  let i = k;
  while (i < r.t.length && i < w.end + 2 && !r.isOpening(i)) {
    if (!SENTENCE_END.has(r.t[i]!.text) && i >= w.end) return undefined;
    if (i < w.end && !SENTENCE_END.has(r.t[i]!.text)) return undefined;
    i++;
  }
  const x = r.t[i];
  if (!x || !r.isOpening(i)) return undefined;
  if (r.a.text.slice(r.t[k - 1]!.end, x.start).includes('\n')) return undefined;
  return { start: x.start, end: r.quotes.closeOf.get(x.start)! };
}
