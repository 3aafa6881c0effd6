/**
 * Every mutation needs an editor key, including one added tomorrow: the rule is one `authScopes`
 * on the Mutation type (src/schema/builder.ts), and this test walks every mutation of the built
 * schema, calls it with the smallest input its types accept, and expects the refusal before any
 * resolver runs. The database behind offlineApi is a closed port, so a mutation that escaped the
 * rule would answer a database error instead of the refusal.
 */
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { schema } from '../../../src/schema/index.js';
import { EDITOR_KEY, READER_KEY } from '../../support/api.js';
import { codesOf, offlineApi } from '../../support/offline-api.js';

const SCALAR_SAMPLES: Record<string, unknown> = {
  String: 'x',
  ID: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  JSON: {},
  Date: '2026-01-05',
  DateTime: '2026-01-05T10:00:00Z',
};

/** The smallest value of an input type: required fields only, empty lists, an enum's first value. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0]?.name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return Object.fromEntries(required.map((f) => [f.name, sample(f.type)]));
  }
  if (!(type.name in SCALAR_SAMPLES)) throw new Error(`no sample value for scalar ${type.name}`);
  return SCALAR_SAMPLES[type.name];
}

const required = (args: readonly GraphQLArgument[]) =>
  args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);

/** A request calling one mutation with sample values for its required arguments. */
function call(name: string): { query: string; variables: Record<string, unknown> } {
  const field = schema.getMutationType()?.getFields()[name];
  if (!field) throw new Error(`no mutation ${name}`);
  const args = required(field.args);
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `mutation${declared ? `(${declared})` : ''} { ${name}${passed ? `(${passed})` : ''} { __typename } }`,
    variables: Object.fromEntries(args.map((a) => [a.name, sample(a.type)])),
  };
}

const MUTATIONS = Object.keys(schema.getMutationType()?.getFields() ?? {}).sort();

describe('every mutation needs an editor key', () => {
  const api = offlineApi();
  const readOnly = offlineApi({ WRITES_DISABLED: 'true' });
  afterAll(async () => {
    await api.close();
    await readOnly.close();
  });

  it('walks all of them (the list is the schema, not a copy)', () => {
    expect(MUTATIONS).toEqual(
      expect.arrayContaining([
        'acceptLink',
        'extractArticle',
        'ingestArticle',
        'linkClaims',
        'recordAssessment',
        'rejectLink',
        'setClaimStatus',
        'setSourceReliability',
        'upsertClaim',
      ]),
    );
  });

  it.each(MUTATIONS)('%s without a key: UNAUTHENTICATED, 401, nothing else', async (name) => {
    const { query, variables } = call(name);
    const r = await api.gql(query, {}, variables);
    expect(codesOf(r)).toEqual(['UNAUTHENTICATED']);
    expect(r.status).toBe(401);
    expect(r.body.data ?? null).toBeNull();
  });

  it.each(MUTATIONS)('%s with a reader key: FORBIDDEN, 403', async (name) => {
    const { query, variables } = call(name);
    const r = await api.gql(query, { authorization: `Bearer ${READER_KEY}` }, variables);
    expect(codesOf(r)).toEqual(['FORBIDDEN']);
    expect(r.status).toBe(403);
  });

  it.each(MUTATIONS)('%s with an editor key on a read-only instance: FORBIDDEN', async (name) => {
    const { query, variables } = call(name);
    const r = await readOnly.gql(query, { authorization: `Bearer ${EDITOR_KEY}` }, variables);
    expect(codesOf(r)).toEqual(['FORBIDDEN']);
    expect(r.body.errors?.[0]?.message).toMatch(/read-only/);
  });
});
