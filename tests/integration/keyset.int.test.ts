/**
 * Keyset cursors on every connection, through GraphQL on Neo4j (src/graph/keyset.ts): walking a
 * list page by page with its cursors, forwards or backwards, gives exactly the whole list in
 * order (ties and unknown dates included), the order being the documented one recomputed here
 * from the claims' own fields; claims inserted between two page requests neither repeat nor hide
 * the rows that were there; a cursor from another list, or one whose values do not fit its
 * order, is BAD_USER_INPUT naming the argument.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_ORDERS, type ClaimOrder } from '../../src/domain/model.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { useTestGraph } from '../support/db.js';
import { graphApi, seedDocument, API_KEYS } from '../support/api.js';

const SHARAA = 'noonpost-7628#sharaa-golan-compromise-end-presidency';
// Every order the API offers (a new one is walked here without a change to this file).
const ORDERS = CLAIM_ORDERS;
type Order = ClaimOrder;

/** The seed article again under another id: as many claims again, the same dates and grades. */
function copyOfSeed(id: string): unknown {
  const doc = seedDocument() as { article: { id: string; url: string } };
  doc.article.id = id;
  doc.article.url = `https://example.org/${id}`;
  return doc;
}

const graph = useTestGraph({ config: { API_KEYS }, seed: (db) => ingestDocument(db, seedDocument()) });
const api = graphApi(graph);

