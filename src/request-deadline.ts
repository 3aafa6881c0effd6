/**
 * Every GraphQL operation runs within one deadline, counted from the moment its HTTP request
 * arrived (src/db/request-deadline.ts): a query gets DB_READ_DEADLINE_MS for all its database
 * calls together, a mutation DB_WRITE_DEADLINE_MS (waiting for a pooled connection and for the
 * article's lock included), plus the commit grace for a write whose COMMIT was sent in time.
 * Whole-article writes (ingestArticle) keep their longer timeout. Past the deadline the operation
 * answers SERVICE_UNAVAILABLE (503) and nothing it had not committed is written.
 */
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Deadlines } from './db/database.js';
import { withRequestDeadline } from './db/request-deadline.js';

export function useRequestDeadline(deadlines: Pick<Deadlines, 'readMs' | 'writeMs'>): Plugin {
  const arrived = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      arrived.set(request, Date.now());
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation !== 'query' && operation?.operation !== 'mutation') return;
      const ms = operation.operation === 'query' ? deadlines.readMs : deadlines.writeMs;
      const request = (args.contextValue as { request?: Request }).request;
      const since = (request && arrived.get(request)) ?? Date.now();
      setExecuteFn((a) => withRequestDeadline(ms, () => executeFn(a), since));
    },
  };
}
