import type { Config } from '../config.js';
import type { Loaders } from '../graph/loaders.js';
import type { Caller } from '../auth.js';

/** What every resolver sees. Built per request in yoga.ts; holds no state across requests. */
export interface Context {
  config: Config;
  /** The database handle, opaque here: resolvers pass it to src/graph functions, never query it. */
  db: Loaders['db'];
  loaders: Loaders;
  caller: Caller;
}
