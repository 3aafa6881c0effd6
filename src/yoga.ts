/**
 * The GraphQL HTTP handler: schema, per-request context, query guards, error masking, health and
 * readiness. Nothing here listens; server.ts does, and tests call `yoga.fetch` directly.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { getOperationAST, GraphQLError, type ValidationContext } from 'graphql';
import { createYoga, useReadinessCheck, type Plugin, type YogaInitialContext } from 'graphql-yoga';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { countRoundTrips, RoundTrips } from './db/database.js';
import {
  DatabaseUnavailableError,
  InvalidBookmarkError,
  QueryTimeoutError,
  ResponseBudgetExceededError,
} from './db/errors.js';
import { migrationsApplied } from './db/migrations.js';
import { Loaders } from './graph/loaders.js';
import { KeyRing } from './auth.js';
import { schema } from './schema/index.js';
import type { Context } from './schema/context.js';
import { forbidden, unauthenticated } from './schema/client-errors.js';
import { graphiqlOptions, renderOfflineGraphiQL } from './graphiql.js';
import { usePersistedQueries } from './persisted-queries.js';
import { useQueryCost, useResponseBudget } from './query-cost.js';
import { exemptStandardIntrospection } from './introspection.js';
import type { Logger } from './log.js';
import { createMetrics } from './metrics.js';
import { useRequestId } from './request-id.js';
import { useRequestDeadline } from './request-deadline.js';
import { useBookmarkHeader } from './bookmark-header.js';
import { useCors } from './cors.js';
import { useCsrfPrevention } from './csrf.js';
import { useSecurityHeaders } from './security-headers.js';
import { useClientErrorLog, yogaLogger } from './error-log.js';

export interface YogaOptions {
  config: Config;
  db: Database;
  /** Extra Yoga plugins (exports and the explorer page add routes this way). */
  plugins?: Plugin[];
  /** The process logger: Yoga's own messages and one access-log line per request go there. */
  log?: Logger;
  /** OpenTelemetry's operation spans (src/tracing.ts), when tracing is on; first, so every
   * operation is traced, also those a guard refuses. */
  tracingPlugin?: Plugin;
}

export function buildYoga({ config, db, plugins = [], log, tracingPlugin }: YogaOptions) {
  const metrics = createMetrics(db);
  const keys = new KeyRing(config.API_KEYS);
  const armor = new EnvelopArmor({
    maxDepth: {
      n: config.MAX_QUERY_DEPTH,
      ignoreIntrospection: false,
      flattenFragments: true,
      ...asValidationError,
    },
    maxAliases: { n: config.MAX_ALIASES, allowList: [], ...asValidationError },
    // Rejected while parsing, so it already surfaces as GRAPHQL_PARSE_FAILED.
    maxTokens: { n: config.MAX_TOKENS },
    // Cost is priced at execution, with variables and defaults (src/query-cost.ts).
    costLimit: { enabled: false },
    maxDirectives: { n: 20, ...asValidationError },
    // "Did you mean ...?" helps whoever writes a query; only production hides the schema's names.
    blockFieldSuggestion: { enabled: config.NODE_ENV === 'production' },
  });
  const mask = config.MASK_ERRORS || config.NODE_ENV === 'production';
  let ready: { at: number; ok: boolean } | undefined;

  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    batching: false,
    // Our own CORS (allow-list from CORS_ORIGINS): src/cors.ts.
    cors: false,
    maxRequestBodySize: config.MAX_BODY_BYTES,
    // Offline GraphiQL from our own dependencies, example queries as tabs: src/graphiql.ts.
    graphiql: config.NODE_ENV === 'production' ? false : graphiqlOptions,
    renderGraphiQL: renderOfflineGraphiQL,
    logging: config.LOG_LEVEL === 'silent' ? false : log ? yogaLogger(log) : 'warn',
    context: ({ request }: YogaInitialContext): Context => ({
      config,
      db,
      loaders: new Loaders(db),
      caller: keys.identify(request.headers),
    }),
    maskedErrors: mask
      ? {
          maskError(error, message) {
            const original = isGraphQLError(error) ? (error.originalError ?? error) : error;
            if (original instanceof DatabaseUnavailableError || original instanceof QueryTimeoutError) {
              return new GraphQLError(original.message, {
                ...(error instanceof GraphQLError ? { nodes: error.nodes, path: error.path } : {}),
                extensions: { code: original.code, http: { status: 503 } },
              });
            }
            if (original instanceof InvalidBookmarkError) {
              return new GraphQLError(original.message, {
                extensions: { code: original.code, http: { status: 400 } },
              });
            }
            if (original instanceof ResponseBudgetExceededError) {
              return new GraphQLError(original.message, { extensions: { code: original.code } });
            }
            // Errors raised on purpose (ours and Yoga's) carry a code and pass unchanged; anything
            // else becomes "Unexpected error." with no details.
            if (isGraphQLError(error) && !error.originalError) return error;
            // Keep where it happened: the located error (path, locations) carries the original's code.
            if (isGraphQLError(original) && original.extensions?.code)
              return isGraphQLError(error) ? error : original;
            return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
          },
        }
      : false,
    plugins: [
      useRequestId(log),
      useRequestDeadline(db.deadlines),
      useSecurityHeaders(),
      useCors(config),
      useCsrfPrevention(),
      ...(log && config.LOG_LEVEL !== 'silent' ? [useClientErrorLog(log)] : []),
      useBookmarkHeader(),
      ...(tracingPlugin ? [tracingPlugin] : []),
      metrics.plugin,
      // The standard introspection query (and only its shape) passes the guards: src/introspection.ts.
      ...armor.protect().plugins.map(exemptStandardIntrospection),
      // Automatic persisted queries (Apollo, urql), bounded store: src/persisted-queries.ts.
      usePersistedQueries(),
      useAccessPolicy(config),
      useQueryCost(config),
      useResponseBudget(config),
      useRequestErrorCodes(config.NODE_ENV === 'production'),
      useRoundTripCount(config),
      useReadinessCheck({
        endpoint: '/ready',
        // Cached for a second so a readiness probe storm does not become a database storm.
        check: async () => {
          if (ready && Date.now() - ready.at < 1000) return ready.ok;
          const ok = (await db.ping()) && (await migrationsApplied(db).catch(() => false));
          ready = { at: Date.now(), ok };
          return ok;
        },
      }),
      ...plugins,
    ],
  });
}

