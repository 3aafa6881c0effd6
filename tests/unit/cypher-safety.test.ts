/**
 * No Cypher is built from input. The source is read with the TypeScript compiler: the first
 * argument of every `rows(`, `exec(`, `readOne(`, `autocommit(` and driver `run(` call must be a constant, a
 * named query file (`cypher(...)`), or come from an allow-listed builder module whose fragments
 * are themselves constants. The builder's output is then checked to be independent of the
 * values it is given, and the query files to use no dynamic labels or string-executed Cypher.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';
import { buildClaimListQuery } from '../../src/graph/claim-list.js';
import { CLAIM_ORDERS } from '../../src/domain/model.js';
import { LIST_QUERIES, listQuery, withNodes, type ListQueryName } from '../../src/graph/keyset.js';
import { cypher } from '../../src/db/cypher.js';
import {
  ClaimRow,
  TellingRow,
  claimStatement,
  projection,
  withClaims,
  WHOLE,
  type ClaimProp,
} from '../../src/graph/claims.js';

/** Modules allowed to assemble Cypher text, and why. */
const BUILDER_MODULES: Record<string, string> = {
  'src/graph/claim-list.ts': 'joins constant fragments from a closed allow-list',
  'src/graph/claims.ts':
    'fills claim/by-keys and claim/chains with property names taken from its own row schemas',
  'src/graph/keyset.ts':
    'fills the list query templates with seek, order and sort fragments from its closed ORDERINGS, and joins a list with a by-keys query file',
  'src/db/migrations.ts': 'runs statements read from the versioned cypher/migrations files',
  'src/export/allow-list.ts':
    'fills the cypher/queries/export templates with labels, types and a depth from its closed allow-list',
  // Every query text in the reader comes from exportQuery() above, passed through local helpers.
  'src/export/reader.ts': 'pages through queries built only by src/export/allow-list.ts',
  // The helpers themselves pass their `query` parameter on to the driver.
  'src/db/database.ts': 'the read/write helpers that every query goes through',
};
/**
 * Query files that may set labels or types from a parameter, and why. A restore rebuilds
 * whatever labels and types the backup holds; they still travel as parameters (never spliced),
 * and src/db/backup.ts refuses any that is not a plain name or is a bookkeeping label.
 */
const DYNAMIC_LABELS: Record<string, string> = {
  'cypher/queries/backup/restore-nodes.cypher': 'labels of restored nodes, checked against LABEL',
  'cypher/queries/backup/restore-relationships.cypher':
    'types of restored relationships, checked against TYPE',
};
const QUERY_CALLS = new Set(['rows', 'exec', 'readOne', 'autocommit', 'run']);

function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listFiles(full, ext);
    return e.name.endsWith(ext) ? [full] : [];
  });
}

const sourceFiles = listFiles(path.join(repoRoot, 'src'), '.ts');
const program = ts.createProgram(sourceFiles, {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  noEmit: true,
  skipLibCheck: true,
});
const checker = program.getTypeChecker();
const rel = (file: string) => path.relative(repoRoot, file).split(path.sep).join('/');

function declarationOf(node: ts.Node): ts.Declaration | undefined {
  let symbol = checker.getSymbolAtLocation(node);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
}

const inBuilderModule = (node: ts.Node) => rel(node.getSourceFile().fileName) in BUILDER_MODULES;

/** Why an expression is safe as Cypher text, or null when it is not shown to be. */
function safeBecause(expr: ts.Expression, seen = new Set<ts.Node>()): string | null {
  if (seen.has(expr)) return null;
  seen.add(expr);
  if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr))
    return safeBecause(expr.expression, seen);
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return 'constant';
  if (ts.isTemplateExpression(expr)) return inBuilderModule(expr) ? 'builder template' : null;
  if (ts.isCallExpression(expr)) {
    const callee = declarationOf(
      ts.isPropertyAccessExpression(expr.expression) ? expr.expression.name : expr.expression,
    );
    if (!callee) return null;
    const file = rel(callee.getSourceFile().fileName);
    if (file === 'src/db/cypher.ts') return 'named query file';
    return file in BUILDER_MODULES ? `builder in ${file}` : null;
  }
  if (ts.isPropertyAccessExpression(expr)) return safeBecause(expr.expression, seen);
  if (ts.isIdentifier(expr)) {
    const decl = declarationOf(expr);
    if (!decl) return null;
    if (inBuilderModule(decl)) return 'declared in a builder module';
    if (ts.isVariableDeclaration(decl) && decl.initializer) {
      const constant = (ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const) !== 0;
      return constant ? safeBecause(decl.initializer, seen) : null;
    }
    return null;
  }
  return null;
}

interface QueryCall {
  where: string;
  text: string;
  safe: string | null;
}

