/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), one per assessment: the
 * markup fact-checkers publish so search engines and aggregators pick verdicts up. The
 * document is `{"@context": "https://schema.org", "@graph": [...]}` so it can be streamed.
 *
 * Which properties are written follows Google's fact-check structured-data guidelines
 * (https://developers.google.com/search/docs/appearance/structured-data/factcheck):
 * required on ClaimReview are `claimReviewed`, `reviewRating` (whose `alternateName`, the
 * verdict in words, is required) and `url` (the page hosting the fact check); recommended are
 * `author` (with `name` and `url`), `datePublished` and `itemReviewed`, a Claim with `author`,
 * `datePublished`, `appearance` and `firstAppearance`; on the Rating, `ratingValue`,
 * `bestRating` and `worstRating`. A review missing a required property is left out (Google
 * would reject the whole markup) and the reason is reported through `onOmitted`.
 */
import type { Plain } from '../db/convert.js';
import { agentClass } from './agent-kind.js';
import { JsonSection } from './json.js';
import type { GraphReader } from './reader.js';
import type { ArticleRef, ClaimReviewRow } from './rows.js';

type JsonLd = { [name: string]: JsonLd | string | number | boolean | JsonLd[] };

export interface ClaimReviewOptions {
  /**
   * Where the fact-check pages are published (CLAIMREVIEW_URL_BASE): a review's `url` is this
   * base followed by the URI-encoded claim key, and its author's `url` is the base's site. Without
   * it no review has the required `url`, so every review is left out.
   */
  urlBase?: string;
  /** Called once per review left out, with why (the export goes on with the next one). */
  onOmitted?: (omitted: OmittedReview) => void;
}

export interface OmittedReview {
  /** The assessment's key. */
  key: string;
  claimKey: string;
  /** Each required property that is missing, in words. */
  reasons: string[];
}

export type ClaimReviewResult = { markup: JsonLd } | { omitted: OmittedReview };

/** Drops absent values, so the markup never carries `null` (JSON-LD would drop it anyway). */
function compact(object: Record<string, Plain | JsonLd | undefined>): JsonLd {
  const out: JsonLd = {};
  for (const [name, value] of Object.entries(object)) {
    if (value !== null && value !== undefined) out[name] = value as JsonLd;
  }
  return out;
}

const asString = (value: Plain | undefined): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;
/** Ratings may be stored as numbers or numeric strings; schema.org takes either, JSON numbers read best. */
const asRating = (value: Plain | undefined): number | string | undefined =>
  typeof value === 'number' ? value : asString(value);

/** The site (scheme, host and port) of an absolute http(s) URL, or undefined. */
export function siteOf(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? `${parsed.origin}/` : undefined;
  } catch {
    return undefined;
  }
}

/** The fact-check page of a claim: the configured base and the URI-encoded claim key. */
export function reviewPageUrl(urlBase: string, claimKey: string): string {
  return `${urlBase}${encodeURIComponent(claimKey)}`;
}

function creativeWork(article: ArticleRef | null): JsonLd | undefined {
  if (!article) return undefined;
  return compact({
    '@type': 'CreativeWork',
    url: article.url,
    headline: article.title,
    datePublished: article.publishedAt,
  });
}

/** The ClaimReview markup of one assessment, or why it is left out. */
export function claimReview(row: ClaimReviewRow, options: ClaimReviewOptions = {}): ClaimReviewResult {
  const a = row.assessment;
  const reviewer = asString(a.reviewer);
  const speaker = row.originSpeaker;
  const claimReviewed = asString(row.claim.text);
  const verdict = asString(a.ratingName) ?? asString(a.verdict);
  const urlBase = options.urlBase;

  const reasons: string[] = [];
  if (!urlBase) reasons.push('no fact-check page url: CLAIMREVIEW_URL_BASE is not set');
  if (!claimReviewed) reasons.push('no claimReviewed: the claim has no text');
  if (!verdict) reasons.push('no reviewRating.alternateName: the assessment has no verdict');
  if (reasons.length > 0 || !urlBase) {
    return { omitted: { key: row.key, claimKey: row.claim.key, reasons } };
  }

  const ratingValue = asRating(a.ratingValue);
  return {
    markup: compact({
      '@type': 'ClaimReview',
      identifier: row.key,
      url: reviewPageUrl(urlBase, row.claim.key),
      claimReviewed,
      reviewRating: compact({
        '@type': 'Rating',
        ratingValue,
        // schema.org's defaults (5 and 1) written out whenever there is a number, so a reader
        // never has to guess the scale.
        bestRating: asRating(a.bestRating) ?? (ratingValue === undefined ? undefined : 5),
        worstRating: asRating(a.worstRating) ?? (ratingValue === undefined ? undefined : 1),
        // The verdict in words ("False", "Misleading"): what readers and aggregators show.
        alternateName: verdict,
      }),
      author: reviewer
        ? compact({ '@type': 'Organization', name: reviewer, url: siteOf(urlBase) })
        : undefined,
      datePublished: asString(a.date),
      reviewBody: asString(a.note),
      itemReviewed: compact({
        '@type': 'Claim',
        identifier: row.claim.key,
        // The verbatim words when the article quotes them.
        text: row.claim.quote,
        // Left out when the saying is not known to the day: a fallback or a month would be a date
        // the reporting does not give.
        datePublished: asString(row.claim.saidOn),
        author: speaker
          ? compact({
              '@type': agentClass(speaker.type, speaker.kind),
              name: speaker.name ?? speaker.key,
              // Known for outlets: the site of an article they published.
              url: siteOf(speaker.site),
            })
          : undefined,
        appearance: creativeWork(row.appearance),
        firstAppearance: creativeWork(row.firstAppearance ?? row.appearance),
      }),
    }),
  };
}

export function claimReviewJsonLd(options: ClaimReviewOptions = {}) {
  return async function* (reader: GraphReader): AsyncGenerator<string> {
    yield '{"@context":"https://schema.org","@graph":[';
    const graph = new JsonSection('\n', '\n');
    for await (const page of reader.claimReviews()) {
      const written: string[] = [];
      for (const row of page) {
        const result = claimReview(row, options);
        if ('markup' in result) written.push(JSON.stringify(result.markup));
        else options.onOmitted?.(result.omitted);
      }
      yield graph.add(written);
    }
    yield graph.end() + ']}\n';
  };
}
