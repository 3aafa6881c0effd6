/**
 * `npm run eval:extract`: scores the extractor on the seed-article fixture and on a corpus in the
 * PolNeAR layout (exact and overlap, the rules alone and the tagger beside them), prints the
 * tables and, on the default run, rewrites `docs/extraction-eval.md` below its marker. The story
 * corpus's held-out half is scored only with `--show-held-out`, as `eval:links` does.
 *
 * The corpus is `--corpus DIR`, else $POLNEAR_DIR, else `../shared/corpora/polnear` beside the
 * repository. A missing corpus or split is an error (exit 1) and leaves the document alone.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../../src/paths.js';
import { CommandError, runCommand, UsageError } from '../../../src/cli-kit.js';
import { parseArticleDocument } from '../../../src/domain/validate.js';
import { loadLexicon } from '../../../src/extract/lexicon.js';
import { findAttributions } from '../../../src/extract/attributions.js';
import { taggedAttributions } from '../../../src/extract/tagger/attributions.js';
import {
  attributionSpans,
  loadTagger,
  tagSpans,
  type TaggerModel,
} from '../../../src/extract/tagger/model.js';
import { analyse } from '../../../src/extract/tokens.js';
import { type AnnotatedArticle, type AnnotatorPolicy, loadSplit, ROLES } from './brat.js';
import { analyseErrors } from './errors.js';
import { type FixtureScores, scoreFixture } from './fixture.js';
import { type ArticleResult, polnearDir, scoreArticles, type SplitScores } from './polnear.js';
import { add as addCounts, type Counts, prf } from './score.js';

const DEFAULT_SPLITS = ['dev', 'train'];

const spec = {
  name: 'npm run eval:extract --',
  synopsis: '[options]',
  description:
    'Scores the attribution extractor on the seed-article fixture and on a corpus in the PolNeAR layout\n' +
    '(DIR/SPLIT/text/*.txt and DIR/SPLIT/attributions/*.ann): Source, Cue and Content spans, exact and overlap,\n' +
    'for the rules alone and for the tagger beside them.',
  options: {
    corpus: { type: 'string' },
    split: { type: 'string', multiple: true },
    method: { type: 'string', default: 'all' },
    json: { type: 'boolean', default: false },
    story: { type: 'boolean', default: false },
    'show-held-out': { type: 'boolean', default: false },
  },
  optionHelp: {
    corpus: 'corpus folder (default: $POLNEAR_DIR, else ../shared/corpora/polnear beside the repository)',
    split: 'split to score; repeat for several (default: dev and train)',
    method:
      'rules, tagger (its spans alone), product (the rules plus the attributions the tagger adds, as `npm run extract`\n' +
      'builds claims), both (rules and tagger) or all (default: all); with --story, rules scores the rules alone and\n' +
      'anything else the product',
    json: 'print the scores as JSON on stdout and write no file (default: off)',
    story:
      "score only the seed article and the story corpus's tuning half (claims, speakers, chains, anonymous hops),\n" +
      'no PolNeAR; writes no file (default: off)',
    'show-held-out':
      "also score the story corpus's held-out half, on the default run or with --story (default: off: tuning never\n" +
      'reads it; look at it once, at the end of a round)',
  },
  epilogue:
    'The default run (no --split, no --json) prints Markdown and rewrites docs/extraction-eval.md below its\n' +
    'marker; with --split the Markdown goes to stdout only. A missing corpus or split exits 1 and writes nothing.\n' +
    "The story corpus's held-out half is scored only with --show-held-out, on the default run and with --story.",
} as const;

type Method = 'rules' | 'tagger' | 'product';

interface Options {
  corpus: string;
  splits: string[];
  methods: Method[];
  json: boolean;
  story: boolean;
  /** Score the story corpus's held-out half too; off by default so that tuning never reads it. */
  showHeldOut: boolean;
  writeDoc: boolean;
}