function queryCalls(): QueryCall[] {
  const calls: QueryCall[] = [];
  for (const file of sourceFiles) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`not parsed: ${file}`);
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        QUERY_CALLS.has(node.expression.name.text)
      ) {
        const receiver = checker.getTypeAtLocation(node.expression.expression);
        const typeName = checker.typeToString(receiver);
        // Only calls on the project's Tx/Database or the driver's Session/Transaction.
        if (/^(Tx|Database|Session|ManagedTransaction|Transaction)$/.test(typeName)) {
          const first = node.arguments[0];
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          calls.push({
            where: `${rel(file)}:${line + 1}`,
            text: node.getText().slice(0, 80),
            safe: first ? safeBecause(first) : null,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

describe('Cypher is never built from input', () => {
  const calls = queryCalls();

  it('finds the query calls it checks (the scan is not vacuous)', () => {
    expect(calls.length).toBeGreaterThan(20);
    expect(calls.some((c) => c.where.startsWith('src/graph/ingest.ts'))).toBe(true);
    expect(calls.some((c) => c.where.startsWith('src/graph/claim-list.ts'))).toBe(true);
    // Resolvers never query the database themselves: they go through src/graph.
    expect(calls.filter((c) => c.where.startsWith('src/schema/'))).toEqual([]);
  });

  it('passes only constants, named query files or allow-listed builders to the database', () => {
    const unsafe = calls.filter((c) => c.safe === null).map((c) => `${c.where}  ${c.text}`);
    expect(unsafe).toEqual([]);
  });

  it('recognises an interpolated query as unsafe (the checker can fail)', () => {
    const probe = ts.createSourceFile(
      'probe.ts',
      'const name = input; tx.rows(`MATCH (n:${name}) RETURN n`); tx.rows("MATCH " + name);',
      ts.ScriptTarget.ES2022,
      true,
    );
    const args: ts.Expression[] = [];
    probe.forEachChild(function walk(n: ts.Node): void {
      if (ts.isCallExpression(n) && n.arguments[0]) args.push(n.arguments[0]);
      n.forEachChild(walk);
    });
    expect(args).toHaveLength(2);
    for (const arg of args) expect(safeBecause(arg)).toBeNull();
  });

  it('lets the driver be used directly only in src/db', () => {
    const outside = sourceFiles
      .filter((f) => !rel(f).startsWith('src/db/'))
      .filter((f) => /from 'neo4j-driver'/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(outside).toEqual([]);
  });
});

describe('the claims-list builder', () => {
  const orders = CLAIM_ORDERS;
  const hostile = fc.oneof(
    fc.string(),
    fc.constantFrom('actor:x`) DETACH DELETE c //', "source:'}) RETURN 1 //", 'place:$(label)', 'event:\n}'),
  );

  it('puts every value in a parameter: the query text depends only on which filters are set', () => {
    fc.assert(
      fc.property(
        fc.record({
          speakerKey: fc.option(hostile),
          aboutKey: fc.option(hostile),
          sourceKey: fc.option(hostile),
          articleKey: fc.option(hostile),
          kinds: fc.option(fc.array(hostile, { maxLength: 3 })),
          saidFrom: fc.option(hostile),
          confidenceMin: fc.option(fc.double()),
        }),
        fc.constantFrom(...orders),
        (filter, order) => {
          const built = buildClaimListQuery({ ...filter, statuses: ['accepted'] }, order);
          if (built.query === null) return;
          // Replace every value by a neutral one with the same prefix: same query text.
          const neutral = (v: string | null) => (v ? `${v.split(':')[0]}:neutral` : v);
          const twin = buildClaimListQuery(
            {
              speakerKey: neutral(filter.speakerKey),
              aboutKey: neutral(filter.aboutKey),
              sourceKey: neutral(filter.sourceKey),
              articleKey: filter.articleKey ? 'x' : filter.articleKey,
              kinds: filter.kinds ? (filter.kinds.length ? ['report'] : []) : filter.kinds,
              saidFrom: filter.saidFrom ? '2020-01-01' : filter.saidFrom,
              confidenceMin: filter.confidenceMin === null ? null : 0.5,
              statuses: ['draft'],
            },
            order,
          );
          expect(built.query).toBe(twin.query);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('takes labels only from its allow-list', () => {
    const labels = new Set<string>();
    for (const prefix of ['actor', 'source', 'place', 'event', 'claim', 'Robert"); DROP', '']) {
      const { query } = buildClaimListQuery({ aboutKey: `${prefix}:k`, statuses: [] }, 'KEY_ASC');
      for (const m of query?.matchAll(/\(\w*:(\w+)/g) ?? []) labels.add(m[1]!);
    }
    expect([...labels].sort()).toEqual(['Actor', 'Claim', 'Event', 'Place', 'Source']);
  });
});

describe('the keyset pages', () => {
  const value = fc.oneof(
    fc.string(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant("x') RETURN 1 //"),
  );
  const cursor = fc.option(fc.array(value, { minLength: 1, maxLength: 3 }));

  it('put cursor values in parameters: the text depends only on which cursors are set and the direction', () => {
    const names = Object.keys(LIST_QUERIES) as ListQueryName[];
    fc.assert(
      fc.property(fc.constantFrom(...names), cursor, cursor, fc.boolean(), (name, after, before, reverse) => {
        const text = listQuery(name, { after, before, reverse });
        const twin = listQuery(name, { after: after && ['n'], before: before && ['n'], reverse });
        expect(text).toBe(twin);
        expect(text).not.toMatch(/__(Seek|Order|Sort)__/);
      }),
      { numRuns: 200 },
    );
    const claims = fc.constantFrom(...CLAIM_ORDERS);
    fc.assert(
      fc.property(claims, cursor, cursor, fc.boolean(), (order, after, before, reverse) => {
        const built = buildClaimListQuery({ statuses: ['accepted'] }, order, { after, before, reverse });
        const twin = buildClaimListQuery({ statuses: ['accepted'] }, order, {
          after: after && [true],
          before: before && [0],
          reverse,
        });
        expect(built.query).toBe(twin.query);
      }),
      { numRuns: 200 },
    );
  });
});

describe('a list read with its nodes in one statement', () => {
  const list = listQuery('claim/search', { after: null, before: null, reverse: false });

  it('holds the list and the node read verbatim, and nothing else but constant text', () => {
    const joined = withNodes(list, cypher('agent/by-keys'));
    expect(joined).toContain(list.trim().split('\n').at(-1));
    expect(joined).not.toContain('$keys');
    const claims = withClaims(list, { projection: projection(['confidence'], [], []), chain: true });
    expect(claims).toContain('.confidence');
    expect(claims).not.toMatch(/__[A-Za-z]+__|\.\*|\$keys/);
  });

  it('refuses a by-keys text of another shape (the check can fail)', () => {
    expect(() => withNodes(list, 'MATCH (n) RETURN n.key AS key, n AS item')).toThrow(/UNWIND \$keys AS key/);
    expect(() =>
      withNodes(list, 'UNWIND $keys AS key\nMATCH (n {key: $keys[0]}) RETURN key, n AS item'),
    ).toThrow(/only in its UNWIND/);
  });
});

describe('the query files', () => {
  const files = [
    ...listFiles(path.join(repoRoot, 'cypher', 'queries'), '.cypher'),
    ...listFiles(path.join(repoRoot, 'cypher', 'migrations'), '.cypher'),
  ];

  it('use no dynamic labels or types and never execute Cypher held in a string', () => {
    expect(files.length).toBeGreaterThan(30);
    const offending = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => !l.trim().startsWith('//'))
        .join('\n');
      const problems: string[] = [];
      // Neo4j 5.26 dynamic labels (`:$(expr)`), APOC label/type setters and string-run Cypher.
      if (/:\s*\$\s*\(/.test(text) && !(rel(file) in DYNAMIC_LABELS)) problems.push('dynamic label or type');
      if (/apoc\.(create|merge|refactor)\.|apoc\.cypher\.|apoc\.periodic\./i.test(text))
        problems.push('APOC procedure that takes labels, types or Cypher as strings');
      if (/\bCALL\s*\{\s*\$|\bLOAD\s+CSV\b/i.test(text)) problems.push('Cypher or data from a value');
      return problems.map((p) => `${rel(file)}: ${p}`);
    });
    expect(offending).toEqual([]);
  });

  it('take values only through $parameters (no quoted text spliced at run time)', () => {
    // A query file is read verbatim and never formatted; anything that looks like a format
    // placeholder would mean someone intends to splice text in.
    const placeholders = files.filter((f) => /\$\{|%s|\{\{/.test(readFileSync(f, 'utf8'))).map(rel);
    expect(placeholders).toEqual([]);
  });
});

describe('the claim reads', () => {
  const claimProps = Object.keys(ClaimRow.shape).filter((k) => k !== 'articleKey') as ClaimProp[];

  it('list only property names of the row schemas, for any projection, and nothing is left unfilled', () => {
    const known = new Set([...Object.keys(ClaimRow.shape), ...Object.keys(TellingRow.shape), 'articleKey']);
    fc.assert(
      fc.property(
        fc.subarray(claimProps),
        fc.constantFrom('claim/by-keys', 'claim/chains') as fc.Arbitrary<'claim/by-keys' | 'claim/chains'>,
        (props, name) => {
          const text = claimStatement(name, projection(props, [], []));
          expect(text).not.toMatch(/__[A-Za-z]+__/);
          const claimList = /c \{([^}]*)articleKey/.exec(text)?.[1] ?? '';
          expect(claimList).toContain('.key');
          for (const [, prop] of claimList.matchAll(/\.([A-Za-z]+)/g)) expect(known).toContain(prop);
        },
      ),
      { numRuns: 100 },
    );
    expect(claimStatement('claim/chains', WHOLE)).not.toMatch(/\.\*/);
  });

  it('refuses a name that is not a plain property (the check can fail)', () => {
    const hostile = 'key} DETACH DELETE c //' as ClaimProp;
    expect(() => claimStatement('claim/by-keys', projection([hostile], [], []))).toThrow(
      /not a property name/,
    );
  });
});
