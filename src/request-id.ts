/**
 * A request id for every HTTP request: the caller's `X-Request-Id` when it is a sane token (a
 * load balancer's or a client's, so one id follows a request across systems), otherwise a new
 * UUID. It is returned in the `X-Request-Id` response header, and every log line written while
 * the request is served carries it (the logger reads `logScope`, see log.ts). One access-log
 * line per request (method, path, status, milliseconds) is written at info level.
 */
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { logScope, type Logger } from './log.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE = /^[A-Za-z0-9._:-]{1,128}$/;

function idFor(request: Request): string {
  const offered = request.headers.get(REQUEST_ID_HEADER);
  return offered && SANE.test(offered) ? offered : randomUUID();
}

export function useRequestId(log?: Logger): Plugin {
  const started = new WeakMap<Request, { id: string; at: number }>();
  return {
    onRequest({ request }) {
      const id = idFor(request);
      started.set(request, { id, at: performance.now() });
      // The rest of this request's handling runs in the async context entered here.
      logScope.enterWith({ requestId: id });
    },
    onResponse({ request, response }) {
      // Routes Yoga answers before any plugin's onRequest (/health) get their id here.
      const entry = started.get(request) ?? { id: idFor(request), at: performance.now() };
      response.headers.set(REQUEST_ID_HEADER, entry.id);
      const path = new URL(request.url, 'http://x').pathname;
      log?.info(
        {
          requestId: entry.id,
          method: request.method,
          path,
          status: response.status,
          ms: Number((performance.now() - entry.at).toFixed(1)),
        },
        'request',
      );
    },
  };
}
