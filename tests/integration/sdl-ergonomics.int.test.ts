/**
 * The 0.2.0 schema ergonomics on the seed article (CHANGELOG.md): one connection type per node
 * type, enums on the wire, cursors bound to their list and sort order, and `nodes(ids)` that
 * fails only the ids that are bad.
 */
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest.js';
import { useTestGraph } from '../support/db.js';
import { graphApi, seedDocument, API_KEYS } from '../support/api.js';

const SHARAA = 'noonpost-7628#sharaa-golan-compromise-end-presidency';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

const graph = useTestGraph({ config: { API_KEYS }, seed: (db) => ingestDocument(db, seedDocument()) });
const api = graphApi(graph);

describe('shared connection types', () => {
  it('gives every claim list the one ClaimConnection, so one fragment serves them all', async () => {
    const r = await api.gql(`
      fragment Page on ClaimConnection { __typename totalCount edges { __typename cursor node { key } } }
      {
        claims(first: 2) { ...Page }
        searchClaims(query: "Golan", first: 2) { ...Page }
        contestedClaims(first: 2) { ...Page }
        claim(key: "${SHARAA}") {
          speaker { said(first: 2) { ...Page } passedOn(first: 2) { ...Page } saidAbout(first: 2) { ...Page } }
          article { claims(first: 2) { ...Page } }
        }
      }`);
    expect(r.errors).toBeUndefined();
    const d = r.data!;
    const pages = [
      d.claims,
      d.searchClaims,
      d.contestedClaims,
      d.claim.speaker.said,
      d.claim.speaker.passedOn,
      d.claim.speaker.saidAbout,
      d.claim.article.claims,
    ];
    for (const page of pages) expect(page.__typename).toBe('ClaimConnection');
    expect(d.claims.edges[0].__typename).toBe('ClaimEdge');
    expect(d.claim.speaker.said.totalCount).toBeGreaterThan(0);
  });
});

