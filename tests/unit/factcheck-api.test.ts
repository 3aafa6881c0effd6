/**
 * The Fact Check Tools API compatible endpoint, without a database: parameters, page tokens, the
 * error shape and the response shape, each against Google's reference for claims:search
 * (https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims/search) and
 * the Claim resource (https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims).
 */
import { describe, expect, it } from 'vitest';
import {
  apiClaim,
  DEFAULT_PAGE_SIZE,
  FactCheckRequestError,
  pageToken,
  parseFactCheckParams,
  siteMatches,
  timestamp,
} from '../../src/factcheck-api.js';
import type { FactCheckHit } from '../../src/graph/factcheck.js';
import { SEARCH_LIMITS } from '../../src/graph/lucene.js';
import { SearchResponse } from '../support/factcheck-shape.js';

const parse = (query: string) => parseFactCheckParams(new URLSearchParams(query), 100);
const problem = (query: string) => {
  try {
    parse(query);
  } catch (error) {
    if (error instanceof FactCheckRequestError) return error.message;
    throw error;
  }
  return null;
};

describe('claims:search parameters', () => {
  it('reads every documented parameter', () => {
    expect(
      parse(
        'query=ceasefire&languageCode=en-US&reviewPublisherSiteFilter=Checks.Example.org&maxAgeDays=30&pageSize=5&offset=10',
      ),
    ).toEqual({
      query: 'ceasefire',
      languageCode: 'en-US',
      reviewPublisherSiteFilter: 'checks.example.org',
      maxAgeDays: 30,
      pageSize: 5,
      offset: 10,
    });
    expect(parse('query=x').pageSize).toBe(DEFAULT_PAGE_SIZE);
  });

  it('needs query unless reviewPublisherSiteFilter is given', () => {
    expect(problem('')).toMatch(/'query' is required unless 'reviewPublisherSiteFilter'/);
    expect(problem('reviewPublisherSiteFilter=example.org')).toBeNull();
  });

  it('bounds the search text as the rest of the API does', () => {
    expect(problem(`query=${'a'.repeat(SEARCH_LIMITS.maxLength + 1)}`)).toMatch(
      /'query' is 501 characters long/,
    );
    expect(problem(`query=${'b'.repeat(SEARCH_LIMITS.maxTermLength + 1)}`)).toMatch(
      /has a term of 65 characters/,
    );
  });

  it('refuses bad numbers, languages, sites and unknown parameters, naming them', () => {
    expect(problem('query=x&pageSize=0')).toMatch(/'pageSize' must be from 1 to 100/);
    expect(problem('query=x&pageSize=101')).toMatch(/'pageSize' must be from 1 to 100/);
    expect(problem('query=x&pageSize=ten')).toMatch(/Invalid value at 'pageSize'/);
    expect(problem('query=x&maxAgeDays=-1')).toMatch(/'maxAgeDays'/);
    expect(problem('query=x&languageCode=english!')).toMatch(/'languageCode'/);
    expect(problem('reviewPublisherSiteFilter=a b')).toMatch(/'reviewPublisherSiteFilter'/);
    expect(problem('query=x&limit=3')).toMatch(/Unknown name "limit"/);
    expect(problem('query=x&key=abc&alt=json&prettyPrint=false')).toBeNull();
  });

  it('takes the offset from a page token, only for the same search', () => {
    const first = parse('query=ceasefire&pageSize=2');
    const token = pageToken(first, 2);
    expect(parse(`query=ceasefire&pageSize=2&pageToken=${token}`).offset).toBe(2);
    expect(problem(`query=truce&pageSize=2&pageToken=${token}`)).toMatch(/belongs to another search/);
    expect(problem(`query=ceasefire&pageSize=3&pageToken=${token}`)).toMatch(/belongs to another search/);
    expect(problem('query=ceasefire&pageToken=garbage')).toMatch(/not a token this endpoint gave/);
  });
});

describe('claims:search response shape', () => {
  const hit: FactCheckHit = {
    key: 'mini-1#ceasefire-will-fail',
    text: 'The ceasefire will not survive the week.',
    claimant: 'Jan Minister',
    claimDate: '2026-02-01',
    language: 'en',
    reviews: [
      { verdict: 'unproven', ratingName: 'Unproven', reviewer: 'Example Checks', date: '2026-02-05' },
      { verdict: 'False', reviewer: 'Example Checks', date: '2026-02-07T10:30:00Z' },
    ],
  };

  it('has exactly the documented fields, timestamps in RFC 3339', () => {
    const claim = apiClaim(hit, 'https://checks.example.org/claims/');
    expect(SearchResponse.parse({ claims: [claim] })).toBeTruthy();
    expect(claim).toEqual({
      text: 'The ceasefire will not survive the week.',
      claimant: 'Jan Minister',
      claimDate: '2026-02-01T00:00:00Z',
      claimReview: [
        {
          publisher: { name: 'Example Checks', site: 'checks.example.org' },
          url: 'https://checks.example.org/claims/mini-1%23ceasefire-will-fail',
          reviewDate: '2026-02-05T00:00:00Z',
          textualRating: 'Unproven',
          languageCode: 'en',
        },
        {
          publisher: { name: 'Example Checks', site: 'checks.example.org' },
          url: 'https://checks.example.org/claims/mini-1%23ceasefire-will-fail',
          reviewDate: '2026-02-07T10:30:00Z',
          textualRating: 'False',
          languageCode: 'en',
        },
      ],
    });
  });

  it('leaves out what is unknown, as Google leaves out empty fields', () => {
    const claim = apiClaim({ ...hit, claimant: null, language: null }, undefined);
    expect(claim).not.toHaveProperty('claimant');
    expect(claim.claimReview).toEqual([
      {
        publisher: { name: 'Example Checks' },
        reviewDate: '2026-02-05T00:00:00Z',
        textualRating: 'Unproven',
      },
      { publisher: { name: 'Example Checks' }, reviewDate: '2026-02-07T10:30:00Z', textualRating: 'False' },
    ]);
    expect(SearchResponse.parse({ claims: [claim] })).toBeTruthy();
  });

  it('matches the publisher site filter on the site and its subdomains', () => {
    expect(siteMatches('https://checks.example.org/claims/', 'checks.example.org')).toBe(true);
    expect(siteMatches('https://www.checks.example.org/claims/', 'checks.example.org')).toBe(true);
    expect(siteMatches('https://checks.example.org/claims/', 'example.org')).toBe(true);
    expect(siteMatches('https://checks.example.org/claims/', 'other.org')).toBe(false);
    expect(siteMatches(undefined, 'example.org')).toBe(false);
  });

  it('writes dates as timestamps and drops what is not a date', () => {
    expect(timestamp('2026-02-05')).toBe('2026-02-05T00:00:00Z');
    expect(timestamp('2026-02-05T10:00:00+02:00')).toBe('2026-02-05T08:00:00Z');
    expect(timestamp('soon')).toBeUndefined();
    expect(timestamp(null)).toBeUndefined();
  });
});
