/**
 * The schema as SDL for tools that read a file rather than run introspection (Codegen, Relay's
 * compiler, graphql-inspector, editors): `GET /schema.graphql` and `GET /graphql?sdl`. The text
 * is the one `npm run print-schema` writes to schema.graphql. Same read policy as /graphql.
 */
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import { KeyRing } from './auth.js';
import { printedSchema } from './schema/index.js';

export function useSdlRoutes(config: Config): Plugin {
  const keys = new KeyRing(config.API_KEYS);
  let sdl: { body: string; etag: string } | undefined;
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const wanted =
        url.pathname === '/schema.graphql' || (url.pathname === '/graphql' && url.searchParams.has('sdl'));
      if (!wanted || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const caller = keys.identify(request.headers);
      if (caller.invalidKey || (!config.PUBLIC_READS && caller.role === 'anonymous')) {
        endResponse(
          new fetchAPI.Response(JSON.stringify({ error: 'a valid API key is needed' }), {
            status: 401,
            headers: { 'content-type': 'application/json' },
          }),
        );
        return;
      }
      if (!sdl) {
        const body = printedSchema();
        sdl = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
      }
      const headers = {
        'content-type': 'text/plain; charset=utf-8',
        etag: sdl.etag,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      };
      if (request.headers.get('if-none-match') === sdl.etag) {
        endResponse(new fetchAPI.Response(null, { status: 304, headers }));
        return;
      }
      endResponse(new fetchAPI.Response(request.method === 'HEAD' ? null : sdl.body, { headers }));
    },
  };
}
