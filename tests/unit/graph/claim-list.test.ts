/**
 * The claims list builder: each filter adds exactly its predicate, with the bound the API
 * documents (inclusive date and confidence ranges), and every value is a parameter. What the
 * predicates select on a real graph is checked in tests/integration/claim-list.int.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import { CLAIM_ORDERS } from '../../../src/domain/model.js';
import {
  buildClaimListQuery,
  claimOrdering,
  FROM_START,
  claimList,
  type ClaimFilter,
  type ClaimOrder,
} from '../../../src/graph/claim-list.js';

const base: ClaimFilter = { statuses: ['accepted'] };
const HEDGED =
  '(size(coalesce(c.hedges, [])) > 0 OR EXISTS { (c)<-[:TELLS]-(h:Telling) WHERE h.role IN $hedgingRoles })';

/** The predicates of the WHERE clause (the same in the count and the page). */
function predicates(filter: Partial<ClaimFilter>): string[] {
  const { query } = buildClaimListQuery({ ...base, ...filter }, 'KEY_ASC');
  expect(query).not.toBeNull();
  const where = /WHERE ([\s\S]*?)\n\s*WITH DISTINCT c/.exec(query!);
  expect(where).not.toBeNull();
  return where![1]!.split(/\n\s*AND /).map((p) => p.trim());
}

function matchOf(filter: Partial<ClaimFilter>): string {
  const { query } = buildClaimListQuery({ ...base, ...filter }, 'KEY_ASC');
  return /MATCH .*/.exec(query!)![0];
}

