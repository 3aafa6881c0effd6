/**
 * ClaimReview against Google's fact-check structured-data guidelines
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck), property by
 * property: required claimReviewed, reviewRating.alternateName and url; recommended author (name,
 * url), datePublished, itemReviewed (Claim with author, datePublished, appearance,
 * firstAppearance) and the rating's numbers. A review missing a required property is left out
 * with its reason, and the others are still written.
 */
import { describe, expect, it } from 'vitest';
import { claimReview, claimReviewJsonLd, type OmittedReview } from '../../../src/export/claimreview.js';
import { arrayReader } from '../../../src/export/reader.js';
import type { ClaimReviewRow } from '../../../src/export/rows.js';
import { collect, expandJsonLd, expandedTerms } from '../../support/export-formats.js';

const BASE = 'https://checks.example.org/claims/';

const row: ClaimReviewRow = {
  key: 'assessment:a1#c1:2026-02-05:example-checks:false',
  assessment: {
    verdict: 'false',
    ratingValue: 1,
    bestRating: 5,
    worstRating: 1,
    ratingName: 'False',
    reviewer: 'Example Checks',
    note: 'No truce was signed.',
    date: '2026-02-05',
  },
  claim: { key: 'a1#c1', text: 'The truce holds.', quote: 'the truce holds', saidOn: '2026-02-01' },
  appearance: {
    key: 'article:a1',
    url: 'https://news.example.org/a1',
    title: 'A1',
    publishedAt: '2026-02-03',
  },
  firstAppearance: {
    key: 'article:a0',
    url: 'https://wire.example.org/a0',
    title: 'A0',
    publishedAt: '2026-02-02',
  },
  originSpeaker: {
    key: 'source:state-tv',
    type: 'Source',
    name: 'State TV',
    kind: 'outlet',
    site: 'https://tv.example.org/news/2026/02/01/truce',
  },
};

function markup(r: ClaimReviewRow) {
  const result = claimReview(r, { urlBase: BASE });
  if (!('markup' in result)) throw new Error(`left out: ${result.omitted.reasons.join('; ')}`);
  return result.markup as Record<string, any>;
}

describe('ClaimReview: the properties Google requires', () => {
  const cr = markup(row);

  it('url: the fact-check page, from the configured base and the URI-encoded claim key', () => {
    expect(cr.url).toBe('https://checks.example.org/claims/a1%23c1');
  });

  it('claimReviewed: the claim text', () => {
    expect(cr.claimReviewed).toBe('The truce holds.');
  });

  it('reviewRating: a Rating with alternateName, ratingValue, bestRating, worstRating', () => {
    expect(cr.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'False',
    });
  });
});

describe('ClaimReview: the recommended properties', () => {
  const cr = markup(row);

  it('author: the reviewing organisation with its name and its site', () => {
    expect(cr.author).toEqual({
      '@type': 'Organization',
      name: 'Example Checks',
      url: 'https://checks.example.org/',
    });
  });

  it('datePublished: the review date', () => {
    expect(cr.datePublished).toBe('2026-02-05');
  });

  it('itemReviewed: a Claim with its date, its author (with url when known) and both appearances', () => {
    expect(cr.itemReviewed['@type']).toBe('Claim');
    expect(cr.itemReviewed.datePublished).toBe('2026-02-01');
    expect(cr.itemReviewed.author).toEqual({
      '@type': 'Organization',
      name: 'State TV',
      url: 'https://tv.example.org/',
    });
    expect(cr.itemReviewed.appearance).toEqual({
      '@type': 'CreativeWork',
      url: 'https://news.example.org/a1',
      headline: 'A1',
      datePublished: '2026-02-03',
    });
    expect(cr.itemReviewed.firstAppearance).toEqual({
      '@type': 'CreativeWork',
      url: 'https://wire.example.org/a0',
      headline: 'A0',
      datePublished: '2026-02-02',
    });
  });

  it('itemReviewed has no datePublished when the saying is not dated to the day', () => {
    const undated = markup({ ...row, claim: { ...row.claim, saidOn: null } });
    expect(undated.itemReviewed).not.toHaveProperty('datePublished');
  });

  it('a person speaker without a site has a name and no url', () => {
    const person = markup({
      ...row,
      originSpeaker: { key: 'actor:jan', type: 'Actor', name: 'Jan', kind: 'person', site: null },
    });
    expect(person.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Jan' });
  });

  it('a numeric rating without a scale gets schema.org defaults written out; a verdict alone gets none', () => {
    const scaled = markup({
      ...row,
      assessment: { verdict: 'Mostly false', ratingValue: 2, reviewer: 'X', date: '2026-02-05' },
    });
    expect(scaled.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 2,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'Mostly false',
    });
    const words = markup({ ...row, assessment: { verdict: 'Unproven', reviewer: 'X', date: '2026-02-05' } });
    expect(words.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unproven' });
  });
});

describe('ClaimReview: a review without the required data is left out, with why', () => {
  it('every review, when no page base is configured', () => {
    const result = claimReview(row, {});
    expect(result).toEqual({
      omitted: {
        key: row.key,
        claimKey: 'a1#c1',
        reasons: ['no fact-check page url: CLAIMREVIEW_URL_BASE is not set'],
      },
    });
  });

  it('a claim without text or an assessment without a verdict, and the export goes on', async () => {
    const noText = { ...row, key: 'assessment:2', claim: { ...row.claim, text: null } };
    const noVerdict = {
      ...row,
      key: 'assessment:3',
      assessment: { reviewer: 'X', date: '2026-02-05', verdict: '' },
    };
    const omitted: OmittedReview[] = [];
    const doc = JSON.parse(
      await collect(
        claimReviewJsonLd({ urlBase: BASE, onOmitted: (o) => omitted.push(o) })(
          arrayReader({ claimReviews: [noText, row, noVerdict] }),
        ),
      ),
    );
    expect(doc['@graph'].map((r: { identifier: string }) => r.identifier)).toEqual([row.key]);
    expect(omitted).toEqual([
      { key: 'assessment:2', claimKey: 'a1#c1', reasons: ['no claimReviewed: the claim has no text'] },
      {
        key: 'assessment:3',
        claimKey: 'a1#c1',
        reasons: ['no reviewRating.alternateName: the assessment has no verdict'],
      },
    ]);
  });

  it('the document stays valid JSON-LD when every review is left out', async () => {
    const doc = JSON.parse(await collect(claimReviewJsonLd({})(arrayReader({ claimReviews: [row] }))));
    expect(doc).toEqual({ '@context': 'https://schema.org', '@graph': [] });
  });

  it('expands into schema.org terms only, url and datePublished on the Claim included', async () => {
    const doc = JSON.parse(
      await collect(claimReviewJsonLd({ urlBase: BASE })(arrayReader({ claimReviews: [row] }))),
    );
    const terms = expandedTerms(await expandJsonLd(doc));
    for (const term of terms) expect(term).toMatch(/^https?:\/\/schema\.org\/[A-Za-z]+$/);
    expect(terms).toContain('http://schema.org/url');
  });
});
