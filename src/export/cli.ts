/**
 * `npm run export -- <format> [--node <key>] [--depth N] [--profile lean|full] [--include tellings,revisions]
 *   [--batch N] [--out file]`
 * Writes the export to --out (or stdout), chunk by chunk with back-pressure, so memory stays at
 * one page however large the graph. Connects the way `npm start` does (src/db/provision.ts).
 * Options are checked before Neo4j is touched; progress goes to stderr when it is a terminal.
 */
import { createWriteStream, statSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CommandError, EXIT, Progress, runCommand, UsageError, wholeNumber } from '../cli-kit.js';
import { MAX_EXPORT_DEPTH } from './allow-list.js';
import { EXPORT_FORMATS, EXPORT_PROFILES, ExportOptions, LEAN_EXTRAS, PROFILED_FORMATS } from './index.js';

const spec = {
  name: 'npm run export --',
  synopsis:
    `<${EXPORT_FORMATS.join('|')}> [--node <key>] [--depth N] [--profile ${EXPORT_PROFILES.join('|')}]` +
    ` [--include ${LEAN_EXTRAS.join(',')}] [--gexf-version 1.3|1.2draft] [--batch N] [--out file]`,
  description:
    'Streams an export of the graph (docs/exports.md) to --out or stdout, one page of rows at a time.',
  options: {
    node: { type: 'string' },
    depth: { type: 'string' },
    batch: { type: 'string' },
    profile: { type: 'string' },
    include: { type: 'string' },
    'gexf-version': { type: 'string' },
    out: { type: 'string', short: 'o' },
  },
  optionHelp: {
    node: 'export only the neighbourhood of the node with this key',
    depth: `hops around --node, 0 to ${MAX_EXPORT_DEPTH} (default 2)`,
    batch: 'rows per read transaction, 1 to 100000 (default 500)',
    profile: `${PROFILED_FORMATS.join(', ')}: lean (default; no article document, tellings or revisions, structured grades) or full`,
    include: `what a lean export puts back, comma-separated: ${LEAN_EXTRAS.join(', ')}`,
    'gexf-version': 'gexf: 1.3 (default) or 1.2draft (for NetworkX before 3.0)',
    out: 'write to this file instead of stdout',
  },
} as const;

void runCommand(spec, async ({ values, positionals }) => {
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? 'give a format' : `one format only, got ${positionals.length}`,
    );
  }
  const parsed = ExportOptions.safeParse({
    format: positionals[0],
    nodeKey: values.node,
    depth: wholeNumber(values.depth, 'depth', { max: MAX_EXPORT_DEPTH }),
    batchSize: wholeNumber(values.batch, 'batch', { min: 1, max: 100_000 }),
    profile: values.profile,
    include: values.include?.split(',').map((s) => s.trim()),
    gexfVersion: values['gexf-version'],
  });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'format'}: ${i.message}`).join('; '),
    );
  }
  if (values.out !== undefined) checkWritable(values.out);

  // Imported only now: --help and bad arguments load neither the driver nor the configuration.
  const { loadConfig } = await import('../config.js');
  const { connect } = await import('../db/database.js');
  const { provisionNeo4j } = await import('../db/provision.js');
  const { NodeNotFoundError, prepareExport, wholeGraphSize } = await import('./index.js');
  const config = loadConfig();
  const target = await provisionNeo4j(config, { log: (m) => process.stderr.write(`[neo4j] ${m}\n`) });
  const db = connect(target, config);
  try {
    const progress = new Progress(`export ${parsed.data.format} (nodes + edges)`);
    if (progress.enabled && parsed.data.nodeKey === undefined) progress.total = await wholeGraphSize(db);
    let omitted = 0;
    const prepared = await prepareExport(db, parsed.data, {
      onNodesAndEdges: (n) => progress.tick(n),
      claimReviewUrlBase: config.CLAIMREVIEW_URL_BASE,
      onOmittedReview: (o) => {
        omitted += 1;
        process.stderr.write(`left out the review ${o.key}: ${o.reasons.join('; ')}\n`);
      },
    });
    const sink = values.out ? createWriteStream(values.out) : process.stdout;
    await pipeline(Readable.from(prepared.chunks), sink);
    progress.finish();
    if (parsed.data.format === 'claimreview') {
      process.stderr.write(`claimreview: ${omitted} review(s) left out for want of a required property\n`);
    }
    if (values.out) process.stderr.write(`wrote ${values.out} (${prepared.contentType})\n`);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof NodeNotFoundError) throw new CommandError(error.message);
    // stdout closed early (`... | head`): the reader has what it wanted.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return EXIT.ok;
    throw error;
  } finally {
    await db.close();
    await target.stop();
  }
});

/** --out must name a file in an existing folder, checked before the database starts. */
function checkWritable(file: string): void {
  const dir = path.dirname(path.resolve(file));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new UsageError(`--out ${file}: the folder ${path.dirname(file)} does not exist`);
}