function parseOptions(
  v: {
    corpus?: string;
    split?: string[];
    method?: string;
    json?: boolean;
    story?: boolean;
    'show-held-out'?: boolean;
  },
  env: NodeJS.ProcessEnv = process.env,
): Options {
  const method = v.method ?? 'all';
  const methods: Record<string, Method[]> = {
    rules: ['rules'],
    tagger: ['tagger'],
    product: ['product'],
    both: ['rules', 'tagger'],
    all: ['rules', 'tagger', 'product'],
  };
  const chosen = Object.hasOwn(methods, method) ? methods[method] : undefined;
  if (!chosen) throw new UsageError(`--method must be rules, tagger, product, both or all, got "${method}"`);
  const splits = v.split ?? DEFAULT_SPLITS;
  for (const s of splits) if (!/^[\w.-]+$/.test(s)) throw new UsageError(`--split: not a split name: "${s}"`);
  return {
    corpus: v.corpus ?? polnearDir(repoRoot, env),
    splits,
    methods: chosen,
    json: v.json === true,
    story: v.story === true,
    showHeldOut: v['show-held-out'] === true,
    writeDoc: v.json !== true && v.split === undefined && v.story !== true,
  };
}

const pct = (x: number) => (x * 100).toFixed(1);

function row(label: string, c: Counts): string {
  const p = prf(c);
  return `| ${label} | ${pct(p.precision)} | ${pct(p.recall)} | ${pct(p.f1)} | ${c.tp} | ${c.predicted} | ${c.gold} |`;
}

const HEADER = ['| | P | R | F1 | correct | predicted | gold |', '|---|---:|---:|---:|---:|---:|---:|'];

interface SplitReport {
  split: string;
  policy: AnnotatorPolicy;
  documents: number;
  seconds: Record<Method, number>;
  scores: Partial<Record<Method, SplitScores>>;
}

/**
 * Each text analysed once; the rules' spans feed the tagger, and the product is the rules'
 * attributions plus those the tagger adds, so the methods share the work.
 */
function runSplit(
  items: readonly AnnotatedArticle[],
  methods: readonly Method[],
  tagger: TaggerModel | undefined,
): { results: Partial<Record<Method, ArticleResult[]>>; seconds: Record<Method, number> } {
  const lex = loadLexicon();
  const results: Partial<Record<Method, ArticleResult[]>> = {};
  const seconds: Record<Method, number> = { rules: 0, tagger: 0, product: 0 };
  for (const m of methods) results[m] = [];
  const needTagger = methods.includes('tagger') || methods.includes('product');
  for (const item of items) {
    let started = performance.now();
    const analysis = analyse(item.text);
    const found = findAttributions(analysis, lex, { nested: false });
    const rules = attributionSpans(analysis, found);
    seconds.rules += (performance.now() - started) / 1000;
    results.rules?.push({ item, predicted: rules });
    if (!tagger || !needTagger) continue;
    started = performance.now();
    const tagged = tagSpans(tagger, analysis, lex, rules);
    seconds.tagger += (performance.now() - started) / 1000;
    results.tagger?.push({ item, predicted: tagged });
    started = performance.now();
    const added = taggedAttributions(analysis, lex, found, tagged);
    seconds.product += (performance.now() - started) / 1000;
    results.product?.push({ item, predicted: attributionSpans(analysis, [...found, ...added]) });
  }
  seconds.tagger += seconds.rules;
  seconds.product += seconds.tagger;
  return { results, seconds };
}

function fixtureScores(tagger: boolean): FixtureScores | undefined {
  const file = path.join(repoRoot, 'fixtures', 'noonpost-7628.json');
  if (!existsSync(file)) return undefined;
  const gold = parseArticleDocument(JSON.parse(readFileSync(file, 'utf8')));
  return scoreFixture(gold, loadLexicon(), tagger).scores;
}

type StoryHalf = 'tuning' | 'heldOut';

/**
 * One half of the story corpus (fixtures/story, split decided in gold.json before any tuning):
 * the fixture scores summed over its documents. The rules are tuned on the tuning half only (the
 * seed article is in it); the held-out half is scored, never read while tuning. Undefined when
 * the corpus is absent.
 */
