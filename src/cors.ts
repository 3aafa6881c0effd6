/**
 * Cross-origin access from configuration. Yoga's default reflects any `Origin` with
 * `Access-Control-Allow-Credentials: true`, so any site a visitor opens could read the API as
 * that visitor. Here (Yoga's own CORS turned off) only the origins in CORS_ORIGINS get CORS
 * headers; an unknown origin gets none, so the browser keeps the answer from the page.
 * Credentials only with CORS_CREDENTIALS=true; `*` means any origin, never with credentials.
 */
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import { BOOKMARK_HEADER } from './bookmark-header.js';
import { REQUEST_ID_HEADER } from './request-id.js';

/**
 * Headers a browser client may send: JSON bodies, API keys, request ids, the bookmark it was
 * given (read-your-writes across instances), CSRF markers.
 */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  REQUEST_ID_HEADER,
  BOOKMARK_HEADER,
  'x-graphql-csrf',
  'apollo-require-preflight',
];

export function useCors(config: Pick<Config, 'CORS_ORIGINS' | 'CORS_CREDENTIALS'>): Plugin {
  const any = config.CORS_ORIGINS.includes('*');
  const allowed = new Set(config.CORS_ORIGINS);
  const corsHeaders = (request: Request): Record<string, string> | undefined => {
    const origin = request.headers.get('origin');
    if (origin === null || (!any && !allowed.has(origin))) return undefined;
    return {
      'access-control-allow-origin': any ? '*' : origin,
      ...(!any && config.CORS_CREDENTIALS ? { 'access-control-allow-credentials': 'true' } : {}),
      // A browser client reads these two: the request id to report, the bookmark to send back.
      'access-control-expose-headers': [REQUEST_ID_HEADER, BOOKMARK_HEADER].join(', '),
    };
  };
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'OPTIONS') return;
      // A preflight: answered here, with the CORS headers only for an allowed origin.
      const headers = corsHeaders(request);
      endResponse(
        new fetchAPI.Response(null, {
          status: 204,
          headers: {
            'content-length': '0',
            vary: 'Origin',
            ...(headers && {
              ...headers,
              'access-control-allow-methods': 'GET, POST, OPTIONS',
              'access-control-allow-headers': ALLOWED_HEADERS.join(', '),
              'access-control-max-age': '600',
            }),
          },
        }),
      );
    },
    onResponse({ request, response }) {
      // The answer depends on the Origin whenever an allow-list is in force: caches must know.
      if (!any) response.headers.append('vary', 'Origin');
      const headers = corsHeaders(request);
      if (request.method === 'OPTIONS' || !headers) return;
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    },
  };
}
