/**
 * Key comparison, proven on the syntax tree of src/auth.ts: the key ring compares SHA-256 digests
 * (fixed length, so `timingSafeEqual` compares every byte) with `timingSafeEqual`, in one loop
 * over every entry with no exit, and compares key material in no other way. (The run-time
 * counterpart: tests/unit/auth-keyring.test.ts.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';

describe('the key ring in the source (syntax tree)', () => {
  const file = path.join(repoRoot, 'src', 'auth.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const all = (node: ts.Node): ts.Node[] => [node, ...node.getChildren().flatMap(all)];
  const nodes = all(source);
  const identify = nodes.find(
    (n): n is ts.MethodDeclaration => ts.isMethodDeclaration(n) && n.name.getText() === 'identify',
  );
  const callee = (n: ts.CallExpression) => n.expression.getText();

  it('finds the identify method', () => {
    expect(identify?.body).toBeDefined();
  });

  it('hashes with SHA-256 both the configured and the presented keys (fixed length)', () => {
    const digest = nodes.find(
      (n): n is ts.VariableDeclaration => ts.isVariableDeclaration(n) && n.name.getText() === 'digest',
    );
    expect(digest?.initializer?.getText()).toMatch(
      /^\(s: string\) => createHash\('sha256'\)\.update\(s\)\.digest\(\)$/,
    );
    const body = all(identify!.body!);
    expect(
      body.some((n) => ts.isVariableDeclaration(n) && n.getText() === 'candidate = digest(presented)'),
    ).toBe(true);
  });

  it('compares in one loop over every entry, with timingSafeEqual, and never leaves it early', () => {
    const body = all(identify!.body!);
    const loops = body.filter(
      (n) =>
        ts.isForOfStatement(n) ||
        ts.isForStatement(n) ||
        ts.isForInStatement(n) ||
        ts.isWhileStatement(n) ||
        ts.isDoStatement(n),
    );
    expect(loops).toHaveLength(1);
    const loop = loops[0] as ts.ForOfStatement;
    expect(ts.isForOfStatement(loop)).toBe(true);
    expect(loop.expression.getText()).toBe('this.entries');
    const inLoop = all(loop.statement);
    const compare = inLoop.filter(
      (n): n is ts.CallExpression => ts.isCallExpression(n) && callee(n) === 'timingSafeEqual',
    );
    expect(compare).toHaveLength(1);
    const entry = loop.initializer.getText().replace(/^(const|let)\s+/, '');
    expect(compare[0]!.arguments.map((a) => a.getText())).toEqual([`${entry}.digest`, 'candidate']);
    // The comparison runs on every iteration: not behind a condition that could skip it.
    let up: ts.Node = compare[0]!;
    while (up !== loop.statement) {
      const parent = up.parent;
      if (ts.isBinaryExpression(parent) && parent.right === up)
        throw new Error('comparison can be short-circuited');
      if (ts.isIfStatement(parent) && parent.expression !== up)
        throw new Error('comparison sits behind a condition');
      if (ts.isConditionalExpression(parent) && parent.condition !== up)
        throw new Error('comparison sits behind a condition');
      up = parent;
    }
    const exits = inLoop.filter(
      (n) =>
        ts.isBreakStatement(n) ||
        ts.isReturnStatement(n) ||
        ts.isThrowStatement(n) ||
        ts.isContinueStatement(n),
    );
    expect(exits.map((n) => n.getText())).toEqual([]);
  });

  it('compares key material no other way (no ===, equals, compare, find or some on it)', () => {
    const body = all(identify!.body!);
    const shortCircuiting = body.filter(
      (n): n is ts.CallExpression =>
        ts.isCallExpression(n) &&
        /\.(find|findIndex|some|every|filter|includes|indexOf|equals|compare)$|^Buffer\.compare$/.test(
          callee(n),
        ),
    );
    expect(shortCircuiting.map((n) => n.getText())).toEqual([]);
    const equalities = nodes.filter(
      (n): n is ts.BinaryExpression =>
        ts.isBinaryExpression(n) &&
        [
          ts.SyntaxKind.EqualsEqualsEqualsToken,
          ts.SyntaxKind.ExclamationEqualsEqualsToken,
          ts.SyntaxKind.EqualsEqualsToken,
          ts.SyntaxKind.ExclamationEqualsToken,
        ].includes(n.operatorToken.kind),
    );
    // The only equality allowed is "no key presented" (presented === null).
    expect(equalities.map((n) => n.getText())).toEqual(['presented === null']);
  });
});