describe('the claims list query', () => {
  it('without filters lists claims of the requested statuses', () => {
    expect(predicates({})).toEqual(['c.status IN $statuses']);
    expect(matchOf({})).toBe('MATCH (c:Claim)');
  });

  it.each<[Partial<ClaimFilter>, string]>([
    [{ anonymous: true }, 'c.anonymousLinks > 0'],
    [{ anonymous: false }, 'c.anonymousLinks = 0'],
    // A said range never matches an unknown time (a fallback to the article's date); an open side
    // reaches as far as OVERLAPS needs (domain/time.ts matchesRange).
    [
      { saidFrom: '2025-05-01' },
      '(NOT (c.saidEarliest IS NULL AND c.saidLatest IS NULL) AND coalesce(c.saidLatest, $saidFrom) >= $saidFrom)',
    ],
    [
      { saidTo: '2025-05-31' },
      '(NOT (c.saidEarliest IS NULL AND c.saidLatest IS NULL) AND coalesce(c.saidEarliest, $saidTo) <= $saidTo)',
    ],
    [
      { saidFrom: '2025-05-01', saidTo: '2025-05-31', saidMatch: 'within' },
      '(NOT (c.saidEarliest IS NULL AND c.saidLatest IS NULL) AND c.saidEarliest >= $saidFrom AND c.saidLatest <= $saidTo)',
    ],
    [
      { saidFrom: '2025-05-01', includeUndated: true },
      '((NOT (c.saidEarliest IS NULL AND c.saidLatest IS NULL) AND coalesce(c.saidLatest, $saidFrom) >= $saidFrom) OR (c.saidEarliest IS NULL AND c.saidLatest IS NULL))',
    ],
    [{ confidenceMin: 0 }, 'c.confidence >= $confidenceMin'],
    [{ confidenceMax: 0.5 }, 'c.confidence <= $confidenceMax'],
    [{ kinds: ['demand'] }, 'c.kind IN $kinds'],
    // `within` on one side only: the other side stays open.
    [
      { saidFrom: '2025-05-01', saidMatch: 'within' },
      '(NOT (c.saidEarliest IS NULL AND c.saidLatest IS NULL) AND c.saidEarliest >= $saidFrom)',
    ],
    [
      { saidTo: '2025-05-31', saidMatch: 'within' },
      '(NOT (c.saidEarliest IS NULL AND c.saidLatest IS NULL) AND c.saidLatest <= $saidTo)',
    ],
    [{ confidenceMax: 0 }, 'c.confidence <= $confidenceMax'],
    [{ graded: true }, 'c.confidence IS NOT NULL'],
    [{ graded: false }, 'c.confidence IS NULL'],
    [{ outletAnalysis: true }, 'coalesce(c.outletAnalysis, false) = $outletAnalysis'],
    [{ outletAnalysis: false }, 'coalesce(c.outletAnalysis, false) = $outletAnalysis'],
    [{ hedged: true }, HEDGED],
    [{ hedged: false }, `NOT ${HEDGED}`],
    // 0 is a bound like any other (it must not be read as "no filter").
    [{ anonymousDepthMin: 0 }, 'coalesce(c.anonymousLinks, 0) >= $anonymousDepthMin'],
    [{ anonymousDepthMin: 2 }, 'coalesce(c.anonymousLinks, 0) >= $anonymousDepthMin'],
  ])('%j adds exactly %s', (filter, predicate) => {
    expect(predicates(filter)).toEqual(['c.status IN $statuses', predicate]);
  });

  it('adds nothing for an absent anonymity filter or an empty kinds list, or date options without dates', () => {
    expect(predicates({ anonymous: null, kinds: [] })).toEqual(['c.status IN $statuses']);
    expect(predicates({ saidMatch: 'within', includeUndated: true })).toEqual(['c.status IN $statuses']);
    expect(
      predicates({
        confidenceMin: null,
        confidenceMax: null,
        graded: null,
        outletAnalysis: null,
        hedged: null,
        anonymousDepthMin: null,
        saidFrom: null,
        saidTo: null,
        kinds: null,
      }),
    ).toEqual(['c.status IN $statuses']);
  });

  it('combines every predicate in one WHERE, each once', () => {
    expect(
      predicates({
        anonymous: true,
        graded: false,
        hedged: true,
        outletAnalysis: false,
        anonymousDepthMin: 1,
      }),
    ).toEqual([
      'c.status IN $statuses',
      'c.anonymousLinks > 0',
      'c.confidence IS NULL',
      'coalesce(c.outletAnalysis, false) = $outletAnalysis',
      HEDGED,
      'coalesce(c.anonymousLinks, 0) >= $anonymousDepthMin',
    ]);
  });

  it('anchors on the first key filter and checks the others as patterns', () => {
    expect(matchOf({ articleKey: 'article:a' })).toBe(
      'MATCH (:Article {key: $articleKey})-[:CONTAINS]->(c:Claim)',
    );
    expect(matchOf({ speakerKey: 'actor:a' })).toBe(
      'MATCH (:Actor {key: $speakerKey})<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(c:Claim)',
    );
    expect(matchOf({ sourceKey: 'source:s' })).toBe(
      'MATCH (:Source {key: $sourceKey})<-[:TOLD_BY]-(:Telling)-[:TELLS]->(c:Claim)',
    );
    expect(matchOf({ aboutKey: 'event:e' })).toBe('MATCH (:Event {key: $aboutKey})<-[:REFERS_TO]-(c:Claim)');
    expect(matchOf({ addresseeKey: 'actor:a' })).toBe(
      'MATCH (:Actor {key: $addresseeKey})<-[:ADDRESSED_TO]-(:Telling)-[:TELLS]->(c:Claim)',
    );
    expect(matchOf({ addresseeKey: 'source:s' })).toBe(
      'MATCH (:Source {key: $addresseeKey})<-[:ADDRESSED_TO]-(:Telling)-[:TELLS]->(c:Claim)',
    );
    expect(predicates({ speakerKey: 'actor:a', sourceKey: 'source:r', addresseeKey: 'actor:b' })).toEqual([
      'c.status IN $statuses',
      'EXISTS { (:Source {key: $sourceKey})<-[:TOLD_BY]-(:Telling)-[:TELLS]->(c) }',
      'EXISTS { (:Actor {key: $addresseeKey})<-[:ADDRESSED_TO]-(:Telling)-[:TELLS]->(c) }',
    ]);
    expect(predicates({ articleKey: 'article:a', speakerKey: 'source:x', aboutKey: 'place:p' })).toEqual([
      'c.status IN $statuses',
      'EXISTS { (:Source {key: $speakerKey})<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(c) }',
      'EXISTS { (:Place {key: $aboutKey})<-[:REFERS_TO]-(c) }',
    ]);
  });

  it('matches nothing, without a query, for a key whose prefix cannot be that role', () => {
    for (const filter of [
      { speakerKey: 'place:p' },
      { speakerKey: 'nobody' },
      { sourceKey: 'event:e' },
      { sourceKey: 'nobody' },
      { addresseeKey: 'place:p' },
      { addresseeKey: 'nobody' },
      { aboutKey: 'article:a' },
      { aboutKey: 'claim:x' },
    ]) {
      expect(buildClaimListQuery({ ...base, ...filter }, 'KEY_ASC')).toEqual({ query: null, params: {} });
    }
    for (const aboutKey of ['actor:a', 'source:s', 'place:p', 'event:e']) {
      expect(buildClaimListQuery({ ...base, aboutKey }, 'KEY_ASC').query).not.toBeNull();
    }
    for (const key of ['actor:a', 'source:s']) {
      for (const role of ['speakerKey', 'sourceKey', 'addresseeKey'] as const)
        expect(buildClaimListQuery({ ...base, [role]: key }, 'KEY_ASC').query).not.toBeNull();
    }
  });

  it('passes every value as a parameter, null when absent', () => {
    const filter: ClaimFilter = {
      statuses: ['accepted', 'draft'],
      articleKey: 'article:a',
      speakerKey: 'actor:s',
      sourceKey: 'source:r',
      aboutKey: 'place:p',
      kinds: ['quote'],
      anonymous: true,
      saidFrom: '2025-01-01',
      saidTo: '2025-12-31',
      confidenceMin: 0.1,
      confidenceMax: 0.9,
    };
    const { anonymous: _, ...values } = filter;
    expect(buildClaimListQuery(filter, 'KEY_ASC').params).toEqual({
      ...values,
      outletAnalysis: null,
      hedgingRoles: [],
      addresseeKey: null,
      anonymousDepthMin: null,
    });
    const more: ClaimFilter = {
      statuses: ['accepted'],
      outletAnalysis: false,
      hedged: true,
      hedgingRoles: ['claimed'],
      addresseeKey: 'actor:b',
      anonymousDepthMin: 0,
    };
    expect(buildClaimListQuery(more, 'KEY_ASC').params).toMatchObject({
      outletAnalysis: false,
      hedgingRoles: ['claimed'],
      addresseeKey: 'actor:b',
      anonymousDepthMin: 0,
    });
    expect(buildClaimListQuery(base, 'KEY_ASC').params).toEqual({
      statuses: ['accepted'],
      articleKey: null,
      speakerKey: null,
      sourceKey: null,
      aboutKey: null,
      kinds: null,
      saidFrom: null,
      saidTo: null,
      confidenceMin: null,
      confidenceMax: null,
      outletAnalysis: null,
      hedgingRoles: [],
      addresseeKey: null,
      anonymousDepthMin: null,
    });
  });

  it.each<[ClaimOrder, string]>([
    // An unknown saying time sorts last in both directions, never as the article's date.
    [
      'SAID_AT_DESC',
      "(c.saidEarliest IS NULL AND c.saidLatest IS NULL), coalesce(c.saidLatest, c.saidEarliest, '') DESC, c.key",
    ],
    [
      'SAID_AT_ASC',
      "(c.saidEarliest IS NULL AND c.saidLatest IS NULL), coalesce(c.saidEarliest, c.saidLatest, ''), c.key",
    ],
    // An ungraded claim sorts last in both directions (docs/grading.md).
    ['CONFIDENCE_DESC', 'c.confidence IS NULL, coalesce(c.confidence, 0.0) DESC, c.key'],
    ['CONFIDENCE_ASC', 'c.confidence IS NULL, coalesce(c.confidence, 0.0), c.key'],
    ['KEY_ASC', 'c.key'],
  ])('orders %s by %s, the key breaking ties, and counts beside the page', (order, orderBy) => {
    const { query } = buildClaimListQuery(base, order);
    expect(query).toContain(`ORDER BY ${orderBy}\n`);
    expect(query).toMatch(
      /RETURN count\(c\) AS total[\s\S]*WHERE true\s+WITH c\s+ORDER BY [^\n]*\s+LIMIT \$limit\s+RETURN collect\(\{key: c\.key, sort: \[[^\n]*c\.key\]\}\) AS items[\s\S]*RETURN total, items$/,
    );
    expect(query).not.toMatch(/SKIP/);
  });

  it('counts and pages the same match: both subqueries hold it line for line', () => {
    const { query } = buildClaimListQuery(
      { ...base, speakerKey: 'actor:a', aboutKey: 'place:p', anonymous: true },
      'KEY_ASC',
    );
    const [, count, page] = query!.split('CALL () {\n');
    const matchLines = (block: string) =>
      block.split('\n').slice(0, block.split('\n').indexOf('  WITH DISTINCT c') + 1);
    expect(matchLines(count!)).toEqual([
      '  MATCH (:Actor {key: $speakerKey})<-[:TOLD_BY]-(:Telling {isOrigin: true})-[:TELLS]->(c:Claim)',
      '  WHERE c.status IN $statuses',
      '    AND EXISTS { (:Place {key: $aboutKey})<-[:REFERS_TO]-(c) }',
      '    AND c.anonymousLinks > 0',
      '  WITH DISTINCT c',
    ]);
    expect(matchLines(page!)).toEqual(matchLines(count!));
  });

  it('reads each order through its keyset ordering', () => {
    expect(CLAIM_ORDERS.map(claimOrdering)).toEqual([
      'CLAIM_SAID_AT_DESC',
      'CLAIM_SAID_AT_ASC',
      'CLAIM_CONFIDENCE_DESC',
      'CLAIM_CONFIDENCE_ASC',
      'CLAIM_KEY_ASC',
    ]);
  });

  it('continues after a cursor by its sort values and the key, each a parameter, either way', () => {
    const after = { after: ['x'], before: null, reverse: false };
    expect(buildClaimListQuery(base, 'KEY_ASC', after).query).toContain('WHERE (c.key > $after[0])');
    const desc = buildClaimListQuery(base, 'CONFIDENCE_DESC', {
      after: [false, 0.5, 'k'],
      before: null,
      reverse: false,
    });
    expect(desc.query).toContain(
      'WHERE (c.confidence IS NULL >= $after[0] AND ((c.confidence IS NULL > $after[0]) OR ' +
        '(c.confidence IS NULL = $after[0] AND coalesce(c.confidence, 0.0) < $after[1]) OR ' +
        '(c.confidence IS NULL = $after[0] AND coalesce(c.confidence, 0.0) = $after[1] AND c.key > $after[2])))',
    );
    const back = buildClaimListQuery(base, 'CONFIDENCE_DESC', {
      after: null,
      before: [true, 0, 'k'],
      reverse: true,
    });
    expect(back.query).toContain('coalesce(c.confidence, 0.0) > $before[1]');
    expect(back.query).toContain(
      'ORDER BY c.confidence IS NULL DESC, coalesce(c.confidence, 0.0), c.key DESC\n',
    );
    // The values themselves never reach the text.
    expect(desc.query).not.toContain('0.5');
  });
});

