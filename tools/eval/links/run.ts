/**
 * `npm run eval:links`: cross-article links measured against the story corpus's gold
 * (fixtures/story/gold.json), the tuning half, the held-out half and the pairs across them
 * reported apart, by relation type.
 *
 * It measures the matcher ingest runs (src/domain/matching.ts, over the rows ingest builds; see
 * matcher.ts), its thresholds chosen on the tuning half only (`-- --tune` reruns that search and
 * prints it), then the tuning half's errors pair by pair (the held-out half's only with
 * `--show-held-out`, see report.ts), then the word-overlap baseline (baseline.ts) as the floor.
 * Prints Markdown to stdout (docs/story-links-eval.md holds a run's tables). `--help` lists the options.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureFiles, fixturesDir } from '../../../src/app.js';
import { parseArticleDocument } from '../../../src/domain/validate.js';
import { MATCH_POLICY } from '../../../src/domain/matching.js';
import { propose, scorePairs, tuneThreshold } from './baseline.js';
import { asLinks, corpusClaims, proposeOnCorpus, scoreOnCorpus } from './matcher.js';
import { errorReport, listedHalves } from './report.js';
import { score, type Link, type Score, type Split } from './score.js';
import { tuneThresholds } from './tune.js';

interface Gold {
  split: Split;
  links: Link[];
}

const USAGE = `npm run eval:links [-- options]

Precision and recall of the links the matcher proposes against fixtures/story/gold.json, by half
(tuning, held-out, across the halves) and relation type, then the errors pair by pair and the
word-overlap baseline. Markdown on stdout.

  --tune           rerun the threshold search on the tuning half and print it first
  --show-held-out  also list the held-out and cross-half pairs that were proposed wrongly or
                   missed. Off by default: tuning reads the error lists, so listing held-out
                   pairs would make it no longer blind to that half. Never paste them into docs/.
  --help           this text`;

const args = process.argv.slice(2);
const unknown = args.filter((a) => !['--tune', '--show-held-out', '--help'].includes(a));
if (args.includes('--help') || unknown.length > 0) {
  if (unknown.length > 0) console.error(`unknown option(s): ${unknown.join(' ')}\n`);
  console.log(USAGE);
  process.exit(unknown.length > 0 ? 2 : 0);
}
const showHeldOut = args.includes('--show-held-out');

const gold = JSON.parse(readFileSync(path.join(fixturesDir, 'story', 'gold.json'), 'utf8')) as Gold;
const docs = fixtureFiles().map((f) => parseArticleDocument(JSON.parse(readFileSync(f, 'utf8'))));

const ratio = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));
const row = (s: Score): string =>
  `| ${s.half} | ${s.type} | ${s.gold} | ${s.predicted} | ${s.truePositives} | ${ratio(s.precision)} | ${ratio(s.recall)} |`;
const header = [
  '| half | type | gold | proposed | correct | precision | recall |',
  '|---|---|---|---|---|---|---|',
];

const scored = scoreOnCorpus(corpusClaims(docs));
const out: string[] = [];
if (args.includes('--tune')) {
  const t = tuneThresholds(scored, gold.links, gold.split);
  out.push(
    `Tuning-half search: SAME_STATEMENT >= ${t.sameStatement.toFixed(2)}, SUPPORTS >= ${t.supports.toFixed(2)}, ` +
      `CONTRADICTS >= ${t.contradicts.toFixed(2)} (sum of F1 ${t.objective.toFixed(3)}).`,
    '',
  );
}
const matches = proposeOnCorpus(scored);
const scores = score(gold.split, gold.links, asLinks(matches));
out.push(
  `## Cross-article links: the matcher`,
  '',
  `${docs.length} articles (tuning ${gold.split.tuning.length}, held-out ${gold.split.heldOut.length}), loaded in \`npm start\`'s order; ` +
    `${scored.length} pairs scored. Thresholds (tuned on the tuning half): SAME_STATEMENT ${MATCH_POLICY.sameStatement}, ` +
    `SUPPORTS ${MATCH_POLICY.supports}, CONTRADICTS ${MATCH_POLICY.contradicts}; date window ${MATCH_POLICY.windowDays} days.`,
  '',
  ...header,
  ...scores.map(row),
);

// The errors, pair by pair: the tuning half's only, unless asked (report.ts says why).
out.push(...errorReport({ split: gold.split, gold: gold.links, matches, scored }, listedHalves(showHeldOut)));

for (const [wording, label] of [
  ['evidence', "the article's own words (evidence span and quotation)"],
  ['text', "the curator's plain-words claim text and quotation"],
] as const) {
  const pairs = scorePairs(docs, wording);
  const threshold = tuneThreshold(pairs, gold.links, gold.split);
  out.push(
    '',
    `## Baseline: word overlap on ${label}`,
    '',
    `${pairs.length} pairs; Jaccard threshold ${threshold.toFixed(3)} (tuned on the tuning half).`,
    '',
    ...header,
    ...score(gold.split, gold.links, propose(pairs, threshold)).map(row),
  );
}
console.log(out.join('\n'));
