/**
 * Writes a synthetic corpus in the ingester's document format:
 *
 *   tsx src/synth/cli.ts --claims 10000 --seed 42 --out corpus/            (NDJSON, one file)
 *   tsx src/synth/cli.ts --claims 10000 --seed 42 --out corpus/ --files    (one JSON per article)
 *
 * Streams: a million claims never sit in memory at once.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.js';
import { CorpusSummariser } from './summary.js';

const { values } = parseArgs({
  options: {
    claims: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: 'bench/out/corpus' },
    files: { type: 'boolean', default: false },
  },
});
const claims = Number(values.claims);
const seed = Number(values.seed);
if (!Number.isInteger(claims) || claims <= 0 || !Number.isInteger(seed)) {
  console.error('usage: tsx src/synth/cli.ts --claims <n> --seed <int> --out <dir> [--files]');
  process.exit(2);
}

const out = path.resolve(values.out);
mkdirSync(out, { recursive: true });
const summariser = new CorpusSummariser();
const started = Date.now();
if (values.files) {
  const dir = path.join(out, 'articles');
  mkdirSync(dir, { recursive: true });
  for (const doc of generateCorpus({ seed, claims })) {
    writeFileSync(path.join(dir, `${doc.article.id}.json`), `${JSON.stringify(doc, null, 2)}\n`);
    summariser.add(doc);
  }
} else {
  const file = createWriteStream(path.join(out, `corpus-${claims}-seed${seed}.ndjson`));
  for (const doc of generateCorpus({ seed, claims })) {
    // Respect back-pressure so memory stays flat however large the corpus.
    if (!file.write(`${JSON.stringify(doc)}\n`)) await once(file, 'drain');
    summariser.add(doc);
  }
  file.end();
  await once(file, 'finish');
}
const summary = summariser.summary;
console.log(
  JSON.stringify({
    out: path.relative(process.cwd(), out),
    seconds: (Date.now() - started) / 1000,
    ...summary,
  }),
);
