/**
 * The command lines, run as a user runs them (a child process through tsx). Every run gets
 * NEO4J_PROVIDER=none-such, an invalid value: a command that reads the configuration (the step
 * before any database work) fails with "invalid configuration". So a --help or an argument error
 * that answers with its own message and exit code provably touched no database.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXIT, formatDuration, helpText, Progress, UsageError, wholeNumber } from '../../src/cli-kit.js';
import { repoRoot } from '../../src/paths.js';

// Resolved from the repository, since the commands run in a scratch folder with no node_modules.
const TSX_LOADER = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', TSX_LOADER, path.join(repoRoot, script), ...args],
      {
        cwd: tmp,
        env: { ...process.env, NEO4J_PROVIDER: 'none-such', CI: '', ...env },
        timeout: 110_000,
      },
      (error, stdout, stderr) => {
        // A run killed by the timeout has no numeric code; say so instead of a bare -1.
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        if (code === -1) stderr += `\n[killed: ${String(error?.signal ?? error?.message)}]`;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

// Each run starts Node and tsx (seconds on a busy machine).
vi.setConfig({ testTimeout: 300_000 });

let tmp: string;
const file = (name: string, text: string) => {
  const p = path.join(tmp, name);
  writeFileSync(p, text);
  return p;
};

beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'cli-test-'));
});
afterAll(() => {
  // mkdtemp folders are left to the OS; nothing large is written.
});

const NOT_CONFIGURED = /invalid configuration/;

describe('npm run ingest / migrate / neo4j / print-schema (src/cli.ts)', () => {
  it.each([['ingest'], ['migrate'], ['neo4j'], ['print-schema']])(
    '%s --help prints its usage and exits 0 without reading the configuration',
    async (command) => {
      const r = await run('src/cli.ts', [command, '--help']);
      expect(r.code).toBe(EXIT.ok);
      expect(r.stdout).toMatch(new RegExp(`^usage: npm run ${command} --`));
      expect(r.stdout).toContain('exit status: 0 done, 1 the work failed, 2 wrong command line');
      expect(r.stderr).not.toMatch(NOT_CONFIGURED);
    },
  );

  it('without a command, or with an unknown one, exits 2 with the usage', async () => {
    const none = await run('src/cli.ts', []);
    expect(none.code).toBe(EXIT.usage);
    expect(none.stderr).toMatch(
      /^error: no command given\nusage: tsx src\/cli\.ts <migrate\|ingest\|neo4j\|print-schema>/,
    );
    const unknown = await run('src/cli.ts', ['injest']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain('unknown command "injest"');
    const help = await run('src/cli.ts', ['--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.stdout).toContain('usage: tsx src/cli.ts');
  });

  it('an unknown option or a stray argument is a usage error (2), named, before any database work', async () => {
    const option = await run('src/cli.ts', ['ingest', '--frobnicate', 'x.json']);
    expect(option.code).toBe(EXIT.usage);
    expect(option.stderr).toContain("Unknown option '--frobnicate'");
    expect(option.stderr).not.toMatch(NOT_CONFIGURED);
    const stray = await run('src/cli.ts', ['migrate', 'now']);
    expect(stray.code).toBe(EXIT.usage);
    expect(stray.stderr).toContain("Unexpected argument 'now'");
  });

  it('ingest checks its files before the database: none, missing (2), empty or bad JSON or invalid (1)', async () => {
    const none = await run('src/cli.ts', ['ingest']);
    expect(none.code).toBe(EXIT.usage);
    expect(none.stderr).toContain('give at least one document file');

    const missing = await run('src/cli.ts', ['ingest', 'nowhere.json']);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr.split('\n')[0]).toBe('error: nowhere.json: no such file');

    const empty = file('empty.json', '');
    const badJson = file('bad.json', '{"article": ');
    const invalid = file('invalid.json', '{"article": {}}');
    const r = await run('src/cli.ts', ['ingest', empty, badJson, invalid]);
    expect(r.code).toBe(EXIT.failure);
    expect(r.stderr).toContain(`${empty}: the file is empty\n`);
    expect(r.stderr).toMatch(new RegExp(`${badJson}: not valid JSON \\(.+\\)\\n`));
    expect(r.stderr).toContain(`${invalid}: rejected, nothing written:\n`);
    expect(r.stderr).toContain('3 of 3 files rejected; nothing was ingested');
    // Rejected before the configuration is read, so no database was started.
    expect(r.stderr).not.toMatch(NOT_CONFIGURED);
  });

  it('a valid document goes on to the configuration (here invalid, so exit 1 with its message)', async () => {
    const seed = readdirSync(path.join(repoRoot, 'fixtures')).find((f) => f.endsWith('.json'))!;
    const r = await run('src/cli.ts', ['ingest', path.join(repoRoot, 'fixtures', seed)]);
    expect(r.code).toBe(EXIT.failure);
    expect(r.stderr).toMatch(/^error: invalid configuration:\n\s+- NEO4J_PROVIDER="none-such"/);
  });

  it('print-schema --check compares without a database', async () => {
    const r = await run('src/cli.ts', ['print-schema', '--check']);
    expect(r.stderr).not.toMatch(NOT_CONFIGURED);
    expect([EXIT.ok, EXIT.failure]).toContain(r.code);
    if (r.code === EXIT.ok) expect(r.stdout).toBe('schema.graphql is up to date\n');
    else expect(r.stderr).toContain('schema.graphql differs from the code');
  });
});

describe('npm run export (src/export/cli.ts)', () => {
  it('--help exits 0 without reading the configuration', async () => {
    const r = await run('src/export/cli.ts', ['--help']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout).toMatch(/^usage: npm run export -- <graphml\|/);
    expect(r.stdout).toContain('--depth <value>');
  });

  it('each bad command line is a usage error (2), named, before any database work', async () => {
    const cases: [string[], string][] = [
      [[], 'give a format'],
      [['graphml', 'cytoscape'], 'one format only, got 2'],
      [['gexx'], 'format: Invalid option'],
      [['graphml', '--depth', 'x'], '--depth must be a whole number from 0 to 6, got "x"'],
      [['graphml', '--depth', '9'], '--depth must be a whole number from 0 to 6, got "9"'],
      [['graphml', '--batch', '0'], '--batch must be a whole number from 1 to 100000, got "0"'],
      [['graphml', '--dpeth', '2'], "Unknown option '--dpeth'"],
      [
        ['graphml', '--out', 'no/such/folder/x.graphml'],
        '--out no/such/folder/x.graphml: the folder no/such/folder does not exist',
      ],
    ];
    // Two at a time: each is a separate Node process, on a machine that may be busy.
    const runs: Run[] = [];
    for (let i = 0; i < cases.length; i += 2) {
      runs.push(
        ...(await Promise.all(cases.slice(i, i + 2).map(([args]) => run('src/export/cli.ts', args)))),
      );
    }
    runs.forEach((r, i) => {
      const [args, message] = cases[i]!;
      expect({ args, code: r.code }).toEqual({ args, code: EXIT.usage });
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('usage: npm run export --');
      expect(r.stderr).not.toMatch(NOT_CONFIGURED);
    });
  });
});

describe('synthetic corpus (bench/synth/cli.ts)', () => {
  it('--help exits 0; a bad count exits 2', async () => {
    expect((await run('bench/synth/cli.ts', ['--help'])).code).toBe(EXIT.ok);
    const bad = await run('bench/synth/cli.ts', ['--claims', '0']);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain('--claims must be a whole number from 1');
  });

  it('writes the corpus and its summary, with no progress output when stderr is not a terminal', async () => {
    const r = await run('bench/synth/cli.ts', ['--claims', '20', '--seed', '7', '--out', 'corpus']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr).toBe('');
    const summary = JSON.parse(r.stdout) as { claims: number };
    expect(summary.claims).toBe(20);
    const lines = readFileSync(path.join(tmp, 'corpus', 'corpus-20-seed7.ndjson'), 'utf8')
      .trim()
      .split('\n');
    expect(lines.length).toBeGreaterThan(0);
  });
});

describe('cli-kit', () => {
  it('progress shows count, share, rate and ETA, redrawn in place on a terminal', () => {
    const stream = new PassThrough();
    let out = '';
    stream.on('data', (c: Buffer) => (out += c.toString()));
    let now = 1_000;
    const p = new Progress('ingest', { total: 1000, stream, enabled: true, intervalMs: 0, now: () => now });
    now += 2_000;
    p.tick(250);
    expect(p.line()).toBe('ingest: 250 / 1,000 (25%), 125/s, ETA 6s');
    now += 6_000;
    p.tick(750);
    p.finish();
    expect(out).toContain('\ringest: 250 / 1,000 (25%), 125/s, ETA 6s');
    expect(out.endsWith('ingest: 1,000 / 1,000 (100%), 125/s, 8s elapsed\x1b[K\n')).toBe(true);
  });

  it('progress is silent when the stream is not a terminal', () => {
    const stream = new PassThrough();
    let out = '';
    stream.on('data', (c: Buffer) => (out += c.toString()));
    const p = new Progress('export', { total: 10, stream });
    p.tick(5);
    p.finish();
    expect(p.enabled).toBe(false);
    expect(out).toBe('');
  });

  it('durations and whole numbers', () => {
    expect([formatDuration(59), formatDuration(61), formatDuration(3725)]).toEqual(['59s', '1m01s', '1h02m']);
    expect(wholeNumber('12', 'n')).toBe(12);
    expect(wholeNumber(undefined, 'n')).toBeUndefined();
    expect(() => wholeNumber('-1', 'n')).toThrow(UsageError);
    expect(() => wholeNumber('1e3', 'n')).toThrow('--n must be a whole number from 0 to');
  });

  it('help lists every option with its help and the exit codes', () => {
    const text = helpText({
      name: 'npm run x --',
      synopsis: '<file>',
      description: 'Does x.',
      options: { out: { type: 'string', short: 'o' }, dry: { type: 'boolean' } },
      optionHelp: { out: 'where to write' },
    });
    expect(text).toContain('usage: npm run x -- <file>\n\nDoes x.\n');
    expect(text).toMatch(/ {2}-o, --out <value> +where to write\n/);
    expect(text).toMatch(/ {6}--dry\n/);
    expect(text).toMatch(/ {2}-h, --help +show this help and exit\n/);
  });
});
