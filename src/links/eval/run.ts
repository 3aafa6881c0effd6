/**
 * `npm run eval:links`: cross-article links measured against the story corpus's gold
 * (fixtures/story/gold.json), the tuning half, the held-out half and the pairs across them
 * reported apart, by relation type.
 *
 * What it measures today is the word-overlap baseline (baseline.ts), its threshold chosen on the
 * tuning half only: the floor for the matcher issue 13 asks for, which is not built yet. Prints
 * Markdown to stdout (docs/story-links-eval.md holds a run).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureFiles, fixturesDir } from '../../app.js';
import { parseArticleDocument } from '../../domain/validate.js';
import { propose, scorePairs, tuneThreshold } from './baseline.js';
import { score, type Link, type Score, type Split } from './score.js';

interface Gold {
  split: Split;
  links: Link[];
}

const gold = JSON.parse(readFileSync(path.join(fixturesDir, 'story', 'gold.json'), 'utf8')) as Gold;
const docs = fixtureFiles().map((f) => parseArticleDocument(JSON.parse(readFileSync(f, 'utf8'))));

const ratio = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(2));
const row = (s: Score): string =>
  `| ${s.half} | ${s.type} | ${s.gold} | ${s.predicted} | ${s.truePositives} | ${ratio(s.precision)} | ${ratio(s.recall)} |`;

const out = [
  `## Cross-article links: word-overlap baseline`,
  '',
  `${docs.length} articles (tuning ${gold.split.tuning.length}, held-out ${gold.split.heldOut.length}); every pair of claims of different articles scored.`,
  'The threshold is chosen on the tuning half only (best SAME_STATEMENT F1), then applied to every half.',
  'The baseline proposes SAME_STATEMENT only; SUPPORTS and CONTRADICTS rows show what a matcher has to find.',
];
for (const [wording, label] of [
  ['evidence', "the article's own words (evidence span and quotation)"],
  ['text', "the curator's plain-words claim text and quotation"],
] as const) {
  const pairs = scorePairs(docs, wording);
  const threshold = tuneThreshold(pairs, gold.links, gold.split);
  const scores = score(gold.split, gold.links, propose(pairs, threshold));
  out.push(
    '',
    `### Compared on ${label}`,
    '',
    `${pairs.length} pairs; Jaccard threshold ${threshold.toFixed(3)}.`,
    '',
    '| half | type | gold | proposed | correct | precision | recall |',
    '|---|---|---|---|---|---|---|',
    ...scores.map(row),
  );
}
console.log(out.join('\n'));
