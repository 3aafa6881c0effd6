/**
 * Finds attribution relations in analysed text: who (source) says (cue) what (content), to whom
 * (addressee), and through whom ("Reuters quoted an official as saying ...", "..., citing two
 * officials, ..."). The result is spans only; turning them into sources, actors and hops is
 * `build.ts`'s job, and the PolNeAR evaluation scores these spans directly.
 *
 * This module only runs the rules over each sentence. Each construction is a module of `rules/`
 * over one shared `Reader` (the tokens, quotation pairs, lexicon and options) and a token
 * `Window`: verbal cues (`verbal-cue.ts`), "according to" (`according-to.ts`), passives with a
 * by-agent (`passive.ts`), noun cues (`noun-cue.ts`), "From X's perspective" (`perspective.ts`),
 * relays around a whole attribution (`nested-relay.ts`), anonymity phrases (`anonymity.ts`),
 * lists (`lists.ts`) and refusals to comment, which are no statements (`no-comment.ts`); speaker phrases and contents are read by `phrases.ts` and `content.ts`.
 * Closed-class words are data (`data/lexicons/`). Who "the broadcaster" or "they" is, is decided
 * later, when agents are made (`rules/coreference.ts`).
 */
import type { Lexicon } from './lexicon.js';
import { prepositional } from './rules/according-to.js';
import { headingAttributions, isHeadline, listOf } from './rules/lists.js';
import { relaysPrior, trailing, withPassiveRelay } from './rules/nested-relay.js';
import { isNoComment } from './rules/no-comment.js';
import { nounCue } from './rules/noun-cue.js';
import { perspective } from './rules/perspective.js';
import type { Attribution, FinderOptions, Span, Window } from './rules/types.js';
import { verbal } from './rules/verbal-cue.js';
import { Reader } from './rules/window.js';
import type { Analysis } from './tokens.js';

export { listItemsAfter } from './rules/lists.js';
export type { Attribution, FinderOptions, Relay, Span } from './rules/types.js';

/** Every attribution whose cue lies in the window, outermost only (nested ones hang off `inner`). */
function findIn(r: Reader, w: Window): Attribution[] {
  // A cue closing the sentence after a comma governs all of it: one outermost attribution.
  const closing = trailing(r, w);
  if (closing) return withPassiveRelay(r, w, [closing]);
  const found: Attribution[] = [];
  const claimed: Span[] = [];
  for (let i = w.first; i < w.end; i++) {
    const m = r.cueAt(i, w);
    if (!m) {
      const other = nounCue(r, i, w) ?? perspective(r, i, w);
      if (other) {
        found.push(other);
        for (const c of other.content) claimed.push(c);
        if (other.source) claimed.push(other.source);
      }
      continue;
    }
    const at = r.t[i]!.start;
    if (claimed.some((s) => s.start <= at && at < s.end)) continue;
    const prior = found[found.length - 1];
    const attribution = m.entry.prepositional
      ? prepositional(r, i, m.end, m.entry, w)
      : verbal(r, i, m.end, m.entry, w, prior?.pattern.startsWith('according') ? undefined : prior);
    // "refused to comment": a refusal to speak is no statement.
    if (!attribution || isNoComment(r, attribution)) continue;
    if (relaysPrior(r, attribution, prior)) found.pop();
    found.push(attribution);
    for (const c of attribution.content) claimed.push(c);
    if (attribution.source) claimed.push(attribution.source);
    // ", quoting an official": a relay's cue is part of this attribution, not one of its own.
    for (const relay of attribution.relays) claimed.push(relay.cue, relay.source);
    i = m.end - 1;
  }
  return withPassiveRelay(r, w, found);
}

/** All attributions in the text, outermost first within each sentence, in text order. */
export function findAttributions(a: Analysis, lex: Lexicon, options: FinderOptions = {}): Attribution[] {
  const reader = new Reader(a, lex, options, findIn);
  const out: Attribution[] = [];
  for (const s of a.sentences) {
    // A Markdown heading ("# Deal near, sources say") is the headline: it restates the body.
    const first = a.tokens[s.first];
    if (first && isHeadline(a.text, first.start)) continue;
    out.push(...findIn(reader, { first: s.first, end: s.end }));
  }
  for (const at of out) {
    const items = listOf(a.text, at);
    if (items) at.items = items;
  }
  const headings = headingAttributions(a.text, lex);
  if (headings.length === 0) return out;
  return [...out, ...headings].sort((x, y) => x.cue.start - y.cue.start);
}
