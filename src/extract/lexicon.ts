/**
 * The cue, source and alias lexicons and the closed-class word lists the rules read by. They are
 * data (`data/lexicons/*.json`, one word list per file, each with a comment saying what the rules
 * do with it) so that editors can extend them without touching the rules; this module only loads,
 * validates and indexes them, once per folder and process.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ClaimKind, HopRole } from '../domain/document.js';

const CueVerbFile = z.object({
  forms: z.array(z.string().min(1)).min(1),
  role: HopRole,
  kind: ClaimKind,
  takesAddressee: z.boolean().optional(),
  needsVerbTag: z.boolean().optional(),
  weak: z.boolean().optional(),
  relay: z.string().optional(),
  relayParenthetical: z.boolean().optional(),
  /** A cue only when "that" follows ("has long held that ..."): the bare verb means something else. */
  onlyBeforeThat: z.boolean().optional(),
});

const NounGroups = z
  .array(z.object({ nouns: z.array(z.string().min(1)), role: HopRole, kind: ClaimKind }))
  .default([]);

const CuesFile = z.object({
  verbs: z.array(CueVerbFile),
  phrases: z.array(z.object({ phrase: z.string().min(1), role: HopRole, kind: ClaimKind })),
  headings: NounGroups,
  nounCues: NounGroups,
});

const NamedList = z.array(z.object({ name: z.string(), aliases: z.array(z.string()) }));
const SourcesFile = z.object({ wires: NamedList, outlets: NamedList });
const GovernmentsFile = z.object({
  governments: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      demonyms: z.array(z.string()),
    }),
  ),
});
/** A closed-class word list: one list per file, with a comment saying what the rules do with it. */
const WordListFile = z.object({ $comment: z.string().min(1), words: z.array(z.string().min(1)) });

export type CueVerb = z.infer<typeof CueVerbFile>;
export type CuePhrase = z.infer<typeof CuesFile>['phrases'][number];

/** A cue entry as the matcher sees it: lower-cased words and what the cue means. */
export interface CueEntry {
  words: string[];
  role: HopRole;
  kind: ClaimKind;
  /** A preposition-like cue ("according to"): the source follows it. */
  prepositional: boolean;
  takesAddressee: boolean;
  needsVerbTag: boolean;
  weak: boolean;
  /** Words after the relayed speaker that open the content ("as saying"). */
  relay?: string[];
  /** A parenthetical relay (", citing two officials,"). */
  relayParenthetical: boolean;
  /** A cue only when a complementizer follows ("held that"). */
  onlyBeforeThat?: true;
}

export interface GovernmentAlias {
  id: string;
  name: string;
  aliases: string[];
  demonyms: string[];
}

export interface KnownName {
  name: string;
  aliases: string[];
}

export interface Lexicon {
  cues: CueEntry[];
  /** Nouns of a section heading that attributes the list under it (“Syria's Demands:”), by lower-cased noun. */
  headings: Map<string, CueEntry>;
  /** Nouns that carry a cue after a support verb ("reintroduced a demand for"), by lower-cased noun. */
  nounCues: Map<string, CueEntry>;
  /** Nouns of "From X's perspective, ..." (lower-cased, split into words). */
  perspectives: string[][];
  /** Words that may stand between a speaker and its verb and belong to the cue ("has", "also"). */
  auxiliaries: Set<string>;
  complementizers: Set<string>;
  hedges: string[];
  statementNouns: string[];
  wires: KnownName[];
  outlets: KnownName[];
  governments: GovernmentAlias[];
  /** Lower-cased words that open a title before a name ("us", "envoy", "president"). */
  titles: Set<string>;
  /** Lower-case parts that belong inside names ("al", "bin", "van"). */
  nameParticles: Set<string>;
  anonymous: {
    /** Head nouns of an unnamed speaker ("official", "sources"). */
    heads: string[];
    leakHeads: string[];
    unnamedMarkers: string[];
    /** Phrases that say why a source is unnamed, in file order (the first found is recorded). */
    anonymityReasons: string[];
    descriptorLinks: string[];
  };
  /** Words that point back to an earlier agent (`outlet-nouns.json`, `thing-pronouns.json`, `plural-pronouns.json`), lower-cased. */
  reference: { outletNouns: Set<string>; thingPronouns: Set<string>; pluralPronouns: Set<string> };
  /** `anonymous.descriptorLinks` as lower-cased words. */
  descriptorLinks: string[][];
  /** Closed-class words the rules read phrases by, lower-cased (one file each in the lexicon folder). */
  words: ClosedClasses;
}