function storyScores(half: StoryHalf, tagger: boolean): { ids: string[]; scores: FixtureScores } | undefined {
  const goldFile = path.join(repoRoot, 'fixtures', 'story', 'gold.json');
  if (!existsSync(goldFile)) return undefined;
  const split = (
    JSON.parse(readFileSync(goldFile, 'utf8')) as { split?: Partial<Record<StoryHalf, string[]>> }
  ).split;
  const ids = split?.[half] ?? [];
  let total: FixtureScores | undefined;
  for (const id of ids) {
    // The seed article's curated document sits beside the story corpus, not in it.
    const inStory = path.join(repoRoot, 'fixtures', 'story', 'documents', `${id}.json`);
    const file = existsSync(inStory) ? inStory : path.join(repoRoot, 'fixtures', `${id}.json`);
    const gold = parseArticleDocument(JSON.parse(readFileSync(file, 'utf8')));
    const { scores } = scoreFixture(gold, loadLexicon(), tagger);
    if (!total) total = scores;
    else
      for (const k of Object.keys(total) as (keyof FixtureScores)[])
        total[k] = addCounts(total[k], scores[k]);
  }
  return total ? { ids, scores: total } : undefined;
}

type Say = (line?: string) => void;

function sayFixture(say: Say, fixture: FixtureScores | undefined): void {
  say('### Seed article fixture (`fixtures/noonpost-7628.json`)');
  say();
  if (!fixture) say('Skipped: fixtures/noonpost-7628.json is not present.');
  else {
    for (const h of HEADER) say(h);
    const labels: [keyof FixtureScores, string][] = [
      ['claimsAll', 'claims found (all curated claims)'],
      ['claimsAttributed', 'claims found (curated claims attributed to someone other than the publisher)'],
      ['speakers', 'original speaker right'],
      ['chains', 'whole chain right (every hop agent)'],
      ['anonymousHops', 'anonymous hops flagged'],
      ['multiHopChains', 'multi-hop chains right (two or more tellers besides the publisher)'],
    ];
    for (const [key, label] of labels) say(row(label, fixture[key]));
    say();
    say(
      'Claims are paired one-to-one by overlapping evidence spans. Speaker, chain and anonymity counts are over paired claims; ' +
        'precision divides by all extracted claims and recall by all curated claims (anonymous hops: by all anonymous hops). ' +
        'The curated fixture also records the outlet’s own reporting and analysis, which the extractor does not try to produce. ' +
        'Documents are built by the rules (the tagger gives spans, not chains).',
    );
  }
  say();
}

function sayStory(
  say: Say,
  story: Partial<Record<StoryHalf, { ids: string[]; scores: FixtureScores } | undefined>> | undefined,
): void {
  for (const half of ['tuning', 'heldOut'] as const) {
    if (half === 'heldOut' && story && !('heldOut' in story)) {
      say('### Story corpus, held-out half (`fixtures/story`, never tuned on)');
      say();
      say(
        'Not scored in this run: it is scored only on request (`--show-held-out`), once, at the end of a round.',
      );
      say();
      continue;
    }
    const part = story?.[half];
    if (!part) continue;
    say(
      half === 'tuning'
        ? '### Story corpus, tuning half (`fixtures/story` and the seed article; the rules are tuned on it)'
        : '### Story corpus, held-out half (`fixtures/story`, never tuned on)',
    );
    say();
    say(`Documents: ${part.ids.join(', ')}. Same measures as the seed fixture, summed over the documents.`);
    say();
    for (const h of HEADER) say(h);
    const s = part.scores;
    say(row('claims found (all curated claims)', s.claimsAll));
    say(row('claims found (attributed to someone other than the publisher)', s.claimsAttributed));
    say(row('original speaker right', s.speakers));
    say(row('whole chain right (every hop agent)', s.chains));
    say(row('multi-hop chains right (two or more tellers besides the publisher)', s.multiHopChains));
    say(row('anonymous hops flagged', s.anonymousHops));
    say();
    const share = (n: number, d: number) => (d === 0 ? '-' : `${pct(n / d)}%`);
    say(
      `Whole chain right among the claims found: ${s.chains.tp} of ${s.claimsAll.tp} (${share(s.chains.tp, s.claimsAll.tp)}). ` +
        `Anonymous hops flagged wrongly (false flags): ${s.anonymousHops.predicted - s.anonymousHops.tp} of ${s.anonymousHops.predicted} flagged. ` +
        'Precision of "multi-hop" divides by extracted claims with two or more tellers besides the publisher.',
    );
    say();
  }
}