/**
 * Armor's validation rules throw an error without `extensions.code` whose message starts with
 * "Syntax Error"; clients could not tell a limit from a bug. Report it as an ordinary
 * validation error instead (validation then fails as for any invalid document).
 */
const asValidationError = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => {
      const rejection = new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
      // Without a validation context there is nothing to report to: fail as before.
      if (!context) throw rejection;
      context.reportError(rejection);
    },
  ],
};

/** Reads are public unless PUBLIC_READS=false; a presented key that matches none is refused. */
function useAccessPolicy(config: Config): Plugin<Context> {
  return {
    onExecute({ args }) {
      const ctx = args.contextValue;
      if (ctx.caller.invalidKey) throw unauthenticated('the API key is not valid');
      if (!config.PUBLIC_READS && ctx.caller.role === 'anonymous')
        throw unauthenticated('reads need an API key');
      if (
        config.WRITES_DISABLED &&
        getOperationAST(args.document, args.operationName)?.operation === 'mutation'
      )
        throw forbidden('this instance is read-only (WRITES_DISABLED=true)');
    },
  };
}

/**
 * Errors graphql-js raises before execution starts (a required variable missing, a variable of
 * the wrong type) carry no `extensions.code`, unlike every other rejection; they are the
 * client's input, so they get BAD_USER_INPUT. A result without `data` is such a request error.
 * Like validation errors (armor's blockFieldSuggestion), they lose "Did you mean" hints in
 * production.
 */
function useRequestErrorCodes(hideSuggestions: boolean): Plugin<Context> {
  return {
    onExecute() {
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in Object(result)) return;
          const r = result as { data?: unknown; errors?: readonly GraphQLError[] };
          if (r.data !== undefined || !r.errors?.some((e) => !e.extensions?.code)) return;
          setResult({
            ...r,
            errors: r.errors.map((e) =>
              e.extensions?.code
                ? e
                : new GraphQLError(
                    hideSuggestions ? e.message.replace(/ ?Did you mean .+\?/g, '') : e.message,
                    {
                      nodes: e.nodes,
                      extensions: { ...e.extensions, code: 'BAD_USER_INPUT' },
                    },
                  ),
            ),
          } as never);
        },
      };
    },
  };
}

/**
 * Counts the Cypher round trips of each operation. Outside production the count is returned in
 * `extensions.roundTrips`, which the N+1 test reads.
 */
function useRoundTripCount(config: Config): Plugin<Context> {
  return {
    onExecute({ setExecuteFn, executeFn }) {
      const counter = new RoundTrips();
      setExecuteFn((args) => countRoundTrips(counter, () => executeFn(args)));
      return {
        onExecuteDone({ result, setResult }) {
          if (config.NODE_ENV === 'production' || Symbol.asyncIterator in Object(result)) return;
          const r = result as { extensions?: Record<string, unknown> };
          setResult({
            ...(result as object),
            extensions: { ...r.extensions, roundTrips: counter.count },
          } as never);
        },
      };
    },
  };
}

/**
 * By name, not `instanceof`: graphql ships both CommonJS and ESM builds, and when both get loaded
 * (vitest inlines ESM while the executor loads CommonJS) a located error from the executor is not
 * an instance of the class this module imported, and a deliberate UNAUTHENTICATED or
 * SERVICE_UNAVAILABLE error would be masked as INTERNAL_SERVER_ERROR.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

export type ClaimGraphYoga = ReturnType<typeof buildYoga>;
