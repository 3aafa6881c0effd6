/**
 * Serves the explorer page at GET /explore and its script and stylesheet at /explore/assets/*.
 * The page is a plain client of the public GraphQL API: it gets no other route and no privileges.
 */
import type { Plugin } from 'graphql-yoga';
import { explorerAssets, type AssetName } from './bundle.js';

const ROUTES = new Map<string, AssetName>([
  ['/explore', 'index.html'],
  ['/explore/', 'index.html'],
  ['/explore/assets/app.js', 'app.js'],
  ['/explore/assets/app.css', 'app.css'],
]);

// Everything the page loads comes from this server. Inline styles are allowed because
// Cytoscape.js injects a small stylesheet for its container; scripts stay strictly same-origin.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export function useExplorer(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const name = ROUTES.get(url.pathname);
      if (!name) {
        if (url.pathname.startsWith('/explore/'))
          endResponse(new fetchAPI.Response('Not found', { status: 404 }));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(
          new fetchAPI.Response('Method not allowed', { status: 405, headers: { allow: 'GET, HEAD' } }),
        );
        return;
      }
      const asset = (await explorerAssets()).get(name);
      if (!asset) throw new Error(`explorer asset ${name} missing`);
      const headers = {
        'content-type': asset.contentType,
        etag: asset.etag,
        // Revalidate every time: the ETag makes that cheap, and a restart never serves stale code.
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'content-security-policy': CONTENT_SECURITY_POLICY,
      };
      if (request.headers.get('if-none-match') === asset.etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : asset.body, { headers }));
    },
  };
}
