/**
 * Discarding a session's connections when a call runs past its deadline (database.ts). The
 * driver has no public way to abandon a connection that waits for a server answer: closing the
 * session would first wait for that answer (a reset), and a connection handed back to the pool
 * would be handed to the next caller, still waiting. So this reaches into the driver's session
 * and connection objects, in this one place: each connection the session holds (or is still
 * acquiring) is marked broken, which fails its pending requests with a non-retryable error, and
 * closed, so the pool destroys it on release instead of keeping it. tests/unit/discard.test.ts
 * fails when a driver version renames what this reads.
 */
import { Neo4jError, type Session } from 'neo4j-driver';

/** Not one of the driver's retryable codes: a retry after the deadline would be pointless. */
export const DISCARDED_CODE = 'ClaimGraph.Client.DeadlineExceeded';

interface ConnectionInternals {
  isOpen(): boolean;
  close(): Promise<void>;
  /** ChannelConnection's "this connection is dead": fails every pending and future request. */
  _handleFatalError?(error: Error): void;
  /** The pool wraps a ChannelConnection in a DelegateConnection. */
  _delegate?: ConnectionInternals;
}

interface HolderInternals {
  _connectionPromise?: Promise<ConnectionInternals | null>;
}

interface SessionInternals {
  _readConnectionHolder?: HolderInternals;
  _writeConnectionHolder?: HolderInternals;
}

/** The session's connection holders, as the driver names them; empty when it renames them. */
export function connectionHolders(session: Session): HolderInternals[] {
  const internals = session as unknown as SessionInternals;
  return [internals._readConnectionHolder, internals._writeConnectionHolder].filter(
    (h): h is HolderInternals => h !== undefined && h._connectionPromise instanceof Promise,
  );
}

/** Breaks and closes every connection the session holds, now or once it is acquired. */
export function discardConnections(session: Session): void {
  for (const holder of connectionHolders(session)) {
    holder._connectionPromise?.then(discard, () => {});
  }
}

function discard(connection: ConnectionInternals | null): void {
  if (!connection?.isOpen()) return;
  const channel = connection._delegate ?? connection;
  try {
    channel._handleFatalError?.(
      new Neo4jError(
        'the call ran past its client-side deadline',
        DISCARDED_CODE,
        '50N42',
        'error: general processing exception - unexpected error',
      ),
    );
  } catch {
    // Already broken: closing below is all that is left to do.
  }
  void connection.close().catch(() => {});
}
