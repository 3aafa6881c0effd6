/**
 * The cost guard prices what a query will return, however the page sizes are written: literal,
 * through variables, through variable defaults, omitted (the default page), inside fragments or
 * aliases. Before it, `first: $n` and an omitted `first` were priced as 1 and a 5.7 KB query ran
 * the process out of memory. No database is needed: refusals happen before any resolver runs.
 */
import fc from 'fast-check';
import { getIntrospectionQuery, parse } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_QUERIES } from '../../src/examples.js';
import { priceOperation, UNSIZED_LIST_ESTIMATE } from '../../src/query-cost.js';
import { schema } from '../../src/schema/index.js';
import { codesOf, offlineApi } from '../support/offline-api.js';

// Queries under the limit go on to the resolvers, which fail fast on the closed port.
const api = offlineApi({ NEO4J_ACQUIRE_TIMEOUT_MS: '100' });
afterAll(() => api.close());
const { MAX_COST, MAX_PAGE_SIZE, MAX_LIST_ARGUMENT } = api.config;
const limits = { maxCost: Number.MAX_SAFE_INTEGER, maxPageSize: MAX_PAGE_SIZE, maxListArgument: 1e9 };
const price = (query: string, variables: Record<string, unknown> = {}, operationName?: string) =>
  priceOperation(schema, parse(query), variables, operationName, limits);

/** The attack from the issue: aliases of claims -> speaker -> said -> speaker -> said. */
const attack = (aliases: number, first: string) =>
  `query Q${first.includes('$n') ? '($n: Int)' : ''} { ${Array.from(
    { length: aliases },
    (_, i) =>
      `a${i}: claims${first} { edges { node { key text speaker { said${first} { edges { node { key text ` +
      `speaker { said${first} { edges { node { key text } } } } } } } } } } }`,
  ).join(' ')} }`;

function expectTooExpensive(r: Awaited<ReturnType<typeof api.gql>>) {
  expect(r.body.data ?? null).toBeNull();
  expect(codesOf(r), r.text.slice(0, 300)).toEqual(['QUERY_TOO_EXPENSIVE']);
  expect(r.body.errors?.[0]?.message).toMatch(/Cost limit of \d+ exceeded/);
  // Refused before execution: no round trip was counted (the database is unreachable anyway).
  expect(r.text).not.toMatch(/roundTrips|SERVICE_UNAVAILABLE|INTERNAL_SERVER_ERROR/);
}

