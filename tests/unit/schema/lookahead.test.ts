import { describe, expect, it } from 'vitest';
import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { CHAIN_FIELDS, selects } from '../../../src/schema/lookahead.js';

/** The resolve info of the operation's first root field, as far as `selects` reads it. */
function infoOf(source: string): GraphQLResolveInfo {
  const doc = parse(source);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const root = op.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD) throw new Error('first selection is not a field');
  const fragments = Object.fromEntries(
    doc.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [root], fragments } as unknown as GraphQLResolveInfo;
}

describe('selects (lookahead)', () => {
  it('sees a field directly under the current one', () => {
    expect(selects(infoOf('{ claim(key: "a") { key provenance { depth } } }'), [], CHAIN_FIELDS)).toBe(true);
    expect(selects(infoOf('{ claim(key: "a") { key text } }'), [], CHAIN_FIELDS)).toBe(false);
  });

  it('follows a path through a connection', () => {
    const info = infoOf('{ claims { totalCount edges { cursor node { speaker { name } } } } }');
    expect(selects(info, ['edges', 'node'], CHAIN_FIELDS)).toBe(true);
    expect(selects(info, ['edges'], CHAIN_FIELDS)).toBe(false);
    expect(selects(infoOf('{ claims { edges { node { key } } } }'), ['edges', 'node'], CHAIN_FIELDS)).toBe(
      false,
    );
  });

  it('reads named and inline fragments, at any level, and a fragment spread twice', () => {
    const info = infoOf(`
      { claims { ...Page ...Page } }
      fragment Page on Conn { edges { ... on Edge { node { ...Who } } } }
      fragment Who on Claim { ... { provenance { depth } } }
    `);
    expect(selects(info, ['edges', 'node'], CHAIN_FIELDS)).toBe(true);
  });

  it('does not mistake a deeper field of the same name for one at the asked level', () => {
    const info = infoOf('{ claims { edges { node { related { claim { speaker { name } } } } } } }');
    expect(selects(info, ['edges', 'node'], CHAIN_FIELDS)).toBe(false);
  });
});
