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
