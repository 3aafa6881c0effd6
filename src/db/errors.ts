/**
 * Database errors are mapped here, once. The API turns these classes into stable
 * `extensions.code` values; anything else stays masked.
 */
import { Neo4jError } from 'neo4j-driver';

/** Neo4j cannot be reached (down, restarting, pool exhausted past the timeout). */
export class DatabaseUnavailableError extends Error {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(cause?: unknown, message = 'the graph database is unavailable; try again shortly') {
    super(message, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/**
 * A database call ran past its client-side deadline (DB_READ_DEADLINE_MS, DB_WRITE_DEADLINE_MS):
 * the server is hung, stopped or overloaded. The same code as unavailable; its connection was
 * discarded. Never retried by the driver (its code is not a transient one).
 */
export class DeadlineExceededError extends DatabaseUnavailableError {
  constructor(
    readonly deadlineMs: number,
    /** The COMMIT of a write was sent and its answer never came: it may have been committed. */
    readonly outcomeUnknown = false,
  ) {
    super(
      undefined,
      outcomeUnknown
        ? `the graph database did not confirm the write within ${deadlineMs} ms and the grace after it; it may or may not have been saved: read it back before trying again`
        : `the graph database did not answer within ${deadlineMs} ms; try again shortly`,
    );
    this.name = 'DeadlineExceededError';
  }
}

/** A write collided with existing data (a uniqueness constraint, or a stale version). */
export class ConflictError extends Error {
  readonly code = 'CONFLICT';
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'ConflictError';
  }
}

/** The transaction ran past NEO4J_TX_TIMEOUT_MS and was aborted. */
export class QueryTimeoutError extends Error {
  readonly code = 'QUERY_TIMEOUT';
  constructor(cause?: unknown) {
    super('the query took too long and was stopped', { cause });
    this.name = 'QueryTimeoutError';
  }
}

/** One request fetched more than MAX_RESPONSE_ROWS values (see budget.ts). */
export class ResponseBudgetExceededError extends Error {
  readonly code = 'QUERY_TOO_EXPENSIVE';
  constructor(readonly max: number) {
    super(
      `the query fetched more than ${max} values from the graph and was stopped; ask for smaller pages or fewer nested lists`,
    );
    this.name = 'ResponseBudgetExceededError';
  }
}

/** The request's bookmark (X-Neo4j-Bookmark) is not one this database issued. */
export class InvalidBookmarkError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(cause?: unknown) {
    super(
      'the X-Neo4j-Bookmark header holds a bookmark this database did not issue; send the header of an earlier response unchanged, or none',
      { cause },
    );
    this.name = 'InvalidBookmarkError';
  }
}

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'Neo.ClientError.Cluster.NotALeader']);

export function mapDatabaseError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) {
    if (error instanceof Error && /connect|ECONNREFUSED|acquisition timed out/i.test(error.message)) {
      return new DatabaseUnavailableError(error);
    }
    return error;
  }
  const code = error.code;
  if (UNAVAILABLE.has(code) || /acquisition timed out/i.test(error.message)) {
    return new DatabaseUnavailableError(error);
  }
  if (code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) return new InvalidBookmarkError(error);
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('a record with the same key already exists', error);
  }
  if (
    code === 'Neo.ClientError.Transaction.TransactionTimedOut' ||
    code === 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'
  ) {
    return new QueryTimeoutError(error);
  }
  return error;
}
