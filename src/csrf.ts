/**
 * CSRF prevention. A page on another site can make a browser send a "simple" request (a form
 * post: urlencoded, multipart or text/plain body, or none) with no CORS preflight, and Yoga
 * executes a urlencoded `query=mutation ...` body. So a POST must either carry a JSON (or
 * other non-simple) content type, which a cross-site page can only send after a preflight that
 * CORS_ORIGINS decides, or a header that forces one (`X-GraphQL-CSRF`, or Apollo's
 * `apollo-require-preflight`). GET requests cannot mutate (Yoga answers 405 to a mutation over
 * GET), so queries by URL and persisted-query GETs keep working. The same rule as Apollo
 * Server's CSRF prevention, applied to POST only.
 */
import type { Plugin } from 'graphql-yoga';

const SIMPLE_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const PREFLIGHT_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight'];

/** True when a browser could send this POST cross-site without asking first. */
export function isSimplePost(request: Request): boolean {
  if (request.method !== 'POST') return false;
  if (PREFLIGHT_HEADERS.some((h) => request.headers.has(h))) return false;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  return type === '' || SIMPLE_TYPES.has(type);
}

/** Applies to the GraphQL endpoint, the only route that writes (the others answer GET only). */
export function useCsrfPrevention(endpoint = '/graphql'): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint || !isSimplePost(request)) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message:
                  'POST requests need Content-Type: application/json (or an X-GraphQL-CSRF header); form posts and other simple requests are refused (CSRF prevention)',
                extensions: { code: 'BAD_REQUEST' },
              },
            ],
          }),
          { status: 400, headers: { 'content-type': 'application/json; charset=utf-8' } },
        ),
      );
    },
  };
}
