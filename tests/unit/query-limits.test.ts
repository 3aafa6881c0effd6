/**
 * Query limits against known abuse: deep nesting (also disguised as introspection or through
 * fragments), alias floods, fragment cycles, directive and token floods, huge page sizes and
 * batched bodies. Each is refused before any resolver runs, with a code and no data; queries
 * just inside the limits still run. No database is needed (tests/support/offline-api.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { codesOf, offlineApi, type RawResponse } from '../support/offline-api.js';

const api = offlineApi();
afterAll(() => api.close());
const { MAX_QUERY_DEPTH, MAX_ALIASES, MAX_PAGE_SIZE } = api.config;

/** `related { claim { ... } }` n times: 2n levels below its parent. */
const relatedChain = (n: number, leaf = 'key'): string => {
  let q = leaf;
  for (let i = 0; i < n; i++) q = `related { claim { ${q} } }`;
  return q;
};

/**
 * `ofType { ... }` n times inside `__schema { types { ... } }`. The alias keeps it out of the
 * standard-introspection exemption (src/introspection.ts), so the depth limit applies to it.
 */
const ofTypeChain = (n: number): string => {
  let q = 'name';
  for (let i = 0; i < n; i++) q = `ofType { ${q} }`;
  return `{ __schema { all: types { fields { type { ${q} } } } } }`;
};

function expectRefused(r: RawResponse, code: string, message: RegExp) {
  expect(r.body.data ?? null).toBeNull();
  expect(codesOf(r)).toContain(code);
  expect(r.body.errors?.some((e) => message.test(e.message))).toBe(true);
  // Refused before execution: no resolver ran, so no round trip was counted.
  expect(r.text).not.toMatch(/roundTrips|INTERNAL_SERVER_ERROR|Syntax Error: Query/);
}

describe('query depth', () => {
  it('refuses nesting past MAX_QUERY_DEPTH', async () => {
    const r = await api.gql(`{ claim(key: "x") { ${relatedChain(8)} } }`);
    expectRefused(r, 'GRAPHQL_VALIDATION_FAILED', /depth limit of \d+ exceeded/);
  });

  it('counts introspection too: a deep __schema/ofType query is refused', async () => {
    const r = await api.gql(ofTypeChain(MAX_QUERY_DEPTH));
    expectRefused(r, 'GRAPHQL_VALIDATION_FAILED', /depth limit/);
  });

  it('allows a query just inside the limit (the limit is not off by one)', async () => {
    // __schema(1) types(2) fields(3) type(4) + ofType chain + name: depth 5 + chain.
    const r = await api.gql(ofTypeChain(MAX_QUERY_DEPTH - 5));
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data.__schema.all.length).toBeGreaterThan(10);
    expectRefused(await api.gql(ofTypeChain(MAX_QUERY_DEPTH - 4)), 'GRAPHQL_VALIDATION_FAILED', /depth/);
  });

  it.each([
    ['aliased as __schema', `{ __schema: claim(key: "x") { ${relatedChain(8)} } }`],
    ['aliased as __typename', `{ __typename: claim(key: "x") { ${relatedChain(8)} } }`],
    [
      'inside a fragment named __schema',
      `{ claim(key: "x") { ...__schema } } fragment __schema on Claim { ${relatedChain(8)} }`,
    ],
    [
      'split over nested fragments',
      `{ claim(key: "x") { ...A } } fragment A on Claim { related { claim { ...B } } } fragment B on Claim { ${relatedChain(7)} }`,
    ],
    ['inside an inline fragment', `{ claim(key: "x") { ... on Claim { ${relatedChain(8)} } } }`],
    [
      'under a __typename sibling',
      `{ __typename claim(key: "x") { __typename ${relatedChain(8, '__typename')} } }`,
    ],
  ])('cannot be bypassed with a deep selection %s', async (_name, query) => {
    expectRefused(await api.gql(query), 'GRAPHQL_VALIDATION_FAILED', /depth limit/);
  });
});

