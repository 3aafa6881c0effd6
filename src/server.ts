/**
 * `npm start` (sources, through tsx's loader in this same process) and `npm run start:prod` /
 * `node dist/server.js` (the build): provision Neo4j, migrate, load the fixtures into an empty
 * database, serve GraphQL.
 *
 * One process: SIGINT/SIGTERM, whenever they arrive (also during provisioning), stop the HTTP
 * server, close the driver and stop the Neo4j this process started, then exit. A local Neo4j
 * that dies on its own is restarted (bounded, logged; see provision.ts).
 */
import { createServer } from 'node:http';
import { serverOptions } from './http-limits.js';
import type { AddressInfo } from 'node:net';
import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './log.js';
import { loadFixturesIfEmpty, startDatabase, type Started } from './app.js';
import { buildYoga } from './yoga.js';
import { httpRoutes } from './http-routes.js';
import { startTracing, type Tracing } from './tracing.js';

const SHUTDOWN_DEADLINE_MS = 20_000;

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
  const server = createServer(serverOptions(config));
  // Filled once the database is up; shutdown() may run before that.
  const running: { started?: Started; tracing?: Tracing } = {};
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down');
    // Whatever hangs (a connection that will not close, a database that does not answer), the
    // process ends: an orchestrator's grace period is typically 30 s.
    setTimeout(() => {
      log.error({ afterMs: SHUTDOWN_DEADLINE_MS }, 'shutdown did not finish in time: exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    if (server.listening) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    await running.started?.close();
    await running.tracing
      ?.shutdown()
      .catch((error: unknown) => log.warn({ err: error }, 'flushing spans failed'));
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const started = await startDatabase(config, log, { supervise: true });
  running.started = started;
  if (shuttingDown) return; // a signal came during provisioning: shutdown() stops what started
  const db = started.db;

  try {
    if (config.LOAD_FIXTURES) {
      const claims = await loadFixturesIfEmpty(db, log);
      if (claims > 0) log.info({ claims }, 'fixtures loaded into the empty database');
    }
  } catch (error) {
    log.error({ err: error }, 'loading fixtures failed');
    await started.close();
    process.exit(1);
  }
  if (shuttingDown) return;

  const tracing = await startTracing(config);
  running.tracing = tracing;
  if (tracing) {
    db.onStatement(tracing.statementHook);
    log.info({ endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT }, 'OpenTelemetry tracing on');
  }
  const yoga = buildYoga({
    config,
    db,
    log,
    plugins: httpRoutes({ config, db, log }),
    tracingPlugin: tracing?.plugin,
  });
  server.on('request', yoga);
  server.listen(config.PORT, config.HOST, () => {
    // PORT=0 picks a free port: report the one actually bound.
    const { port } = server.address() as AddressInfo;
    const host = ['0.0.0.0', '127.0.0.1', '::'].includes(config.HOST) ? 'localhost' : config.HOST;
    const base = `http://${host}:${port}`;
    log.info({ graphql: `${base}/graphql`, ready: `${base}/ready`, port, pid: process.pid }, 'listening');
    console.log(
      `\nGraphQL (GraphiQL in a browser): ${base}/graphql\nReadiness: ${base}/ready\nHealth: ${base}/health\n`,
    );
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
