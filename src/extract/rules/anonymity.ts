/**
 * Anonymity: the phrases that say why a source is unnamed ("who asked not to be named",
 * ", speaking on condition of anonymity,") are never a cue or a content, and the speaker stands
 * before them; descriptor links ("familiar with", "briefed on") keep an unnamed source's
 * description whole ("a source familiar with the government's position"). Word lists:
 * `anonymity-reasons.json`, `descriptor-links.json`, `anonymous-heads.json`.
 */
import type { Lexicon } from '../lexicon.js';
import type { TokenRange } from './types.js';
import type { Reader } from './window.js';

/** Token ranges of every anonymity phrase of the text, in lexicon order. */
export function findAnonymityPhrases(
  text: string,
  lex: Lexicon,
  tokenAt: ReadonlyMap<number, number>,
  tokenEndingAt: ReadonlyMap<number, number>,
): TokenRange[] {
  const phrases: TokenRange[] = [];
  const lower = text.toLowerCase();
  for (const phrase of lex.anonymous.anonymityReasons) {
    for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
      const first = tokenAt.get(at);
      const last = tokenEndingAt.get(at + phrase.length);
      if (first !== undefined && last !== undefined) phrases.push({ first, last });
    }
  }
  return phrases;
}

/** The anonymity phrase holding token i, if any. */
export function anonymityPhraseAt(r: Reader, i: number): TokenRange | undefined {
  return r.anonymityPhrases.find((p) => p.first <= i && i <= p.last);
}

/**
 * A descriptor link ("familiar with", "with knowledge of") holding token i and following an
 * unnamed head ("sources familiar with the talks"): its token range, so a speaker phrase runs on.
 */
export function descriptorLinkAt(r: Reader, i: number): TokenRange | undefined {
  for (const link of r.lex.descriptorLinks) {
    for (let o = 0; o < link.length; o++) {
      const first = i - o;
      if (first < 1 || !r.wordsAt(first, link)) continue;
      const head = r.t[first - 1]!;
      if (r.lex.anonymous.heads.includes(head.lower)) return { first, last: first + link.length - 1 };
    }
  }
  return undefined;
}

/**
 * Where the speaker before a cue ends when an anonymity phrase stands between them: "A diplomat
 * who asked not to be named said ...", "An official, speaking on condition of anonymity, said
 * ...". Returns `cueFirst` when there is none.
 */
export function speakerEndBefore(r: Reader, cueFirst: number): number {
  let speakerEnd = cueFirst;
  if (r.isPunct(speakerEnd - 1, ',') && anonymityPhraseAt(r, speakerEnd - 2)) speakerEnd--;
  const phrase = anonymityPhraseAt(r, speakerEnd - 1);
  if (phrase && phrase.last === speakerEnd - 1) {
    speakerEnd = phrase.first;
    if (r.isPunct(speakerEnd - 1, ',')) speakerEnd--;
  }
  return speakerEnd;
}

/** The first anonymity reason (lexicon order) written within 200 characters of a claim. */
export function anonymityReasonNear(
  text: string,
  lex: Lexicon,
  cueStart: number,
  sentenceEnd: number,
): string | undefined {
  return lex.anonymous.anonymityReasons.find((r) =>
    text
      .slice(Math.max(0, cueStart - 200), sentenceEnd + 200)
      .toLowerCase()
      .includes(r),
  );
}
