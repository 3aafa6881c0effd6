/**
 * Where Neo4j comes from, in one place for `npm start`, the CLI and the test setup:
 *   1. NEO4J_URI set: that server.
 *   2. A Docker engine reachable: a `neo4j:5.26-community` container (Testcontainers).
 *   3. Otherwise: the project's own local Neo4j 5.26 Community, built from Maven Central by
 *      `tools/neo4j-local` and run as a child `java` process with data in a git-ignored folder.
 * When nothing works the error says which ways were tried and what is missing.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { repoRoot } from '../paths.js';

/** @deprecated import `repoRoot` from src/paths.ts; kept so older imports still resolve. */
export { repoRoot } from '../paths.js';
import type { Config } from '../config.js';

export interface Neo4jTarget {
  uri: string;
  username: string;
  password: string;
  database: string;
  provider: 'uri' | 'docker' | 'local';
  /** Milliseconds provisioning took (Maven build and server start included). */
  provisionMs: number;
  /** PID of the local server's java process, when this process started one (the current one
   * after a restart by the supervisor). */
  pid?: number;
  /** The local server's password file (`<NEO4J_LOCAL_HOME>/password`), for other tools. */
  passwordFile?: string;
  /** Stops what this process started; a no-op for a server it was given. */
  stop(): Promise<void>;
}

/** What the supervisor of a local Neo4j reports (the API logs it). */
export type SupervisionEvent =
  | { event: 'exited'; pid: number | undefined; code: number | null; signal: string | null }
  | { event: 'restarted'; pid: number | undefined; attempt: number; ms: number }
  | { event: 'restart-failed'; attempt: number; error: string }
  | { event: 'gave-up'; attempts: number };

export interface ProvisionOptions {
  /** Overrides NEO4J_LOCAL_HOME (tests use a fresh folder per run). */
  localHome?: string;
  /** Overrides NEO4J_LOCAL_PORT; 0 picks a free port. */
  localPort?: number;
  log?: (message: string) => void;
  /**
   * Restart a local Neo4j this process started when it exits on its own, up to this many times
   * in a row (a restart that stays up for a minute resets the count). 0 (the default, for tests
   * and tools that kill the server on purpose) never restarts; `npm start` uses
   * NEO4J_LOCAL_RESTARTS.
   */
  restarts?: number;
  onSupervision?: (event: SupervisionEvent) => void;
}

export class ProvisionError extends Error {
  constructor(attempts: string[]) {
    super(
      `could not provision Neo4j. Tried, in order:\n${attempts.map((a) => `  - ${a}`).join('\n')}\n` +
        'Set NEO4J_URI to a running server, start a Docker engine, or install Java 17+ and Maven.',
    );
    this.name = 'ProvisionError';
  }
}

const toolDir = path.join(repoRoot, 'tools', 'neo4j-local');
const DOCKER_IMAGE = 'neo4j:5.26-community';
const READY_LINE = /NEO4J_READY (bolt:\/\/\S+)/;

export async function provisionNeo4j(config: Config, options: ProvisionOptions = {}): Promise<Neo4jTarget> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const attempts: string[] = [];
  const want = config.NEO4J_PROVIDER;

  if (want === 'auto' || want === 'uri') {
    if (config.NEO4J_URI) {
      return {
        uri: config.NEO4J_URI,
        username: config.NEO4J_USERNAME,
        password: config.NEO4J_PASSWORD,
        database: config.NEO4J_DATABASE,
        provider: 'uri',
        provisionMs: Date.now() - started,
        stop: async () => {},
      };
    }
    attempts.push('NEO4J_URI: not set');
  }

  if (want === 'auto' || want === 'docker') {
    const docker = await dockerEngineReachable();
    // Testcontainers is a dev dependency: a production install (`npm ci --omit=dev`) has none and
    // connects to NEO4J_URI (or the local server) instead.
    const testcontainers =
      docker === true ? await import('@testcontainers/neo4j').catch(() => undefined) : undefined;
    if (docker === true && testcontainers) {
      log(`starting ${DOCKER_IMAGE} with Testcontainers`);
      const { Neo4jContainer } = testcontainers;
      const container = await new Neo4jContainer(DOCKER_IMAGE).withPassword(config.NEO4J_PASSWORD).start();
      return {
        uri: container.getBoltUri(),
        username: container.getUsername(),
        password: container.getPassword(),
        database: 'neo4j',
        provider: 'docker',
        provisionMs: Date.now() - started,
        stop: async () => {
          await container.stop();
        },
      };
    }
    attempts.push(
      `Docker engine: ${docker === true ? 'reachable, but Testcontainers is not installed (production install)' : docker}`,
    );
  }

  if (want === 'auto' || want === 'local') {
    try {
      return await startLocalNeo4j(config, options, started, log);
    } catch (error) {
      attempts.push(`local Neo4j (tools/neo4j-local): ${(error as Error).message}`);
    }
  }
  throw new ProvisionError(attempts);
}

