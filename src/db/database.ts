/**
 * One driver per process; one session per unit of work, always with an explicit database. A unit
 * of work is one transaction (begin, statements, commit), retried here on transient errors
 * (deadlocks, leader switches) within a bounded window, and run within a client-side deadline;
 * the session is closed in `finally`. Results leave as plain values (see convert.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import neo4j, { type Driver, type QueryStatistics, type Session, type Transaction } from 'neo4j-driver';
import type { Config } from '../config.js';
import { assertBudgetLeft, chargeRows } from './budget.js';
import { incomingBookmarks, recordBookmarks } from './bookmarks.js';
import { DatabaseUnavailableError, DeadlineExceededError, mapDatabaseError } from './errors.js';
import { discardConnections } from './discard.js';
import { toPlain, type Plain } from './convert.js';
import { currentRequestDeadline } from './request-deadline.js';
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

function wrap(
  tx: Pick<Transaction, 'run'>,
  mode: 'READ' | 'WRITE',
  hook: StatementHook,
  deadline: Deadline,
): Tx {
  const run = async (query: string, params: Record<string, unknown> = {}) => {
    // A retry started after the deadline sends nothing (see Deadline.check).
    deadline.check();
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
 * How long one unit of work may take in this process, whatever the server does. The driver has
 * no client-side timeout of its own: its transaction timeout is enforced by the server (useless
 * when the server is hung or stopped), and its connection timeout ends at the TCP connect (a
 * stopped server's kernel still accepts). So every call here runs against a timer that starts
 * when the call is made, so waiting for a pooled connection and for the server's locks counts;
 * when it fires the call fails with DeadlineExceededError (SERVICE_UNAVAILABLE), and the session's
 * connections are broken and closed (discard.ts), so the pool destroys them instead of taking
 * them back: a hung server cannot keep pool slots past a deadline.
 *
 * One exception keeps the failure exact: a write whose COMMIT was already sent when the timer
 * fires may be committed by the server, so its answer is awaited for at most `commitGraceMs`
 * more. A write reported as past its deadline was therefore never committed, unless the commit's
 * answer did not come within the grace either (then the error says the outcome is unknown).
 */
export class Deadline {
  expired = false;
  /** A write's COMMIT has been sent: from then on its answer decides the outcome. */
  committing = false;
  constructor(
    readonly ms: number,
    private readonly session: Session,
    /** The deadline the caller knows (a retry runs within what is left of it). */
    private readonly reportedMs = ms,
    private readonly commitGraceMs = 0,
  ) {}

  /** Throws (not retryable) once expired, discarding whatever connection the session holds now. */
  check(): void {
    if (!this.expired) return;
    discardConnections(this.session);
    throw new DeadlineExceededError(this.reportedMs);
  }

