/**
 * Optional OpenTelemetry tracing (OTEL_ENABLED=true; off by default): one server span per
 * GraphQL operation, from Envelop's OpenTelemetry plugin, and one client span per Cypher
 * statement, from the statement hook of the database boundary (src/db/database.ts), as its child.
 * Spans go to an OTLP/HTTP collector (OTEL_EXPORTER_OTLP_ENDPOINT) in batches.
 *
 * What a span may carry: operation name and type, a statement's registry name
 * (`claim/chains`), access mode and database, the outcome. Never a GraphQL document, variables,
 * a result or a Cypher parameter: they hold what users searched for and wrote.
 *
 * The SDK, the exporter and the plugin are imported only here and only when tracing is on, so
 * an instance without tracing does not load them (tests/integration/tracing.int.test.ts).
 */
import type { Exception, Tracer } from '@opentelemetry/api';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import { queryNameOf } from './db/cypher.js';
import type { StatementHook } from './db/database.js';

export interface Tracing {
  /** The Yoga plugin that opens a span per GraphQL operation. */
  plugin: Plugin;
  /** Pass to `Database.onStatement`: a span per Cypher statement. */
  statementHook: StatementHook;
  /** Sends the spans still buffered, then stops (call before the process exits). */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Where spans go instead of OTLP, each as soon as it ends (tests use an in-memory exporter). */
  exporter?: SpanExporter;
}

/** Tracing as configured, or `undefined` when OTEL_ENABLED is not true (nothing is loaded). */
export async function startTracing(
  config: Config,
  options: TracingOptions = {},
): Promise<Tracing | undefined> {
  if (!config.OTEL_ENABLED) return undefined;
  const [api, sdk, { AsyncLocalStorageContextManager }, { resourceFromAttributes }, { useOpenTelemetry }] =
    await Promise.all([
      import('@opentelemetry/api'),
      import('@opentelemetry/sdk-trace-base'),
      import('@opentelemetry/context-async-hooks'),
      import('@opentelemetry/resources'),
      import('@envelop/opentelemetry'),
    ]);
  const exporter =
    options.exporter ??
    new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter({
      url: `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`,
    });
  const provider = new sdk.BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.OTEL_SERVICE_NAME }),
    spanProcessors: [
      options.exporter ? new sdk.SimpleSpanProcessor(exporter) : new sdk.BatchSpanProcessor(exporter),
    ],
  });
  // Spans find their parent through the active context, carried across awaits by
  // AsyncLocalStorage. The context manager is process-wide; a second instance (tests) reuses it.
  const manager = new AsyncLocalStorageContextManager().enable();
  if (!api.context.setGlobalContextManager(manager)) manager.disable();

  const tracer = provider.getTracer('claim-graph');
  const statementHook: StatementHook = (query, mode, run) =>
    tracer.startActiveSpan(
      `cypher ${queryNameOf(query) ?? 'inline'}`,
      {
        kind: api.SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'neo4j',
          'db.namespace': config.NEO4J_DATABASE,
          'db.query.summary': queryNameOf(query) ?? 'inline',
          'db.operation.name': mode,
        },
      },
      async (span) => {
        try {
          return await run();
        } catch (error) {
          span.setStatus({ code: api.SpanStatusCode.ERROR, message: (error as Error).name });
          span.setAttribute('error.type', (error as { code?: string }).code ?? (error as Error).name);
          throw error;
        } finally {
          span.end();
        }
      },
    );

  const plugin = useOpenTelemetry(
    // Documents are not recorded: a literal argument is as private as a variable.
    { resolvers: false, variables: false, result: false, document: false },
    errorsByCodeOnly(provider),
    api.SpanKind.SERVER,
    {},
    config.OTEL_SERVICE_NAME,
  ) as Plugin;

  return {
    plugin,
    statementHook,
    shutdown: () => provider.shutdown(),
  };
}

/**
 * The Envelop plugin records a failed operation's errors as an exception event whose message is
 * the JSON of the errors, and error messages quote what the client sent (`Variable "$q" got
 * invalid value "..."`). This wraps the provider the plugin is given so that event keeps only the
 * errors' codes (`BAD_USER_INPUT`, ...): enough to find the failures, nothing a user wrote.
 */
export function errorsByCodeOnly<P extends { getTracer(name: string, version?: string): Tracer }>(
  provider: P,
): P {
  return new Proxy(provider, {
    get(target, property, receiver) {
      if (property !== 'getTracer') return Reflect.get(target, property, receiver) as unknown;
      return (name: string, version?: string) => {
        const tracer = target.getTracer(name, version);
        return new Proxy(tracer, {
          get(t, p, r) {
            if (p !== 'startSpan') return Reflect.get(t, p, r) as unknown;
            return (...args: Parameters<Tracer['startSpan']>) => {
              const span = t.startSpan(...args);
              const record = span.recordException.bind(span);
              span.recordException = (exception, time) => record(codesOnly(exception), time);
              return span;
            };
          },
        });
      };
    },
  });
}

/** An exception as its name and the codes of the GraphQL errors its message lists. */
function codesOnly(exception: Exception): Exception {
  if (typeof exception === 'string') return { name: 'Error', message: '(message withheld)' };
  let codes: string[] = [];
  try {
    const errors: unknown = JSON.parse(exception.message ?? '');
    if (Array.isArray(errors))
      codes = errors.map((e: { extensions?: { code?: unknown } } | null) =>
        typeof e?.extensions?.code === 'string' ? e.extensions.code : 'UNCODED',
      );
  } catch {
    codes = ['UNPARSED'];
  }
  return { name: exception.name ?? 'Error', message: codes.join(', ') };
}
