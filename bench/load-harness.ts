/**
 * A bounded load run against the API over loopback HTTP: a fixed number of workers send a
 * realistic mix of reads and writes until a deadline, then stop by themselves. Used by the
 * short load test in `npm test` and by the long form `tsx bench/load.ts`.
 *
 * Writes are accountable: each worker adds new claims to an article of its own (upsertClaim)
 * and links each new claim to a seed claim (linkClaims), so after the run the graph must hold
 * exactly as many new claims and links as the API reported successful.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../src/config.js';
import type { Database } from '../src/db/database.js';
import { buildYoga } from '../src/yoga.js';
import { HOSTILE, type HostileTarget } from './hostile.js';

export interface LoadOptions {
  /** How long workers keep sending (milliseconds). */
  durationMs: number;
  /** Concurrent workers, each with one request in flight. */
  workers: number;
  /** Share of iterations that write, in [0, 1]; default 0.2. */
  writeShare?: number;
  /** An API key with the editor role. */
  editorKey: string;
  /** Seed for the request mix, so runs are comparable; default 1. */
  seed?: number;
  /** How often to sample the process RSS (milliseconds); default 250. */
  sampleEveryMs?: number;
  /** Share of iterations that send one of the hostile requests (bench/hostile.ts); default 0. */
  hostileShare?: number;
  /** Where the hostile requests go (required when hostileShare > 0). */
  hostile?: HostileTarget;
  /** Articles the writers share (worker w writes to load-writer-(w mod this)); default: one each. */
  writerArticles?: number;
}

export interface LoadReport {
  durationMs: number;
  requests: number;
  reads: number;
  writes: { claims: number; links: number };
  /** First few failures, as "operation: message" (empty on a clean run). */
  errors: string[];
  errorCount: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  requestsPerSecond: number;
  /** Process RSS samples in MB, in time order. */
  rssMb: number[];
  /** Requests by kind (normal reads and writes by operation, hostile ones by attack). */
  byKind: Record<string, number>;
  /** Outcomes of the hostile requests: attack -> outcome (error code, HTTP status) -> count. */
  hostileOutcomes: Record<string, Record<string, number>>;
  /** Latencies of the normal requests (reads and writes) alone, sorted, in ms. */
  normalLatenciesMs: number[];
  /** Slowest normal read and write, in ms (answered or refused). */
  slowestMs: { read: number; write: number };
  /**
   * Normal requests the API refused with SERVICE_UNAVAILABLE (503: its deadline passed, or no
   * database connection was free in time), by kind. Not failures: the API answered, in time,
   * that it could not do it; a refused write must have written nothing.
   */
  refused: Record<string, number>;
  /** The writes refused: claims by key, links as `from -TYPE-> to`. */
  refusedWrites: { claims: string[]; links: string[] };
  /** Writes refused after their COMMIT was sent and never confirmed (outcome unknown). */
  unknownWrites: string[];
}

/** The API's answer that it could not serve a request in time (503, SERVICE_UNAVAILABLE only). */
export class Refused extends Error {
  constructor(
    message: string,
    /** The refusal says a write's COMMIT was sent and not confirmed. */
    readonly outcomeUnknown: boolean,
  ) {
    super(message);
    this.name = 'Refused';
  }
}

