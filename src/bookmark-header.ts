/**
 * The `X-Neo4j-Bookmark` header, for clients spread over several API instances (docs/deploy.md):
 * a response to a request that wrote carries the bookmark of its writes; a request that carries
 * it (comma-separated, as received) has every database session start after those writes, so a
 * read on another instance sees them, on a cluster too. A malformed header is refused with 400
 * before anything runs; a well-formed bookmark the database did not issue is BAD_USER_INPUT.
 */
import type { Plugin } from 'graphql-yoga';
import { enterBookmarkScope, type BookmarkScope } from './db/bookmarks.js';

export const BOOKMARK_HEADER = 'x-neo4j-bookmark';
/** Neo4j bookmarks are short opaque tokens (`FB:` and base64). */
const BOOKMARK = /^[A-Za-z0-9:+/=_-]{1,512}$/;
const MAX_BOOKMARKS = 16;

function parse(header: string | null): string[] | string {
  if (header === null || header.trim() === '') return [];
  const parts = header.split(',').map((p) => p.trim());
  if (parts.length > MAX_BOOKMARKS) return `at most ${MAX_BOOKMARKS} bookmarks`;
  if (!parts.every((p) => BOOKMARK.test(p))) return 'each bookmark is a token of letters, digits and :+/=_-';
  return parts;
}

export function useBookmarkHeader(): Plugin {
  const scopes = new WeakMap<Request, BookmarkScope>();
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const incoming = parse(request.headers.get(BOOKMARK_HEADER));
      if (typeof incoming === 'string') {
        endResponse(
          fetchAPI.Response.json(
            {
              errors: [
                {
                  message: `the X-Neo4j-Bookmark header is malformed: ${incoming}`,
                  extensions: { code: 'BAD_USER_INPUT' },
                },
              ],
            },
            { status: 400 },
          ),
        );
        return;
      }
      const scope: BookmarkScope = { incoming, written: [] };
      scopes.set(request, scope);
      // The rest of this request's handling (and so every session it opens) runs in this scope.
      enterBookmarkScope(scope);
    },
    onResponse({ request, response }) {
      const written = scopes.get(request)?.written;
      if (written && written.length > 0) response.headers.set(BOOKMARK_HEADER, written.join(','));
    },
  };
}
