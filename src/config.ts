/**
 * The environment, parsed once. Every variable is listed in `.env.example` with its default; a
 * bad value stops start-up with a message that names the variable. The rest of the code reads
 * this typed object, never `process.env`.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const bool = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const ApiKeys = z
  .string()
  .default('')
  .transform((raw, ctx) => {
    const keys: { key: string; role: 'reader' | 'editor' }[] = [];
    for (const entry of raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)) {
      const [key, role] = entry.split(':');
      if (!key || key.length < 16 || (role !== 'reader' && role !== 'editor')) {
        ctx.addIssue({
          code: 'custom',
          message: 'each entry must be "<key of 16+ characters>:reader" or "<key>:editor", comma-separated',
        });
        return z.NEVER;
      }
      keys.push({ key, role });
    }
    return keys;
  });

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP listen address and port of the API. */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(4000, 0, 65535),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  /** How to obtain Neo4j: auto tries NEO4J_URI, then a Docker engine, then the local server. */
  NEO4J_PROVIDER: z.enum(['auto', 'uri', 'docker', 'local']).default('auto'),
  NEO4J_URI: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/.+/, 'must be a bolt:// or neo4j:// URI')
    .optional(),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().default('claimgraph-local'),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  /** Data folder of the project's own local Neo4j (git-ignored). */
  NEO4J_LOCAL_HOME: z.string().min(1).default('.neo4j/data'),
  /** Bolt port of the local Neo4j; 0 picks a free port. */
  NEO4J_LOCAL_PORT: int(7687, 0, 65535),
  NEO4J_LOCAL_HEAP: z
    .string()
    .regex(/^\d+[mg]$/, 'must look like 512m or 2g')
    .default('1g'),
  NEO4J_LOCAL_PAGECACHE: z
    .string()
    .regex(/^\d+[mg]$/, 'must look like 256m or 2g')
    .default('512m'),
  /** How many times in a row `npm start` restarts a local Neo4j it started that died (0: never). */
  NEO4J_LOCAL_RESTARTS: int(5, 0, 100),
  /** Milliseconds a single database transaction may take before it is aborted. */
  NEO4J_TX_TIMEOUT_MS: int(60_000, 100, 600_000),
  /** Milliseconds to wait for a pooled connection before SERVICE_UNAVAILABLE. */
  NEO4J_ACQUIRE_TIMEOUT_MS: int(5_000, 100, 120_000),
  /**
   * Client-side deadlines (src/db/database.ts): milliseconds a read, or a write, may take in this
   * process, whatever the database does (a hung or stopped server included). Past it the call
   * fails with SERVICE_UNAVAILABLE and its connection is discarded, not returned to the pool.
   * The server-side transaction timeout is never longer. An API request's calls share one such
   * deadline from its arrival (src/request-deadline.ts): DB_READ_DEADLINE_MS for a query,
   * DB_WRITE_DEADLINE_MS for a mutation. Whole-article writes (ingest) get their longer
   * transaction timeout plus DB_DEADLINE_GRACE_MS; a write whose COMMIT was sent before its
   * deadline waits up to DB_DEADLINE_GRACE_MS for the answer.
   */
  DB_READ_DEADLINE_MS: int(10_000, 100, 3_600_000),
  DB_WRITE_DEADLINE_MS: int(30_000, 100, 3_600_000),
  DB_DEADLINE_GRACE_MS: int(5_000, 0, 600_000),

  /** Load the curated fixtures at start-up when the database holds no article. */
  LOAD_FIXTURES: bool(true),

  /** API keys, "key:role" comma-separated; roles are reader and editor. */
  API_KEYS: ApiKeys,
  /** Whether reads need no key. */
  PUBLIC_READS: bool(true),
  /** Refuse every mutation whatever the key (a read-only instance). */
  WRITES_DISABLED: bool(false),

  /** Query guards. */
  MAX_QUERY_DEPTH: int(12, 2, 100),
  MAX_ALIASES: int(30, 1, 1000),
  MAX_TOKENS: int(3000, 50, 100_000),
  /** Estimated values in a response (lists priced by page size, nested multiplicatively). */
  MAX_COST: int(20_000, 10, 10_000_000),
  MAX_PAGE_SIZE: int(100, 1, 10_000),
  MAX_NEIGHBOURHOOD_DEPTH: int(3, 1, 6),
  /** Items a list argument (`nodes(ids:)`, filter lists) may carry. */
  MAX_LIST_ARGUMENT: int(100, 1, 100_000),
  /**
   * Response budget: database values (rows, and items of the lists in them) one GraphQL request
   * may fetch; past it the request stops with QUERY_TOO_EXPENSIVE, whatever the cost guard said.
   */
  MAX_RESPONSE_ROWS: int(50_000, 100, 10_000_000),
  /** Largest request body accepted (bytes); larger ones answer 413. */
  MAX_BODY_BYTES: int(5_000_000, 1_000, 200_000_000),
  /** Milliseconds for a request's headers, and for the whole request, to arrive. */
  HEADERS_TIMEOUT_MS: int(10_000, 100, 600_000),
  REQUEST_TIMEOUT_MS: int(30_000, 100, 3_600_000),
  /** Exports over HTTP running at once; more answer 503 with Retry-After. */
  EXPORT_CONCURRENCY: int(2, 1, 100),
  /** Which HTTP exports need an API key: never, whole (whole-graph exports), always. */
  EXPORT_KEY_REQUIRED: z.enum(['never', 'whole', 'always']).default('never'),
  /**
   * Origins (scheme://host[:port]) whose pages may call the API from a browser, comma-separated;
   * `*` for any (then never with credentials). Empty: no cross-origin access (no CORS headers).
   */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const origins: string[] = [];
      for (const entry of raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)) {
        if (entry === '*') {
          origins.push('*');
          continue;
        }
        let origin: string | undefined;
        try {
          origin = new URL(entry).origin;
        } catch {
          // reported below
        }
        if (!origin || origin === 'null' || origin !== entry.replace(/\/$/, '')) {
          ctx.addIssue({ code: 'custom', message: `"${entry}" is not an origin like https://example.org` });
          return z.NEVER;
        }
        origins.push(origin);
      }
      return origins;
    }),
  /** Whether allowed origins may send cookies and HTTP auth (Access-Control-Allow-Credentials). */
  CORS_CREDENTIALS: bool(false),
  /** Hide internal error messages from clients (always on in production). */
  MASK_ERRORS: bool(true),
  /**
   * Where this instance's fact-check pages are published: a ClaimReview's `url` is this base
   * followed by the URI-encoded claim key (and its author's `url` is the base's site). Unset,
   * ClaimReview exports leave every review out (Google requires the url) and say so.
   */
  CLAIMREVIEW_URL_BASE: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? v.trim() : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/\s]+/.test(v), 'must be an absolute http(s) URL'),

  /**
   * OpenTelemetry tracing (src/tracing.ts): a span per GraphQL operation and per Cypher
   * statement, sent over OTLP/HTTP. Off by default; when off the SDK is not even loaded.
   */
  OTEL_ENABLED: bool(false),
  /** Base URL of the OTLP/HTTP collector; traces go to `<endpoint>/v1/traces`. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).default('http://localhost:4318'),
  /** `service.name` of the spans. */
  OTEL_SERVICE_NAME: z.string().min(1).default('claim-graph'),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Settings that may come from a file instead (Docker and Kubernetes secrets): `<NAME>_FILE` is
 * a path whose content (trimmed; for API keys, one entry per line or comma-separated) is the
 * value. Setting both the variable and its file is an error.
 */
