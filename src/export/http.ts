/**
 * `GET /export/<format>[?node=<key>&depth=N]`: the exports over HTTP, streamed as they are read,
 * with the same read policy as the GraphQL endpoint (public unless PUBLIC_READS=false, a wrong
 * key refused). Bad options answer 400 and an unknown node 404 before any byte is sent.
 *
 * Failing safely: an error after the first byte (a page read that times out, a lost database)
 * cannot change the status any more, so it aborts the connection (the client sees a truncated
 * transfer, never a complete-looking 200) and errors the body stream; it never escapes as an
 * unhandled rejection. Bounded: depth at most MAX_NEIGHBOURHOOD_DEPTH (as the API's
 * neighbourhoods), at most EXPORT_CONCURRENCY exports at once (503 with Retry-After past it),
 * and whole-graph exports can be made to need a key (EXPORT_KEY_REQUIRED).
 */
import type { ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import { ZodError } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { KeyRing } from '../auth.js';
import type { Logger } from '../log.js';
import { prepareExport } from './index.js';
import { NodeNotFoundError } from './reader.js';

const ROUTE = /^\/export\/([a-z]+)$/;

export function useExports({ config, db, log }: { config: Config; db: Database; log?: Logger }): Plugin {
  const keys = new KeyRing(config.API_KEYS);
  let running = 0;
  return {
    async onRequest({ request, url, endResponse, fetchAPI, serverContext }) {
      const match = ROUTE.exec(url.pathname);
      if (!match) return;
      const json = (status: number, body: unknown) =>
        endResponse(
          new fetchAPI.Response(JSON.stringify(body), {
            status,
            headers: { 'content-type': 'application/json' },
          }),
        );
      if (request.method !== 'GET') return json(405, { error: 'use GET' });
      const caller = keys.identify(request.headers);
      if (caller.invalidKey || (!config.PUBLIC_READS && caller.role === 'anonymous')) {
        return json(401, { error: 'a valid API key is needed' });
      }
      const depth = url.searchParams.get('depth');
      const node = url.searchParams.get('node');
      const needsKey =
        config.EXPORT_KEY_REQUIRED === 'always' || (config.EXPORT_KEY_REQUIRED === 'whole' && !node);
      if (needsKey && caller.role === 'anonymous') {
        return json(401, {
          error: `a valid API key is needed for ${node ? 'exports' : 'whole-graph exports'}`,
        });
      }
      if (depth !== null && Number(depth) > config.MAX_NEIGHBOURHOOD_DEPTH) {
        return json(400, {
          error: 'invalid export options',
          issues: [{ path: 'depth', message: `must be at most ${config.MAX_NEIGHBOURHOOD_DEPTH}` }],
        });
      }
      if (running >= config.EXPORT_CONCURRENCY) {
        return endResponse(
          new fetchAPI.Response(
            JSON.stringify({ error: `${running} exports are running; try again shortly` }),
            { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '5' } },
          ),
        );
      }
      running += 1;
      let released = false;
      const release = () => {
        if (!released) running -= 1;
        released = true;
      };
      try {
        const profile = url.searchParams.get('profile');
        const include = url.searchParams.get('include');
        const gexfVersion = url.searchParams.get('version');
        let omitted = 0;
        const prepared = await prepareExport(
          db,
          {
            format: match[1] as never,
            ...(node ? { nodeKey: node } : {}),
            ...(depth !== null ? { depth: Number(depth) } : {}),
            ...(profile !== null ? { profile: profile as never } : {}),
            ...(include !== null ? { include: include.split(',').map((s) => s.trim()) as never } : {}),
            ...(gexfVersion !== null ? { gexfVersion: gexfVersion as never } : {}),
          },
          {
            claimReviewUrlBase: config.CLAIMREVIEW_URL_BASE,
            onOmittedReview: (o) => {
              omitted += 1;
              log?.info({ review: o.key, claim: o.claimKey, reasons: o.reasons }, 'ClaimReview left out');
            },
          },
        );
        const done = () => {
          if (match[1] === 'claimreview') log?.info({ omitted }, 'ClaimReview export finished');
        };
        const encoder = new TextEncoder();
        const iterator = prepared.chunks[Symbol.asyncIterator]();
        // Pull-based: the next page is read from Neo4j only when the client has taken the last.
        // Under node:http the raw response is in the server context: destroying it is what
        // tells the client the body is incomplete (no final chunk).
        const raw = (serverContext as { res?: ServerResponse } | undefined)?.res;
        const body = new fetchAPI.ReadableStream<Uint8Array>({
          async pull(controller) {
            let next: IteratorResult<string>;
            try {
              next = await iterator.next();
            } catch (error) {
              release();
              raw?.destroy();
              controller.error(error);
              return;
            }
            if (next.done) {
              release();
              done();
              controller.close();
            } else controller.enqueue(encoder.encode(next.value));
          },
          async cancel() {
            release();
            await iterator.return?.();
          },
        });
        return endResponse(
          new fetchAPI.Response(body, {
            status: 200,
            headers: {
              'content-type': prepared.contentType,
              'content-disposition': `attachment; filename="${prepared.fileName}"`,
            },
          }),
        );
      } catch (error) {
        release();
        if (error instanceof ZodError) {
          return json(400, {
            error: 'invalid export options',
            issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          });
        }
        if (error instanceof NodeNotFoundError) return json(404, { error: error.message });
        throw error;
      }
    },
  };
}
