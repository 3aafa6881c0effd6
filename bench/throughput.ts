/**
 * Throughput under concurrency: autocannon against our API server and against an @neo4j/graphql
 * server over the same database, one after the other, with a read mix built from the sampled
 * claims (provenance, a page of 50 claims by the speaker, full-text search, neighbourhood depth 2,
 * contested claims). Each server runs in a child process on 127.0.0.1 so its RSS, sampled from
 * /proc while the load runs, is its own. Bounded: fixed connections and seconds per target.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { repoRoot } from '../src/paths.js';
import { AnswerCheck, type Target } from './answers.js';
export type { Target };
import type { ReadInput } from './cases.js';
import { GQL_CONTESTED, GQL_NEIGHBOURHOOD, GQL_PROVENANCE, GQL_SEARCH, GQL_SPEAKER_PAGE } from './cases.js';

export interface TargetThroughput {
  target: Target;
  seconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** RSS of the server process: after start and one pass of the mix, and the peak under load. */
  rssMiB: { idle: number; peak: number };
}

export interface ThroughputReport {
  mix: string[];
  targets: TargetThroughput[];
  /** A server that failed to start or to answer the mix cleanly (then it has no row). */
  failures?: string[];
  /**
   * What is wrong with the answers, checked before and during timing (bench/answers.ts): a
   * mismatch between the servers or under load, a missing baseline, an empty sample. Empty when
   * every checked answer agreed; anything here fails the run.
   */
  answerProblems: string[];
  /** Requests of the mix whose answers were checked while the load ran, per server. */
  checkedDuring: Partial<Record<Target, number>>;
}

