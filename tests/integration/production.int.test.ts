/**
 * The production build, as an operator runs it: `npm run build`, then `node dist/server.js`
 * starting its own local Neo4j. It answers a provenance question; when its Neo4j is killed it
 * restarts it (supervision) and answers again; one SIGTERM then stops the server and every
 * Neo4j it started, with no process left behind. Also: `npm start` (sources through tsx) is one
 * process that a SIGTERM to npm stops.
 */
import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { testServer } from '../support/db.js';
import { alive, gone, Service } from '../support/service.js';

const SMOKE_KEY = 'smoke-test-editor-key-0001';
const CLAIM = 'noonpost-7628#sharaa-golan-compromise-end-presidency';

async function provenance(port: number): Promise<{ status: number; body: any }> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': SMOKE_KEY },
    body: JSON.stringify({
      query: `query Provenance($key: String!) { claim(key: $key) { provenance { depth chain { role agent { name } } } } }`,
      variables: { key: CLAIM },
    }),
  });
  return { status: response.status, body: await response.json() };
}

describe('the production build', () => {
  const home = path.join('.neo4j', 'test-runs', `prod-${process.pid}-${Date.now()}`);
  let service: Service | undefined;
  const javaPids: number[] = [];

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
      cwd: repoRoot,
      timeout: 300_000,
    });
  }, 320_000);

  afterAll(async () => {
    if (service && service.proc.exitCode === null) service.proc.kill('SIGKILL');
    for (const pid of javaPids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(path.join(repoRoot, home), { recursive: true, force: true });
  });

  it('serves, survives its Neo4j dying, and stops everything on one SIGTERM', async () => {
    service = new Service(
      spawn(process.execPath, ['dist/server.js'], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'production',
          LOG_LEVEL: 'info',
          HOST: '127.0.0.1',
          PORT: '0',
          API_KEYS: `${SMOKE_KEY}:editor`,
          NEO4J_PROVIDER: 'local',
          NEO4J_LOCAL_HOME: home,
          NEO4J_LOCAL_PORT: '0',
          NEO4J_LOCAL_HEAP: '768m',
          NEO4J_LOCAL_PAGECACHE: '128m',
          NEO4J_LOCAL_RESTARTS: '3',
        },
      }),
    );
    const ready = await service.waitFor('Neo4j ready', 240_000);
    const firstJava = Number(ready.pid);
    javaPids.push(firstJava);
    expect(alive(firstJava)).toBe(true);
    const listening = await service.waitFor('listening', 600_000);
    const port = Number(listening.port);
    expect(listening.pid).toBe(service.proc.pid);

    const answer = await provenance(port);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const chain = answer.body.data.claim.provenance.chain as { agent: { name: string } }[];
    expect(chain.length).toBeGreaterThanOrEqual(2);
    expect(chain.map((c) => c.agent.name)).toContain('Ahmad al-Sharaa');

    // Supervision: the Neo4j this server started dies; it is started again and the API answers.
    const before = service.lines.length;
    process.kill(firstJava, 'SIGKILL');
    const restarted = await service.waitFor('local Neo4j restarted', 420_000, before);
    const secondJava = Number(restarted.pid);
    javaPids.push(secondJava);
    expect(secondJava).not.toBe(firstJava);
    expect(service.lines.slice(before).some((l) => l.msg === 'local Neo4j exited unexpectedly')).toBe(true);
    let again = await provenance(port);
    for (let i = 0; i < 30 && again.body.errors; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      again = await provenance(port);
    }
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data).toEqual(answer.body.data);

    // One signal stops everything.
    service.proc.kill('SIGTERM');
    const exit = await Promise.race([
      service.exited,
      new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000)),
    ]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await gone(secondJava, 10_000)).toBe(true);
    expect(alive(firstJava)).toBe(false);
    expect(service.lines.some((l) => l.msg === 'stopped')).toBe(true);
  }, 1_500_000);
});

describe('npm start', () => {
  let service: Service | undefined;
  let serverPid: number | undefined;
  afterAll(() => {
    if (service && service.proc.exitCode === null) service.proc.kill('SIGKILL');
    if (serverPid && alive(serverPid)) process.kill(serverPid, 'SIGKILL');
  });

  it('is one server process that a SIGTERM to npm stops', async () => {
    const neo4j = testServer();
    service = new Service(
      spawn('npm', ['start', '--silent'], {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          LOG_LEVEL: 'info',
          HOST: '127.0.0.1',
          PORT: '0',
          LOAD_FIXTURES: 'false',
          NEO4J_URI: neo4j.uri,
          NEO4J_USERNAME: neo4j.username,
          NEO4J_PASSWORD: neo4j.password,
          NEO4J_DATABASE: neo4j.database,
        },
      }),
    );
    const listening = await service.waitFor('listening', 120_000);
    serverPid = Number(listening.pid);
    // The server is npm's own child (its shell exec'd node), not a grandchild behind a shell or
    // a tsx wrapper, so the signal npm forwards reaches it.
    const { stdout } = await promisify(execFile)('ps', ['-o', 'ppid=,args=', '-p', String(serverPid)]);
    expect(stdout.trim()).toMatch(new RegExp(`^${service.proc.pid} node --import tsx src/server\\.ts$`));
    const health = await fetch(`http://127.0.0.1:${String(listening.port)}/health`);
    expect(health.status).toBe(200);

    service.proc.kill('SIGTERM');
    expect(await gone(serverPid, 30_000)).toBe(true);
    await service.exited;
    expect(service.lines.some((l) => l.msg === 'stopped')).toBe(true);
  }, 180_000);
});