/** `true`, or the reason the engine cannot be used (the test setup asks too, tests/support/global-neo4j.ts). */
export async function dockerEngineReachable(): Promise<true | string> {
  const result = await run('docker', ['info', '--format', '{{.ServerVersion}}'], { timeoutMs: 5000 });
  if (result.code === 0 && result.stdout.trim() !== '') return true;
  if (result.code === 'ENOENT') return 'no docker client installed';
  return 'no engine reachable (`docker info` failed)';
}

async function startLocalNeo4j(
  config: Config,
  options: ProvisionOptions,
  started: number,
  log: (m: string) => void,
): Promise<Neo4jTarget> {
  const java = await run('java', ['-version'], { timeoutMs: 20_000 });
  if (java.code === 'ENOENT') throw new Error('no `java` on PATH (Java 17+ is needed)');
  const javaVersion = /version "(\d+)/.exec(java.stderr + java.stdout)?.[1];
  if (javaVersion && Number(javaVersion) < 17)
    throw new Error(`Java ${javaVersion} found; Java 17+ is needed`);

  const classpath = await buildLauncher(log);
  const home = path.resolve(repoRoot, options.localHome ?? config.NEO4J_LOCAL_HOME);
  mkdirSync(home, { recursive: true });
  const passwordFile = path.join(home, 'password');
  const password = localPassword(passwordFile);
  const requested = options.localPort ?? config.NEO4J_LOCAL_PORT;
  const port = requested === 0 ? await freePort() : requested;
  if (!(await portIsFree(port))) {
    throw new Error(
      `port ${port} is in use (another Neo4j or \`npm start\`?); set NEO4J_LOCAL_PORT or stop the other process`,
    );
  }

  log(`starting local Neo4j 5.26 on bolt://127.0.0.1:${port} (data in ${path.relative(repoRoot, home)})`);
  const launch = (): { child: ChildProcess; ready: Promise<string> } => {
    const child = spawn(
      'java',
      [
        `-Xmx${config.NEO4J_LOCAL_HEAP}`,
        '-XX:+UseG1GC',
        '-cp',
        classpath,
        'app.claimgraph.neo4j.LocalNeo4j',
        home,
        String(port),
        config.NEO4J_LOCAL_PAGECACHE,
        String(process.pid),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return { child, ready: waitForReady(child, 180_000) };
  };
  const first = launch();
  const uri = await first.ready;
  const server = supervise(first.child, launch, options);
  return {
    uri,
    username: 'neo4j',
    password,
    passwordFile,
    database: 'neo4j',
    provider: 'local',
    provisionMs: Date.now() - started,
    get pid() {
      return server.current().pid;
    },
    stop: server.stop,
  };
}

/**
 * The local server's password: generated once (24 random bytes, base64url) into its data folder,
 * readable by its owner only, before the server's first start; the launcher sets it as the
 * `neo4j` user's password (tools/neo4j-local). The folder is git-ignored; deleting the folder
 * deletes the store with its password.
 */
export function localPassword(file: string): string {
  if (existsSync(file)) {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing.length >= 8) return existing;
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

/**
 * Watches the local server's process. When it exits without being asked to (killed, crashed,
 * out of memory), it is started again on the same folder and port, so the driver reconnects to
 * the same address; restarts are bounded (`options.restarts` in a row, with a growing pause) and
 * every exit and restart is reported. `stop()` ends supervision, then the server.
 */
function supervise(
  first: ChildProcess,
  launch: () => { child: ChildProcess; ready: Promise<string> },
  options: ProvisionOptions,
): { current(): ChildProcess; stop(): Promise<void> } {
  const limit = options.restarts ?? 0;
  const report = options.onSupervision ?? (() => {});
  let child = first;
  let stopping: Promise<void> | undefined;
  let attempts = 0;
  let upSince = Date.now();

  const watch = (proc: ChildProcess) => {
    proc.once('exit', (code, signal) => {
      if (stopping || proc !== child) return;
      report({ event: 'exited', pid: proc.pid, code, signal });
      void restart();
    });
  };
  const restart = async (): Promise<void> => {
    if (Date.now() - upSince > 60_000) attempts = 0;
    while (!stopping) {
      if (attempts >= limit) {
        report({ event: 'gave-up', attempts });
        return;
      }
      attempts += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** (attempts - 1), 10_000)));
      if (stopping) return;
      const t0 = Date.now();
      // The new process is the current one from its first instant, so a stop() during its
      // start-up ends it too.
      const next = launch();
      child = next.child;
      try {
        await next.ready;
        if (stopping) return;
        upSince = Date.now();
        watch(child);
        report({ event: 'restarted', pid: child.pid, attempt: attempts, ms: Date.now() - t0 });
        return;
      } catch (error) {
        report({
          event: 'restart-failed',
          attempt: attempts,
          error: (error as Error).message.split('\n')[0] ?? '',
        });
      }
    }
  };
  watch(first);
  return {
    current: () => child,
    stop: () => (stopping ??= stopChild(child)),
  };
}

