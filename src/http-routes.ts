/** Non-GraphQL HTTP routes served beside /graphql (exports, the explorer page, the SDL). */
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { useExplorer } from './explorer/plugin.js';
import { useExports } from './export/http.js';
import { useSdlRoutes } from './sdl-routes.js';

export function httpRoutes(deps: { config: Config; db: Database }): Plugin[] {
  return [useExplorer(), useExports(deps), useSdlRoutes(deps.config)];
}
