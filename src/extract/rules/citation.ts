/**
 * Citations: the parenthetical relay of an attribution, the teller its speaker cites. News writes
 * it after the cue (", citing two officials, that ...", also after a time adjunct: "reported on
 * Friday, citing ..."), at the end of the sentence ("..., Reuters reported, citing four sources."),
 * between the speaker and the cue ("The report, citing unnamed officials, said ..."), before the
 * whole clause ("Citing a senior official, the network reported ...") and as a relative clause
 * after the speaker ("according to Reuters, which cited four sources, ..."). Each gives one relay:
 * the cited teller stands between the speaker and the content.
 */
import { npRight } from './phrases.js';
import type { Relay, Window } from './types.js';
import { type Reader, SENTENCE_END } from './window.js';

/** A citing cue at token i ("citing", "cited", "quoting"): the verb that names a cited teller. */
function citingAt(
  r: Reader,
  i: number,
  w: Window,
): { end: number; relay: Omit<Relay, 'source'> } | undefined {
  const m = r.cueAt(i, w);
  if (!m) return undefined;
  const citing = m.entry.relayParenthetical || (m.entry.relay !== undefined && r.t[i]!.lower.endsWith('ing'));
  return citing ? { end: m.end, relay: { cue: r.span(i, m.end - 1), entry: m.entry } } : undefined;
}

/** "citing NP" from token i: the relay and one past the cited phrase. */
function citedPhrase(r: Reader, i: number, w: Window): { relay: Relay; next: number } | undefined {
  const citing = citingAt(r, i, w);
  if (!citing) return undefined;
  const cited = npRight(r, citing.end, w);
  if (!cited) return undefined;
  return { relay: { source: r.span(cited.first, cited.last), ...citing.relay }, next: cited.last + 1 };
}

/** Whether token i may stand in a short time or place adjunct ("on Friday", "late on Thursday"). */
function adjunctWord(r: Reader, i: number): boolean {
  const x = r.t[i]!;
  return (
    x.pos === 'ADP' ||
    x.pos === 'NUM' ||
    x.pos === 'ADV' ||
    x.pos === 'PROPN' ||
    x.pos === 'DET' ||
    r.lex.words.timeWords.has(x.lower) ||
    r.lex.words.timeNouns.has(x.lower)
  );
}

/**
 * ", citing X" right after a cue, or after a short adjunct that follows it, at token k: the relay
 * and the token after the cited phrase.
 */
export function citationAfterCue(
  r: Reader,
  k: number,
  w: Window,
): { relay: Relay; next: number } | undefined {
  let comma = k;
  while (comma < w.end && comma - k < 6 && !r.isPunct(comma, ',') && adjunctWord(r, comma)) comma++;
  if (!r.isPunct(comma, ',')) return undefined;
  return citedPhrase(r, comma + 1, w);
}

/**
 * ", citing X." closing the sentence after a content: the relay and the comma that opens it (the
 * content ends before that comma). Searched from token `from` on.
 */
export function citationClosing(
  r: Reader,
  from: number,
  w: Window,
): { relay: Relay; comma: number } | undefined {
  for (let c = from; c < w.end - 1; c++) {
    if (!r.isPunct(c, ',') || r.insideQuote(r.t[c]!.start)) continue;
    const cited = citedPhrase(r, c + 1, w);
    if (!cited) continue;
    const after = r.t[cited.next];
    if (cited.next >= w.end || !after || SENTENCE_END.has(after.text))
      return { relay: cited.relay, comma: c };
  }
  return undefined;
}

/**
 * A citation between the speaker and its cue ("The report, citing unnamed officials, said") or
 * opening the clause before the speaker ("Citing a senior official, the network reported"): the
 * relay and the token where the speaker phrase ends (exclusive), when there is one.
 */
export function citationBeforeCue(
  r: Reader,
  cueFirst: number,
  w: Window,
): { relay: Relay; speakerEnd?: number; opening?: number } | undefined {
  if (r.isPunct(cueFirst - 1, ',')) {
    for (let c = cueFirst - 3; c > w.first && cueFirst - c <= 14; c--) {
      if (!r.isPunct(c, ',')) continue;
      const cited = citedPhrase(r, c + 1, w);
      if (cited && cited.next === cueFirst - 1) return { relay: cited.relay, speakerEnd: c };
      break;
    }
  }
  // "Citing X, S CUE": the speaker phrase starts after the citation's comma.
  const cited = citedPhrase(r, w.first, w);
  if (cited && r.isPunct(cited.next, ',') && cited.next < cueFirst)
    return { relay: cited.relay, opening: cited.next };
  return undefined;
}

/** ", which cited X," / ", who quoted X," after the speaker of "according to": the relay and what follows. */
export function citationRelative(
  r: Reader,
  k: number,
  w: Window,
): { relay: Relay; next: number } | undefined {
  if (!r.isPunct(k, ',')) return undefined;
  const rel = r.t[k + 1]?.lower;
  if (rel !== 'which' && rel !== 'who') return undefined;
  const cited = citedPhrase(r, k + 2, w);
  if (!cited) return undefined;
  return { relay: cited.relay, next: cited.next };
}
