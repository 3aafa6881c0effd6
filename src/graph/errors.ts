/**
 * The errors a graph write may throw that the caller is meant to handle: the API turns each into
 * its typed GraphQL error (schema/errors.ts). The schema imports them from here, never from
 * src/db, so the layer rule "schema never imports db" holds (see ARCHITECTURE.md).
 */
export { NotFound } from './not-found.js';
/** A write collided with existing data or a newer version (raised by the driver boundary). */
export { ConflictError } from '../db/errors.js';
