/**
 * GraphML (http://graphml.graphdrawing.org/), the format Gephi, yEd and Cytoscape desktop all
 * open. Every attribute must be declared in a <key> before the graph, so the header comes from
 * one property-type query (names and types, not data); nodes and then edges follow page by page.
 */
import type { Plain } from '../db/convert.js';
import {
  displayLabel,
  RESERVED_EDGE_ATTRIBUTES,
  RESERVED_NODE_ATTRIBUTES,
  attributeName,
} from './display.js';
import type { GraphReader } from './reader.js';
import type { PropertyType } from './rows.js';
import { escapeXml, nmtoken } from './xml.js';

type GraphmlType = 'boolean' | 'long' | 'double' | 'string';

export interface GraphmlKey {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: GraphmlType;
}

/** The GraphML attribute type for one Cypher `valueType` ("INTEGER NOT NULL", "LIST<STRING>"...). */
export function graphmlTypeOf(cypherType: string): GraphmlType {
  const base = cypherType.replace(/ NOT NULL$/, '');
  if (base === 'BOOLEAN') return 'boolean';
  if (base === 'INTEGER') return 'long';
  if (base === 'FLOAT') return 'double';
  // Strings, temporal values (written as ISO-8601) and lists (written as JSON).
  return 'string';
}

/** One type per name: integers mixed with floats widen to double, anything else mixed to string. */
export function unify(a: GraphmlType, b: GraphmlType): GraphmlType {
  if (a === b) return a;
  if ((a === 'long' && b === 'double') || (a === 'double' && b === 'long')) return 'double';
  return 'string';
}

/** The <key> declarations for the given property types, plus the export's own attributes. */
export function graphmlKeys(types: readonly PropertyType[]): GraphmlKey[] {
  const found = new Map<string, GraphmlKey>();
  const add = (owner: 'node' | 'edge', name: string, type: GraphmlType) => {
    const id = `${owner === 'node' ? 'n' : 'e'}_${nmtoken(name)}`;
    const known = found.get(id);
    found.set(id, { id, for: owner, name, type: known ? unify(known.type, type) : type });
  };
  add('node', 'label', 'string');
  add('node', 'type', 'string');
  add('edge', 'label', 'string');
  add('edge', 'type', 'string');
  for (const t of types) {
    const reserved = t.owner === 'node' ? RESERVED_NODE_ATTRIBUTES : RESERVED_EDGE_ATTRIBUTES;
    add(t.owner, attributeName(t.name, reserved), graphmlTypeOf(t.type));
  }
  return [...found.values()];
}

/** Scalars as written; lists (and maps) as JSON, which every GraphML reader keeps as a string. */
export function valueText(value: Plain): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

export function dataElements(
  owner: 'node' | 'edge',
  attributes: Record<string, Plain>,
  keys: ReadonlyMap<string, GraphmlKey>,
): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null) continue;
    // A property first written after the header was built has no <key>; GraphML has no way to
    // carry it, so it is left out rather than making the file invalid.
    const key = keys.get(`${owner === 'node' ? 'n' : 'e'}_${nmtoken(name)}`);
    if (!key) continue;
    out += `<data key="${key.id}">${escapeXml(valueText(value))}</data>`;
  }
  return out;
}

/** Properties under the names exports write them (a reserved name gets `prop_`). */
export function renamed(props: Record<string, Plain>, reserved: ReadonlySet<string>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [name, value] of Object.entries(props)) out[attributeName(name, reserved)] = value;
  return out;
}

/** The document up to the opening <graph>: the namespace and every <key>. */
export function graphmlHeader(keys: readonly GraphmlKey[], graphId = 'claim-graph'): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n' +
    keys
      .map(
        (k) =>
          `  <key id="${k.id}" for="${k.for}" attr.name="${escapeXml(k.name)}" attr.type="${k.type}"/>\n`,
      )
      .join('') +
    `  <graph id="${graphId}" edgedefault="directed">\n`
  );
}

export const GRAPHML_FOOTER = '  </graph>\n</graphml>\n';

export async function* graphml(reader: GraphReader): AsyncGenerator<string> {
  const keys = graphmlKeys(await reader.propertyTypes());
  const byId = new Map(keys.map((k) => [k.id, k]));
  yield graphmlHeader(keys);

  for await (const page of reader.nodes()) {
    yield page
      .map((n) => {
        const attributes = {
          label: displayLabel(n.type, n.key, n.props),
          type: n.type,
          ...renamed(n.props, RESERVED_NODE_ATTRIBUTES),
        };
        return `    <node id="${escapeXml(nmtoken(n.key))}">${dataElements('node', attributes, byId)}</node>\n`;
      })
      .join('');
  }
  for await (const page of reader.edges()) {
    yield page
      .map((e) => {
        const attributes = { label: e.type, type: e.type, ...renamed(e.props, RESERVED_EDGE_ATTRIBUTES) };
        return (
          `    <edge id="${escapeXml(nmtoken(e.id))}" source="${escapeXml(nmtoken(e.source))}"` +
          ` target="${escapeXml(nmtoken(e.target))}">${dataElements('edge', attributes, byId)}</edge>\n`
        );
      })
      .join('');
  }
  yield GRAPHML_FOOTER;
}
