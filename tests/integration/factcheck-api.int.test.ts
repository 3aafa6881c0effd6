/**
 * `GET /v1alpha1/claims:search` on a real graph, through the HTTP routes as served: the
 * documented response shape (tests/support/factcheck-shape.ts), search, filters, paging with
 * nextPageToken, and errors in Google's shape.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest.js';
import { httpRoutes } from '../../src/http-routes.js';
import { buildYoga } from '../../src/yoga.js';
import { testConfig, useTestGraph } from '../support/db.js';
import { ErrorResponse, SearchResponse } from '../support/factcheck-shape.js';
import { miniDoc } from '../support/mini-doc.js';

const KEY = 'reader-key-0123456789';
let yoga: ReturnType<typeof buildYoga>;
let closed: ReturnType<typeof buildYoga>;

async function assess(claimKey: string, verdict: string, date: string) {
  await graph.db.write((tx) =>
    tx.exec(
      `MATCH (c:Claim {key: $claimKey})
       CREATE (a:Assessment {key: 'assessment:' + $claimKey + ':' + $date, verdict: $verdict,
         reviewer: 'Example Checks', date: $date})
       CREATE (a)-[:ASSESSES]->(c)`,
      { claimKey, verdict, date },
    ),
  );
}

const graph = useTestGraph({
  seed: async (db) => {
    await ingestDocument(db, miniDoc('mini-1'));
    await assess('mini-1#ceasefire-will-fail', 'Unproven', '2026-02-05');
    await assess('mini-1#ceasefire-will-fail', 'False', '2026-02-09');
    await assess('mini-1#talks-resume-march', 'True', '2026-02-06');
  },
});
beforeAll(() => {
  const config = testConfig({
    CLAIMREVIEW_URL_BASE: 'https://checks.example.org/claims/',
    API_KEYS: `${KEY}:reader`,
  });
  yoga = buildYoga({ config, db: graph.db, plugins: httpRoutes({ config, db: graph.db }) });
  const closedConfig = testConfig({ PUBLIC_READS: 'false', API_KEYS: `${KEY}:reader` });
  closed = buildYoga({
    config: closedConfig,
    db: graph.db,
    plugins: httpRoutes({ config: closedConfig, db: graph.db }),
  });
});

async function search(query: string, server = yoga, init: RequestInit = {}) {
  const response = await server.fetch(new URL(`http://yoga/v1alpha1/claims:search?${query}`), init);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

describe('claims:search', () => {
  it('finds reviewed claims by text, in the documented shape', async () => {
    const { status, body } = await search('query=ceasefire%20week');
    expect(status).toBe(200);
    SearchResponse.parse(body);
    expect(body.claims).toHaveLength(1);
    expect(body.claims[0]).toMatchObject({
      text: 'The ceasefire will not survive the week.',
      claimant: 'Jan Minister',
      claimReview: [
        {
          publisher: { name: 'Example Checks', site: 'checks.example.org' },
          url: 'https://checks.example.org/claims/mini-1%23ceasefire-will-fail',
          reviewDate: '2026-02-09T00:00:00Z',
          textualRating: 'False',
          languageCode: 'en',
        },
        { reviewDate: '2026-02-05T00:00:00Z', textualRating: 'Unproven' },
      ],
    });
    expect(body.nextPageToken).toBeUndefined();
    // The article never says when the Minister told colleagues: no claimDate, rather than the
    // article's publication day standing in for it.
    expect(body.claims[0]).not.toHaveProperty('claimDate');
  });

  it('gives a claimDate only when the text dates the saying to the day', async () => {
    // The outlet's own view is said by publishing it: dated to the day of publication.
    await assess('mini-1#truce-fragile', 'Mostly true', '2026-02-07');
    try {
      const { body } = await search('query=truce%20fragile');
      SearchResponse.parse(body);
      expect(body.claims).toHaveLength(1);
      expect(body.claims[0]).toMatchObject({ claimDate: '2026-02-03T00:00:00Z' });
    } finally {
      await graph.db.write((tx) =>
        tx.exec(`MATCH (a:Assessment)-[:ASSESSES]->(:Claim {key: $key}) DETACH DELETE a`, {
          key: 'mini-1#truce-fragile',
        }),
      );
    }
  });

  it('does not list claims nobody reviewed', async () => {
    const { body } = await search('query=resign');
    expect(body).toEqual({});
  });

  it('pages with nextPageToken until the last page', async () => {
    const first = await search('reviewPublisherSiteFilter=checks.example.org&pageSize=1');
    SearchResponse.parse(first.body);
    expect(first.body.claims).toHaveLength(1);
    expect(first.body.nextPageToken).toEqual(expect.any(String));
    const second = await search(
      `reviewPublisherSiteFilter=checks.example.org&pageSize=1&pageToken=${first.body.nextPageToken}`,
    );
    expect(second.body.claims).toHaveLength(1);
    expect(second.body.nextPageToken).toBeUndefined();
    expect(second.body.claims[0].text).not.toBe(first.body.claims[0].text);
    // Newest review first when there is no text to rank by.
    expect(first.body.claims[0].text).toBe('The ceasefire will not survive the week.');
  });

  it('filters by language (not region), publisher site and age', async () => {
    expect((await search('query=ceasefire&languageCode=en-GB')).body.claims).toHaveLength(1);
    expect(await search('query=ceasefire&languageCode=fr')).toMatchObject({ status: 200, body: {} });
    expect((await search('reviewPublisherSiteFilter=example.org')).body.claims).toHaveLength(2);
    expect((await search('reviewPublisherSiteFilter=other.org')).body).toEqual({});
    // The reviews date from February 2026: far enough back that no claim is younger than a day.
    expect((await search('query=ceasefire&maxAgeDays=36500')).body.claims).toHaveLength(1);
    const days = Math.floor((Date.now() - Date.parse('2026-02-10')) / 86_400_000);
    if (days >= 1) expect((await search(`query=ceasefire&maxAgeDays=${days}`)).body).toEqual({});
  });

  it('answers errors in Google’s shape', async () => {
    const missing = await search('languageCode=en');
    expect(missing.status).toBe(400);
    expect(ErrorResponse.parse(missing.body).error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    expect(missing.body.error.message).toMatch(/'query' is required/);
    const long = await search(`query=${'x'.repeat(600)}`);
    expect(long.body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    const badKey = await search('query=x&key=not-a-key-of-ours');
    expect(badKey.body.error).toMatchObject({
      code: 400,
      message: expect.stringMatching(/API key not valid/),
    });
    const post = await search('query=x', yoga, { method: 'POST' });
    expect(post.body.error).toMatchObject({ code: 404, status: 'NOT_FOUND' });
  });

  it('reads as the rest of the API does: a closed instance wants a key, ?key= as Google clients send it', async () => {
    const anonymous = await search('query=ceasefire', closed);
    expect(anonymous.status).toBe(401);
    expect(ErrorResponse.parse(anonymous.body).error.status).toBe('UNAUTHENTICATED');
    expect((await search(`query=ceasefire&key=${KEY}`, closed)).status).toBe(200);
    expect((await search('query=ceasefire', closed, { headers: { 'x-api-key': KEY } })).status).toBe(200);
  });
});
