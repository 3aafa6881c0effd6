/**
 * Decides what a speaker phrase stands for: a wire or outlet (a Source), an unnamed person or a
 * leak (an anonymous Source with its description), a government named by its capital, a named
 * person with a title, an organisation or group, or a pronoun to resolve from context.
 */
import { nameKey } from '../domain/keys.js';
import type { GovernmentAlias, KnownName, Lexicon } from './lexicon.js';

export type Speaker =
  | { type: 'outlet'; kind: 'wire' | 'outlet'; name: string; aliases: string[] }
  | { type: 'unnamed'; kind: 'anonymous' | 'leak'; description: string; affiliation?: GovernmentAlias }
  | { type: 'government'; government: GovernmentAlias; alias: string }
  | { type: 'person'; name: string; title?: string }
  | { type: 'organisation'; kind: 'organisation' | 'group'; name: string }
  | { type: 'pronoun'; word: string }
  /** "the broadcaster", "the agency", "the report": the outlet or wire the article cited last. */
  | { type: 'reference'; to: 'outlet'; words: string }
  /** "the statement", "the joint communique": a document, speaking through its text (`head` its noun). */
  | { type: 'document'; name: string; head: string };

/** A known name or alias the phrase is, compared by the domain's name key ("The Reuters" is Reuters). */
function findKnown(list: readonly KnownName[], phrase: string): KnownName | undefined {
  const n = nameKey(phrase);
  return list.find((k) => [k.name, ...k.aliases].some((a) => nameKey(a) === n));
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^al-\p{Lu}/u.test(word);
}

export function classifySpeaker(phrase: string, lex: Lexicon): Speaker {
  // "Scott Pruitt, the attorney general of Oklahoma," -> the name before the appositive.
  const [core = phrase, appositive] = phrase.split(',').map((p) => p.trim());
  const key = nameKey(core);
  if (lex.words.pronouns.has(key)) return { type: 'pronoun', word: key };

  const known = knownOutlet(core, lex);
  if (known) return known;
  const reference = outletReference(core, lex);
  if (reference) return reference;
  const document = documentReference(core, lex);
  if (document) return document;

  if (lex.anonymous.leakHeads.some((h) => key === nameKey(h) || key.endsWith(`-${nameKey(h)}`))) {
    return { type: 'unnamed', kind: 'leak', description: core };
  }
  const government = lex.governments.find((g) => [g.name, ...g.aliases].some((a) => nameKey(a) === key));
  if (government) return { type: 'government', government, alias: core };

  // "the Syrian source and the Washington source": unnamed conjuncts make one unnamed teller.
  const conjuncts = core.split(/\s+and\s+/u);
  if (conjuncts.length > 1 && conjuncts.every((c) => classifySpeaker(c, lex).type === 'unnamed')) {
    const affiliation = lex.governments.find((g) => core.split(/\s+/u).some((w) => g.demonyms.includes(w)));
    return {
      type: 'unnamed',
      kind: 'anonymous',
      description: describe(core, appositive),
      ...(affiliation ? { affiliation } : {}),
    };
  }
  const words = core.split(/\s+/u).filter((w) => w.length > 0);
  const lowerWords = words.map((w) => w.toLowerCase());
  // "the defence minister", "the envoy": one identified office holder, not an unnamed source.
  const definiteTitle = definiteOffice(lowerWords, lex);
  if (definiteTitle) return { type: 'person', name: definiteTitle };
  const heads = new Set(lex.anonymous.heads);
  const headAt = lowerWords.findIndex((w) => heads.has(w));
  if (headAt >= 0) {
    // A capitalised word right after the head is a name ("envoy Tom Barrack"); a lower-case one
    // opens a description whose names are not the speaker's ("sources in Damascus", "officials
    // familiar with Israel's position"). Before the head they are modifiers ("a Syrian official").
    const namedAfter = isCapitalised(words[headAt + 1] ?? '');
    const startsUnnamed =
      lex.anonymous.unnamedMarkers.includes(lowerWords[0] ?? '') ||
      headAt === 0 ||
      !isCapitalised(words[0] ?? '');
    const bareModifiers = words
      .slice(0, headAt)
      .every((w) => !isCapitalised(w) || isAffiliationWord(w, lex) || lex.titles.has(w.toLowerCase()));
    if (!namedAfter && (startsUnnamed || bareModifiers)) {
      const affiliation = lex.governments.find((g) => words.some((w) => g.demonyms.includes(w)));
      return {
        type: 'unnamed',
        kind: 'anonymous',
        description: describe(core, appositive),
        ...(affiliation ? { affiliation } : {}),
      };
    }
  }

  const person = personName(words, lex);
  if (person) return person;
  if (words.some(isCapitalised))
    return { type: 'organisation', kind: 'organisation', name: core.replace(/^(the|The)\s+/u, '') };
  return { type: 'organisation', kind: 'group', name: core };
}

