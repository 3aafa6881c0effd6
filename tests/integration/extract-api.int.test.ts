/** Drafting claims from any article through the API, and a fact-checker accepting one. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestDocument } from '../../src/graph/ingest.js';
import { useTestGraph } from '../support/db.js';
import { graphApi, seedDocument, API_KEYS, EDITOR_KEY } from '../support/api.js';

const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const article = readFileSync(
  new URL('../../fixtures/articles/noonpost-7628-syria-israel-talks.md', import.meta.url),
  'utf8',
);

// The curated article is in the graph, so the drafts' actors can join its actors.
const graph = useTestGraph({ config: { API_KEYS }, seed: (db) => ingestDocument(db, seedDocument()) });
const api = graphApi(graph);

describe('extractArticle', () => {
  it('proposes drafts with chains, joins known actors, and keeps drafts out of default lists until accepted', async () => {
    const m = `mutation($i: ExtractArticleInput!) { extractArticle(input: $i) { __typename
      ... on MutationExtractArticleSuccess { data { claims joinedActors document article { key
        claims(includeDrafts: true, first: 50) { totalCount edges { node { key status text provenance { chain { agent { key name } } } } } } } } } } }`;
    const r = await api.gql(
      m,
      {
        i: {
          content: article,
          format: 'MARKDOWN',
          url: 'https://example.org/copy-of-7628',
          title: 'Syrian-Israeli talks (a second copy)',
          publisher: 'Example Wire',
          publishedAt: '2026-01-07',
          ingest: true,
        },
      },
      editor,
    );
    expect(r.errors).toBeUndefined();
    const data = r.data!.extractArticle.data;
    expect(data.claims).toBeGreaterThanOrEqual(20);
    expect(data.joinedActors).toBeGreaterThanOrEqual(3);
    const drafts = data.article.claims.edges.map((e: any) => e.node);
    expect(drafts.length).toBe(data.claims);
    for (const d of drafts) expect(d.status).toBe('DRAFT');

    // The Reuters / unnamed official / al-Sharaa chain is proposed, and al-Sharaa is the curated node.
    const sharaa = drafts.find((d: any) => /compromise on the Golan/.test(d.text));
    expect(sharaa).toBeDefined();
    const agents = sharaa.provenance.chain.map((h: any) => h.agent.key);
    expect(agents).toContain('source:reuters');
    expect(agents.at(-1)).toBe('actor:ahmad-al-sharaa');

    const articleKey = data.article.key;
    const visible = await api.gql(`{ claims(filter: { article: "${articleKey}" }) { totalCount } }`);
    expect(visible.data!.claims.totalCount).toBe(0);
    const accepted = await api.gql(
      `mutation { setClaimStatus(input: { claim: "${sharaa.key}", status: ACCEPTED }) { __typename ... on MutationSetClaimStatusSuccess { data { status grade { confidence } history { change } } } } }`,
      {},
      editor,
    );
    expect(accepted.data!.setClaimStatus.data.status).toBe('ACCEPTED');
    expect(accepted.data!.setClaimStatus.data.grade.confidence).not.toBeNull();
    expect(accepted.data!.setClaimStatus.data.history.map((h: any) => h.change)).toContain('accepted');
    const after = await api.gql(`{ claims(filter: { article: "${articleKey}" }) { totalCount } }`);
    expect(after.data!.claims.totalCount).toBe(1);
  });

  it('needs an editor key', async () => {
    const r = await api.gql(
      `mutation { extractArticle(input: { content: "Reuters said it rained." }) { __typename } }`,
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