/** A read mix modelled on the explorer page: lists, a claim's provenance, search, agents. */
const READS: { name: string; query: string; variables: (pick: number) => Record<string, unknown> }[] = [
  {
    name: 'claims',
    query: `query($first: Int, $order: ClaimOrder) { claims(first: $first, orderBy: $order) {
      totalCount edges { node { key text kind saidAt speaker { __typename ... on Actor { name } ... on Source { name } } } } } }`,
    variables: (p) => ({
      first: 10 + (p % 20),
      order: ['SAID_AT_DESC', 'KEY_ASC', 'CONFIDENCE_DESC'][p % 3],
    }),
  },
  {
    name: 'provenance',
    query: `query($key: String!) { claim(key: $key) { text version provenance { depth anonymousLinks
      chain { role anonymous } origin { role } } related { type claim { key } } history { version by } } }`,
    variables: (p) => ({ key: SEED_CLAIMS[p % SEED_CLAIMS.length] }),
  },
  {
    name: 'search',
    query: `query($q: String!) { searchClaims(query: $q, first: 10) { totalCount edges { node { key text } } } }`,
    variables: (p) => ({ q: ['ceasefire', 'minister resign', 'talks March', 'truce', '"will not"'][p % 5] }),
  },
  {
    name: 'agents',
    query: `query($name: String!) { agents(name: $name, first: 5) { totalCount edges { node { __typename } } } }`,
    variables: (p) => ({ name: ['Minister', 'Reuters', 'Paris', 'Guardian'][p % 4] }),
  },
  {
    name: 'article',
    query: `query($key: String!) { article(key: $key) { title claims(first: 20) { totalCount edges { node { key } } } } }`,
    variables: (p) => ({ key: `article:load-seed-${p % SEED_ARTICLES}` }),
  },
];

const SEED_ARTICLES = 3;
const SEED_CLAIMS = Array.from({ length: SEED_ARTICLES }, (_, a) =>
  ['ceasefire-will-fail', 'minister-no-resign', 'talks-resume-march', 'truce-fragile'].map(
    (c) => `load-seed-${a}#${c}`,
  ),
).flat();

const UPSERT = `mutation($input: UpsertClaimInput!) { upsertClaim(input: $input) {
  __typename ... on MutationUpsertClaimSuccess { data { key version } } ... on Error { message } } }`;
const LINK = `mutation($input: LinkClaimsInput!) { linkClaims(input: $input) {
  __typename ... on Error { message } } }`;
