/**
 * Hostile and malformed input, generated. Every argument of every query field and mutation is
 * driven from the schema itself (so a new field is covered without editing this file) with
 * arbitrary strings, numbers, ids, enums and nested inputs, some well-typed and some not; the
 * ingester gets mutations of a valid document. Whatever comes in, the answer is a clean
 * rejection or a result: never an unmasked error, a stack trace, Cypher text or an HTTP 500,
 * and every rejection names the field it is about.
 */
import fc from 'fast-check';
import { getIntrospectionQuery } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentValidationError } from '../../src/domain/validate.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { toLuceneQuery } from '../../src/graph/lucene.js';
import { apiClient, API_KEYS, graphApi, EDITOR_KEY, seedDocument, type GqlResponse } from '../support/api.js';
import { graphCounts, testConfig, useTestGraph } from '../support/db.js';
import { miniDoc } from '../support/mini-doc.js';

/** Codes a client may legitimately see for bad input; anything else is a failure. */
const CLEAN_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_REQUEST',
]);
/** Text that must never reach a client: stack frames, driver and Cypher internals. */
const LEAKS =
  /\bat \S+ \(|\.ts:\d+|node_modules|Neo4jError|Neo\.ClientError|\bMATCH \(|\bUNWIND \$|\bRETURN \w+ AS |INTERNAL_SERVER_ERROR|Unexpected error/;

const editor = { authorization: `Bearer ${EDITOR_KEY}` };

const graph = useTestGraph({
  config: { API_KEYS, NEO4J_ACQUIRE_TIMEOUT_MS: '60000' },
  seed: async (db) => {
    await ingestDocument(db, seedDocument());
    const multilingual = miniDoc();
    multilingual.claims[3]!.text = 'الهدنة هشة. השביתה שברירית. The truce is fragile.';
    await ingestDocument(db, multilingual);
  },
});
const api = graphApi(graph);
beforeAll(async () => {
  // The full introspection query nests deeper than clients may; read it without the limits.
  const unlimited = { MAX_QUERY_DEPTH: '100', MAX_COST: '10000000', MAX_TOKENS: '100000' };
  const introspection = await apiClient(testConfig(unlimited), graph.db).gql(getIntrospectionQuery());
  const found = introspection.data?.__schema;
  types = new Map((found.types as FullType[]).map((t) => [t.name, t]));
  rootNames = { query: found.queryType.name, mutation: found.mutationType.name };
}, 240_000);

// ---------------------------------------------------------------- generated arguments

const KNOWN_KEYS = [
  'article:noonpost-7628',
  'article:mini-1',
  'mini-1#truce-fragile',
  'mini-1#ceasefire-will-fail',
  'actor:jan-minister',
  'source:reuters',
  'place:paris',
];
const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 2, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "' OR 1=1 //",
      '"}) DETACH DELETE n //',
      '`:Claim` MATCH (n) RETURN n',
      '$(label)',
      'actor:x`) RETURN 1 //',
      '\\',
      '\u0000',
      'الهدنة',
      'שביתה',
      'T3BmZnNldENvbm5lY3Rpb246LTE=', // a cursor for offset -1
      Buffer.from('Claim:../../etc/passwd').toString('base64'),
      'x'.repeat(5000),
    ),
  },
);
const hostileInt = fc.oneof(
  fc.integer({ min: -5, max: 120 }),
  fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31)),
  fc.integer(),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

/**
 * The schema as a client sees it, from an introspection query through the API. (Walking
 * introspection JSON rather than graphql's type classes also keeps this file independent of
 * which copy of graphql, CommonJS or ESM, built the schema.)
 */
interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}
interface FullType {
  kind: string;
  name: string;
  fields: { name: string; args: InputValue[]; type: TypeRef }[] | null;
  inputFields: InputValue[] | null;
  enumValues: { name: string }[] | null;
  possibleTypes: { name: string }[] | null;
}
let types: Map<string, FullType>;
let rootNames: { query: string; mutation: string };

const isNonNull = (t: TypeRef) => t.kind === 'NON_NULL';
const nullable = (t: TypeRef) => (isNonNull(t) ? t.ofType! : t);
const namedOf = (t: TypeRef): FullType => (t.ofType ? namedOf(t.ofType) : types.get(t.name!)!);
/** Prints a type reference as in SDL, e.g. `[ClaimKind!]`. */
const typeName = (t: TypeRef): string =>
  t.kind === 'NON_NULL'
    ? `${typeName(t.ofType!)}!`
    : t.kind === 'LIST'
      ? `[${typeName(t.ofType!)}]`
      : t.name!;

