/**
 * The SchemaBuilder and its plugins. No types are defined here; each type lives in its own file
 * with the fields that query it (see schema/index.ts).
 */
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';

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
