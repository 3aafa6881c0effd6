import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema } from '../../../src/schema/index.js';

describe('the GraphQL schema', () => {
  it('matches the committed schema.graphql (run `npm run print-schema` after changing types)', () => {
    const committed = readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8');
    expect(printedSchema()).toBe(committed);
  });

  it('describes every type and every field of the domain', () => {
    const sdl = printedSchema();
    for (const type of ['Claim', 'Provenance', 'Hop', 'Actor', 'Source', 'Agent', 'Grade', 'Event']) {
      expect(sdl).toMatch(new RegExp(`"""[^"]+"""\\s*(type|interface) ${type}\\b`));
    }
  });
});
