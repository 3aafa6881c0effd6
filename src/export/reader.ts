/**
 * Where exports read the graph from. Every method yields pages (arrays of at most `batchSize`
 * rows) fetched one read transaction at a time, in key order, resuming after the last key seen:
 * the client holds one page, never the graph. Serialisers only see this interface, so unit tests
 * feed them arrays (see `arrayReader`) and need no database.
 *
 * Pages are separate transactions, so a write landing mid-export can show up in later pages
 * only (an edge to a node written after its label's pages were read). Holding one transaction
 * for a whole export would instead hit the transaction timeout on a large graph.
 */
import type { z } from 'zod';
import type { Database, Row } from '../db/database.js';
import { AGENT_LABELS, NODE_LABELS, exportQuery, labelsBefore, type NodeLabel } from './allow-list.js';
import { edgeId } from './profile.js';
import {
  AgentRow,
  ArticleRow,
  AgentLinkRow,
  ClaimReviewRow,
  EdgePageRow,
  ExportNode,
  PropertyType,
  TellingRow,
  type ExportEdge,
} from './rows.js';

export interface GraphReader {
  /** Every property name of exported nodes and edges, with its value types. */
  propertyTypes(): Promise<PropertyType[]>;
  nodes(): AsyncIterable<ExportNode[]>;
  edges(): AsyncIterable<ExportEdge[]>;
  tellings(): AsyncIterable<TellingRow[]>;
  articles(): AsyncIterable<ArticleRow[]>;
  agents(): AsyncIterable<AgentRow[]>;
  claimReviews(): AsyncIterable<ClaimReviewRow[]>;
  /** Who quoted or relayed whom, per agent (the agent network). */
  agentLinks(): AsyncIterable<AgentLinkRow[]>;
}

export interface ReaderScope {
  /** Export only the neighbourhood of the node with this key; the whole graph when absent. */
  nodeKey?: string;
  /** Hops from `nodeKey` (default 2). */
  depth?: number;
  /** Rows per page, i.e. per read transaction (default 500). */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 500;
export const DEFAULT_DEPTH = 2;

export class NodeNotFoundError extends Error {
  constructor(readonly nodeKey: string) {
    super(`no node with key "${nodeKey}"`);
    this.name = 'NodeNotFoundError';
  }
}

/** A reader over Neo4j. Throws NodeNotFoundError up front when `nodeKey` matches nothing. */
export async function neo4jReader(db: Database, scope: ReaderScope = {}): Promise<GraphReader> {
  const batch = scope.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batch) || batch < 1) throw new Error('batchSize must be a positive integer');
  const hood =
    scope.nodeKey === undefined ? undefined : { nodeKey: scope.nodeKey, depth: scope.depth ?? DEFAULT_DEPTH };
  if (hood) {
    const found = await db.read((tx) => tx.rows(exportQuery('find-node'), { nodeKey: hood.nodeKey }));
    if (found.length === 0) throw new NodeNotFoundError(hood.nodeKey);
  }

  /** Pages of one query, resuming after the last key, until a short page. */
  async function* pages<T>(query: string, parse: z.ZodType<T, unknown>, extra: Record<string, unknown> = {}) {
    let after = '';
    for (;;) {
      const rows: Row[] = await db.read((tx) =>
        tx.rows(query, {
          ...extra,
          ...(hood && { nodeKey: hood.nodeKey }),
          after,
          // Whole numbers travel as Cypher integers (src/db/database.ts toParams), as LIMIT needs.
          batch,
          labels: [...NODE_LABELS],
          agentLabels: [...AGENT_LABELS],
        }),
      );
      const parsed = rows.map((r) => parse.parse(r));
      if (parsed.length > 0) yield parsed;
      if (rows.length < batch) return;
      after = String(rows[rows.length - 1]?.key);
    }
  }

  /** The whole-graph query per label, or the neighbourhood query once. */
  async function* perLabel<T>(
    name: string,
    labels: readonly NodeLabel[],
    parse: (label: NodeLabel | undefined) => z.ZodType<T, unknown>,
  ): AsyncGenerator<T[]> {
    if (hood) {
      yield* pages(exportQuery(`hood-${name}`, { depth: hood.depth }), parse(undefined));
      return;
    }
    for (const label of labels) {
      yield* pages(exportQuery(name, { label }), parse(label), { earlierLabels: labelsBefore(label) });
    }
  }

  const scoped = (name: string) =>
    hood ? exportQuery(`hood-${name}`, { depth: hood.depth }) : exportQuery(name);

  return {
    async propertyTypes() {
      const rows = await db.read((tx) => tx.rows(scoped('property-types'), hood ?? {}));
      return rows.map((r) => PropertyType.parse(r));
    },
    nodes: () =>
      perLabel('nodes', NODE_LABELS, (label) =>
        label === undefined
          ? ExportNode
          : ExportNode.omit({ type: true }).transform((n) => ({ ...n, type: label })),
      ),
    async *edges() {
      for await (const page of perLabel('edges', NODE_LABELS, () => EdgePageRow)) {
        const edges = page.flatMap((row) => withKeyIds(row.key, row.edges));
        if (edges.length > 0) yield edges;
      }
    },
    tellings: () => pages(scoped('tellings'), TellingRow),
    articles: () => pages(scoped('articles'), ArticleRow),
    agents: () => perLabel('agents', AGENT_LABELS, () => AgentRow),
    claimReviews: () => pages(scoped('claim-reviews'), ClaimReviewRow),
    agentLinks: () => pages(scoped('agent-links'), AgentLinkRow),
  };
}