const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) { __typename ... on Error { message } } }`;

/** A small deterministic PRNG (mulberry32), so a seed gives the same request mix. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LoadTarget {
  url: string;
  close(): Promise<void>;
}

/** Serves the API on 127.0.0.1 with a free port, as server.ts does. */
export async function serveOnLoopback(config: Config, db: Database): Promise<LoadTarget> {
  const yoga = buildYoga({ config, db });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function post(
  url: string,
  query: string,
  variables: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 60_000,
) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
    // Bounded: a request that hangs is a failure, not a stuck run.
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
  const codes = (body.errors ?? []).map((e) => e.extensions?.code);
  if (response.status === 503 && codes.length > 0 && codes.every((c) => c === 'SERVICE_UNAVAILABLE')) {
    const message = body.errors!.map((e) => e.message).join('; ');
    throw new Refused(message, /may or may not have been saved/.test(message));
  }
  if (response.status !== 200 || body.errors) {
    throw new Error(`${response.status} ${JSON.stringify(body.errors ?? body).slice(0, 200)}`);
  }
  return body.data;
}

/** Seeds the articles the mix reads and the per-worker articles it writes to. */
export async function seedLoadData(
  url: string,
  editorKey: string,
  workers: number,
  document: (id: string) => unknown,
) {
  const auth = { authorization: `Bearer ${editorKey}` };
  const ids = [
    ...Array.from({ length: SEED_ARTICLES }, (_, i) => `load-seed-${i}`),
    ...Array.from({ length: workers }, (_, w) => `load-writer-${w}`),
  ];
  for (const id of ids) {
    // A whole-article write has the ingest timeout (5 min at least), not the API's write deadline.
    const data = await post(url, INGEST, { input: { document: document(id) } }, auth, 330_000);
    if (data.ingestArticle.__typename !== 'MutationIngestArticleSuccess') {
      throw new Error(`seeding ${id}: ${JSON.stringify(data.ingestArticle)}`);
    }
  }
}

/** The claim a writer adds: evidence and chain reuse words of the mini document's text. */
function newClaim(id: string, n: number, text: string) {
  const span = (needle: string) => {
    const start = text.indexOf(needle);
    return { start, end: start + needle.length, text: needle };
  };
  return {
    id,
    text: `Load claim ${n}: the talks would resume in March.`,
    kind: 'statement',
    evidence: span('the talks would resume in March'),
    chain: [{ agent: 'france', role: 'said', evidence: span('Paris officials said') }],
  };
}

export async function runLoad(url: string, articleText: string, options: LoadOptions): Promise<LoadReport> {
  const writeShare = options.writeShare ?? 0.2;
  const auth = { authorization: `Bearer ${options.editorKey}` };
  const latencies: number[] = [];
  const errors: string[] = [];
  let errorCount = 0;
  let reads = 0;
  const writes = { claims: 0, links: 0 };
  const rssMb: number[] = [];
  const sample = () => rssMb.push(Math.round(process.memoryUsage().rss / 1_048_576));
  sample();
  const sampler = setInterval(sample, options.sampleEveryMs ?? 250);
  const started = Date.now();
  const deadline = started + options.durationMs;

  const fail = (message: string) => {
    errorCount++;
    if (errors.length < 10) errors.push(message);
  };
  const byKind: Record<string, number> = {};
  const hostileOutcomes: Record<string, Record<string, number>> = {};
  const slowestMs = { read: 0, write: 0 };
  const refused: Record<string, number> = {};
  const refusedWrites = { claims: [] as string[], links: [] as string[] };
  const unknownWrites: string[] = [];
  let sent = 0;
  /**
   * Sends one normal request with a request id naming its side (`load-read-…`, `load-write-…`),
   * so the server's access log can be matched to it; `onRefused` is told when the API refused it.
   */
  const timed = async <T>(
    name: string,
    work: (headers: Record<string, string>) => Promise<T>,
    onRefused?: (outcomeUnknown: boolean) => void,
  ): Promise<T | undefined> => {
    const t0 = performance.now();
    byKind[name] = (byKind[name] ?? 0) + 1;
    const side = name === 'upsertClaim' || name === 'linkClaims' ? 'write' : 'read';
    const headers = { 'x-request-id': `load-${side}-${name}-${sent++}` };
    try {
      return await work(headers);
    } catch (error) {
      if (error instanceof Refused) {
        refused[name] = (refused[name] ?? 0) + 1;
        onRefused?.(error.outcomeUnknown);
      } else fail(`${name}: ${(error as Error).message}`);
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      latencies.push(ms);
      slowestMs[side] = Math.max(slowestMs[side], ms);
    }
  };
  const hostileShare = options.hostileShare ?? 0;
  const attack = async (pick: number) => {
    const kind = HOSTILE[pick % HOSTILE.length]!;
    byKind[kind.name] = (byKind[kind.name] ?? 0) + 1;
    const outcome = await kind
      .send(options.hostile!, pick)
      .catch((e: unknown) => `failed: ${(e as Error).name}`);
    const counts = (hostileOutcomes[kind.name] ??= {});
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  };

  const worker = async (w: number) => {
    const random = prng((options.seed ?? 1) * 1000 + w);
    let n = 0;
    while (Date.now() < deadline) {
      const pick = Math.floor(random() * 1_000_000);
      const roll = random();
      if (roll < hostileShare) {
        await attack(pick);
      } else if (roll < hostileShare + writeShare) {
        const id = `load-${w}-${n++}`;
        const claim = newClaim(id, n, articleText);
        const article = `load-writer-${options.writerArticles ? w % options.writerArticles : w}`;
        const key = `${article}#${id}`;
        const data = await timed(
          'upsertClaim',
          (h) => post(url, UPSERT, { input: { article: `article:${article}`, claim } }, { ...auth, ...h }),
          (unknown) => (unknown ? unknownWrites : refusedWrites.claims).push(key),
        );
        if (data?.upsertClaim.__typename !== 'MutationUpsertClaimSuccess') {
          if (data) fail(`upsertClaim: ${JSON.stringify(data.upsertClaim)}`);
          continue;
        }
        writes.claims++;
        const to = SEED_CLAIMS[pick % SEED_CLAIMS.length];
        const type = ['SUPPORTS', 'CONTRADICTS', 'SAME_STATEMENT'][pick % 3];
        const link = await timed(
          'linkClaims',
          (h) => post(url, LINK, { input: { from: key, to, type } }, { ...auth, ...h }),
          (unknown) => (unknown ? unknownWrites : refusedWrites.links).push(`${key} -${type}-> ${to}`),
        );
        if (link?.linkClaims.__typename === 'MutationLinkClaimsSuccess') writes.links++;
        else if (link) fail(`linkClaims: ${JSON.stringify(link.linkClaims)}`);
      } else {
        const read = READS[pick % READS.length]!;
        const data = await timed(read.name, (h) => post(url, read.query, read.variables(pick), h));
        if (data) reads++;
      }
    }
  };

  await Promise.all(Array.from({ length: options.workers }, (_, w) => worker(w)));
  clearInterval(sampler);
  sample();
  const durationMs = Date.now() - started;
  const sorted = [...latencies].sort((a, b) => a - b);
  const normalLatenciesMs = sorted;
  const at = (q: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    durationMs,
    requests: latencies.length,
    reads,
    writes,
    errors,
    errorCount,
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: Math.round(sorted.at(-1) ?? 0) },
    requestsPerSecond: Math.round((latencies.length / durationMs) * 1000 * 10) / 10,
    rssMb,
    byKind,
    hostileOutcomes,
    normalLatenciesMs,
    slowestMs: { read: Math.round(slowestMs.read), write: Math.round(slowestMs.write) },
    refused,
    refusedWrites,
    unknownWrites,
  };
}

