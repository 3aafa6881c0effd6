/**
 * Standard security headers on every response, set where a route has not set its own (the
 * explorer sends a stricter policy of its own, src/explorer/plugin.ts). JSON and other data get
 * a policy that allows nothing and no framing. GraphiQL (outside production only) is one HTML
 * page with its script, styles and editor workers inlined (src/graphiql.ts), so it needs inline
 * scripts and styles, `eval` for its editor, blob: workers, and fetches to this server only.
 * No Strict-Transport-Security: TLS is the proxy's in front of this server, which sets it.
 */
import type { Plugin } from 'graphql-yoga';

export const DATA_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const GRAPHIQL_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const ALWAYS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      for (const [name, value] of Object.entries(ALWAYS)) {
        if (!response.headers.has(name)) response.headers.set(name, value);
      }
      if (!response.headers.has('content-security-policy')) {
        const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
        response.headers.set('content-security-policy', html ? GRAPHIQL_POLICY : DATA_POLICY);
      }
    },
  };
}
