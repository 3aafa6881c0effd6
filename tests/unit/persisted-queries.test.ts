/**
 * Automatic persisted queries with the real client links (Apollo Client's PersistedQueryLink,
 * urql's persistedExchange) against the in-process API (their fetch goes to `yoga.fetch`), and
 * batching refused with Yoga's standard message, as Apollo's BatchHttpLink shows it. The
 * queries are introspection fields, so no database is needed.
 */
import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { QueryStore, usePersistedQueries } from '../../src/persisted-queries.js';
import { offlineApi } from '../support/offline-api.js';

const api = offlineApi();
afterAll(() => api.close());

const QUERY = 'query TypeName($name: String!) { __type(name: $name) { name kind } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Seen {
  method: string;
  hasQuery: boolean;
  hash?: string;
  status: number;
  text: string;
}
let seen: Seen[] = [];
beforeEach(() => {
  seen = [];
});

/** A fetch that goes to the in-process Yoga and records what the client sent and got. */
const recordingFetch: typeof fetch = async (input, init) => {
  const request = new Request(input as string, init);
  const url = new URL(request.url);
  let body: { query?: string; extensions?: { persistedQuery?: { sha256Hash: string } } } = {};
  if (request.method === 'GET') {
    body = {
      query: url.searchParams.get('query') ?? undefined,
      extensions: JSON.parse(url.searchParams.get('extensions') ?? '{}'),
    };
  } else {
    body = JSON.parse(await request.clone().text());
  }
  const response = await api.yoga.fetch(request);
  seen.push({
    method: request.method,
    hasQuery: typeof body.query === 'string' && body.query !== '',
    hash: body.extensions?.persistedQuery?.sha256Hash,
    status: response.status,
    text: await response.clone().text(),
  });
  return response;
};

describe('Apollo Client PersistedQueryLink', () => {
  const client = (useGETForHashedQueries: boolean) =>
    new ApolloClient({
      cache: new InMemoryCache(),
      link: ApolloLink.from([
        new PersistedQueryLink({ sha256, useGETForHashedQueries }),
        new HttpLink({ uri: 'http://yoga/graphql', fetch: recordingFetch }),
      ]),
    });

  it.each([
    ['POST', false, 'POST'],
    ['GET', true, 'GET'],
  ])('hash first, text once when unknown, then the hash alone (%s)', async (_name, useGET, hashedMethod) => {
    const c = client(useGET);
    // A text of its own per case, so each starts with a hash the server does not know.
    const query = gql(QUERY.replace('TypeName', `TypeName${hashedMethod}`));
    const first = await c.query({ query, variables: { name: 'Claim' }, fetchPolicy: 'no-cache' });
    expect(first.data).toEqual({ __type: { __typename: '__Type', name: 'Claim', kind: 'OBJECT' } });
    const again = await c.query({ query, variables: { name: 'Agent' }, fetchPolicy: 'no-cache' });
    expect(again.data).toEqual({ __type: { __typename: '__Type', name: 'Agent', kind: 'INTERFACE' } });
    expect(new Set(seen.map((s) => s.hash)).size).toBe(1);
    expect(seen.map((s) => [s.method, s.hasQuery, s.status])).toEqual([
      [hashedMethod, false, 200], // unknown hash: PersistedQueryNotFound
      ['POST', true, 200], // resent with the text, stored
      [hashedMethod, false, 200], // known hash: no text
    ]);
  });
});

describe('urql persistedExchange', () => {
  it('hash first, text once when unknown, then the hash alone', async () => {
    const client = new Client({
      url: 'http://yoga/graphql',
      fetch: recordingFetch,
      requestPolicy: 'network-only',
      exchanges: [persistedExchange({ preferGetForPersistedQueries: false }), fetchExchange],
    });
    const text = 'query UrqlTypeName($name: String!) { __type(name: $name) { name } }';
    const first = await client.query(text, { name: 'Claim' }).toPromise();
    expect(first.error).toBeUndefined();
    expect(first.data).toEqual({ __type: { name: 'Claim' } });
    const again = await client.query(text, { name: 'Source' }).toPromise();
    expect(again.data).toEqual({ __type: { name: 'Source' } });
    expect(seen.map((s) => [s.method, s.hasQuery])).toEqual([
      ['POST', false],
      ['POST', true],
      ['POST', false],
    ]);
  });
});

describe('the protocol', () => {
  const send = (body: unknown) => api.send(JSON.stringify(body));

  it('an unknown hash answers PERSISTED_QUERY_NOT_FOUND; a text that does not match its hash is refused', async () => {
    const unknown = await send({
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ nope }') } },
    });
    expect(unknown.body.errors?.[0]).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
    const mismatch = await send({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } },
    });
    expect(mismatch.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(mismatch.body.data ?? null).toBeNull();
    const version = await send({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } },
    });
    expect(version.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });

  it('a registered query goes through the same guards as any other', async () => {
    let deep = 'name';
    for (let i = 0; i < 12; i++) deep = `ofType { ${deep} }`;
    const query = `{ __schema { all: types { fields { type { ${deep} } } } } }`;
    const r = await send({
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } },
    });
    expect(r.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('the store is bounded: least recently used first out; long texts are not stored', async () => {
    const store = new QueryStore(2);
    store.set('a', '1');
    store.set('b', '2');
    store.get('a');
    store.set('c', '3');
    expect([store.get('a'), store.get('b'), store.get('c'), store.size]).toEqual(['1', undefined, '3', 2]);

    const plugin = usePersistedQueries({ maxEntries: 10, maxQueryLength: 20 });
    const register = (query: string) => {
      const params = { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } };
      (plugin.onParams as (p: unknown) => void)({ params, setParams: () => {} });
    };
    register('{ __typename }');
    register(`{ __typename ${'__typename '.repeat(5)}}`);
    expect(plugin.store.size).toBe(1);
    for (let i = 0; i < 30; i++) register(`{ a${i}: __typename }`);
    expect(plugin.store.size).toBe(10);
  });
});

describe('batching', () => {
  it('is refused with the standard message, as Apollo BatchHttpLink shows it', async () => {
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: new BatchHttpLink({ uri: 'http://yoga/graphql', fetch: recordingFetch, batchMax: 5 }),
    });
    const results = await Promise.allSettled([
      client.query({
        query: gql`
          {
            __typename
          }
        `,
        fetchPolicy: 'no-cache',
      }),
      client.query({
        query: gql`
          {
            a: __typename
          }
        `,
        fetchPolicy: 'no-cache',
      }),
    ]);
    // One HTTP request for both operations, answered 400 with Yoga's standard message; Apollo
    // reports it to the caller as a result-count mismatch, so the README says to use HttpLink.
    expect(seen.map((s) => s.status)).toEqual([400]);
    expect(JSON.parse(seen[0]!.text)).toMatchObject({
      errors: [{ message: 'Batching is not supported.', extensions: { code: 'BAD_REQUEST' } }],
    });
    for (const r of results) {
      expect(r.status).toBe('rejected');
      expect(String((r as PromiseRejectedResult).reason)).toMatch(
        /server returned results with length 1, expected length of 2/,
      );
    }
  });
});
