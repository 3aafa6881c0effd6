/**
 * Honest dates (issue 14, item 4) through the GraphQL API on the real Neo4j: every time shows its
 * basis and precision, a date filter treats the article-date fallback as unknown, approximate and
 * relative times match by their range, and the Cypher filter agrees with the domain's
 * `matchesRange` on every claim of the seed article.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleDocumentInput } from '../../src/domain/document.js';
import { matchesRange, type DateMatch } from '../../src/domain/time.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { useTestGraph } from '../support/db.js';
import { graphApi, seedDocument } from '../support/api.js';
import { spanOf } from '../support/mini-doc.js';

const NP = 'noonpost-7628#';
const TIME = 'basis precision earliest latest known text relation relativeTo { key name } label';

const SUMMIT_TEXT =
  'The summit opened in Vienna on March 10, 2026. A week earlier, the minister had warned that the talks would fail. ' +
  'The envoy said the mood was calm.';

/** An invented article whose minister spoke "a week earlier" than a dated summit. */
function summitDoc(): ArticleDocumentInput {
  const s = (needle: string) => spanOf(SUMMIT_TEXT, needle);
  return {
    schemaVersion: 1,
    article: {
      id: 'summit-1',
      url: 'https://example.org/summit-1',
      title: 'Summit',
      publisher: 'gazette',
      publishedAt: '2026-03-12',
      language: 'en',
      text: SUMMIT_TEXT,
    },
    sources: [{ id: 'gazette', name: 'The Gazette', kind: 'outlet' }],
    actors: [
      { id: 'minister', name: 'Ada Minister', kind: 'person' },
      { id: 'envoy', name: 'Ben Envoy', kind: 'person' },
    ],
    events: [
      {
        id: 'summit',
        name: 'Vienna summit',
        kind: 'summit',
        time: { text: 'on March 10, 2026', start: '2026-03-10' },
        evidence: s('The summit opened in Vienna on March 10, 2026'),
      },
    ],
    claims: [
      {
        id: 'talks-will-fail',
        text: 'The talks will fail.',
        kind: 'warning',
        evidence: s('the talks would fail'),
        chain: [
          {
            agent: 'minister',
            role: 'warned',
            evidence: s('A week earlier, the minister had warned'),
            time: {
              text: 'A week earlier',
              start: '2026-03-01',
              relativeTo: { event: 'summit', relation: 'before' },
            },
          },
        ],
      },
      {
        id: 'mood-calm',
        text: 'The mood was calm.',
        kind: 'statement',
        evidence: s('the mood was calm'),
        chain: [{ agent: 'envoy', role: 'said', evidence: s('The envoy said') }],
      },
    ],
  };
}

const graph = useTestGraph({
  seed: async (db) => {
    await ingestDocument(db, seedDocument());
    await ingestDocument(db, summitDoc());
  },
});
const api = graphApi(graph);

async function said(key: string) {
  const r = await api.gql(`query($key: String!) { claim(key: $key) { said { ${TIME} } } }`, { key });
  expect(r.errors).toBeUndefined();
  return r.data!.claim.said;
}

async function saidKeys(filter: Record<string, unknown>, orderBy = 'KEY_ASC'): Promise<string[]> {
  const r = await api.gql(
    `query($f: ClaimFilter, $o: ClaimOrder) { claims(filter: $f, orderBy: $o, first: 100) { totalCount edges { node { key } } } }`,
    { f: filter, o: orderBy },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!.claims.totalCount).toBeLessThanOrEqual(100);
  return r.data!.claims.edges.map((e: { node: { key: string } }) => e.node.key);
}