function knownOutlet(core: string, lex: Lexicon): Speaker | undefined {
  const wire = findKnown(lex.wires, core);
  if (wire) return { type: 'outlet', kind: 'wire', name: wire.name, aliases: wire.aliases };
  const outlet = findKnown(lex.outlets, core);
  if (outlet) return { type: 'outlet', kind: 'outlet', name: outlet.name, aliases: outlet.aliases };
  // "the Kan broadcaster", "the Axios news site": a known name described by what it is.
  const words = core.split(/\s+/u);
  for (let n = 1; n <= 2 && n < words.length; n++) {
    const tail = words.slice(-n).join(' ').toLowerCase();
    if (!lex.reference.outletNouns.has(tail)) continue;
    const known = knownOutlet(words.slice(0, -n).join(' '), lex);
    if (known) return known;
    // "the Kan public broadcaster", "the Maariv daily": a name, lower-case modifiers, an outlet
    // noun. (A report is not an outlet: "the State Department report" names no outlet.)
    let end = words.length - n;
    while (end > 0 && !isCapitalised(words[end - 1]!)) end--;
    const name = words.slice(/^(the|a|an)$/iu.test(words[0]!) ? 1 : 0, end);
    if (
      name.length > 0 &&
      !tail.endsWith('report') &&
      !words.slice(-n).some(isCapitalised) &&
      name.every((w) => isCapitalised(w) && !isAffiliationWord(w, lex))
    )
      return (
        knownOutlet(name.join(' '), lex) ?? {
          type: 'outlet',
          kind: 'outlet',
          name: name.join(' '),
          aliases: [],
        }
      );
  }
  return describedOutlet(words, lex);
}

/**
 * "the Israeli news site Walla", "The Hebrew-language daily Maariv", "the Syrian newspaper
 * Al-Watan": an outlet noun between modifiers and a name makes the name an outlet's.
 */
