/**
 * Coreference: what a speaker phrase that names no one refers back to. "he"/"she" is the last named
 * person; "it" the last agent that is not a person; "they" the last plural speaker; "the
 * broadcaster", "the agency", "the report" the outlet cited last (the publisher when none was); "the
 * sources" the unnamed teller met before with the same head noun and modifiers, reached through the
 * outlets it was first met through. Word lists: `thing-pronouns.json`, `plural-pronouns.json`,
 * `outlet-nouns.json` (read by `speakers.ts`), `description-breaks.json`.
 */
import type { Actor, Source } from '../../domain/document.js';
import { nameKey } from '../../domain/keys.js';
import type { Lexicon } from '../lexicon.js';
import type { Agent } from '../registry.js';

export class References {
  /** The last named person met, for resolving "he" and "she". */
  lastPerson: Actor | undefined;
  /** The outlet or wire cited last (at first, the publisher), for "the broadcaster", "the report". */
  lastOutlet: Source | undefined;
  /** The last agent that is not a person (outlet, government, organisation), for "it". */
  lastThing: Agent | undefined;
  /** The last plural speaker (unnamed sources, a group), for "they". */
  lastPlural: Agent | undefined;
  /**
   * Outlets through which an unnamed teller was first met ("..., sources told Reuters"): a later
   * "the sources said" in the same article reaches us through them too.
   */
  readonly introducedThrough = new Map<string, Agent[]>();
  /** Splits an unnamed description before its descriptor ("four sources familiar with ..."). */
  private readonly descriptionBreak: RegExp;

  constructor(lex: Lexicon) {
    const words = lex.words.descriptionBreaks.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    this.descriptionBreak = new RegExp(`\\s+(?:${words.join('|')})\\b`, 'u');
  }

  /** Remembers an agent the article just named (not referred back to), for later references. */
  named(agent: Agent): void {
    if (agent.collection === 'source' && (agent.record.kind === 'wire' || agent.record.kind === 'outlet'))
      this.lastOutlet = agent.record;
    if (
      agent.collection === 'source'
        ? agent.record.kind === 'wire' || agent.record.kind === 'outlet'
        : agent.record.kind !== 'person'
    )
      this.lastThing = agent;
    if (this.isPlural(agent)) this.lastPlural = agent;
  }

  /**
   * "he"/"she" is the last named person, "it" the last agent that is not one, "they" the last
   * plural speaker; other pronouns are left unresolved.
   */
  pronoun(word: string): Agent | undefined {
    if ((word === 'he' || word === 'she') && this.lastPerson)
      return { collection: 'actor', record: this.lastPerson };
    if (word === 'it') return this.lastThing;
    if (word === 'they') return this.lastPlural;
    return undefined;
  }

  /** "the broadcaster", "the report": the outlet cited last. */
  outlet(): Agent | undefined {
    return this.lastOutlet ? { collection: 'source', record: this.lastOutlet } : undefined;
  }

  /** "the statement": the last document source whose name ends in the same head noun. */
  earlierDocument(head: string, sources: readonly Source[]): Source | undefined {
    for (let k = sources.length - 1; k >= 0; k--) {
      const s = sources[k]!;
      if (s.kind === 'document' && nameKey(s.name).split('-').at(-1) === nameKey(head)) return s;
    }
    return undefined;
  }

  /**
   * What the article first called the document "the statement" refers to: the last "a/an
   * <modifiers> statement" before `offset` ("In a joint statement that ..." -> "joint statement"),
   * else the phrase's own words.
   */
  documentName(text: string, offset: number, speaker: { name: string; head: string }): string {
    const head = speaker.head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const mention = new RegExp(`\\b(?:[Aa]n?)\\s+((?:\\p{Ll}[\\p{Ll}-]*\\s+){1,2})${head}\\b`, 'gu');
    let last: string | undefined;
    for (const m of text.slice(0, offset).matchAll(mention)) last = `${m[1]!.trim()} ${speaker.head}`;
    return last ?? speaker.name;
  }

  /** "the sources", "the Syrian official": a definite description of an unnamed teller met before. */
  earlierUnnamed(description: string, sources: readonly Source[]): Source | undefined {
    const words = this.coreWords(description);
    if (words[0] !== 'the' || words.length < 2) return undefined;
    const head = words[words.length - 1]!;
    const modifiers = words.slice(1, -1);
    const singular = head.replace(/s$/u, '');
    for (let k = sources.length - 1; k >= 0; k--) {
      const s = sources[k]!;
      if (s.kind !== 'anonymous' || nameKey(s.description ?? s.name) === nameKey(description)) continue;
      const theirs = this.coreWords(s.description ?? s.name);
      const theirHead = theirs[theirs.length - 1] ?? '';
      if (theirHead.replace(/s$/u, '') !== singular) continue;
      const text = (s.description ?? s.name).toLowerCase();
      if (modifiers.every((m) => text.includes(m))) return s;
    }
    return undefined;
  }

  /** Persons the text names after an office ("Prime Minister Benjamin Netanyahu"), computed once. */
  private titled: { name: string; surname: string }[] | undefined;