/**
 * The story halves a run scores: the tuning half always, the held-out half only on request (the
 * key is then present), so a tuning round never computes, let alone prints, held-out figures.
 */
function storyHalves(
  showHeldOut: boolean,
  tagger: boolean,
): Partial<Record<StoryHalf, { ids: string[]; scores: FixtureScores } | undefined>> {
  return showHeldOut
    ? { tuning: storyScores('tuning', tagger), heldOut: storyScores('heldOut', tagger) }
    : { tuning: storyScores('tuning', tagger) };
}

/** `--story`: the seed article and the story halves only, as Markdown or JSON. */
function storyOnly(json: boolean, showHeldOut: boolean, tagger: boolean): number {
  const fixture = fixtureScores(tagger);
  const halves = storyHalves(showHeldOut, tagger);
  if (json) {
    const counts = (s: FixtureScores) =>
      Object.fromEntries(Object.entries(s).map(([k, c]) => [k, { ...c, ...prf(c) }]));
    const out = {
      seed: fixture ? counts(fixture) : null,
      tuning: halves.tuning ? { documents: halves.tuning.ids, scores: counts(halves.tuning.scores) } : null,
      // Present only with --show-held-out (null there when the corpus has no held-out half).
      ...('heldOut' in halves
        ? {
            heldOut: halves.heldOut
              ? { documents: halves.heldOut.ids, scores: counts(halves.heldOut.scores) }
              : null,
          }
        : {}),
    };
    process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  }
  const say = (line = '') => console.log(line);
  sayFixture(say, fixture);
  sayStory(say, halves);
  return 0;
}

