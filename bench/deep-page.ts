/**
 * Deep pages of the whole claims list (issue 21's target: page 1,000 costs at most 1.5x page 1).
 * The cursor for the deep page is reached by walking the list through our GraphQL API page by
 * page, so the walk itself checks that the cursors cover the list (every key once). Then, side
 * by side and alternating so load drifts hit both alike:
 *
 * - ours: GraphQL `claims(first, after)` at page 1 and at page N (keyset cursors);
 * - keyset Cypher on the bare driver: the list query our API sends (src/graph/claim-list.ts),
 *   page 1 and page N, auto-commit;
 * - offset Cypher on the bare driver: the same list with `SKIP $offset LIMIT $limit` (what the
 *   API sent before keyset cursors, bench/baseline/claims-offset.cypher), page 1 and page N.
 *
 * Both Cypher variants return the same keys for page N (checked before timing).
 */
import { readFileSync } from 'node:fs';
import neo4j from 'neo4j-driver';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildClaimListQuery } from '../src/graph/claim-list.js';
import type { SortValue } from '../src/graph/keyset.js';
import type { BenchClient } from './cases.js';
import { distribution, type Distribution } from './stats.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const OFFSET_QUERY = readFileSync(path.join(benchDir, 'baseline', 'claims-offset.cypher'), 'utf8');

export interface DeepPageCase {
  name: string;
  page1: Distribution;
  pageN: Distribution;
  /** p50 of page N over p50 of page 1. */
  ratio: number;
}

export interface DeepPageReport {
  order: 'SAID_AT_DESC';
  pageSize: number;
  /** The deep page's number (1-based): 1,000, or the deepest the list has. */
  page: number;
  totalClaims: number;
  samples: number;
  cases: DeepPageCase[];
  /** Problems found by the walk or the answer check (empty when all is well). */
  problems: string[];
}

const GQL = `query($first: Int!, $after: String) { claims(first: $first, after: $after, orderBy: SAID_AT_DESC) {
  totalCount edges { node { key } } pageInfo { hasNextPage endCursor } } }`;

