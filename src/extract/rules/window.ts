/**
 * The one view of an analysed text that every attribution rule reads: the tokens, the quotation
 * pairs, the lexicon and the finder's options, with the token-level questions the rules ask
 * ("is this a closing quote?", "does a cue start here?"). Rules are functions of a `Reader` and a
 * `Window` (a token range, usually a sentence); phrase-level reading is in `phrases.ts` and
 * `content.ts`.
 */
import type { CueEntry, Lexicon } from '../lexicon.js';
import { isClosingQuote, isOpeningQuote, pairQuotes, type QuotePairs } from '../quotes.js';
import type { Analysis, Token } from '../tokens.js';
import { anonymityPhraseAt, findAnonymityPhrases } from './anonymity.js';
import type { Attribution, FinderOptions, Span, TokenRange, Window } from './types.js';

/** Parts of speech that may stand inside a noun phrase. */
export const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM', 'PART', 'X', 'SYM']);
/** Parts of speech that can head one. */
export const HEAD_POS = new Set(['PROPN', 'NOUN', 'PRON', 'NUM', 'X']);
export const SENTENCE_END = new Set(['.', '!', '?']);

export class Reader {
  readonly t: Token[];
  readonly quotes: QuotePairs;
  readonly tokenAt = new Map<number, number>();
  readonly tokenEndingAt = new Map<number, number>();
  readonly opts: Required<FinderOptions>;
  /** Token ranges of phrases that say why a source is unnamed ("who asked not to be named"). */
  readonly anonymityPhrases: TokenRange[];

  constructor(
    readonly a: Analysis,
    readonly lex: Lexicon,
    options: FinderOptions,
    /** The whole finder, for rules that look for attributions inside a content. */
    private readonly findIn: (r: Reader, w: Window) => Attribution[],
  ) {
    this.t = a.tokens;
    this.quotes = pairQuotes(a.text);
    for (const tok of this.t) {
      this.tokenAt.set(tok.start, tok.index);
      this.tokenEndingAt.set(tok.end, tok.index);
    }
    this.anonymityPhrases = findAnonymityPhrases(a.text, lex, this.tokenAt, this.tokenEndingAt);
    this.opts = {
      cueWithAuxiliaries: options.cueWithAuxiliaries ?? true,
      includeWeakCues: options.includeWeakCues ?? true,
      nested: options.nested ?? true,
    };
  }

  /** Every outermost attribution whose cue lies in the window (the finder itself). */
  find(w: Window): Attribution[] {
    return this.findIn(this, w);
  }

  /** Matches a cue entry at token i inside the window; returns the entry and one past its end. */
  cueAt(i: number, w: Window): { entry: CueEntry; end: number } | undefined {
    // "who asked not to be named": the reason a source is unnamed is never a cue of its own.
    if (anonymityPhraseAt(this, i)) return undefined;
    for (const entry of this.lex.cues) {
      if (i + entry.words.length > w.end) continue;
      let ok = true;
      for (let k = 0; k < entry.words.length; k++) {
        if (this.t[i + k]!.lower !== entry.words[k]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (entry.onlyBeforeThat && !this.lex.complementizers.has(this.t[i + entry.words.length]?.lower ?? ''))
        continue;
      const head = this.t[i]!;
      // ", revealing ...": the tagger often calls a participle after a comma an adjective.
      const participle = head.lower.endsWith('ing') && this.t[i - 1]?.text === ',';
      if (!entry.prepositional && !participle) {
        const next = this.t[i + entry.words.length]?.lower;
        // "fear that ...", "question whether ...": a clause after the word makes it a verb.
        const thatFollows = next === 'that' || (next === 'whether' && !this.prevIsDeterminer(i));
        if (entry.needsVerbTag && head.pos !== 'VERB' && head.pos !== 'AUX' && !thatFollows) continue;
        if (head.pos === 'PROPN' || head.pos === 'NOUN' || head.pos === 'ADJ') {
          // "a noted author", "the reports": nouns and adjectives are not cues, except the
          // speech verbs the tagger sometimes mislabels when capitalised at sentence start.
          if (!thatFollows && (entry.needsVerbTag || head.pos === 'ADJ' || this.prevIsDeterminer(i)))
            continue;
        }
        if (entry.weak && !this.opts.includeWeakCues) continue;
      }
      return { entry, end: i + entry.words.length };
    }
    return undefined;
  }

  private prevIsDeterminer(i: number): boolean {
    const p = this.t[i - 1];
    return p !== undefined && (p.pos === 'DET' || p.pos === 'ADJ');
  }

  isPunct(i: number, text?: string): boolean {
    const x = this.t[i];
    if (!x) return false;
    return text === undefined ? x.pos === 'PUNCT' : x.text === text;
  }

  isClosing(i: number): boolean {
    const x = this.t[i];
    return x !== undefined && isClosingQuote(x.text) && this.quotes.openOf.has(x.start);
  }

  isOpening(i: number): boolean {
    const x = this.t[i];
    return x !== undefined && isOpeningQuote(x.text) && this.quotes.closeOf.has(x.start);
  }

  /** Whether the lower-cased words stand at token i. */
  wordsAt(i: number, words: readonly string[]): boolean {
    return words.every((word, k) => this.t[i + k]?.lower === word);
  }

  /** The character span of tokens first..last (inclusive). */
  span(first: number, last: number): Span {
    return { start: this.t[first]!.start, end: this.t[last]!.end };
  }

  /** The first token starting within a few characters after an offset. */
  nextTokenFrom(offset: number): number | undefined {
    for (let o = offset; o < Math.min(this.a.text.length, offset + 4); o++) {
      const i = this.tokenAt.get(o);
      if (i !== undefined) return i;
    }
    return undefined;
  }

  insideQuote(offset: number): boolean {
    for (const [open, close] of this.quotes.closeOf) if (open < offset && offset < close) return true;
    return false;
  }
}
