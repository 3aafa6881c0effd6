/**
 * Readers that check an export the way the tools that open it would: GraphML through a real XML
 * parser plus the GraphML structure rules, Cytoscape.js JSON through cytoscape itself, PROV-JSON
 * against a zod schema of the PROV-JSON shape, ClaimReview through the `jsonld` processor with a
 * bundled copy of (the part of) the schema.org context we use: no network.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cytoscape from 'cytoscape';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { z } from 'zod';

/** Joins the chunks of an export. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** Whether an attribute value (text) parses as its declared GraphML or GEXF type. */
function fitsType(type: string, value: string): boolean {
  if (type === 'boolean') return value === 'true' || value === 'false';
  if (type === 'long' || type === 'int' || type === 'integer') return /^-?\d+$/.test(value);
  if (type === 'double' || type === 'float') return value.trim() !== '' && !Number.isNaN(Number(value));
  return true;
}

/** The Cypher `valueType` of a property value, as the property-types query reports it. */
export function cypherTypeOf(value: unknown): string {
  if (Array.isArray(value)) return 'LIST<STRING NOT NULL> NOT NULL';
  if (typeof value === 'boolean') return 'BOOLEAN NOT NULL';
  if (typeof value === 'number') return Number.isInteger(value) ? 'INTEGER NOT NULL' : 'FLOAT NOT NULL';
  return 'STRING NOT NULL';
}

// ---------------------------------------------------------------------------------------------
// GraphML

const GRAPHML_TYPES = new Set(['boolean', 'int', 'long', 'float', 'double', 'string']);
const NMTOKEN = /^[\p{L}\p{N}._:-]+$/u;

