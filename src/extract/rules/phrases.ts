/**
 * Speaker phrases: the noun phrase before or after a cue, the subject of a clause, and the speaker
 * when adverbs, an appositive or a short parenthetical stand between it and its cue ("Scott
 * Pruitt, the attorney general, said"; "Damascus had previously and unequivocally rejected").
 */
import { isClosingQuote, isOpeningQuote } from '../quotes.js';
import { descriptorLinkAt } from './anonymity.js';
import type { TokenRange, Window } from './types.js';
import { HEAD_POS, NP_POS, type Reader, SENTENCE_END } from './window.js';

/**
 * Token i is the capitalised part after a hyphen that follows a proper name ("Al-Monitor",
 * "Al-Watan"), whatever part of speech the tagger gave it.
 */
function hyphenatedNamePart(r: Reader, i: number, w: Window): boolean {
  const x = r.t[i];
  return (
    x !== undefined &&
    i - 2 >= w.first &&
    /^\p{Lu}/u.test(x.text) &&
    r.t[i - 1]!.text === '-' &&
    r.t[i - 1]!.end === x.start &&
    r.t[i - 2]!.pos === 'PROPN' &&
    r.t[i - 2]!.end === r.t[i - 1]!.start
  );
}

/** A noun phrase ending at token `last` (inclusive), walking left; undefined when none. */
export function npLeft(r: Reader, last: number, w: Window): TokenRange | undefined {
  const spanLast = last;
  let i = last;
  let first = last + 1;
  while (i >= w.first) {
    const x = r.t[i]!;
    if (x.text === ')' && i === last) {
      // "Rep. Gwen Moore (D-Wis.) said": a party tag belongs to the speaker.
      let open = i - 1;
      while (open > w.first && i - open < 8 && r.t[open]!.text !== '(') open--;
      if (r.t[open]?.text === '(' && open - 1 >= w.first) {
        i = open - 1;
        last = open - 1;
        continue;
      }
    }
    const right = r.t[first];
    if (right && right.index <= last && right.pos === 'PRON' && r.lex.words.barePronouns.has(right.lower))
      break;
    // "Al-Monitor": the tagger may call the part after a name's hyphen a verb.
    if (hyphenatedNamePart(r, i, w)) {
      first = i - 2;
      i -= 3;
      continue;
    }
    if (NP_POS.has(x.pos)) {
      // A noun directly left of a determiner ends an earlier phrase: "In the interview the senator".
      if (right && right.index <= last && right.pos === 'DET' && (x.pos === 'NOUN' || x.pos === 'PROPN'))
        break;
      if (x.pos === 'PRON' && r.lex.words.barePronouns.has(x.lower) && first <= last) break;
      first = i;
      i--;
      continue;
    }
    const link = first <= last ? descriptorLinkAt(r, i) : undefined;
    if (link && link.first > w.first && link.last + 1 >= first) {
      first = link.first;
      i = link.first - 1;
      continue;
    }
    if (
      (x.lower === 'of' || x.lower === 'and' || x.lower === '&' || x.text === '-' || x.text === '.') &&
      first <= last
    ) {
      const left = r.t[i - 1];
      if (left && i - 1 >= w.first && NP_POS.has(left.pos) && left.pos !== 'DET') {
        first = i;
        i--;
        continue;
      }
    }
    // "Officials in Damascus say": a place after an unnamed head belongs to its description.
    if (r.lex.words.placeLinks.has(x.lower) && first <= last) {
      const left = r.t[i - 1];
      if (left && i - 1 >= w.first && r.lex.anonymous.heads.includes(left.lower)) {
        first = i;
        i--;
        continue;
      }
    }
    break;
  }
  // "The envoy is in Washington and Israeli officials say": a conjunct that is the object of a
  // preposition or verb belongs to the clause before; the speaker starts after "and".
  const opener = r.t[first - 1];
  if (
    opener &&
    first - 1 >= w.first &&
    (opener.pos === 'ADP' || opener.pos === 'AUX' || opener.pos === 'VERB')
  ) {
    for (let k = last - 1; k > first; k--) {
      if (r.t[k]!.lower === 'and' && r.t[k - 1]!.pos === 'PROPN') {
        first = k + 1;
        break;
      }
    }
  }
  // Drop leading words that cannot open a speaker phrase.
  while (first <= last && (r.lex.words.connectives.has(r.t[first]!.lower) || r.t[first]!.pos === 'PART'))
    first++;
  if (first > last) return undefined;
  let hasHead = false;
  for (let k = first; k <= last; k++) if (HEAD_POS.has(r.t[k]!.pos)) hasHead = true;
  const lastTok = r.t[last]!;
  if (!hasHead || !(HEAD_POS.has(lastTok.pos) || lastTok.pos === 'ADJ' || hyphenatedNamePart(r, last, w)))
    return undefined;
  return { first, last: spanLast };
}

