/** What a graph tool shows on a node, and the property names exports reserve for themselves. */
import type { Plain } from '../db/convert.js';
import type { NodeLabel } from './allow-list.js';

const str = (value: Plain | undefined): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;

/** A short human label for a node: a name, a title, the claim text, a telling's role and hop. */
export function displayLabel(type: NodeLabel, key: string, props: Record<string, Plain>): string {
  switch (type) {
    case 'Article':
      return str(props.title) ?? key;
    case 'Claim':
      return str(props.text) ?? key;
    case 'Telling':
      return `${str(props.role) ?? 'telling'} (hop ${str(props.hop) ?? '?'})`;
    case 'Assessment':
      return str(props.ratingName) ?? str(props.verdict) ?? key;
    case 'Revision':
      return `v${str(props.version) ?? '?'}`;
    default:
      return str(props.name) ?? key;
  }
}

/**
 * Export-level attributes written next to a node's or edge's own properties. A property of the
 * same name (none in docs/model.md today) is written as `prop_<name>` instead of silently
 * overwriting one of them.
 */
export const RESERVED_NODE_ATTRIBUTES = new Set(['id', 'label', 'type']);
export const RESERVED_EDGE_ATTRIBUTES = new Set(['id', 'label', 'type', 'source', 'target']);

export function attributeName(name: string, reserved: ReadonlySet<string>): string {
  return reserved.has(name) ? `prop_${name}` : name;
}
