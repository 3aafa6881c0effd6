/**
 * The neighbourhood of a node to depth N as `{ nodes, edges }`, for graph visualisation tools.
 * Breadth-first, one bounded round trip per level (depth is capped by MAX_NEIGHBOURHOOD_DEPTH),
 * with a cap on neighbours per node and on nodes overall so a hub cannot blow up the answer.
 */
import type { Database } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import type { Plain } from '../db/convert.js';
import { GRAPH_NODE_LABELS, type GraphNodeLabel } from '../domain/model.js';

export type GraphNodeType = GraphNodeLabel;

export interface GraphNode {
  key: string;
  type: GraphNodeType;
  label: string;
  properties: Record<string, Plain>;
}

export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
}

export interface Neighbourhood {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when a cap cut the neighbourhood short. */
  truncated: boolean;
}

/**
 * Relationships read per node and step before choosing its first `perNode` by key: a hub's
 * neighbours beyond this many are not considered (the answer says `truncated`), which keeps a
 * step's cost independent of the graph's size. Measured on the 1M-claim corpus: see BENCHMARKS.md.
 */
export const SCAN_CAP = 1000;

const HIDDEN_PROPERTIES = new Set(['contentHash', 'nameKeys', 'aliasText', 'document', 'documentIndex']);

export async function neighbourhood(
  db: Database,
  key: string,
  options: { depth: number; maxNodes: number; perNode: number },
): Promise<Neighbourhood | null> {
  return db.read(async (tx) => {
    const [start] = await tx.rows(cypher('graph/start'), { key });
    if (!start) return null;
    const nodes = new Map<string, GraphNode>();
    const edges = new Map<string, GraphEdge>();
    const keyOfId = new Map<string, string>();
    let truncated = false;
    const add = (id: string, props: Record<string, Plain>, labels: string[]) => {
      if (keyOfId.has(id)) return false;
      const type = GRAPH_NODE_LABELS.find((t) => labels.includes(t));
      if (!type || typeof props.key !== 'string') return false;
      keyOfId.set(id, props.key);
      nodes.set(props.key, {
        key: props.key,
        type,
        label: displayLabel(type, props),
        properties: visible(props),
      });
      return true;
    };
    add(String(start.id), start.props as Record<string, Plain>, start.labels as string[]);
    let frontier = [String(start.id)];
    for (let level = 0; level < options.depth && frontier.length > 0; level++) {
      const rows = await tx.rows(cypher('graph/expand'), {
        frontier,
        perNode: options.perNode + 1,
        scanCap: SCAN_CAP,
      });
      const next: string[] = [];
      const perSource = new Map<string, number>();
      for (const r of rows) {
        const id = String(r.id);
        const from = String(r.fromId) === id ? String(r.toId) : String(r.fromId);
        const seen = (perSource.get(from) ?? 0) + 1;
        perSource.set(from, seen);
        if (seen > options.perNode) {
          truncated = true;
          continue;
        }
        if (!keyOfId.has(id)) {
          if (nodes.size >= options.maxNodes) {
            truncated = true;
            continue;
          }
          if (add(id, r.props as Record<string, Plain>, r.labels as string[])) next.push(id);
        }
        const source = keyOfId.get(String(r.fromId));
        const target = keyOfId.get(String(r.toId));
        if (source && target) {
          const edgeId = `${source}-${String(r.type)}->${target}`;
          edges.set(edgeId, { id: edgeId, type: String(r.type), source, target });
        }
      }
      frontier = next;
    }
    return { nodes: [...nodes.values()], edges: [...edges.values()], truncated };
  });
}

function visible(props: Record<string, Plain>): Record<string, Plain> {
  return Object.fromEntries(
    Object.entries(props).filter(([k, v]) => !HIDDEN_PROPERTIES.has(k) && v !== null),
  );
}

function displayLabel(type: GraphNodeType, p: Record<string, Plain>): string {
  const text = (v: Plain | undefined) => (typeof v === 'string' ? v : '');
  switch (type) {
    case 'Claim':
      return truncate(text(p.quote) || text(p.text));
    case 'Telling':
      return `${text(p.role)} (hop ${String(p.hop)})`;
    case 'Article':
      return truncate(text(p.title));
    case 'Assessment':
      return `${text(p.verdict)} (${text(p.reviewer)})`;
    default:
      return text(p.name) || text(p.key);
  }
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