/** A noun phrase starting at token `first`, walking right (used after "according to", "told"). */
export function npRight(r: Reader, first: number, w: Window, allowOf = true): TokenRange | undefined {
  let i = first;
  let last = first - 1;
  while (i < w.end) {
    const x = r.t[i]!;
    if (NP_POS.has(x.pos) && !(x.lower === 'that' && i > first)) {
      if (x.pos === 'PRON' && r.lex.words.barePronouns.has(x.lower) && i > first) break;
      // "told Reuters the two sides came close": a determiner after a noun opens a new phrase.
      const prev = r.t[i - 1];
      if (
        i > first &&
        x.pos === 'DET' &&
        prev &&
        (prev.pos === 'PROPN' || prev.pos === 'NOUN' || prev.pos === 'PRON')
      )
        break;
      last = i;
      i++;
      if (x.pos === 'PRON' && r.lex.words.barePronouns.has(x.lower)) break;
      continue;
    }
    const link = last >= first ? descriptorLinkAt(r, i) : undefined;
    if (link && link.first <= last + 1 && link.last + 1 < w.end && NP_POS.has(r.t[link.last + 1]!.pos)) {
      i = link.last + 1;
      continue;
    }
    const next = r.t[i + 1];
    // "told Al-Monitor": the tagger may call the part after a name's hyphen a verb.
    if (last === i - 1 && i + 1 < w.end && hyphenatedNamePart(r, i + 1, w)) {
      last = i + 1;
      i += 2;
      continue;
    }
    // "sources in Damascus said": a place after an unnamed head belongs to its description.
    if (
      last === i - 1 &&
      next &&
      i + 1 < w.end &&
      r.lex.words.placeLinks.has(x.lower) &&
      r.lex.anonymous.heads.includes(r.t[i - 1]!.lower) &&
      NP_POS.has(next.pos)
    ) {
      i++;
      continue;
    }
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
  for (let k = first; k <= last; k++) if (HEAD_POS.has(r.t[k]!.pos)) hasHead = true;
  return hasHead ? { first, last } : undefined;
}

/** The speaker before a cue, with an appositive when one sits between ("X, the minister, said"). */
export function sourceBefore(r: Reader, cueFirst: number, w: Window): TokenRange | undefined {
  const j = cueFirst - 1;
  if (j < w.first) return undefined;
  if (r.isPunct(j, ',')) {
    // Appositive: find the comma that opens it.
    for (let k = j - 1; k > w.first && j - k <= 30; k--) {
      const x = r.t[k]!;
      if (isOpeningQuote(x.text) || isClosingQuote(x.text) || SENTENCE_END.has(x.text)) return undefined;
      if (x.text === ',') {
        const head = npLeft(r, k - 1, w);
        if (!head) return undefined;
        const before = r.t[head.first - 1];
        // The named part must open the clause: sentence start, a quote, or a comma.
        if (
          head.first !== w.first &&
          before &&
          !(before.pos === 'PUNCT' || r.lex.words.connectives.has(before.lower))
        )
          return undefined;
        const appositiveHead = r.t[k + 1]!;
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
  return npLeft(r, j, w);
}

/**
 * The speaker before a cue when adverbs or a short parenthetical stand between them:
 * "Damascus had previously and unequivocally rejected", "Israelis, in turn, question".
 */
export function subjectPastAdverbs(r: Reader, cueFirst: number, w: Window): TokenRange | undefined {
  let j = cueFirst - 1;
  while (j >= w.first) {
    const x = r.t[j]!;
    const adverb =
      (x.pos === 'ADV' && x.lower.endsWith('ly')) ||
      r.lex.words.preVerbAdverbs.has(x.lower) ||
      (r.lex.auxiliaries.has(x.lower) && (x.pos === 'AUX' || x.pos === 'ADV' || x.pos === 'VERB'));
    const and = x.lower === 'and' && j < cueFirst - 1 && r.t[j - 1]?.pos === 'ADV';
    if (!adverb && !and) break;
    j--;
  }
  if (j < cueFirst - 1 && j >= w.first && !r.isPunct(j)) return sourceBefore(r, j + 1, w);
  if (!r.isPunct(cueFirst - 1, ',')) return undefined;
  for (let k = cueFirst - 2; k > w.first && cueFirst - 1 - k <= 4; k--) {
    if (r.t[k]!.text !== ',') continue;
    const inner = r.t.slice(k + 1, cueFirst - 1);
    const adjunct =
      inner.length > 0 &&
      (inner[0]!.pos === 'ADP' || inner[0]!.pos === 'ADV') &&
      inner.every((x) => x.pos !== 'PROPN' && x.pos !== 'PUNCT');
    if (!adjunct) return undefined;
    const np = npLeft(r, k - 1, w);
    const open = np ? r.t[np.first - 1] : undefined;
    return np && (np.first === w.first || open?.pos === 'PUNCT') ? np : undefined;
  }
  return undefined;
}

/**
 * The subject of the clause the window holds, skipping an opening adjunct that ends in a comma
 * ("In his UN speech, Netanyahu sought ..."; "At a summit in Riyadh, Trump met ...").
 */
export function clauseSubject(r: Reader, w: Window, before: number): TokenRange | undefined {
  let start = w.first;
  while (start < before && r.isPunct(start)) start++;
  const head = r.t[start];
  if (!head) return undefined;
  if (head.pos === 'ADP' || head.pos === 'SCONJ' || (head.pos === 'VERB' && head.lower.endsWith('ing'))) {
    let k = start;
    while (k < before && r.t[k]!.text !== ',') k++;
    if (k >= before || k - start > 12) return undefined;
    start = k + 1;
  }
  while (start < before && r.lex.words.connectives.has(r.t[start]!.lower)) start++;
  const np = npRight(r, start, w, true);
  if (!np || np.last >= before) return undefined;
  let v = np.last + 1;
  while (v < before && (r.t[v]!.pos === 'ADV' || r.lex.auxiliaries.has(r.t[v]!.lower))) v++;
  const verb = r.t[v];
  return verb && (verb.pos === 'VERB' || verb.pos === 'AUX') ? np : undefined;
}

/** True when a noun phrase starting at `first` is directly followed by a verbal cue. */
export function subjectCueAt(r: Reader, first: number, w: Window): boolean {
  const np = npRight(r, first, w, false);
  if (!np) return false;
  let v = np.last + 1;
  while (v < w.end && (r.lex.auxiliaries.has(r.t[v]!.lower) || r.lex.words.preVerbAdverbs.has(r.t[v]!.lower)))
    v++;
  const cue = r.cueAt(v, w);
  return cue !== undefined && !cue.entry.prepositional && !cue.entry.relayParenthetical;
}
