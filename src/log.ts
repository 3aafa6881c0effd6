import pino from 'pino';
import type { Config } from './config.js';

/** Structured JSON logs; quiet in tests (LOG_LEVEL=silent). */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'>) {
  return pino({ level: config.LOG_LEVEL, base: { service: 'claim-graph' } });
}
export type Logger = ReturnType<typeof createLogger>;
