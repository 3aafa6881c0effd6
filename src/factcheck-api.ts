/**
 * `GET /v1alpha1/claims:search`: the reviewed claims of the graph in the shape of Google's Fact
 * Check Tools API, so tools written for it work on our graph by changing the base URL.
 *
 * Request and response follow the method's reference
 * (https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims/search):
 * query parameters `query` (required unless `reviewPublisherSiteFilter` is given),
 * `languageCode` (BCP-47; compared on the language, not the region, as Google does),
 * `reviewPublisherSiteFilter`, `maxAgeDays` (age from the claim date or the review date,
 * whichever is newer), `pageSize` (default 10), `pageToken` and `offset`; the body is
 * `{ claims: [{ text, claimant, claimDate, claimReview: [{ publisher: { name, site }, url, title,
 * reviewDate, textualRating, languageCode }] }], nextPageToken }` (the Claim resource,
 * https://developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/claims). Absent
 * values are left out, as Google's JSON leaves out empty fields: `title` always (a review has no
 * page title of its own here), `url` when CLAIMREVIEW_URL_BASE is not set. Errors use Google's
 * JSON error shape, `{ error: { code, message, status } }` (https://google.aip.dev/193).
 *
 * Same read policy as /graphql: public unless PUBLIC_READS=false; a key may be sent as Google
 * clients send theirs (`?key=`) or as on the rest of the API (Authorization / X-API-Key). The
 * search text is bounded as everywhere else (src/graph/lucene.ts).
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { KeyRing } from './auth.js';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { DatabaseUnavailableError, QueryTimeoutError } from './db/errors.js';
import { siteOf, reviewPageUrl } from './export/claimreview.js';
import { searchFactChecks, type FactCheckHit } from './graph/factcheck.js';
import { searchTextProblem, toLuceneQuery } from './graph/lucene.js';
import type { Logger } from './log.js';

export const FACTCHECK_ROUTE = '/v1alpha1/claims:search';
export const DEFAULT_PAGE_SIZE = 10;
/** The furthest back maxAgeDays reaches (about 100 years); larger values are refused. */
const MAX_AGE_DAYS = 36_500;
/** The deepest offset a page may start at: far beyond any real result list, bounding the work. */
const MAX_OFFSET = 10_000;

/** Google's canonical error codes, by HTTP status, for the errors this endpoint gives. */
const STATUS_OF: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export class FactCheckRequestError extends Error {
  constructor(
    message: string,
    readonly code = 400,
  ) {
    super(message);
    this.name = 'FactCheckRequestError';
  }
}

export interface FactCheckParams {
  query: string | null;
  languageCode: string | null;
  reviewPublisherSiteFilter: string | null;
  maxAgeDays: number | null;
  pageSize: number;
  offset: number;
}

const KNOWN = new Set([
  'query',
  'languageCode',
  'reviewPublisherSiteFilter',
  'maxAgeDays',
  'pageSize',
  'pageToken',
  'offset',
  // Google's system parameters, accepted and ignored (`key` is read as the API key).
  'key',
  'alt',
  'prettyPrint',
  'fields',
  'callback',
  '$.xgafv',
]);