/** The closed-class lists, each from `data/lexicons/<file>.json`; see each file's comment. */
export interface ClosedClasses {
  /** bare-pronouns.json: pronouns that take no modifier to their left ("he", "someone"). */
  barePronouns: Set<string>;
  /** pronouns.json: speaker phrases that are a pronoun to resolve from context. */
  pronouns: Set<string>;
  /** time-words.json: words that open a time adjunct after a cue ("said Tuesday"). */
  timeWords: Set<string>;
  /** time-nouns.json: "this week" is a time, "this proposal" an object. */
  timeNouns: Set<string>;
  /** connectives.json: clause links that never open a speaker phrase ("but", "however"). */
  connectives: Set<string>;
  /** pre-verb-adverbs.json: words between a speaker and its verb that are not part of the cue. */
  preVerbAdverbs: Set<string>;
  /** be-forms.json: forms of "be" that make a participle passive. */
  beForms: Set<string>;
  /** wh-words.json: words that open an indirect question as a content. */
  whWords: Set<string>;
  /** contrast-words.json: subordinators that may open a second attribution after a comma. */
  contrast: Set<string>;
  /** offices.json: singular office titles that name one holder after "the". */
  offices: Set<string>;
  /** place-links.json: prepositions that join a place to an unnamed head ("officials in Damascus"). */
  placeLinks: Set<string>;
  /** no-comment.json: verbs that make a refusal a non-statement ("refused to comment"). */
  noComment: Set<string>;
  /** document-nouns.json: head nouns of a document that speaks through its text ("the statement"). */
  documentNouns: Set<string>;
  /** description-breaks.json: words after which an unnamed description goes on past its core. */
  descriptionBreaks: string[];
}

const CLOSED_CLASS_FILES: Record<Exclude<keyof ClosedClasses, 'descriptionBreaks'>, string> = {
  barePronouns: 'bare-pronouns.json',
  pronouns: 'pronouns.json',
  timeWords: 'time-words.json',
  timeNouns: 'time-nouns.json',
  connectives: 'connectives.json',
  preVerbAdverbs: 'pre-verb-adverbs.json',
  beForms: 'be-forms.json',
  whWords: 'wh-words.json',
  contrast: 'contrast-words.json',
  offices: 'offices.json',
  placeLinks: 'place-links.json',
  noComment: 'no-comment.json',
  documentNouns: 'document-nouns.json',
};

/** The repository's own lexicon folder, found relative to this module so no machine path is baked in. */
export const DEFAULT_LEXICON_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'data',
  'lexicons',
);

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const raw: unknown = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${path.join(dir, file)}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** The words of one list file; a list marked optional is empty when its file is absent. */
function readWords(dir: string, file: string, optional = false): string[] {
  if (optional && !existsSync(path.join(dir, file))) return [];
  return readJson(dir, file, WordListFile).words;
}

const loaded = new Map<string, Lexicon>();

/**
 * The lexicons of a folder, read and validated once per process: the extractArticle mutation
 * calls this per request, and the files do not change while the server runs.
 */
export function loadLexicon(dir: string = DEFAULT_LEXICON_DIR): Lexicon {
  let lexicon = loaded.get(dir);
  if (!lexicon) {
    lexicon = readLexicon(dir);
    loaded.set(dir, lexicon);
  }
  return lexicon;
}

