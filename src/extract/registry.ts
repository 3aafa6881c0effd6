/**
 * The sources and actors one extracted document refers to, deduplicated as they are met: the
 * same wire, the same unnamed description, and a person named in full and later by surname
 * ("Ahmad al-Sharaa" ... "al-Sharaa") each get one record and one local id. What a reference
 * ("he", "the broadcaster", "the sources") points back to is `rules/coreference.ts`'s business.
 */
import type { Actor, Source } from '../domain/document.js';
import { localIdPart, nameKey } from '../domain/keys.js';
import type { Lexicon } from './lexicon.js';
import { References } from './rules/coreference.js';
import type { Speaker } from './speakers.js';

export type Agent = { collection: 'source'; record: Source } | { collection: 'actor'; record: Actor };

/** The words of a name without a leading article ("the envoy" -> envoy). */
function nameWords(name: string): string[] {
  return name
    .trim()
    .replace(/^(?:the|a|an)\s+/iu, '')
    .split(/\s+/u);
}

/** The key of a name's last word: its surname when it is a person's ("Ahmad al-Sharaa" -> al-sharaa). */
function lastWord(name: string): string {
  return nameKey(nameWords(name).at(-1) ?? '');
}

export class AgentRegistry {
  readonly sources: Source[] = [];
  readonly actors: Actor[] = [];
  private readonly ids = new Set<string>();
  /** What the article's references ("he", "the broadcaster", "the sources") point back to. */
  readonly refs: References;

  constructor(lex: Lexicon, reservedIds: Iterable<string> = []) {
    this.refs = new References(lex);
    for (const id of reservedIds) this.ids.add(id);
  }

  private freshId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  addSource(source: Omit<Source, 'id' | 'aliases'> & { aliases?: string[] }, idBase: string): Source {
    const key = nameKey(source.description ?? source.name);
    const existing = this.sources.find(
      (s) => s.kind === source.kind && nameKey(s.description ?? s.name) === key,
    );
    if (existing) return existing;
    const record: Source = { ...source, id: this.freshId(idBase), aliases: source.aliases ?? [] };
    this.sources.push(record);
    return record;
  }

  addActor(actor: Omit<Actor, 'id' | 'aliases'> & { aliases?: string[] }, id?: string): Actor {
    const existing = this.findActor(actor.name, actor.kind);
    if (existing) {
      for (const alias of [actor.name, ...(actor.aliases ?? [])]) {
        if (alias !== existing.name && !existing.aliases.includes(alias)) existing.aliases.push(alias);
      }
      // Prefer the fuller name once it is known: "al-Sharaa" then "Ahmad al-Sharaa".
      if (actor.name.split(' ').length > existing.name.split(' ').length && actor.kind === 'person') {
        existing.aliases = existing.aliases.filter((a) => a !== actor.name);
        if (!existing.aliases.includes(existing.name)) existing.aliases.push(existing.name);
        existing.name = actor.name;
      }
      if (actor.title && !existing.title) existing.title = actor.title;
      return existing;
    }
    const record: Actor = {
      ...actor,
      id: id && !this.ids.has(id) ? (this.ids.add(id), id) : this.freshId(`actor-${localIdPart(actor.name)}`),
      aliases: actor.aliases ?? [],
    };
    this.actors.push(record);
    return record;
  }

  private findActor(name: string, kind: Actor['kind']): Actor | undefined {
    const n = nameKey(name);
    const same = this.actors.find(
      (a) => a.kind === kind && [a.name, ...a.aliases].some((x) => nameKey(x) === n),
    );
    if (same || kind !== 'person') return same;
    // A surname alone, or a full name whose surname we already met alone.
    const surname = lastWord(name);
    const single = nameWords(name).length === 1;
    return this.actors.find(
      (a) =>
        a.kind === 'person' && lastWord(a.name) === surname && (single || nameWords(a.name).length === 1),
    );
  }

  /** Makes (or finds) the record a classified speaker stands for, and remembers it for later references. */
  agentFor(speaker: Speaker, context: { anonymityReason?: string }): Agent | undefined {
    const agent = this.recordFor(speaker, context);
    if (!agent || speaker.type === 'pronoun' || speaker.type === 'reference') return agent;
    this.refs.named(agent);
    return agent;
  }

  private recordFor(speaker: Speaker, context: { anonymityReason?: string }): Agent | undefined {
    switch (speaker.type) {
      case 'outlet':
        return {
          collection: 'source',
          record: this.addSource(
            { name: speaker.name, kind: speaker.kind, aliases: speaker.aliases },
            `src-${localIdPart(speaker.name)}`,
          ),
        };
      case 'unnamed': {
        // "the sources", "the Syrian official": a definite description of an unnamed teller met before.
        const earlier = this.refs.earlierUnnamed(speaker.description, this.sources);
        if (earlier) return { collection: 'source', record: earlier };
        const affiliation = speaker.affiliation
          ? this.addActor(
              { name: speaker.affiliation.name, kind: 'government', aliases: [] },
              speaker.affiliation.id,
            )
          : undefined;
        const record = this.addSource(
          {
            name: speaker.description,
            kind: speaker.kind,
            description: speaker.description,
            ...(affiliation ? { affiliation: affiliation.id } : {}),
            ...(context.anonymityReason ? { anonymityReason: context.anonymityReason } : {}),
          },
          `anon-${localIdPart(speaker.description)}`,
        );
        return { collection: 'source', record };
      }
      case 'government': {
        const g = speaker.government;
        const aliases = speaker.alias === g.name ? [] : [speaker.alias];
        return {
          collection: 'actor',
          record: this.addActor({ name: g.name, kind: 'government', aliases }, g.id),
        };
      }
      case 'person': {
        const record = this.addActor({
          name: speaker.name,
          kind: 'person',
          ...(speaker.title ? { title: speaker.title } : {}),
        });
        this.refs.lastPerson = record;
        return { collection: 'actor', record };
      }
      case 'organisation':
        return { collection: 'actor', record: this.addActor({ name: speaker.name, kind: speaker.kind }) };
      case 'pronoun':
        return this.refs.pronoun(speaker.word);
      case 'reference':
        return this.refs.outlet();
      case 'document': {
        // "the statement" again: the document with that head noun the article spoke of before.
        const earlier = this.refs.earlierDocument(speaker.head, this.sources);
        if (earlier) return { collection: 'source', record: earlier };
        const record = this.addSource(
          { name: speaker.name, kind: 'document' },
          `doc-${localIdPart(speaker.name)}`,
        );
        return { collection: 'source', record };
      }
    }
  }
}