describe('the cost guard prices page sizes however they are written', () => {
  it('refuses the issue attack with `first: $n` (n = 100), as it refuses literal `first: 100`', async () => {
    expectTooExpensive(await api.gql(attack(30, '(first: $n)'), {}, { n: 100 }));
    expectTooExpensive(await api.gql(attack(30, '(first: 100)')));
    expectTooExpensive(await api.gql(attack(1, '(first: $n)'), {}, { n: 100 }));
  });

  it('refuses it with `first` omitted (the default page of 20 is priced, not 1)', async () => {
    expectTooExpensive(await api.gql(attack(30, '')));
    expectTooExpensive(await api.gql(attack(3, '')));
  });

  it('refuses it through a variable default and through fragments', async () => {
    const viaDefault = attack(2, '(first: $n)').replace('($n: Int)', '($n: Int = 100)');
    expectTooExpensive(await api.gql(viaDefault));
    const viaFragments = `query Q($n: Int) { a: claims(first: $n) { ...E } b: claims(first: $n) { ...E } }
      fragment E on QueryClaimsConnection { edges { node { ...C } } }
      fragment C on Claim { speaker { ... on Agent { said(first: $n) { edges { node { speaker { said(first: $n) { edges { node { key } } } } } } } } } }`;
    expectTooExpensive(await api.gql(viaFragments, {}, { n: 100 }));
  });

  it('prices a variable, a variable default, a literal and a fragment the same', () => {
    const literal = price('{ claims(first: 50) { edges { node { key text } } } }');
    expect(literal).toBe(
      price('query Q($n: Int) { claims(first: $n) { edges { node { key text } } } }', { n: 50 }),
    );
    expect(literal).toBe(
      price('query Q($n: Int = 50) { claims(first: $n) { edges { node { key text } } } }'),
    );
    expect(literal).toBe(
      price(
        '{ claims(first: 50) { ...P } } fragment P on QueryClaimsConnection { edges { node { key text } } }',
      ),
    );
    // 1 (claims) + 1 (edges) + 50 x (node + key + text)... edges is the list, priced at 50 x its selection.
    expect(literal).toBe(1 + 1 + 50 * 3);
    // The default page is 20; a page past MAX_PAGE_SIZE is priced at MAX_PAGE_SIZE (the resolver refuses it).
    expect(price('{ claims { edges { node { key text } } } }')).toBe(2 + 20 * 3);
    expect(price(`{ claims(first: ${MAX_PAGE_SIZE * 10}) { edges { node { key } } } }`)).toBe(
      2 + MAX_PAGE_SIZE * 2,
    );
  });

  it('multiplies nested lists, and prices aliases and repeated fragments each time', () => {
    const inner = price(
      '{ claims(first: 10) { edges { node { key speaker { said(first: 10) { edges { node { key } } } } } } } }',
    );
    // claims(1) edges(1) + 10 x [node(1) key(1) speaker(1) + said(1) edges(1) + 10 x (node + key)]
    expect(inner).toBe(2 + 10 * (3 + 2 + 10 * 2));
    expect(
      price(
        '{ a: claims(first: 10) { edges { node { key } } } b: claims(first: 10) { edges { node { key } } } }',
      ),
    ).toBe(2 * price('{ claims(first: 10) { edges { node { key } } } }'));
    // An unsized list (a claim's `related`) gets an estimate, multiplied like any list.
    expect(price('{ claim(key: "x") { related { claim { key } } } }')).toBe(
      1 + 1 + UNSIZED_LIST_ESTIMATE * 2,
    );
  });

  it('still runs the documented example queries and prices introspection low', async () => {
    for (const name of ['Provenance', 'Anonymous', 'Search', 'Actor', 'Timeline']) {
      expect(price(EXAMPLE_QUERIES, {}, name), name).toBeLessThan(MAX_COST);
    }
    // Introspection is counted per field, not multiplied: the schema is in memory and finite.
    expect(price(getIntrospectionQuery())).toBeLessThan(MAX_COST / 10);
    const r = await api.gql('{ __schema { types { name fields { name args { name } } } } }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.__schema.types.length).toBeGreaterThan(10);
  });
});

describe('list arguments are capped', () => {
  it(`refuses nodes(ids:) with more than MAX_LIST_ARGUMENT (${MAX_LIST_ARGUMENT}) ids, naming ids`, async () => {
    const ids = Array.from({ length: MAX_LIST_ARGUMENT + 1 }, (_, i) => `id${i}`);
    for (const r of [
      await api.gql('query N($ids: [ID!]!) { nodes(ids: $ids) { __typename } }', {}, { ids }),
      await api.gql(`{ nodes(ids: ${JSON.stringify(ids)}) { __typename } }`),
    ]) {
      expect(r.body.data ?? null).toBeNull();
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
      expect(r.body.errors?.[0]?.message).toMatch(new RegExp(`at most ${MAX_LIST_ARGUMENT}`));
    }
  });

  it('prices nodes(ids:) by the number of ids', () => {
    const q = 'query N($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    expect(price(q, { ids: ['a', 'b', 'c'] })).toBe(1 + 3 * 1);
    expect(price(q, { ids: Array.from({ length: 90 }, String) })).toBe(1 + 90);
  });
});

/**
 * Fuzzing: random nested list queries, each written five ways. The guard must give every way the
 * same price, that price must be at least the product of the page sizes along the deepest path,
 * and the API must refuse exactly those priced over MAX_COST.
 */
describe('fuzzed queries', () => {
  type Shape = { alias: number; size: number | null; child: Shape | null };
  const shape: fc.Arbitrary<Shape> = fc.letrec<{ s: Shape }>((tie) => ({
    s: fc.record({
      alias: fc.integer({ min: 1, max: 2 }),
      size: fc.option(fc.integer({ min: 0, max: MAX_PAGE_SIZE * 2 }), { nil: null }),
      child: fc.option(tie('s'), { depthSize: 'small', maxDepth: 2, nil: null }),
    }),
  })).s;
  type Style = 'literal' | 'variable' | 'default' | 'fragment' | 'inline';

  /** claims(...) at the top; below it speaker { said(...) } per level (3 levels: depth 12, the limit). */
  function write(s: Shape, style: Style) {
    const vars: Record<string, number> = {};
    const defs: string[] = [];
    const fragments: string[] = [];
    let n = 0;
    const sizeArg = (size: number | null) => {
      if (size === null) return '';
      if (style === 'literal' || style === 'fragment' || style === 'inline') return `(first: ${size})`;
      const v = `v${n++}`;
      if (style === 'variable') {
        defs.push(`$${v}: Int`);
        vars[v] = size;
      } else defs.push(`$${v}: Int = ${size}`);
      return `(first: $${v})`;
    };
    const level = (x: Shape, field: string): string => {
      const args = sizeArg(x.size);
      const inner = x.child ? `key speaker { ${level(x.child, 'said')} }` : 'key text';
      let body = `edges { node { ${inner} } }`;
      if (style === 'fragment') {
        const f = `F${fragments.length}`;
        const on = field === 'claims' ? 'QueryClaimsConnection' : 'AgentSaidConnection';
        fragments.push(`fragment ${f} on ${on} { ${body} }`);
        body = `...${f}`;
      } else if (style === 'inline') body = `... { ${body} }`;
      return Array.from({ length: x.alias }, (_, i) => `a${i}: ${field}${args} { ${body} }`).join(' ');
    };
    const selection = level(s, 'claims');
    const query = `query Q${defs.length ? `(${defs.join(', ')})` : ''} { ${selection} } ${fragments.join(' ')}`;
    return { query, vars };
  }
  const pathProduct = (s: Shape | null): number =>
    s ? s.alias * Math.min(s.size ?? 20, MAX_PAGE_SIZE) * Math.max(1, pathProduct(s.child)) : 1;

  it('gives the same price to every way of writing a query, never below the page product', () => {
    fc.assert(
      fc.property(shape, (s) => {
        const prices = (['literal', 'variable', 'default', 'fragment', 'inline'] as Style[]).map((style) => {
          const { query, vars } = write(s, style);
          return price(query, vars);
        });
        expect(new Set(prices).size).toBe(1);
        expect(prices[0]).toBeGreaterThanOrEqual(pathProduct(s));
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('refuses through the API exactly the queries priced over MAX_COST', async () => {
    await fc.assert(
      fc.asyncProperty(shape, fc.constantFrom<Style>('variable', 'default', 'fragment'), async (s, style) => {
        const { query, vars } = write(s, style);
        const r = await api.gql(query, {}, vars);
        const refused = codesOf(r).includes('QUERY_TOO_EXPENSIVE');
        expect(refused).toBe(price(query, vars) > MAX_COST);
        // Under the limit it went on to the resolvers (which fail: no database here), or was
        // refused for a page size past MAX_PAGE_SIZE.
        if (!refused) expect(codesOf(r).length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
