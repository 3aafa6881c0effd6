/**
 * Exports of the graph, streamed: `streamExport` yields text chunks page by page (see
 * reader.ts), so the CLI can write them to a file and the HTTP layer can pipe them into a
 * response without ever holding the whole graph. docs/exports.md describes the formats.
 */
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { MAX_EXPORT_DEPTH } from './allow-list.js';
import { claimReviewJsonLd } from './claimreview.js';
import { cytoscapeJson } from './cytoscape.js';
import { graphml } from './graphml.js';
import { provJson } from './prov.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_DEPTH, neo4jReader, type GraphReader } from './reader.js';

export { NodeNotFoundError, DEFAULT_BATCH_SIZE, DEFAULT_DEPTH, wholeGraphSize } from './reader.js';

export const EXPORT_FORMATS = ['graphml', 'cytoscape', 'claimreview', 'prov'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface FormatSpec {
  contentType: string;
  /** File name extension the tools expect. */
  extension: string;
  serialise: (reader: GraphReader) => AsyncIterable<string>;
}

export const exportFormats: Record<ExportFormat, FormatSpec> = {
  graphml: {
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    serialise: graphml,
  },
  // Cytoscape desktop recognises .cyjs as Cytoscape.js JSON.
  cytoscape: { contentType: 'application/json; charset=utf-8', extension: 'cyjs', serialise: cytoscapeJson },
  claimreview: {
    contentType: 'application/ld+json; charset=utf-8',
    extension: 'jsonld',
    serialise: claimReviewJsonLd,
  },
  // PROV-JSON has no registered media type; its submission serves it as JSON.
  prov: { contentType: 'application/json; charset=utf-8', extension: 'prov.json', serialise: provJson },
};

export const ExportOptions = z.object({
  format: z.enum(EXPORT_FORMATS),
  /** Export only the neighbourhood of the node with this key; the whole graph when absent. */
  nodeKey: z.string().min(1).optional(),
  /** Hops around `nodeKey` (default 2). */
  depth: z.number().int().min(0).max(MAX_EXPORT_DEPTH).optional(),
  /** Rows per read transaction (default 500). */
  batchSize: z.number().int().min(1).max(100_000).optional(),
});
export type ExportOptions = z.input<typeof ExportOptions>;

export interface PreparedExport {
  contentType: string;
  /** A suggested file name, e.g. for Content-Disposition. */
  fileName: string;
  chunks: AsyncIterable<string>;
}

/**
 * Validates the options and checks the start node exists before anything is written, so an
 * HTTP handler can still answer 400/404 instead of a broken half-sent body. Throws a ZodError
 * for bad options and NodeNotFoundError for an unknown key.
 */
export async function prepareExport(
  db: Database,
  input: ExportOptions,
  hooks: ExportHooks = {},
): Promise<PreparedExport> {
  const options = ExportOptions.parse(input);
  const spec = exportFormats[options.format];
  let reader = await neo4jReader(db, {
    nodeKey: options.nodeKey,
    depth: options.depth ?? DEFAULT_DEPTH,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
  });
  if (hooks.onNodesAndEdges) reader = countingReader(reader, hooks.onNodesAndEdges);
  return {
    contentType: spec.contentType,
    fileName: `claim-graph.${spec.extension}`,
    chunks: spec.serialise(reader),
  };
}

export interface ExportHooks {
  /** Called with the size of every page of nodes or edges the serialiser reads (CLI progress). */
  onNodesAndEdges?: (count: number) => void;
}

/** The reader with its node and edge pages counted as they are consumed. */
function countingReader(reader: GraphReader, count: (n: number) => void): GraphReader {
  async function* counted<T>(pages: AsyncIterable<T[]>) {
    for await (const page of pages) {
      count(page.length);
      yield page;
    }
  }
  return { ...reader, nodes: () => counted(reader.nodes()), edges: () => counted(reader.edges()) };
}

/** The export as text chunks; errors from prepareExport surface on the first iteration. */
export async function* streamExport(db: Database, options: ExportOptions): AsyncGenerator<string> {
  const prepared = await prepareExport(db, options);
  for await (const chunk of prepared.chunks) if (chunk !== '') yield chunk;
}

/** The content type of a format, for the HTTP layer. */
export function contentTypeOf(format: ExportFormat): string {
  return exportFormats[format].contentType;
}