function integer(params: URLSearchParams, name: string, min: number, max: number): number | null {
  const raw = params.get(name);
  if (raw === null || raw === '') return null;
  if (!/^-?\d+$/.test(raw.trim()))
    throw new FactCheckRequestError(`Invalid value at '${name}' (TYPE_INT32), "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) {
    throw new FactCheckRequestError(`'${name}' must be from ${min} to ${max}; got ${value}.`);
  }
  return value;
}

/** The token of the next page: the offset, bound to the other parameters (as Google requires). */
export function pageToken(params: Omit<FactCheckParams, 'offset'>, offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset, h: paramsHash(params) })).toString('base64url');
}

function paramsHash(params: Omit<FactCheckParams, 'offset'>): string {
  const { query, languageCode, reviewPublisherSiteFilter, maxAgeDays, pageSize } = params;
  return createHash('sha256')
    .update(JSON.stringify([query, languageCode, reviewPublisherSiteFilter, maxAgeDays, pageSize]))
    .digest('base64url')
    .slice(0, 16);
}

/** Checks and reads the query string. Throws FactCheckRequestError naming what is wrong. */
export function parseFactCheckParams(params: URLSearchParams, maxPageSize: number): FactCheckParams {
  for (const name of params.keys()) {
    if (!KNOWN.has(name))
      throw new FactCheckRequestError(`Unknown name "${name}": Cannot bind query parameter.`);
  }
  const query = params.get('query')?.trim() || null;
  const reviewPublisherSiteFilter = params.get('reviewPublisherSiteFilter')?.trim().toLowerCase() || null;
  if (query === null && reviewPublisherSiteFilter === null) {
    throw new FactCheckRequestError("'query' is required unless 'reviewPublisherSiteFilter' is given.");
  }
  if (query !== null) {
    const problem = searchTextProblem(query);
    if (problem) throw new FactCheckRequestError(`'query' ${problem}.`);
  }
  if (reviewPublisherSiteFilter !== null && !/^[a-z0-9.-]{1,253}$/.test(reviewPublisherSiteFilter)) {
    throw new FactCheckRequestError(`'reviewPublisherSiteFilter' must be a site such as example.org.`);
  }
  const languageCode = params.get('languageCode')?.trim() || null;
  if (languageCode !== null && !/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(languageCode)) {
    throw new FactCheckRequestError(`'languageCode' must be a BCP-47 language code such as en-US.`);
  }
  const maxAgeDays = integer(params, 'maxAgeDays', 1, MAX_AGE_DAYS);
  const pageSize = integer(params, 'pageSize', 1, maxPageSize) ?? DEFAULT_PAGE_SIZE;
  const base = { query, languageCode, reviewPublisherSiteFilter, maxAgeDays, pageSize };
  const token = params.get('pageToken');
  let offset = integer(params, 'offset', 0, MAX_OFFSET) ?? 0;
  if (token) {
    let decoded: { o?: unknown; h?: unknown } = {};
    try {
      decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof decoded;
    } catch {
      throw new FactCheckRequestError("'pageToken' is not a token this endpoint gave.");
    }
    if (
      typeof decoded.o !== 'number' ||
      !Number.isInteger(decoded.o) ||
      decoded.o < 0 ||
      decoded.o > MAX_OFFSET
    ) {
      throw new FactCheckRequestError("'pageToken' is not a token this endpoint gave.");
    }
    if (decoded.h !== paramsHash(base)) {
      throw new FactCheckRequestError(
        "'pageToken' belongs to another search: every other parameter must be the same as in the request that gave it.",
      );
    }
    offset = decoded.o;
  }
  return { ...base, offset };
}

/** Whether the site of `urlBase` is the filter's site or one of its subdomains. */
export function siteMatches(urlBase: string | undefined, filter: string): boolean {
  const site = siteOf(urlBase);
  if (!site) return false;
  const host = new URL(site).hostname.toLowerCase();
  const wanted = filter
    .replace(/^https?:\/\//, '')
    .replace(/\/.*$/, '')
    .replace(/^www\./, '');
  const bare = host.replace(/^www\./, '');
  return bare === wanted || bare.endsWith(`.${wanted}`);
}

/** An ISO date or date-time as the RFC 3339 timestamp Google's API writes ("2026-02-01T00:00:00Z"). */
export function timestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString().replace(/\.000Z$/, 'Z');
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** One claim in the API's shape. */
export function apiClaim(hit: FactCheckHit, urlBase: string | undefined): Record<string, unknown> {
  const site = siteOf(urlBase);
  return prune({
    text: hit.text ?? undefined,
    claimant: hit.claimant ?? undefined,
    claimDate: timestamp(hit.claimDate),
    claimReview: hit.reviews.map((r) =>
      prune({
        publisher: prune({ name: str(r.reviewer), site: site ? new URL(site).host : undefined }),
        url: urlBase ? reviewPageUrl(urlBase, hit.key) : undefined,
        reviewDate: timestamp(r.date),
        textualRating: str(r.ratingName) ?? str(r.verdict),
        // Assessments carry no language of their own: the claim's article's language.
        languageCode: hit.language ?? undefined,
      }),
    ),
  });
}

function prune<T extends Record<string, unknown>>(object: T): T {
  for (const key of Object.keys(object)) if (object[key] === undefined) delete object[key];
  return object;
}

export function useFactCheckApi({ config, db, log }: { config: Config; db: Database; log?: Logger }): Plugin {
  const keys = new KeyRing(config.API_KEYS);
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      // Some clients percent-encode the colon of the custom method.
      if (url.pathname.replace(/%3A/gi, ':') !== FACTCHECK_ROUTE) return;
      const reply = (status: number, body: unknown) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body, null, 2), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      const fail = (code: number, message: string) =>
        reply(code, { error: { code, message, status: STATUS_OF[code] ?? 'UNKNOWN' } });

      if (request.method !== 'GET') return fail(404, `Method ${request.method} is not found; use GET.`);
      const headers = new fetchAPI.Headers(request.headers);
      const keyParam = url.searchParams.get('key');
      if (keyParam && !headers.has('authorization') && !headers.has('x-api-key'))
        headers.set('x-api-key', keyParam);
      const caller = keys.identify(headers);
      if (caller.invalidKey) return fail(400, 'API key not valid. Please pass a valid API key.');
      if (!config.PUBLIC_READS && caller.role === 'anonymous') {
        return fail(401, 'The request is missing a valid API key.');
      }
      let params: FactCheckParams;
      try {
        params = parseFactCheckParams(url.searchParams, config.MAX_PAGE_SIZE);
      } catch (error) {
        if (error instanceof FactCheckRequestError) return fail(error.code, error.message);
        throw error;
      }
      if (
        params.reviewPublisherSiteFilter &&
        !siteMatches(config.CLAIMREVIEW_URL_BASE, params.reviewPublisherSiteFilter)
      ) {
        // Every review here is published on this instance's site: another site has none.
        return reply(200, {});
      }
      try {
        const { total, items } = await searchFactChecks(db, {
          query: params.query === null ? null : toLuceneQuery(params.query),
          language: params.languageCode?.split('-')[0]?.toLowerCase() ?? null,
          since:
            params.maxAgeDays === null
              ? null
              : new Date(Date.now() - params.maxAgeDays * 86_400_000).toISOString().slice(0, 10),
          offset: params.offset,
          limit: params.pageSize,
        });
        const next = params.offset + items.length;
        // Google leaves empty fields out: no matches answer `{}`.
        const body: Record<string, unknown> = {};
        if (items.length > 0) body.claims = items.map((hit) => apiClaim(hit, config.CLAIMREVIEW_URL_BASE));
        if (next < total && next <= MAX_OFFSET) body.nextPageToken = pageToken(params, next);
        return reply(200, body);
      } catch (error) {
        if (error instanceof DatabaseUnavailableError)
          return fail(503, 'The service is currently unavailable.');
        if (error instanceof QueryTimeoutError) return fail(504, 'The search took too long.');
        log?.error({ err: error }, 'claims:search failed');
        return fail(500, 'Internal error encountered.');
      }
    },
  };
}
