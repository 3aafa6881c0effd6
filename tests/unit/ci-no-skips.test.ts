/**
 * CI fails on a skipped test (issue 20: "`.ci/run` fails on a planted skip"). A real vitest run of
 * a file with one planted `it.skip` writes the JSON report `.ci/run` writes, and `.ci/no-skips.mjs`
 * (the step `.ci/run` ends with) must exit 1 naming it; the same file without the skip passes.
 * The documented exception (the explorer's browser test where no Chromium is installed) is
 * checked on a report written by hand, since it depends on the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';

// Outside the project, so the planted file is no test of ours (globals: it needs no import).
const dir = mkdtempSync(path.join(tmpdir(), 'planted-skip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function noSkips(report: string, env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [path.join(repoRoot, '.ci', 'no-skips.mjs'), report], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  });
}

function vitestReport(name: string, body: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.test.ts`), `${body}\n`);
  const out = path.join(dir, `${name}.json`);
  try {
    execFileSync(
      process.execPath,
      [
        path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'),
        'run',
        '--root',
        dir,
        '--globals',
        '--reporter=json',
        `--outputFile=${out}`,
        `${name}.test.ts`,
      ],
      { cwd: dir, stdio: 'pipe', env: { ...process.env, CI: 'true' } },
    );
  } catch (error) {
    throw new Error(`the planted run failed: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
  }
  return out;
}

describe('.ci/no-skips.mjs', () => {
  it('fails a real vitest report with one planted skip, naming it, and passes it without', () => {
    const planted = noSkips(
      vitestReport('planted', `it('runs', () => expect(1).toBe(1));\nit.skip('was planted', () => {});`),
    );
    expect(planted.status).toBe(1);
    expect(planted.stdout).toMatch(/1 passed, 0 failed, 1 skipped/);
    expect(planted.stderr).toMatch(/1 test\(s\) skipped/);
    expect(planted.stderr).toMatch(/planted\.test\.ts > was planted/);

    const clean = noSkips(vitestReport('clean', `it('runs', () => expect(1).toBe(1));`));
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
  }, 120_000);

  it('fails a todo, and a report in which no test ran', () => {
    const todo = noSkips(vitestReport('todo', `it('runs', () => expect(1).toBe(1));\nit.todo('later');`));
    expect(todo.status).toBe(1);
    mkdirSync(dir, { recursive: true });
    const empty = path.join(dir, 'empty.json');
    writeFileSync(empty, JSON.stringify({ numTotalTests: 0, numPassedTests: 0, testResults: [] }));
    expect(noSkips(empty).status).toBe(1);
    expect(noSkips(empty).stderr).toMatch(/no tests ran/);
  }, 120_000);

  it("lets only the explorer's browser test be skipped, and only where no Chromium is installed", () => {
    mkdirSync(dir, { recursive: true });
    const report = (file: string, ancestor: string) => {
      const out = path.join(dir, `by-hand-${path.basename(file)}-${ancestor.length}.json`);
      writeFileSync(
        out,
        JSON.stringify({
          numTotalTests: 2,
          numPassedTests: 1,
          numPendingTests: 1,
          testResults: [
            {
              name: path.join(repoRoot, file),
              assertionResults: [
                { status: 'passed', fullName: 'a', ancestorTitles: [ancestor] },
                { status: 'skipped', fullName: `${ancestor} b`, ancestorTitles: [ancestor] },
              ],
            },
          ],
        }),
      );
      return out;
    };
    const noChromium = { ...process.env, CHROMIUM_PATH: path.join(dir, 'no-such-chromium') };
    const withChromium = { ...process.env, CHROMIUM_PATH: process.execPath }; // any file that exists
    const explorer = report('tests/integration/explorer.int.test.ts', 'the explorer page');
    expect(noSkips(explorer, noChromium).status).toBe(0);
    expect(noSkips(explorer, withChromium).status).toBe(1);
    expect(noSkips(report('tests/integration/explorer.int.test.ts', 'other'), noChromium).status).toBe(1);
    expect(noSkips(report('tests/integration/api.int.test.ts', 'the explorer page'), noChromium).status).toBe(
      1,
    );
  }, 60_000);
});
