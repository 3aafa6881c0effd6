/**
 * Issue 14 through the GraphQL API on the real Neo4j, with the seed article loaded: independence
 * by affiliation (folds), and the other grading behaviours a fact-checker reads from the API.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleDocumentInput } from '../../src/domain/document.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { useTestGraph } from '../support/db.js';
import { graphApi, seedDocument } from '../support/api.js';
import { spanOf } from '../support/mini-doc.js';

const NP = 'noonpost-7628#';

const MINISTRY_TEXT =
  'The spokesman of the foreign ministry said the border is calm. The government said the border is calm. ' +
  'A farmers union said the border is calm.';

/** An invented article whose official belongs to a ministry, a government and a state. */
function ministryDoc(): ArticleDocumentInput {
  const s = (needle: string, n = 1) => spanOf(MINISTRY_TEXT, needle, n);
  return {
    schemaVersion: 1,
    article: {
      id: 'calm-1',
      url: 'https://example.org/calm-1',
      title: 'Calm',
      publisher: 'gazette',
      publishedAt: '2026-03-01',
      language: 'en',
      text: MINISTRY_TEXT,
    },
    sources: [{ id: 'gazette', name: 'The Gazette', kind: 'outlet' }],
    actors: [
      { id: 'ruritania', name: 'Ruritania', kind: 'state' },
      { id: 'ruritania-gov', name: 'Government of Ruritania', kind: 'government', affiliation: 'ruritania' },
      {
        id: 'ruritania-mfa',
        name: 'Ruritanian foreign ministry',
        kind: 'organisation',
        affiliation: 'ruritania-gov',
      },
      { id: 'spokesman', name: 'Ivo Spokesman', kind: 'person', affiliation: 'ruritania-mfa' },
      { id: 'union', name: 'Farmers union', kind: 'organisation' },
    ],
    claims: [
      {
        id: 'calm-spokesman',
        text: 'The border is calm.',
        kind: 'statement',
        evidence: s('the border is calm', 1),
        chain: [
          { agent: 'spokesman', role: 'said', evidence: s('The spokesman of the foreign ministry said') },
        ],
      },
      {
        id: 'calm-government',
        text: 'The border is calm.',
        kind: 'statement',
        evidence: s('the border is calm', 2),
        chain: [{ agent: 'ruritania-gov', role: 'said', evidence: s('The government said') }],
      },
      {
        id: 'calm-union',
        text: 'The border is calm.',
        kind: 'statement',
        evidence: s('the border is calm', 3),
        chain: [{ agent: 'union', role: 'said', evidence: s('A farmers union said') }],
      },
    ],
    relations: [
      { from: 'calm-spokesman', to: 'calm-government', type: 'SUPPORTS' },
      { from: 'calm-union', to: 'calm-spokesman', type: 'SUPPORTS' },
    ],
  };
}

const graph = useTestGraph({
  seed: async (db) => {
    await ingestDocument(db, seedDocument());
    await ingestDocument(db, ministryDoc());
  },
});
const api = graphApi(graph);

const GRADE = `
  grade { credibility confidence factors { factor effect detail } }
  independence { count circularReporting origins { includesSubject originNames
    claims { key } folds { claimKey sentence agent { name } into { name } } } }`;

async function claim(key: string) {
  const r = await api.gql(`query($key: String!) { claim(key: $key) { key ${GRADE} } }`, { key });
  expect(r.errors).toBeUndefined();
  return r.data!.claim;
}