export interface ParsedGraphml {
  keys: { id: string; for: string; name: string; type: string }[];
  nodes: { id: string; data: Record<string, string> }[];
  edges: { id: string; source: string; target: string; data: Record<string, string> }[];
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/**
 * Parses GraphML and enforces what graphml.xsd and the tools need: well-formed XML, a graphml
 * root in the GraphML namespace, <key>s with a legal attr.type, unique NMTOKEN node ids, edges
 * whose ends are nodes of the file, data only for declared keys of the right domain, and data
 * values that parse as their declared type. Attribute names come back as <key> attr.names.
 */
export function parseGraphml(xml: string): ParsedGraphml {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} at line ${valid.err.line}`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    // Decode numeric character references (&#13;) as an XML parser must.
    htmlEntities: true,
    isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name),
  }).parse(xml);
  const root = doc.graphml;
  if (!root) throw new Error('no <graphml> root');
  if (root['@xmlns'] !== 'http://graphml.graphdrawing.org/xmlns') throw new Error('wrong namespace');

  const keys = asArray(root.key).map((k: Record<string, string>) => ({
    id: k['@id']!,
    for: k['@for']!,
    name: k['@attr.name']!,
    type: k['@attr.type']!,
  }));
  const keyById = new Map<string, (typeof keys)[number]>();
  for (const k of keys) {
    if (!NMTOKEN.test(k.id)) throw new Error(`key id "${k.id}" is not an NMTOKEN`);
    if (keyById.has(k.id)) throw new Error(`duplicate key id ${k.id}`);
    if (!['node', 'edge', 'graph', 'graphml', 'all'].includes(k.for))
      throw new Error(`bad key domain ${k.for}`);
    if (!GRAPHML_TYPES.has(k.type)) throw new Error(`bad attr.type ${k.type} on ${k.id}`);
    if (!k.name) throw new Error(`key ${k.id} has no attr.name`);
    keyById.set(k.id, k);
  }

  const graphs = asArray(root.graph);
  if (graphs.length !== 1) throw new Error('expected exactly one <graph>');
  const graph = graphs[0] as Record<string, unknown>;
  if (!['directed', 'undirected'].includes(String(graph['@edgedefault']))) throw new Error('no edgedefault');

  const readData = (owner: 'node' | 'edge', raw: unknown[]): Record<string, string> => {
    const data: Record<string, string> = {};
    for (const d of raw as Record<string, string>[]) {
      const key = keyById.get(d['@key']!);
      if (!key) throw new Error(`data for undeclared key ${d['@key']}`);
      if (key.for !== owner && key.for !== 'all')
        throw new Error(`key ${key.id} is for ${key.for}, used on ${owner}`);
      const value = d['#text'] ?? '';
      if (!fitsType(key.type, value)) throw new Error(`value "${value}" is not a ${key.type} (${key.name})`);
      data[key.name] = value;
    }
    return data;
  };

  const nodes = asArray(graph.node as unknown[]).map((n) => {
    const node = n as Record<string, unknown>;
    return { id: String(node['@id']), data: readData('node', asArray(node.data as unknown[])) };
  });
  const nodeIds = new Set<string>();
  for (const n of nodes) {
    if (!NMTOKEN.test(n.id)) throw new Error(`node id "${n.id}" is not an NMTOKEN`);
    if (nodeIds.has(n.id)) throw new Error(`duplicate node ${n.id}`);
    nodeIds.add(n.id);
  }
  const edges = asArray(graph.edge as unknown[]).map((e) => {
    const edge = e as Record<string, unknown>;
    return {
      id: String(edge['@id']),
      source: String(edge['@source']),
      target: String(edge['@target']),
      data: readData('edge', asArray(edge.data as unknown[])),
    };
  });
  const edgeIds = new Set<string>();
  for (const e of edges) {
    if (edgeIds.has(e.id)) throw new Error(`duplicate edge ${e.id}`);
    edgeIds.add(e.id);
    if (!nodeIds.has(e.source) || !nodeIds.has(e.target)) throw new Error(`edge ${e.id} has a dangling end`);
  }
  return { keys, nodes, edges };
}

// ---------------------------------------------------------------------------------------------
// GEXF 1.3

const GEXF_TYPES = new Set(['integer', 'long', 'float', 'double', 'boolean', 'string']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface ParsedGexf {
  mode: string;
  timeformat: string;
  attributes: { id: string; owner: string; title: string; type: string }[];
  nodes: { id: string; label: string; start?: string; values: Record<string, string> }[];
  edges: {
    id: string;
    source: string;
    target: string;
    label?: string;
    start?: string;
    values: Record<string, string>;
  }[];
}

/**
 * Parses GEXF and enforces what gexf.xsd (1.3) and Gephi need: the 1.3 namespace and version,
 * attribute columns of a legal type declared per class, attvalues only for declared columns and
 * parsing as their type, unique node and edge ids, edges between nodes of the file, and start
 * dates in the graph's timeformat. Values come back by column title.
 */
export function parseGexf(xml: string, version: '1.3' | '1.2draft' = '1.3'): ParsedGexf {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} at line ${valid.err.line}`);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name) => ['attributes', 'attribute', 'node', 'edge', 'attvalue'].includes(name),
  }).parse(xml);
  const root = doc.gexf;
  if (!root) throw new Error('no <gexf> root');
  const ns = version === '1.3' ? 'http://gexf.net/1.3' : 'http://www.gexf.net/1.2draft';
  if (root['@xmlns'] !== ns || root['@version'] !== version.replace('draft', ''))
    throw new Error(`not GEXF ${version}`);
  const graph = root.graph as Record<string, unknown>;
  if (!graph) throw new Error('no <graph>');
  const mode = String(graph['@mode'] ?? 'static');
  const timeformat = String(graph['@timeformat'] ?? 'double');
  const attributes: ParsedGexf['attributes'] = [];
  for (const block of asArray(graph.attributes as Record<string, unknown>[])) {
    const owner = String(block['@class']);
    if (owner !== 'node' && owner !== 'edge') throw new Error(`bad attributes class ${owner}`);
    for (const a of asArray(block.attribute as Record<string, string>[])) {
      if (!GEXF_TYPES.has(a['@type']!)) throw new Error(`bad attribute type ${a['@type']}`);
      if (attributes.some((x) => x.owner === owner && x.id === a['@id']))
        throw new Error(`duplicate attribute ${a['@id']}`);
      attributes.push({ id: a['@id']!, owner, title: a['@title']!, type: a['@type']! });
    }
  }
  const values = (owner: string, element: Record<string, unknown>): Record<string, string> => {
    const out: Record<string, string> = {};
    const holder = element.attvalues as Record<string, unknown> | undefined;
    for (const v of asArray(holder?.attvalue as Record<string, string>[] | undefined)) {
      const column = attributes.find((a) => a.owner === owner && a.id === v['@for']);
      if (!column) throw new Error(`attvalue for undeclared ${owner} attribute ${v['@for']}`);
      const value = v['@value'] ?? '';
      if (!fitsType(column.type, value))
        throw new Error(`value "${value}" is not a ${column.type} (${column.title})`);
      out[column.title] = value;
    }
    return out;
  };
  const checkStart = (start: unknown) => {
    if (start === undefined) return undefined;
    if (timeformat !== 'date' || !DAY.test(String(start)))
      throw new Error(`start "${String(start)}" is not a ${timeformat}`);
    return String(start);
  };
  const nodesBlock = graph.nodes as Record<string, unknown> | undefined;
  const nodes = asArray(nodesBlock?.node as Record<string, unknown>[] | undefined).map((n) => ({
    id: String(n['@id']),
    label: String(n['@label'] ?? ''),
    start: checkStart(n['@start']),
    values: values('node', n),
  }));
  const ids = new Set<string>();
  for (const n of nodes) {
    if (ids.has(n.id)) throw new Error(`duplicate node ${n.id}`);
    ids.add(n.id);
  }
  const edgesBlock = graph.edges as Record<string, unknown> | undefined;
  const edges = asArray(edgesBlock?.edge as Record<string, unknown>[] | undefined).map((e) => ({
    id: String(e['@id']),
    source: String(e['@source']),
    target: String(e['@target']),
    label: e['@label'] === undefined ? undefined : String(e['@label']),
    start: checkStart(e['@start']),
    values: values('edge', e),
  }));
  const edgeIds = new Set<string>();
  for (const e of edges) {
    if (edgeIds.has(e.id)) throw new Error(`duplicate edge ${e.id}`);
    edgeIds.add(e.id);
    if (!ids.has(e.source) || !ids.has(e.target)) throw new Error(`edge ${e.id} has a dangling end`);
  }
  return { mode, timeformat, attributes, nodes, edges };
}