describe('enums on the wire', () => {
  it('answers roles, kinds, agent types, grade factors and statuses as SCREAMING_SNAKE_CASE enum values', async () => {
    const r = await api.gql(`{
      claim(key: "${SHARAA}") {
        kind status
        provenance { chain { role agent { ... on Source { sourceKind: kind } ... on Actor { actorKind: kind } } } }
        grade { factors { factor } }
      }
      agents(name: "Reuters", types: [SOURCE], first: 1) { edges { node { __typename name } } }
    }`);
    expect(r.errors).toBeUndefined();
    const claim = r.data!.claim;
    expect(claim.status).toBe('ACCEPTED');
    expect(claim.provenance.chain[0].role).toBe('PUBLISHED');
    // SourceKind and ActorKind are different enums: one selection asks them under two names.
    expect(claim.provenance.chain.map((h: any) => h.agent.sourceKind ?? h.agent.actorKind)).toEqual([
      'OUTLET',
      'WIRE',
      'ANONYMOUS',
      'PERSON',
    ]);
    expect(claim.grade.factors.map((f: any) => f.factor)).toContain('ORIGIN_RELIABILITY');
    for (const value of [claim.kind, ...claim.provenance.chain.map((h: any) => h.role)]) {
      expect(value).toMatch(/^[A-Z][A-Z_]*$/);
    }
    expect(r.data!.agents.edges[0].node).toEqual({ __typename: 'Source', name: 'Reuters' });
  });

  it('takes enum values as input, and refuses the old lower-case ones', async () => {
    const ok = await api.gql(
      `{ claims(filter: { kinds: [QUOTE, DEMAND] }, first: 50) { edges { node { kind } } } }`,
    );
    expect(ok.errors).toBeUndefined();
    for (const e of ok.data!.claims.edges) expect(['QUOTE', 'DEMAND']).toContain(e.node.kind);
    const old = await api.gql(`{ claims(filter: { kinds: [quote] }) { totalCount } }`);
    expect(old.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('cursors bound to their list', () => {
  const page = (args: string) =>
    api.gql(`{ claims(${args}) { edges { node { key } } pageInfo { endCursor } } }`);

  it('continues a list with its own cursor', async () => {
    const all = await page('first: 6, orderBy: CONFIDENCE_DESC');
    const first = await page('first: 3, orderBy: CONFIDENCE_DESC');
    const next = await page(
      `first: 3, orderBy: CONFIDENCE_DESC, after: "${first.data!.claims.pageInfo.endCursor}"`,
    );
    expect(next.errors).toBeUndefined();
    expect([...first.data!.claims.edges, ...next.data!.claims.edges]).toEqual(all.data!.claims.edges);
  });

  it('refuses a cursor from another sort order, filter or parent with BAD_USER_INPUT', async () => {
    const cursor = (await page('first: 3, orderBy: SAID_AT_DESC')).data!.claims.pageInfo.endCursor as string;
    // Leaving orderBy out means its default, SAID_AT_DESC: the same list.
    expect((await page(`first: 3, after: "${cursor}"`)).errors).toBeUndefined();
    for (const other of [
      `first: 3, orderBy: KEY_ASC, after: "${cursor}"`,
      `first: 3, orderBy: SAID_AT_DESC, filter: { kinds: [QUOTE] }, after: "${cursor}"`,
      `last: 3, orderBy: CONFIDENCE_ASC, before: "${cursor}"`,
    ]) {
      const r = await page(other);
      expect(r.data ?? null).toBeNull();
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(r.errors?.[0]?.message).toMatch(/another list, sort order or filter/);
    }
    const elsewhere = await api.gql(
      `{ claim(key: "${SHARAA}") { article { claims(first: 2, after: "${cursor}") { totalCount } } } }`,
    );
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses forged and malformed cursors with BAD_USER_INPUT, never an internal error', async () => {
    const binding = JSON.parse(
      Buffer.from((await page('first: 1')).data!.claims.pageInfo.endCursor as string, 'base64url').toString(),
    ).l as string;
    const forged = [
      b64('OffsetConnection:-5'),
      b64('OffsetConnection:NaN'),
      b64('OffsetConnection:Infinity'),
      b64('OffsetConnection:9007199254740993'),
      b64('anything at all'),
      b64url(JSON.stringify({ v: 1, l: binding, o: -5 })),
      b64url(JSON.stringify({ v: 1, l: binding, o: 1.5 })),
      b64url(`{"v":1,"l":"${binding}","o":9007199254740993}`),
      b64url(JSON.stringify({ v: 1, l: binding, o: '1' })),
      b64url(`{"v":1,"l":"${binding}","o":1e999}`),
      b64url(JSON.stringify({ v: 2, l: binding, o: 1 })),
      'NaN',
      'Infinity',
      '9007199254740993',
      '',
      '%%%',
      'x'.repeat(10_000),
    ];
    for (const cursor of forged) {
      for (const name of ['after', 'before']) {
        const r = await api.gql(`query($c: String) { claims(first: 2, ${name}: $c) { totalCount } }`, {
          c: cursor,
        });
        expect(r.data ?? null, `${name}: ${cursor.slice(0, 40)}`).toBeNull();
        expect(r.errors?.[0]?.extensions, `${name}: ${cursor.slice(0, 40)}`).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: name,
        });
      }
    }
    // An offset cursor (this API's format before keyset cursors) is refused too.
    const offset = b64url(JSON.stringify({ v: 1, l: binding, o: 0 }));
    const old = await page(`first: 1, after: "${offset}"`);
    expect(old.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    // A well-formed keyset cursor of this list with values of our choosing is simply a place in it
    // (the default order, SAID_AT_DESC: known time, latest day, key).
    const own = b64url(JSON.stringify({ v: 2, l: binding, k: [false, '2026-01-01', 'z'] }));
    expect((await page(`first: 1, after: "${own}"`)).errors).toBeUndefined();
  });
});

describe('nodes(ids)', () => {
  it('gives null and an error at the index of each bad id only; the other ids still resolve', async () => {
    const first = await api.gql(`{ claim(key: "${SHARAA}") { id speaker { ... on Actor { id } } } }`);
    const claimId = first.data!.claim.id as string;
    const actorId = first.data!.claim.speaker.id as string;
    const r = await api.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Claim { key } ... on Actor { name } } }`,
      {
        ids: [actorId, 'not a global id', claimId, b64('Revision:x#y@v1'), b64('Claim:nope#none')],
      },
    );
    expect(r.data!.nodes[0]).toMatchObject({ __typename: 'Actor', name: 'Ahmad al-Sharaa' });
    expect(r.data!.nodes[1]).toBeNull();
    expect(r.data!.nodes[2]).toMatchObject({ __typename: 'Claim', key: SHARAA });
    expect(r.data!.nodes[3]).toBeNull();
    // An id that is well formed but names nothing is null without an error.
    expect(r.data!.nodes[4]).toBeNull();
    expect(r.errors!.map((e) => [e.path, e.extensions?.code])).toEqual([
      [['nodes', 1], 'BAD_USER_INPUT'],
      [['nodes', 3], 'BAD_USER_INPUT'],
    ]);
  });
});

describe('scalars', () => {
  it('say which specification they follow', async () => {
    const r = await api.gql(`{
      date: __type(name: "Date") { specifiedByURL }
      dateTime: __type(name: "DateTime") { specifiedByURL }
      json: __type(name: "JSON") { specifiedByURL }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.date.specifiedByURL).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc3339/);
    expect(r.data!.dateTime.specifiedByURL).toMatch(/^https:\/\/www\.rfc-editor\.org\/rfc\/rfc3339/);
    expect(r.data!.json.specifiedByURL).toBe('https://www.rfc-editor.org/rfc/rfc8259');
  });
});