describe('independence by affiliation', () => {
  it('no longer confirms the White House framing, and says why', async () => {
    const c = await claim(`${NP}white-house-normalization-path`);
    // GRADING_REPORT=1 prints the API's answer, as quoted in README.md.
    if (process.env.GRADING_REPORT) console.log(JSON.stringify(c, null, 2));
    expect(c.grade.credibility).toBe(2);
    expect(c.independence.count).toBe(1);
    expect(c.independence.circularReporting).toBe(true);
    const details = c.grade.factors.map((f: { detail: string }) => f.detail).join('\n');
    expect(details).toContain('White House folded into United States government');
    expect(details).toContain('one origin, not two');
    expect(c.grade.factors.map((f: { factor: string }) => f.factor)).not.toContain('CORROBORATION');
    const own = c.independence.origins.find((o: { includesSubject: boolean }) => o.includesSubject);
    expect(own.claims.map((x: { key: string }) => x.key).sort()).toEqual([
      `${NP}trump-admin-abraham-extension`,
      `${NP}white-house-normalization-path`,
    ]);
    expect(own.folds).toEqual([
      {
        claimKey: `${NP}white-house-normalization-path`,
        sentence: 'White House folded into United States government',
        agent: { name: 'White House' },
        into: { name: 'United States government' },
      },
    ]);
  });

  it("folds al-Sharaa's words into his government's rejection instead of counting them as corroboration", async () => {
    const c = await claim(`${NP}damascus-rejects-golan-tradeoff`);
    expect(c.independence.count).toBe(1);
    expect(c.grade.factors.map((f: { factor: string }) => f.factor)).not.toContain('CORROBORATION');
    expect(c.grade.factors.find((f: { factor: string }) => f.factor === 'AFFILIATION_FOLD').detail).toContain(
      'Ahmad al-Sharaa folded into Government of Syria',
    );
  });

  it('folds an official into the highest body of its chain, and keeps an unaffiliated origin independent', async () => {
    const government = await claim('calm-1#calm-government');
    expect(government.independence.count).toBe(1);
    const fold = government.grade.factors.find((f: { factor: string }) => f.factor === 'AFFILIATION_FOLD');
    expect(fold.detail).toContain('Ivo Spokesman folded into Ruritania');
    const spokesman = await claim('calm-1#calm-spokesman');
    expect(spokesman.independence.count).toBe(2);
  });

  it("exposes each agent's affiliation chain, nearest first", async () => {
    const r = await api.gql(`{ agent(key: "actor:ivo-spokesman") { name affiliationChain { name } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.agent.affiliationChain.map((a: { name: string }) => a.name)).toEqual([
      'Ruritanian foreign ministry',
      'Government of Ruritania',
      'Ruritania',
    ]);
  });
});

describe('relations follow statements', () => {
  it('shows a contradiction of one wording on every wording of the statement, derived and named', async () => {
    const r = await api.gql(
      `query($key: String!) { claim(key: $key) {
        related(types: [CONTRADICTS]) { type direction claim { key } via { key } }
        grade { factors { factor detail } }
      } }`,
      { key: `${NP}trump-tells-sharaa-work-towards-normalization` },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.claim.related).toEqual([
      {
        type: 'CONTRADICTS',
        direction: 'INCOMING',
        claim: { key: `${NP}syria-refuses-normalization-talks` },
        via: { key: `${NP}trump-riyadh-normalization-demand` },
      },
    ]);
    const disagreement = r.data!.claim.grade.factors.find(
      (f: { factor: string }) => f.factor === 'DISAGREEMENT',
    );
    expect(disagreement.detail).toContain(`${NP}syria-refuses-normalization-talks`);
  });

  it('lists a relation the claim has itself once, not again as derived', async () => {
    const r = await api.gql(
      `query($key: String!) { claim(key: $key) { related(types: [CONTRADICTS]) { claim { key } via { key } } } }`,
      { key: `${NP}trump-riyadh-normalization-demand` },
    );
    expect(r.data!.claim.related).toEqual([
      { claim: { key: `${NP}syria-refuses-normalization-talks` }, via: null },
    ]);
  });

  it('counts every wording of a contradicted statement as contested', async () => {
    const r = await api.gql(`{ contestedClaims(first: 50) { edges { node { key } } } }`);
    expect(r.errors).toBeUndefined();
    const keys = r.data!.contestedClaims.edges.map((e: { node: { key: string } }) => e.node.key);
    expect(keys).toContain(`${NP}trump-tells-sharaa-work-towards-normalization`);
  });
});

describe('shared origins', () => {
  const QUERY = `query($key: String!) { claim(key: $key) {
    sharedOrigins { claim { key } shared { basis description agent { name } } } } }`;
  const sharedOf = async (key: string) => {
    const r = await api.gql(QUERY, { key });
    expect(r.errors).toBeUndefined();
    return r.data!.claim.sharedOrigins as {
      claim: { key: string };
      shared: { basis: string; description: string }[];
    }[];
  };

  it('finds the other claim resting on the same wire story, with the wire named', async () => {
    const shared = await sharedOf(`${NP}sharaa-golan-compromise-end-presidency`);
    expect(shared.find((s) => s.claim.key === `${NP}reuters-sides-close-to-framework`)?.shared).toEqual([
      { basis: 'WIRE_STORY', description: 'the same wire story from Reuters', agent: { name: 'Reuters' } },
    ]);
  });

  it('finds claims of the same unnamed source and of the same folded voice', async () => {
    const leaks = await sharedOf(`${NP}leak-buffer-zone-suwayda`);
    expect(leaks.map((s) => s.claim.key)).toEqual([
      `${NP}leak-end-israeli-strikes`,
      `${NP}leak-no-heavy-weapons-golan`,
    ]);
    expect(leaks[0]!.shared.map((x) => x.basis)).toEqual(['ORIGINAL_SPEAKER', 'UNNAMED_SOURCE']);

    const framing = await sharedOf(`${NP}white-house-normalization-path`);
    const extension = framing.find((s) => s.claim.key === `${NP}trump-admin-abraham-extension`);
    expect(extension?.shared).toEqual([
      {
        basis: 'FOLDED_VOICE',
        description: 'the same folded voice, United States government',
        agent: { name: 'United States government' },
      },
    ]);
    // Trump speaks for the same government: his claims share the voice too.
    expect(framing.map((s) => s.claim.key)).toContain(`${NP}trump-riyadh-normalization-demand`);
  });
});

describe('triage', () => {
  const LIST = `query($filter: ClaimFilter, $orderBy: ClaimOrder) {
    claims(filter: $filter, orderBy: $orderBy, first: 100) { totalCount edges { node { key grade { confidence } } } } }`;
  const list = async (filter: Record<string, unknown>, orderBy?: string) => {
    const r = await api.gql(LIST, { filter: { article: 'article:noonpost-7628', ...filter }, orderBy });
    expect(r.errors).toBeUndefined();
    return r.data!.claims.edges.map(
      (e: { node: { key: string; grade: { confidence: number | null } } }) => e.node,
    ) as {
      key: string;
      grade: { confidence: number | null };
    }[];
  };
  const keys = (nodes: { key: string }[]) => nodes.map((n) => n.key).sort();

  it('sorts ungraded claims last in both directions', async () => {
    for (const orderBy of ['CONFIDENCE_DESC', 'CONFIDENCE_ASC']) {
      const nodes = await list({}, orderBy);
      const firstUngraded = nodes.findIndex((n) => n.grade.confidence === null);
      expect(firstUngraded).toBeGreaterThan(0);
      expect(nodes.slice(firstUngraded).every((n) => n.grade.confidence === null)).toBe(true);
      const graded = nodes.slice(0, firstUngraded).map((n) => n.grade.confidence!);
      const sorted = [...graded].sort((a, b) => (orderBy === 'CONFIDENCE_DESC' ? b - a : a - b));
      expect(graded).toEqual(sorted);
    }
  });

  it('filters graded and outletAnalysis claims', async () => {
    const ungraded = await list({ graded: false });
    const analysis = await list({ outletAnalysis: true });
    expect(ungraded.length).toBe(11);
    expect(keys(ungraded)).toEqual(keys(analysis));
    const graded = await list({ graded: true, outletAnalysis: false });
    expect(graded.every((n) => n.grade.confidence !== null)).toBe(true);
    expect(graded.length + ungraded.length).toBe((await list({})).length);
  });

  it('filters hedged claims: hedge words or a hedging role', async () => {
    const hedged = keys(await list({ hedged: true, graded: true }));
    expect(hedged).toEqual([`${NP}netanyahu-golan-tradeoff`, `${NP}white-house-normalization-path`]);
    const plain = keys(await list({ hedged: false, graded: true }));
    expect(plain).not.toContain(`${NP}netanyahu-golan-tradeoff`);
    expect(plain).toContain(`${NP}damascus-rejects-golan-tradeoff`);
  });

  it('filters by addressee and by unnamed-link depth', async () => {
    expect(keys(await list({ addressee: 'Tom Barrack' }))).toEqual([
      `${NP}sharaa-golan-compromise-end-presidency`,
    ]);
    expect(keys(await list({ addressee: 'actor:ahmad-al-sharaa' }))).toEqual([
      `${NP}trump-riyadh-normalization-demand`,
      `${NP}trump-tells-sharaa-work-towards-normalization`,
    ]);
    const anonymous = keys(await list({ anonymous: true }));
    expect(keys(await list({ anonymousDepth: 1 }))).toEqual(anonymous);
    expect(anonymous.length).toBeGreaterThan(3);
    expect(await list({ anonymousDepth: 2 })).toEqual([]);
  });

  it('accepts a name or an alias for speaker and source, as for a key', async () => {
    const byKey = keys(await list({ speaker: 'actor:donald-trump' }));
    expect(byKey.length).toBeGreaterThan(2);
    expect(keys(await list({ speaker: 'Trump' }))).toEqual(byKey);
    expect(keys(await list({ speaker: 'Donald Trump' }))).toEqual(byKey);
    const damascus = keys(await list({ speaker: 'Damascus' }));
    expect(damascus).toContain(`${NP}damascus-rejects-golan-tradeoff`);
    expect(keys(await list({ source: 'Reuters' }))).toEqual([
      `${NP}reuters-sides-close-to-framework`,
      `${NP}sharaa-golan-compromise-end-presidency`,
    ]);
    expect(await list({ speaker: 'Nobody Known' })).toEqual([]);
  });
});

describe('search', () => {
  const SEARCH = `query($q: String!) { searchClaims(query: $q, first: 100) { edges { node { key } } } }`;
  const search = async (q: string) => {
    const r = await api.gql(SEARCH, { q });
    expect(r.errors).toBeUndefined();
    return r.data!.searchClaims.edges.map((e: { node: { key: string } }) => e.node.key) as string[];
  };

  it('matches a quoted phrase as a phrase', async () => {
    const phrase = await search('"end of his presidency"');
    expect(phrase).toEqual([`${NP}sharaa-golan-compromise-end-presidency`]);
    const words = await search('end of his presidency');
    expect(words.length).toBeGreaterThan(phrase.length);
  });

  it("finds claims by their tellers' names and descriptions", async () => {
    // "a Syrian official" is the unnamed source's description, not words of the claim.
    expect(await search('"a Syrian official"')).toContain(`${NP}sharaa-golan-compromise-end-presidency`);
    expect(await search('Barrack')).toContain(`${NP}sharaa-golan-compromise-end-presidency`);
  });
});

describe('chronology', () => {
  it('reads the seed timeline in the order the article tells it: by date, then by its sequence words', async () => {
    const r = await api.gql(
      `{ timeline(first: 100) { edges { node { key time { start end } } } } timelineConflicts { detail } }`,
    );
    expect(r.errors).toBeUndefined();
    const keys: string[] = r.data!.timeline.edges.map((e: { node: { key: string } }) => e.node.key);
    const at = (needle: string) => keys.findIndex((k) => k.includes(needle));
    expect(at('paris')).toBeGreaterThanOrEqual(0);
    expect(at('second-round')).toBeGreaterThan(at('syrian-israeli-talks-in-paris-september-2025'));
    expect(at('freeze')).toBeGreaterThan(at('resignation'));
    expect(at('netanyahus-speech')).toBeGreaterThan(at('event:un-general-assembly'));
    const starts = r.data!.timeline.edges.map(
      (e: { node: { time: { start: string } } }) => e.node.time.start,
    );
    expect(starts).toEqual([...starts].sort());
    expect(r.data!.timelineConflicts).toEqual([]);
  });
});
