/**
 * Extracts a draft ArticleDocument from an article file and prints it as JSON.
 *
 *   tsx src/extract/cli.ts <file> [--url U --title T --publisher P --date D] [--out file]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type ArticleMeta, extractDocument } from './build.js';

function main(argv: string[]): void {
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
  const doc = extractDocument(readFileSync(file, 'utf8'), meta, { fileName: file });
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else process.stdout.write(json);
}

main(process.argv.slice(2));