function describedOutlet(words: string[], lex: Lexicon): Speaker | undefined {
  for (let at = 1; at < words.length - 1; at++) {
    for (let n = 2; n >= 1; n--) {
      const noun = words
        .slice(at, at + n)
        .join(' ')
        .toLowerCase();
      // A capitalised noun is part of a name ("the Palestinian Authority").
      if (
        at + n >= words.length ||
        !lex.reference.outletNouns.has(noun) ||
        words.slice(at, at + n).some(isCapitalised)
      )
        continue;
      const name = words.slice(at + n);
      const modifiers = words.slice(0, at);
      const modifier = (w: string, k: number) =>
        (k === 0 && /^(the|a|an)$/iu.test(w)) ||
        !isCapitalised(w) ||
        isAffiliationWord(w, lex) ||
        /^\p{Lu}[\p{L}]*-\p{Ll}/u.test(w) ||
        /['’]s$/u.test(w);
      if (!modifiers.every(modifier) || !name.every((w) => isCapitalised(w) || /^\d+$/u.test(w))) continue;
      const known = findKnown(lex.outlets, name.join(' ')) ?? findKnown(lex.wires, name.join(' '));
      const kind = known && lex.wires.includes(known) ? 'wire' : 'outlet';
      return known
        ? { type: 'outlet', kind, name: known.name, aliases: known.aliases }
        : { type: 'outlet', kind, name: name.join(' '), aliases: [] };
    }
  }
  return undefined;
}

/** "the broadcaster", "the Israeli news site", "the report": a definite outlet noun, no name. */
/**
 * "the statement", "the joint communique": "the", lower-case modifiers and a document noun
 * (`document-nouns.json`). A capitalised word makes it a name ("the Balfour Declaration").
 */
function documentReference(core: string, lex: Lexicon): Speaker | undefined {
  const words = core.split(/\s+/u);
  const head = words[words.length - 1]!.toLowerCase();
  if (words.length < 2 || words.length > 4 || !/^the$/iu.test(words[0]!)) return undefined;
  if (!lex.words.documentNouns.has(head) || words.slice(1).some(isCapitalised)) return undefined;
  return { type: 'document', name: words.slice(1).join(' '), head };
}

function outletReference(core: string, lex: Lexicon): Speaker | undefined {
  const words = core.split(/\s+/u);
  if (words.length < 2 || !/^the$/iu.test(words[0]!)) return undefined;
  for (let n = 1; n <= 2 && n < words.length; n++) {
    const written = words.slice(-n);
    const tail = written.join(' ').toLowerCase();
    // A capitalised noun is part of a name: "the Palestinian Authority" is not "the authority".
    if (!lex.reference.outletNouns.has(tail) || written.some(isCapitalised)) continue;
    // Between "the" and the noun only demonyms and lower-case modifiers ("Israeli", "private").
    const modifiers = words.slice(1, -n);
    const plain = modifiers.every((w) => !isCapitalised(w) || isAffiliationWord(w, lex));
    if (plain) return { type: 'reference', to: 'outlet', words: core };
  }
  return undefined;
}

/** "the defence minister" -> "defence minister": "the", modifiers, and a singular office title. */
function definiteOffice(lowerWords: string[], lex: Lexicon): string | undefined {
  if (lowerWords.length < 2 || lowerWords[0] !== 'the') return undefined;
  const head = lowerWords[lowerWords.length - 1]!;
  if (!lex.words.offices.has(head)) return undefined;
  if (!lowerWords.slice(1, -1).every((w) => lex.titles.has(w) || isAffiliationWord(capitalise(w), lex)))
    return undefined;
  return lowerWords.slice(1).join(' ');
}

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function describe(core: string, appositive: string | undefined): string {
  return appositive ? `${core}, ${appositive}` : core;
}

function isAffiliationWord(word: string, lex: Lexicon): boolean {
  return lex.governments.some((g) => g.demonyms.includes(word) || g.aliases.includes(word));
}

/** "US envoy Tom Barrack" -> Tom Barrack (title "US envoy"); "al-Sharaa" -> al-Sharaa. */
function personName(words: string[], lex: Lexicon): Speaker | undefined {
  let i = 0;
  while (i < words.length - 1 && (lex.titles.has(words[i]!.toLowerCase()) || !isCapitalised(words[i]!))) i++;
  const nameWords = words.slice(i);
  if (nameWords.length === 0) return undefined;
  const nameLike = nameWords.every(
    (w) => isCapitalised(w) || lex.nameParticles.has(w.toLowerCase()) || /^[\p{Lu}]\.$/u.test(w),
  );
  if (!nameLike) return undefined;
  if (nameWords.length === 1 && lex.titles.has(nameWords[0]!.toLowerCase())) return undefined;
  if (nameWords.length === 1 && /^\p{Lu}{2,}$/u.test(nameWords[0]!)) return undefined; // an acronym: an organisation
  const title = words
    .slice(0, i)
    .join(' ')
    .replace(/^(the|a|an)\s+/iu, '');
  return { type: 'person', name: nameWords.join(' '), ...(title ? { title } : {}) };
}
