/**
 * The client tools of the README's "Use it from your tools" section, run as a user would:
 * GraphQL Codegen (`npm run codegen`, codegen.yml) and Relay's compiler (`npm run relay`,
 * relay.config.json) over the examples in examples/, against schema.graphql. A schema change
 * that breaks the examples' operations fails here, not in a user's build.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';

function run(script: string) {
  const result = spawnSync('npm', ['run', '--silent', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, SCHEMA: '' },
  });
  if (result.status !== 0) throw new Error(`npm run ${script} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout + result.stderr;
}

describe('client tools against schema.graphql', () => {
  it('GraphQL Codegen types the example query and fragment', () => {
    const out = path.join(repoRoot, 'examples/client/generated/graphql.ts');
    rmSync(out, { force: true });
    run('codegen');
    const generated = readFileSync(out, 'utf8');
    expect(generated).toMatch(
      /export type RecentClaimsQuery = \{ claims: \{ edges: Array<\{ cursor: string, node: \{ id: string, key: string, text: string/,
    );
    expect(generated).toMatch(/export type ClaimListItemFragment = /);
  }, 180_000);

  it('the Relay compiler compiles the example query and fragment', () => {
    const dir = path.join(repoRoot, 'examples/relay/__generated__');
    rmSync(dir, { recursive: true, force: true });
    expect(run('relay')).toMatch(/compiled documents: 2 reader, 1 normalization, 2 operation text/);
    const query = readFileSync(path.join(dir, 'RecentClaimsQuery.graphql.ts'), 'utf8');
    expect(query).toContain('query RecentClaimsQuery(');
    expect(readFileSync(path.join(dir, 'RecentClaims_claim.graphql.ts'), 'utf8')).toContain(
      'RecentClaims_claim',
    );
  }, 180_000);
});