// ---------------------------------------------------------------------------------------------
// NetworkX

/**
 * A Python 3 with NetworkX: `python3` on the PATH, else Debian's (python3-networkx, which
 * scripts/install-networkx.sh installs for CI). Throws, never skips, when there is none.
 */
export function networkxPython(): string {
  for (const python of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(python, ['-c', 'import networkx'], { encoding: 'utf8' });
    if (probe.status === 0) return python;
  }
  throw new Error('no Python 3 with networkx: run scripts/install-networkx.sh (Debian python3-networkx)');
}

export interface NetworkxSummary {
  version: string;
  /** Set (and nothing else but version) when NetworkX could not read the file. */
  error?: string;
  directed: boolean;
  nodes: number;
  edges: number;
  /** Per node id: its attributes as NetworkX read them, with their Python type names. */
  nodeData: Record<string, Record<string, [unknown, string]>>;
  /** Per "source|target" pair: the attributes of (the first) edge between them. */
  edgeData: Record<string, Record<string, [unknown, string]>>;
}

const NETWORKX_SCRIPT = `
import json, sys, networkx as nx
typed = lambda d: {k: [v if isinstance(v, (str, int, float, bool)) or v is None else repr(v), type(v).__name__] for k, v in d.items()}
out = {}
for kind, path in json.loads(sys.argv[1]):
    try:
        g = nx.read_graphml(path) if kind == 'graphml' else nx.read_gexf(path)
    except Exception as e:
        out[path] = {"version": nx.__version__, "error": f"{type(e).__name__}: {e}"}
        continue
    edge_data = {}
    for u, v, d in g.edges(data=True):
        edge_data.setdefault(f"{u}|{v}", typed(d))
    out[path] = {
      "version": nx.__version__, "directed": g.is_directed(),
      "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
      "nodeData": {str(n): typed(d) for n, d in g.nodes(data=True)},
      "edgeData": edge_data,
    }
print(json.dumps(out))
`;