describe('every time says how it is known', () => {
  it('a prediction the article places "just days" before the January round: relative, a range, not the article date', async () => {
    expect(await said(`${NP}trump-predicts-deal-close`)).toEqual({
      basis: 'RELATIVE',
      precision: 'RANGE',
      earliest: '2025-12-22',
      latest: '2026-01-04',
      known: true,
      text: 'just days',
      relation: 'BEFORE',
      relativeTo: {
        key: 'event:syrian-israeli-talks-in-paris-january-2026:2026-01-05',
        name: 'Syrian-Israeli talks in Paris (January 2026)',
      },
      label:
        'between 2025-12-22 and 2026-01-04 ("just days", before Syrian-Israeli talks in Paris (January 2026))',
    });
  });

  it('a rejection that happened "previously": open before the UN assembly it preceded', async () => {
    const s = await said(`${NP}damascus-rejected-corridor`);
    expect(s).toMatchObject({
      basis: 'RELATIVE',
      precision: 'OPEN',
      earliest: null,
      latest: '2025-09-30',
      relation: 'BEFORE',
      relativeTo: { name: 'UN General Assembly (September 2025)' },
    });
    expect(s.label).toBe(
      'on or before 2025-09-30 ("previously", before UN General Assembly (September 2025))',
    );
  });

  it('a saying the text never dates: a fallback, unknown, shown with the article date', async () => {
    expect(await said(`${NP}reuters-sides-close-to-framework`)).toEqual({
      basis: 'FALLBACK',
      precision: 'UNKNOWN',
      earliest: null,
      latest: null,
      known: false,
      text: null,
      relation: null,
      relativeTo: null,
      label: 'date unknown (published 2026-01-06)',
    });
  });

  it("the outlet's own words are said by publishing them; a stated month is a month", async () => {
    expect(await said(`${NP}talks-resumed-paris-2026-01-05`)).toMatchObject({
      basis: 'PUBLICATION',
      precision: 'DAY',
      earliest: '2026-01-06',
      latest: '2026-01-06',
      label: '2026-01-06',
    });
    expect(await said(`${NP}trump-riyadh-normalization-demand`)).toMatchObject({
      basis: 'STATED',
      precision: 'MONTH',
      earliest: '2025-05-01',
      latest: '2025-05-31',
      label: 'May 2025',
    });
  });

  it('events, hops and the article carry basis and precision too', async () => {
    const r = await api.gql(`{
      timeline(first: 50) { edges { node { name time { ${TIME} } } } }
      claim(key: "${NP}trump-predicts-deal-close") {
        article { published { basis precision earliest latest } }
        provenance { chain { position time { basis precision } } }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const events = new Map(
      r.data!.timeline.edges.map((e: { node: { name: string; time: unknown } }) => [
        e.node.name,
        e.node.time,
      ]),
    );
    expect(events.get('Second round of Syrian-Israeli talks in London')).toMatchObject({
      basis: 'RELATIVE',
      precision: 'RANGE',
      text: 'days later',
      relation: 'AFTER',
      relativeTo: { name: 'Syrian-Israeli talks in Paris (September 2025)' },
    });
    expect(events.get('1974 Disengagement Agreement')).toMatchObject({
      basis: 'STATED',
      precision: 'YEAR',
      label: '1974',
    });
    expect(r.data!.claim.article.published).toEqual({
      basis: 'PUBLICATION',
      precision: 'DAY',
      earliest: '2026-01-06',
      latest: '2026-01-06',
    });
    expect(r.data!.claim.provenance.chain.map((h: { time: unknown }) => h.time)).toEqual([
      { basis: 'PUBLICATION', precision: 'DAY' },
      { basis: 'RELATIVE', precision: 'RANGE' },
    ]);
  });

  it('a relative time takes its open bound from the event it is measured from', async () => {
    expect(await said('summit-1#talks-will-fail')).toMatchObject({
      basis: 'RELATIVE',
      precision: 'RANGE',
      earliest: '2026-03-01',
      latest: '2026-03-10',
      relativeTo: { name: 'Vienna summit' },
    });
    const march = await saidKeys({
      article: 'article:summit-1',
      saidFrom: '2026-03-01',
      saidTo: '2026-03-09',
    });
    expect(march).toEqual(['summit-1#talks-will-fail']);
  });
});

describe('date filters treat a fallback as unknown', () => {
  it("the article date matches the outlet's own words, not a saying the text never dates", async () => {
    const publication = await saidKeys({
      article: 'article:noonpost-7628',
      saidFrom: '2026-01-06',
      saidTo: '2026-01-06',
    });
    expect(publication).toContain(`${NP}talks-resumed-paris-2026-01-05`);
    expect(publication).not.toContain(`${NP}reuters-sides-close-to-framework`);
    expect(publication).not.toContain(`${NP}trump-predicts-deal-close`);
    const withUnknown = await saidKeys({
      article: 'article:noonpost-7628',
      saidFrom: '2026-01-06',
      saidTo: '2026-01-06',
      includeUndated: true,
    });
    expect(withUnknown).toContain(`${NP}reuters-sides-close-to-framework`);
    expect(withUnknown).toContain(`${NP}talks-resumed-paris-2026-01-05`);
  });

  it('a prediction made days before is found in December, where it was said', async () => {
    const december = await saidKeys({ saidFrom: '2025-12-01', saidTo: '2025-12-31' });
    expect(december).toEqual([`${NP}trump-netanyahu-understanding`, `${NP}trump-predicts-deal-close`]);
  });

  it('an approximate time matches by its range: OVERLAPS may have been said then, WITHIN certainly was', async () => {
    const september = { article: 'article:noonpost-7628', saidFrom: '2025-09-01', saidTo: '2025-09-30' };
    const overlaps = await saidKeys(september);
    expect(overlaps).toContain(`${NP}damascus-rejected-corridor`); // "previously": on or before 09-30
    expect(overlaps).toContain(`${NP}israel-reintroduced-corridor-demand`);
    const within = await saidKeys({ ...september, saidMatch: 'WITHIN' });
    expect(within).not.toContain(`${NP}damascus-rejected-corridor`);
    expect(within).toContain(`${NP}israel-reintroduced-corridor-demand`);
  });

  it('sorts unknown saying times last in both directions, never as the article date', async () => {
    for (const order of ['SAID_AT_DESC', 'SAID_AT_ASC']) {
      const r = await api.gql(
        `query($o: ClaimOrder) { claims(filter: { article: "article:noonpost-7628" }, orderBy: $o, first: 100) { edges { node { said { known } } } } }`,
        { o: order },
      );
      const known = r.data!.claims.edges.map(
        (e: { node: { said: { known: boolean } } }) => e.node.said.known,
      );
      expect(known.indexOf(false)).toBeGreaterThan(0);
      expect(known.slice(known.indexOf(false)).every((k: boolean) => !k)).toBe(true);
    }
  });

  it('selects in Cypher exactly the claims the domain rule matches, for every range, mode and option', async () => {
    const all = await api.gql(
      `{ claims(first: 100, orderBy: KEY_ASC) { totalCount edges { node { key said { earliest latest } } } } }`,
    );
    expect(all.errors).toBeUndefined();
    const claims = all.data!.claims.edges.map(
      (e: { node: { key: string; said: { earliest: string | null; latest: string | null } } }) => e.node,
    );
    expect(claims.length).toBe(all.data!.claims.totalCount);
    const ranges = [
      { from: '2025-09-01', to: '2025-09-30' },
      { from: '2025-09-25', to: null },
      { from: null, to: '2025-06-30' },
      { from: '2026-01-06', to: '2026-01-06' },
      { from: '2024-01-01', to: '2026-12-31' },
    ];
    for (const range of ranges) {
      for (const mode of ['overlaps', 'within'] as DateMatch[]) {
        for (const includeUndated of [false, true]) {
          const expected = claims
            .filter((c: { said: { earliest: string | null; latest: string | null } }) =>
              matchesRange(c.said, range, mode, includeUndated),
            )
            .map((c: { key: string }) => c.key);
          const got = await saidKeys({
            ...(range.from ? { saidFrom: range.from } : {}),
            ...(range.to ? { saidTo: range.to } : {}),
            saidMatch: mode.toUpperCase(),
            includeUndated,
          });
          expect({ range, mode, includeUndated, keys: got }).toEqual({
            range,
            mode,
            includeUndated,
            keys: expected,
          });
        }
      }
    }
  });
});

describe('the timeline with ranges', () => {
  it("lists an approximate event in any range it overlaps and keeps the article's order", async () => {
    const r = await api.gql(
      `{ timeline(from: "2025-09-25", to: "2025-09-25", first: 20) { edges { node { name } } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.timeline.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      'Second round of Syrian-Israeli talks in London',
      'UN General Assembly (September 2025)',
      "Netanyahu's speech to the UN General Assembly",
    ]);
  });
});
