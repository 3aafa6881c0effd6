/**
 * The learned tagger's recall in the product: a sentence where the rules find no attribution, but
 * the tagger finds one cue with one source and a content, becomes an attribution of its own. The
 * rules stay in charge wherever they fire (their chains, relays, addressees and anonymity are
 * better than anything a span tagger gives); the tagger only speaks where they are silent, and
 * only in the plain "one source, one cue, a content" shape a chain can be built from.
 */
import type { Attribution, Span } from '../attributions.js';
import type { CueEntry, Lexicon } from '../lexicon.js';
import { isHeadline } from '../rules/lists.js';
import { refusesToSpeak } from '../rules/no-comment.js';
import type { Analysis, Sentence } from '../tokens.js';
import type { RoleName, RoleSpanSets } from './features.js';
import { tagSpans, type TaggerModel } from './model.js';

/** The tagger is less sure than a rule: its claims say so in their extraction confidence. */
export const TAGGER_CONFIDENCE = 0.6;

/** Fewest words a tagged content needs to be a statement rather than a stray phrase. */
const MIN_CONTENT_WORDS = 3;

const inside = (s: Span, from: number, to: number) => s.start >= from && s.start < to;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The lexicon's entry for a tagged cue ("has long argued that" -> argue): the last cue word in
 * the span, so auxiliaries before the verb do not decide. Undefined for a predicate the lexicon
 * does not list ("is promoting", "met"): on PolNeAR dev fewer than six in ten of those the tagger
 * pairs with a source and a content are an attribution there, against nine in ten of the listed ones.
 */
export function cueEntryOf(a: Analysis, lex: Lexicon, cue: Span): CueEntry | undefined {
  const tokens = a.tokens.filter((t) => t.start >= cue.start && t.end <= cue.end);
  let found: CueEntry | undefined;
  tokens.forEach((_, k) => {
    for (const entry of lex.cues) {
      if (entry.prepositional) continue;
      if (entry.words.every((w, j) => tokens[k + j]?.lower === w)) found = entry;
    }
  });
  return found;
}

function words(a: Analysis, s: Span): number {
  return a.tokens.filter((t) => t.start >= s.start && t.end <= s.end && /\w/u.test(t.text)).length;
}

function inSentence(spans: RoleSpanSets, role: RoleName, s: Sentence): Span[] {
  return spans[role].filter((x) => inside(x, s.start, s.stop));
}

/**
 * Attributions the tagger adds to the rules' `found`: one per sentence the rules left alone
 * (headlines aside, which restate the body), when the tagger gives exactly one cue, of a word
 * the cue lexicon lists, exactly one source, and exactly one content of a few words that
 * overlaps none of them nor anything the rules took.
 */
export function taggedAttributions(
  a: Analysis,
  lex: Lexicon,
  found: readonly Attribution[],
  tagged: RoleSpanSets,
): Attribution[] {
  const ruled = found.flatMap((f) => [f.cue, ...f.content, ...(f.source ? [f.source] : [])]);
  const free = (x: Span) => !ruled.some((r) => overlaps(r, x));
  const out: Attribution[] = [];
  for (const s of a.sentences) {
    if (found.some((f) => inside(f.cue, s.start, s.stop)) || isHeadline(a.text, s.start)) continue;
    const cues = inSentence(tagged, 'Cue', s);
    const sources = inSentence(tagged, 'Source', s);
    if (cues.length !== 1 || sources.length !== 1) continue;
    const cue = cues[0]!;
    const source = sources[0]!;
    const contents = tagged.Content.filter(
      (c) =>
        overlaps(c, { start: s.start, end: s.stop }) &&
        !overlaps(c, cue) &&
        !overlaps(c, source) &&
        words(a, c) >= MIN_CONTENT_WORDS,
    );
    if (contents.length !== 1) continue;
    const content = contents[0]!;
    const entry = cueEntryOf(a, lex, cue);
    if (!entry || ![cue, source, content].every(free)) continue;
    // "refused to comment on the matter": a refusal to speak is no statement, as for the rules.
    const opening = a.tokens.findIndex((t) => t.start >= content.start);
    if (refusesToSpeak(a.tokens, opening, lex)) continue;
    out.push({
      source,
      cue,
      content: [content],
      entry,
      relays: [],
      pattern: 'tagger',
      confidence: TAGGER_CONFIDENCE,
    });
  }
  return out;
}

/** The rules' attributions with the tagger's added, in text order (by cue). */
export function withTagger(
  a: Analysis,
  lex: Lexicon,
  model: TaggerModel | undefined,
  found: readonly Attribution[],
): Attribution[] {
  if (!model) return [...found];
  const extra = taggedAttributions(a, lex, found, tagSpans(model, a, lex));
  return extra.length === 0 ? [...found] : [...found, ...extra].sort((x, y) => x.cue.start - y.cue.start);
}
