/**
 * Errors a client is meant to see. Mutations return the typed ones (ValidationError,
 * NotFoundError, ConflictError) as members of their result union; the rest become GraphQL
 * errors with a stable `extensions.code`.
 */
import { GraphQLError } from 'graphql';

export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: { path: string; message: string; claimId?: string }[],
  ) {
    super(message);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends Error {
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export { ConflictError } from '../graph/errors.js';

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

export function unauthenticated(message = 'this operation needs an API key'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = 'this API key may not perform this operation'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}
