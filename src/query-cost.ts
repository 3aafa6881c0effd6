/**
 * The query cost guard: refuses, before any resolver runs, an operation whose response would be
 * too large. It prices the operation with its variables resolved and argument defaults applied,
 * which a validation rule cannot do (validation sees no variables): `first: $n` costs what `$n`
 * says, an omitted `first` costs the default page, and every page is capped at MAX_PAGE_SIZE as
 * the resolvers cap it. Costs nest multiplicatively through lists, aliases and fragments.
 *
 * It also caps list arguments (`nodes(ids:)`, filter lists) at MAX_LIST_ARGUMENT items and
 * search strings at SEARCH_LIMITS, naming the argument. What it cannot price exactly (lists without a size argument) it estimates; the
 * response budget (src/db/budget.ts) stops whatever it misprices while resolving.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import { ResponseBudget, withResponseBudget } from './db/budget.js';
import { ResponseBudgetExceededError } from './db/errors.js';
import { searchTextProblem } from './graph/lucene.js';

/** Arguments that are full-text search strings, bounded by SEARCH_LIMITS (src/graph/lucene.ts). */
const SEARCH_ARGUMENTS = new Set(['Query.searchClaims(query:)', 'Query.agents(name:)']);

/** The page a connection returns when neither `first` nor `last` is given (see pageWindow). */
const DEFAULT_PAGE = 20;
/** Items assumed for a list field that no argument bounds (a chain, a claim's assessments). */
export const UNSIZED_LIST_ESTIMATE = 10;
/** Arguments that bound the list a field returns (connections: first/last; graphs: maxNodes). */
const SIZE_ARGUMENTS = ['first', 'last', 'maxNodes'] as const;
/** List arguments whose length is the length of the list returned (`nodes(ids:)`). */
const ITEM_LIST_ARGUMENTS = ['ids', 'keys'] as const;

export interface CostLimits {
  maxCost: number;
  maxPageSize: number;
  maxListArgument: number;
}

export class QueryTooExpensive extends GraphQLError {
  constructor(cost: number, maxCost: number) {
    super(
      `Cost limit of ${maxCost} exceeded: the query would return at least ${cost} values. ` +
        'Lists are priced by their page size (`first`/`last`, default 20) times the lists around ' +
        'them; ask for smaller pages or fewer nested lists.',
      { extensions: { code: 'QUERY_TOO_EXPENSIVE', cost, maxCost } },
    );
  }
}

/**
 * The estimated number of values an operation returns, or a BAD_USER_INPUT error for a list
 * argument past the cap. Stops counting once past `maxCost` (the answer is then only a lower
 * bound), so a hostile document cannot make the pricing itself slow.
 */
export function priceOperation(
  schema: GraphQLSchema,
  document: Parameters<typeof getOperationAST>[0],
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined | null,
  limits: CostLimits,
): number {
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  // Bad variables fail execution before any resolver runs; nothing to price.
  if (coerced.errors) return 0;
  const vars = coerced.coerced;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions)
    if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  // A fragment's cost depends only on its selections and the size handed down to its lists.
  const memo = new Map<string, number>();

  const selectionCost = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    listSize: number | undefined,
  ): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (total > limits.maxCost) break;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined)
          : parent;
        if (type) total += selectionCost(selection.selectionSet, type, listSize);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const memoKey = `${name}:${listSize ?? '-'}`;
        let cost = memo.get(memoKey);
        if (cost === undefined) {
          const fragment = fragments.get(name);
          const type = fragment
            ? (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined)
            : undefined;
          // Validation has already refused unknown fragments and cycles.
          cost = fragment && type ? selectionCost(fragment.selectionSet, type, listSize) : 0;
          memo.set(memoKey, cost);
        }
        total += cost;
      } else {
        const name = selection.name.value;
        if (name === '__typename') {
          total += 1;
          continue;
        }
        // Introspection is answered from the schema in memory: bounded by the schema's size and
        // the depth and alias guards, so it is counted per field, not multiplied.
        if (name.startsWith('__')) {
          total += 1 + countFields(selection.selectionSet);
          continue;
        }
        const field =
          isObjectType(parent) || isInterfaceType(parent)
            ? (parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined)
            : undefined;
        if (!field) continue;
        let args: Record<string, unknown> = {};
        try {
          args = getArgumentValues(field, selection, vars);
        } catch {
          // Invalid arguments fail in execution; price the field without them.
        }
        checkListArguments(args, limits.maxListArgument);
        checkSearchArguments(`${parent.name}.${name}`, args);
        const isList = isListType(getNullableType(field.type));
        // This field's own items: a list it bounds by an argument or by a list argument
        // (`nodes(ids:)`), else the size its parent handed down, else an estimate.
        const bound = sizeBound(field, args, limits.maxPageSize);
        const listArg = ITEM_LIST_ARGUMENTS.map((a) => args[a]).find(Array.isArray);
        let items = 1;
        if (isList) items = bound ?? listArg?.length ?? listSize ?? UNSIZED_LIST_ESTIMATE;
        // A size argument on a field that returns an object (a connection, a graph) bounds the
        // lists directly inside it.
        const handDown = isList ? undefined : bound;
        const named = getNamedType(field.type);
        const childCost =
          selection.selectionSet && !isLeafName(named)
            ? selectionCost(selection.selectionSet, named as GraphQLCompositeType, handDown)
            : 0;
        total += 1 + items * childCost;
      }
    }
    return total;
  };

  return selectionCost(operation.selectionSet, root, undefined);
}

