/**
 * Named Cypher: every query lives in `cypher/queries/<entity>/<verb>.cypher`, so a reviewer reads
 * Cypher as Cypher and a test can EXPLAIN every file on the real server. Values only ever reach
 * a query as $parameters.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './provision.js';

export const queriesDir = path.join(repoRoot, 'cypher', 'queries');
const cache = new Map<string, string>();

/** The text of `cypher/queries/<name>.cypher`, e.g. `cypher('claim/provenance')`. */
export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    if (!/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/.test(name)) throw new Error(`bad query name "${name}"`);
    text = readFileSync(path.join(queriesDir, `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Every named query, for the EXPLAIN test. */
export function allQueryNames(): string[] {
  return readdirSync(queriesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(queriesDir, d.name))
        .filter((f) => f.endsWith('.cypher'))
        .map((f) => `${d.name}/${f.replace(/\.cypher$/, '')}`),
    )
    .sort();
}