/** A value for an input type: usually of the right shape, sometimes of the wrong one. */
function valueFor(type: TypeRef, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant({ x: 1 }));
  const right = (): fc.Arbitrary<unknown> => {
    const inner = nullable(type);
    if (inner.kind === 'LIST') return fc.array(valueFor(inner.ofType!, depth + 1), { maxLength: 3 });
    const named = namedOf(inner);
    if (named.kind === 'ENUM')
      return fc.oneof(fc.constantFrom(...named.enumValues!.map((v) => v.name)), fc.string());
    if (named.kind === 'INPUT_OBJECT') {
      if (depth > 3) return fc.constant({});
      const fields = named.inputFields!;
      return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, depth + 1)])), {
        requiredKeys: fields.filter((f) => isNonNull(f.type)).map((f) => f.name),
      });
    }
    switch (named.name) {
      case 'Int':
        return hostileInt;
      case 'Float':
        return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), hostileInt);
      case 'Boolean':
        return fc.boolean();
      case 'JSON':
        return fc.oneof(
          anyJson,
          brokenDocument.map(({ doc }) => doc),
          claimMutation,
        );
      case 'Date':
      case 'DateTime':
        return fc.oneof(
          fc.constantFrom('2026-01-05', '2026-02-30', '2026-01-05T10:00:00Z', '0000-00-00'),
          fc.string(),
        );
      default:
        return hostileString; // String, ID
    }
  };
  return isNonNull(type)
    ? fc.oneof({ weight: 9, arbitrary: right() }, { weight: 1, arbitrary: wrong })
    : fc.oneof(
        { weight: 6, arbitrary: right() },
        { weight: 2, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: wrong },
      );
}

/** The smallest selection that makes a field's result valid to request. */
function selectionFor(type: TypeRef): string {
  const named = namedOf(type);
  if (named.kind === 'SCALAR' || named.kind === 'ENUM') return '';
  if (named.kind === 'UNION') {
    // A spread on a type the union cannot hold is itself invalid: ask for field errors only where
    // the union has ValidationError (acceptLink and rejectLink answer NotFound and Conflict only).
    const validation = named.possibleTypes?.some((t) => t.name === 'ValidationError')
      ? ' ... on ValidationError { fieldErrors { path message } }'
      : '';
    return `{ __typename ... on Error { message }${validation} }`;
  }
  if (named.fields?.some((f) => f.name === 'totalCount'))
    return '{ totalCount edges { node { __typename } } }';
  return '{ __typename }';
}

interface Case {
  operation: 'query' | 'mutation';
  field: string;
  document: string;
  variables: Record<string, unknown>;
}

const rootFields = (operation: 'query' | 'mutation') => types.get(rootNames[operation])!.fields!;

function casesFor(operation: 'query' | 'mutation'): fc.Arbitrary<Case> {
  return fc.oneof(
    ...rootFields(operation).map((field) => {
      const vars = field.args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(', ');
      const passes = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const document =
        `${operation} Probe${vars ? `(${vars})` : ''} { ` +
        `${field.name}${passes ? `(${passes})` : ''} ${selectionFor(field.type)} }`;
      return fc
        .record(Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type)])), { requiredKeys: [] })
        .map((variables) => ({ operation, field: field.name, document, variables }));
    }),
  );
}

/** Names a rejection may use for the thing it rejects: variables, arguments, input fields. */
function nameableFields(c: Case): string[] {
  const names = new Set<string>(Object.keys(c.variables));
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        names.add(k);
        walk(x);
      }
    }
  };
  walk(c.variables);
  for (const a of rootFields(c.operation).find((f) => f.name === c.field)!.args) names.add(a.name);
  return [...names];
}

/**
 * Every string of the response, with the request's own strings cut out: a "no claim
 * \"MATCH (n)...\"" message echoes the input, it does not leak Cypher.
 */
