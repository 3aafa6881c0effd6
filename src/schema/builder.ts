/**
 * The SchemaBuilder and its plugins. No types are defined here; each type lives in its own file
 * with the fields that query it (see schema/index.ts).
 */
import SchemaBuilder from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin, { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import type { Context } from './context.js';
import { badInput, forbidden, unauthenticated } from './client-errors.js';
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
  /** Who may do what: `editor` for every write (the Mutation type's scope). */
  AuthScopes: { editor: boolean };
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
  // Scope auth first, so a refused write never reaches the errors plugin's result union.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin],
  scopeAuth: {
    // The caller's role was read from its API key once per request (auth.ts, yoga.ts).
    authScopes: (ctx) => ({ editor: ctx.caller.role === 'editor' }),
    // No key at all is 401, a key without the role 403: both with the codes clients test for.
    unauthorizedError: (_parent, ctx) =>
      ctx.caller.role === 'anonymous'
        ? unauthenticated()
        : forbidden('writes need an API key with the editor role'),
  },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    nodeQueryOptions: { description: 'Any object by its global id.' },
    // Replaced below: the plugin's own field fails the whole list for one malformed id.
    nodesQueryOptions: false,
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
builder.mutationType({
  description: 'Writes. Every mutation needs an API key with the editor role.',
  authScopes: { editor: true },
});

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items the whole list holds.', resolve: (parent) => parent.totalCount }),
);

builder.queryField('nodes', (t) =>
  t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description:
      'Objects by their global ids, in the same order: null for an id naming nothing, and null with an ' +
      'error (BAD_USER_INPUT, at that index) for a malformed id; the other ids still resolve.',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: async (_root, { ids }, ctx, info) => {
      const decoded = ids.map((id) => {
        try {
          return decodeNodeId(String(id));
        } catch (error) {
          return error as Error;
        }
      });
      const found = await resolveNodes(
        builder,
        ctx,
        info,
        decoded.map((d) => (d instanceof Error ? null : d)),
      );
      // graphql-js reports an Error item as null plus an error located at its index.
      return decoded.map((d, i) => (d instanceof Error ? d : found[i])) as unknown[];
    },
  }),
);
