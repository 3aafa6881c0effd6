/**
 * Writes a synthetic corpus in the ingester's document format:
 *
 *   tsx bench/synth/cli.ts --claims 10000 --seed 42 --out corpus/            (NDJSON, one file)
 *   tsx bench/synth/cli.ts --claims 10000 --seed 42 --out corpus/ --files    (one JSON per article)
 *
 * Streams: a million claims never sit in memory at once. No database is involved. Progress
 * (claims written, rate, ETA) goes to stderr when it is a terminal; the summary to stdout.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { EXIT, Progress, runCommand, wholeNumber } from '../../src/cli-kit.js';
import { generateCorpus } from './corpus.js';
import { CorpusSummariser } from './summary.js';

const spec = {
  name: 'tsx bench/synth/cli.ts',
  synopsis: '[--claims N] [--seed N] [--out dir] [--files]',
  description:
    'Generates a deterministic synthetic corpus of article documents (the same seed gives the same bytes).',
  options: {
    claims: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: 'bench/out/corpus' },
    files: { type: 'boolean', default: false },
  },
  optionHelp: {
    claims: 'total claims over all articles, 1 or more (default 10000)',
    seed: 'seed of every random choice (default 42)',
    out: 'output folder (default bench/out/corpus)',
    files: 'one JSON file per article instead of one NDJSON file',
  },
  allowPositionals: false,
} as const;

void runCommand(spec, async ({ values }) => {
  const claims = wholeNumber(values.claims, 'claims', { min: 1 }) ?? 10_000;
  const seed = wholeNumber(values.seed, 'seed') ?? 42;

  const out = path.resolve(values.out ?? 'bench/out/corpus');
  mkdirSync(out, { recursive: true });
  const summariser = new CorpusSummariser();
  const progress = new Progress('claims', { total: claims });
  const started = Date.now();
  const add = (doc: Parameters<CorpusSummariser['add']>[0]) => {
    summariser.add(doc);
    progress.tick(doc.claims.length);
  };
  if (values.files) {
    const dir = path.join(out, 'articles');
    mkdirSync(dir, { recursive: true });
    for (const doc of generateCorpus({ seed, claims })) {
      writeFileSync(path.join(dir, `${doc.article.id}.json`), `${JSON.stringify(doc, null, 2)}\n`);
      add(doc);
    }
  } else {
    const file = createWriteStream(path.join(out, `corpus-${claims}-seed${seed}.ndjson`));
    for (const doc of generateCorpus({ seed, claims })) {
      // Respect back-pressure so memory stays flat however large the corpus.
      if (!file.write(`${JSON.stringify(doc)}\n`)) await once(file, 'drain');
      add(doc);
    }
    file.end();
    await once(file, 'finish');
  }
  progress.finish();
  console.log(
    JSON.stringify({
      out: path.relative(process.cwd(), out),
      seconds: (Date.now() - started) / 1000,
      ...summariser.summary,
    }),
  );
  return EXIT.ok;
});
