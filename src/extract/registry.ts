/**
 * The sources and actors one extracted document refers to, deduplicated as they are met: the
 * same wire, the same unnamed description, and a person named in full and later by surname
 * ("Ahmad al-Sharaa" ... "al-Sharaa") each get one record and one local id.
 */
import type { Actor, Source } from '../domain/document.js';
import { asciiSlug } from '../domain/keys.js';
import type { Speaker } from './speakers.js';
import { normaliseName } from './speakers.js';

export type Agent = { collection: 'source'; record: Source } | { collection: 'actor'; record: Actor };

/** A local id part from a name: the project's one slug (ASCII), at most 80 characters, never empty. */
export function slug(s: string): string {
  const base = asciiSlug(s).slice(0, 80).replace(/-+$/, '');
  return base === '' ? 'x' : base;
}

function lastWord(name: string): string {
  const words = normaliseName(name).split(' ');
  return words[words.length - 1] ?? '';
}

/** Unnamed sources and groups whose head noun is plural ("two officials", "sources familiar with ..."). */
function isPlural(agent: Agent): boolean {
  const r = agent.record;
  const anonymous = agent.collection === 'source' && r.kind === 'anonymous';
  const group = agent.collection === 'actor' && r.kind === 'group';
  if (!anonymous && !group) return false;
  const head = headNoun('description' in r && r.description ? r.description : r.name);
  return /[^s]s$/u.test(head) || head === 'people';
}

/** The words of an unnamed description before any descriptor ("four sources familiar with ..." -> four sources). */
function coreWords(description: string): string[] {
  return description
    .toLowerCase()
    .split(/\s+(?:familiar|close|briefed|with|who|from|in|at|of|on|knowledgeable|informed)\b/u)[0]!
    .split(/\s+/u)
    .filter((w) => w !== '');
}

function headNoun(description: string): string {
  return coreWords(description).pop() ?? '';
}

export class AgentRegistry {
  readonly sources: Source[] = [];
  readonly actors: Actor[] = [];
  private readonly ids = new Set<string>();
  /** The last named person met, for resolving "he" and "she". */
  lastPerson: Actor | undefined;
  /** The outlet or wire cited last (at first, the publisher), for "the broadcaster", "the report". */
  lastOutlet: Source | undefined;
  /** The last agent that is not a person (outlet, government, organisation), for "it". */
  lastThing: Agent | undefined;
  /** The last plural speaker (unnamed sources, a group), for "they". */
  lastPlural: Agent | undefined;

  constructor(reservedIds: Iterable<string> = []) {
    for (const id of reservedIds) this.ids.add(id);
  }

  private freshId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  addSource(source: Omit<Source, 'id' | 'aliases'> & { aliases?: string[] }, idBase: string): Source {
    const key = normaliseName(source.description ?? source.name);
    const existing = this.sources.find(
      (s) => s.kind === source.kind && normaliseName(s.description ?? s.name) === key,
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
      id: id && !this.ids.has(id) ? (this.ids.add(id), id) : this.freshId(`actor-${slug(actor.name)}`),
      aliases: actor.aliases ?? [],
    };
    this.actors.push(record);
    return record;
  }

  private findActor(name: string, kind: Actor['kind']): Actor | undefined {
    const n = normaliseName(name);
    const same = this.actors.find(
      (a) => a.kind === kind && [a.name, ...a.aliases].some((x) => normaliseName(x) === n),
    );
    if (same || kind !== 'person') return same;
    // A surname alone, or a full name whose surname we already met alone.
    const surname = lastWord(name);
    const single = !n.includes(' ');
    return this.actors.find(
      (a) =>
        a.kind === 'person' &&
        lastWord(a.name) === surname &&
        (single || !normaliseName(a.name).includes(' ')),
    );
  }

  /**
   * Outlets through which an unnamed teller was first met ("..., sources told Reuters"): a later
   * "the sources said" in the same article reaches us through them too.
   */
  readonly introducedThrough = new Map<string, Agent[]>();

  private earlierUnnamed(description: string): Source | undefined {
    const words = coreWords(description);
    if (words[0] !== 'the' || words.length < 2) return undefined;
    const head = words[words.length - 1]!;
    const modifiers = words.slice(1, -1);
    const singular = head.replace(/s$/u, '');
    for (let k = this.sources.length - 1; k >= 0; k--) {
      const s = this.sources[k]!;
      if (s.kind !== 'anonymous' || normaliseName(s.description ?? s.name) === normaliseName(description))
        continue;
      const theirs = coreWords(s.description ?? s.name);
      const theirHead = theirs[theirs.length - 1] ?? '';
      if (theirHead.replace(/s$/u, '') !== singular) continue;
      const text = (s.description ?? s.name).toLowerCase();
      if (modifiers.every((m) => text.includes(m))) return s;
    }
    return undefined;
  }

  /** Makes (or finds) the record a classified speaker stands for, and remembers it for later references. */
  agentFor(speaker: Speaker, context: { anonymityReason?: string }): Agent | undefined {
    const agent = this.recordFor(speaker, context);
    if (!agent || speaker.type === 'pronoun' || speaker.type === 'reference') return agent;
    if (agent.collection === 'source' && (agent.record.kind === 'wire' || agent.record.kind === 'outlet'))
      this.lastOutlet = agent.record;
    if (
      agent.collection === 'source'
        ? agent.record.kind === 'wire' || agent.record.kind === 'outlet'
        : agent.record.kind !== 'person'
    )
      this.lastThing = agent;
    if (isPlural(agent)) this.lastPlural = agent;
    return agent;
  }

  private recordFor(speaker: Speaker, context: { anonymityReason?: string }): Agent | undefined {
    switch (speaker.type) {
      case 'outlet':
        return {
          collection: 'source',
          record: this.addSource(
            { name: speaker.name, kind: speaker.kind, aliases: speaker.aliases },
            `src-${slug(speaker.name)}`,
          ),
        };
      case 'unnamed': {
        // "the sources", "the Syrian official": a definite description of an unnamed teller met before.
        const earlier = this.earlierUnnamed(speaker.description);
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
          `anon-${slug(speaker.description)}`,
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
        this.lastPerson = record;
        return { collection: 'actor', record };
      }
      case 'organisation':
        return { collection: 'actor', record: this.addActor({ name: speaker.name, kind: speaker.kind }) };
      case 'pronoun':
        // "he"/"she" is the last named person, "it" the last agent that is not one, "they" the last
        // plural speaker; other pronouns are left unresolved.
        if ((speaker.word === 'he' || speaker.word === 'she') && this.lastPerson)
          return { collection: 'actor', record: this.lastPerson };
        if (speaker.word === 'it') return this.lastThing;
        if (speaker.word === 'they') return this.lastPlural;
        return undefined;
      case 'reference':
        return this.lastOutlet ? { collection: 'source', record: this.lastOutlet } : undefined;
    }
  }
}
