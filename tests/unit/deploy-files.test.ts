/**
 * No Docker engine runs here, so the image and compose files are checked by reading them: the
 * properties the deployment relies on (multi-stage build, production dependencies only, a
 * non-root user, a health check on /ready, an exec-form CMD that signals reach, every COPY
 * source present and not excluded by .dockerignore; compose building the image, no password in
 * the file, the API waiting for a healthy Neo4j, a scaled profile with two APIs behind a load
 * balancer). What an engine would add (that the image builds and runs) is not shown by this.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { repoRoot } from '../../src/db/provision.js';

interface Instruction {
  op: string;
  args: string;
  stage: number;
}

/** Dockerfile instructions with continuation lines joined and comments dropped. */
function parseDockerfile(text: string): Instruction[] {
  const joined = text
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n')
    .replace(/\\\n/g, ' ');
  const out: Instruction[] = [];
  let stage = -1;
  for (const line of joined.split('\n')) {
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) continue;
    const op = m[1]!.toUpperCase();
    if (op === 'FROM') stage++;
    out.push({ op, args: m[2]!.trim().replace(/\s+/g, ' '), stage });
  }
  return out;
}

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const dockerfile = parseDockerfile(read('Dockerfile'));
const stages = dockerfile.filter((i) => i.op === 'FROM').map((i) => /\bAS\s+(\S+)/i.exec(i.args)?.[1]);
const finalStage = stages.length - 1;
const inFinal = (op: string) => dockerfile.filter((i) => i.stage === finalStage && i.op === op);
const dockerignore = read('.dockerignore')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('Dockerfile', () => {
  it('is multi-stage: the runtime copies built output and production dependencies from other stages', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const fromStages = inFinal('COPY')
      .map((i) => /--from=(\S+)/.exec(i.args)?.[1])
      .filter(Boolean);
    const depsStage = dockerfile.find((i) => i.op === 'RUN' && /npm ci\b.*--omit=dev/.test(i.args));
    expect(depsStage, 'a stage installs with npm ci --omit=dev').toBeDefined();
    expect(fromStages).toContain(stages[depsStage!.stage]);
    const copiesNodeModules = inFinal('COPY').some(
      (i) => i.args.includes(`--from=${stages[depsStage!.stage]}`) && i.args.includes('node_modules'),
    );
    expect(copiesNodeModules).toBe(true);
    const buildStage = dockerfile.find((i) => i.op === 'RUN' && /npm run build/.test(i.args));
    expect(buildStage).toBeDefined();
    expect(
      inFinal('COPY').some(
        (i) => i.args.includes(`--from=${stages[buildStage!.stage]}`) && /\bdist\b/.test(i.args),
      ),
    ).toBe(true);
    // The runtime installs nothing and compiles nothing itself.
    expect(inFinal('RUN').filter((i) => /npm (ci|install)|tsc|tsx|npm run build/.test(i.args))).toEqual([]);
  });

  it('runs as a non-root user', () => {
    const user = inFinal('USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
  });

  it('has a HEALTHCHECK on /ready', () => {
    const check = inFinal('HEALTHCHECK').at(-1)?.args ?? '';
    expect(check).toMatch(/CMD .*\/ready/);
  });

  it('starts node on the built server in exec form, so SIGTERM reaches it', () => {
    const cmd = inFinal('CMD').at(-1)?.args ?? '';
    expect(JSON.parse(cmd)).toEqual(['node', 'dist/server.js']);
    expect(inFinal('ENTRYPOINT')).toEqual([]);
    const env = inFinal('ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/NODE_ENV=production/);
  });

  it('copies only sources that exist and that .dockerignore lets through', () => {
    const ignored = (p: string) =>
      dockerignore.some(
        (pattern) => !pattern.startsWith('!') && (p === pattern || p.startsWith(`${pattern}/`)),
      );
    const sources = dockerfile
      .filter((i) => i.op === 'COPY' && !i.args.includes('--from='))
      .flatMap((i) =>
        i.args
          .split(' ')
          .filter((a) => !a.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect(existsSync(path.join(repoRoot, source)), source).toBe(true);
      expect(ignored(source), `${source} is excluded by .dockerignore`).toBe(false);
    }
    for (const heavy of ['node_modules', '.neo4j', 'dist', '.git', '.env'])
      expect(dockerignore).toContain(heavy);
  });
});

describe('docker-compose.yml', () => {
  const compose = parseYaml(read('docker-compose.yml'), { merge: true }) as {
    services: Record<string, any>;
  };
  const services = compose.services;
  const apis = Object.entries(services).filter(([, s]) => s.build !== undefined);

  it('builds the image for the API instead of running a stock node image', () => {
    expect(apis.map(([name]) => name).sort()).toEqual(['api', 'api-2']);
    for (const [, api] of apis) {
      expect(api.build).toBe('.');
      expect(api.image).toBeUndefined();
      expect(api.command).toBeUndefined();
    }
  });

  it('writes no password: credentials come from the environment', () => {
    const text = read('docker-compose.yml');
    expect(text).not.toContain('claimgraph-local');
    for (const [, api] of apis) {
      expect(api.environment.NEO4J_PASSWORD).toMatch(/^\$\{NEO4J_PASSWORD:\?/);
      expect(api.environment.API_KEYS).toMatch(/^\$\{API_KEYS:\?/);
    }
    expect(services.neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?/);
  });

  it('starts the API only once Neo4j is healthy', () => {
    expect(services.neo4j.healthcheck.test.join(' ')).toMatch(/cypher-shell/);
    for (const [, api] of apis) expect(api.depends_on.neo4j.condition).toBe('service_healthy');
  });

  it('has a scaled profile: a second API and a load balancer over both', () => {
    expect(services['api-2'].profiles).toEqual(['scaled']);
    expect(services['api-2'].environment.LOAD_FIXTURES).toBe('false');
    const lb = services.lb;
    expect(lb.profiles).toEqual(['scaled']);
    expect(Object.keys(lb.depends_on).sort()).toEqual(['api', 'api-2']);
    const mount = (lb.volumes as string[]).find((v) => v.includes('nginx.conf'))!;
    const conf = read(mount.split(':')[0]!.replace(/^\.\//, ''));
    expect(conf).toMatch(/server api:4000;/);
    expect(conf).toMatch(/server api-2:4000;/);
  });
});
