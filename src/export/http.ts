/**
 * `GET /export/<format>[?node=<key>&depth=N]`: the exports over HTTP, streamed as they are read,
 * with the same read policy as the GraphQL endpoint (public unless PUBLIC_READS=false, a wrong
 * key refused). Bad options answer 400 and an unknown node 404 before any byte is sent.
 */
import type { Plugin } from 'graphql-yoga';
import { ZodError } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { KeyRing } from '../auth.js';
import { prepareExport } from './index.js';
import { NodeNotFoundError } from './reader.js';

const ROUTE = /^\/export\/([a-z]+)$/;

export function useExports({ config, db }: { config: Config; db: Database }): Plugin {
  const keys = new KeyRing(config.API_KEYS);
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
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
      try {
        const prepared = await prepareExport(db, {
          format: match[1] as never,
          ...(node ? { nodeKey: node } : {}),
          ...(depth !== null ? { depth: Number(depth) } : {}),
        });
        const encoder = new TextEncoder();
        const iterator = prepared.chunks[Symbol.asyncIterator]();
        // Pull-based: the next page is read from Neo4j only when the client has taken the last.
        const body = new fetchAPI.ReadableStream<Uint8Array>({
          async pull(controller) {
            const next = await iterator.next();
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(next.value));
          },
          async cancel() {
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