function isLeafName(type: unknown): boolean {
  return !(isObjectType(type) || isInterfaceType(type) || (type as { getTypes?: unknown }).getTypes);
}

/** Fields in a selection set, fragments not followed (introspection's own size). */
function countFields(set: SelectionSetNode | undefined): number {
  if (!set) return 0;
  let n = 0;
  for (const s of set.selections) n += 1 + countFields('selectionSet' in s ? s.selectionSet : undefined);
  return n;
}

/** The page a size argument asks for, capped where the resolvers cap it; undefined when none. */
function sizeBound(
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  maxPageSize: number,
): number | undefined {
  const present = SIZE_ARGUMENTS.filter((a) => field.args.some((d) => d.name === a));
  if (present.length === 0) return undefined;
  const asked = present.map((a) => args[a]).filter((v): v is number => typeof v === 'number');
  const cap = present.includes('maxNodes') ? Number.MAX_SAFE_INTEGER : maxPageSize;
  if (asked.length === 0) return Math.min(DEFAULT_PAGE, maxPageSize);
  return Math.min(Math.max(0, ...asked), cap);
}

/** Refuses a search string past the search bounds, naming the argument. */
function checkSearchArguments(field: string, args: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(args)) {
    if (typeof value !== 'string' || !SEARCH_ARGUMENTS.has(`${field}(${name}:)`)) continue;
    const problem = searchTextProblem(value);
    if (problem) {
      throw new GraphQLError(`\`${name}\` ${problem}`, {
        extensions: { code: 'BAD_USER_INPUT', field: name },
      });
    }
  }
}

/** Refuses a list argument (also inside an input object) longer than the cap. */
function checkListArguments(args: Record<string, unknown>, max: number): void {
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      if (value.length > max) {
        throw new GraphQLError(`\`${path}\` has ${value.length} items; at most ${max} are accepted`, {
          extensions: { code: 'BAD_USER_INPUT', field: path },
        });
      }
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) visit(v, `${path}.${k}`);
    }
  };
  for (const [name, value] of Object.entries(args)) visit(value, name);
}

/** The guard as a Yoga plugin: priced at execution, when the variables are known. */
export function useQueryCost(config: Config): Plugin {
  const limits: CostLimits = {
    maxCost: config.MAX_COST,
    maxPageSize: config.MAX_PAGE_SIZE,
    maxListArgument: config.MAX_LIST_ARGUMENT,
  };
  return {
    onExecute({ args, setResultAndStopExecution }) {
      try {
        const cost = priceOperation(
          args.schema,
          args.document,
          args.variableValues as Record<string, unknown> | undefined,
          args.operationName,
          limits,
        );
        if (cost > limits.maxCost)
          setResultAndStopExecution({ errors: [new QueryTooExpensive(cost, limits.maxCost)] });
      } catch (error) {
        if (error instanceof GraphQLError) setResultAndStopExecution({ errors: [error] });
        else throw error;
      }
    },
  };
}

/**
 * The response budget as a Yoga plugin: each query operation gets MAX_RESPONSE_ROWS database
 * values (src/db/budget.ts). When a query overspends, its partial data is dropped and it answers
 * one QUERY_TOO_EXPENSIVE error (not one per field that was still resolving). Mutations are not
 * charged: an ingest reads what it writes, and its size is bounded by the document's limits.
 */
export function useResponseBudget(config: Config): Plugin {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const operation = getOperationAST(args.document, args.operationName ?? undefined);
      if (operation?.operation !== 'query') return;
      const budget = new ResponseBudget(config.MAX_RESPONSE_ROWS);
      setExecuteFn((a) => withResponseBudget(budget, () => executeFn(a)));
      return {
        onExecuteDone({ result, setResult }) {
          if (!budget.exceeded || Symbol.asyncIterator in Object(result)) return;
          const error = new ResponseBudgetExceededError(budget.max);
          setResult({
            data: null,
            errors: [
              new GraphQLError(error.message, {
                extensions: { code: error.code, maxResponseRows: budget.max },
              }),
            ],
          });
        },
      };
    },
  };
}