/**
 * A start node's relationships with ids made from keys (`<source>-<TYPE>-><target>`), stable
 * across exports and databases, unlike element ids. Two relationships of one type between the
 * same nodes (the model has none today) get `#2`, `#3`... in the order of their properties, so
 * the ids stay unique and still do not depend on storage order.
 */
export function withKeyIds(
  source: string,
  edges: readonly Omit<ExportEdge, 'id' | 'source'>[],
): ExportEdge[] {
  const byId = new Map<string, Omit<ExportEdge, 'id' | 'source'>[]>();
  for (const e of edges) {
    const id = edgeId(source, e.type, e.target);
    byId.set(id, [...(byId.get(id) ?? []), e]);
  }
  const out: ExportEdge[] = [];
  for (const [id, same] of byId) {
    const ordered =
      same.length === 1
        ? same
        : [...same].sort((a, b) => JSON.stringify(a.props).localeCompare(JSON.stringify(b.props)));
    ordered.forEach((e, i) => out.push({ ...e, source, id: i === 0 ? id : `${id}#${i + 1}` }));
  }
  return out;
}

/**
 * Nodes plus relationships of the whole graph, read from the count store (fast at any size):
 * the total behind the CLI's progress and ETA. Neighbourhood exports have no cheap total.
 */
export async function wholeGraphSize(db: Database): Promise<number> {
  const [row] = await db.read((tx) => tx.rows(exportQuery('count')));
  return Number(row?.nodes ?? 0) + Number(row?.edges ?? 0);
}

/** A reader over arrays, paged like the Neo4j one: for serialiser unit tests. */
export function arrayReader(
  graph: {
    propertyTypes?: PropertyType[];
    nodes?: ExportNode[];
    edges?: ExportEdge[];
    tellings?: TellingRow[];
    articles?: ArticleRow[];
    agents?: AgentRow[];
    claimReviews?: ClaimReviewRow[];
    agentLinks?: AgentLinkRow[];
  },
  batchSize = 2,
): GraphReader {
  async function* paged<T>(items: T[] = []) {
    for (let i = 0; i < items.length; i += batchSize) yield items.slice(i, i + batchSize);
  }
  return {
    propertyTypes: async () => graph.propertyTypes ?? [],
    nodes: () => paged(graph.nodes),
    edges: () => paged(graph.edges),
    tellings: () => paged(graph.tellings),
    articles: () => paged(graph.articles),
    agents: () => paged(graph.agents),
    claimReviews: () => paged(graph.claimReviews),
    agentLinks: () => paged(graph.agentLinks),
  };
}
