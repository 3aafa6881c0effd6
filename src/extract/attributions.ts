/**
 * Finds attribution relations in analysed text: who (source) says (cue) what (content), to whom
 * (addressee), and through whom ("Reuters quoted an official as saying ...", "..., citing two
 * officials, ..."). The result is spans only; turning them into sources, actors and hops is
 * `build.ts`'s job, and the PolNeAR evaluation scores these spans directly.
 *
 * The rules follow the shapes news prose uses:
 *   S CUE [addressee] [adjunct] (that|:) CONTENT      "Reuters said that ...", "X told Y ..."
 *   CONTENT, S CUE.  /  CONTENT, CUE S.                "“...,” the minister said."
 *   According to S, CONTENT  /  CONTENT, according to S.
 *   S, APPOSITIVE, CUE ...                            "Scott Pruitt, the attorney general, said"
 *   ..., CUEing CONTENT                               subject of the clause is the source
 */
import type { CueEntry, Lexicon } from './lexicon.js';
import { isClosingQuote, isOpeningQuote, pairQuotes, type QuotePairs } from './quotes.js';
import type { Analysis, Token } from './tokens.js';

export interface Span {
  start: number;
  end: number;
}

/** A relayed teller inside the cue construction ("quoted <a Syrian official> as saying"). */
export interface Relay {
  source: Span;
  cue: Span;
  entry: CueEntry;
}

export interface Attribution {
  source?: Span;
  cue: Span;
  /** One or more segments: a quote may continue after "he said." */
  content: Span[];
  addressee?: Span;
  entry: CueEntry;
  /** Tellers between the source and the content, outermost first. */
  relays: Relay[];
  /** An attribution that opens the content ("... that President X told Y that ..."). */
  inner?: Attribution;
  /**
   * Items of a list the content introduces with a colon ("the framework included:" and one item
   * per line below): each is a content of this same attribution (of its innermost layer).
   */
  items?: Span[];
  /** The rule that fired; used for confidence and for error analysis. */
  pattern: string;
  confidence: number;
}

/** Options for the finder; defaults are the values tuned on the PolNeAR dev split. */
export interface FinderOptions {
  /** Include auxiliaries and adverbs before the verb in the cue ("has said"). Default true. */
  cueWithAuxiliaries?: boolean;
  /** Report attributions whose cue is weak (found, believes, shows). Default true. */
  includeWeakCues?: boolean;
  /** Look for nested attributions inside contents. Default true. */
  nested?: boolean;
}

const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM', 'PART', 'X', 'SYM']);
const HEAD_POS = new Set(['PROPN', 'NOUN', 'PRON', 'NUM', 'X']);
/** Pronouns that cannot take modifiers to their left: a speaker phrase stops after them. */
const BARE_PRONOUNS = new Set([
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'you',
  'who',
  'which',
  'that',
  'this',
  'these',
  'those',
  'one',
  'everyone',
  'someone',
  'nobody',
  'many',
  'some',
  'others',
  'both',
  'all',
  'something',
  'anything',
  'nothing',
  'everything',
]);
const SENTENCE_END = new Set(['.', '!', '?']);
const WH_WORDS = new Set(['how', 'what', 'why', 'whether', 'when', 'where', 'who', 'which', 'if']);
const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
  'recently',
  'earlier',
  'later',
  'last',
  'this',
  'on',
  'in',
  'at',
  'during',
  'afterward',
  'afterwards',
]);
const TIME_NOUNS = new Set([
  'week',
  'month',
  'year',
  'morning',
  'afternoon',
  'evening',
  'night',
  'weekend',
  'spring',
  'summer',
  'fall',
  'autumn',
  'winter',
  'time',
  'season',
  'decade',
]);
const CONNECTIVES = new Set([
  'but',
  'and',
  'yet',
  'so',
  'still',
  'however',
  'meanwhile',
  'instead',
  'also',
  'now',
  'then',
  'later',
  'earlier',
]);

/** Words that may stand between a subject and its cue verb without belonging to the cue. */
const PRE_VERB_ADVERBS = new Set([
  'even',
  'firmly',
  'flatly',
  'not',
  'never',
  'still',
  'already',
  'just',
  'alike',
]);
/** Forms of "be" that make a following participle passive ("was rejected by Damascus"). */
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
/** Cue roles whose passive ("was rejected by X") names the speaker after "by". */
const PASSIVE_ROLES = new Set(['rejected', 'denied', 'proposed', 'acknowledged', 'demanded', 'predicted']);
/** Subordinators that may open a second attribution after a comma (", while Syria refuses ..."). */
const CONTRAST = new Set(['while', 'whereas']);

interface Window {
  first: number;
  end: number;
}

class Finder {
  private readonly t: Token[];
  private readonly quotes: QuotePairs;
  private readonly tokenAt = new Map<number, number>();
  private readonly tokenEndingAt = new Map<number, number>();
  private readonly opts: Required<FinderOptions>;
  /** Token ranges of phrases that say why a source is unnamed ("who asked not to be named"). */
  private readonly anonymityPhrases: { first: number; last: number }[] = [];

  constructor(
    private readonly a: Analysis,
    private readonly lex: Lexicon,
    options: FinderOptions,
  ) {
    this.t = a.tokens;
    this.quotes = pairQuotes(a.text);
    for (const tok of this.t) {
      this.tokenAt.set(tok.start, tok.index);
      this.tokenEndingAt.set(tok.end, tok.index);
    }
    const lower = a.text.toLowerCase();
    for (const phrase of lex.anonymous.anonymityReasons) {
      for (let at = lower.indexOf(phrase); at >= 0; at = lower.indexOf(phrase, at + 1)) {
        const first = this.tokenAt.get(at);
        const last = this.tokenEndingAt.get(at + phrase.length);
        if (first !== undefined && last !== undefined) this.anonymityPhrases.push({ first, last });
      }
    }
    this.opts = {
      cueWithAuxiliaries: options.cueWithAuxiliaries ?? true,
      includeWeakCues: options.includeWeakCues ?? true,
      nested: options.nested ?? true,
    };
  }

  tok(i: number): Token | undefined {
    return this.t[i];
  }

  /** The anonymity phrase holding token i, if any. */
  private anonymityPhraseAt(i: number): { first: number; last: number } | undefined {
    return this.anonymityPhrases.find((p) => p.first <= i && i <= p.last);
  }

