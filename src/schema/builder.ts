/**
 * The SchemaBuilder and its plugins. No types are defined here; each type lives in its own file
 * with the fields that query it (see schema/index.ts).
 */
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import type { Context } from './context.js';
import { badInput } from './errors.js';
import { API_NODE_LABELS } from '../domain/model.js';

/** The object types that implement Node (builder.node in the type files). */
const NODE_TYPES: ReadonlySet<string> = new Set(API_NODE_LABELS);

/**
 * A malformed id, or one naming a type that is not a node, is the client's mistake: say so with
 * BAD_USER_INPUT instead of letting the relay plugin's internal error surface as a masked 500.
 */
function decodeNodeId(globalID: string): { typename: string; id: string } {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    throw badInput(`id "${globalID.slice(0, 100)}" is not a global id from this API`, 'id');
  }
  if (!NODE_TYPES.has(decoded.typename)) {
    throw badInput(`id "${globalID.slice(0, 100)}" names no node type of this API`, 'id');
  }
  return decoded;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
  };
  Connection: { totalCount: number };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: { description: 'Any object by its global id.' },
    nodesQueryOptions: {
      description: 'Objects by their global ids, in the same order (null for an unknown id).',
    },
    pageInfoTypeOptions: { description: 'Relay page information.' },
    decodeGlobalID: decodeNodeId,
  },
  errors: {
    defaultTypes: [],
  },
});

builder.queryType({
  description: 'Provenance questions: who said what first, and through whom it reached us.',
});
builder.mutationType({ description: 'Writes. Every mutation needs an API key with the editor role.' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items the whole list holds.', resolve: (parent) => parent.totalCount }),
);
