/**
 * Recognises the standard introspection query, so that the query guards (depth, cost, aliases)
 * can let it through while every other document, including introspection that nests its way
 * into a large answer, stays under them.
 *
 * Tools ask for the schema with graphql-js's `getIntrospectionQuery()` or a variant of it
 * (GraphiQL, Codegen, Apollo Sandbox, Postman, graphql-inspector): `__schema` with every type in
 * full, and type references as `kind name ofType { kind name ofType { ... } }`. That document is
 * deep (the `ofType` chain) and "costly" by field count, but its answer is bounded by the size of
 * the schema. What makes introspection dangerous is the other kind of nesting, e.g.
 * `__schema { types { fields { type { fields { type { fields ... } } } } } }`, which multiplies
 * with every level. So the exemption is a grammar, not a name check:
 *
 * - the operation is a query whose root fields are only `__schema`, `__type` and `__typename`;
 * - a type in full (fields, inputFields, interfaces, possibleTypes, enumValues) is only asked
 *   for at `__schema { types }` and at `__type(name:)`: one level, never again below;
 * - every other type reached (a field's `type`, `ofType`, `interfaces`, `queryType`, ...) is a
 *   reference: only `kind`, `name` and `ofType`, with at most MAX_OF_TYPE_CHAIN `ofType` levels;
 * - no aliases (repeating a field under new names is the cheap way to multiply an answer), no
 *   directives, fragments allowed (spreads and inline) but expanded and checked the same way.
 *
 * Anything else returns false and goes through the guards as an ordinary query.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** graphql-js 16 nests TypeRef 9 `ofType` levels deep (e.g. [[[String!]!]!]!); allow a little more. */
export const MAX_OF_TYPE_CHAIN = 10;

/** What a selection is selecting on: an introspection type, and for __Type, whether in full. */
type Place =
  | { on: '__Schema' }
  | { on: '__Type'; full: boolean; ofTypeDepth: number }
  | { on: '__Field' | '__InputValue' | '__EnumValue' | '__Directive' }
  | { on: 'leaf' };

const leaf: Place = { on: 'leaf' };
const typeRef = (ofTypeDepth = 0): Place => ({ on: '__Type', full: false, ofTypeDepth });
const fullType: Place = { on: '__Type', full: true, ofTypeDepth: 0 };

/** For each introspection type, the fields a standard query may select and where each leads. */
function next(place: Place, field: string): Place | undefined {
  if (field === '__typename') return leaf;
  switch (place.on) {
    case '__Schema':
      if (field === 'description') return leaf;
      if (field === 'types') return fullType;
      if (field === 'queryType' || field === 'mutationType' || field === 'subscriptionType') return typeRef();
      if (field === 'directives') return { on: '__Directive' };
      return undefined;
    case '__Type':
      if (field === 'kind' || field === 'name') return leaf;
      if (field === 'ofType') {
        const depth = place.ofTypeDepth + 1;
        return depth > MAX_OF_TYPE_CHAIN ? undefined : typeRef(depth);
      }
      if (!place.full) return undefined;
      if (field === 'description' || field === 'specifiedByURL' || field === 'isOneOf') return leaf;
      if (field === 'fields') return { on: '__Field' };
      if (field === 'inputFields') return { on: '__InputValue' };
      if (field === 'enumValues') return { on: '__EnumValue' };
      if (field === 'interfaces' || field === 'possibleTypes') return typeRef();
      return undefined;
    case '__Field':
      if (field === 'args') return { on: '__InputValue' };
      if (field === 'type') return typeRef();
      return ['name', 'description', 'isDeprecated', 'deprecationReason'].includes(field) ? leaf : undefined;
    case '__InputValue':
      if (field === 'type') return typeRef();
      return ['name', 'description', 'defaultValue', 'isDeprecated', 'deprecationReason'].includes(field)
        ? leaf
        : undefined;
    case '__EnumValue':
      return ['name', 'description', 'isDeprecated', 'deprecationReason'].includes(field) ? leaf : undefined;
    case '__Directive':
      if (field === 'args') return { on: '__InputValue' };
      return ['name', 'description', 'isRepeatable', 'locations'].includes(field) ? leaf : undefined;
    case 'leaf':
      return undefined;
  }
}

/** True when `document` is a standard introspection query (see the module comment). */
export function isStandardIntrospection(document: DocumentNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operations = 0;
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      if (definition.directives?.length) return false;
      fragments.set(definition.name.value, definition);
    } else if (definition.kind === Kind.OPERATION_DEFINITION) {
      if (definition.operation !== 'query' || definition.directives?.length) return false;
      operations++;
    } else {
      return false;
    }
  }
  // One operation: with several, the one executed is chosen later, and all must be checked anyway.
  if (operations !== 1) return false;
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return false;

  let budget = 10_000; // selections visited: bounds the work on a hostile document
  const check = (set: SelectionSetNode, place: Place | 'root', spreading: ReadonlySet<string>): boolean => {
    for (const selection of set.selections) {
      if (--budget < 0) return false;
      if (selection.directives?.length) return false;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || spreading.has(name)) return false;
        if (!check(fragment.selectionSet, place, new Set([...spreading, name]))) return false;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!check(selection.selectionSet, place, spreading)) return false;
        continue;
      }
      if (selection.alias) return false;
      const name = selection.name.value;
      let to: Place | undefined;
      if (place === 'root') {
        to =
          name === '__schema'
            ? { on: '__Schema' }
            : name === '__type'
              ? fullType
              : name === '__typename'
                ? leaf
                : undefined;
      } else {
        to = next(place, name);
      }
      if (!to) return false;
      if (to.on === 'leaf') {
        if (selection.selectionSet) return false;
      } else if (!selection.selectionSet || !check(selection.selectionSet, to, spreading)) {
        return false;
      }
    }
    return true;
  };
  return check(operation.selectionSet, 'root', new Set());
}

/**
 * The plugin with its validation step skipped for a standard introspection query: how the
 * query guards (graphql-armor's depth, cost and alias rules) exempt exactly that shape.
 * Parsing hooks (the token limit) still apply to every document.
 */
export function exemptStandardIntrospection<P extends object>(plugin: P): P {
  const onValidate = (plugin as { onValidate?: OnValidate }).onValidate;
  if (!onValidate) return plugin;
  const exempting: OnValidate = (payload) =>
    isStandardIntrospection(payload.params.documentAST) ? undefined : onValidate.call(plugin, payload);
  return { ...plugin, onValidate: exempting };
}

/** The part of Envelop's onValidate hook this needs (armor's plugins are typed for Envelop). */
type OnValidate = (payload: { params: { documentAST: DocumentNode } }) => unknown;
