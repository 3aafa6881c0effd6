/**
 * Token features for the attribution tagger: the word and its neighbours, part of speech from
 * wink's model, word shape, lexicon membership (cue words, anonymous heads, titles, known
 * outlets), quotation state, the token's place in its sentence, and — the strongest — what the
 * rules said about the token and where the nearest rule or lexicon cue lies. The rules stay the
 * precise part; the tagger learns where they are silent.
 */
import type { Span } from '../attributions.js';
import type { Lexicon } from '../lexicon.js';
import { isClosingQuote, isOpeningQuote, pairQuotes } from '../quotes.js';
import type { Analysis } from '../tokens.js';

export type RoleName = 'Source' | 'Cue' | 'Content';
export type RoleSpanSets = Record<RoleName, Span[]>;
const ROLE_NAMES: readonly RoleName[] = ['Source', 'Cue', 'Content'];

/** Per token: "O", "B-<Role>" or "I-<Role>" from character spans (a token in a span is inside it). */
export function bioOf(a: Analysis, spans: RoleSpanSets): string[] {
  const out = new Array<string>(a.tokens.length).fill('O');
  for (const role of ROLE_NAMES) {
    for (const s of spans[role]) {
      let first = true;
      for (const t of a.tokens) {
        if (t.end <= s.start || t.start >= s.end) continue;
        if (out[t.index] !== 'O') {
          first = false;
          continue;
        }
        out[t.index] = `${first ? 'B' : 'I'}-${role}`;
        first = false;
      }
    }
  }
  return out;
}

/** Character spans of each run of B/I tags. */
export function spansOfTags(a: Analysis, tags: readonly string[]): RoleSpanSets {
  const out: RoleSpanSets = { Source: [], Cue: [], Content: [] };
  let open: { role: RoleName; start: number; end: number } | undefined;
  const close = () => {
    if (open) out[open.role].push({ start: open.start, end: open.end });
    open = undefined;
  };
  a.tokens.forEach((t, i) => {
    const tag = tags[i] ?? 'O';
    if (tag === 'O') return close();
    const role = tag.slice(2) as RoleName;
    if (tag.startsWith('B-') || !open || open.role !== role) {
      close();
      open = { role, start: t.start, end: t.end };
    } else open.end = t.end;
  });
  close();
  return out;
}

/**
 * Joins the Content runs of one sentence that only untagged tokens separate: the tagger often
 * breaks a long content at a clause ("... the party, led by X, in favour of ...") and gives two
 * pieces, neither of them the annotated span. A Source or Cue between two runs keeps them apart
 * ("“...,” he said, “...”" is two contents in PolNeAR too). Chosen on PolNeAR dev: content exact
 * precision 53.9 -> 56.6 and recall 47.2 -> 47.7 with the same weights.
 */
export function joinContentRuns(a: Analysis, tags: readonly string[]): string[] {
  const out = [...tags];
  let last = -1; // the last Content token of the current run of Content-or-O tokens
  for (let k = 0; k < out.length; k++) {
    const tag = out[k]!;
    if (tag.endsWith('-Content')) {
      if (
        tag === 'B-Content' &&
        last >= 0 &&
        last < k - 1 &&
        a.tokens[k]!.sentence === a.tokens[last]!.sentence
      )
        for (let j = last + 1; j <= k; j++) out[j] = 'I-Content';
      last = k;
    } else if (tag !== 'O') last = -1;
  }
  return out;
}

function shape(text: string): string {
  const s = text
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{N}/gu, 'd')
    .replace(/(.)\1+/g, '$1$1');
  return s.length > 6 ? s.slice(0, 6) : s;
}

function bucket(d: number): string {
  if (d <= 3) return String(d);
  if (d <= 6) return '4-6';
  if (d <= 10) return '7-10';
  if (d <= 20) return '11-20';
  return '20+';
}

/** Lexicon words the features look up, built once per lexicon. */
interface LexiconSets {
  cueStarts: Map<string, string[][]>;
  anonymous: Set<string>;
  titles: Set<string>;
  sourceWords: Set<string>;
}

const setsCache = new WeakMap<Lexicon, LexiconSets>();

function setsOf(lex: Lexicon): LexiconSets {
  let sets = setsCache.get(lex);
  if (sets) return sets;
  const cueStarts = new Map<string, string[][]>();
  for (const c of lex.cues) {
    const list = cueStarts.get(c.words[0]!) ?? [];
    list.push(c.words);
    cueStarts.set(c.words[0]!, list);
  }
  const sourceWords = new Set<string>();
  for (const n of [...lex.wires, ...lex.outlets]) {
    for (const name of [n.name, ...n.aliases])
      for (const w of name.toLowerCase().split(/\s+/)) sourceWords.add(w);
  }
  sets = {
    cueStarts,
    anonymous: new Set([...lex.anonymous.heads, ...lex.anonymous.leakHeads].map((w) => w.toLowerCase())),
    titles: lex.titles,
    sourceWords,
  };
  setsCache.set(lex, sets);
  return sets;
}

/**
 * The feature strings of every token. `rules` are the spans the rule-based finder produced for the
 * same text (as PolNeAR scores them: outermost attributions, Source / Cue / Content).
 */