interface GqlPage {
  data?: {
    claims: {
      totalCount: number;
      edges: { node: { key: string } }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };
  errors?: unknown;
}

export async function measureDeepPage(
  client: BenchClient,
  { pageSize = 20, targetPage = 1000, samples = 60, log = (_: string) => {} } = {},
): Promise<DeepPageReport | null> {
  const graphql = client.graphql;
  if (!graphql) return null;
  const problems: string[] = [];
  const ask = async (after: string | null) => (await graphql(GQL, { first: pageSize, after })) as GqlPage;

  // Walk to the deep page: its `after` cursor is the end cursor of the page before it.
  const first = await ask(null);
  const total = first.data?.claims.totalCount ?? 0;
  const page = Math.max(2, Math.min(targetPage, Math.floor(total / pageSize)));
  const seen = new Set<string>();
  let cursor: string | null = null;
  let lastKey = '';
  for (let p = 1; p < page; p++) {
    const r: GqlPage = p === 1 ? first : await ask(cursor);
    if (r.errors || !r.data) {
      problems.push(`walk: page ${p} failed: ${JSON.stringify(r.errors).slice(0, 200)}`);
      return { order: 'SAID_AT_DESC', pageSize, page, totalClaims: total, samples: 0, cases: [], problems };
    }
    for (const e of r.data.claims.edges) {
      if (seen.has(e.node.key)) problems.push(`walk: ${e.node.key} twice`);
      seen.add(e.node.key);
      lastKey = e.node.key;
    }
    cursor = r.data.claims.pageInfo.endCursor;
  }
  if (seen.size !== (page - 1) * pageSize) problems.push(`walk: ${seen.size} keys before page ${page}`);
  log(`deep page: walked ${page - 1} pages of ${pageSize} to page ${page} of ${Math.ceil(total / pageSize)}`);

  // The deep page's cursor values, as the API decoded them: the row the walk ended on.
  const values = (JSON.parse(Buffer.from(cursor!, 'base64url').toString('utf8')) as { k: SortValue[] }).k;
  if (values.at(-1) !== lastKey)
    problems.push(`cursor names ${String(values.at(-1))}, walk ended on ${lastKey}`);

  const statuses = ['accepted'];
  const seek = (after: SortValue[] | null) => ({ after, before: null, reverse: false, limit: pageSize + 1 });
  const keysetText = (after: SortValue[] | null) =>
    buildClaimListQuery({ statuses }, 'SAID_AT_DESC', seek(after)).query!;
  const session = () => client.driver.session({ database: client.database, defaultAccessMode: 'READ' });
  const bare = async (text: string, params: Record<string, unknown>): Promise<string[]> => {
    const s = session();
    try {
      const r = await s.run(text, params);
      const items = r.records[0]!.get('items') as (string | { key: string })[];
      return items.map((x) => (typeof x === 'string' ? x : x.key));
    } finally {
      await s.close();
    }
  };
  // LIMIT and SKIP take integers; the driver sends a bare JS number as a float.
  const limit = neo4j.int(pageSize + 1);
  const keyset1 = () => bare(keysetText(null), { statuses, after: null, before: null, limit });
  const keysetN = () => bare(keysetText(values), { statuses, after: values, before: null, limit });
  const offset = (o: number) => bare(OFFSET_QUERY, { statuses, offset: neo4j.int(o), limit });
  const deepOffset = (page - 1) * pageSize;

  // Same answers before timing: the deep page by cursor and by offset, and through GraphQL.
  const [byKeyset, byOffset, byApi] = [await keysetN(), await offset(deepOffset), await ask(cursor)];
  const apiKeys = byApi.data?.claims.edges.map((e) => e.node.key) ?? [];
  if (JSON.stringify(byKeyset.slice(0, pageSize)) !== JSON.stringify(byOffset.slice(0, pageSize)))
    problems.push('page N: keyset and offset Cypher disagree');
  if (JSON.stringify(byKeyset.slice(0, pageSize)) !== JSON.stringify(apiKeys))
    problems.push('page N: GraphQL and keyset Cypher disagree');

  const timed = {
    gql1: [] as number[],
    gqlN: [] as number[],
    key1: [] as number[],
    keyN: [] as number[],
    off1: [] as number[],
    offN: [] as number[],
  };
  const time = async (into: number[], run: () => Promise<unknown>) => {
    const t = process.hrtime.bigint();
    await run();
    into.push(Number(process.hrtime.bigint() - t) / 1e6);
  };
  // Warm-up, then alternate every variant within each round.
  for (let i = 0; i < 5; i++) {
    await ask(null);
    await ask(cursor);
    await keyset1();
    await keysetN();
    await offset(0);
    await offset(deepOffset);
  }
  for (let i = 0; i < samples; i++) {
    await time(timed.gql1, () => ask(null));
    await time(timed.gqlN, () => ask(cursor));
    await time(timed.key1, keyset1);
    await time(timed.keyN, keysetN);
    await time(timed.off1, () => offset(0));
    await time(timed.offN, () => offset(deepOffset));
  }
  const mk = (name: string, a: number[], b: number[]): DeepPageCase => {
    const page1 = distribution(a);
    const pageN = distribution(b);
    return { name, page1, pageN, ratio: pageN.median / page1.median };
  };
  const cases = [
    mk('our GraphQL claims(first, after), keyset cursor', timed.gql1, timed.gqlN),
    mk('keyset Cypher (the query the API sends), bare driver auto-commit', timed.key1, timed.keyN),
    mk(
      'offset Cypher (SKIP/LIMIT, the query before keyset), bare driver auto-commit',
      timed.off1,
      timed.offN,
    ),
  ];
  for (const c of cases) {
    log(
      `deep page ${page} vs page 1, ${c.name}: p50 ${c.pageN.median.toFixed(2)} vs ${c.page1.median.toFixed(2)} ms = ${c.ratio.toFixed(2)}x`,
    );
  }
  return { order: 'SAID_AT_DESC', pageSize, page, totalClaims: total, samples, cases, problems };
}
