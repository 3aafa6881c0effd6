/**
 * Maps the actors of an extracted document onto actors the graph already knows, so a draft joins
 * existing nodes instead of creating "al-Sharaa" next to "Ahmad al-Sharaa". Pure: the caller
 * supplies the known actors (from the graph, a fixture or a test) and gets a new document back.
 */
import type { Actor, ArticleDocument } from '../domain/document.js';
import { nameKey, slugify } from '../domain/keys.js';

export interface KnownActor {
  /** The graph key of the existing actor. */
  key: string;
  name: string;
  aliases: string[];
}

export type MatchedBy = 'name' | 'alias' | 'surname';

export interface ActorMatch {
  /** Local id of the actor in the document. */
  actorId: string;
  /** Graph key of the known actor it is. */
  key: string;
  matchedBy: MatchedBy;
}

export interface ActorResolution {
  /** The document with matched actors renamed to the known name and their aliases merged. */
  document: ArticleDocument;
  matches: ActorMatch[];
  /** Local ids of actors that matched nothing and would become new nodes. */
  unmatched: string[];
}

/** Words of a name without a leading "the" ("The Times" meets "Times"). */
function words(s: string): string[] {
  return s
    .trim()
    .split(/\s+/)
    .filter((w, i) => !(i === 0 && /^the$/i.test(w)));
}

/** The family name without an Arabic article or similar particle, so "al-Sharaa" meets "Sharaa". */
function surname(name: string): string {
  return slugify(words(name).at(-1) ?? '').replace(/^(al|el)-/, '');
}

/** Names compare by the domain's name key, so a match here is a match of graph keys (bar a leading article). */
function match(actor: Actor, known: readonly KnownActor[]): { known: KnownActor; by: MatchedBy } | undefined {
  const names = [actor.name, ...actor.aliases].map(nameKey);
  const byName = known.find((k) => nameKey(k.name) === nameKey(actor.name));
  if (byName) return { known: byName, by: 'name' };
  const byAlias = known.find((k) => [k.name, ...k.aliases].some((n) => names.includes(nameKey(n))));
  if (byAlias) return { known: byAlias, by: 'alias' };
  if (actor.kind !== 'person') return undefined;
  // A surname is only evidence when exactly one known person carries it, and when one side is
  // the bare surname or both full names agree on it; two different Clintons must not merge.
  const family = surname(actor.name);
  if (family.length < 3) return undefined;
  const bare = words(actor.name).length === 1;
  const candidates = known.filter((k) =>
    [k.name, ...k.aliases].some((n) => surname(n) === family && (bare || words(n).length === 1)),
  );
  return candidates.length === 1 ? { known: candidates[0]!, by: 'surname' } : undefined;
}

export function resolveActors(doc: ArticleDocument, known: readonly KnownActor[]): ActorResolution {
  const matches: ActorMatch[] = [];
  const unmatched: string[] = [];
  const actors = doc.actors.map((actor) => {
    const m = match(actor, known);
    if (!m) {
      unmatched.push(actor.id);
      return actor;
    }
    matches.push({ actorId: actor.id, key: m.known.key, matchedBy: m.by });
    const aliases = [...new Set([actor.name, ...actor.aliases, ...m.known.aliases])].filter(
      (a) => a !== m.known.name,
    );
    return { ...actor, name: m.known.name, aliases };
  });
  return { document: { ...doc, actors }, matches, unmatched };
}