  /**
   * Runs `work` on the session within the deadline and closes the session. The work's own
   * outcome after the deadline is ignored: its transaction was never committed (the timer only
   * fires before the COMMIT is sent, or after the grace its answer had).
   */
  async run<T>(work: (deadline: Deadline) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_, reject) => {
      const expire = (outcomeUnknown: boolean) => {
        this.expired = true;
        discardConnections(this.session);
        reject(new DeadlineExceededError(this.reportedMs, outcomeUnknown));
      };
      timer = setTimeout(() => {
        if (this.committing) timer = setTimeout(() => expire(true), this.commitGraceMs);
        else expire(false);
      }, this.ms);
    });
    const working = work(this);
    working.catch(() => {}); // settles after the deadline too; that outcome is nobody's
    try {
      return await Promise.race([working, expiry]);
    } catch (error) {
      throw mapDatabaseError(error);
    } finally {
      clearTimeout(timer);
      // Closing releases the connection, which can wait for the server (a reset after an
      // error): never past the deadline, and never at all once the deadline passed.
      if (this.expired) void this.session.close().catch(() => {});
      else await this.closeWithin(this.session);
    }
  }

  private async closeWithin(session: Session): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.ms);
    });
    const closing = session.close().then(
      () => 'closed' as const,
      () => 'closed' as const,
    );
    try {
      if ((await Promise.race([closing, late])) === 'late') discardConnections(session);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Backoff before retry `attempt` (0-based) of a transient error: 50 ms doubling to 1 s, +-20%. */
function retryDelayMs(attempt: number): number {
  return Math.min(1000, 50 * 2 ** attempt) * (0.8 + Math.random() * 0.4);
}

/** Client-side deadlines per kind of call (config: DB_READ_DEADLINE_MS and the rest). */
export interface Deadlines {
  readMs: number;
  writeMs: number;
  /**
   * Added to a longer transaction timeout a caller asks for (whole-article writes); also how long
   * a write whose COMMIT is on its way at its deadline waits for the answer.
   */
  graceMs: number;
  /** Schema statements at start-up (index builds wait up to 300 s on the server). */
  schemaMs: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  readMs: 10_000,
  writeMs: 30_000,
  graceMs: 5_000,
  schemaMs: 900_000,
};

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
    readonly deadlines: Deadlines = DEFAULT_DEADLINES,
  ) {}

  /** Every statement from now on runs through `hook` (one at a time: the last call wins). */
  onStatement(hook: StatementHook): void {
    this.statementHook = hook;
  }

  /**
   * A read transaction: on a cluster (`neo4j://`) it is routed to a secondary. `deadlineMs`
   * replaces the read deadline for work that is not an API request's (start-up, migrations).
   */
  read<T>(work: (tx: Tx) => Promise<T>, options: { deadlineMs?: number } = {}): Promise<T> {
    return this.unitOfWork('READ', work, undefined, options.deadlineMs);
  }

  /**
   * One read statement as an auto-commit transaction: a single network round trip, where a
   * managed transaction needs two (BEGIN+RUN+PULL, then COMMIT), which is most of a point
   * question's latency. Only for a lone statement (several that must see one snapshot go through
   * `read`). Transient errors are retried here with backoff within the driver's retry window,
   * as `executeRead` would; the shared bookmark manager still orders it after earlier writes.
   * The whole loop, retries included, runs within the read deadline.
   */
  async readOne(query: string, params: Record<string, unknown> = {}): Promise<Row[]> {
    countRoundTrip();
    const started = Date.now();
    const retryUntil = started + this.retryWindowMs;
    const { ms: readMs, reportedMs } = this.within(this.deadlines.readMs);
    const timeout = Math.min(this.txTimeoutMs, readMs);
    for (let attempt = 0; ; attempt++) {
      const left = started + readMs - Date.now();
      if (left <= 0) throw new DeadlineExceededError(reportedMs);
      const session = this.session('READ');
      try {
        return await new Deadline(left, session, reportedMs).run(async () => {
          const result = await this.statementHook(query, 'READ', () =>
            session.run(query, toParams(params) as Record<string, unknown>, { timeout }),
          );
          const rows = result.records.map((r) => toPlain(r.toObject()) as Row);
          chargeRows(rows);
          return rows;
        });
      } catch (error) {
        if (error instanceof DeadlineExceededError) throw error;
        const delay = retryDelayMs(attempt);
        const cause = error instanceof DatabaseUnavailableError ? error.cause : error;
        const now = Date.now();
        if (!neo4j.isRetryableError(cause) || now + delay > retryUntil || now + delay >= started + readMs)
          throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /**
   * A write transaction, retried by the driver on transient errors; all or nothing. `timeoutMs`
   * asks for a longer server-side timeout (whole-article writes); the client-side deadline is
   * then that plus the grace, never shorter than the write deadline.
   */
  write<T>(
    work: (tx: Tx) => Promise<T>,
    options: { timeoutMs?: number; deadlineMs?: number } = {},
  ): Promise<T> {
    return this.unitOfWork('WRITE', work, options.timeoutMs, options.deadlineMs);
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
    await new Deadline(this.deadlines.schemaMs, session).run(async () => {
      await this.statementHook(query, 'WRITE', () => session.run(query, params));
    });
  }

  /**
   * True when a trivial query succeeds within `timeoutMs`. Not retried (unlike executeRead), so
   * a readiness probe answers within seconds when the database is gone (or hung: its connection
   * is discarded like any other past its deadline).
   */
  async ping(timeoutMs = 3000): Promise<boolean> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    return new Deadline(timeoutMs, session)
      .run(() => session.run('RETURN 1 AS ok', {}, { timeout: timeoutMs }))
      .then(
        () => true,
        () => false,
      );
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    // Every session of this process shares one bookmark manager, so a read that follows a
    // write sees it, even when the read is routed to another cluster member.
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
      // A bookmark the client brought (another instance's write): start after it.
      ...incomingBookmarks(),
    });
  }

  /**
   * A call's deadline: its own, cut to what is left of the API request's (request-deadline.ts),
   * and the deadline its error names. Calls that asked for a longer timeout (whole-article
   * writes) keep theirs, and so do reads after the request's write committed: failing them
   * would report a committed write as failed.
   */
  private within(ownMs: number, exempt = false): { ms: number; reportedMs: number } {
    const request = currentRequestDeadline();
    if (!request || exempt || request.committed) return { ms: ownMs, reportedMs: ownMs };
    const left = request.at - Date.now();
    if (left >= ownMs) return { ms: ownMs, reportedMs: ownMs };
    if (left <= 0) throw new DeadlineExceededError(request.ms);
    return { ms: left, reportedMs: request.ms };
  }

  /**
   * One transaction, retried here (not by the driver's transaction functions, whose backoff can
   * sleep seconds past their retry window): a transient error (deadlock, leader switch, a server
   * that went away) starts the work again after a short backoff, as long as the retry would
   * start within `retryWindowMs` of the first failure and the deadline is not spent. So a call to
   * a database that is down (its first attempt fails at once) fails within the retry window plus
   * one attempt.
   */
  private async unitOfWork<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: Tx) => Promise<T>,
    timeoutMs?: number,
    askedDeadlineMs?: number,
  ): Promise<T> {
    const { readMs, writeMs, graceMs } = this.deadlines;
    const usualMs =
      mode === 'READ' ? readMs : timeoutMs === undefined ? writeMs : Math.max(writeMs, timeoutMs + graceMs);
    const own = askedDeadlineMs ?? usualMs;
    const { ms: deadlineMs, reportedMs } = this.within(
      own,
      timeoutMs !== undefined || askedDeadlineMs !== undefined,
    );
    // The server gives up no later than this process does.
    const config = { timeout: Math.min(timeoutMs ?? this.txTimeoutMs, deadlineMs) };
    const session = this.session(mode);
    const hook = this.statementHook;
    const started = Date.now();
    let firstFailure: number | undefined;
    return new Deadline(deadlineMs, session, reportedMs, mode === 'WRITE' ? graceMs : 0).run(
      async (deadline) => {
        for (let attempt = 0; ; attempt++) {
          try {
            const result = await this.attempt(session, mode, work, config, hook, deadline);
            if (mode === 'WRITE') {
              // The client gets this write's bookmark to carry to other instances.
              recordBookmarks(session.lastBookmarks());
              const request = currentRequestDeadline();
              if (request) request.committed = true;
            }
            return result;
          } catch (error) {
            const delay = retryDelayMs(attempt);
            const now = Date.now();
            firstFailure ??= now;
            if (
              deadline.expired ||
              !neo4j.isRetryableError(error) ||
              now + delay > firstFailure + this.retryWindowMs ||
              now + delay >= started + deadlineMs
            )
              throw error;
            await new Promise((resolve) => setTimeout(resolve, delay));
          }
        }
      },
    );
  }

  /** One try of a unit of work: begin, run, commit (rolled back on any error). */
  private async attempt<T>(
    session: Session,
    mode: 'READ' | 'WRITE',
    work: (tx: Tx) => Promise<T>,
    config: { timeout: number },
    hook: StatementHook,
    deadline: Deadline,
  ): Promise<T> {
    deadline.check();
    const tx = await session.beginTransaction(config);
    let result: T;
    try {
      result = await work(wrap(tx, mode, hook, deadline));
      deadline.check();
    } catch (error) {
      if (tx.isOpen()) await tx.rollback().catch(() => {});
      throw error;
    }
    deadline.committing = mode === 'WRITE';
    try {
      await tx.commit();
    } catch (error) {
      deadline.committing = false;
      throw error;
    }
    return result;
  }
}