function readLexicon(dir: string): Lexicon {
  const cues = readJson(dir, 'cues.json', CuesFile);
  const sources = readJson(dir, 'sources.json', SourcesFile);
  const governments = readJson(dir, 'governments.json', GovernmentsFile);
  const anonymous = {
    heads: readWords(dir, 'anonymous-heads.json'),
    leakHeads: readWords(dir, 'leak-heads.json'),
    unnamedMarkers: readWords(dir, 'unnamed-markers.json'),
    anonymityReasons: readWords(dir, 'anonymity-reasons.json'),
    descriptorLinks: readWords(dir, 'descriptor-links.json', true),
  };
  const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const words = Object.fromEntries(
    Object.entries(CLOSED_CLASS_FILES).map(([key, file]) => [key, lowerSet(readWords(dir, file))]),
  ) as Omit<ClosedClasses, 'descriptionBreaks'>;
  const entries: CueEntry[] = [];
  for (const v of cues.verbs) {
    for (const form of v.forms) {
      entries.push({
        words: form.toLowerCase().split(/\s+/),
        role: v.role,
        kind: v.kind,
        prepositional: false,
        takesAddressee: v.takesAddressee ?? false,
        needsVerbTag: v.needsVerbTag ?? false,
        weak: v.weak ?? false,
        ...(v.relay ? { relay: v.relay.toLowerCase().split(/\s+/) } : {}),
        relayParenthetical: v.relayParenthetical ?? false,
        ...(v.onlyBeforeThat ? { onlyBeforeThat: true as const } : {}),
      });
    }
  }
  for (const p of cues.phrases) {
    entries.push({
      words: p.phrase.toLowerCase().split(/\s+/),
      role: p.role,
      kind: p.kind,
      prepositional: true,
      takesAddressee: false,
      needsVerbTag: false,
      weak: false,
      relayParenthetical: false,
    });
  }
  // Longest first, so "according to" wins over any single-word reading.
  entries.sort((a, b) => b.words.length - a.words.length);
  const nounEntries = (groups: z.infer<typeof NounGroups>): Map<string, CueEntry> => {
    const map = new Map<string, CueEntry>();
    for (const h of groups) {
      for (const noun of h.nouns) {
        map.set(noun.toLowerCase(), {
          words: noun.toLowerCase().split(/\s+/),
          role: h.role,
          kind: h.kind,
          prepositional: false,
          takesAddressee: false,
          needsVerbTag: false,
          weak: false,
          relayParenthetical: false,
        });
      }
    }
    return map;
  };
  return {
    cues: entries,
    headings: nounEntries(cues.headings),
    nounCues: nounEntries(cues.nounCues),
    perspectives: readWords(dir, 'perspectives.json', true).map((p) => p.toLowerCase().split(/\s+/)),
    auxiliaries: lowerSet(readWords(dir, 'auxiliaries.json')),
    complementizers: lowerSet(readWords(dir, 'complementizers.json')),
    hedges: readWords(dir, 'hedges.json'),
    statementNouns: readWords(dir, 'statement-nouns.json'),
    wires: sources.wires,
    outlets: sources.outlets,
    governments: governments.governments,
    titles: lowerSet(readWords(dir, 'titles.json')),
    nameParticles: lowerSet(readWords(dir, 'name-particles.json')),
    anonymous,
    reference: {
      outletNouns: lowerSet(readWords(dir, 'outlet-nouns.json')),
      thingPronouns: lowerSet(readWords(dir, 'thing-pronouns.json')),
      pluralPronouns: lowerSet(readWords(dir, 'plural-pronouns.json')),
    },
    descriptorLinks: anonymous.descriptorLinks.map((l) => l.toLowerCase().split(/\s+/)),
    words: {
      ...words,
      descriptionBreaks: readWords(dir, 'description-breaks.json').map((w) => w.toLowerCase()),
    },
  };
}
