/**
 * Export profiles for the graph-tool formats (GraphML, GEXF, Cytoscape). `full` writes the graph
 * as stored. `lean` (the default) writes what a layout in Gephi, Cytoscape or NetworkX needs:
 *
 * - no stored input document (the article's frame and each claim's part of it, with its
 *   place: `document`, `documentIndex`; src/domain/stored-document.ts) and no article `text`;
 * - no Telling and no Revision nodes unless asked for (`include`). Without tellings, each
 *   telling becomes one `TOLD_BY` edge from its claim to the agent who told it, carrying the
 *   telling's `hop`, `role`, `anonymous` and `isOrigin`, so who said what stays one hop away;
 * - structured grades: `gradeFactors` and `originGroups` as lists of objects instead of JSON
 *   text, plus one typed number per factor (`factor_<name>`, the sum of its effects) that a
 *   GraphML or GEXF attribute column can hold.
 */
import type { Plain } from '../db/convert.js';
import { FACTOR_NAMES } from '../domain/grading.js';
import { labelOfKey, type NodeLabel } from '../domain/model.js';
import type { GraphReader } from './reader.js';
import type { ExportEdge, ExportNode, PropertyType } from './rows.js';

export const EXPORT_PROFILES = ['lean', 'full'] as const;
export type ExportProfile = (typeof EXPORT_PROFILES)[number];

/** What a lean export may put back. */
export const LEAN_EXTRAS = ['tellings', 'revisions'] as const;
export type LeanExtra = (typeof LEAN_EXTRAS)[number];

/** Article properties a lean export leaves out. */
const BULKY_ARTICLE_PROPERTIES = new Set(['document', 'text']);
/** Properties of any node a lean export leaves out: the stored input document, in parts. */
const STORED_INPUT_PROPERTIES = new Set(['document', 'documentIndex']);
/** Claim properties stored as JSON text that a lean export writes as structures. */
const JSON_PROPERTIES = new Set(['gradeFactors', 'originGroups']);

export const factorAttribute = (factor: string) => `factor_${factor}`;

/** The attributes of a derived claim-to-agent TOLD_BY edge, with their Cypher value types. */
const DERIVED_EDGE_TYPES: PropertyType[] = [
  { owner: 'edge', name: 'hop', type: 'INTEGER NOT NULL' },
  { owner: 'edge', name: 'role', type: 'STRING NOT NULL' },
  { owner: 'edge', name: 'anonymous', type: 'BOOLEAN NOT NULL' },
  { owner: 'edge', name: 'isOrigin', type: 'BOOLEAN NOT NULL' },
  { owner: 'edge', name: 'saidAt', type: 'STRING NOT NULL' },
];

function parseJson(value: Plain | undefined): Plain | undefined {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as Plain;
  } catch {
    return value;
  }
}

/** The lean properties of one node (see the module comment). */
export function leanProps(type: NodeLabel, props: Record<string, Plain>): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const [name, value] of Object.entries(props)) {
    if (STORED_INPUT_PROPERTIES.has(name)) continue;
    if (type === 'Article' && BULKY_ARTICLE_PROPERTIES.has(name)) continue;
    out[name] = JSON_PROPERTIES.has(name) ? (parseJson(value) ?? null) : value;
  }
  const factors = out.gradeFactors;
  if (Array.isArray(factors)) {
    const sums = new Map<string, number>();
    for (const f of factors) {
      if (f && typeof f === 'object' && !Array.isArray(f) && typeof f.factor === 'string') {
        sums.set(f.factor, (sums.get(f.factor) ?? 0) + (typeof f.effect === 'number' ? f.effect : 0));
      }
    }
    // Rounded so sums of decimal effects read as they were written (0.1 + 0.2, not 0.30000000000000004).
    for (const [factor, sum] of sums) out[factorAttribute(factor)] = Math.round(sum * 1e9) / 1e9;
  }
  return out;
}

/** The edge id built from keys: the same relationship gets the same id in every export. */
export function edgeId(source: string, type: string, target: string): string {
  return `${source}-${type}->${target}`;
}

/**
 * A reader that yields the lean profile of `reader`'s graph. `scoped` (a neighbourhood export):
 * a derived edge is written only when both its ends were written as nodes, which needs the
 * neighbourhood's keys in memory; a whole-graph export writes every claim and agent, so it
 * keeps nothing.
 */
export function leanReader(
  reader: GraphReader,
  include: readonly LeanExtra[] = [],
  scoped = false,
): GraphReader {
  const dropped = new Set<NodeLabel>();
  if (!include.includes('tellings')) dropped.add('Telling');
  if (!include.includes('revisions')) dropped.add('Revision');
  const written = scoped ? new Set<string>() : undefined;
  const keeps = (key: string) => {
    const label = labelOfKey(key);
    return label === null || !dropped.has(label);
  };

  return {
    ...reader,
    async propertyTypes() {
      const types = (await reader.propertyTypes()).filter(
        (t) => !(t.owner === 'node' && STORED_INPUT_PROPERTIES.has(t.name)),
      );
      const factors = FACTOR_NAMES.map((f): PropertyType => ({
        owner: 'node',
        name: factorAttribute(f),
        type: 'FLOAT NOT NULL',
      }));
      return [...types, ...factors, ...(dropped.has('Telling') ? DERIVED_EDGE_TYPES : [])];
    },
    async *nodes() {
      for await (const page of reader.nodes()) {
        const kept: ExportNode[] = page
          .filter((n) => !dropped.has(n.type))
          .map((n) => ({ ...n, props: leanProps(n.type, n.props) }));
        if (written) for (const n of kept) written.add(n.key);
        if (kept.length > 0) yield kept;
      }
    },
    async *edges() {
      for await (const page of reader.edges()) {
        const kept = page.filter((e) => keeps(e.source) && keeps(e.target));
        if (kept.length > 0) yield kept;
      }
      if (!dropped.has('Telling')) return;
      for await (const page of reader.tellings()) {
        const derived: ExportEdge[] = [];
        for (const t of page) {
          if (!t.claim || !t.agentKey) continue;
          if (written && !(written.has(t.claim.key) && written.has(t.agentKey))) continue;
          const props: Record<string, Plain> = {};
          for (const name of ['hop', 'role', 'anonymous', 'isOrigin'] as const) {
            const value = t.props[name];
            if (value !== undefined && value !== null) props[name] = value;
          }
          if (t.claim.saidAt) props.saidAt = t.claim.saidAt;
          derived.push({
            // Not the telling's own TOLD_BY id (that edge starts at the telling).
            id: edgeId(t.claim.key, `TOLD_BY@${String(t.props.hop ?? '')}`, t.agentKey),
            type: 'TOLD_BY',
            source: t.claim.key,
            target: t.agentKey,
            props,
          });
        }
        if (derived.length > 0) yield derived;
      }
    },
  };
}