describe('reading a page of the claims list', () => {
  /** Records what would be sent to the database and answers one row (or none). */
  function recordingDb(row: Record<string, unknown> | undefined) {
    const sent: { query: string; params: Record<string, unknown> }[] = [];
    const db = {
      readOne: async (query: string, params: Record<string, unknown>) => {
        sent.push({ query, params });
        return row ? [row] : [];
      },
    } as unknown as Database;
    return { db, sent };
  }

  it('sends the built query with the cursor values and page size as parameters, and reads total and rows', async () => {
    const rows = [
      { key: 'a#1', sort: ['a#1'] },
      { key: 'a#2', sort: ['a#2'] },
    ];
    const { db, sent } = recordingDb({ total: 12, items: rows });
    const seek = { after: ['a#0'], before: null, reverse: false, limit: 2 };
    const filter = { ...base, speakerKey: 'actor:x' };
    const built = buildClaimListQuery(filter, 'KEY_ASC', seek);
    const list = claimList(db, filter, 'KEY_ASC');
    expect(list.ordering).toBe(claimOrdering('KEY_ASC'));
    expect(await list.fetchPage(seek)).toEqual({ total: 12, rows });
    // The statement a reader of the page's claims extends is the one fetchPage sends.
    expect(list.statement?.(seek)).toEqual({ text: sent[0]?.query, params: sent[0]?.params });
    expect(sent).toEqual([
      { query: built.query, params: { ...built.params, after: ['a#0'], before: null, limit: 2 } },
    ]);
  });

  it('answers an empty page without asking the database when the filter cannot match', async () => {
    const { db, sent } = recordingDb({ total: 99, items: ['x#1'] });
    const list = claimList(db, { ...base, speakerKey: 'place:paris' }, 'KEY_ASC');
    expect(await list.fetchPage(FROM_START)).toEqual({ total: 0, rows: [] });
    expect(list.statement?.(FROM_START).text).toBeNull();
    expect(sent).toEqual([]);
  });

  it('reads a row without items as a count with no rows', async () => {
    const { db } = recordingDb({ total: 3 });
    expect(await claimList(db, base, 'KEY_ASC').fetchPage(FROM_START)).toEqual({
      total: 3,
      rows: [],
    });
  });

  it('reads no row as an empty page', async () => {
    const { db } = recordingDb(undefined);
    expect(await claimList(db, base, 'KEY_ASC').fetchPage(FROM_START)).toEqual({
      total: 0,
      rows: [],
    });
  });
});
