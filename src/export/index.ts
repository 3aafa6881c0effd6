/**
 * Exports of the graph, streamed: `streamExport` yields text chunks page by page (see
 * reader.ts), so the CLI can write them to a file and the HTTP layer can pipe them into a
 * response without ever holding the whole graph. docs/exports.md describes the formats.
 */
import { z } from 'zod';
import type { Database } from '../db/database.js';
import { agentNetworkGraphml } from './agents.js';
import { MAX_EXPORT_DEPTH } from './allow-list.js';
import { claimReviewJsonLd, type OmittedReview } from './claimreview.js';
import { cytoscapeJson } from './cytoscape.js';
import { GEXF_VERSIONS, gexf } from './gexf.js';
import { graphml } from './graphml.js';
import { EXPORT_PROFILES, LEAN_EXTRAS, leanReader } from './profile.js';
import { provJson } from './prov.js';
import { DEFAULT_BATCH_SIZE, DEFAULT_DEPTH, neo4jReader, type GraphReader } from './reader.js';

export { NodeNotFoundError, DEFAULT_BATCH_SIZE, DEFAULT_DEPTH, wholeGraphSize } from './reader.js';
export { EXPORT_PROFILES, LEAN_EXTRAS } from './profile.js';
export type { OmittedReview } from './claimreview.js';

export const EXPORT_FORMATS = ['graphml', 'gexf', 'cytoscape', 'agents', 'claimreview', 'prov'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

interface FormatSpec {
  contentType: string;
  /** File name extension the tools expect. */
  extension: string;
  /** Whether the lean/full profile applies (the whole-graph formats for graph tools). */
  profiled: boolean;
  serialise: (reader: GraphReader, hooks: ExportHooks, options: ParsedOptions) => AsyncIterable<string>;
}

export const exportFormats: Record<ExportFormat, FormatSpec> = {
  graphml: {
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'graphml',
    profiled: true,
    serialise: graphml,
  },
  // GEXF has no registered media type; Gephi goes by the extension.
  gexf: {
    contentType: 'application/xml; charset=utf-8',
    extension: 'gexf',
    profiled: true,
    serialise: (reader, _hooks, options) => gexf(options.gexfVersion)(reader),
  },
  // Cytoscape desktop recognises .cyjs as Cytoscape.js JSON.
  cytoscape: {
    contentType: 'application/json; charset=utf-8',
    extension: 'cyjs',
    profiled: true,
    serialise: cytoscapeJson,
  },
  agents: {
    contentType: 'application/graphml+xml; charset=utf-8',
    extension: 'agents.graphml',
    profiled: false,
    serialise: agentNetworkGraphml,
  },
  claimreview: {
    contentType: 'application/ld+json; charset=utf-8',
    extension: 'jsonld',
    profiled: false,
    serialise: (reader, hooks) =>
      claimReviewJsonLd({ urlBase: hooks.claimReviewUrlBase, onOmitted: hooks.onOmittedReview })(reader),
  },
  // PROV-JSON has no registered media type; its submission serves it as JSON.
  prov: {
    contentType: 'application/json; charset=utf-8',
    extension: 'prov.json',
    profiled: false,
    serialise: provJson,
  },
};

export const PROFILED_FORMATS = EXPORT_FORMATS.filter((f) => exportFormats[f].profiled);

export const ExportOptions = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    /** Export only the neighbourhood of the node with this key; the whole graph when absent. */
    nodeKey: z.string().min(1).optional(),
    /** Hops around `nodeKey` (default 2). */
    depth: z.number().int().min(0).max(MAX_EXPORT_DEPTH).optional(),
    /** Rows per read transaction (default 500). */
    batchSize: z.number().int().min(1).max(100_000).optional(),
    /** lean (default) or full; GraphML, GEXF and Cytoscape only (src/export/profile.ts). */
    profile: z.enum(EXPORT_PROFILES).optional(),
    /** What a lean export puts back: tellings, revisions. */
    include: z.array(z.enum(LEAN_EXTRAS)).optional(),
    /** GEXF only: 1.3 (default) or 1.2draft (for NetworkX before 3.0). */
    gexfVersion: z.enum(GEXF_VERSIONS).optional(),
  })
  .superRefine((o, ctx) => {
    const profiled = exportFormats[o.format].profiled;
    if (!profiled && o.profile !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['profile'],
        message: `profiles apply to ${PROFILED_FORMATS.join(', ')} only, not ${o.format}`,
      });
    }
    if (o.include !== undefined && o.include.length > 0 && (!profiled || o.profile === 'full')) {
      ctx.addIssue({
        code: 'custom',
        path: ['include'],
        message: `include applies to the lean profile of ${PROFILED_FORMATS.join(', ')} only`,
      });
    }
    if (o.gexfVersion !== undefined && o.format !== 'gexf') {
      ctx.addIssue({ code: 'custom', path: ['gexfVersion'], message: 'applies to gexf only' });
    }
  });
type ParsedOptions = z.output<typeof ExportOptions>;
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
  if (spec.profiled && (options.profile ?? 'lean') === 'lean') {
    reader = leanReader(reader, options.include, options.nodeKey !== undefined);
  }
  if (hooks.onNodesAndEdges) reader = countingReader(reader, hooks.onNodesAndEdges);
  return {
    contentType: spec.contentType,
    fileName: `claim-graph.${spec.extension}`,
    chunks: spec.serialise(reader, hooks, options),
  };
}

export interface ExportHooks {
  /** Called with the size of every page of nodes or edges the serialiser reads (CLI progress). */
  onNodesAndEdges?: (count: number) => void;
  /** Where fact-check pages are published (config CLAIMREVIEW_URL_BASE): ClaimReview `url`. */
  claimReviewUrlBase?: string;
  /** Called for each ClaimReview left out for want of a required property, with why. */
  onOmittedReview?: (omitted: OmittedReview) => void;
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
export async function* streamExport(
  db: Database,
  options: ExportOptions,
  hooks: ExportHooks = {},
): AsyncGenerator<string> {
  const prepared = await prepareExport(db, options, hooks);
  for await (const chunk of prepared.chunks) if (chunk !== '') yield chunk;
}

/** The content type of a format, for the HTTP layer. */
export function contentTypeOf(format: ExportFormat): string {
  return exportFormats[format].contentType;
}