interface Edge {
  cursor: string;
  node: { key: string };
}
interface Connection {
  totalCount: number;
  edges: Edge[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const PAGE = `totalCount edges { cursor node { key } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

/**
 * Walks a connection to its end (forwards) or its start (backwards) in pages of `size`; `field`
 * is the path from `data` to the connection, `query` builds the request for paging arguments.
 */
async function walk(
  query: (paging: string) => string,
  field: (data: any) => Connection,
  size: number,
  backwards = false,
): Promise<{ keys: string[]; total: number; pages: number }> {
  const keys: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  let total = -1;
  for (;;) {
    const paging: string = backwards
      ? `last: ${size}${cursor ? `, before: "${cursor}"` : ''}`
      : `first: ${size}${cursor ? `, after: "${cursor}"` : ''}`;
    const r = await api.gql(query(paging));
    expect(r.errors, paging).toBeUndefined();
    const c = field(r.data);
    pages++;
    total = c.totalCount;
    const got = c.edges.map((e) => e.node.key);
    if (backwards) keys.unshift(...got);
    else keys.push(...got);
    const more = backwards ? c.pageInfo.hasPreviousPage : c.pageInfo.hasNextPage;
    if (!more) break;
    expect(got.length, 'a page before the end is full').toBe(size);
    cursor = backwards ? c.pageInfo.startCursor : c.pageInfo.endCursor;
    expect(pages).toBeLessThan(500);
  }
  return { keys, total, pages };
}

interface ClaimFacts {
  key: string;
  earliest: string | null;
  latest: string | null;
  confidence: number | null;
}

/** Every claim's sort fields, read page by page in key order. */
async function claimFacts(): Promise<ClaimFacts[]> {
  const facts: ClaimFacts[] = [];
  let after: string | null = null;
  for (;;) {
    const r: { data?: Record<string, any> | null; errors?: unknown } = await api.gql(
      `query($after: String) { claims(first: 50, orderBy: KEY_ASC, after: $after) {
        edges { node { key said { earliest latest } grade { confidence } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(r.errors).toBeUndefined();
    for (const e of r.data!.claims.edges) {
      facts.push({
        key: e.node.key,
        earliest: e.node.said.earliest,
        latest: e.node.said.latest,
        confidence: e.node.grade?.confidence ?? null,
      });
    }
    if (!r.data!.claims.pageInfo.hasNextPage) return facts;
    after = r.data!.claims.pageInfo.endCursor;
  }
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** The documented order (README, docs/grading.md): unknown dates and ungraded claims last both ways. */
function expectedOrder(facts: ClaimFacts[], order: Order): string[] {
  const by = (c: ClaimFacts): [number, string | number, string] => {
    const unknown = c.earliest === null && c.latest === null ? 1 : 0;
    switch (order) {
      case 'SAID_AT_DESC':
        return [unknown, c.latest ?? c.earliest ?? '', c.key];
      case 'SAID_AT_ASC':
        return [unknown, c.earliest ?? c.latest ?? '', c.key];
      case 'CONFIDENCE_DESC':
      case 'CONFIDENCE_ASC':
        return [c.confidence === null ? 1 : 0, c.confidence ?? 0, c.key];
      case 'KEY_ASC':
        return [0, 0, c.key];
    }
  };
  const desc = order.endsWith('_DESC') ? -1 : 1;
  return [...facts]
    .sort((x, y) => {
      const [a, b] = [by(x), by(y)];
      return cmp(a[0], b[0]) || desc * cmp(a[1], b[1]) || cmp(a[2], b[2]);
    })
    .map((c) => c.key);
}

describe('walking every claim order with its cursors', () => {
  it('the seed has the ties and unknowns the orders must get right', async () => {
    const facts = await claimFacts();
    expect(facts.length).toBeGreaterThan(50);
    expect(facts.filter((c) => c.earliest === null && c.latest === null).length).toBeGreaterThan(5);
    expect(facts.filter((c) => c.confidence === null).length).toBeGreaterThan(0);
    const days = facts.map((c) => c.latest ?? c.earliest).filter((d) => d !== null);
    expect(new Set(days).size, 'several claims share a day').toBeLessThan(days.length);
    const grades = facts.map((c) => c.confidence).filter((x) => x !== null);
    expect(new Set(grades).size, 'several claims share a confidence').toBeLessThan(grades.length);
  });

  it.each(ORDERS)(
    '%s: forwards and backwards, every page size, exactly the ordered list',
    async (order) => {
      const expected = expectedOrder(await claimFacts(), order);
      for (const size of [1, 7, 50]) {
        for (const backwards of [false, true]) {
          const { keys, total, pages } = await walk(
            (p) => `{ claims(orderBy: ${order}, ${p}) { ${PAGE} } }`,
            (d) => d.claims,
            size,
            backwards,
          );
          expect(total).toBe(expected.length);
          expect(keys, `${order} size ${size}${backwards ? ' backwards' : ''}`).toEqual(expected);
          expect(pages).toBe(Math.ceil(expected.length / size));
        }
      }
    },
    300_000,
  );

  it('a filtered list walks the same way (quotes, newest first)', async () => {
    const all = await walk(
      (p) => `{ claims(orderBy: SAID_AT_DESC, filter: { kinds: [QUOTE, STATEMENT] }, ${p}) { ${PAGE} } }`,
      (d) => d.claims,
      50,
    );
    const paged = await walk(
      (p) => `{ claims(orderBy: SAID_AT_DESC, filter: { kinds: [QUOTE, STATEMENT] }, ${p}) { ${PAGE} } }`,
      (d) => d.claims,
      3,
    );
    expect(all.keys.length).toBeGreaterThan(3);
    expect(paged.keys).toEqual(all.keys);
  });

  it('first and last together give the last of the first, with the right page flags', async () => {
    const expected = expectedOrder(await claimFacts(), 'KEY_ASC');
    const r = await api.gql(`{ claims(orderBy: KEY_ASC, first: 10, last: 3) { ${PAGE} } }`);
    const c: Connection = r.data!.claims;
    expect(c.edges.map((e) => e.node.key)).toEqual(expected.slice(7, 10));
    expect(c.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const between = await api.gql(
      `{ claims(orderBy: KEY_ASC, after: "${c.edges[0]!.cursor}", before: "${c.edges[2]!.cursor}") { ${PAGE} } }`,
    );
    expect(between.data!.claims.edges.map((e: Edge) => e.node.key)).toEqual([expected[8]]);
  });
});

describe('walking every other connection with its cursors', () => {
  /** Each connection, as a query for paging arguments and the path to it. */
  const lists: [string, (p: string) => string, (d: any) => Connection][] = [
    ['searchClaims', (p) => `{ searchClaims(query: "Syria", ${p}) { ${PAGE} } }`, (d) => d.searchClaims],
    ['contestedClaims', (p) => `{ contestedClaims(${p}) { ${PAGE} } }`, (d) => d.contestedClaims],
    ['agents', (p) => `{ agents(name: "Syria", ${p}) { ${PAGE} } }`, (d) => d.agents],
    ['articles', (p) => `{ articles(${p}) { ${PAGE} } }`, (d) => d.articles],
    ['timeline', (p) => `{ timeline(${p}) { ${PAGE} } }`, (d) => d.timeline],
    [
      'launderedClaims',
      (p) =>
        `{ launderedClaims(${p}) { totalCount edges { cursor node { claim { key } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
      (d) => ({
        ...d.launderedClaims,
        edges: d.launderedClaims.edges.map((e: any) => ({
          cursor: e.cursor,
          node: { key: e.node.claim.key },
        })),
      }),
    ],
    ['proposedLinks', (p) => `{ proposedLinks(${p}) { ${PAGE} } }`, (d) => d.proposedLinks],
    [
      'Article.claims',
      (p) => `{ article(key: "article:noonpost-7628") { claims(${p}) { ${PAGE} } } }`,
      (d) => d.article.claims,
    ],
    [
      'Agent.said',
      (p) => `{ claim(key: "${SHARAA}") { speaker { said(${p}) { ${PAGE} } } } }`,
      (d) => d.claim.speaker.said,
    ],
    [
      'Agent.saidAbout',
      (p) => `{ agents(name: "Donald Trump", first: 1) { edges { node { saidAbout(${p}) { ${PAGE} } } } } }`,
      (d) => d.agents.edges[0].node.saidAbout,
    ],
    [
      'Agent.passedOn',
      (p) => `{ agent(key: "source:reuters") { passedOn(${p}) { ${PAGE} } } }`,
      (d) => d.agent.passedOn,
    ],
    [
      'Event.claims',
      (p) => `{ timeline(first: 1) { edges { node { claims(${p}) { ${PAGE} } } } } }`,
      (d) => d.timeline.edges[0].node.claims,
    ],
  ];

  it.each(lists)(
    '%s: pages of 2 forwards and backwards give the whole list',
    async (_name, query, field) => {
      const whole = await walk(query, field, 50);
      expect(whole.keys.length).toBe(whole.total);
      expect(new Set(whole.keys).size).toBe(whole.keys.length);
      for (const backwards of [false, true]) {
        const paged = await walk(query, field, 2, backwards);
        expect(paged.keys).toEqual(whole.keys);
      }
    },
    300_000,
  );
});

describe('cursors that do not fit', () => {
  const b64url = (s: string) => Buffer.from(s).toString('base64url');
  const body = (cursor: string) =>
    JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { l: string; k: unknown[] };

  it('refuses values of the wrong type or number for the order, as BAD_USER_INPUT naming the argument', async () => {
    const r = await api.gql(`{ claims(orderBy: CONFIDENCE_DESC, first: 1) { ${PAGE} } }`);
    const { l } = body(r.data!.claims.pageInfo.endCursor);
    for (const k of [
      [0.5, 'x'],
      ['yes', 0.5, 'x'],
      [false, '0.5', 'x'],
      [false, 0.5, 7],
      [false, 0.5, 'x', 'y'],
      [],
    ]) {
      const cursor = b64url(JSON.stringify({ v: 2, l, k }));
      for (const name of ['after', 'before']) {
        const bad = await api.gql(
          `query($c: String) { claims(orderBy: CONFIDENCE_DESC, first: 2, ${name}: $c) { totalCount } }`,
          {
            c: cursor,
          },
        );
        expect(bad.data ?? null, JSON.stringify(k)).toBeNull();
        expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: name });
      }
    }
    // Values of the right types are a place in the list, whether or not a row stands there.
    const own = b64url(JSON.stringify({ v: 2, l, k: [false, 0.5, 'zzz'] }));
    const ok = await api.gql(
      `{ claims(orderBy: CONFIDENCE_DESC, first: 2, after: "${own}") { edges { node { grade { confidence } } } } }`,
    );
    expect(ok.errors).toBeUndefined();
    for (const e of ok.data!.claims.edges) expect(e.node.grade?.confidence ?? 0).toBeLessThan(0.5);
  });

  it('refuses a cursor from another connection or another parent', async () => {
    const said = await api.gql(`{ claim(key: "${SHARAA}") { speaker { said(first: 1) { ${PAGE} } } } }`);
    const cursor = said.data!.claim.speaker.said.pageInfo.endCursor as string;
    for (const q of [
      `{ claims(first: 1, after: "${cursor}") { totalCount } }`,
      `{ agent(key: "source:reuters") { said(first: 1, after: "${cursor}") { totalCount } } }`,
      `{ claim(key: "${SHARAA}") { speaker { saidAbout(first: 1, after: "${cursor}") { totalCount } } } }`,
    ]) {
      const r = await api.gql(q);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(r.errors?.[0]?.message).toMatch(/another list, sort order or filter/);
    }
  });
});

// Last: it adds a second article to the graph the other tests read.
describe('claims inserted between two page requests', () => {
  it('in every order, the next page neither repeats nor skips a row that was there', async () => {
    const q = (order: Order, p: string) => `{ claims(orderBy: ${order}, ${p}) { ${PAGE} } }`;
    const before = new Map<Order, { keys: string[]; total: number; first: Connection }>();
    for (const order of ORDERS) {
      const all = await walk(
        (p) => q(order, p),
        (d) => d.claims,
        50,
      );
      const first = (await api.gql(q(order, 'first: 10'))).data!.claims as Connection;
      expect(first.edges.map((e) => e.node.key)).toEqual(all.keys.slice(0, 10));
      before.set(order, { ...all, first });
    }
    // 64 more claims with the same dates and grades: ties with every row, on both sides of each cursor.
    await ingestDocument(graph.db, copyOfSeed('aaa-copy'));
    for (const order of ORDERS) {
      const { keys, total, first } = before.get(order)!;
      const seen = first.edges.map((e) => e.node.key);
      const rest: string[] = [];
      let cursor = first.pageInfo.endCursor;
      for (;;) {
        const r = await api.gql(q(order, `first: 10, after: "${cursor}"`));
        expect(r.errors).toBeUndefined();
        const c = r.data!.claims as Connection;
        rest.push(...c.edges.map((e) => e.node.key));
        if (!c.pageInfo.hasNextPage) break;
        cursor = c.pageInfo.endCursor;
      }
      expect(
        rest.filter((k) => seen.includes(k)),
        `${order}: no row of the first page again`,
      ).toEqual([]);
      // The rows that were there continue in their order, none missing.
      expect(
        rest.filter((k) => keys.includes(k)),
        order,
      ).toEqual(keys.slice(10));
      // And the walk is exactly the new list after the cursor's row.
      const now = await walk(
        (p) => q(order, p),
        (d) => d.claims,
        50,
      );
      expect(now.total).toBe(total * 2);
      expect(rest, order).toEqual(now.keys.slice(now.keys.indexOf(seen[9]!) + 1));
      // The copy's keys sort before every seed key: in key order all of it lands before the cursor
      // (where an offset would have shown the first page again); in the other orders it ties
      // with rows on both sides, and the rows after the cursor are shown.
      const added = rest.filter((k) => k.startsWith('aaa-copy#')).length;
      if (order === 'KEY_ASC') expect(added).toBe(0);
      else expect(added, `${order}: new rows after the cursor are shown`).toBeGreaterThan(0);
    }
  }, 600_000);
});