export function connect(
  target: Pick<Neo4jTarget, 'uri' | 'username' | 'password' | 'database'>,
  config: Config,
): Database {
  const driver = neo4j.driver(target.uri, neo4j.auth.basic(target.username, target.password), {
    connectionAcquisitionTimeout: config.NEO4J_ACQUIRE_TIMEOUT_MS,
    connectionTimeout: Math.min(config.NEO4J_ACQUIRE_TIMEOUT_MS, 5_000),
    // Database's own retries (unitOfWork, readOne) start only within the acquisition timeout of
    // the call, and one attempt at a database that is down ends within the acquisition or
    // connection timeout: so such a request fails with SERVICE_UNAVAILABLE within twice the
    // acquisition timeout. The driver's retry setting is for its transaction functions (backup).
    maxTransactionRetryTime: config.NEO4J_ACQUIRE_TIMEOUT_MS,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: false,
    userAgent: 'claim-graph/0.1',
  });
  return new Database(driver, target.database, config.NEO4J_TX_TIMEOUT_MS, config.NEO4J_ACQUIRE_TIMEOUT_MS, {
    ...DEFAULT_DEADLINES,
    readMs: config.DB_READ_DEADLINE_MS,
    writeMs: config.DB_WRITE_DEADLINE_MS,
    graceMs: config.DB_DEADLINE_GRACE_MS,
  });
}
