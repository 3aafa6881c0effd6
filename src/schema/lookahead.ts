/**
 * Lookahead: the fields a request goes on to ask for below the current one, through fragments and
 * inline fragments alike. projection.ts reads them to decide what claims to read and whether to
 * read their chains in the same statement (instead of two round trips in sequence).
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

/** The fields of Claim whose resolvers read the claim's attribution chain. */
export const CHAIN_FIELDS: ReadonlySet<string> = new Set(['provenance', 'speaker']);

/** The fields selected under the current field along `path`, every alias and fragment merged. */
export function fieldsAt(info: GraphQLResolveInfo, path: readonly string[]): FieldNode[] {
  let sets = info.fieldNodes.flatMap(subSelection);
  for (const name of path) {
    sets = fieldsOf(info, sets)
      .filter((f) => f.name.value === name)
      .flatMap(subSelection);
  }
  return fieldsOf(info, sets);
}

/** A field's own selection set, as a list (none for a leaf). */
export const subSelection = (f: FieldNode): SelectionSetNode[] => (f.selectionSet ? [f.selectionSet] : []);

/** The fields of these selection sets, through fragments and inline fragments alike. */
export function fieldsOf(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) out.push(s);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        // A fragment spread twice (or through two paths) is read once.
        seen.add(s.name.value);
        const fragment = info.fragments[s.name.value];
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return out;
}