/**
 * Reads GraphML and GEXF files with NetworkX's own readers (`read_graphml`, `read_gexf`), all in
 * one Python run (starting Python with NetworkX takes seconds), and summarises what it read,
 * by file.
 */
export function readWithNetworkx(
  files: readonly { kind: 'graphml' | 'gexf'; file: string }[],
): Record<string, NetworkxSummary> {
  const run = spawnSync(
    networkxPython(),
    ['-c', NETWORKX_SCRIPT, JSON.stringify(files.map((f) => [f.kind, f.file]))],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (run.status !== 0) throw new Error(`networkx could not read the exports: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, NetworkxSummary>;
}

// ---------------------------------------------------------------------------------------------
// Cytoscape.js JSON

const CyNode = z.object({
  data: z.looseObject({ id: z.string().min(1), label: z.string(), type: z.string().min(1) }),
});
const CyEdge = z.object({
  data: z.looseObject({
    id: z.string().min(1),
    source: z.string().min(1),
    target: z.string().min(1),
    type: z.string().min(1),
  }),
});
export const CytoscapeDocument = z.strictObject({
  elements: z.strictObject({ nodes: z.array(CyNode), edges: z.array(CyEdge) }),
});
export type CytoscapeDocument = z.infer<typeof CytoscapeDocument>;

/** Parses and shape-checks Cytoscape.js JSON, then loads it into a headless cytoscape. */
export function parseCytoscape(text: string): { doc: CytoscapeDocument; cy: cytoscape.Core } {
  const doc = CytoscapeDocument.parse(JSON.parse(text));
  const ids = new Set(doc.elements.nodes.map((n) => n.data.id));
  if (ids.size !== doc.elements.nodes.length) throw new Error('duplicate node id');
  for (const e of doc.elements.edges) {
    if (!ids.has(e.data.source) || !ids.has(e.data.target)) throw new Error(`edge ${e.data.id} dangles`);
  }
  const cy = cytoscape({
    headless: true,
    styleEnabled: false,
    elements: doc.elements as cytoscape.ElementsDefinition,
  });
  return { doc, cy };
}

// ---------------------------------------------------------------------------------------------
// PROV-JSON (https://www.w3.org/submissions/prov-json/, sections 2 and 3)

const QualifiedName = z.string().regex(/^[A-Za-z_][\w.-]*:[^\s]*$/, 'a qualified name prefix:local');
const RelationId = z.string().regex(/^(_:[^\s]+|[A-Za-z_][\w.-]*:[^\s]*)$/, 'a qualified name or _:blank id');
const TypedLiteral = z.strictObject({
  $: z.union([z.string(), z.number()]),
  type: QualifiedName.optional(),
  lang: z.string().optional(),
});
const AttributeValue = z.union([z.string(), z.number(), z.boolean(), TypedLiteral]);
const Attributes = z.record(QualifiedName, z.union([AttributeValue, z.array(AttributeValue).min(1)]));
const relation = <T extends z.ZodRawShape>(shape: T) =>
  z.record(RelationId, z.object(shape).catchall(z.union([AttributeValue, z.array(AttributeValue).min(1)])));

export const ProvDocument = z.strictObject({
  prefix: z.record(z.string().regex(/^[A-Za-z_][\w.-]*$/), z.string().regex(/^[a-z][a-z0-9+.-]*:/i)),
  entity: z.record(QualifiedName, Attributes).optional(),
  activity: z.record(QualifiedName, Attributes).optional(),
  agent: z.record(QualifiedName, Attributes).optional(),
  wasAttributedTo: relation({ 'prov:entity': QualifiedName, 'prov:agent': QualifiedName }).optional(),
  wasDerivedFrom: relation({
    'prov:generatedEntity': QualifiedName,
    'prov:usedEntity': QualifiedName,
    'prov:activity': QualifiedName.optional(),
    'prov:generation': RelationId.optional(),
    'prov:usage': RelationId.optional(),
  }).optional(),
  hadMember: relation({ 'prov:collection': QualifiedName, 'prov:entity': QualifiedName }).optional(),
});
export type ProvDocument = z.infer<typeof ProvDocument>;

/**
 * Parses PROV-JSON, checks its shape, then that every qualified name uses a declared prefix (prov
 * and xsd are predefined) and that every relation's ends are records of the right section.
 */
export function parseProv(text: string): ProvDocument {
  const doc = ProvDocument.parse(JSON.parse(text));
  const prefixes = new Set([...Object.keys(doc.prefix), 'prov', 'xsd', '_']);
  const checkName = (name: string) => {
    const prefix = name.slice(0, name.indexOf(':'));
    if (!prefixes.has(prefix)) throw new Error(`undeclared prefix in ${name}`);
  };
  const entities = new Set(Object.keys(doc.entity ?? {}));
  const agents = new Set(Object.keys(doc.agent ?? {}));
  for (const section of [doc.entity, doc.agent]) {
    for (const [id, attributes] of Object.entries(section ?? {})) {
      checkName(id);
      for (const name of Object.keys(attributes)) checkName(name);
    }
  }
  const must = (set: Set<string>, id: string, what: string) => {
    checkName(id);
    if (!set.has(id)) throw new Error(`${what} ${id} does not resolve`);
  };
  for (const r of Object.values(doc.wasAttributedTo ?? {})) {
    must(entities, r['prov:entity'], 'entity');
    must(agents, r['prov:agent'], 'agent');
  }
  for (const r of Object.values(doc.wasDerivedFrom ?? {})) {
    must(entities, r['prov:generatedEntity'], 'entity');
    must(entities, r['prov:usedEntity'], 'entity');
  }
  for (const r of Object.values(doc.hadMember ?? {})) {
    must(entities, r['prov:collection'], 'collection');
    must(entities, r['prov:entity'], 'entity');
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// schema.org JSON-LD

const here = path.dirname(fileURLToPath(import.meta.url));
const schemaOrgContext = JSON.parse(readFileSync(path.join(here, 'schemaorg-context.json'), 'utf8'));

/** Serves the bundled schema.org context for https?://schema.org(/); refuses anything else. */
const offlineLoader = async (url: string) => {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) {
    return { contextUrl: undefined, documentUrl: url, document: schemaOrgContext };
  }
  throw new Error(`offline test: refusing to load ${url}`);
};

/**
 * Expands JSON-LD offline in jsonld's safe mode, which fails on any term the context does not
 * define instead of silently dropping it (the @types package does not know the option yet).
 */
export async function expandJsonLd(doc: object): Promise<unknown[]> {
  const options = { documentLoader: offlineLoader, safe: true } as unknown as jsonld.Options.Expand;
  return (await jsonld.expand(doc as jsonld.JsonLdDocument, options)) as unknown[];
}

/** Every property IRI and @type IRI in an expanded JSON-LD value. */
export function expandedTerms(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => expandedTerms(v, out));
  else if (value && typeof value === 'object') {
    for (const [name, v] of Object.entries(value)) {
      // A value object's @type is its datatype (schema:Date), not a class the document uses.
      if (name === '@type' && !('@value' in value)) out.push(...(Array.isArray(v) ? v : [v]).map(String));
      else if (!name.startsWith('@')) out.push(name);
      if (name !== '@type') expandedTerms(v, out);
    }
  }
  return out;
}
