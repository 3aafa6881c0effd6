/**
 * GraphQL errors a client is meant to see, each with a stable `extensions.code` (the masking in
 * yoga.ts lets these through and hides everything else). The typed errors mutations return as
 * members of their result unions are in errors.ts.
 */
import { GraphQLError } from 'graphql';

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

export function unauthenticated(message = 'this operation needs an API key'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

export function forbidden(message = 'this API key may not perform this operation'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}
