/**
 * A statement's journey through the API, on three reports of one wire story: Reuters (four unnamed
 * sources), SadaNews relaying Reuters and its sources, and Mehr News stating it under its own
 * dateline a day later. The links come the way an editor makes them: the matcher proposes on
 * ingest, the editor accepts the SAME_STATEMENT proposals the gold lists (fixtures/story/gold.json).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/app.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { apiClient, API_KEYS, EDITOR_KEY } from '../support/api.js';
import { useTestGraph } from '../support/db.js';

const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const IDS = ['reuters-2025-09-26-sweida-corridor-snag', 'sadanews-234899', 'mehr-news-237013'];
const REUTERS = 'reuters-2025-09-26-sweida-corridor-snag#pact-snag-sweida-corridor';
const SADA = 'sadanews-234899#security-deal-faltered-corridor';
const MEHR = 'mehr-news-237013#obstacle-stalled-pact-corridor';

const gold = JSON.parse(readFileSync(path.join(fixturesDir, 'story', 'gold.json'), 'utf8')) as {
  statements: { id: string; claims: string[] }[];
};
const sameInGold = (a: string, b: string) =>
  gold.statements.some((s) => s.claims.includes(a) && s.claims.includes(b));

const graph = useTestGraph({ config: { API_KEYS, MAX_PAGE_SIZE: '200' } });
beforeAll(async () => {
  for (const id of IDS) {
    const doc: unknown = JSON.parse(
      readFileSync(path.join(fixturesDir, 'story', 'documents', `${id}.json`), 'utf8'),
    );
    await ingestDocument(graph.db, doc, { by: 'test' });
  }
  const api = apiClient(graph.config, graph.db);
  const r = await api.gql<{ proposedLinks: any }>(
    `{ proposedLinks(type: SAME_STATEMENT, first: 200) { edges { node { key fromKey toKey } } } }`,
  );
  for (const { node } of r.data!.proposedLinks.edges as {
    node: { key: string; fromKey: string; toKey: string };
  }[]) {
    if (!sameInGold(node.fromKey, node.toKey)) continue;
    const a = await api.gql(
      `mutation($i: DecideLinkInput!) { acceptLink(input: $i) { __typename } }`,
      { i: { proposal: node.key } },
      editor,
    );
    expect(a.errors).toBeUndefined();
  }
}, 900_000);

const STATEMENT = `query($k: String!) { statement(claim: $k) {
  firstReporter { key }
  independentAppearances
  appearances { claim { key } publishedAt publisher { key } cites { key } lagHours independent
    dependsOn { key } laundering { earlier { key } reason } }
  laundered { claim { key } earlier { key } }
} }`;

describe('a statement across outlets', () => {
  it('orders appearances by publication, names the first reporter, who cites whom and the lag', async () => {
    const api = apiClient(graph.config, graph.db);
    const r = await api.gql<{ statement: any }>(STATEMENT, { k: MEHR });
    expect(r.errors).toBeUndefined();
    const s = r.data!.statement;
    expect(s.appearances.map((a: any) => a.claim.key)).toEqual([REUTERS, SADA, MEHR]);
    expect(s.firstReporter.key).toBe('source:reuters');
    const [reuters, sada, mehr] = s.appearances;
    expect(reuters.cites.map((a: any) => a.key)).toEqual([
      'source:reuters-2025-09-26-sweida-corridor-snag:four-sources',
    ]);
    expect(sada.publisher.key).toBe('source:sadanews');
    expect(sada.cites.map((a: any) => a.key)).toEqual([
      'source:reuters',
      'source:sadanews-234899:four-sources',
    ]);
    expect(mehr.cites).toEqual([]);
    expect([reuters.lagHours, sada.lagHours, mehr.lagHours]).toEqual([0, 0, 24]);
  });

  it('tells which appearances are independent: the relay of the wire and the unsourced copy are not', async () => {
    const api = apiClient(graph.config, graph.db);
    const s = (await api.gql<{ statement: any }>(STATEMENT, { k: REUTERS })).data!.statement;
    const [reuters, sada, mehr] = s.appearances;
    expect(reuters.independent).toBe(true);
    expect(sada.independent).toBe(false);
    expect(sada.dependsOn.map((c: any) => c.key)).toEqual([REUTERS]);
    expect(mehr.independent).toBe(false);
    expect(mehr.dependsOn.map((c: any) => c.key)).toContain(REUTERS);
    expect(s.independentAppearances).toBe(1);
  });

  it('flags the laundered appearance (Mehr states as fact what Reuters attributed), not the relay that keeps the sources', async () => {
    const api = apiClient(graph.config, graph.db);
    const s = (await api.gql<{ statement: any }>(STATEMENT, { k: SADA })).data!.statement;
    const [, sada, mehr] = s.appearances;
    expect(sada.laundering).toBeNull();
    expect(mehr.laundering.earlier.key).toBe(REUTERS);
    expect(mehr.laundering.reason).toContain('states as fact');
    expect(s.laundered).toEqual([{ claim: { key: MEHR }, earlier: { key: REUTERS } }]);

    const all = await api.gql<{ launderedClaims: any }>(
      `{ launderedClaims(first: 50) { totalCount edges { node { claim { key } earlier { key } reason } } } }`,
    );
    expect(all.errors).toBeUndefined();
    const keys = all.data!.launderedClaims.edges.map((e: any) => e.node.claim.key);
    expect(keys).toContain(MEHR);
    expect(keys).not.toContain(SADA);
    expect(all.data!.launderedClaims.totalCount).toBe(keys.length);
    // The gold's negative case: SadaNews keeps the four unnamed sources.
    expect(keys).not.toContain('sadanews-234899#israel-brought-request-back-late');
  });

  it('launderedClaims, found and paged in Cypher, lists exactly what the journeys of all claims flag', async () => {
    const api = apiClient(graph.config, graph.db);
    // The domain rule: every claim's statement journey, through the API, and the launderings in it.
    const expected = new Map<string, { earlier: string; reason: string }>();
    for (const id of IDS) {
      const doc = JSON.parse(
        readFileSync(path.join(fixturesDir, 'story', 'documents', `${id}.json`), 'utf8'),
      ) as { article: { id: string }; claims: { id: string }[] };
      for (const c of doc.claims) {
        const r = await api.gql<{ statement: any }>(
          `query($k: String!) { statement(claim: $k) { appearances { claim { key } laundering { earlier { key } reason } } } }`,
          { k: `${doc.article.id}#${c.id}` },
        );
        expect(r.errors).toBeUndefined();
        for (const a of r.data!.statement.appearances)
          if (a.laundering)
            expected.set(a.claim.key, { earlier: a.laundering.earlier.key, reason: a.laundering.reason });
      }
    }
    expect(expected.size).toBeGreaterThan(0);
    // The query's rule, a page of one at a time so the paging itself is exercised.
    const found = new Map<string, { earlier: string; reason: string }>();
    let after: string | null = null;
    let total = -1;
    for (;;) {
      const r: { data?: { launderedClaims: any }; errors?: unknown } = await api.gql<{
        launderedClaims: any;
      }>(
        `query($after: String) { launderedClaims(first: 1, after: $after) { totalCount
          pageInfo { hasNextPage endCursor } edges { node { claim { key } earlier { key } reason } } } }`,
        { after },
      );
      expect(r.errors).toBeUndefined();
      const c = r.data!.launderedClaims;
      total = c.totalCount;
      for (const e of c.edges)
        found.set(e.node.claim.key, { earlier: e.node.earlier.key, reason: e.node.reason });
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(total).toBe(expected.size);
    expect(Object.fromEntries([...found].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });

  it('shows the relay of the wire resting on possibly the same unnamed sources', async () => {
    const api = apiClient(graph.config, graph.db);
    const r = await api.gql<{ claim: any }>(
      `query($k: String!) { claim(key: $k) { sharedOrigins { claim { key } shared { basis agent { key } } } } }`,
      { k: SADA },
    );
    expect(r.errors).toBeUndefined();
    const withReuters = r.data!.claim.sharedOrigins.find((o: any) => o.claim.key === REUTERS);
    expect(withReuters.shared.map((x: any) => x.basis)).toContain('POSSIBLY_SAME_SOURCE');
    expect(withReuters.shared).toContainEqual({
      basis: 'POSSIBLY_SAME_SOURCE',
      agent: { key: 'source:reuters-2025-09-26-sweida-corridor-snag:four-sources' },
    });
  });
});