describe('other floods', () => {
  it('refuses more than MAX_ALIASES aliases, also when spread over fragments', async () => {
    const aliases = (prefix: string, n: number) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}: __typename`).join(' ');
    const half = Math.ceil((MAX_ALIASES + 1) / 2);
    expectRefused(
      await api.gql(`{ ${aliases('a', MAX_ALIASES + 1)} }`),
      'GRAPHQL_VALIDATION_FAILED',
      /Aliases limit/,
    );
    expectRefused(
      await api.gql(
        `{ ...F ...G } fragment F on Query { ${aliases('a', half)} } fragment G on Query { ${aliases('b', half)} }`,
      ),
      'GRAPHQL_VALIDATION_FAILED',
      /Aliases limit/,
    );
    expect((await api.gql(`{ ${aliases('a', MAX_ALIASES)} }`)).body.errors).toBeUndefined();
  });

  it('refuses fragment cycles cleanly (no stack overflow, no 500)', async () => {
    for (const query of [
      '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
      '{ claim(key: "x") { ...A } } fragment A on Claim { related { claim { ...A } } }',
    ]) {
      const r = await api.gql(query);
      expect(r.status).toBeLessThan(500);
      expectRefused(r, 'GRAPHQL_VALIDATION_FAILED', /Cannot spread fragment "A" within itself/);
    }
  });

  it('refuses directive floods and token floods', async () => {
    expectRefused(
      await api.gql(`{ __typename ${'@skip(if: false) '.repeat(30)} }`),
      'GRAPHQL_VALIDATION_FAILED',
      /Directives limit/,
    );
    expectRefused(await api.gql(`{ ${'__typename '.repeat(5000)} }`), 'GRAPHQL_PARSE_FAILED', /Token limit/);
  });

  it('refuses a page size past MAX_PAGE_SIZE, naming the argument, before touching the database', async () => {
    const r = await api.gql(`{ claims(first: ${MAX_PAGE_SIZE + 1}) { totalCount } }`);
    expect(r.body.data ?? null).toBeNull();
    expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    for (const first of [1_000_000_000, 2 ** 31, -1]) {
      const huge = await api.gql(`{ claims(first: ${first}) { totalCount } }`);
      expect(huge.body.data ?? null).toBeNull();
      expect(codesOf(huge).every((c) => c === 'GRAPHQL_VALIDATION_FAILED' || c === 'BAD_USER_INPUT')).toBe(
        true,
      );
      expect(huge.text).toMatch(/first|Cost limit|32-bit/);
    }
  });

  it('refuses batched (array) bodies', async () => {
    const r = await api.send(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(r.status).toBe(400);
    expect(codesOf(r)).toEqual(['BAD_REQUEST']);
  });

  it('answers malformed bodies with a 4xx, never a 500', async () => {
    for (const body of [
      '',
      '{',
      'null',
      '"query"',
      '{"query": 5}',
      '{"query": "{ __typename }", "variables": 7}',
    ]) {
      const r = await api.send(body);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.text).not.toMatch(/\bat \S+ \(/);
    }
  });

  it('answers bad variables with BAD_USER_INPUT naming the variable, without field suggestions', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['query P($f: Int) { claims(first: $f) { totalCount } }', { f: 'ten' }, /"\$f"/],
      ['query P($k: String!) { claim(key: $k) { key } }', {}, /"\$k"/],
      [
        'query P($f: ClaimFilter) { claims(filter: $f) { totalCount } }',
        { f: { kinds: ['nope'] } },
        /f\.kinds\[0\]/,
      ],
      ['query P($f: ClaimFilter) { claims(filter: $f) { totalCount } }', { f: { abut: 'x' } }, /"abut"/],
    ];
    for (const [query, variables, names] of cases) {
      const r = await api.gql(query, {}, variables);
      expect(r.body.data ?? null).toBeNull();
      expect(codesOf(r)).toEqual(r.body.errors!.map(() => 'BAD_USER_INPUT'));
      expect(r.body.errors!.map((e) => e.message).join(' ')).toMatch(names);
      expect(r.text).not.toMatch(/Did you mean/);
    }
  });
});

describe('malformed ids', () => {
  it('refuses an id that is not a global id, or names no node type, as BAD_USER_INPUT on `id`', async () => {
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    for (const id of ['article:noonpost-7628', '', '%%%', b64('Query:1'), b64('Foo:1'), b64('Claim')]) {
      const r = await api.gql('query P($id: ID!) { node(id: $id) { __typename } }', {}, { id });
      expect(r.body.errors?.[0]?.extensions, id).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(r.text).not.toMatch(/INTERNAL_SERVER_ERROR/);
    }
  });

  it('refuses a cursor that is not one, naming `after` or `before`', async () => {
    for (const name of ['after', 'before']) {
      const r = await api.gql(
        `query P($c: String) { claims(first: 5, ${name}: $c) { totalCount } }`,
        {},
        { c: "' OR 1=1" },
      );
      expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
    }
  });
});

describe('query cost', () => {
  // A wide page of claims with nested chains: within depth, alias and page limits, but costly.
  const WIDE = `{ claims(first: 50) { edges { node { key text quote kind saidAt
    speaker { __typename } article { title }
    provenance { depth anonymousLinks chain { role anonymous agent { __typename } addressee { __typename } } } } } } }`;
  const cheap = offlineApi({ MAX_COST: '10000000' });
  const strict = offlineApi({ MAX_COST: '50' });
  afterAll(async () => {
    await cheap.close();
    await strict.close();
  });

  it('refuses a query that costs more than MAX_COST, before any resolver runs', async () => {
    const r = await strict.gql(WIDE);
    expect(r.body.data ?? null).toBeNull();
    expect(codesOf(r)).toEqual([expect.stringMatching(/^(QUERY_TOO_EXPENSIVE|GRAPHQL_VALIDATION_FAILED)$/)]);
    expect(r.body.errors?.[0]?.message).toMatch(/cost/i);
    expect(r.text).not.toMatch(/roundTrips|INTERNAL_SERVER_ERROR/);
  });

  it('lets the same query through when the limit allows it (the refusal is the cost, nothing else)', async () => {
    const r = await cheap.gql(WIDE);
    // Past validation, the resolver reaches for the (absent) database: refused by nothing else.
    expect(codesOf(r)).toEqual(['SERVICE_UNAVAILABLE']);
  });

  it('lets a cheap query through the strict limit', async () => {
    const r = await strict.gql('{ __typename }');
    expect(r.body.errors).toBeUndefined();
    expect(r.body.data).toEqual({ __typename: 'Query' });
  });
});
