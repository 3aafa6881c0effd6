/**
 * A Neo4j of a test's own, for tests that kill, stop and restart the database: the shared test
 * server must stay up for the other files. It is always the project's local server (a child
 * `java` process whose pid the test can signal), in a fresh folder under `.neo4j/`, restarted
 * on the same folder and port so the driver and the API under test can reconnect to it.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { provisionNeo4j, type Neo4jTarget } from '../../src/db/provision.js';
import { repoRoot } from '../../src/paths.js';

/** Why the fault tests cannot run here, or null when they can. */
export function separateNeo4jUnavailable(): string | null {
  const provider = inject('neo4j').provider;
  return provider === 'local'
    ? null
    : `needs the local Neo4j provider (this run uses ${provider}: the test server comes from NEO4J_URI ` +
        'or Docker, so this machine may not have the Java/Maven toolchain to start a second one)';
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

  async remove(): Promise<void> {
    await this.stop();
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