export function tokenFeatures(a: Analysis, lex: Lexicon, rules: RoleSpanSets): string[][] {
  const sets = setsOf(lex);
  const t = a.tokens;
  const n = t.length;
  const ruleTags = bioOf(a, rules);
  // Lexicon cue matches (multi-word entries marked on every word they cover).
  const lexCue = new Array<string>(n).fill('');
  for (let i = 0; i < n; i++) {
    for (const words of sets.cueStarts.get(t[i]!.lower) ?? []) {
      if (words.every((w, k) => t[i + k]?.lower === w)) {
        lexCue[i] = 'B';
        for (let k = 1; k < words.length; k++) if (lexCue[i + k] === '') lexCue[i + k] = 'I';
        break;
      }
    }
  }
  // Inside a paired quotation.
  const quotes = pairQuotes(a.text);
  const inQuote = new Array<boolean>(n).fill(false);
  for (const [open, close] of quotes.closeOf) {
    for (const x of t) if (x.start > open && x.end < close) inQuote[x.index] = true;
  }
  const sentenceOf = t.map((x) => x.sentence);
  const sentences = new Map<number, { first: number; end: number }>();
  for (const s of a.sentences) sentences.set(s.index, { first: s.first, end: s.end });

  const out: string[][] = [];
  const word = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : t[i]!.lower);
  const pos = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : t[i]!.pos);
  const rule = (i: number) => (i < 0 || i >= n ? 'O' : ruleTags[i]!);
  for (let i = 0; i < n; i++) {
    const x = t[i]!;
    const s = sentences.get(sentenceOf[i]!) ?? { first: i, end: i + 1 };
    const f: string[] = ['b'];
    f.push(
      `w=${word(i)}`,
      `w-1=${word(i - 1)}`,
      `w+1=${word(i + 1)}`,
      `w-2=${word(i - 2)}`,
      `w+2=${word(i + 2)}`,
    );
    f.push(`ww=${word(i - 1)}|${word(i)}`, `wn=${word(i)}|${word(i + 1)}`);
    f.push(`p=${pos(i)}`, `p-1=${pos(i - 1)}`, `p+1=${pos(i + 1)}`, `p-2=${pos(i - 2)}`, `p+2=${pos(i + 2)}`);
    f.push(
      `pp=${pos(i - 1)}|${pos(i)}`,
      `pn=${pos(i)}|${pos(i + 1)}`,
      `ppp=${pos(i - 1)}|${pos(i)}|${pos(i + 1)}`,
    );
    f.push(`sh=${shape(x.text)}`, `suf=${x.lower.slice(-3)}`);
    // Rules' reading of this token and its neighbours.
    f.push(
      `r=${rule(i)}`,
      `r-1=${rule(i - 1)}`,
      `r+1=${rule(i + 1)}`,
      `rr=${rule(i - 1)}|${rule(i)}|${rule(i + 1)}`,
    );
    f.push(`rp=${rule(i)}|${pos(i)}`, `rw=${rule(i)}|${word(i)}`);
    // Lexicon membership.
    f.push(`lc=${lexCue[i] || '-'}|${pos(i)}`);
    if (sets.anonymous.has(x.lower)) f.push('anon');
    if (sets.titles.has(x.lower)) f.push('title');
    if (sets.sourceWords.has(x.lower) && /^\p{Lu}/u.test(x.text)) f.push('outlet');
    // Quotation.
    if (inQuote[i]) f.push('inq');
    if (isOpeningQuote(x.text)) f.push('qo');
    if (isClosingQuote(x.text)) f.push('qc');
    // Place in the sentence.
    if (i === s.first) f.push('sfirst');
    if (i === s.end - 1) f.push('slast');
    if (i === s.end - 2) f.push('slast2');
    f.push(`dss=${bucket(i - s.first)}`, `dse=${bucket(s.end - 1 - i)}`);
    // Nearest rule cue and lexicon cue in the sentence, left and right.
    let ruleLeft = -1;
    let ruleRight = -1;
    let lexLeft = -1;
    let lexRight = -1;
    for (let k = i - 1; k >= s.first; k--) {
      if (ruleLeft < 0 && ruleTags[k]!.endsWith('Cue')) ruleLeft = i - k;
      if (lexLeft < 0 && lexCue[k] === 'B') lexLeft = i - k;
      if (ruleLeft >= 0 && lexLeft >= 0) break;
    }
    for (let k = i + 1; k < s.end; k++) {
      if (ruleRight < 0 && ruleTags[k]!.endsWith('Cue')) ruleRight = k - i;
      if (lexRight < 0 && lexCue[k] === 'B') lexRight = k - i;
      if (ruleRight >= 0 && lexRight >= 0) break;
    }
    f.push(`rcl=${ruleLeft < 0 ? '-' : bucket(ruleLeft)}`, `rcr=${ruleRight < 0 ? '-' : bucket(ruleRight)}`);
    f.push(`lcl=${lexLeft < 0 ? '-' : bucket(lexLeft)}`, `lcr=${lexRight < 0 ? '-' : bucket(lexRight)}`);
    f.push(`lclr=${lexLeft < 0 ? '-' : bucket(lexLeft)}|${lexRight < 0 ? '-' : bucket(lexRight)}|${pos(i)}`);
    f.push(
      `qr=${inQuote[i] ? 'q' : '-'}|${ruleLeft < 0 ? '-' : 'L'}|${ruleRight < 0 ? '-' : 'R'}|${rule(i)}`,
    );
    if (lexLeft >= 0) f.push(`lcw=${word(i - lexLeft)}|${bucket(lexLeft)}`);
    if (lexRight >= 0) f.push(`lcwr=${word(i + lexRight)}|${bucket(lexRight)}`);
    out.push(f);
  }
  return out;
}