function withoutEchoes(r: GqlResponse<any>, c: Case): string {
  const inputs: string[] = [];
  const collect = (v: unknown) => {
    if (typeof v === 'string' && v.length > 0) inputs.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(c.variables);
  inputs.sort((a, b) => b.length - a.length);
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(inputs.reduce((text, input) => text.split(input).join(''), v));
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk({ data: r.data, errors: r.errors });
  return out.join('\n');
}

function expectClean(c: Case, r: GqlResponse<any>, raw: string) {
  const context = `${c.field} ${JSON.stringify(c.variables).slice(0, 300)}\n${raw.slice(0, 500)}`;
  expect(r.status, context).toBeLessThan(500);
  expect(withoutEchoes(r, c), context).not.toMatch(LEAKS);
  for (const error of r.errors ?? []) {
    const code = String(error.extensions?.code);
    expect(CLEAN_CODES.has(code), `${code}: ${error.message}\n${context}`).toBe(true);
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') {
      // The rejection says what it is about: a variable, argument or input field by name.
      const said = `${error.message} ${String(error.extensions?.field ?? '')}`;
      // (`extensions.field: "id"` names one element of `ids`.)
      const field = String(error.extensions?.field ?? '');
      const named =
        nameableFields(c).some((n) => said.includes(n) || (field !== '' && n.startsWith(field))) ||
        /depth|Cost|Aliases|Token/.test(said);
      expect(named, `rejection names no field: ${error.message}\n${context}`).toBe(true);
    }
  }
  const result = r.data?.[c.field];
  if (result && typeof result === 'object' && 'fieldErrors' in result) {
    expect(result.fieldErrors.length, context).toBeGreaterThan(0);
    for (const e of result.fieldErrors) expect(e.path, context).toMatch(/\S/);
  }
}

async function send(c: Case): Promise<{ r: GqlResponse<any>; raw: string }> {
  const response = await api.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(c.operation === 'mutation' ? editor : {}) },
    body: JSON.stringify({ query: c.document, variables: c.variables }),
  });
  const raw = await response.text();
  return { r: { status: response.status, ...JSON.parse(raw) }, raw };
}

// ---------------------------------------------------------------- document mutations

type Doc = ReturnType<typeof miniDoc>;
type Mutation = (doc: Doc, pick: number) => void;

const MUTATIONS: Record<string, Mutation> = {
  deleteArticleField: (d, i) => {
    const keys = Object.keys(d.article);
    delete (d.article as Record<string, unknown>)[keys[i % keys.length]!];
  },
  deleteClaimField: (d, i) => {
    const c = d.claims[i % d.claims.length]! as Record<string, unknown>;
    delete c[['id', 'text', 'kind', 'evidence', 'chain'][i % 5]!];
  },
  wrongType: (d, i) => {
    const c = d.claims[i % d.claims.length]! as Record<string, unknown>;
    c[['text', 'kind', 'evidence', 'chain', 'about'][i % 5]!] = [42, 'x', null, { a: 1 }, true][i % 5];
  },
  badOffsets: (d, i) => {
    // An earlier step may have deleted or mistyped the span: start from a well-formed one then.
    const found = d.claims[i % d.claims.length]!.evidence as unknown;
    const e =
      found && typeof found === 'object' && typeof (found as { start?: unknown }).start === 'number'
        ? (found as { start: number; end: number; text: string })
        : { start: 0, end: 3, text: 'The' };
    const choices = [
      { ...e, start: -1 },
      { ...e, end: e.start },
      { ...e, start: e.start + 1, end: e.end + 1 },
      { ...e, end: 10_000_000, start: 9_999_999 },
      { ...e, start: 1.5 },
    ];
    d.claims[i % d.claims.length]!.evidence = choices[i % choices.length]!;
  },
  unknownAgent: (d, i) => {
    const c = d.claims[i % 3]!;
    c.chain![0]!.agent = 'nobody-here';
  },
  unknownAbout: (d, i) => {
    d.claims[i % d.claims.length]!.about = ['no-such-thing'];
  },
  affiliationCycle: (d) => {
    d.actors = d.actors!.map((a) =>
      a.id === 'eu' ? { ...a, affiliation: 'france' } : a.id === 'france' ? { ...a, affiliation: 'eu' } : a,
    );
  },
  selfAffiliation: (d) => {
    d.actors![0] = { ...d.actors![0]!, affiliation: d.actors![0]!.id };
  },
  chainLoop: (d) => {
    const hop = d.claims[0]!.chain![0]!;
    d.claims[0]!.chain = [hop, { ...hop }, { ...hop }];
  },
  relationToSelf: (d) => {
    d.relations = [{ from: 'truce-fragile', to: 'truce-fragile', type: 'SUPPORTS' }];
  },
  relationUnknown: (d, i) => {
    d.relations = [{ from: 'truce-fragile', to: i % 2 ? 'nope' : 'other#nope', type: 'SUPPORTS' }];
  },
  duplicateIds: (d) => {
    d.claims.push({ ...d.claims[0]! });
  },
  unknownTopLevel: (d) => {
    (d as Record<string, unknown>).surprise = { nested: [1, 2, 3] };
  },
  hugeText: (d) => {
    d.claims[0]!.text = 'x'.repeat(5000);
  },
  badDates: (d, i) => {
    // 2026-02-30 is well-formed but no day of the calendar (Date.parse would roll it over to
    // March 2); dates are checked as real calendar dates, so it must be refused like the rest.
    d.article.publishedAt = ['yesterday', '2026-13-01', '', '2026-1-5', '2026-02-30'][i % 5]!;
  },
  badSchemaVersion: (d) => {
    (d as Record<string, unknown>).schemaVersion = 2;
  },
};