const FROM_FILE = ['API_KEYS', 'NEO4J_PASSWORD'] as const;

/** Parses an environment (default `process.env`). Throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset, as in most dotenv tooling.
  const cleaned: Record<string, string> = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
  const problems: string[] = [];
  for (const name of FROM_FILE) {
    const file = cleaned[`${name}_FILE`];
    if (file === undefined) continue;
    delete cleaned[`${name}_FILE`];
    if (cleaned[name] !== undefined) {
      problems.push(`${name}_FILE=${JSON.stringify(file)}: ${name} is set too; set one of them`);
      continue;
    }
    try {
      const content = readFileSync(file, 'utf8').trim();
      cleaned[name] =
        name === 'API_KEYS'
          ? content
              .split(/[\n,]/)
              .map((l) => l.trim())
              .filter(Boolean)
              .join(',')
          : content;
      if (cleaned[name] === '') delete cleaned[name];
    } catch (error) {
      problems.push(
        `${name}_FILE=${JSON.stringify(file)}: cannot read it (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '(environment)');
        // A value read from a file is never echoed (it is a secret).
        const shown = env[`${name}_FILE`] ? `(from ${name}_FILE)` : JSON.stringify(env[name] ?? '');
        return `${name}=${shown}: ${i.message}`;
      }),
    );
  }
  const config = parsed.data;
  if (config.CORS_CREDENTIALS && config.CORS_ORIGINS.includes('*')) {
    throw new ConfigError([
      "CORS_CREDENTIALS=true: not with CORS_ORIGINS=* (any site could act with a visitor's credentials); list the origins",
    ]);
  }
  // Production without keys is either an open read-only mirror, said so explicitly, or a mistake.
  if (
    config.NODE_ENV === 'production' &&
    config.API_KEYS.length === 0 &&
    !(config.PUBLIC_READS && config.WRITES_DISABLED)
  ) {
    throw new ConfigError([
      'API_KEYS: empty in production. Set API_KEYS (or API_KEYS_FILE), or run a public read-only ' +
        'instance with PUBLIC_READS=true and WRITES_DISABLED=true.',
    ]);
  }
  return config;
}
