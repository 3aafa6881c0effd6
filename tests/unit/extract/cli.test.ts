/**
 * The `extract` and `eval:extract` commands as a user meets them: usage, one-line errors before
 * any database work, metadata from the page and never a silent default, the draft written before
 * the database is tried, and an evaluation that leaves the report alone when the corpus is missing.
 * No test here has a database: NEO4J_URI points at a closed port, so any attempt to use one fails.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'extract-cli-'));
const env = {
  ...process.env,
  NEO4J_PROVIDER: 'uri',
  NEO4J_URI: 'bolt://127.0.0.1:1',
  LOG_LEVEL: 'silent',
};

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], extraEnv: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      [path.join(root, script), ...args],
      { cwd: tmp, env: { ...env, ...extraEnv }, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const extract = (...args: string[]) => run('src/extract/cli.ts', args);
const evaluate = (...args: string[]) => run('tools/eval/extract/run.ts', args);

function file(name: string, content: string): string {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
}

/** Every story measure is a sane count: correct within predicted and gold, some curated claims. */
function expectCounts(half: Record<string, { tp: number; predicted: number; gold: number }>): void {
  for (const key of [
    'claimsAll',
    'claimsAttributed',
    'speakers',
    'chains',
    'anonymousHops',
    'multiHopChains',
  ]) {
    const c = half[key]!;
    expect(c.tp).toBeGreaterThanOrEqual(0);
    expect(c.tp).toBeLessThanOrEqual(Math.min(c.predicted, c.gold));
  }
  expect(half.claimsAll!.gold).toBeGreaterThan(0);
}

const oneLine = (s: string) => s.trim().split('\n').length === 1;

describe('extract', { timeout: 180_000 }, () => {
  it('--help prints every flag with its default and touches nothing', async () => {
    const r = await extract('--help');
    expect(r.code).toBe(0);
    for (const flag of [
      '--title',
      '--publisher',
      '--date',
      '--url',
      '--author',
      '--language',
      '--format',
      '--out',
      '--ingest',
      '--help',
    ])
      expect(r.stdout).toContain(flag);
    expect(r.stdout).toMatch(/default: from the page/);
    expect(r.stdout).toMatch(/exit status: 0 done, 1 the work failed, 2 wrong command line/);
    expect(r.stderr).toBe('');
  });

  it('usage errors exit 2, the first line naming the problem', async () => {
    const cases: [string[], RegExp][] = [
      [[], /no FILE given/],
      [['a.md', 'b.md'], /give one FILE/],
      [['--format', 'pdf', 'a.md'], /--format must be html, markdown or text/],
      [['--bogus', 'a.md'], /bogus/],
      [[path.join(tmp, 'nope.md'), '--ingest'], /nope\.md: no such file/],
    ];
    for (const [args, message] of cases) {
      const r = await extract(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });

  it('an empty file or bad JSON is a one-line error before any database work', async () => {
    const cases: [string, RegExp][] = [
      [file('empty.md', ' \n\n'), /empty/],
      [file('empty.html', ''), /empty/],
      [file('bad.json', '{"text": '), /not valid JSON/],
      [file('nested.json', '{"text": 3}'), /text/],
    ];
    for (const [input, message] of cases) {
      const r = await extract(input, '--ingest');
      expect(r.code, input).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(oneLine(r.stderr), r.stderr).toBe(true);
      // Nothing was written: the draft file of --ingest does not exist.
      expect(existsSync(path.join(tmp, `${path.basename(input).replace(/\.[^.]+$/, '')}.draft.json`))).toBe(
        false,
      );
    }
  });

  it('never invents a date, title or publisher: plain text without them is an error naming the flags', async () => {
    const input = file('dateline.txt', 'ISTANBUL\n\nThe minister said that the talks would resume.\n');
    const r = await extract(input);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/--title/);
    expect(r.stderr).toMatch(/--publisher/);
    expect(r.stderr).toMatch(/--date/);
    expect(r.stdout).toBe('');
  });

  it('takes title, publisher and date from the page, and a given flag wins', async () => {
    const html = file(
      'page.html',
      '<html lang="en"><head><title>Talks | Example</title><meta property="og:site_name" content="Example Daily">' +
        '<meta property="article:published_time" content="2026-01-05T09:30:00+03:00">' +
        '<link rel="canonical" href="https://example.org/talks"></head><body><p>ISTANBUL</p>' +
        '<article><h1>Talks resume in Paris</h1><p>The minister said that the talks would resume.</p></article></body></html>',
    );
    const r = await extract(html);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.article.title).toBe('Talks resume in Paris');
    expect(doc.article.publishedAt).toBe('2026-01-05T09:30:00+03:00');
    expect(doc.article.url).toBe('https://example.org/talks');
    expect(doc.sources.find((s: { id: string }) => s.id === doc.article.publisher).name).toBe(
      'Example Daily',
    );

    const md = file(
      'front.md',
      '---\ntitle: Front matter title\npublisher: Example Wire\ndate: 2026-01-04\n---\n\n# Heading\n\nThe envoy said the deal was close.\n',
    );
    const m = JSON.parse((await extract(md, '--publisher', 'Given Publisher')).stdout);
    expect(m.article.title).toBe('Front matter title');
    expect(m.article.publishedAt).toBe('2026-01-04');
    expect(m.sources.find((s: { id: string }) => s.id === m.article.publisher).name).toBe('Given Publisher');

    const bad = await extract(md, '--date', 'last Tuesday');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not an ISO date/);
  });

  it('with --ingest the draft is on disk before the database is tried', async () => {
    const input = file('ingest.md', '# Talks\n\nThe minister said that the talks would resume.\n');
    const out = path.join(tmp, 'kept.json');
    const r = await extract(
      input,
      '--publisher',
      'Example Daily',
      '--date',
      '2026-01-05',
      '--ingest',
      '--out',
      out,
    );
    // The database at the closed port fails; the draft is kept.
    expect(r.code).toBe(1);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.article.title).toBe('Talks');
    expect(doc.claims.length).toBe(1);
    expect(r.stderr).toMatch(/draft written to/);
  });
});