/** A mutated document and the mutations that applied to it (each one breaks the document). */
const brokenDocument = fc
  .array(fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.nat()), { minLength: 1, maxLength: 3 })
  .map((steps) => {
    const doc = miniDoc('hostile-doc');
    const applied: string[] = [];
    for (const [name, pick] of steps) {
      try {
        MUTATIONS[name]!(doc, pick);
        applied.push(`${name}(${pick})`);
      } catch {
        // An earlier step removed or mistyped what this one mutates; the document stays as broken.
      }
    }
    return { doc, applied };
  });
const claimMutation = brokenDocument.map(({ doc }) => doc.claims[0] ?? {});

// ---------------------------------------------------------------- tests

describe('the GraphQL API under generated input', () => {
  it('answers every query field cleanly, whatever its arguments', async () => {
    await fc.assert(
      fc.asyncProperty(casesFor('query'), async (c) => {
        const { r, raw } = await send(c);
        expectClean(c, r, raw);
      }),
      { numRuns: 150, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    );
  }, 180_000);

  it('answers every mutation cleanly, whatever its input, and a rejected one writes nothing', async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(casesFor('mutation'), async (c) => {
        const before = await graphCounts(graph.db);
        const { r, raw } = await send(c);
        expectClean(c, r, raw);
        // Rejected: an error, no result, or a typed error result. (A valid generated write, such
        // as an edit of a known claim, may change the graph; a rejected one may not.)
        const result = r.data?.[c.field];
        if ((r.errors?.length ?? 0) > 0 || !result || !String(result.__typename).startsWith('Mutation')) {
          rejected++;
          expect(
            await graphCounts(graph.db),
            `${c.field} was rejected but wrote\n${raw.slice(0, 300)}`,
          ).toEqual(before);
        }
      }),
      { numRuns: 80, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true },
    );
    expect(rejected).toBeGreaterThan(10);
  }, 180_000);
});

