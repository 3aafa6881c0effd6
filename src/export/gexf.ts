/**
 * GEXF (https://gexf.net/schema.html), Gephi's own format: 1.3 by default, or 1.2draft, the
 * version NetworkX before 3.x reads (Debian 12's python3-networkx 2.8 knows no 1.3) and Gephi
 * reads as well; the two differ here only in namespace and version. Like the GraphML export it
 * declares typed attribute columns up front from one property-type query, then writes nodes and
 * edges page by page. The graph is `mode="dynamic"` with `timeformat="date"`: a node or edge
 * with a known day gets `start="YYYY-MM-DD"` (articles: publication; claims: when said; events,
 * tellings: their start; assessments: their date; revisions: when made; a lean export's
 * claim-to-agent edges: when the claim was said), so Gephi's timeline can play a story over
 * time. Items without a known day have no start and are shown throughout.
 */
import type { Plain } from '../db/convert.js';
import type { NodeLabel } from './allow-list.js';
import { displayLabel, RESERVED_EDGE_ATTRIBUTES, RESERVED_NODE_ATTRIBUTES } from './display.js';
import { graphmlKeys, renamed, valueText, type GraphmlKey } from './graphml.js';
import type { GraphReader } from './reader.js';
import { escapeXml } from './xml.js';

type GexfType = 'boolean' | 'long' | 'double' | 'string';

interface GexfAttribute {
  id: string;
  owner: 'node' | 'edge';
  title: string;
  type: GexfType;
}

/** The node property holding each label's day, for `start`. */
const DAY_OF: Partial<Record<NodeLabel, string>> = {
  Article: 'publishedAt',
  Claim: 'saidAt',
  Telling: 'timeStart',
  Event: 'timeStart',
  Assessment: 'date',
  Revision: 'at',
};

/** The calendar day an ISO-8601 date or date-time starts with, or undefined (a year or month alone). */
export function dayOf(value: Plain | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(value)?.[1];
}

/** The GraphML key declarations reused: one column per (owner, name), with the same widening. */
function attributesOf(keys: readonly GraphmlKey[]): GexfAttribute[] {
  return keys
    .filter((k) => k.name !== 'label')
    .map((k) => ({ id: k.id, owner: k.for, title: k.name, type: k.type }));
}

function attvalues(
  owner: 'node' | 'edge',
  values: Record<string, Plain>,
  byTitle: ReadonlyMap<string, GexfAttribute>,
): string {
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null) continue;
    const attribute = byTitle.get(`${owner}:${name}`);
    // As in GraphML, a property first written after the header was read has no column.
    if (!attribute) continue;
    out += `<attvalue for="${escapeXml(attribute.id)}" value="${escapeXml(valueText(value))}"/>`;
  }
  return out === '' ? '' : `<attvalues>${out}</attvalues>`;
}

const startAttribute = (day: string | undefined) => (day ? ` start="${day}"` : '');

export const GEXF_VERSIONS = ['1.3', '1.2draft'] as const;
export type GexfVersion = (typeof GEXF_VERSIONS)[number];

const NAMESPACE: Record<GexfVersion, string> = {
  '1.3': 'http://gexf.net/1.3',
  '1.2draft': 'http://www.gexf.net/1.2draft',
};

export function gexf(version: GexfVersion = '1.3') {
  return (reader: GraphReader) => gexfDocument(reader, version);
}

async function* gexfDocument(reader: GraphReader, version: GexfVersion): AsyncGenerator<string> {
  const ns = NAMESPACE[version];
  const attributes = attributesOf(graphmlKeys(await reader.propertyTypes()));
  const byTitle = new Map(attributes.map((a) => [`${a.owner}:${a.title}`, a]));
  const declare = (owner: 'node' | 'edge') =>
    `    <attributes class="${owner}" mode="static">\n` +
    attributes
      .filter((a) => a.owner === owner)
      .map(
        (a) => `      <attribute id="${escapeXml(a.id)}" title="${escapeXml(a.title)}" type="${a.type}"/>\n`,
      )
      .join('') +
    '    </attributes>\n';
  yield (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<gexf xmlns="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
    ` xsi:schemaLocation="${ns} ${ns}/gexf.xsd" version="${version === '1.3' ? '1.3' : '1.2'}">\n` +
    '  <meta><creator>claim-graph</creator><description>claims, who told them and through whom</description></meta>\n' +
    '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n' +
    declare('node') +
    declare('edge') +
    '    <nodes>\n'
  );
  for await (const page of reader.nodes()) {
    yield page
      .map((n) => {
        const dayProperty = DAY_OF[n.type];
        const day = dayProperty ? dayOf(n.props[dayProperty]) : undefined;
        const values = { type: n.type, ...renamed(n.props, RESERVED_NODE_ATTRIBUTES) };
        return (
          `      <node id="${escapeXml(n.key)}" label="${escapeXml(displayLabel(n.type, n.key, n.props))}"` +
          `${startAttribute(day)}>${attvalues('node', values, byTitle)}</node>\n`
        );
      })
      .join('');
  }
  yield '    </nodes>\n    <edges>\n';
  for await (const page of reader.edges()) {
    yield page
      .map((e) => {
        const values = { type: e.type, ...renamed(e.props, RESERVED_EDGE_ATTRIBUTES) };
        return (
          `      <edge id="${escapeXml(e.id)}" source="${escapeXml(e.source)}" target="${escapeXml(e.target)}"` +
          ` label="${e.type}"${startAttribute(dayOf(e.props.saidAt))}>${attvalues('edge', values, byTitle)}</edge>\n`
        );
      })
      .join('');
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