/**
 * Compiles the launcher and resolves Neo4j's jars through Maven on first use (cached in the
 * user's Maven repository), and again only when the pom or the launcher source changed.
 */
async function buildLauncher(log: (m: string) => void): Promise<string> {
  const target = path.join(toolDir, 'target');
  const classpathFile = path.join(target, 'classpath.txt');
  // Maven leaves classpath.txt untouched when it did not change, so a stamp written after each
  // successful build is what the sources are compared with.
  const stamp = path.join(target, 'launcher.stamp');
  const classes = path.join(target, 'classes');
  const newestInput = Math.max(
    statSync(path.join(toolDir, 'pom.xml')).mtimeMs,
    ...listFiles(path.join(toolDir, 'src')).map((f) => statSync(f).mtimeMs),
  );
  const upToDate = existsSync(classpathFile) && existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput;
  if (!upToDate) {
    const mvn = await run('mvn', ['-v'], { timeoutMs: 30_000 });
    if (mvn.code === 'ENOENT') throw new Error('no `mvn` on PATH (Maven is needed to fetch Neo4j)');
    log('building the local Neo4j launcher with Maven (first run downloads Neo4j, ~45 MB)');
    const t0 = Date.now();
    const build = await run('mvn', ['-q', '-B', '-f', path.join(toolDir, 'pom.xml'), 'package'], {
      timeoutMs: 900_000,
    });
    if (build.code !== 0) {
      const tail = (build.stdout + build.stderr).trim().split('\n').slice(-15).join('\n');
      throw new Error(`Maven could not build tools/neo4j-local:\n${tail}`);
    }
    writeFileSync(stamp, new Date().toISOString());
    log(`Maven build took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return `${classes}${path.delimiter}${readFileSync(classpathFile, 'utf8').trim()}`;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Neo4j did not become ready within ${timeoutMs / 1000} s:\n${tail(output)}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY_LINE.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        // Keep draining the pipes so a chatty server never blocks on a full buffer.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`Neo4j exited before it was ready (code ${code}, signal ${signal}):\n${tail(output)}`),
      );
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

function tail(text: string): string {
  return text.trim().split('\n').slice(-20).join('\n');
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on at the moment of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface RunResult {
  code: number | 'ENOENT' | 'TIMEOUT';
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], { timeoutMs }: { timeoutMs: number }): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return resolve({ code: 0, stdout, stderr });
      const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
      if (e.code === 'ENOENT') return resolve({ code: 'ENOENT', stdout, stderr });
      if (e.killed) return resolve({ code: 'TIMEOUT', stdout, stderr });
      resolve({ code: typeof e.code === 'number' ? e.code : 1, stdout, stderr });
    });
  });
}