function main(values: Parameters<typeof parseOptions>[0]): number {
  const options = parseOptions(values);
  // Claims and chains as the product builds them: with the tagger unless --method rules.
  const withTagger = options.methods.some((m) => m !== 'rules');
  if (options.story) return storyOnly(options.json, options.showHeldOut, withTagger);
  // Every input is checked before any work, so a bad path costs nothing and writes nothing.
  for (const split of options.splits) {
    const dir = path.join(options.corpus, split);
    if (!existsSync(path.join(dir, 'attributions')) || !existsSync(path.join(dir, 'text'))) {
      throw new CommandError(
        `corpus split not found: ${dir} (expected attributions/ and text/ in it; set --corpus or POLNEAR_DIR)`,
      );
    }
  }
  const usesTagger = options.methods.some((m) => m !== 'rules');
  const tagger = usesTagger ? loadTagger() : undefined;
  if (usesTagger && !tagger) {
    process.stderr.write(
      'eval:extract: no tagger weights; run `npm run train:extract` or use --method rules\n',
    );
    return 1;
  }

  const reports: SplitReport[] = [];
  let errorResults: ArticleResult[] | undefined;
  const defaultRun = options.writeDoc;
  for (const split of options.splits) {
    // The default run also scores every annotation file of the dev split (rules and tagger).
    const policies: AnnotatorPolicy[] = defaultRun && split === 'dev' ? ['first', 'each'] : ['first'];
    for (const policy of policies) {
      const items = loadSplit(options.corpus, split, policy);
      const { results, seconds } = runSplit(items, options.methods, tagger);
      const scores: SplitReport['scores'] = {};
      for (const m of options.methods) scores[m] = scoreArticles(results[m]!);
      reports.push({ split, policy, documents: items.length, seconds, scores });
      if (!errorResults && policy === 'first')
        errorResults = results.tagger ?? results.product ?? results.rules;
    }
  }
  const fixture = options.json ? undefined : fixtureScores(withTagger);
  const story = options.writeDoc ? storyHalves(options.showHeldOut, withTagger) : undefined;

  if (options.json) {
    const json = reports.map((r) => ({
      split: r.split,
      annotator: r.policy,
      documents: r.documents,
      methods: Object.fromEntries(
        Object.entries(r.scores).map(([m, s]) => [
          m,
          Object.fromEntries(
            (['exact', 'overlap'] as const).map((mode) => [
              mode,
              Object.fromEntries(ROLES.map((role) => [role, { ...s[mode][role], ...prf(s[mode][role]) }])),
            ]),
          ),
        ]),
      ),
    }));
    process.stdout.write(`${JSON.stringify({ corpus: options.corpus, splits: json }, null, 2)}\n`);
    return 0;
  }

  const out: string[] = [];
  const say = (line = '') => {
    out.push(line);
    console.log(line);
  };
  say('## Attribution extraction');
  say();
  say('Command: `npm run eval:extract` (runs `tsx tools/eval/extract/run.ts`).');
  say(
    `Machine: ${os.cpus().length} CPUs (nproc ${os.availableParallelism()}), Node ${process.version}, ${os.platform()} ${os.arch()}.`,
  );
  say();
  sayFixture(say, fixture);
  sayStory(say, story);
  say('### PolNeAR (Source, Cue, Content spans)');
  say();
  say(
    'Micro-averaged over all spans of a split. Exact: start and end equal a gold span. Overlap: at least one shared character, ' +
      'matched one-to-one (maximum matching). Each contiguous segment of a discontinuous span is one span. Only outermost ' +
      'attributions are predicted (the corpus gives each token at most one role). Main figures use one annotation file per article, the first by file ' +
      'name ("first annotator"); the "every annotation file" rows score each of the multiply annotated articles once per annotator.',
  );
  say();
  say(
    '**Rules**: the rule-based finder alone; its rules and lexicons were tuned on the dev split only, so train is held-out for them. ' +
      '**Tagger**: the averaged-perceptron tagger (`npm run train:extract`), which reads the rules’ spans as features; it was trained ' +
      'on train (first annotator) with the number of epochs chosen on dev, so its train rows are training-set figures, not held-out ones, ' +
      'and its dev rows are the honest estimate.',
  );
  say();
  const trainingInfo = tagger?.training;
  if (trainingInfo) say(`Tagger weights: ${JSON.stringify(trainingInfo)}.`);
  say();
  for (const r of reports) {
    const label = r.policy === 'first' ? 'first annotator' : 'every annotation file';
    for (const m of options.methods) {
      say(`#### ${r.split}, ${label}, ${m} (${r.documents} documents, ${r.seconds[m].toFixed(1)} s)`);
      say();
      for (const h of HEADER) say(h);
      for (const mode of ['exact', 'overlap'] as const) {
        for (const role of ROLES) say(row(`${role} (${mode})`, r.scores[m]![mode][role]));
      }
      say();
    }
  }
  say(
    'Published exact-match F1 on PolNeAR (CofeNet, COLING 2022), source / cue / content: rule-based 10.7 / 22.8 / 5.6; ' +
      'Stanford CoreNLP 13.9 / - / 17.5; CRF 50.6 / 53.4 / 28.6; BERT-based CofeNet 83.2 / 75.3 / 72.9.',
  );
  say();
  if (errorResults && errorResults.length > 0) {
    const first = reports.find((r) => r.policy === 'first')!;
    const method = (['tagger', 'product', 'rules'] as const).find((m) => options.methods.includes(m))!;
    say(`### Error analysis (${first.split}, first annotator, ${method}): the ten most common failure kinds`);
    say();
    say('| failure kind | count | example |');
    say('|---|---:|---|');
    for (const f of analyseErrors(errorResults, loadLexicon()).slice(0, 10)) {
      say(`| ${f.kind} | ${f.count} | ${f.example.replace(/\|/g, '\\|')} |`);
    }
    say();
  }

  if (options.writeDoc) {
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
  }
  return 0;
}

await runCommand(spec, async ({ values }) => main(values));
