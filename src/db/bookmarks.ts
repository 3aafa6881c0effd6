/**
 * Read-your-writes across API instances. Within one process every session shares one bookmark
 * manager (database.ts). Across processes a client carries the bookmark: the writes of a request
 * are collected here and returned to it (the `X-Neo4j-Bookmark` header, src/bookmark-header.ts);
 * the bookmarks a request brings are given to each of its sessions, so its reads wait until the
 * server they are routed to has applied those writes (on a cluster, a follower that lags).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface BookmarkScope {
  /** Bookmarks the request brought: every session of the request starts after them. */
  readonly incoming: readonly string[];
  /** Bookmarks of the transactions the request committed, newest last. */
  readonly written: string[];
}

const scopes = new AsyncLocalStorage<BookmarkScope>();

/** Makes `scope` the current request's for the rest of this async context. */
export function enterBookmarkScope(scope: BookmarkScope): void {
  scopes.enterWith(scope);
}

/** Session configuration for the current request's incoming bookmarks (none outside a request). */
export function incomingBookmarks(): { bookmarks?: string[] } {
  const incoming = scopes.getStore()?.incoming;
  return incoming && incoming.length > 0 ? { bookmarks: [...incoming] } : {};
}

/** Records the bookmarks a committed session left, for the current request's response. */
export function recordBookmarks(bookmarks: string[]): void {
  const scope = scopes.getStore();
  if (!scope) return;
  for (const b of bookmarks) if (!scope.written.includes(b)) scope.written.push(b);
}
