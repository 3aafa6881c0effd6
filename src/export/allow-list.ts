/**
 * The closed set of labels and relationship types an export may name (the graph's whole
 * vocabulary, from domain/model.ts). Cypher cannot take a label,
 * a relationship type or a variable-length bound as a $parameter, so the export queries carry
 * placeholders that only values from this file (and a checked integer depth) ever replace.
 */
import { cypher, isQueryName } from '../db/cypher.js';
import { NODE_LABELS, RELATIONSHIP_TYPES, type NodeLabel, type RelationshipType } from '../domain/model.js';

export { AGENT_LABELS, NODE_LABELS, RELATIONSHIP_TYPES } from '../domain/model.js';
export type { AgentLabel, NodeLabel, RelationshipType } from '../domain/model.js';

/** The deepest neighbourhood an export walks; the API may cap it lower (MAX_NEIGHBOURHOOD_DEPTH). */
export const MAX_EXPORT_DEPTH = 6;

export function isNodeLabel(value: string): value is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(value);
}

export function isRelationshipType(value: string): value is RelationshipType {
  return (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/** The labels filed before `label`, so a node with two exported labels is exported once. */
export function labelsBefore(label: NodeLabel): NodeLabel[] {
  return NODE_LABELS.slice(0, NODE_LABELS.indexOf(label));
}

export interface TemplateValues {
  /** Replaces `__Label__`: one label of NODE_LABELS. */
  label?: NodeLabel;
  /** Replaces `__Depth__`: an integer 0..MAX_EXPORT_DEPTH. */
  depth?: number;
}

/**
 * The text of `cypher/queries/export/<name>.cypher` with its placeholders filled:
 * `__Labels__` (every exported label, `A|B|...`), `__Types__` (every exported type), and the
 * optional `__Label__` and `__Depth__`. Each value is checked here again, so nothing from input
 * reaches query text even if a caller forgets to validate.
 */
export function exportQuery(name: string, values: TemplateValues = {}): string {
  const query = `export/${name}`;
  if (!isQueryName(query)) throw new Error(`no export query named "${name}"`);
  let text = cypher(query)
    .replaceAll('__Labels__', NODE_LABELS.join('|'))
    .replaceAll('__Types__', RELATIONSHIP_TYPES.join('|'));
  if (values.label !== undefined) {
    if (!isNodeLabel(values.label)) throw new Error(`label "${String(values.label)}" is not exported`);
    text = text.replaceAll('__Label__', values.label);
  }
  if (values.depth !== undefined) {
    const depth = values.depth;
    if (!Number.isInteger(depth) || depth < 0 || depth > MAX_EXPORT_DEPTH) {
      throw new Error(`depth must be an integer from 0 to ${MAX_EXPORT_DEPTH}`);
    }
    text = text.replaceAll('__Depth__', String(depth));
  }
  const left = /__(Label|Depth)__/.exec(text);
  if (left) throw new Error(`export/${name}: placeholder ${left[0]} has no value`);
  return text;
}
