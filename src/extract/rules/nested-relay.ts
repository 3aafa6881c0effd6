/**
 * Relays around a whole attribution: a cue that closes the sentence after a comma and governs all
 * the content before it, even when that content holds cues of its own ("..., said a senior
 * official."; "Israel rejected X, officials said" relays Israel's attribution), and a passive relay
 * that closes it (", cited by Axios"). Relays inside one cue construction ("quoted X as saying",
 * ", citing X,") are read by the verbal rule; a nested attribution opening a content by `finish`.
 */
import type { CueEntry } from '../lexicon.js';
import { prepositional } from './according-to.js';
import { npRight } from './phrases.js';
import type { Attribution, Span, Window } from './types.js';
import { type Reader, SENTENCE_END } from './window.js';
import { verbal } from './verbal-cue.js';

/** ", cited by X" / ", quoted by X" closing a sentence: X relayed what comes before. */
function passiveRelay(r: Reader, w: Window): { source: Span; cue: Span; entry: CueEntry } | undefined {
  for (let i = w.first + 2; i < w.end - 2; i++) {
    if (!r.isPunct(i - 1, ',') || r.t[i + 1]!.lower !== 'by') continue;
    const cue = r.lex.cues.find(
      (c) => c.relayParenthetical && c.words.length === 1 && c.words[0] === r.t[i]!.lower,
    );
    const relayed = r.lex.cues.find((c) => c.relay && c.words.length === 1 && c.words[0] === r.t[i]!.lower);
    const entry = cue ?? relayed;
    if (!entry) continue;
    const np = npRight(r, i + 2, w);
    if (!np) continue;
    const after = r.t[np.last + 1];
    if (after && !(SENTENCE_END.has(after.text) || after.text === ',')) continue;
    return {
      source: r.span(np.first, np.last),
      cue: r.span(i, i + 1),
      entry: { ...entry, role: 'reported' },
    };
  }
  return undefined;
}

/**
 * A cue that closes the sentence after a comma ("..., said a senior official.", "..., the
 * sources said.", "..., according to four sources.") governs everything before it, even when
 * that content holds cues of its own ("an agreement that calls for ..."): it is the one
 * outermost attribution. An attribution opening the content ("Israel rejected X, officials
 * said") is what the closing speaker relays, so it hangs off `inner`.
 */
export function trailing(r: Reader, w: Window): Attribution | undefined {
  for (let c = w.end - 2; c > w.first + 2; c--) {
    const comma = r.t[c]!;
    if (comma.text !== ',' || r.insideQuote(comma.start) || r.isClosing(c - 1)) continue;
    const found = closingAt(r, c, w);
    if (!found) continue;
    const content = found.content[0]!;
    if (found.content.length !== 1 || content.end > comma.start) continue;
    const first = r.tokenAt.get(content.start);
    if (first === undefined) continue;
    // Only worth the trouble when the content holds a cue of its own; otherwise the left-to-right
    // pass finds the same attribution.
    const inside = r.find({ first, end: c });
    if (inside.length === 0) return undefined;
    const head = inside[0]!;
    if (
      r.opts.nested &&
      head.source?.start === content.start &&
      (head.pattern === 'source-cue-content' || head.pattern === 'according-to-first')
    )
      found.inner = head;
    else delete found.inner;
    return found;
  }
  return undefined;
}

/** The attribution a closing segment after comma `c` makes, when it is one. */
function closingAt(r: Reader, c: number, w: Window): Attribution | undefined {
  // "..., said X." / "..., according to X."
  const direct = r.cueAt(c + 1, w);
  if (direct) {
    const a = direct.entry.prepositional
      ? prepositional(r, c + 1, direct.end, direct.entry, w)
      : verbal(r, c + 1, direct.end, direct.entry, w);
    return a && (a.pattern === 'content-cue-source' || a.pattern === 'according-to-last') ? a : undefined;
  }
  // "..., the sources said." / "..., two officials familiar with the talks told Reuters."
  const np = npRight(r, c + 1, w);
  if (!np) return undefined;
  let v = np.last + 1;
  while (v < w.end && (r.lex.auxiliaries.has(r.t[v]!.lower) || r.t[v]!.pos === 'ADV')) v++;
  const cue = r.cueAt(v, w);
  if (!cue || cue.entry.prepositional) return undefined;
  const a = verbal(r, v, cue.end, cue.entry, w);
  return a?.pattern === 'content-source-cue' && a.source?.start === r.t[c + 1]!.start ? a : undefined;
}

/** "..., an official said, cited by Axios": the outlet cited the attribution before it. */
export function withPassiveRelay(r: Reader, w: Window, found: Attribution[]): Attribution[] {
  const relay = passiveRelay(r, w);
  if (relay) {
    const k = found.findLastIndex((a) => a.cue.end <= relay.cue.start);
    const target = found[k];
    if (target) {
      found[k] = {
        source: relay.source,
        cue: relay.cue,
        content: target.content,
        entry: relay.entry,
        relays: [],
        ...(r.opts.nested ? { inner: target } : {}),
        pattern: 'passive-relay',
        confidence: target.confidence,
      };
    }
  }
  return found;
}

/**
 * "X warned against “...”, according to the Times": a closing according-to whose content overlaps
 * the attribution found before it in the sentence relays that attribution. True when it does (the
 * prior one is then `inner`, and the caller drops it from the list).
 */
export function relaysPrior(r: Reader, attribution: Attribution, prior: Attribution | undefined): boolean {
  if (!(
    r.opts.nested &&
    attribution.pattern === 'according-to-last' &&
    prior?.source &&
    !prior.pattern.startsWith('according') &&
    prior.content.some((c) => attribution.content.some((d) => c.start < d.end && d.start < c.end))
  ))
    return false;
  attribution.inner = prior;
  attribution.content = prior.content;
  return true;
}
