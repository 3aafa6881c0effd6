/**
 * Limits of the HTTP server itself, for `createServer(serverOptions(config), ...)`: a request's
 * headers must arrive within HEADERS_TIMEOUT_MS and the whole request (headers and body) within
 * REQUEST_TIMEOUT_MS, or the connection is closed. Node's defaults (60 s, 300 s, checked every
 * 30 s) let a client sending one byte every few seconds hold a socket for minutes. Responses are
 * not limited here: a long export streams past these times (they cover receiving only).
 * The body size limit is Yoga's (`maxRequestBodySize` in src/yoga.ts, MAX_BODY_BYTES).
 */
import type { ServerOptions } from 'node:http';
import type { Config } from './config.js';

export function serverOptions(
  config: Pick<Config, 'HEADERS_TIMEOUT_MS' | 'REQUEST_TIMEOUT_MS'>,
): ServerOptions {
  return {
    headersTimeout: Math.min(config.HEADERS_TIMEOUT_MS, config.REQUEST_TIMEOUT_MS),
    requestTimeout: config.REQUEST_TIMEOUT_MS,
    // How often Node checks the two timeouts above; its default of 30 s would let them overrun.
    connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(config.HEADERS_TIMEOUT_MS / 4))),
    keepAliveTimeout: 5_000,
  };
}
