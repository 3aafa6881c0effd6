/**
 * The cue, source and alias lexicons. They are data (`data/lexicons/*.json`) so that editors can
 * extend them without touching the rules; this module only loads and indexes them.
 */
import { readFileSync } from 'node:fs';
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
});

const NounGroups = z
  .array(z.object({ nouns: z.array(z.string().min(1)), role: HopRole, kind: ClaimKind }))
  .default([]);

const CuesFile = z.object({
  verbs: z.array(CueVerbFile),
  phrases: z.array(z.object({ phrase: z.string().min(1), role: HopRole, kind: ClaimKind })),
  auxiliaries: z.array(z.string()),
  complementizers: z.array(z.string()),
  hedges: z.array(z.string()),
  statementNouns: z.array(z.string()),
  headings: NounGroups,
  nounCues: NounGroups,
  perspectives: z.array(z.string().min(1)).default([]),
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
const TitlesFile = z.object({ titles: z.array(z.string()), particles: z.array(z.string()) });
const AnonymousFile = z.object({
  heads: z.array(z.string()),
  leakHeads: z.array(z.string()),
  unnamedMarkers: z.array(z.string()),
  anonymityReasons: z.array(z.string()),
  descriptorLinks: z.array(z.string().min(1)).default([]),
});
const ReferenceFile = z.object({
  outletNouns: z.array(z.string().min(1)),
  thingPronouns: z.array(z.string().min(1)),
  pluralPronouns: z.array(z.string().min(1)),
});

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
  anonymous: z.infer<typeof AnonymousFile>;
  /** Words that point back to an earlier agent (`data/lexicons/reference.json`), lower-cased. */
  reference: { outletNouns: Set<string>; thingPronouns: Set<string>; pluralPronouns: Set<string> };
  /** `anonymous.descriptorLinks` as lower-cased words. */
  descriptorLinks: string[][];
}

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
  return schema.parse(raw);
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
  const anonymous = readJson(dir, 'anonymous.json', AnonymousFile);
  const titles = readJson(dir, 'titles.json', TitlesFile);
  const reference = readJson(dir, 'reference.json', ReferenceFile);
  const lowerSet = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
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
    perspectives: cues.perspectives.map((p) => p.toLowerCase().split(/\s+/)),
    auxiliaries: new Set(cues.auxiliaries.map((w) => w.toLowerCase())),
    complementizers: new Set(cues.complementizers.map((w) => w.toLowerCase())),
    hedges: cues.hedges,
    statementNouns: cues.statementNouns,
    wires: sources.wires,
    outlets: sources.outlets,
    governments: governments.governments,
    titles: new Set(titles.titles.map((w) => w.toLowerCase())),
    nameParticles: new Set(titles.particles.map((w) => w.toLowerCase())),
    anonymous,
    reference: {
      outletNouns: lowerSet(reference.outletNouns),
      thingPronouns: lowerSet(reference.thingPronouns),
      pluralPronouns: lowerSet(reference.pluralPronouns),
    },
    descriptorLinks: anonymous.descriptorLinks.map((l) => l.toLowerCase().split(/\s+/)),
  };
}
