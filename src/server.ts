/**
 * `npm start`: provision Neo4j, migrate, load the fixtures into an empty database, serve GraphQL.
 * SIGINT/SIGTERM stop the HTTP server, close the driver and stop the Neo4j this process started.
 */
import { createServer } from 'node:http';
import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './log.js';
import { loadFixturesIfEmpty, startDatabase } from './app.js';
import { buildYoga } from './yoga.js';
import { httpRoutes } from './http-routes.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78);
    }
    throw error;
  }
  const log = createLogger(config);
  const started = await startDatabase(config, log);
  let shuttingDown = false;
  const server = createServer();
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down');
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await started.close();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    if (config.LOAD_FIXTURES) {
      const claims = await loadFixturesIfEmpty(started.db, log);
      if (claims > 0) log.info({ claims }, 'fixtures loaded into the empty database');
    }
  } catch (error) {
    log.error({ err: error }, 'loading fixtures failed');
    await started.close();
    process.exit(1);
  }

  const yoga = buildYoga({ config, db: started.db, plugins: httpRoutes({ config, db: started.db }) });
  server.on('request', yoga);
  server.listen(config.PORT, config.HOST, () => {
    const host = ['0.0.0.0', '127.0.0.1', '::'].includes(config.HOST) ? 'localhost' : config.HOST;
    const base = `http://${host}:${config.PORT}`;
    log.info({ graphql: `${base}/graphql`, ready: `${base}/ready` }, 'listening');
    console.log(
      `\nGraphQL (GraphiQL in a browser): ${base}/graphql\nReadiness: ${base}/ready\nHealth: ${base}/health\n`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
