import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream } from 'pino';
import type { Config } from './config.js';

/** What every log line written while serving a request carries (set by src/request-id.ts). */
export interface LogScope {
  requestId: string;
}
export const logScope = new AsyncLocalStorage<LogScope>();

/**
 * Structured JSON logs; quiet in tests (LOG_LEVEL=silent). A line written while a request is
 * being served carries its `requestId`, whichever module writes it.
 */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>,
  destination?: DestinationStream,
) {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'claim-graph' },
      mixin: () => {
        const scope = logScope.getStore();
        return scope ? { requestId: scope.requestId } : {};
      },
    },
    destination,
  );
}
export type Logger = ReturnType<typeof createLogger>;
