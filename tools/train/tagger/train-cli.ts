/**
 * `npm run train:extract`: trains the attribution tagger on PolNeAR train (first annotation file
 * per article), picks the number of epochs on dev, and writes the gzipped weights. Deterministic:
 * the same corpus and code give the same file. The test split is never read.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../../src/paths.js';
import { parseArgs } from 'node:util';
import { loadLexicon } from '../../../src/extract/lexicon.js';
import { loadSplit } from '../../eval/extract/brat.js';
import { polnearDir } from '../../eval/extract/polnear.js';
import { DEFAULT_MODEL_FILE, serialiseModel, writeModel } from '../../../src/extract/tagger/model.js';
import { trainTagger } from './train.js';

const USAGE = `usage: npm run train:extract -- [options]

Trains the attribution tagger on a corpus in the PolNeAR layout (DIR/SPLIT/text/*.txt,
DIR/SPLIT/attributions/*.ann) and writes its weights.

options:
  --corpus DIR     corpus folder (default: $POLNEAR_DIR, else ../shared/corpora/polnear beside the repository)
  --train NAME     split to learn from (default: train)
  --dev NAME       split that picks the number of epochs (default: dev)
  --epochs N       most passes over the training split (default: 16)
  --out FILE       weights file (default: data/models/attribution-tagger.json.gz)
  --help           print this text
`;

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        train: { type: 'string', default: 'train' },
        dev: { type: 'string', default: 'dev' },
        epochs: { type: 'string', default: '16' },
        out: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    process.stderr.write(
      `train:extract: ${error instanceof Error ? error.message : String(error)} (see --help)\n`,
    );
    return 2;
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const epochs = Number(values.epochs);
  if (!Number.isInteger(epochs) || epochs < 1) {
    process.stderr.write(`--epochs must be a whole number of at least 1, got "${values.epochs}"\n`);
    return 2;
  }
  if (values.train === 'test' || values.dev === 'test') {
    process.stderr.write('the test split is held out for acceptance and is never read here\n');
    return 2;
  }
  const corpus = values.corpus ?? polnearDir(repoRoot);
  for (const split of [values.train, values.dev]) {
    if (!existsSync(path.join(corpus, split, 'attributions'))) {
      process.stderr.write(`corpus split not found: ${path.join(corpus, split)}\n`);
      return 1;
    }
  }
  const lex = loadLexicon();
  const asTexts = (split: string) =>
    loadSplit(corpus, split, 'first').map((d) => ({ name: d.article, text: d.text, gold: d.gold }));
  const train = asTexts(values.train);
  const dev = asTexts(values.dev);
  process.stderr.write(
    `training on ${train.length} ${values.train} texts, choosing on ${dev.length} ${values.dev} texts\n`,
  );
  const pct = (x: number) => (x * 100).toFixed(1);
  const trained = trainTagger(train, dev, lex, {
    maxEpochs: epochs,
    onEpoch: (r) =>
      process.stderr.write(
        `epoch ${r.epoch}: train token errors ${pct(r.trainErrorRate)}%, ${values.dev} exact F1 ` +
          `${pct(r.dev.Source)} / ${pct(r.dev.Cue)} / ${pct(r.dev.Content)}\n`,
      ),
  });
  const bytes = serialiseModel(trained.names, trained.weights, {
    corpus: 'PolNeAR',
    trainSplit: values.train,
    trainTexts: train.length,
    devSplit: values.dev,
    devTexts: dev.length,
    bestEpoch: trained.bestEpoch,
    devExactF1: trained.epochs[trained.bestEpoch - 1]!.dev,
  });
  const out = values.out ?? DEFAULT_MODEL_FILE;
  mkdirSync(path.dirname(out), { recursive: true });
  writeModel(out, bytes);
  process.stderr.write(
    `kept epoch ${trained.bestEpoch}; wrote ${path.relative(process.cwd(), out)} (${(bytes.length / 1e6).toFixed(1)} MB)\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