interface Body {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

const chainLevel = (depth: number): string =>
  `hop role anonymous isOrigin toldByActor { key name } toldBySource { key name }` +
  (depth > 0 ? ` quotedFrom { ${chainLevel(depth - 1)} }` : '');

/** The nearest @neo4j/graphql equivalents of our queries (fixed nesting for the chain, depth <= 4). */
export const N_PROVENANCE = `query Provenance($key: String!) {
  claims(where: { key: { eq: $key } }) {
    key text status confidence credibility depth anonymousLinks
    tellings(where: { hop: { eq: 0 } }) { ${chainLevel(4)} }
  }
}`;
export const N_SPEAKER_PAGE = `query SpeakerPage($speaker: String!) {
  claims(
    where: { status: { eq: "accepted" }, tellings: { some: { isOrigin: { eq: true }, OR: [
      { toldByActor: { some: { key: { eq: $speaker } } } },
      { toldBySource: { some: { key: { eq: $speaker } } } } ] } } }
    sort: [{ saidUnknown: ASC }, { saidLatestDay: DESC }, { key: ASC }]
    limit: 50
  ) {
    key text confidence
    tellings(where: { hop: { eq: 0 } }) { ${chainLevel(4)} }
  }
}`;
export const N_SEARCH = `query Search($q: String!) {
  claimsFulltext(phrase: $q, where: { node: { status: { eq: "accepted" } } }, sort: [{ score: DESC }], first: 20) {
    edges { score node { key text confidence } }
  }
}`;
export const N_NEIGHBOURHOOD = `query Hood($key: String!) {
  claims(where: { key: { eq: $key } }) {
    key text
    tellings(limit: 50) { key role hop toldByActor { key name } toldBySource { key name }
      addressedToActor { key name } quotedFrom { key } article { key } claim { key } }
    article(limit: 50) { key title claims(limit: 50) { key } publisher { key name } mentionsActors(limit: 50) { key name } }
    refersToActors(limit: 50) { key name told(limit: 50) { key } }
    contradicts(limit: 50) { key text } contradictedBy(limit: 50) { key text }
    supports(limit: 50) { key text } sameStatement(limit: 50) { key text }
  }
}`;
export const N_CONTESTED = `query Contested {
  claims(
    where: { status: { eq: "accepted" }, OR: [{ contradicts: { some: { key: { startsWith: "" } } } },
                                               { contradictedBy: { some: { key: { startsWith: "" } } } }] }
    sort: [{ confidence: DESC }, { key: ASC }]
    limit: 20
  ) { key text confidence credibility }
}`;

/** The read mix: per sampled claim 2x provenance, then page by speaker, search, neighbourhood; contested every 4th. */
export function readMix(target: Target, inputs: readonly ReadInput[]): Body[] {
  const ours = target === 'ours';
  const out: Body[] = [];
  inputs.forEach((input, i) => {
    const provenance = { query: ours ? GQL_PROVENANCE : N_PROVENANCE, variables: { key: input.claimKey } };
    out.push({ name: 'provenance', ...provenance });
    out.push({
      name: 'speaker-page',
      query: ours ? GQL_SPEAKER_PAGE : N_SPEAKER_PAGE,
      variables: { speaker: input.speakerKey },
    });
    out.push({ name: 'provenance', ...provenance });
    out.push({ name: 'search', query: ours ? GQL_SEARCH : N_SEARCH, variables: { q: input.searchTerm } });
    out.push({
      name: 'neighbourhood',
      query: ours ? GQL_NEIGHBOURHOOD : N_NEIGHBOURHOOD,
      variables: { key: input.claimKey },
    });
    if (i % 4 === 0)
      out.push({ name: 'contested', query: ours ? GQL_CONTESTED : N_CONTESTED, variables: {} });
  });
  return out;
}

function rssMiB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

async function startServer(
  target: Target,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', 'serve.ts'), target], {
    cwd: repoRoot,
    env: { ...process.env, ...env, BENCH_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${target} server did not start in 180 s`)), 180_000);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const m = /listening (\d+)/.exec(buffered);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${target} server exited with ${code}`));
    });
  });
  return { child, port };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function measureThroughput(options: {
  inputs: readonly ReadInput[];
  neo4j: { uri: string; username: string; password: string; database: string };
  seconds: number;
  connections: number;
  log: (m: string) => void;
}): Promise<ThroughputReport> {
  const env = {
    NEO4J_URI: options.neo4j.uri,
    NEO4J_USERNAME: options.neo4j.username,
    NEO4J_PASSWORD: options.neo4j.password,
    NEO4J_DATABASE: options.neo4j.database,
  };
  const targets: TargetThroughput[] = [];
  let mix: string[] = [];
  const failures: string[] = [];
  const check = new AnswerCheck();
  const checkedDuring: ThroughputReport['checkedDuring'] = {};
  for (const target of ['ours', 'neo4j-graphql'] as const) {
    const bodies = readMix(target, options.inputs);
    mix = bodies.map((b) => b.name);
    let started: { child: ChildProcess; port: number } | undefined;
    try {
      started = await startServer(target, env);
      const { child, port } = started;
      const url = `http://127.0.0.1:${port}/graphql`;
      // One untimed pass of the whole mix: warms the server, proves every query answers cleanly
      // and records every answer, to compare with the other server's and with the answers
      // sampled while the load runs.
      for (const [index, b] of bodies.entries()) {
        const data = await ask(url, b);
        if (typeof data === 'string') throw new Error(`${target} ${b.name}: ${data}`);
        check.record(target, 'before', index, b, data);
      }
      const idle = rssMiB(child.pid!);
      let peak = idle;
      const sampler = setInterval(() => {
        const r = rssMiB(child.pid!);
        if (r > peak) peak = r;
      }, 100);
      options.log(
        `throughput: ${target} on 127.0.0.1:${port}, ${options.connections} connections, ${options.seconds} s`,
      );
      // While the load runs, one request at a time walks the mix (from a different place for each
      // server) and its answer is checked against the one given before timing.
      let loaded = true;
      const sampling = (async () => {
        let checked = 0;
        for (let i = target === 'ours' ? 0 : Math.floor(bodies.length / 2); loaded; i++) {
          const index = i % bodies.length;
          const data = await ask(url, bodies[index]!);
          if (!loaded) break; // answered after the load ended: not a check during timing
          if (typeof data === 'string')
            check.recordFailure(target, 'during', index, bodies[index]!.name, data);
          else check.record(target, 'during', index, bodies[index]!, data);
          checked++;
        }
        checkedDuring[target] = checked;
      })();
      const result = await autocannon({
        url,
        method: 'POST',
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        headers: { 'content-type': 'application/json' },
        requests: bodies.map((b) => ({
          method: 'POST' as const,
          body: JSON.stringify({ query: b.query, variables: b.variables }),
        })),
      });
      loaded = false;
      await sampling;
      clearInterval(sampler);
      peak = Math.max(peak, rssMiB(child.pid!));
      targets.push({
        target,
        seconds: options.seconds,
        connections: options.connections,
        requests: result.requests.total,
        requestsPerSecond: result.requests.total / (result.duration || options.seconds),
        latencyMs: {
          p50: result.latency.p50,
          p90: result.latency.p90,
          p99: result.latency.p99,
          max: result.latency.max,
          mean: result.latency.average,
        },
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        rssMiB: { idle, peak },
      });
      options.log(
        `throughput: ${target} ${(result.requests.total / (result.duration || options.seconds)).toFixed(1)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors}, non2xx ${result.non2xx}, RSS ${idle.toFixed(0)} -> ${peak.toFixed(0)} MiB`,
      );
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log(`throughput: ${target} FAILED: ${message}`);
      failures.push(`${target}: ${message.slice(0, 600)}`);
    } finally {
      if (started) await stopServer(started.child);
    }
  }
  const answerProblems = check.problems();
  options.log(
    answerProblems.length === 0
      ? `throughput: answers agree (${mix.length} requests before timing, ${JSON.stringify(checkedDuring)} during)`
      : `throughput: ${answerProblems.length} answer problems, first: ${answerProblems[0]}`,
  );
  return { mix, targets, failures, answerProblems, checkedDuring };
}

/** One request of the mix: its `data`, or what went wrong (HTTP status, GraphQL errors). */
async function ask(url: string, b: Body): Promise<Record<string, any> | string> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: b.query, variables: b.variables }),
    });
    const json = (await res.json()) as { data?: Record<string, any>; errors?: unknown };
    if (!res.ok || json.errors || !json.data) {
      return `HTTP ${res.status} ${JSON.stringify(json.errors ?? null).slice(0, 600)}`;
    }
    return json.data;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
