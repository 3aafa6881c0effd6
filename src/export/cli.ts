/**
 * `tsx src/export/cli.ts <format> [--node <key>] [--depth N] [--batch N] [--out file]`
 * Writes the export to --out (or stdout), chunk by chunk with back-pressure, so memory stays at
 * one page however large the graph. Connects the way `npm start` does (src/db/provision.ts).
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { connect } from '../db/database.js';
import { provisionNeo4j } from '../db/provision.js';
import { EXPORT_FORMATS, ExportOptions, NodeNotFoundError, prepareExport } from './index.js';

const USAGE = `usage: tsx src/export/cli.ts <${EXPORT_FORMATS.join('|')}> [--node <key>] [--depth N] [--batch N] [--out file]`;

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number`);
  return Number(value);
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      node: { type: 'string' },
      depth: { type: 'string' },
      batch: { type: 'string' },
      out: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const parsed = ExportOptions.safeParse({
    format: positionals[0],
    nodeKey: values.node,
    depth: integer(values.depth, 'depth'),
    batchSize: integer(values.batch, 'batch'),
  });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `${i.path.join('.') || 'format'}: ${i.message}`).join('\n'));
    console.error(USAGE);
    return 2;
  }

  const config = loadConfig();
  const target = await provisionNeo4j(config, { log: (m) => console.error(`[neo4j] ${m}`) });
  const db = connect(target, config);
  try {
    const prepared = await prepareExport(db, parsed.data);
    const sink = values.out ? createWriteStream(values.out) : process.stdout;
    await pipeline(Readable.from(prepared.chunks), sink);
    if (values.out) console.error(`wrote ${values.out} (${prepared.contentType})`);
    return 0;
  } catch (error) {
    if (error instanceof NodeNotFoundError) {
      console.error(error.message);
      return 1;
    }
    // stdout closed early (`... | head`): the reader has what it wanted.
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
    throw error;
  } finally {
    await db.close();
    await target.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
