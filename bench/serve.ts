/**
 * One GraphQL server for the throughput bench, run as a child process of bench/throughput.ts so
 * its RSS is its own: `tsx bench/serve.ts ours|neo4j-graphql`. Listens on 127.0.0.1:$BENCH_PORT
 * only, talks to the Neo4j at $NEO4J_URI, prints `listening <port>` when ready, exits on SIGTERM.
 *
 * - ours: buildYoga (Pothos schema, armor, masking, round-trip counter) over our db layer.
 * - neo4j-graphql: @neo4j/graphql v7 with bench/neo4j-graphql/type-defs.graphql, served by
 *   graphql-yoga with the same transport settings.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/db/database.js';
import { buildYoga } from '../src/yoga.js';

const which = process.argv[2];
const port = Number(process.env.BENCH_PORT ?? 0);
const uri = process.env.NEO4J_URI ?? '';
const username = process.env.NEO4J_USERNAME ?? 'neo4j';
const password = process.env.NEO4J_PASSWORD ?? '';
const database = process.env.NEO4J_DATABASE ?? 'neo4j';

let handler: Parameters<typeof createServer>[1];
let close: () => Promise<void>;
if (which === 'ours') {
  // The bench only reads: a public read-only instance, as production allows without API keys.
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'production',
    PUBLIC_READS: 'true',
    WRITES_DISABLED: 'true',
  });
  const db = connect({ uri, username, password, database }, config);
  handler = buildYoga({ config, db }) as never;
  close = () => db.close();
} else if (which === 'neo4j-graphql') {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const typeDefs = readFileSync(path.join(dir, 'neo4j-graphql', 'type-defs.graphql'), 'utf8');
  const driver = neo4j.driver(uri, neo4j.auth.basic(username, password));
  const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
  handler = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    batching: false,
    logging: false,
    context: () => ({ sessionConfig: { database } }),
  }) as never;
  close = () => driver.close();
} else {
  console.error('usage: tsx bench/serve.ts ours|neo4j-graphql');
  process.exit(2);
}

const server = createServer(handler);
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : port}`);
});
process.on('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => void close().finally(() => process.exit(0)));
});