  /**
   * "For Netanyahu, such a meeting would be a gamble; he has long held that ...": a sentence that
   * opens with a person the article has named after an office (optionally after "For" or "As
   * for") makes "he"/"she" later in it that person, not the last speaker. The person's full name.
   */
  personOpening(text: string, at: number, lex: Lexicon): string | undefined {
    this.titled ??= titledPersons(text, lex);
    let start = at;
    while (start > 0 && text[start - 1] !== '\n' && !/[.!?;]/u.test(text[start - 1] ?? '')) start--;
    // A semicolon joins two clauses of one sentence: look past it to the sentence's opening.
    if (text[start - 1] === ';') {
      start--;
      while (start > 0 && text[start - 1] !== '\n' && !/[.!?]/u.test(text[start - 1] ?? '')) start--;
    }
    const opening = text.slice(start, at).trimStart();
    for (const p of this.titled) {
      for (const name of [p.name, p.surname]) {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (new RegExp(`^(?:(?:For|As for)\\s+)?${escaped}\\b`, 'u').test(opening)) return p.name;
      }
    }
    return undefined;
  }

  /**
   * Cataphora: "a senior US envoy said ..." and, later or earlier, "Tom Barrack, Washington's
   * special envoy for Syria, ...": an unnamed office holder introduced with "a"/"an", whose head
   * noun is a singular office (`offices.json`) and who gave no reason to stay unnamed, is the one
   * person the article names with that office (in an appositive after the name, in the words just
   * before it, or in the title), when it names exactly one. Per unnamed source id, that person.
   */
  officeHolders(
    text: string,
    sources: readonly Source[],
    actors: readonly Actor[],
    lex: Lexicon,
  ): Map<string, Actor> {
    const out = new Map<string, Actor>();
    const persons = actors.filter((a) => a.kind === 'person');
    for (const s of sources) {
      if (s.kind !== 'anonymous' || s.anonymityReason) continue;
      const description = (s.description ?? s.name).toLowerCase();
      const words = description.split(/\s+/u);
      const core = this.coreWords(description);
      const head = core[core.length - 1] ?? '';
      if (!(words[0] === 'a' || words[0] === 'an') || core.length !== words.length) continue;
      if (!lex.words.offices.has(head)) continue;
      const holders = persons.filter((p) => this.holdsOffice(text, p, head));
      if (holders.length === 1) out.set(s.id, holders[0]!);
    }
    return out;
  }

  /** Whether the article gives a person an office: "Name, the ... <office> ...," or "<office> Name". */
  private holdsOffice(text: string, person: Actor, office: string): boolean {
    const word = new RegExp(`\\b${office}\\b`, 'iu');
    if (person.title && word.test(person.title)) return true;
    for (const name of [person.name, ...person.aliases]) {
      if (name.length < 3) continue;
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        const after = /^,\s*([^,.;:\n]{1,100}),/u.exec(text.slice(at + name.length, at + name.length + 110));
        if (after && word.test(after[1]!)) return true;
        const before = text
          .slice(Math.max(0, at - 40), at)
          .split(/\s+/u)
          .slice(-4)
          .join(' ');
        if (word.test(before)) return true;
      }
    }
    return false;
  }

  /** Unnamed sources and groups whose head noun is plural ("two officials", "sources familiar with ..."). */
  private isPlural(agent: Agent): boolean {
    const r = agent.record;
    const anonymous = agent.collection === 'source' && r.kind === 'anonymous';
    const group = agent.collection === 'actor' && r.kind === 'group';
    if (!anonymous && !group) return false;
    const head = this.coreWords('description' in r && r.description ? r.description : r.name).pop() ?? '';
    return /[^s]s$/u.test(head) || head === 'people';
  }

  /** The words of an unnamed description before any descriptor ("four sources familiar with ..." -> four sources). */
  private coreWords(description: string): string[] {
    return description
      .toLowerCase()
      .split(this.descriptionBreak)[0]!
      .split(/\s+/u)
      .filter((w) => w !== '');
  }
}

/** "Prime Minister Benjamin Netanyahu", "US envoy Tom Barrack": names after an office word (`offices.json`). */
function titledPersons(text: string, lex: Lexicon): { name: string; surname: string }[] {
  // Office words in either case ("Minister", "envoy"); the name itself must be capitalised.
  const offices = [...lex.words.offices].map((o) => `[${o[0]!.toUpperCase()}${o[0]}]${o.slice(1)}`).join('|');
  const name = "(?:al-|el-)?\\p{Lu}[\\p{L}’'-]+";
  const re = new RegExp(
    `\\b(?:${offices})\\s+(${name}(?:\\s+(?:al-|el-|bin\\s+)?\\p{Lu}[\\p{L}’'-]+){0,3})`,
    'gu',
  );
  const out: { name: string; surname: string }[] = [];
  for (const m of text.matchAll(re)) {
    const full = m[1]!;
    const words = full.split(/\s+/u);
    if (!out.some((p) => p.name === full)) out.push({ name: full, surname: words[words.length - 1]! });
  }
  return out;
}