describe('eval:extract', { timeout: 180_000 }, () => {
  it('--help lists every flag with its default', async () => {
    const r = await evaluate('--help');
    expect(r.code).toBe(0);
    for (const flag of ['--corpus', '--split', '--method', '--json', '--story', '--show-held-out', '--help'])
      expect(r.stdout).toContain(flag);
    expect(r.stdout).toMatch(/default: dev and train/);
  });

  it('a missing corpus exits 1 with one line and leaves docs/extraction-eval.md alone', async () => {
    const doc = path.join(root, 'docs', 'extraction-eval.md');
    const before = statSync(doc).mtimeMs;
    const r = await evaluate('--corpus', path.join(tmp, 'no-corpus'));
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)).toBe(true);
    expect(r.stderr).toMatch(/corpus split not found/);
    expect(statSync(doc).mtimeMs).toBe(before);
    const usage = await evaluate('--method', 'magic');
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n')[0]).toMatch(/--method must be rules, tagger, product, both or all/);
  });

  it('scores any split in the PolNeAR layout and prints JSON without writing files', async () => {
    // A two-article corpus of our own in the PolNeAR layout.
    const dir = path.join(tmp, 'corpus');
    const split = path.join(dir, 'mini');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(split, 'text'), { recursive: true });
    mkdirSync(path.join(split, 'attributions'), { recursive: true });
    const text = 'The senator said the bill would pass.';
    writeFileSync(path.join(split, 'text', 'a1.txt'), text);
    writeFileSync(
      path.join(split, 'attributions', 'a1_0001.ann'),
      ['T1\tSource 0 11\tThe senator', 'T2\tCue 12 16\tsaid', 'T3\tContent 17 36\tthe bill would pass'].join(
        '\n',
      ),
    );
    const doc = path.join(root, 'docs', 'extraction-eval.md');
    const before = statSync(doc).mtimeMs;
    const r = await evaluate('--corpus', dir, '--split', 'mini', '--method', 'rules', '--json');
    expect(r.code, r.stderr).toBe(0);
    const scores = JSON.parse(r.stdout);
    const exact = scores.splits[0].methods.rules.exact;
    expect(scores.splits[0]).toMatchObject({ split: 'mini', documents: 1 });
    expect(exact.Cue).toMatchObject({ tp: 1, gold: 1 });
    expect(exact.Source).toMatchObject({ tp: 1, gold: 1 });
    expect(statSync(doc).mtimeMs).toBe(before);
  });

  it('--story scores the seed article and the tuning half only, without PolNeAR and without writing files', async () => {
    const doc = path.join(root, 'docs', 'extraction-eval.md');
    const before = statSync(doc).mtimeMs;
    // A corpus that does not exist: --story must not need one.
    const r = await evaluate('--story', '--json', '--corpus', path.join(tmp, 'no-corpus'));
    expect(r.code, r.stderr).toBe(0);
    const scores = JSON.parse(r.stdout);
    const gold = JSON.parse(readFileSync(path.join(root, 'fixtures', 'story', 'gold.json'), 'utf8'));
    expect(scores.tuning.documents).toEqual(gold.split.tuning);
    // The held-out half is not even computed unless asked for.
    expect(scores).not.toHaveProperty('heldOut');
    for (const half of [scores.seed, scores.tuning.scores]) expectCounts(half);
    // The tuning half holds the seed article, so it counts at least the seed's curated claims.
    expect(scores.tuning.scores.claimsAll.gold).toBeGreaterThan(scores.seed.claimsAll.gold);
    // Markdown: the held-out section says it was not scored, and shows no table.
    const md = await evaluate('--story');
    expect(md.code, md.stderr).toBe(0);
    const heldOut = md.stdout.slice(md.stdout.indexOf('held-out half'));
    expect(heldOut).toMatch(/Not scored in this run.*--show-held-out/);
    expect(heldOut).not.toMatch(/\| claims found/);
    expect(statSync(doc).mtimeMs).toBe(before);
  });

  it('--show-held-out adds the held-out half, on request only', async () => {
    const r = await evaluate('--story', '--show-held-out', '--json');
    expect(r.code, r.stderr).toBe(0);
    const scores = JSON.parse(r.stdout);
    const gold = JSON.parse(readFileSync(path.join(root, 'fixtures', 'story', 'gold.json'), 'utf8'));
    expect(scores.heldOut.documents).toEqual(gold.split.heldOut);
    expectCounts(scores.heldOut.scores);
  });
});
