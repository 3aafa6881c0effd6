/**
 * One deadline per API request, shared by every database call the request makes. Each call has
 * its own client-side deadline (database.ts), but a query resolves through several calls one
 * after another (a list, then its speakers, then their chains), and a mutation writes and then
 * reads what it returns: with only per-call deadlines a request could take a multiple of its
 * deadline. Inside `withRequestDeadline` a call gets at most what is left of the request's time,
 * and once it is spent no further statement is sent: the request ends with SERVICE_UNAVAILABLE
 * (DeadlineExceededError) within its deadline, plus the commit grace for a write whose COMMIT was
 * already on its way (so that a write reported as failed was never committed).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestDeadline {
  /** Epoch milliseconds past which no database call of the request may run. */
  readonly at: number;
  /** The request's whole deadline, as reported in the error. */
  readonly ms: number;
  /** Set once a write of the request committed: later reads are no longer cut (database.ts). */
  committed: boolean;
}

const requestDeadlines = new AsyncLocalStorage<RequestDeadline>();

/** Runs `fn` with `ms` milliseconds from `since` (epoch ms; default now) for every database call inside it. */
export function withRequestDeadline<T>(ms: number, fn: () => T, since = Date.now()): T {
  return requestDeadlines.run({ at: since + ms, ms, committed: false }, fn);
}

/** The deadline of the request this code runs for, if any. */
export function currentRequestDeadline(): RequestDeadline | undefined {
  return requestDeadlines.getStore();
}
