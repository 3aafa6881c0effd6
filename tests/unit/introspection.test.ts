/**
 * Tools get the schema: the standard introspection query (graphql-js's, in every option
 * combination, and GraphiQL's variants) passes the query guards through Yoga and builds a client
 * schema equal to ours, while introspection that nests its way into a large answer stays
 * refused. `/schema.graphql` and `/graphql?sdl` serve the SDL. No database is needed.
 */
import {
  buildClientSchema,
  getIntrospectionQuery,
  lexicographicSortSchema,
  parse,
  printSchema,
  type IntrospectionOptions,
  type IntrospectionQuery,
} from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { httpRoutes } from '../../src/http-routes.js';
import { isStandardIntrospection, MAX_OF_TYPE_CHAIN } from '../../src/introspection.js';
import { printedSchema } from '../../src/schema/index.js';
import { buildYoga } from '../../src/yoga.js';
import { READER_KEY } from '../support/api.js';
import { codesOf, offlineApi } from '../support/offline-api.js';

const api = offlineApi();
const closed = offlineApi({ PUBLIC_READS: 'false' });
afterAll(async () => {
  await api.close();
  await closed.close();
});

/** Every combination of graphql-js's introspection options. */
const OPTION_NAMES = [
  'descriptions',
  'specifiedByUrl',
  'directiveIsRepeatable',
  'schemaDescription',
  'inputValueDeprecation',
  'oneOf',
] as const;
const allOptions: IntrospectionOptions[] = Array.from({ length: 1 << OPTION_NAMES.length }, (_, bits) =>
  Object.fromEntries(OPTION_NAMES.map((name, i) => [name, Boolean(bits & (1 << i))])),
);

/** What GraphiQL (as bundled by @graphql-yoga/render-graphiql) sends. */
const graphiqlQuery = getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true });
const GRAPHIQL_VARIANTS = {
  graphiql: graphiqlQuery,
  // GraphiQL retries without subscriptionType for servers that lack it, and lets the name be set.
  'graphiql without subscriptions': graphiqlQuery.replace('subscriptionType { name }', ''),
  'graphiql renamed': graphiqlQuery.replace('query IntrospectionQuery', 'query GraphiQLIntrospection'),
};

