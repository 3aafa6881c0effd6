/**
 * `npm run eval:extract`: scores the extractor on the seed-article fixture and on PolNeAR
 * (dev and train, exact and overlap), prints the tables and writes `docs/extraction-eval.md`.
 *
 * Paths are relative to the repository: `fixtures/noonpost-7628.json` and the corpus at
 * `../shared/corpora/polnear` (override with POLNEAR_DIR). Missing inputs are skipped with a note.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticleDocument } from '../../domain/validate.js';
import { loadLexicon } from '../lexicon.js';
import { type AnnotatorPolicy, loadSplit, ROLES } from './brat.js';
import { analyseErrors } from './errors.js';
import { type FixtureScores, scoreFixture } from './fixture.js';
import { polnearDir, runPolnear, scoreArticles, type SplitScores } from './polnear.js';
import { type Counts, prf } from './score.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const lex = loadLexicon();
const out: string[] = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};

const pct = (x: number) => (x * 100).toFixed(1);

function row(label: string, c: Counts): string {
  const p = prf(c);
  return `| ${label} | ${pct(p.precision)} | ${pct(p.recall)} | ${pct(p.f1)} | ${c.tp} | ${c.predicted} | ${c.gold} |`;
}

const HEADER = ['| | P | R | F1 | correct | predicted | gold |', '|---|---:|---:|---:|---:|---:|---:|'];

function fixtureSection(): void {
  const file = path.join(repoRoot, 'fixtures', 'noonpost-7628.json');
  say('### Seed article fixture (`fixtures/noonpost-7628.json`)');
  say();
  if (!existsSync(file)) {
    say(`Skipped: ${path.relative(repoRoot, file)} is not present.`);
    say();
    return;
  }
  const gold = parseArticleDocument(JSON.parse(readFileSync(file, 'utf8')));
  const { scores } = scoreFixture(gold, lex);
  const labels: [keyof FixtureScores, string][] = [
    ['claimsAll', 'claims found (all curated claims)'],
    ['claimsAttributed', 'claims found (curated claims attributed to someone other than the publisher)'],
    ['speakers', 'original speaker right'],
    ['chains', 'whole chain right (every hop agent)'],
    ['anonymousHops', 'anonymous hops flagged'],
  ];
  say(...[]);
  for (const h of HEADER) say(h);
  for (const [key, label] of labels) say(row(label, scores[key]));
  say();
  say(
    'Claims are paired one-to-one by overlapping evidence spans. Speaker, chain and anonymity counts are over paired claims; ' +
      'precision divides by all extracted claims and recall by all curated claims (anonymous hops: by all anonymous hops). ' +
      'The curated fixture also records the outlet’s own reporting and analysis, which the extractor does not try to produce.',
  );
  say();
}

function polnearTable(title: string, scores: SplitScores): void {
  say(`#### ${title}`);
  say();
  for (const h of HEADER) say(h);
  for (const mode of ['exact', 'overlap'] as const) {
    for (const role of ROLES) say(row(`${role} (${mode})`, scores[mode][role]));
  }
  say();
}

function polnearSection(): void {
  const dir = polnearDir(repoRoot);
  say('### PolNeAR (Source, Cue, Content spans)');
  say();
  if (!existsSync(dir)) {
    say(`Skipped: the corpus was not found at ${dir} (set POLNEAR_DIR).`);
    say();
    return;
  }
  say(
    'Micro-averaged over all spans of a split. Exact: start and end equal a gold span. Overlap: at least one shared character, ' +
      'matched one-to-one (maximum matching). Each contiguous segment of a discontinuous span is one span. Only outermost ' +
      'attributions are predicted (the corpus annotates no nesting). Main figures use one annotation file per article, the first by file ' +
      'name ("first annotator"); the "every annotation file" rows score each of the multiply annotated articles once per annotator.',
  );
  say();
  say(
    '**The rules and lexicons were tuned on the dev split only; train was not looked at while tuning and is reported as held-out.**',
  );
  say();
  let devResults;
  for (const split of ['dev', 'train'] as const) {
    for (const policy of ['first', 'each'] as AnnotatorPolicy[]) {
      const items = loadSplit(dir, split, policy);
      const started = Date.now();
      const results = runPolnear(items, lex);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const label = policy === 'first' ? 'first annotator' : 'every annotation file';
      polnearTable(`${split}, ${label} (${items.length} documents, ${seconds} s)`, scoreArticles(results));
      if (split === 'dev' && policy === 'first') devResults = results;
    }
  }
  say(
    'Published exact-match F1 on PolNeAR (CofeNet, COLING 2022), source / cue / content: rule-based 10.7 / 22.8 / 5.6; ' +
      'Stanford CoreNLP 13.9 / - / 17.5; CRF 50.6 / 53.4 / 28.6; BERT-based CofeNet 83.2 / 75.3 / 72.9.',
  );
  say();
  if (devResults) {
    say('### Error analysis (dev, first annotator): the ten most common failure kinds');
    say();
    say('| failure kind | count | example |');
    say('|---|---:|---|');
    for (const f of analyseErrors(devResults, lex).slice(0, 10)) {
      say(`| ${f.kind} | ${f.count} | ${f.example.replace(/\|/g, '\\|')} |`);
    }
    say();
  }
}

say('## Attribution extraction');
say();
say('Command: `npm run eval:extract` (runs `tsx src/extract/eval/run.ts`).');
say(
  `Machine: ${os.cpus().length} CPUs (nproc ${os.availableParallelism()}), Node ${process.version}, ${os.platform()} ${os.arch()}.`,
);
say();
fixtureSection();
polnearSection();

const docs = path.join(repoRoot, 'docs');
mkdirSync(docs, { recursive: true });
// Hand-written notes above this marker (what changed in a round) survive regeneration.
const NOTES_END = '<!-- generated by npm run eval:extract below this line -->';
const docFile = path.join(docs, 'extraction-eval.md');
const previous = existsSync(docFile) ? readFileSync(docFile, 'utf8') : '';
const notes = previous.includes(NOTES_END)
  ? `${previous.slice(0, previous.indexOf(NOTES_END))}${NOTES_END}\n\n`
  : '';
writeFileSync(docFile, `${notes}${out.join('\n')}\n`);
