/**
 * `npm run eval:links`: cross-article links measured against the story corpus's gold
 * (fixtures/story/gold.json), the tuning half, the held-out half and the pairs across them
 * reported apart, by relation type.
 *
 * It measures the matcher ingest runs (src/domain/matching.ts, over the rows ingest builds; see
 * matcher.ts), its thresholds chosen on the tuning half only (`-- --tune` reruns that search and
 * prints it), then the word-overlap baseline (baseline.ts) as the floor. Prints Markdown to stdout
 * (docs/story-links-eval.md holds a run).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fixtureFiles, fixturesDir } from '../../../src/app.js';
import { parseArticleDocument } from '../../../src/domain/validate.js';
import { MATCH_POLICY, pairId } from '../../../src/domain/matching.js';
import { propose, scorePairs, tuneThreshold } from './baseline.js';
import { asLinks, corpusClaims, proposeOnCorpus, scoreOnCorpus } from './matcher.js';
import { halfOf, score, type Link, type Score, type Split } from './score.js';
import { tuneThresholds } from './tune.js';

interface Gold {
  split: Split;
  links: Link[];
}

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
if (process.argv.includes('--tune')) {
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

// The errors, by half: what was proposed wrongly (and what the gold says of the pair), what was missed.
const goldType = new Map(gold.links.map((l) => [pairId(l.from, l.to), l.type]));
const proposed = new Map(matches.map((m) => [pairId(m.from, m.to), m]));
for (const half of ['tuning', 'heldOut'] as const) {
  const wrong = matches.filter(
    (m) => halfOf(gold.split, m.from, m.to) === half && goldType.get(pairId(m.from, m.to)) !== m.type,
  );
  const missed = gold.links.filter(
    (l) => halfOf(gold.split, l.from, l.to) === half && proposed.get(pairId(l.from, l.to))?.type !== l.type,
  );
  out.push('', `### Errors on the ${half === 'tuning' ? 'tuning' : 'held-out'} half`, '');
  for (const m of wrong) {
    out.push(
      `- proposed ${m.type} (${m.score}), gold ${goldType.get(pairId(m.from, m.to)) ?? 'none'}: \`${m.from}\` / \`${m.to}\`; shared ${m.reasons.words.join(', ')}`,
    );
  }
  for (const l of missed) {
    const got = proposed.get(pairId(l.from, l.to));
    const s = scored.find((p) => pairId(p.from, p.to) === pairId(l.from, l.to));
    out.push(
      `- missed ${l.type}${got ? ` (proposed ${got.type})` : ''}, score ${s?.score ?? 'n/a'}: \`${l.from}\` / \`${l.to}\``,
    );
  }
}

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
