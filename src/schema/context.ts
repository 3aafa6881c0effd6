import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Loaders } from '../graph/loaders.js';
import type { Caller } from '../auth.js';

/** What every resolver sees. Built per request in yoga.ts; holds no state across requests. */
export interface Context {
  config: Config;
  db: Database;
  loaders: Loaders;
  caller: Caller;
}
