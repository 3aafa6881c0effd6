/**
 * Matching on ingest with an editor in the loop, through the real graph and the GraphQL API:
 * ingesting articles proposes links (the same ones the pure matcher finds on those articles, so
 * candidate generation through the indexes loses none of them here), proposals are not relations
 * (no grade can see them), `acceptLink` writes the relation and regrades in the same transaction,
 * `rejectLink` is remembered, re-ingesting proposes nothing twice and never a rejected link.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/app.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { recomputeGrades } from '../../src/graph/grading.js';
import { parseArticleDocument } from '../../src/domain/validate.js';
import { isRestated, MATCH_POLICY, scorePair, searchTerms } from '../../src/domain/matching.js';
import { buildIngestRows } from '../../src/graph/ingest-rows.js';
import { toLuceneQuery } from '../../src/graph/lucene.js';
import { candidatesFor, claimsToMatch } from '../../src/graph/matching.js';
import { corpusClaims, proposeOnCorpus, scoreOnCorpus } from '../../tools/eval/links/matcher.js';
import { apiClient, API_KEYS, EDITOR_KEY, READER_KEY } from '../support/api.js';
import { useTestGraph } from '../support/db.js';

const editor = { authorization: `Bearer ${EDITOR_KEY}` };
const reader = { authorization: `Bearer ${READER_KEY}` };

// Four articles of the tuning half, in `npm start`'s load order: the seed, the wire's corridor
// report, Barrack's remarks by the wire and by i24NEWS.
const FILES = [
  path.join(fixturesDir, 'noonpost-7628.json'),
  path.join(fixturesDir, 'story', 'documents', 'reuters-2025-09-26-sweida-corridor-snag.json'),
  path.join(fixturesDir, 'story', 'documents', 'reuters-2025-09-23-barrack-de-escalation.json'),
  path.join(fixturesDir, 'story', 'documents', 'i24news-barrack-de-escalation.json'),
];
const docs = FILES.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, any>);

const graph = useTestGraph({ config: { API_KEYS, MAX_PAGE_SIZE: '200' } });
// Four ingests with matching took 20-60 s on a quiet machine, several minutes on a loaded one.
beforeAll(async () => {
  for (const doc of docs) await ingestDocument(graph.db, doc, { by: 'test' });
}, 900_000);

interface Proposal {
  key: string;
  type: string;
  fromKey: string;
  toKey: string;
  score: number;
  status: string;
}

async function proposals(status = 'PROPOSED'): Promise<{ total: number; list: Proposal[] }> {
  const api = apiClient(graph.config, graph.db);
  const r = await api.gql<{ proposedLinks: any }>(
    `query($s: LinkProposalStatus) { proposedLinks(status: $s, first: 200) { totalCount edges { node { key type fromKey toKey score status } } } }`,
    { s: status },
  );
  expect(r.errors).toBeUndefined();
  return {
    total: r.data!.proposedLinks.totalCount,
    list: r.data!.proposedLinks.edges.map((e: { node: Proposal }) => e.node),
  };
}

const decide = (
  name: 'acceptLink' | 'rejectLink',
  key: string,
  headers: Record<string, string> = editor,
  note?: string,
) =>
  apiClient(graph.config, graph.db).gql<Record<string, any>>(
    `mutation($i: DecideLinkInput!) { ${name}(input: $i) { __typename
       ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { key status decidedBy note type } }
       ... on NotFoundError { key } ... on ConflictError { message } } }`,
    { i: { proposal: key, ...(note ? { note } : {}) } },
    headers,
  );

const CLOSE = 'reuters-2025-09-23-barrack-de-escalation#barrack-close-to-de-escalation';
const ABOUT_TO_SIGN = 'i24news-barrack-de-escalation#barrack-about-to-sign-de-escalation';
const DEMAND = 'noonpost-7628#israel-reintroduced-corridor-demand';
const REJECTED = 'reuters-2025-09-26-sweida-corridor-snag#syria-rejected-corridor-sovereignty';
const OUTLINE = 'reuters-2025-09-26-sweida-corridor-snag#sides-came-close-outline';
const FRAMEWORK = 'noonpost-7628#reuters-sides-close-to-framework';

describe('matching on ingest', () => {
  it('proposes what the matcher finds on these articles, best first, with reasons', async () => {
    const expected = proposeOnCorpus(scoreOnCorpus(corpusClaims(docs.map((d) => parseArticleDocument(d)))));
    expect(expected.length).toBeGreaterThan(3);
    const { total, list } = await proposals();
    expect(total).toBe(list.length);
    expect(new Set(list.map((p) => `${p.type} ${p.fromKey} ${p.toKey}`))).toEqual(
      new Set(expected.map((m) => `${m.type} ${m.from} ${m.to}`)),
    );
    const scores = list.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Barrack's "close to a de-escalation agreement" as carried by the wire and by i24NEWS.
    const same = list.find(
      (p) =>
        p.type === 'SAME_STATEMENT' &&
        [p.fromKey, p.toKey].sort().join() === [ABOUT_TO_SIGN, CLOSE].sort().join(),
    );
    expect(same).toBeDefined();
    const api = apiClient(graph.config, graph.db);
    const r = await api.gql<{ proposedLinks: any }>(
      `{ proposedLinks(first: 1) { edges { node { reasons { words sameSpeaker agentKeys agents { key } dates { withinWindow } negation } } } } }`,
    );
    const reasons = r.data!.proposedLinks.edges[0].node.reasons;
    expect(reasons.words.length).toBeGreaterThan(2);
    expect(reasons.sameSpeaker).toBe(true);
    expect(reasons.agentKeys).toContain('actor:tom-barrack');
    expect(reasons.agents.map((a: { key: string }) => a.key)).toContain('actor:tom-barrack');
  });

  it("gives each proposal the matcher's classes, voices, substance and denial, as the pure matcher has them", async () => {
    const expected = proposeOnCorpus(scoreOnCorpus(corpusClaims(docs.map((d) => parseArticleDocument(d)))));
    const api = apiClient(graph.config, graph.db);
    const r = await api.gql<{ proposedLinks: any }>(
      `{ proposedLinks(first: 200) { edges { node { type fromKey toKey score reasons {
          classes { from to } voices { from to } substance substanceShare restatement
          denial { byKey target head covered headShare putsForward } } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const byPair = new Map<string, any>(
      r.data!.proposedLinks.edges.map((e: { node: any }) => [
        `${e.node.type} ${e.node.fromKey} ${e.node.toKey}`,
        e.node,
      ]),
    );
    expect(byPair.size).toBe(expected.length);
    const up = (v: string) => v.toUpperCase();
    for (const m of expected) {
      const got = byPair.get(`${m.type} ${m.from} ${m.to}`)?.reasons;
      const want = m.reasons;
      expect(got, `${m.type} ${m.from} ${m.to}`).toEqual({
        classes: { from: up(want.classes!.a), to: up(want.classes!.b) },
        voices: { from: up(want.voices!.a), to: up(want.voices!.b) },
        substance: want.substance,
        substanceShare: want.substanceShare,
        restatement: isRestated(want),
        denial: want.denial
          ? {
              byKey: want.denial.by,
              target: want.denial.target,
              head: want.denial.head,
              covered: want.denial.covered,
              headShare: want.denial.overlap,
              putsForward: want.denial.putsForward,
            }
          : null,
      });
    }
    // Syria's rejection of the corridor (Reuters) contradicts Israel's demand for it (Noon Post):
    // Israel's demand is a stance it puts forward, and the corridor, all of what is rejected, is in it.
    const contra = byPair.get(`CONTRADICTS ${DEMAND} ${REJECTED}`);
    expect(contra?.reasons).toMatchObject({
      classes: { from: 'STANCE', to: 'DENIAL' },
      voices: { from: 'PARTY', to: 'PARTY' },
      restatement: false,
      denial: {
        byKey: REJECTED,
        head: ['corridor'],
        covered: ['corridor'],
        headShare: 1,
        putsForward: 'demand',
      },
    });
    expect(contra.reasons.denial.target).toEqual(expect.arrayContaining(['corridor', 'israel']));
    // The wire's "came close to an outline" restates Noon Post's "close to a framework": a
    // SAME_STATEMENT below that threshold, lifted as a restatement (three substance words, 75%).
    const lifted = byPair.get(`SAME_STATEMENT ${OUTLINE} ${FRAMEWORK}`);
    expect(lifted?.score).toBeLessThan(MATCH_POLICY.sameStatement);
    expect(lifted.reasons).toMatchObject({
      classes: { from: 'ACCOUNT', to: 'ACCOUNT' },
      voices: { from: 'REPORTER', to: 'REPORTER' },
      substance: ['close', 'come', 'outline'],
      substanceShare: 0.75,
      restatement: true,
      denial: null,
    });
  });

  it('answers null for the reasons a proposal recorded by an earlier matcher lacks', async () => {
    const read = async () =>
      (
        await graph.db.read((tx) =>
          tx.rows(
            `MATCH (p:LinkProposal) WHERE p.fromKey = $f AND p.toKey = $t RETURN p.key AS key, p.reasons AS reasons`,
            {
              f: DEMAND,
              t: REJECTED,
            },
          ),
        )
      )[0] as { key: string; reasons: string };
    const stored = await read();
    expect(stored?.key).toBeDefined();
    const { classes, voices, substance, substanceShare, denial, ...earlier } = JSON.parse(stored.reasons);
    expect([classes, voices, substance, substanceShare, denial].every((x) => x !== undefined)).toBe(true);
    const setReasons = (reasons: string) =>
      graph.db.write((tx) =>
        tx.rows(`MATCH (p:LinkProposal {key: $k}) SET p.reasons = $r RETURN p.key AS key`, {
          k: stored.key,
          r: reasons,
        }),
      );
    await setReasons(JSON.stringify(earlier));
    try {
      const r = await apiClient(graph.config, graph.db).gql<{ proposedLinks: any }>(
        `{ proposedLinks(type: CONTRADICTS, first: 200) { edges { node { key reasons { negation
            classes { from } voices { from } substance substanceShare restatement denial { byKey } } } } } }`,
      );
      expect(r.errors).toBeUndefined();
      const node = r.data!.proposedLinks.edges.find((e: { node: any }) => e.node.key === stored.key)?.node;
      expect(node?.reasons).toEqual({
        negation: 'rejection',
        classes: null,
        voices: null,
        substance: null,
        substanceShare: null,
        restatement: null,
        denial: null,
      });
    } finally {
      await setReasons(stored.reasons);
    }
  });

  it('stores proposals apart from relations: no proposed pair is related, so no grade sees them', async () => {
    const { list } = await proposals();
    const [row] = await graph.db.read((tx) =>
      tx.rows(
        `UNWIND $pairs AS p MATCH (a:Claim {key: p[0]})-[r:SUPPORTS|CONTRADICTS|SAME_STATEMENT]-(b:Claim {key: p[1]}) RETURN count(r) AS n`,
        { pairs: list.map((p) => [p.fromKey, p.toKey]) },
      ),
    );
    expect(Number(row?.n)).toBe(0);
    // The stored grades are exactly what grading computes from the relations alone.
    const keys = [...new Set(list.flatMap((p) => [p.fromKey, p.toKey]))];
    const changed = await graph.db.write((tx) => recomputeGrades(tx, keys));
    expect(changed.claimsChanged).toBe(0);
  });

  it('needs an editor key to decide', async () => {
    const { list } = await proposals();
    const r = await decide('acceptLink', list[0]!.key, reader);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const none = await decide('rejectLink', list[0]!.key, {});
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('acceptLink writes the relation and regrades in the same transaction; a second decision conflicts', async () => {
    const { list } = await proposals();
    const api = apiClient(graph.config, graph.db);
    const grades = async (p: Proposal): Promise<{ confidence: number | null; factors: unknown[] }[]> => {
      const r = await api.gql<{ a: any; b: any }>(
        `query($a: String!, $b: String!) { a: claim(key: $a) { grade { confidence factors { factor detail } } } b: claim(key: $b) { grade { confidence factors { factor detail } } } }`,
        { a: p.fromKey, b: p.toKey },
      );
      return [r.data!.a.grade, r.data!.b.grade];
    };
    // A proposed contradiction between two graded claims (an outlet's analysis is not graded).
    let contra: Proposal | undefined;
    let before: { confidence: number | null; factors: unknown[] }[] = [];
    for (const p of list.filter((x) => x.type === 'CONTRADICTS')) {
      before = await grades(p);
      if (before.every((g) => g.confidence !== null)) {
        contra = p;
        break;
      }
    }
    expect(contra).toBeDefined();
    const r = await decide('acceptLink', contra!.key, editor, 'checked');
    expect(r.errors).toBeUndefined();
    expect(r.data!.acceptLink.data).toMatchObject({
      status: 'ACCEPTED',
      note: 'checked',
      type: 'CONTRADICTS',
    });
    const after = await api.gql<{ claim: any }>(
      `query($k: String!) { claim(key: $k) { related(types: [CONTRADICTS]) { type claim { key } } } }`,
      { k: contra!.toKey },
    );
    expect(after.data!.claim.related.map((x: { claim: { key: string } }) => x.claim.key)).toContain(
      contra!.fromKey,
    );
    // Contradicted now: the grades name it (a contradiction, or a disagreement between stances),
    // and nothing is left for a later regrade to change.
    const after2 = await grades(contra!);
    expect(after2).not.toEqual(before);
    expect(JSON.stringify(after2)).toMatch(/CONTRADICTION|DISAGREEMENT/);
    expect(JSON.stringify(before)).not.toContain(contra!.fromKey);
    const changed = await graph.db.write((tx) => recomputeGrades(tx, [contra!.fromKey, contra!.toKey]));
    expect(changed.claimsChanged).toBe(0);

    const again = await decide('rejectLink', contra!.key);
    expect(again.data!.rejectLink.__typename).toBe('ConflictError');
    const missing = await decide('acceptLink', 'proposal:SUPPORTS:x#y|z#w');
    expect(missing.data!.acceptLink).toEqual({
      __typename: 'NotFoundError',
      key: 'proposal:SUPPORTS:x#y|z#w',
    });
    expect((await proposals('ACCEPTED')).list.map((p) => p.key)).toEqual([contra!.key]);
  });

  it('rejectLink is remembered: re-ingesting proposes nothing twice and never the rejected link', async () => {
    const { list } = await proposals();
    const target = list.find((p) => p.fromKey.startsWith('i24news-') || p.toKey.startsWith('i24news-'));
    expect(target).toBeDefined();
    const r = await decide('rejectLink', target!.key, editor, 'not the same');
    expect(r.data!.rejectLink.data).toMatchObject({ status: 'REJECTED', note: 'not the same' });
    const count = async () => {
      const [row] = await graph.db.read((tx) => tx.rows('MATCH (x:LinkProposal) RETURN count(x) AS n'));
      return Number(row?.n);
    };
    const stored = await count();
    // A changed document is written again, and the matcher runs again on every claim.
    const i24 = docs[3]!;
    const edited = { ...i24, article: { ...i24.article, title: `${String(i24.article.title)} (edited)` } };
    const result = await ingestDocument(graph.db, edited, { by: 'test' });
    expect(result.changed).toBe(true);
    expect(await count()).toBe(stored);
    const rejected = await proposals('REJECTED');
    expect(rejected.list.map((p) => p.key)).toEqual([target!.key]);
    expect((await proposals()).list.map((p) => p.key)).not.toContain(target!.key);
    expect((await proposals()).total).toBe(list.length - 1);
  });

  it('finds a candidate that shares only a form of a word ("withdrawal" / "withdraw"): the candidate search stems as the scorer does', async () => {
    // Two made-up reports that share no actor, place, event or speaker, and no word as written.
    const doc = (id: string, outlet: string, who: string, alias: string, said: string, claim: string) => {
      const text = `${outlet} reported that ${said}.`;
      const span = (needle: string) => ({
        start: text.indexOf(needle),
        end: text.indexOf(needle) + needle.length,
        text: needle,
      });
      return {
        schemaVersion: 1,
        article: {
          id,
          url: `https://example.org/${id}`,
          title: claim,
          publisher: 'outlet',
          publishedAt: '2026-02-03',
          language: 'en',
          text,
        },
        sources: [{ id: 'outlet', name: outlet, kind: 'outlet' }],
        actors: [{ id: 'speaker', name: who, kind: 'government', aliases: [alias] }],
        places: [],
        events: [],
        claims: [
          {
            id: 'claim',
            text: claim,
            kind: 'statement',
            evidence: span(said),
            chain: [
              { agent: 'outlet', role: 'reported', evidence: span(`${outlet} reported`) },
              { agent: 'speaker', role: 'said', evidence: span(said.split(' ').slice(0, 3).join(' ')) },
            ],
          },
        ],
        relations: [],
      };
    };
    const earlier = doc(
      'wordform-earlier',
      'Kestrel Wire',
      'Government of Turkey',
      'Ankara',
      'the Turkish government announced the withdrawal of its garrison',
      'Ankara announced the withdrawal of its garrison.',
    );
    const later = doc(
      'wordform-later',
      'Fjord Daily',
      'Government of Norway',
      'Oslo',
      'the Norwegian government would withdraw the flotilla',
      'Oslo will withdraw the flotilla.',
    );
    await ingestDocument(graph.db, earlier, { by: 'test', match: false });
    const rows = buildIngestRows(parseArticleDocument(later), [], 'test');
    const [news] = claimsToMatch(rows);
    const query = toLuceneQuery(searchTerms(news!).join(' '));
    // Not a candidate by its words as written (the search box's standard index), ...
    const unstemmed = await graph.db.read((tx) =>
      tx.rows(`CALL db.index.fulltext.queryNodes('claim_text', $q) YIELD node RETURN node.key AS key`, {
        q: query,
      }),
    );
    expect(unstemmed.map((r) => r.key)).not.toContain('wordform-earlier#claim');
    // ... but a candidate of the matcher's search, and matched on the word they share.
    const candidates = await graph.db.read((tx) => candidatesFor(tx, rows));
    expect(candidates.map((c) => c.key)).toContain('wordform-earlier#claim');
    const earlierClaim = candidates.find((c) => c.key === 'wordform-earlier#claim')!;
    expect(earlierClaim.aboutKeys).toEqual([]);
    expect(earlierClaim.originKey).not.toBe(news!.originKey);
    expect(scorePair(news!, earlierClaim)?.reasons.words).toEqual(['withdraw']);
  });
});