  /**
   * A descriptor link ("familiar with", "with knowledge of") holding token i and following an
   * unnamed head ("sources familiar with the talks"): its token range, so a speaker phrase runs on.
   */
  private descriptorLinkAt(i: number): { first: number; last: number } | undefined {
    for (const link of this.lex.descriptorLinks) {
      for (let o = 0; o < link.length; o++) {
        const first = i - o;
        if (first < 1 || !this.wordsAt(first, link)) continue;
        const head = this.t[first - 1]!;
        if (this.lex.anonymous.heads.includes(head.lower)) return { first, last: first + link.length - 1 };
      }
    }
    return undefined;
  }

  /** Matches a cue entry at token i inside the window; returns the entry and one past its end. */
  cueAt(i: number, w: Window): { entry: CueEntry; end: number } | undefined {
    // "who asked not to be named": the reason a source is unnamed is never a cue of its own.
    if (this.anonymityPhraseAt(i)) return undefined;
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

  /** A noun phrase ending at token `last` (inclusive), walking left; undefined when none. */
  npLeft(last: number, w: Window): { first: number; last: number } | undefined {
    const spanLast = last;
    let i = last;
    let first = last + 1;
    while (i >= w.first) {
      const x = this.t[i]!;
      if (x.text === ')' && i === last) {
        // "Rep. Gwen Moore (D-Wis.) said": a party tag belongs to the speaker.
        let open = i - 1;
        while (open > w.first && i - open < 8 && this.t[open]!.text !== '(') open--;
        if (this.t[open]?.text === '(' && open - 1 >= w.first) {
          i = open - 1;
          last = open - 1;
          continue;
        }
      }
      const right = this.t[first];
      if (right && right.index <= last && right.pos === 'PRON' && BARE_PRONOUNS.has(right.lower)) break;
      if (NP_POS.has(x.pos)) {
        // A noun directly left of a determiner ends an earlier phrase: "In the interview the senator".
        if (right && right.index <= last && right.pos === 'DET' && (x.pos === 'NOUN' || x.pos === 'PROPN'))
          break;
        if (x.pos === 'PRON' && BARE_PRONOUNS.has(x.lower) && first <= last) break;
        first = i;
        i--;
        continue;
      }
      const link = first <= last ? this.descriptorLinkAt(i) : undefined;
      if (link && link.first > w.first && link.last + 1 >= first) {
        first = link.first;
        i = link.first - 1;
        continue;
      }
      if (
        (x.lower === 'of' || x.lower === 'and' || x.lower === '&' || x.text === '-' || x.text === '.') &&
        first <= last
      ) {
        const left = this.t[i - 1];
        if (left && i - 1 >= w.first && NP_POS.has(left.pos) && left.pos !== 'DET') {
          first = i;
          i--;
          continue;
        }
      }
      break;
    }
    // "The envoy is in Washington and Israeli officials say": a conjunct that is the object of a
    // preposition or verb belongs to the clause before; the speaker starts after "and".
    const opener = this.t[first - 1];
    if (
      opener &&
      first - 1 >= w.first &&
      (opener.pos === 'ADP' || opener.pos === 'AUX' || opener.pos === 'VERB')
    ) {
      for (let k = last - 1; k > first; k--) {
        if (this.t[k]!.lower === 'and' && this.t[k - 1]!.pos === 'PROPN') {
          first = k + 1;
          break;
        }
      }
    }
    // Drop leading words that cannot open a speaker phrase.
    while (first <= last && (CONNECTIVES.has(this.t[first]!.lower) || this.t[first]!.pos === 'PART')) first++;
    if (first > last) return undefined;
    let hasHead = false;
    for (let k = first; k <= last; k++) if (HEAD_POS.has(this.t[k]!.pos)) hasHead = true;
    const lastTok = this.t[last]!;
    if (!hasHead || !(HEAD_POS.has(lastTok.pos) || lastTok.pos === 'ADJ')) return undefined;
    return { first, last: spanLast };
  }

  /** A noun phrase starting at token `first`, walking right (used after "according to", "told"). */
  npRight(first: number, w: Window, allowOf = true): { first: number; last: number } | undefined {
    let i = first;
    let last = first - 1;
    while (i < w.end) {
      const x = this.t[i]!;
      if (NP_POS.has(x.pos) && !(x.lower === 'that' && i > first)) {
        if (x.pos === 'PRON' && BARE_PRONOUNS.has(x.lower) && i > first) break;
        // "told Reuters the two sides came close": a determiner after a noun opens a new phrase.
        const prev = this.t[i - 1];
        if (
          i > first &&
          x.pos === 'DET' &&
          prev &&
          (prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'PRON')
        )
          break;
        last = i;
        i++;
        if (x.pos === 'PRON' && BARE_PRONOUNS.has(x.lower)) break;
        continue;
      }
      const link = last >= first ? this.descriptorLinkAt(i) : undefined;
      if (link && link.first <= last + 1 && link.last + 1 < w.end && NP_POS.has(this.t[link.last + 1]!.pos)) {
        i = link.last + 1;
        continue;
      }
      const next = this.t[i + 1];
      if (
        last >= first &&
        next &&
        i + 1 < w.end &&
        NP_POS.has(next.pos) &&
        ((allowOf && (x.lower === 'of' || x.lower === 'for' || x.lower === 'at')) ||
          x.lower === 'and' ||
          x.text === '-' ||
          x.lower === '&')
      ) {
        i++;
        continue;
      }
      break;
    }
    if (last < first) return undefined;
    let hasHead = false;
    for (let k = first; k <= last; k++) if (HEAD_POS.has(this.t[k]!.pos)) hasHead = true;
    return hasHead ? { first, last } : undefined;
  }

  /** The speaker before a cue, with an appositive when one sits between ("X, the minister, said"). */
  sourceBefore(cueFirst: number, w: Window): { first: number; last: number } | undefined {
    const j = cueFirst - 1;
    if (j < w.first) return undefined;
    if (this.isPunct(j, ',')) {
      // Appositive: find the comma that opens it.
      for (let k = j - 1; k > w.first && j - k <= 30; k--) {
        const x = this.t[k]!;
        if (isOpeningQuote(x.text) || isClosingQuote(x.text) || SENTENCE_END.has(x.text)) return undefined;
        if (x.text === ',') {
          const head = this.npLeft(k - 1, w);
          if (!head) return undefined;
          const before = this.t[head.first - 1];
          // The named part must open the clause: sentence start, a quote, or a comma.
          if (head.first !== w.first && before && !(before.pos === 'PUNCT' || CONNECTIVES.has(before.lower)))
            return undefined;
          const appositiveHead = this.t[k + 1]!;
          if (!(
            NP_POS.has(appositiveHead.pos) ||
            appositiveHead.lower === 'who' ||
            appositiveHead.lower === 'whose'
          ))
            return undefined;
          return { first: head.first, last: j };
        }
      }
      return undefined;
    }
    return this.npLeft(j, w);
  }

  /** Where a content that stands before the speaker begins, given the token before the speaker. */
  contentBefore(beforeSource: number, w: Window): Span | undefined {
    let k = beforeSource;
    let x = this.t[k];
    if (!x) return undefined;
    // The tagger often ends a sentence at “...?” so the closing quote may lie just before the window.
    if (k < w.first && !(this.isClosing(k) || (x.text === ',' && this.isClosing(k - 1)))) return undefined;
    // “...,” X said  /  “...” , X said
    if (x.text === ',' && this.isClosing(k - 1)) {
      k--;
      x = this.t[k]!;
    }
    if (this.isClosing(k)) {
      const open = this.quotes.openOf.get(x.start)!;
      return { start: open, end: x.end };
    }
    if (x.text === ',' || x.text === '—' || x.text === '–' || x.text === ':') {
      let first = w.first;
      // Skip a leading quote mark that is not closed in this window and a leading connective.
      while (first < k && this.isPunct(first)) first++;
      if (first >= k) return undefined;
      return { start: this.t[first]!.start, end: this.t[k - 1]!.end };
    }
    return undefined;
  }

  /** The content that follows position `from` to the end of its clause. */
  contentAfter(from: number, w: Window): Span | undefined {
    let k = from;
    if (k >= w.end) return undefined;
    // "The ministry said:" and a line break: the content is the list below (see `listOf`).
    const colon = this.t[k]!;
    const below = this.t[k + 1];
    if (colon.text === ':' && (!below || this.a.text.slice(colon.end, below.start).includes('\n')))
      return { start: colon.start, end: colon.end };
    if (this.isPunct(k, ':') || this.isPunct(k, ',')) k++;
    const x = this.t[k];
    if (!x || k >= w.end) return undefined;
    if (this.isOpening(k)) {
      const close = this.quotes.closeOf.get(x.start)!;
      // A quote that is the whole rest of the sentence is the content; a quote followed by more
      // words ("“...” about the deal") is only part of it.
      const after = this.tokenAt.get(close) ?? this.nextTokenFrom(close);
      if (
        after === undefined ||
        after >= w.end ||
        SENTENCE_END.has(this.t[after]!.text) ||
        this.t[after]!.text === ','
      ) {
        return { start: x.start, end: close };
      }
    }
    let last = w.end - 1;
    for (let i = k + 1; i < w.end; i++) {
      const tok = this.t[i]!;
      // “...,” according to the Times: the quote ends the content, the comma sits inside it.
      if (this.isClosing(i) && this.isPunct(i - 1, ',') && this.cueAt(i + 1, w)?.entry.prepositional) {
        last = i;
        break;
      }
      // "denied that ... and insisted that ...": a second cue of the same subject, a claim of its own.
      if (tok.lower === 'and' && i > k + 1 && !this.insideQuote(tok.start)) {
        let v = i + 1;
        while (v < w.end && (this.t[v]!.pos === 'ADV' || this.lex.auxiliaries.has(this.t[v]!.lower))) v++;
        const next = this.cueAt(v, w);
        if (
          next &&
          !next.entry.prepositional &&
          !next.entry.relayParenthetical &&
          this.lex.complementizers.has(this.t[next.end]?.lower ?? '')
        ) {
          last = i - 1;
          break;
        }
      }
      // ", adding that ..." and ", according to ..." start an attribution of their own.
      if (tok.text === ',' && !this.insideQuote(tok.start)) {
        // ", while stressing that ...": a contrast word may stand before the participle.
        const j = CONTRAST.has(this.t[i + 1]?.lower ?? '') ? i + 2 : i + 1;
        const next = this.cueAt(j, w);
        // ", citing two officials," is a relay inside this attribution, not a new one.
        if (
          next &&
          !next.entry.relayParenthetical &&
          (next.entry.prepositional || this.t[j]!.lower.endsWith('ing'))
        ) {
          last = i - 1;
          break;
        }
        // ", while Syria refuses to ...": a second speaker and cue start their own attribution.
        if (j > i + 1 && this.subjectCueAt(j, w)) {
          last = i - 1;
          break;
        }
      }
    }
    while (
      last > k &&
      (SENTENCE_END.has(this.t[last]!.text) || this.t[last]!.text === ',' || this.t[last]!.text === ';')
    )
      last--;
    if (last < k) return undefined;
    const lastTok = this.t[last]!;
    return { start: x.start, end: lastTok.end };
  }

  /** True when a noun phrase starting at `first` is directly followed by a verbal cue. */
  private subjectCueAt(first: number, w: Window): boolean {
    const np = this.npRight(first, w, false);
    if (!np) return false;
    let v = np.last + 1;
    while (
      v < w.end &&
      (this.lex.auxiliaries.has(this.t[v]!.lower) || PRE_VERB_ADVERBS.has(this.t[v]!.lower))
    )
      v++;
    const cue = this.cueAt(v, w);
    return cue !== undefined && !cue.entry.prepositional && !cue.entry.relayParenthetical;
  }

  /**
   * The subject of the clause the window holds, skipping an opening adjunct that ends in a comma
   * ("In his UN speech, Netanyahu sought ..."; "At a summit in Riyadh, Trump met ...").
   */
  clauseSubject(w: Window, before: number): { first: number; last: number } | undefined {
    let start = w.first;
    while (start < before && this.isPunct(start)) start++;
    const head = this.t[start];
    if (!head) return undefined;
    if (head.pos === 'ADP' || head.pos === 'SCONJ' || (head.pos === 'VERB' && head.lower.endsWith('ing'))) {
      let k = start;
      while (k < before && this.t[k]!.text !== ',') k++;
      if (k >= before || k - start > 12) return undefined;
      start = k + 1;
    }
    while (start < before && CONNECTIVES.has(this.t[start]!.lower)) start++;
    const np = this.npRight(start, w, true);
    if (!np || np.last >= before) return undefined;
    let v = np.last + 1;
    while (v < before && (this.t[v]!.pos === 'ADV' || this.lex.auxiliaries.has(this.t[v]!.lower))) v++;
    const verb = this.t[v];
    return verb && (verb.pos === 'VERB' || verb.pos === 'AUX') ? np : undefined;
  }

  /**
   * The speaker before a cue when adverbs or a short parenthetical stand between them:
   * "Damascus had previously and unequivocally rejected", "Israelis, in turn, question".
   */
  private subjectPastAdverbs(cueFirst: number, w: Window): { first: number; last: number } | undefined {
    let j = cueFirst - 1;
    while (j >= w.first) {
      const x = this.t[j]!;
      const adverb =
        (x.pos === 'ADV' && x.lower.endsWith('ly')) ||
        PRE_VERB_ADVERBS.has(x.lower) ||
        (this.lex.auxiliaries.has(x.lower) && (x.pos === 'AUX' || x.pos === 'ADV' || x.pos === 'VERB'));
      const and = x.lower === 'and' && j < cueFirst - 1 && this.t[j - 1]?.pos === 'ADV';
      if (!adverb && !and) break;
      j--;
    }
    if (j < cueFirst - 1 && j >= w.first && !this.isPunct(j)) return this.sourceBefore(j + 1, w);
    if (!this.isPunct(cueFirst - 1, ',')) return undefined;
    for (let k = cueFirst - 2; k > w.first && cueFirst - 1 - k <= 4; k--) {
      if (this.t[k]!.text !== ',') continue;
      const inner = this.t.slice(k + 1, cueFirst - 1);
      const adjunct =
        inner.length > 0 &&
        (inner[0]!.pos === 'ADP' || inner[0]!.pos === 'ADV') &&
        inner.every((x) => x.pos !== 'PROPN' && x.pos !== 'PUNCT');
      if (!adjunct) return undefined;
      const np = this.npLeft(k - 1, w);
      const open = np ? this.t[np.first - 1] : undefined;
      return np && (np.first === w.first || open?.pos === 'PUNCT') ? np : undefined;
    }
    return undefined;
  }

  /** A content cut before its first comma outside quotes. */
  private untilComma(content: Span): Span {
    for (let i = this.tokenAt.get(content.start) ?? this.t.length; i < this.t.length; i++) {
      const x = this.t[i]!;
      if (x.start >= content.end) break;
      if (x.text === ',' && !this.insideQuote(x.start) && i > 0)
        return { start: content.start, end: this.t[i - 1]!.end };
    }
    return content;
  }

  private nextTokenFrom(offset: number): number | undefined {
    for (let o = offset; o < Math.min(this.a.text.length, offset + 4); o++) {
      const i = this.tokenAt.get(o);
      if (i !== undefined) return i;
    }
    return undefined;
  }

  private insideQuote(offset: number): boolean {
    for (const [open, close] of this.quotes.closeOf) if (open < offset && offset < close) return true;
    return false;
  }

  /** Skips time and manner adjuncts after a cue ("on Tuesday", "in a statement") up to "that" or ":". */
  skipAdjunct(k: number, w: Window): number {
    for (let i = k; i < Math.min(w.end, k + 9); i++) {
      const x = this.t[i]!;
      if (
        this.lex.complementizers.has(x.lower) ||
        WH_WORDS.has(x.lower) ||
        x.text === ':' ||
        this.isOpening(i)
      )
        return i;
      if (!(NP_POS.has(x.pos) || x.pos === 'ADP' || x.pos === 'ADV' || x.text === ',' || x.text === '-'))
        return k;
    }
    return k;
  }

  /** True when only adjuncts and the sentence end follow: the content must be before the cue. */
  endsClause(k: number, w: Window): boolean {
    const head = this.t[k];
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
      !(TIME_WORDS.has(head.lower) && !this.determinesNonTime(k))
    )
      return false;
    for (let i = k; i < w.end; i++) {
      const x = this.t[i]!;
      if (SENTENCE_END.has(x.text) || isClosingQuote(x.text)) return true;
      if (x.text === ',' && this.isOpening(i + 1)) return false; // said, “...”
      if (x.text === ',' || x.text === ';') return true;
      if (this.lex.complementizers.has(x.lower) || x.text === ':' || this.isOpening(i)) return false;
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
  private determinesNonTime(k: number): boolean {
    const head = this.t[k]!.lower;
    const next = this.t[k + 1];
    return (
      (head === 'this' || head === 'last') &&
      next !== undefined &&
      next.pos === 'NOUN' &&
      !TIME_NOUNS.has(next.lower)
    );
  }

  span(first: number, last: number): Span {
    return { start: this.t[first]!.start, end: this.t[last]!.end };
  }

  /** Every attribution whose cue lies in the window, outermost only (nested ones hang off `inner`). */
  findIn(w: Window): Attribution[] {
    const found = this.findAll(w);
    // "..., an official said, cited by Axios": the outlet that cited the attribution before it.
    const relay = this.passiveRelay(w);
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
          ...(this.opts.nested ? { inner: target } : {}),
          pattern: 'passive-relay',
          confidence: target.confidence,
        };
      }
    }
    return found;
  }

  /** ", cited by X" / ", quoted by X" closing a sentence: X relayed what comes before. */
  private passiveRelay(w: Window): { source: Span; cue: Span; entry: CueEntry } | undefined {
    for (let i = w.first + 2; i < w.end - 2; i++) {
      if (!this.isPunct(i - 1, ',') || this.t[i + 1]!.lower !== 'by') continue;
      const cue = this.lex.cues.find(
        (c) => c.relayParenthetical && c.words.length === 1 && c.words[0] === this.t[i]!.lower,
      );
      const relayed = this.lex.cues.find(
        (c) => c.relay && c.words.length === 1 && c.words[0] === this.t[i]!.lower,
      );
      const entry = cue ?? relayed;
      if (!entry) continue;
      const np = this.npRight(i + 2, w);
      if (!np) continue;
      const after = this.t[np.last + 1];
      if (after && !(SENTENCE_END.has(after.text) || after.text === ',')) continue;
      return {
        source: this.span(np.first, np.last),
        cue: this.span(i, i + 1),
        entry: { ...entry, role: 'reported' },
      };
    }
    return undefined;
  }

  private findAll(w: Window): Attribution[] {
    const closing = this.trailing(w);
    if (closing) return [closing];
    const found: Attribution[] = [];
    const claimed: Span[] = [];
    for (let i = w.first; i < w.end; i++) {
      const m = this.cueAt(i, w);
      if (!m) {
        const other = this.nounCue(i, w) ?? this.perspective(i, w);
        if (other) {
          found.push(other);
          for (const c of other.content) claimed.push(c);
          if (other.source) claimed.push(other.source);
        }
        continue;
      }
      const at = this.t[i]!.start;
      if (claimed.some((s) => s.start <= at && at < s.end)) continue;
      const prior = found[found.length - 1];
      const attribution = m.entry.prepositional
        ? this.prepositional(i, m.end, m.entry, w)
        : this.verbal(i, m.end, m.entry, w, prior?.pattern.startsWith('according') ? undefined : prior);
      if (!attribution) continue;
      // "X warned against “...”, according to the Times": the outlet relays X's attribution.
      if (
        this.opts.nested &&
        attribution.pattern === 'according-to-last' &&
        prior?.source &&
        !prior.pattern.startsWith('according') &&
        prior.content.some((c) => attribution.content.some((d) => c.start < d.end && d.start < c.end))
      ) {
        found.pop();
        attribution.inner = prior;
        attribution.content = prior.content;
      }
      found.push(attribution);
      for (const c of attribution.content) claimed.push(c);
      if (attribution.source) claimed.push(attribution.source);
      i = m.end - 1;
    }
    return found;
  }

  /**
   * A cue that closes the sentence after a comma ("..., said a senior official.", "..., the
   * sources said.", "..., according to four sources.") governs everything before it, even when
   * that content holds cues of its own ("an agreement that calls for ..."): it is the one
   * outermost attribution. An attribution opening the content ("Israel rejected X, officials
   * said") is what the closing speaker relays, so it hangs off `inner`.
   */
  private trailing(w: Window): Attribution | undefined {
    for (let c = w.end - 2; c > w.first + 2; c--) {
      const comma = this.t[c]!;
      if (comma.text !== ',' || this.insideQuote(comma.start) || this.isClosing(c - 1)) continue;
      const found = this.closingAt(c, w);
      if (!found) continue;
      const content = found.content[0]!;
      if (found.content.length !== 1 || content.end > comma.start) continue;
      const first = this.tokenAt.get(content.start);
      if (first === undefined) continue;
      // Only worth the trouble when the content holds a cue of its own; otherwise the left-to-right
      // pass finds the same attribution.
      const inside = this.findIn({ first, end: c });
      if (inside.length === 0) return undefined;
      const head = inside[0]!;
      if (
        this.opts.nested &&
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
  private closingAt(c: number, w: Window): Attribution | undefined {
    // "..., said X." / "..., according to X."
    const direct = this.cueAt(c + 1, w);
    if (direct) {
      const a = direct.entry.prepositional
        ? this.prepositional(c + 1, direct.end, direct.entry, w)
        : this.verbal(c + 1, direct.end, direct.entry, w);
      return a && (a.pattern === 'content-cue-source' || a.pattern === 'according-to-last') ? a : undefined;
    }
    // "..., the sources said." / "..., two officials familiar with the talks told Reuters."
    const np = this.npRight(c + 1, w);
    if (!np) return undefined;
    let v = np.last + 1;
    while (v < w.end && (this.lex.auxiliaries.has(this.t[v]!.lower) || this.t[v]!.pos === 'ADV')) v++;
    const cue = this.cueAt(v, w);
    if (!cue || cue.entry.prepositional) return undefined;
    const a = this.verbal(v, cue.end, cue.entry, w);
    return a?.pattern === 'content-source-cue' && a.source?.start === this.t[c + 1]!.start ? a : undefined;
  }

  private prepositional(i: number, end: number, entry: CueEntry, w: Window): Attribution | undefined {
    const np = this.npRight(end, w) ?? this.shortPhraseBeforeComma(end, w);
    if (!np) return undefined;
    const source = this.span(np.first, np.last);
    const cue = this.span(i, end - 1);
    let content: Span | undefined;
    let pattern: string;
    const atClauseStart = i === w.first || CONNECTIVES.has(this.t[i - 1]!.lower) || this.isPunct(i - 1);
    if (atClauseStart && this.isPunct(np.last + 1, ',')) {
      content = this.contentAfter(np.last + 2, w);
      pattern = 'according-to-first';
    } else {
      content = this.contentBefore(i - 1, w) ?? this.clauseBefore(i, w);
      pattern = 'according-to-last';
    }
    if (!content) return undefined;
    return this.finish({ source, cue, content: [content], entry, relays: [], pattern, confidence: 0.75 }, w);
  }

  /** "According to leaks, ...": the tagger may call the word a verb; a short phrase before a comma will do. */
  private shortPhraseBeforeComma(first: number, w: Window): { first: number; last: number } | undefined {
    for (let i = first; i < Math.min(w.end, first + 5); i++) {
      if (this.t[i]!.text === ',') return i > first ? { first, last: i - 1 } : undefined;
      if (this.t[i]!.pos === 'PUNCT') return undefined;
    }
    return undefined;
  }

  /** The clause before a cue that has no comma in front ("X is ahead according to polls"). */
  private clauseBefore(i: number, w: Window): Span | undefined {
    if (i - 1 <= w.first) return undefined;
    return this.span(w.first, i - 1);
  }

  private verbal(
    i: number,
    end: number,
    entry: CueEntry,
    w: Window,
    prior?: Attribution,
  ): Attribution | undefined {
    let cueFirst = i;
    if (this.opts.cueWithAuxiliaries) {
      while (cueFirst - 1 >= w.first) {
        const p = this.t[cueFirst - 1]!;
        if (this.lex.auxiliaries.has(p.lower) && (p.pos === 'AUX' || p.pos === 'ADV' || p.pos === 'VERB'))
          cueFirst--;
        else break;
      }
    }
    const cue = this.span(cueFirst, end - 1);
    const relays: Relay[] = [];
    const gerund = this.t[i]!.lower.endsWith('ing');

    // ", adding that ..." / ", citing two officials, ...": the clause subject is the source.
    const contrast = CONTRAST.has(this.t[cueFirst - 1]?.lower ?? '') && this.isPunct(cueFirst - 2, ',');
    if (gerund && (this.isPunct(cueFirst - 1, ',') || contrast)) {
      if (entry.relayParenthetical) return undefined; // handled as a relay by the outer cue
      // The speaker of an attribution earlier in the sentence is the one who goes on "revealing".
      const subject = prior?.source
        ? undefined
        : (this.clauseSubject(w, cueFirst) ?? this.npRight(w.first, w, false));
      const content = this.contentAfter(this.skipAdjunct(end, w), w);
      if (!(subject || prior?.source) || !content) return undefined;
      return this.finish(
        {
          source: prior?.source ?? this.span(subject!.first, subject!.last),
          cue,
          content: [content],
          entry,
          relays,
          pattern: 'participle',
          confidence: 0.45,
        },
        w,
      );
    }

    // "That proposal was flatly rejected by Damascus", "the concept reportedly floated by Tel Aviv".
    if (PASSIVE_ROLES.has(entry.role) && this.t[end]?.lower === 'by') {
      const passive = this.passive(i, end, cue, entry, w);
      if (passive) return passive;
    }

    // "i24NEWS was told by officials familiar with the talks that ...": the teller follows "by".
    if (entry.takesAddressee && this.t[end]?.lower === 'by') {
      const told = this.passiveTold(cueFirst, end, cue, entry, w);
      if (told) return told;
    }

    // "A diplomat who asked not to be named said ...", "An official, speaking on condition of
    // anonymity, said ...": the speaker stands before the phrase.
    let speakerEnd = cueFirst;
    if (this.isPunct(speakerEnd - 1, ',') && this.anonymityPhraseAt(speakerEnd - 2)) speakerEnd--;
    const phrase = this.anonymityPhraseAt(speakerEnd - 1);
    if (phrase && phrase.last === speakerEnd - 1) {
      speakerEnd = phrase.first;
      if (this.isPunct(speakerEnd - 1, ',')) speakerEnd--;
    }
    let relative = false;
    let before =
      (speakerEnd < cueFirst ? this.npLeft(speakerEnd - 1, w) : undefined) ??
      this.sourceBefore(cueFirst, w) ??
      this.subjectPastAdverbs(cueFirst, w) ??
      // "Trump met with al-Sharaa and told him ...": the subject of the first verb speaks.
      (this.t[cueFirst - 1]?.lower === 'and' ? this.clauseSubject(w, cueFirst - 1) : undefined);
    // "Tom Barrack, who said two weeks ago that ..., met ...": the speaker is the antecedent.
    if (
      before &&
      before.first === before.last &&
      this.t[before.first]!.lower === 'who' &&
      this.isPunct(before.first - 1, ',')
    ) {
      const antecedent = this.npLeft(before.first - 2, w);
      before = antecedent;
      relative = antecedent !== undefined;
    }
    if (before) {
      const source = this.span(before.first, before.last);
      let k = end;
      let addressee: Span | undefined;
      if (entry.relay) {
        // "quoted a Syrian official as saying ..."
        const relayed = this.npRight(k, w);
        if (relayed && this.wordsAt(relayed.last + 1, entry.relay)) {
          const relayCueEnd = relayed.last + entry.relay.length;
          const said = this.lex.cues.find(
            (c) => c.words.length === 1 && c.words[0] === this.t[relayCueEnd]!.lower,
          );
          relays.push({
            source: this.span(relayed.first, relayed.last),
            cue: this.span(relayed.last + 1, relayCueEnd),
            entry: said ?? entry,
          });
          k = relayCueEnd + 1;
        }
      } else if (entry.takesAddressee || (this.t[k]?.lower === 'to' && k < w.end - 1)) {
        // "told US envoy Tom Barrack", "hinted to US officials"
        const listener = this.npRight(entry.takesAddressee ? k : k + 1, w, false);
        if (listener) {
          addressee = this.span(listener.first, listener.last);
          k = listener.last + 1;
        }
      }
      // ", citing two officials, that ..."
      if (this.isPunct(k, ',')) {
        const citing = this.cueAt(k + 1, w);
        if (citing?.entry.relayParenthetical) {
          const relayed = this.npRight(citing.end, w);
          if (relayed) {
            relays.push({
              source: this.span(relayed.first, relayed.last),
              cue: this.span(k + 1, citing.end - 1),
              entry: citing.entry,
            });
            k = relayed.last + 1;
            if (this.isPunct(k, ',')) k++;
          }
        }
      }
      if (this.endsClause(k, w) && relays.length === 0) {
        const content = this.contentBefore(before.first - 1, w);
        if (!content) return undefined;
        const segments = [content];
        const more = this.continuation(k, w);
        if (more && this.quotes.openOf.has(content.end - 1)) segments.push(more);
        return this.finish(
          {
            source,
            cue,
            content: segments,
            ...(addressee ? { addressee } : {}),
            entry,
            relays,
            pattern: 'content-source-cue',
            confidence: 0.7,
          },
          w,
        );
      }
      let content = this.contentAfter(this.skipAdjunct(k, w), w);
      // The relative clause ends at its closing comma: "..., who said that X, met Y".
      if (content && relative) content = this.untilComma(content);
      if (!content) return undefined;
      return this.finish(
        {
          source,
          cue,
          content: [content],
          ...(addressee ? { addressee } : {}),
          entry,
          relays,
          pattern: relative ? 'relative-clause' : 'source-cue-content',
          confidence: 0.7,
        },
        w,
      );
    }

    // “...,” said the minister.
    const prev = cueFirst - 1;
    if (prev >= w.first && (this.isPunct(prev, ',') || this.isClosing(prev))) {
      const np = this.npRight(end, w);
      if (!np) return undefined;
      const after = this.t[np.last + 1];
      if (
        after &&
        !(
          SENTENCE_END.has(after.text) ||
          after.text === ',' ||
          after.text === '(' ||
          isClosingQuote(after.text)
        )
      )
        return undefined;
      const content = this.contentBefore(prev, w);
      if (!content) return undefined;
      return this.finish(
        {
          source: this.span(np.first, np.last),
          cue,
          content: [content],
          entry,
          relays,
          pattern: 'content-cue-source',
          confidence: 0.65,
        },
        w,
      );
    }
    return undefined;
  }

  /**
   * "Israel reintroduced a demand for ...", "X issued a warning that ...": a support verb, a cue
   * noun from the lexicon, and "for"/"that" opening the content. The cue is the verb to the noun.
   */
  private nounCue(v: number, w: Window): Attribution | undefined {
    const verb = this.t[v]!;
    if (verb.pos !== 'VERB' || verb.lower.endsWith('ing')) return undefined;
    let n = v + 1;
    while (n < w.end && n - v <= 3 && (this.t[n]!.pos === 'DET' || this.t[n]!.pos === 'ADJ')) n++;
    const noun = this.t[n];
    const entry = noun && noun.pos === 'NOUN' ? this.lex.nounCues.get(noun.lower) : undefined;
    if (!entry || n === v + 1) return undefined;
    let k = n + 1;
    let addressee: Span | undefined;
    if (this.t[k]?.lower === 'to') {
      const listener = this.npRight(k + 1, w, false);
      if (listener) {
        addressee = this.span(listener.first, listener.last);
        k = listener.last + 1;
      }
    }
    const opener = this.t[k]?.lower;
    if (opener !== 'for' && opener !== 'that') return undefined;
    const subject = this.sourceBefore(v, w) ?? this.subjectPastAdverbs(v, w);
    const content = this.contentAfter(opener === 'for' ? k + 1 : k, w);
    if (!subject || !content) return undefined;
    return this.finish(
      {
        source: this.span(subject.first, subject.last),
        cue: this.span(v, n),
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

  /** "From Damascus’s perspective, the message was mixed": the possessor holds the view. */
  private perspective(i: number, w: Window): Attribution | undefined {
    if (this.t[i]!.lower !== 'from' || !(i === w.first || this.isPunct(i - 1))) return undefined;
    const possessive = (k: number) => /^['’]s$/.test(this.t[k]?.lower ?? '');
    let p = i + 1;
    while (p < w.end && p - i <= 6 && !possessive(p)) p++;
    if (p >= w.end || p === i + 1 || !possessive(p)) return undefined;
    const owner = { first: i + 1, last: p - 1 };
    for (let k = owner.first; k <= owner.last; k++) if (!NP_POS.has(this.t[k]!.pos)) return undefined;
    const words = this.lex.perspectives.find((ws) => this.wordsAt(p + 1, ws));
    if (!words) return undefined;
    const comma = p + 1 + words.length;
    if (!this.isPunct(comma, ',')) return undefined;
    const content = this.contentAfter(comma + 1, w);
    if (!content) return undefined;
    const entry: CueEntry = {
      words: ['from', ...words],
      role: 'according_to',
      kind: 'position',
      prepositional: true,
      takesAddressee: false,
      needsVerbTag: false,
      weak: false,
      relayParenthetical: false,
    };
    return this.finish(
      {
        source: this.span(owner.first, owner.last),
        cue: this.span(i, comma - 1),
        content: [content],
        entry,
        relays: [],
        pattern: 'perspective',
        confidence: 0.5,
      },
      w,
    );
  }

  /** "X was told by Y that ...": Y tells X; X (often the outlet) is the addressee. */
  private passiveTold(
    cueFirst: number,
    end: number,
    cue: Span,
    entry: CueEntry,
    w: Window,
  ): Attribution | undefined {
    let be = cueFirst - 1;
    while (be > w.first && this.t[be]!.pos === 'ADV') be--;
    if (!BE_FORMS.has(this.t[be]?.lower ?? '')) return undefined;
    const agent = this.npRight(end + 1, w);
    const listener = this.sourceBefore(be, w) ?? this.subjectPastAdverbs(be, w);
    if (!agent || !listener) return undefined;
    const content = this.contentAfter(this.skipAdjunct(agent.last + 1, w), w);
    if (!content) return undefined;
    return this.finish(
      {
        source: this.span(agent.first, agent.last),
        cue,
        content: [content],
        addressee: this.span(listener.first, listener.last),
        entry,
        relays: [],
        pattern: 'passive-told',
        confidence: 0.6,
      },
      w,
    );
  }

  /** A passive cue with its speaker after "by"; the content is the subject the cue is about. */
  private passive(i: number, end: number, cue: Span, entry: CueEntry, w: Window): Attribution | undefined {
    const agent = this.npRight(end + 1, w);
    if (!agent) return undefined;
    let j = i - 1;
    while (
      j >= w.first &&
      (this.t[j]!.pos === 'ADV' || this.lex.auxiliaries.has(this.t[j]!.lower)) &&
      !BE_FORMS.has(this.t[j]!.lower)
    )
      j--;
    const be = BE_FORMS.has(this.t[j]?.lower ?? '');
    const subjectLast = be ? j - 1 : j;
    const last = this.t[subjectLast];
    if (
      subjectLast < w.first ||
      !last ||
      !(last.pos === 'NOUN' || last.pos === 'PROPN' || last.pos === 'PRON')
    )
      return undefined;
    let first: number | undefined;
    if (be) {
      // The whole clause before the verb when it is plain words: "That proposal".
      first = w.first;
      for (let k = w.first; k <= subjectLast; k++) if (this.isPunct(k)) first = undefined;
    }
    first ??= this.npLeft(subjectLast, w)?.first;
    if (first === undefined || first > subjectLast) return undefined;
    return this.finish(
      {
        source: this.span(agent.first, agent.last),
        cue,
        content: [this.span(first, subjectLast)],
        entry,
        relays: [],
        pattern: 'passive-by',
        confidence: 0.6,
      },
      w,
    );
  }

  /** The quoted sentence right after "he said." that continues the same quotation. */
  private continuation(k: number, w: Window): Span | undefined {
    let i = k;
    while (i < this.t.length && i < w.end + 2 && !this.isOpening(i)) {
      if (!SENTENCE_END.has(this.t[i]!.text) && i >= w.end) return undefined;
      if (i < w.end && !SENTENCE_END.has(this.t[i]!.text)) return undefined;
      i++;
    }
    const x = this.t[i];
    if (!x || !this.isOpening(i)) return undefined;
    if (this.a.text.slice(this.t[k - 1]!.end, x.start).includes('\n')) return undefined;
    return { start: x.start, end: this.quotes.closeOf.get(x.start)! };
  }

  private wordsAt(i: number, words: string[]): boolean {
    return words.every((word, k) => this.t[i + k]?.lower === word);
  }

  /** Confidence and nesting, once an attribution's spans are known. */
  private finish(a: Attribution, w: Window): Attribution {
    let confidence = a.confidence;
    if (a.entry.weak) confidence -= 0.25;
    const first = a.content[0]!;
    if (isOpeningQuote(this.a.text[first.start] ?? '')) confidence += 0.1;
    if (a.source) {
      const words = this.a.text.slice(a.source.start, a.source.end).toLowerCase();
      if (BARE_PRONOUNS.has(words)) confidence -= 0.1;
    }
    a.confidence = Math.max(0.05, Math.min(0.95, Number(confidence.toFixed(2))));
    if (this.opts.nested && a.content.length === 1) {
      const inner = this.nestedIn(first, w);
      if (inner) a.inner = inner;
    }
    return a;
  }

  /** An attribution whose speaker opens the content: "... that President X told Y that ...". */
  private nestedIn(content: Span, w: Window): Attribution | undefined {
    let first = this.tokenAt.get(content.start);
    const lastTok = this.tokenEndingAt.get(content.end);
    if (first === undefined || lastTok === undefined) return undefined;
    if (this.lex.complementizers.has(this.t[first]!.lower)) first++;
    if (first > lastTok || first < w.first) return undefined;
    const inner = this.findIn({ first, end: Math.min(w.end, lastTok + 2) });
    const head = inner[0];
    if (!head?.source || head.source.start !== this.t[first]!.start) return undefined;
    return head;
  }
}

/** Longest line that still reads as a list item rather than a paragraph of prose. */
const MAX_ITEM_LENGTH = 400;

/**
 * The items of a list that starts on the line after `from`: one item per non-empty line, as long as
 * the list goes on — the previous item ends with ";" or "," (or "and"/"or"), or the items stand on
 * adjacent lines (a Markdown list). A heading, a line ending with ":" or a long paragraph ends it.
 */
export function listItemsAfter(text: string, from: number): Span[] {
  const items: Span[] = [];
  let pos = from;
  let previous = '';
  for (;;) {
    let start = pos;
    let breaks = 0;
    while (start < text.length && /\s/.test(text[start]!)) {
      if (text[start] === '\n') breaks++;
      start++;
    }
    if (start >= text.length || (items.length === 0 && breaks === 0)) break;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trimEnd();
    if (line.length > MAX_ITEM_LENGTH || line.startsWith('#') || line.endsWith(':')) break;
    if (items.length > 0) {
      const continues = /[;,]$|\b(and|or)$/.test(previous) || (breaks === 1 && previous.length <= 300);
      if (!continues) break;
    }
    const bullet = /^(?:[-*+•]|\d+[.)])\s+/.exec(line);
    const itemStart = start + (bullet ? bullet[0].length : 0);
    let itemEnd = start + line.length;
    while (itemEnd > itemStart && /[\s;,.]/.test(text[itemEnd - 1]!)) itemEnd--;
    if (itemEnd <= itemStart) break;
    items.push({ start: itemStart, end: itemEnd });
    previous = line;
    pos = end;
  }
  return items;
}

function innermost(a: Attribution): Attribution {
  let x = a;
  while (x.inner) x = x.inner;
  return x;
}

/** The list under an attribution whose content ends with a colon at the end of its line. */
function listOf(text: string, a: Attribution): Span[] | undefined {
  const last = innermost(a).content.at(-1);
  if (!last) return undefined;
  const colon = /^[ \t]*:?[ \t]*\n/.exec(text.slice(last.end));
  if (!colon) return undefined;
  if (!(colon[0].includes(':') || text[last.end - 1] === ':')) return undefined;
  const items = listItemsAfter(text, last.end + colon[0].length - 1);
  return items.length > 0 ? items : undefined;
}

/** “Syria's Demands:” (or a Markdown heading "#### Syria's Demands") over a list of items. */
const HEADING =
  /^(#{1,6}[ \t]+)?(\p{Lu}[\p{L}\p{M}.\- ]{0,40}?)['’]s[ \t]+([\p{L} ]{2,30}?)[ \t]*(:?)[ \t]*$/gmu;

function headingAttributions(text: string, lex: Lexicon): Attribution[] {
  const out: Attribution[] = [];
  for (const m of text.matchAll(HEADING)) {
    const [line, hashes = '', owner = '', noun = '', colon] = m;
    if (hashes === '' && colon === '') continue;
    const entry = lex.headings.get(noun.toLowerCase());
    if (!entry) continue;
    const sourceStart = m.index + hashes.length;
    const sourceEnd = sourceStart + owner.length;
    const cueStart = text.indexOf(noun, sourceEnd);
    const items = listItemsAfter(text, m.index + line.length);
    if (items.length === 0) continue;
    out.push({
      source: { start: sourceStart, end: sourceEnd },
      cue: { start: cueStart, end: cueStart + noun.length },
      content: [items[0]!],
      items,
      entry,
      relays: [],
      pattern: 'heading-list',
      confidence: 0.6,
    });
  }
  return out;
}

/** Whether the line holding `offset` is a Markdown heading (`# ...`). */
function isHeadline(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^#{1,6}\s/u.test(text.slice(lineStart, lineStart + 7));
}

/** All attributions in the text, outermost first within each sentence, in text order. */
export function findAttributions(a: Analysis, lex: Lexicon, options: FinderOptions = {}): Attribution[] {
  const finder = new Finder(a, lex, options);
  const out: Attribution[] = [];
  for (const s of a.sentences) {
    // A Markdown heading ("# Deal near, sources say") is the headline: it restates the body.
    const first = a.tokens[s.first];
    if (first && isHeadline(a.text, first.start)) continue;
    out.push(...finder.findIn({ first: s.first, end: s.end }));
  }
  for (const at of out) {
    const items = listOf(a.text, at);
    if (items) at.items = items;
  }
  const headings = headingAttributions(a.text, lex);
  if (headings.length === 0) return out;
  return [...out, ...headings].sort((x, y) => x.cue.start - y.cue.start);
}
