/**
 * The typed query registry: `cypher()` accepts only names of files in cypher/queries. The list the
 * type is generated from (src/db/query-names.ts) must match the files, like schema.graphql must
 * match the schema: run `npm run gen:queries` after adding, renaming or deleting a query.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allQueryNames,
  compact,
  cypher,
  queriesDir,
  queryNamesOnDisk,
  renderQueryNames,
} from '../../../src/db/cypher.js';
import { repoRoot } from '../../../src/paths.js';

describe('the query registry', () => {
  it('src/db/query-names.ts lists exactly the files in cypher/queries (run `npm run gen:queries`)', () => {
    const committed = readFileSync(path.join(repoRoot, 'src', 'db', 'query-names.ts'), 'utf8');
    expect(committed).toBe(renderQueryNames(queryNamesOnDisk()));
    expect([...allQueryNames()]).toEqual(queryNamesOnDisk());
  });

  it('refuses a name that is not a query file, at compile time and at run time', () => {
    // @ts-expect-error: not a QueryName (typecheck fails if this line ever compiles cleanly).
    expect(() => cypher('claim/no-such-query')).toThrow(/no query named "claim\/no-such-query"/);
    // @ts-expect-error: a path outside cypher/queries is not a QueryName either.
    expect(() => cypher('../../package')).toThrow(/no query named/);
  });

  it('reads every listed query', () => {
    for (const name of allQueryNames()) expect(cypher(name).length).toBeGreaterThan(0);
  });

  it('sends a query without its comment lines, blank lines and indentation, and nothing else changed', () => {
    const text = [
      '// What it reads.',
      'MATCH (c:Claim {key: $key})',
      '',
      '  // The chain, hop 0 first.',
      "  WHERE c.url STARTS WITH 'https://' // a trailing comment stays",
      '  RETURN c',
    ].join('\n');
    expect(compact(text)).toBe(
      "MATCH (c:Claim {key: $key})\nWHERE c.url STARTS WITH 'https://' // a trailing comment stays\nRETURN c",
    );
    for (const name of allQueryNames()) {
      const file = readFileSync(path.join(queriesDir, `${name}.cypher`), 'utf8');
      const sent = cypher(name);
      expect(sent).toBe(compact(file));
      // Every line of code is sent, in order; only comment lines and whitespace are left out.
      const code = file.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));
      expect(sent.split('\n')).toEqual(code.map((l) => l.trim()));
    }
  });
});
