/**
 * Maps the actors of an extracted document onto actors the graph already knows, so a draft joins
 * existing nodes instead of creating "al-Sharaa" next to "Ahmad al-Sharaa". Pure: the caller
 * supplies the known actors (from the graph, a fixture or a test) and gets a new document back.
 */
import type { Actor, ArticleDocument } from '../domain/document.js';

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

function norm(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/^(the)\s+/, '')
    .replace(/[’'.]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The family name without an Arabic article or similar particle, so "al-Sharaa" meets "Sharaa". */
function surname(name: string): string {
  const words = norm(name).split(' ');
  return (words[words.length - 1] ?? '').replace(/^(al|el)-/, '');
}

function match(actor: Actor, known: readonly KnownActor[]): { known: KnownActor; by: MatchedBy } | undefined {
  const names = [actor.name, ...actor.aliases].map(norm);
  const byName = known.find((k) => norm(k.name) === norm(actor.name));
  if (byName) return { known: byName, by: 'name' };
  const byAlias = known.find((k) => [k.name, ...k.aliases].some((n) => names.includes(norm(n))));
  if (byAlias) return { known: byAlias, by: 'alias' };
  if (actor.kind !== 'person') return undefined;
  // A surname is only evidence when exactly one known person carries it, and when one side is
  // the bare surname or both full names agree on it; two different Clintons must not merge.
  const family = surname(actor.name);
  if (family.length < 3) return undefined;
  const bare = norm(actor.name).split(' ').length === 1;
  const candidates = known.filter((k) =>
    [k.name, ...k.aliases].some((n) => surname(n) === family && (bare || norm(n).split(' ').length === 1)),
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
