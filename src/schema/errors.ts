/**
 * The typed errors a mutation returns instead of its result (members of its result union, via
 * @pothos/plugin-errors): each class with its GraphQL type, and `write`, the one wrapper that runs
 * a mutation's work and turns domain errors into these. Errors that are not part of a result
 * (bad input, no key) are GraphQL errors with a code: client-errors.ts.
 */
import { ZodError } from 'zod';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { ConflictError, NotFound } from '../graph/errors.js';
import { DocumentValidationError, formatPath } from '../domain/validate.js';

export { ConflictError };

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

const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'A typed error a mutation may return instead of its result.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const FieldErrorRef = builder
  .objectRef<{ path: string; message: string; claimId?: string }>('FieldError')
  .implement({
    description: 'One problem with the input, at a field path.',
    fields: (t) => ({
      path: t.exposeString('path', { description: 'Where, e.g. "claims[3].chain[1].agent".' }),
      message: t.exposeString('message'),
      claimId: t.string({
        nullable: true,
        description: 'The claim the problem belongs to.',
        resolve: (e) => e.claimId ?? null,
      }),
    }),
  });

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was rejected before anything was written.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ValidationError,
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorRef], resolve: (e) => e.fieldErrors }) }),
});
builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Something the input names does not exist.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof NotFoundError,
  fields: (t) => ({ key: t.exposeString('key') }),
});
builder.objectType(ConflictError, {
  name: 'ConflictError',
  description: 'The write collided with a newer version or existing data; re-read and try again.',
  interfaces: [ErrorInterface],
  isTypeOf: (e) => e instanceof ConflictError,
  fields: (t) => ({ code: t.string({ resolve: () => 'CONFLICT' }) }),
});

/** Domain errors become the typed GraphQL errors of the result union; others pass through. */
function typed(error: unknown): unknown {
  if (error instanceof DocumentValidationError) return new ValidationError(error.message, error.issues);
  if (error instanceof ZodError) {
    return new ValidationError(
      'invalid input',
      error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  if (error instanceof NotFound) return new NotFoundError(error.message, error.key);
  return error;
}

/**
 * A mutation's work, run as the calling editor (`by`: its key's fingerprint, kept in the graph's
 * history), its domain errors turned into the typed errors of the mutation's result. Who may call
 * a mutation at all is decided before this runs: the Mutation type's `authScopes` (builder.ts).
 */
export async function write<T>(ctx: Context, work: (by: string) => Promise<T>): Promise<T> {
  try {
    return await work(ctx.caller.keyId ?? 'editor');
  } catch (error) {
    throw typed(error);
  }
}
