/**
 * A Neo4j of a test's own, for tests that kill, stop and restart the database: the shared test
 * server must stay up for the other files. It is always the project's local server (a child
 * `java` process whose pid the test can signal), in a fresh folder under `.neo4j/`, restarted
 * on the same folder and port so the driver and the API under test can reconnect to it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config.js';
import { provisionNeo4j, type Neo4jTarget } from '../../src/db/provision.js';
import { repoRoot } from '../../src/paths.js';

/**
 * Why a separate, killable Neo4j cannot be started here, or null when it can. It is always the
 * project's local server (a `java` child whose pid can be signalled), whatever provider the shared
 * test servers come from (local, Docker or NEO4J_URI): only Java and Maven (or a launcher
 * already built) are needed. CI has both, so there the fault tests always run.
 */
export function separateNeo4jUnavailable(): string | null {
  if (spawnSync('java', ['-version']).error) return 'no `java` on PATH to run a killable local Neo4j';
  const built = existsSync(path.join(repoRoot, 'tools', 'neo4j-local', 'target', 'classpath.txt'));
  if (!built && spawnSync('mvn', ['-v']).error)
    return 'no `mvn` on PATH to build the local Neo4j launcher (and none built yet)';
  return null;
}

export class SeparateNeo4j {
  private target: Neo4jTarget | undefined;
  private port = 0;
  private killing: Promise<void> | undefined;
  readonly home: string;

  constructor(name: string) {
    this.home = path.join('.neo4j', 'fault-tests', `${name}-${process.pid}-${Date.now()}`);
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.port}`;
  }

  /** The `neo4j` user's password, generated into the server's folder at its first start. */
  get password(): string {
    if (!this.target) throw new Error('the separate Neo4j has not been started');
    return this.target.password;
  }

  /** The java process id of the running server. */
  get pid(): number {
    const pid = this.target?.pid;
    if (pid === undefined) throw new Error('the separate Neo4j is not running');
    return pid;
  }

  /** Starts the server (first time on a free port, afterwards on the same port and folder). */
  async start(): Promise<void> {
    await this.killing;
    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      NEO4J_PROVIDER: 'local',
      NEO4J_URI: '',
      // Small: the machine is shared with the test server and other runs.
      NEO4J_LOCAL_HEAP: '768m',
      NEO4J_LOCAL_PAGECACHE: '128m',
    });
    // A port freed by a killed server can take a moment to be reusable.
    for (let attempt = 1; ; attempt++) {
      try {
        this.target = await provisionNeo4j(config, { localHome: this.home, localPort: this.port });
        break;
      } catch (error) {
        if (attempt >= 10 || !/in use/.test((error as Error).message)) throw error;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    this.port = Number(new URL(this.target.uri.replace(/^bolt/, 'http')).port);
  }

  /** SIGKILL: no shutdown hook, no flush; recovery happens at the next start. */
  kill(): Promise<void> {
    const pid = this.pid;
    process.kill(pid, 'SIGKILL');
    this.target = undefined;
    this.killing = waitUntilGone(pid);
    return this.killing;
  }

  /** A clean shutdown (SIGTERM). */
  async stop(): Promise<void> {
    await this.target?.stop();
    this.target = undefined;
  }

  /**
   * Ends the server and deletes its folder. SIGKILL, not a clean shutdown: the store is deleted
   * next, and Neo4j's clean shutdown spends about 10 s waiting on its Bolt thread pools.
   */
  async remove(): Promise<void> {
    await this.killing;
    if (this.target?.pid !== undefined) await this.kill();
    rmSync(path.join(repoRoot, this.home), { recursive: true, force: true });
  }
}

async function waitUntilGone(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