describe('the ingester under mutated documents', () => {
  it('rejects a broken document naming each field, and writes nothing', async () => {
    // Every mutation above breaks the document (the first step always applies to the fresh
    // document), so every generated document must be rejected: an accepted one is a missing rule.
    await fc.assert(
      fc.asyncProperty(brokenDocument, async ({ doc, applied }) => {
        expect(applied.length).toBeGreaterThan(0);
        const before = await graphCounts(graph.db);
        const outcome = await ingestDocument(graph.db, doc).then(
          () => null,
          (error: unknown) => error,
        );
        expect(outcome, `accepted after ${applied.join(', ')}`).toBeInstanceOf(DocumentValidationError);
        const issues = (outcome as DocumentValidationError).issues;
        expect(issues.length).toBeGreaterThan(0);
        for (const issue of issues) expect(issue.path).toMatch(/^[\w([]/);
        expect(await graphCounts(graph.db)).toEqual(before);
      }),
      { numRuns: 60, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    );
  }, 120_000);

  it.each(Object.keys(MUTATIONS))('rejects the mutation %s on its own, for several picks', async (name) => {
    for (let pick = 0; pick < 5; pick++) {
      const doc = miniDoc('hostile-doc');
      MUTATIONS[name]!(doc, pick);
      await expect(ingestDocument(graph.db, doc), `${name}(${pick})`).rejects.toBeInstanceOf(
        DocumentValidationError,
      );
    }
  });
});

describe('full-text search with Lucene syntax and any script', () => {
  const SEARCH = `query($q: String!) { searchClaims(query: $q, first: 5) { totalCount edges { node { key text } } } }`;
  // An article of its own: the generated mutations above may have edited or rejected mini-1's
  // claims, and a rejected claim is rightly not found.
  beforeAll(async () => {
    const multilingual = miniDoc('mini-search');
    multilingual.claims[3]!.text = 'الهدنة هشة. השביתה שברירית. The truce is fragile.';
    await ingestDocument(graph.db, multilingual);
  });
  const NASTY = [
    'AND OR NOT',
    '"unbalanced',
    'a\\',
    '\\"',
    '(((',
    ')]}',
    'title:ceasefire',
    '*',
    '?',
    'ceasefire~2',
    'truce^10',
    '[a TO z]',
    '{!lucene}',
    '/regex.*/',
    '&& || !',
    '-',
    '+truce -fragile',
    '\u0000\u0001',
    '‏‎', // right-to-left and left-to-right marks
    'الهدنة هشة',
    'השביתה שברירית',
    '🤖🔥 "قال" (אמר)',
    ' '.repeat(50),
  ];

  it('answers Lucene operators, quotes, backslashes and brackets without an error', async () => {
    for (const q of NASTY) {
      const r = await api.gql(SEARCH, { q });
      expect(r.errors, `${JSON.stringify(q)}: ${JSON.stringify(r.errors)}`).toBeUndefined();
      expect(r.data?.searchClaims.totalCount, JSON.stringify(q)).toEqual(expect.any(Number));
    }
  });

  // Each operator form, read as Lucene syntax, would find something else than its plain words
  // (`-truce` excludes the truce, `tru*` finds it, `truce AND zzzqqq` finds nothing); searched as
  // text they find exactly what the plain words find. (Lucene's operators are upper case.)
  it.each([
    ['-truce', 'truce'],
    ['+truce -fragile', 'truce fragile'],
    ['truce AND zzzqqq', 'truce and zzzqqq'],
    ['NOT truce', 'not truce'],
    ['truce OR ceasefire', 'truce or ceasefire'],
    ['tru*', 'tru'],
    ['truce~', 'truce'],
    ['(truce) [fragile] {ceasefire}', 'truce fragile ceasefire'],
    ['"truce', 'truce'],
  ])('searches %j as the plain words %j', async (operators, plain) => {
    const all = `query($q: String!) { searchClaims(query: $q, first: 50) { totalCount edges { node { key } } } }`;
    const keys = async (q: string) => {
      const r = await api.gql(all, { q });
      expect(r.errors, q).toBeUndefined();
      return {
        total: r.data!.searchClaims.totalCount,
        keys: r.data!.searchClaims.edges.map((e: any) => e.node.key),
      };
    };
    const asText = await keys(operators);
    expect(asText).toEqual(await keys(plain));
    if (/truce/.test(plain) && !/tru\b/.test(plain))
      expect(asText.keys).toContain('mini-search#truce-fragile');
  });

  it('finds Arabic and Hebrew words', async () => {
    for (const q of ['هشة', 'שברירית', 'الهدنة', 'fragile']) {
      const r = await api.gql(SEARCH, { q });
      expect(
        r.data?.searchClaims.edges.map((e: any) => e.node.key),
        q,
      ).toContain('mini-search#truce-fragile');
    }
  });

  it('turns any string into a query that cannot be a syntax error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 30 }), async (q) => {
        const lucene = toLuceneQuery(q);
        if (lucene !== null) {
          // Every term is a quoted phrase whose quotes and backslashes are escaped.
          expect(lucene).toMatch(/^("([^"\\]|\\.)+")( "([^"\\]|\\.)+")*$/);
        }
        const r = await api.gql(SEARCH, { q });
        expect(r.errors, JSON.stringify(q)).toBeUndefined();
      }),
      { numRuns: 60, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true },
    );
  }, 120_000);
});
