/**
 * Issue 16 item 9: the dependencies fit the Node versions the project supports. `npm ci` warns
 * EBADENGINE when a package's `engines.node` excludes the running Node; here every package the
 * lockfile installs is checked against the lowest version of each Node line `engines` allows
 * (and the README states), so a dependency bump that needs a newer Node fails here, not on a
 * user's machine.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';

/** npm's own version logic (a dependency of the toolchain, untyped here: the calls used, typed). */
const semver = createRequire(import.meta.url)('semver') as {
  Range: new (range: string) => { set: { toString(): string }[][] };
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
};

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};

/** The lowest version of each release line the range allows: `^20.19.0 || ^22.13.0 || >=24` -> 20.19.0, 22.13.0, 24.0.0. */
function lowestOfEachLine(range: string): string[] {
  return new semver.Range(range).set.map(
    (comparators) => semver.minVersion(comparators.map(String).join(' '))!.version,
  );
}

describe('Node versions', () => {
  const lows = lowestOfEachLine(pkg.engines.node);

  it('engines names the lines the README states', () => {
    expect(lows).toEqual(['20.19.0', '22.13.0', '24.0.0']);
    expect(readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain('Node.js 20.19+, 22.13+ or 24+');
  });

  it('every installed package accepts the lowest Node of every supported line (no EBADENGINE)', () => {
    const checked: string[] = [];
    const refused: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      const wants = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!where || !wants) continue;
      checked.push(where);
      for (const low of lows) {
        if (!semver.satisfies(low, wants, { includePrerelease: true }))
          refused.push(`${where} wants node ${wants}, not ${low}`);
      }
    }
    expect(checked.length).toBeGreaterThan(100);
    expect(refused).toEqual([]);
  });
});