describe('the standard introspection query', () => {
  it('is recognised in all 64 option combinations of getIntrospectionQuery and in GraphiQL’s variants', () => {
    for (const options of allOptions)
      expect(isStandardIntrospection(parse(getIntrospectionQuery(options)))).toBe(true);
    for (const query of Object.values(GRAPHIQL_VARIANTS))
      expect(isStandardIntrospection(parse(query))).toBe(true);
  });

  it.each([
    ['graphql-js default', getIntrospectionQuery()],
    [
      'graphql-js, every option',
      getIntrospectionQuery(Object.fromEntries(OPTION_NAMES.map((n) => [n, true]))),
    ],
    ...Object.entries(GRAPHIQL_VARIANTS),
  ])('%s passes the guards through Yoga and builds our schema', async (_name, query) => {
    const r = await api.gql(query);
    expect(r.body.errors).toBeUndefined();
    expect(r.status).toBe(200);
    const client = buildClientSchema(r.body.data as IntrospectionQuery);
    // The schema the client builds is ours, type for type and field for field (directives that
    // only some option combinations ask for aside).
    const withoutOptional = (sdl: string) =>
      sdl.replace(/ @specifiedBy\(url: "[^"]*"\)| @oneOf/g, '').trimEnd();
    expect(withoutOptional(printSchema(lexicographicSortSchema(client)))).toBe(
      withoutOptional(printedSchema()),
    );
  });

  it('is let through by the exemption: the same query with one alias is refused by the guards', async () => {
    const r = await api.gql(getIntrospectionQuery().replace('__schema {', 'schema: __schema {'));
    expect(r.body.data ?? null).toBeNull();
    expect(codesOf(r)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(r.body.errors?.map((e) => e.message).join(' ')).toMatch(/depth limit of 12 exceeded|Cost limit/);
  });

  it('still needs a key where reads do', async () => {
    const refused = await closed.gql(getIntrospectionQuery());
    expect(codesOf(refused)).toEqual(['UNAUTHENTICATED']);
    const allowed = await closed.gql(getIntrospectionQuery(), { authorization: `Bearer ${READER_KEY}` });
    expect(allowed.body.errors).toBeUndefined();
  });
});

describe('introspection that is not the standard shape stays under the guards', () => {
  /** `fields { type { fields { type { ... } } } }` n times: grows with every level. */
  const typeFieldsNest = (n: number) => {
    let q = 'name';
    for (let i = 0; i < n; i++) q = `fields { type { ${q} } }`;
    return `{ __schema { types { ${q} } } }`;
  };
  const ofTypes = (n: number) => {
    let q = 'name';
    for (let i = 0; i < n; i++) q = `ofType { ${q} }`;
    return `{ __schema { types { fields { type { ${q} } } } } }`;
  };
  const aliased = `{ ${Array.from({ length: 40 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`;

  it.each([
    ['types in full below a field type', typeFieldsNest(2)],
    ['interfaces in full', '{ __schema { types { interfaces { fields { name } } } } }'],
    ['an ofType chain longer than any type needs', ofTypes(MAX_OF_TYPE_CHAIN + 1)],
    ['aliases', '{ a: __schema { types { name } } }'],
    ['a data field beside __schema', '{ __schema { types { name } } claims { totalCount } }'],
    ['a directive', '{ __schema { types @include(if: true) { name } } }'],
    ['a mutation', 'mutation { __typename }'],
    ['two operations', 'query A { __typename } query B { __typename }'],
    ['an unknown introspection field', '{ __schema { types { nope } } }'],
    ['a fragment cycle', '{ __schema { ...A } } fragment A on __Schema { types { name } ...A }'],
  ])('not exempt: %s', (_name, query) => {
    expect(isStandardIntrospection(parse(query))).toBe(false);
  });

  it('the guards refuse the nesting tricks: deep type nesting, long ofType chains, alias floods', async () => {
    const deep = await api.gql(typeFieldsNest(6));
    expect(deep.body.data ?? null).toBeNull();
    expect(codesOf(deep)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(deep.body.errors?.map((e) => e.message).join(' ')).toMatch(/depth limit|Cost limit/i);

    const chain = await api.gql(ofTypes(api.config.MAX_QUERY_DEPTH));
    expect(codesOf(chain)).toContain('GRAPHQL_VALIDATION_FAILED');

    const flood = await api.gql(aliased);
    expect(codesOf(flood)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(flood.body.errors?.map((e) => e.message).join(' ')).toMatch(/Aliases limit/i);
  });
});

describe('SDL routes', () => {
  const yoga = buildYoga({
    config: api.config,
    db: api.db,
    plugins: httpRoutes({ config: api.config, db: api.db }),
  });

  it.each(['/schema.graphql', '/graphql?sdl'])('GET %s serves the printed schema', async (route) => {
    const response = await yoga.fetch(`http://yoga${route}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const sdl = await response.text();
    expect(sdl).toBe(printedSchema());
    expect(sdl).toMatch(/^type Query \{$/m);
    // Revalidation is cheap.
    const again = await yoga.fetch(`http://yoga${route}`, {
      headers: { 'if-none-match': response.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('refuses a wrong key, and anonymous callers when reads need a key', async () => {
    const wrong = await yoga.fetch('http://yoga/schema.graphql', {
      headers: { authorization: 'Bearer nope-nope-nope-nope' },
    });
    expect(wrong.status).toBe(401);
    const closedYoga = buildYoga({
      config: closed.config,
      db: closed.db,
      plugins: httpRoutes({ config: closed.config, db: closed.db }),
    });
    expect((await closedYoga.fetch('http://yoga/graphql?sdl')).status).toBe(401);
    const keyed = await closedYoga.fetch('http://yoga/graphql?sdl', {
      headers: { authorization: `Bearer ${READER_KEY}` },
    });
    expect(keyed.status).toBe(200);
  });
});
