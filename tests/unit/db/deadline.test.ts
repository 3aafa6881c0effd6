/**
 * Client-side deadlines without a database: a TCP server that accepts connections and never
 * answers (as a stopped Neo4j does: its kernel still completes the TCP handshake) hangs the
 * driver's Bolt handshake forever, since the driver's own connection timeout ends at the TCP
 * connect. Every kind of call still fails within its deadline. The driver internals that
 * discard.ts reaches for are checked here, so a driver upgrade that renames them fails this test
 * instead of silently leaving hung connections in the pool. The in-flight case (a query on an
 * open connection) is tests/integration/hung-database.int.test.ts.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { createRequire } from 'node:module';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../src/db/database.js';
import { connectionHolders } from '../../../src/db/discard.js';
import { DatabaseUnavailableError, DeadlineExceededError } from '../../../src/db/errors.js';

const DEADLINES = { readMs: 300, writeMs: 500, graceMs: 100, schemaMs: 700 };

let server: Server;
const sockets: Socket[] = [];
let uri: string;

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.push(socket); // accepted, read, never answered
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  uri = `bolt://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => server.close(resolve));
});

function silentDatabase(): Database {
  // The driver's own timeouts are far longer than the deadlines, so only a deadline can end a call.
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'x'), {
    connectionAcquisitionTimeout: 60_000,
    connectionTimeout: 60_000,
    maxTransactionRetryTime: 60_000,
  });
  return new Database(driver, 'neo4j', 60_000, 60_000, DEADLINES);
}

async function timed(call: Promise<unknown>): Promise<{ error: unknown }> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error };
}

describe('client-side deadlines against a server that never answers', () => {
  it('fail every kind of call with DeadlineExceededError (SERVICE_UNAVAILABLE), naming its deadline', async () => {
    const db = silentDatabase();
    try {
      const calls = {
        read: [db.read((tx) => tx.rows('RETURN 1')), DEADLINES.readMs],
        readOne: [db.readOne('RETURN 1'), DEADLINES.readMs],
        write: [db.write((tx) => tx.exec('CREATE (:X)')), DEADLINES.writeMs],
        longWrite: [db.write((tx) => tx.exec('CREATE (:X)'), { timeoutMs: 600 }), 700],
        autocommit: [db.autocommit('CREATE INDEX x IF NOT EXISTS FOR (n:X) ON (n.x)'), DEADLINES.schemaMs],
      } as const;
      const results = await Promise.all(
        Object.entries(calls).map(async ([name, [call, deadline]]) => ({
          name,
          deadline,
          ...(await timed(call)),
        })),
      );
      for (const r of results) {
        expect(r.error, r.name).toBeInstanceOf(DeadlineExceededError);
        expect(r.error, r.name).toBeInstanceOf(DatabaseUnavailableError);
        expect((r.error as DeadlineExceededError).code).toBe('SERVICE_UNAVAILABLE');
        expect((r.error as Error).message).toContain(`${r.deadline} ms`);
      }
      expect(await db.ping(200)).toBe(false);
    } finally {
      void db.close().catch(() => {});
    }
  });

  it('a burst larger than the pool is answered too (the pool cannot keep a caller waiting past its deadline)', async () => {
    const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'x'), {
      maxConnectionPoolSize: 5,
      connectionAcquisitionTimeout: 60_000,
    });
    const db = new Database(driver, 'neo4j', 60_000, 60_000, DEADLINES);
    try {
      const results = await Promise.all(Array.from({ length: 20 }, () => timed(db.readOne('RETURN 1'))));
      for (const r of results) expect(r.error).toBeInstanceOf(DeadlineExceededError);
    } finally {
      void db.close().catch(() => {});
    }
  });
});

describe('the driver internals discard.ts relies on', () => {
  it('a session has its two connection holders, each with a connection promise', async () => {
    const driver = neo4j.driver('bolt://127.0.0.1:1', neo4j.auth.basic('neo4j', 'x'));
    try {
      expect(connectionHolders(driver.session())).toHaveLength(2);
    } finally {
      await driver.close();
    }
  });

  it('a pooled connection wraps a channel connection that can be marked broken and closed', () => {
    const require = createRequire(import.meta.url);
    const boltDir = require.resolve('neo4j-driver-bolt-connection').replace(/index\.js$/, '');
    const channel = require(`${boltDir}connection/connection-channel.js`).default.prototype;
    const delegate = require(`${boltDir}connection/connection-delegate.js`).default;
    expect(typeof channel._handleFatalError).toBe('function');
    expect(typeof channel.isOpen).toBe('function');
    expect(typeof channel.close).toBe('function');
    // The delegate keeps the channel connection in `_delegate`.
    const wrapped = new delegate({ _errorHandler: undefined, id: 1 }, undefined);
    expect(wrapped._delegate).toBeDefined();
  });
});
