/**
 * Extracts a draft ArticleDocument from an article file and prints it as JSON.
 *
 *   npm run extract -- <file> [--url U --title T --publisher P --date D] [--out file] [--ingest]
 *
 * With --ingest it provisions Neo4j like `npm start`, resolves the draft's actors against the
 * graph's existing actors and aliases, and ingests the drafts (status `draft`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type ArticleMeta, extractDocument } from './build.js';

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      title: { type: 'string' },
      publisher: { type: 'string' },
      date: { type: 'string' },
      language: { type: 'string' },
      author: { type: 'string' },
      out: { type: 'string' },
      ingest: { type: 'boolean' },
    },
  });
  const file = positionals[0];
  if (!file) {
    process.stderr.write(
      'usage: tsx src/extract/cli.ts <file> [--url U --title T --publisher P --date D] [--out file]\n',
    );
    process.exit(2);
  }
  const meta: ArticleMeta = {};
  for (const key of ['url', 'title', 'publisher', 'date', 'language', 'author'] as const) {
    const v = values[key];
    if (v !== undefined) meta[key] = v;
  }
  const raw = readFileSync(file, 'utf8');
  let doc = extractDocument(raw, meta, { fileName: file });
  if (values.ingest) {
    const { loadConfig } = await import('../config.js');
    const { createLogger } = await import('../log.js');
    const { startDatabase } = await import('../app.js');
    const { extractIntoGraph } = await import('../graph/extraction.js');
    const config = loadConfig();
    const started = await startDatabase(config, createLogger(config));
    try {
      const result = await extractIntoGraph(started.db, raw, meta, { fileName: file, ingest: true });
      doc = result.document;
      process.stderr.write(
        `ingested ${result.ingested?.claims ?? 0} draft claims into ${result.ingested?.articleKey}; ` +
          `${result.matches.length} actors joined existing nodes\n`,
      );
    } finally {
      await started.close();
    }
  }
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else process.stdout.write(json);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
