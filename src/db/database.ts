/**
 * One driver per process; one session per unit of work, always with an explicit database, run
 * through `executeRead`/`executeWrite` so transient errors (deadlocks, leader switches) are
 * retried; the session is closed in `finally`. Results leave as plain values (see convert.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type Driver, type ManagedTransaction, type QueryStatistics } from 'neo4j-driver';
import type { Config } from '../config.js';
import { assertBudgetLeft, chargeRows } from './budget.js';
import { mapDatabaseError } from './errors.js';
import { toPlain, type Plain } from './convert.js';
import type { Neo4jTarget } from './provision.js';

export type Row = Record<string, Plain>;

/** Counts Cypher round trips of a unit of work (a GraphQL request), for the N+1 guard and tests. */
export class RoundTrips {
  count = 0;
  /** The counter this one runs inside: nested counters (the N+1 guard, metrics) all count. */
  parent: RoundTrips | undefined;
}
const roundTrips = new AsyncLocalStorage<RoundTrips>();

/** Runs `fn` with a fresh round-trip counter; every query inside it increments the counter. */
export function countRoundTrips<T>(counter: RoundTrips, fn: () => T): T {
  counter.parent = roundTrips.getStore();
  return roundTrips.run(counter, fn);
}

export interface Tx {
  /** Runs one statement and returns its rows as plain values. */
  rows(query: string, params?: Record<string, unknown>): Promise<Row[]>;
  /** Runs one statement for its effect and returns the update counters. */
  exec(query: string, params?: Record<string, unknown>): Promise<Record<string, number>>;
}

function countRoundTrip(): void {
  assertBudgetLeft();
  for (let counter = roundTrips.getStore(); counter; counter = counter.parent) counter.count += 1;
}

/**
 * Wraps each statement sent to the server (tracing puts a span around it, src/tracing.ts). It
 * sees the statement's text and access mode, never its parameters.
 */
export type StatementHook = <T>(
  query: string,
  mode: 'READ' | 'WRITE',
  run: () => PromiseLike<T>,
) => Promise<T>;
const untraced: StatementHook = async (_query, _mode, run) => run();

function wrap(tx: ManagedTransaction, mode: 'READ' | 'WRITE', hook: StatementHook): Tx {
  const run = async (query: string, params: Record<string, unknown> = {}) => {
    countRoundTrip();
    return hook(query, mode, () => tx.run(query, toParams(params) as Record<string, unknown>));
  };
  return {
    async rows(query, params) {
      const result = await run(query, params);
      const rows = result.records.map((r) => toPlain(r.toObject()) as Row);
      chargeRows(rows);
      return rows;
    },
    async exec(query, params) {
      const result = await run(query, params);
      return countersOf(result.summary.counters.updates());
    },
  };
}

/**
 * JS numbers travel as Cypher floats; whole numbers are sent as Cypher integers instead, so
 * SKIP/LIMIT accept them and stored offsets, hops and versions are integers in the graph.
 */
export function toParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toParams);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParams(v)]));
  }
  return value;
}

function countersOf(updates: ReturnType<QueryStatistics['updates']>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(updates)) if (typeof v === 'number' && v !== 0) out[k] = v;
  return out;
}

export class Database {
  private readonly bookmarks = neo4j.bookmarkManager();
  private statementHook: StatementHook = untraced;

  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly txTimeoutMs: number,
    /** How long a failing read keeps retrying transient errors (the driver's own window). */
    private readonly retryWindowMs = 30_000,
  ) {}

  /** Every statement from now on runs through `hook` (one at a time: the last call wins). */
  onStatement(hook: StatementHook): void {
    this.statementHook = hook;
  }

  /** A read transaction: on a cluster (`neo4j://`) it is routed to a secondary. */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.unitOfWork('READ', work);
  }

  /**
   * One read statement as an auto-commit transaction: a single network round trip, where a
   * managed transaction needs two (BEGIN+RUN+PULL, then COMMIT), which is most of a point
   * question's latency. Only for a lone statement (several that must see one snapshot go through
   * `read`). Transient errors are retried here with backoff within the driver's retry window,
   * as `executeRead` would; the shared bookmark manager still orders it after earlier writes.
   */
  async readOne(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    countRoundTrip();
    const deadline = Date.now() + this.retryWindowMs;
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
        bookmarkManager: this.bookmarks,
      });
      try {
        const result = await this.statementHook(query, 'READ', () =>
          session.run(query, toParams(params) as Record<string, unknown>, { timeout: this.txTimeoutMs }),
        );
        const rows = result.records.map((r) => toPlain(r.toObject()) as Row);
        chargeRows(rows);
        return rows;
      } catch (error) {
        const delay = Math.min(1000, 50 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
        if (!neo4j.isRetryableError(error) || Date.now() + delay > deadline) throw mapDatabaseError(error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      } finally {
        await session.close();
      }
    }
  }

  /** A write transaction, retried by the driver on transient errors; all or nothing. */
  write<T>(work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.unitOfWork('WRITE', work, options.timeoutMs);
  }

  /**
   * Whole-article writes (ingest, edits) get more time than API reads: a large article's first
   * ingest also pays for planning a dozen statements.
   */
  get ingestTimeoutMs(): number {
    return Math.max(this.txTimeoutMs * 5, 300_000);
  }

  /** Statements that cannot share a transaction with others (schema changes). */
  async autocommit(query: string, params: Record<string, unknown> = {}): Promise<void> {
    const session = this.driver.session({ database: this.database, bookmarkManager: this.bookmarks });
    try {
      await this.statementHook(query, 'WRITE', () => session.run(query, params));
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
      await session.close();
    }
  }

  /**
   * True when a trivial query succeeds within `timeoutMs`. Not retried (unlike executeRead), so
   * a readiness probe answers within seconds when the database is gone.
   */
  async ping(timeoutMs = 3000): Promise<boolean> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const query = session.run('RETURN 1 AS ok', {}, { timeout: timeoutMs }).then(
        () => true,
        () => false,
      );
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
      void session.close().catch(() => {});
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async unitOfWork<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: Tx) => Promise<T>,
    timeoutMs?: number,
  ): Promise<T> {
    // Every session of this process shares one bookmark manager, so a read that follows a
    // write sees it, even when the read is routed to another cluster member.
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const config = { timeout: timeoutMs ?? this.txTimeoutMs };
    try {
      return mode === 'READ'
        ? await session.executeRead((tx) => work(wrap(tx, mode, this.statementHook)), config)
        : await session.executeWrite((tx) => work(wrap(tx, mode, this.statementHook)), config);
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
      await session.close();
    }
  }
}

export function connect(
  target: Pick<Neo4jTarget, 'uri' | 'username' | 'password' | 'database'>,
  config: Config,
): Database {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
    connectionAcquisitionTimeout: config.NEO4J_ACQUIRE_TIMEOUT_MS,
    connectionTimeout: Math.min(config.NEO4J_ACQUIRE_TIMEOUT_MS, 5_000),
    // Retries (transient errors, a restarting server) stop after the acquisition timeout, so a
    // request fails with SERVICE_UNAVAILABLE within about that long instead of a fixed 30 s.
    maxTransactionRetryTime: config.NEO4J_ACQUIRE_TIMEOUT_MS,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: false,
    userAgent: 'claim-graph/0.1',
  });
  return new Database(driver, target.database, config.NEO4J_TX_TIMEOUT_MS, config.NEO4J_ACQUIRE_TIMEOUT_MS);
}