/** The refused writes the graph holds anyway (there must be none). */
export async function presentRefusedWrites(
  db: Database,
  refused: LoadReport['refusedWrites'],
): Promise<string[]> {
  const links = refused.links.map((l) => {
    const [, from, type, to] = /^(\S+) -(\w+)-> (\S+)$/.exec(l)!;
    return { from, type, to, label: l };
  });
  const rows = await db.read((tx) =>
    tx.rows(
      `UNWIND $claims AS key
       MATCH (c:Claim {key: key}) RETURN key AS found
       UNION ALL
       UNWIND $links AS l
       MATCH (:Claim {key: l.from})-[r]->(:Claim {key: l.to}) WHERE type(r) = l.type
       RETURN l.label AS found`,
      { claims: refused.claims, links },
    ),
  );
  return rows.map((r) => String(r.found));
}

/** Counts what the graph holds of the run's writes, to compare with what the API reported. */
export async function countLoadWrites(db: Database): Promise<{ claims: number; links: number }> {
  const [row] = await db.read((tx) =>
    tx.rows(
      `RETURN COUNT { MATCH (c:Claim) WHERE c.key STARTS WITH 'load-writer-' AND c.key CONTAINS '#load-' } AS claims,
              COUNT { MATCH (c:Claim)-[r]->(:Claim)
                      WHERE c.key STARTS WITH 'load-writer-' AND c.key CONTAINS '#load-' AND r.declaredIn = 'api' } AS links`,
    ),
  );
  return { claims: Number(row?.claims), links: Number(row?.links) };
}

/**
 * Memory growth over the run: the median RSS of the last quarter of samples minus that of the
 * first quarter (medians, so one GC cycle or heap expansion does not decide it).
 */
export function rssGrowthMb(samples: number[]): { startMb: number; endMb: number; growthMb: number } {
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  const startMb = median(samples.slice(0, quarter));
  const endMb = median(samples.slice(-quarter));
  return { startMb, endMb, growthMb: endMb - startMb };
}
