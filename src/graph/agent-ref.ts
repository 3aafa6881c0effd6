/**
 * A filter may name an agent by key ("actor:donald-trump") or by a name or alias as printed
 * ("Trump", "Damascus"). A name resolves to the one named actor or source whose name or alias
 * has that slug; unknown names match nothing, and a name shared by several agents is an error
 * that lists them, so a filter never silently picks one.
 */
import type { Database } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import { slugify } from '../domain/keys.js';

export class AmbiguousAgentError extends Error {
  constructor(
    readonly given: string,
    readonly keys: string[],
  ) {
    super(`"${given}" names more than one agent (${keys.join(', ')}): pass a key`);
    this.name = 'AmbiguousAgentError';
  }
}

const KEY = /^(actor|source):/;

/** The key an agent filter stands for: itself when it is a key, else the agent it names (or null). */
export async function resolveAgentRef(db: Database, ref: string | null | undefined): Promise<string | null> {
  if (ref === null || ref === undefined || ref === '') return null;
  if (KEY.test(ref)) return ref;
  const nameKey = slugify(ref);
  if (nameKey === '') return `unknown:${ref}`;
  const [row] = await db.readOne(cypher('agent/by-name'), { nameKey });
  const keys = ((row?.keys as string[] | undefined) ?? []).sort();
  if (keys.length > 1) throw new AmbiguousAgentError(ref, keys);
  // An unknown name keeps a key that matches nothing, so the list is empty rather than unfiltered.
  return keys[0] ?? `unknown:${nameKey}`;
}
