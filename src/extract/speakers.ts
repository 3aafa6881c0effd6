/**
 * Decides what a speaker phrase stands for: a wire or outlet (a Source), an unnamed person or a
 * leak (an anonymous Source with its description), a government named by its capital, a named
 * person with a title, an organisation or group, or a pronoun to resolve from context.
 */
import type { GovernmentAlias, KnownName, Lexicon } from './lexicon.js';

export type Speaker =
  | { type: 'outlet'; kind: 'wire' | 'outlet'; name: string; aliases: string[] }
  | { type: 'unnamed'; kind: 'anonymous' | 'leak'; description: string; affiliation?: GovernmentAlias }
  | { type: 'government'; government: GovernmentAlias; alias: string }
  | { type: 'person'; name: string; title?: string }
  | { type: 'organisation'; kind: 'organisation' | 'group'; name: string }
  | { type: 'pronoun'; word: string };

const PRONOUNS = new Set([
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
  'his',
  'her',
  'him',
  'them',
  'us',
  'me',
]);

/** Case-insensitive name comparison that ignores a leading article and punctuation spacing. */
export function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']s$/u, '')
    .replace(/^(the|a|an)\s+/u, '')
    .replace(/[.,]+$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

function findKnown(list: readonly KnownName[], phrase: string): KnownName | undefined {
  const n = normaliseName(phrase);
  return list.find((k) => [k.name, ...k.aliases].some((a) => normaliseName(a) === n));
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^al-\p{Lu}/u.test(word);
}

export function classifySpeaker(phrase: string, lex: Lexicon): Speaker {
  // "Scott Pruitt, the attorney general of Oklahoma," -> the name before the appositive.
  const [core = phrase, appositive] = phrase.split(',').map((p) => p.trim());
  const lower = normaliseName(core);
  if (PRONOUNS.has(lower)) return { type: 'pronoun', word: lower };

  const wire = findKnown(lex.wires, core);
  if (wire) return { type: 'outlet', kind: 'wire', name: wire.name, aliases: wire.aliases };
  const outlet = findKnown(lex.outlets, core);
  if (outlet) return { type: 'outlet', kind: 'outlet', name: outlet.name, aliases: outlet.aliases };

  if (lex.anonymous.leakHeads.some((h) => lower === h || lower.endsWith(` ${h}`))) {
    return { type: 'unnamed', kind: 'leak', description: core };
  }
  const government = lex.governments.find((g) =>
    [g.name, ...g.aliases].some((a) => normaliseName(a) === lower),
  );
  if (government) return { type: 'government', government, alias: core };

  const words = core.split(/\s+/u).filter((w) => w.length > 0);
  const lowerWords = words.map((w) => w.toLowerCase());
  const heads = new Set(lex.anonymous.heads);
  const headAt = lowerWords.findIndex((w) => heads.has(w));
  if (headAt >= 0) {
    // Capitalised words after the head are a name ("envoy Tom Barrack"); before it they are
    // modifiers ("a Syrian official", "White House officials").
    const namedAfter = words.slice(headAt + 1).some(isCapitalised);
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
