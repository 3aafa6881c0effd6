import { describe, expect, it } from 'vitest';
import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { claimReads } from '../../../src/schema/projection.js';

/** Whether the claims along `path` are read with their chains (provenance or speaker asked for). */
const selectsChain = (info: GraphQLResolveInfo, path: readonly string[]) => claimReads(info, path).chain;

/** The resolve info of the operation's first root field, as far as the lookahead reads it. */
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

describe('lookahead: claims read with their chains', () => {
  it('sees a field directly under the current one', () => {
    expect(selectsChain(infoOf('{ claim(key: "a") { key provenance { depth } } }'), [])).toBe(true);
    expect(selectsChain(infoOf('{ claim(key: "a") { key text } }'), [])).toBe(false);
  });

  it('follows a path through a connection', () => {
    const info = infoOf('{ claims { totalCount edges { cursor node { speaker { name } } } } }');
    expect(selectsChain(info, ['edges', 'node'])).toBe(true);
    expect(selectsChain(info, ['edges'])).toBe(false);
    expect(selectsChain(infoOf('{ claims { edges { node { key } } } }'), ['edges', 'node'])).toBe(false);
  });

  it('reads named and inline fragments, at any level, and a fragment spread twice', () => {
    const info = infoOf(`
      { claims { ...Page ...Page } }
      fragment Page on Conn { edges { ... on Edge { node { ...Who } } } }
      fragment Who on Claim { ... { provenance { depth } } }
    `);
    expect(selectsChain(info, ['edges', 'node'])).toBe(true);
  });

  it('does not mistake a deeper field of the same name for one at the asked level', () => {
    const info = infoOf('{ claims { edges { node { related { claim { speaker { name } } } } } } }');
    expect(selectsChain(info, ['edges', 'node'])).toBe(false);
  });
});
