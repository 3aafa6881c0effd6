/**
 * The production build runs with `npm ci --omit=dev`: every package the server and the CLI can
 * load at run time must be a production dependency. The modules reachable from src/server.ts
 * and src/cli.ts are followed through their relative imports (read with the TypeScript
 * compiler, type-only imports skipped because they are erased), and each bare specifier, static
 * or dynamic, is checked against package.json. A dev dependency may be loaded only behind a
 * guard that says what happens without it (ALLOWED_DEV below).
 */
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';

const ENTRY_POINTS = ['src/server.ts', 'src/cli.ts'];
/** Dev dependencies loaded only when present, and what happens when they are not. */
const ALLOWED_DEV: Record<string, string> = {
  '@testcontainers/neo4j':
    'provision.ts: the Docker provider is skipped without it (production uses NEO4J_URI)',
};

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

interface Use {
  specifier: string;
  from: string;
  dynamic: boolean;
}

function importsOf(file: string): Use[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const from = path.relative(repoRoot, file).split(path.sep).join('/');
  const uses: Use[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isImportDeclaration(node) &&
      !node.importClause?.isTypeOnly &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      uses.push({ specifier: node.moduleSpecifier.text, from, dynamic: false });
    else if (
      ts.isExportDeclaration(node) &&
      !node.isTypeOnly &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      uses.push({ specifier: node.moduleSpecifier.text, from, dynamic: false });
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      // A computed specifier would hide a dependency from this test: there must be none, except
      // the explorer's esbuild fallback (checked separately below).
      uses.push({
        specifier: arg && ts.isStringLiteral(arg) ? arg.text : `<computed in ${from}>`,
        from,
        dynamic: true,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

function reachable(): { files: string[]; packages: Use[] } {
  const seen = new Set<string>();
  const packages: Use[] = [];
  const queue = ENTRY_POINTS.map((f) => path.join(repoRoot, f));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const use of importsOf(file)) {
      if (use.specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), use.specifier.replace(/\.js$/, '.ts'));
        if (!existsSync(target)) throw new Error(`${use.from}: cannot resolve ${use.specifier}`);
        queue.push(target);
      } else packages.push(use);
    }
  }
  return { files: [...seen], packages };
}

const packageName = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0]!);

describe('run-time dependencies of the production build', () => {
  const { files, packages } = reachable();

  it('follows the whole server and CLI', () => {
    const rel = files.map((f) => path.relative(repoRoot, f).split(path.sep).join('/'));
    expect(rel).toEqual(
      expect.arrayContaining(['src/yoga.ts', 'src/db/provision.ts', 'src/explorer/bundle.ts']),
    );
    expect(rel.length).toBeGreaterThan(40);
  });

  it('loads only production dependencies (dev ones only behind a guard)', () => {
    const wrong = packages
      .filter((u) => !u.specifier.startsWith('<computed'))
      .filter((u) => !isBuiltin(u.specifier))
      .filter((u) => !(packageName(u.specifier) in pkg.dependencies))
      .filter((u) => !(u.dynamic && packageName(u.specifier) in ALLOWED_DEV))
      .map((u) => `${u.from}: ${u.specifier}${u.dynamic ? ' (dynamic)' : ''}`);
    expect(wrong).toEqual([]);
  });

  it('has no run-time compiler among the production dependencies', () => {
    for (const compiler of ['tsx', 'esbuild', 'typescript', 'ts-node'])
      expect(pkg.dependencies, compiler).not.toHaveProperty(compiler);
  });

  it('hides no import behind a computed specifier except the explorer fallback to esbuild', () => {
    const computed = packages.filter((u) => u.specifier.startsWith('<computed')).map((u) => u.from);
    expect(computed).toEqual(['src/explorer/bundle.ts']);
    // That fallback runs only without the prebuilt bundle, which `npm run build` writes.
    const bundle = readFileSync(path.join(repoRoot, 'src/explorer/bundle.ts'), 'utf8');
    expect(bundle).toMatch(/if \(existsSync\(prebuilt\)\) return readFile\(prebuilt/);
    const build = readFileSync(path.join(repoRoot, 'scripts/build.ts'), 'utf8');
    expect(build).toMatch(/outfile: path\.join\(clientOut, 'app\.js'\)/);
  });

  it('keeps the start scripts honest', () => {
    const scripts = (pkg as unknown as { scripts: Record<string, string> }).scripts;
    expect(scripts['start:prod']).toBe('node dist/server.js');
    // One process for `npm start`: tsx as a loader in node, not a wrapper that spawns node, and
    // `exec` so npm's shell becomes that node (npm forwards SIGTERM to its child only).
    expect(scripts.start).toBe('exec node --import tsx src/server.ts');
  });
});
