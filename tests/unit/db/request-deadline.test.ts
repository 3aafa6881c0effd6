/**
 * The deadline of a whole API request (src/db/request-deadline.ts), the retry window, and the
 * commit grace of src/db/database.ts, without a database: a TCP server that accepts and never
 * answers (a hung Neo4j), a port nobody listens on (a Neo4j that is down), and a session stand-in
 * for the commit grace.
 */
import { createServer, type Server, type Socket } from 'node:net';
import neo4j, { type Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, Deadline } from '../../../src/db/database.js';
import { DatabaseUnavailableError, DeadlineExceededError } from '../../../src/db/errors.js';
import { currentRequestDeadline, withRequestDeadline } from '../../../src/db/request-deadline.js';

const DEADLINES = { readMs: 400, writeMs: 600, graceMs: 100, schemaMs: 700 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let silent: Server;
const sockets: Socket[] = [];
let silentUri: string;
let closedUri: string;

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket); // accepted, read, never answered
    socket.on('error', () => {});
  });
  silentUri = `bolt://127.0.0.1:${await listen(silent)}`;
  const gone = createServer();
  const port = await listen(gone);
  await new Promise((resolve) => gone.close(resolve));
  closedUri = `bolt://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

function database(uri: string, retryWindowMs = 60_000, deadlines = DEADLINES): Database {
  const driver = neo4j.driver(uri, neo4j.auth.basic('neo4j', 'x'), {
    connectionAcquisitionTimeout: 60_000,
    connectionTimeout: 60_000,
    maxTransactionRetryTime: 60_000,
  });
  return new Database(driver, 'neo4j', 60_000, retryWindowMs, deadlines);
}

async function outcome(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, ms: Date.now() - started };
}

describe("a request's calls share its deadline", () => {
  it('a call made late in the request gets only what is left, and names the request deadline', async () => {
    const db = database(silentUri, 60_000, { ...DEADLINES, readMs: 2_000 });
    try {
      const started = Date.now();
      const r = await withRequestDeadline(1_000, async () => {
        await sleep(700);
        return outcome(() => db.read((tx) => tx.rows('RETURN 1')));
      });
      const total = Date.now() - started;
      expect(r.error).toBeInstanceOf(DeadlineExceededError);
      // The read alone would have had 2,000 ms (to 2,700 at least) and named them.
      expect((r.error as Error).message).toContain('1000 ms');
      expect(total).toBeGreaterThanOrEqual(990);
      expect(total).toBeLessThan(1_500);
    } finally {
      void db.close().catch(() => {});
    }
  });

  it('once the request deadline passed, no call is sent: every kind fails at once', async () => {
    const db = database(silentUri);
    try {
      await withRequestDeadline(50, async () => {
        await sleep(80);
        for (const call of [
          () => db.read((tx) => tx.rows('RETURN 1')),
          () => db.readOne('RETURN 1'),
          () => db.write((tx) => tx.exec('CREATE (:X)')),
        ]) {
          const r = await outcome(call);
          expect(r.error).toBeInstanceOf(DeadlineExceededError);
          expect(r.ms).toBeLessThan(30);
        }
      });
    } finally {
      void db.close().catch(() => {});
    }
  });

  it('whole-article writes (a longer timeout asked for) and reads after a committed write keep their own deadline', async () => {
    const db = database(silentUri);
    try {
      await withRequestDeadline(100, async () => {
        const long = await outcome(() => db.write((tx) => tx.exec('CREATE (:X)'), { timeoutMs: 300 }));
        expect(long.error).toBeInstanceOf(DeadlineExceededError);
        expect((long.error as Error).message).toContain('600 ms'); // max(writeMs, 300 + grace)
        expect(long.ms).toBeGreaterThanOrEqual(550);
        currentRequestDeadline()!.committed = true;
        const after = await outcome(() => db.read((tx) => tx.rows('RETURN 1')));
        expect((after.error as Error).message).toContain(`${DEADLINES.readMs} ms`);
        expect(after.ms).toBeGreaterThanOrEqual(DEADLINES.readMs - 20);
      });
    } finally {
      void db.close().catch(() => {});
    }
  });
});

describe('retries when the database is down', () => {
  it('stop within the retry window: the call fails within twice it', async () => {
    // Deadlines far away, so only the window can end the calls. Before, the driver retried for
    // its own window (60 s here) until the deadline.
    const WINDOW_MS = 500;
    const db = database(closedUri, WINDOW_MS, { ...DEADLINES, readMs: 10_000, writeMs: 10_000 });
    try {
      for (const call of [
        () => db.read((tx) => tx.rows('RETURN 1')),
        () => db.write((tx) => tx.exec('CREATE (:X)')),
        () => db.readOne('RETURN 1'),
      ]) {
        const r = await outcome(call);
        expect(r.error).toBeInstanceOf(DatabaseUnavailableError);
        expect(r.error).not.toBeInstanceOf(DeadlineExceededError);
        expect(r.ms).toBeLessThan(2 * WINDOW_MS);
      }
    } finally {
      void db.close().catch(() => {});
    }
  });
});

describe('a write whose COMMIT is on its way at the deadline', () => {
  // No connection to discard: the stand-in only needs to close.
  const session = { close: async () => {} } as unknown as Session;

  it('gets the commit’s answer when it comes within the grace (a committed write is never reported failed)', async () => {
    const r = await new Deadline(100, session, 100, 300).run(async (d) => {
      d.committing = true;
      await sleep(250);
      return 'committed';
    });
    expect(r).toBe('committed');
  });

  it('past the grace, fails and says the outcome is unknown', async () => {
    const r = await outcome(() =>
      new Deadline(100, session, 100, 150).run(async (d) => {
        d.committing = true;
        await sleep(600);
      }),
    );
    expect(r.error).toBeInstanceOf(DeadlineExceededError);
    expect((r.error as DeadlineExceededError).outcomeUnknown).toBe(true);
    expect(r.ms).toBeLessThan(400);
  });

  it('before the COMMIT is sent, fails at the deadline itself (nothing was committed)', async () => {
    const r = await outcome(() =>
      new Deadline(100, session, 100, 300).run(async () => {
        await sleep(600);
      }),
    );
    expect(r.error).toBeInstanceOf(DeadlineExceededError);
    expect((r.error as DeadlineExceededError).outcomeUnknown).toBe(false);
    expect(r.ms).toBeLessThan(200);
  });
});
