/**
 * What errors go to the log, and how loud. A client's mistake (an invalid query, bad input, a
 * missing key, a query too expensive) is the client's business: one line at info (warn for
 * refused keys and refused cost, which can be probing), with its code and path, never a stack,
 * so a flood of bad requests cannot flood the log with stacks. The database being unavailable
 * or too slow is logged at error, without a stack (the message says all there is). Anything
 * unexpected is logged at error with its stack, as Yoga does when it masks an error.
 */
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DatabaseUnavailableError, QueryTimeoutError, ResponseBudgetExceededError } from './db/errors.js';
import type { Logger } from './log.js';

type Level = 'info' | 'warn';

/** Codes of errors that are the client's, and the level they are logged at. */
export const CLIENT_ERROR_LEVELS: Record<string, Level> = {
  GRAPHQL_PARSE_FAILED: 'info',
  GRAPHQL_VALIDATION_FAILED: 'info',
  BAD_USER_INPUT: 'info',
  BAD_REQUEST: 'info',
  PERSISTED_QUERY_NOT_FOUND: 'info',
  PERSISTED_QUERY_NOT_SUPPORTED: 'info',
  NOT_FOUND: 'info',
  CONFLICT: 'info',
  UNAUTHENTICATED: 'warn',
  FORBIDDEN: 'warn',
  QUERY_TOO_EXPENSIVE: 'warn',
};

/** At most this many errors of one response are logged (a document can have a hundred). */
const PER_RESPONSE = 5;

export function useClientErrorLog(log: Logger): Plugin {
  return {
    onResultProcess({ result }) {
      if (Symbol.asyncIterator in Object(result)) return;
      const results = (Array.isArray(result) ? result : [result]) as { errors?: readonly GraphQLError[] }[];
      const errors = results.flatMap((r) => r.errors ?? []);
      for (const error of errors.slice(0, PER_RESPONSE)) {
        const code = String(error.extensions?.code ?? '');
        const level = CLIENT_ERROR_LEVELS[code];
        if (level) log[level]({ code, path: error.path?.join('.') }, `client error: ${error.message}`);
      }
    },
  };
}

/** What Yoga itself logs, through the process logger (and so with the request id). */
export function yogaLogger(log: Logger) {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [first, ...rest] = args;
      if (first instanceof Error) {
        const known = knownError(first);
        if (known) log[known.level]({ code: known.code }, first.message);
        else log[level]({ err: first }, first.message);
      } else log[level]({ args: rest.length ? rest : undefined }, String(first));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Errors whose message says it all: no stack in the log. */
function knownError(error: Error): { level: 'warn' | 'error'; code: string } | undefined {
  const original = (error as { originalError?: unknown }).originalError ?? error;
  if (original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError)
    return { level: 'error', code: original.code };
  if (original instanceof ResponseBudgetExceededError) return { level: 'warn', code: original.code };
  return undefined;
}
