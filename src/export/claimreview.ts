/**
 * schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), one per assessment: the
 * markup fact-checkers publish so search engines and aggregators pick verdicts up. The
 * document is `{"@context": "https://schema.org", "@graph": [...]}` so it can be streamed.
 */
import type { Plain } from '../db/convert.js';
import { agentClass } from './agent-kind.js';
import { JsonSection } from './json.js';
import type { GraphReader } from './reader.js';
import type { ArticleRef, ClaimReviewRow } from './rows.js';

type JsonLd = { [name: string]: JsonLd | string | number | boolean | JsonLd[] };

/** Drops absent values, so the markup never carries `null` (JSON-LD would drop it anyway). */
function compact(object: Record<string, Plain | JsonLd | undefined>): JsonLd {
  const out: JsonLd = {};
  for (const [name, value] of Object.entries(object)) {
    if (value !== null && value !== undefined) out[name] = value as JsonLd;
  }
  return out;
}

const asString = (value: Plain | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
/** Ratings may be stored as numbers or numeric strings; schema.org takes either, JSON numbers read best. */
const asRating = (value: Plain | undefined): number | string | undefined =>
  typeof value === 'number' ? value : asString(value);

function creativeWork(article: ArticleRef | null): JsonLd | undefined {
  if (!article) return undefined;
  return compact({
    '@type': 'CreativeWork',
    url: article.url,
    headline: article.title,
    datePublished: article.publishedAt,
  });
}

export function claimReview(row: ClaimReviewRow): JsonLd {
  const a = row.assessment;
  const reviewer = asString(a.reviewer);
  const speaker = row.originSpeaker;
  return compact({
    '@type': 'ClaimReview',
    identifier: row.key,
    claimReviewed: row.claim.text,
    reviewRating: compact({
      '@type': 'Rating',
      ratingValue: asRating(a.ratingValue),
      bestRating: asRating(a.bestRating),
      worstRating: asRating(a.worstRating),
      // The verdict in words ("False", "Misleading"): what readers and aggregators show.
      alternateName: asString(a.ratingName) ?? asString(a.verdict),
    }),
    author: reviewer && { '@type': 'Organization', name: reviewer },
    datePublished: asString(a.date),
    reviewBody: asString(a.note),
    itemReviewed: compact({
      '@type': 'Claim',
      identifier: row.claim.key,
      // The verbatim words when the article quotes them.
      text: row.claim.quote,
      author: speaker
        ? compact({ '@type': agentClass(speaker.type, speaker.kind), name: speaker.name ?? speaker.key })
        : undefined,
      appearance: creativeWork(row.appearance),
      firstAppearance: creativeWork(row.firstAppearance ?? row.appearance),
    }),
  });
}

export async function* claimReviewJsonLd(reader: GraphReader): AsyncGenerator<string> {
  yield '{"@context":"https://schema.org","@graph":[';
  const graph = new JsonSection('\n', '\n');
  for await (const page of reader.claimReviews()) {
    yield graph.add(page.map((row) => JSON.stringify(claimReview(row))));
  }
  yield graph.end() + ']}\n';
}
