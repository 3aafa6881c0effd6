/**
 * Non-GraphQL HTTP routes served beside /graphql (exports, the explorer page, the Fact Check
 * Tools API compatible search, the SDL).
 */
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { Logger } from './log.js';
import { useExplorer } from './explorer/plugin.js';
import { useExports } from './export/http.js';
import { useFactCheckApi } from './factcheck-api.js';
import { useSdlRoutes } from './sdl-routes.js';

export function httpRoutes(deps: { config: Config; db: Database; log?: Logger }): Plugin[] {
  return [useExplorer(), useExports(deps), useFactCheckApi(deps), useSdlRoutes(deps.config)];
}
