/**
 * `npm run bench:matching`: what cross-article matching adds to the ingest of one article, on a
 * graph of N claims (issue 13: at most 1x the ingest time without it, at 1M claims).
 *
 *   npm run bench:matching -- --sizes 10000 --articles 40
 *
 * Per size: the synthetic corpus of N claims is bulk-loaded with the baseline (the fast way to a
 * big graph; bench/run.ts shows both ingest paths write the same graph), then the articles that
 * come next in the same stream (they re-report wire stories already in the graph, deny and
 * confirm its claims: what matching is for) are ingested one per transaction by
 * `ingestDocument`, alternately with and without matching in an ABBA order, so drift on a shared
 * machine falls on both sides alike. Figures are per claim (articles differ in size): the median
 * over articles of ms per claim with matching, without, and their ratio; "adds" is ratio - 1.
 *
 * Where matching's time goes is taken on the same articles through the statement hook (the
 * pipeline is left as it is): the server time of `matching/candidates` and `matching/record`,
 * the candidates returned, and the JavaScript between the two statements (reading the
 * candidates, scoring, building the proposals). With `--profile`, one more article is ingested
 * with matching in a transaction that is rolled back, every matching statement PROFILEd: its db
 * hits and the operators that cost. With `--recall N`, N more articles are ingested (untimed) and
 * for each the matches found through the indexed candidates are compared with the matcher's
 * ceiling at that size: the same matcher against every claim in the graph. Bounding the
 * candidates is what keeps matching flat as the graph grows; this is what it costs in matches.
 *
 * Results go to bench/out/matching-<size>.json and to the marked section of BENCHMARKS.md (which
 * bench/run.ts keeps when it re-renders the rest).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ProfiledPlan, QueryResult } from 'neo4j-driver';
import { benchConfig, openBenchStore } from './store.js';
import { toPlain } from '../src/db/convert.js';
import { cypher } from '../src/db/cypher.js';
import { toParams, type Database, type Tx } from '../src/db/database.js';
import { migrate } from '../src/db/migrations.js';
import type { ArticleDocument } from '../src/domain/document.js';
import { matchClaims, pairId, type Match, type MatchClaim } from '../src/domain/matching.js';
import { gradeWritten } from '../src/graph/grading.js';
import { ingestDocument, ingestInTx } from '../src/graph/ingest.js';
import type { IngestRows } from '../src/graph/ingest-rows.js';
import { claimsToMatch, findMatches, matchClaimOfRow } from '../src/graph/matching.js';
import { repoRoot } from '../src/paths.js';
import { generateCorpus } from './synth/corpus.js';
import { bareIngest } from './baseline/ingest.js';
import { wipeGraph } from './graph-shape.js';
import { machineInfo, type MachineInfo } from './machine.js';
import { distribution, msSince, type Distribution } from './stats.js';

export const MATCHING_START = '<!-- matching-cost:start (bench/matching-cost.ts) -->';
export const MATCHING_END = '<!-- matching-cost:end -->';
/** Issue 13's target: matching adds at most 1x the ingest time of the article without it. */
const TARGET_ADDS = 1;

export interface MatchingCost {
  size: number;
  at: string;
  command: string;
  seed: number;
  machine: MachineInfo & { loadStart: number[]; loadEnd: number[] };
  preloadSeconds: number;
  /** Articles ingested with matching and without (each side). */
  articles: number;
  claimsWith: number;
  claimsWithout: number;
  msPerClaimWith: Distribution;
  msPerClaimWithout: Distribution;
  msPerArticleWith: Distribution;
  msPerArticleWithout: Distribution;
  /** Median ms per claim with matching / without. */
  ratio: number;
  /** Proposals the matched articles left in the graph. */
  proposals: number;
  /** Per matched article, where matching's time went (see the header). */
  /**
   * With --recall: over the articles checked, the matches found through the indexed candidates
   * and the matches of the same matcher against every claim in the graph (found is a subset).
   */
  recall?: {
    articles: number;
    found: number;
    ceiling: number;
    byType: Record<string, { found: number; ceiling: number }>;
  };
  steps?: {
    candidatesServerMs: Distribution;
    candidatesWallMs: Distribution;
    candidates: Distribution;
    scoringMs: Distribution;
    recordServerMs: Distribution;
  };
}

/** One matched article's matching statements, as the statement hook saw them. */
interface Steps {
  candidatesServerMs?: number;
  candidatesWallMs?: number;
  candidates?: number;
  candidatesAt?: number;
  scoringMs?: number;
  recordServerMs?: number;
}

const CANDIDATES = cypher('matching/candidates');
const RECORD = cypher('matching/record');
const serverMs = (r: QueryResult) =>
  Number(r.summary.resultAvailableAfter) + Number(r.summary.resultConsumedAfter);

/** Records, for the article being ingested (`current.steps`), what its matching statements took. */
function watchMatching(db: Database, current: { steps: Steps | null }): void {
  db.onStatement(async (query, _mode, run) => {
    const started = performance.now();
    const result = (await run()) as unknown as QueryResult;
    const steps = current.steps;
    if (steps && query === CANDIDATES) {
      steps.candidatesAt = performance.now();
      steps.candidatesWallMs = steps.candidatesAt - started;
      steps.candidatesServerMs = serverMs(result);
      steps.candidates = result.records.length;
    } else if (steps && query === RECORD) {
      steps.scoringMs = started - (steps.candidatesAt ?? started);
      steps.recordServerMs = serverMs(result);
    }
    return result as never;
  });
}

/** PROFILE of the matching statements of one article's ingest, rolled back: db hits and costly operators. */
async function profileMatching(db: Database, doc: ArticleDocument): Promise<string[]> {
  const session = db.driver.session({ database: db.database });
  const tx = session.beginTransaction();
  const out: string[] = [];
  const run = async (q: string, p: Record<string, unknown> = {}) => {
    const matching = q === CANDIDATES || q === RECORD;
    const r = await tx.run(matching ? `PROFILE ${q}` : q, toParams(p) as Record<string, unknown>);
    if (matching)
      out.push(
        describePlan(
          q === CANDIDATES ? 'matching/candidates' : 'matching/record',
          r.summary.profile as ProfiledPlan,
          r.records.length,
        ),
      );
    return r;
  };
  const ptx: Tx = {
    rows: async (q, p) =>
      (await run(q, p)).records.map((x) => toPlain(x.toObject()) as Record<string, never>),
    exec: async (q, p) => {
      await run(q, p);
      return {};
    },
  };
  try {
    await ingestInTx(ptx, doc, { by: 'bench', match: true });
  } finally {
    await tx.rollback();
    await session.close();
  }
  return out;
}

/**
 * Every claim in the graph (or of one article) in the matcher's shape: the projection of
 * `matching/candidates` itself, so the ceiling sees exactly what a candidate would.
 */
function allClaimsQuery(): string {
  const text = CANDIDATES;
  const tail = text.slice(text.indexOf('WITH DISTINCT node'));
  return `MATCH (node:Claim) WHERE $article IS NULL OR node.key STARTS WITH $article\n${tail}`;
}

async function checkRecall(db: Database, docs: readonly ArticleDocument[], log: (m: string) => void) {
  const query = allClaimsQuery();
  const read = (article: string | null) =>
    db.read((tx) => tx.rows(query, { article, claimPrefix: '\u0000' })).then((r) => r.map(matchClaimOfRow));
  const pool: MatchClaim[] = await read(null);
  const key = (m: Match) => `${m.type} ${pairId(m.from, m.to)}`;
  const out = {
    articles: 0,
    found: 0,
    ceiling: 0,
    byType: {} as Record<string, { found: number; ceiling: number }>,
  };
  for (const doc of docs) {
    let rows: IngestRows | null = null;
    await ingestDocument(db, doc, {
      by: 'bench',
      match: false,
      afterWrite: async (tx, r) => {
        rows = r;
        await gradeWritten(tx, [r], { fresh: true });
      },
    });
    const written = rows as IngestRows | null;
    if (!written) continue;
    const found = new Set((await db.read((tx) => findMatches(tx, written))).map(key));
    const ceiling = matchClaims(claimsToMatch(written), pool);
    out.articles++;
    for (const m of ceiling) {
      const t = (out.byType[m.type] ??= { found: 0, ceiling: 0 });
      t.ceiling++;
      out.ceiling++;
      if (found.has(key(m))) {
        t.found++;
        out.found++;
      }
    }
    pool.push(...(await read(`${doc.article.id}#`)));
  }
  log(
    `recall of the indexed candidates against every claim: ${out.found} of ${out.ceiling} matches ` +
      `over ${out.articles} articles (${Object.entries(out.byType)
        .map(([t, x]) => `${t} ${x.found}/${x.ceiling}`)
        .join(', ')})`,
  );
  return out;
}

function describePlan(name: string, plan: ProfiledPlan, rows: number): string {
  let hits = 0;
  const ops: string[] = [];
  const walk = (p: ProfiledPlan) => {
    hits += Number(p.dbHits);
    if (Number(p.dbHits) >= 500 || /Eager|Scan|Cartesian/.test(p.operatorType))
      ops.push(
        `    ${p.operatorType} rows=${Number(p.rows)} hits=${Number(p.dbHits)} ${String(
          p.arguments['Details'] ?? '',
        )
          .replace(/\s+/g, ' ')
          .slice(0, 120)}`,
      );
    p.children.forEach(walk);
  };
  walk(plan);
  return [`  ${name}: ${rows} rows, ${hits} db hits`, ...ops].join('\n');
}

/** Sample articles ingested untimed first, alternately with and without matching. */
const WARMUP = 4;

const round = (x: number) => Math.round(x * 100) / 100;

async function measure(
  size: number,
  articles: number,
  seed: number,
  profile: boolean,
  recall: number,
  log: (m: string) => void,
) {
  const home = path.join('.neo4j', `bench-matching-${size}`);
  if (!process.env.NEO4J_URI && existsSync(home)) rmSync(home, { recursive: true, force: true });
  const config = benchConfig();
  const { target, db } = await openBenchStore(config, home, log);
  const loadStart = loadavg().map(round);
  try {
    await migrate(db);
    await wipeGraph(db.driver, target.database);
    // The graph: the first `size` claims of the stream. The sample: the articles after them.
    const wanted = articles * 2 + WARMUP + (profile ? 1 : 0) + recall;
    const stream = generateCorpus({ seed, claims: size + wanted * 60 });
    const graph: ArticleDocument[] = [];
    const sample: ArticleDocument[] = [];
    let claims = 0;
    for (const doc of stream) {
      if (claims < size) graph.push(doc);
      else if (sample.length < wanted) sample.push(doc);
      else break;
      claims += doc.claims.length;
    }
    if (sample.length < wanted) throw new Error(`the stream gave only ${sample.length} sample articles`);
    const recallDocs = sample.splice(sample.length - recall, recall);
    const profiled = profile ? sample.pop()! : null;
    log(`size ${size}: bulk-loading ${graph.length} articles (${claims} claims in the stream so far)`);
    const t = Date.now();
    for (let i = 0; i < graph.length; i += 50)
      await bareIngest(db.driver, target.database, graph.slice(i, i + 50));
    const preloadSeconds = (Date.now() - t) / 1000;
    log(`bulk load: ${preloadSeconds.toFixed(0)} s; warming up`);
    // Warm-up (JIT, query plans, page cache) on both paths, untimed: the first sample articles.
    const warm = sample.splice(0, WARMUP);
    for (const [i, doc] of warm.entries()) await ingestDocument(db, doc, { by: 'bench', match: i % 2 === 0 });

    const side = { with: [] as number[][], without: [] as number[][] };
    const current: { steps: Steps | null } = { steps: null };
    const steps: Steps[] = [];
    watchMatching(db, current);
    for (let i = 0; i + 1 < sample.length; i += 2) {
      // ABBA: pairs alternate which side goes first.
      const order = (i / 2) % 2 === 0 ? [true, false] : [false, true];
      for (const [j, match] of order.entries()) {
        const doc = sample[i + j]!;
        current.steps = match ? {} : null;
        const start = process.hrtime.bigint();
        await ingestDocument(db, doc, { by: 'bench', match });
        (match ? side.with : side.without).push([msSince(start), doc.claims.length]);
        if (current.steps) steps.push(current.steps);
      }
    }
    current.steps = null;
    const loadEnd = loadavg().map(round);
    const [row] = await db.read((tx) => tx.rows('MATCH (p:LinkProposal) RETURN count(p) AS n'));
    const perClaim = (xs: number[][]) => distribution(xs.map(([ms, n]) => ms! / n!));
    const perArticle = (xs: number[][]) => distribution(xs.map(([ms]) => ms!));
    const msPerClaimWith = perClaim(side.with);
    const msPerClaimWithout = perClaim(side.without);
    const result: MatchingCost = {
      size,
      at: new Date().toISOString(),
      command: `npm run bench:matching -- ${process.argv.slice(2).join(' ')}`.trim(),
      seed,
      machine: { ...machineInfo(), loadStart, loadEnd },
      preloadSeconds,
      articles: side.with.length,
      claimsWith: side.with.reduce((n, [, c]) => n + c!, 0),
      claimsWithout: side.without.reduce((n, [, c]) => n + c!, 0),
      msPerClaimWith,
      msPerClaimWithout,
      msPerArticleWith: perArticle(side.with),
      msPerArticleWithout: perArticle(side.without),
      ratio: msPerClaimWith.median / msPerClaimWithout.median,
      proposals: Number(row?.n ?? 0),
      steps: {
        candidatesServerMs: distributionOf(steps, 'candidatesServerMs'),
        candidatesWallMs: distributionOf(steps, 'candidatesWallMs'),
        candidates: distributionOf(steps, 'candidates'),
        scoringMs: distributionOf(steps, 'scoringMs'),
        recordServerMs: distributionOf(steps, 'recordServerMs'),
      },
    };
    log(
      `size ${size}: ${result.msPerClaimWith.median.toFixed(2)} ms/claim with matching, ` +
        `${result.msPerClaimWithout.median.toFixed(2)} without: ratio ${result.ratio.toFixed(2)} ` +
        `(load ${loadStart[0]} -> ${loadEnd[0]})`,
    );
    const st = result.steps!;
    log(
      `matching per article (median): candidates ${st.candidates.median} rows, ` +
        `${st.candidatesServerMs.median.toFixed(0)} ms server / ${st.candidatesWallMs.median.toFixed(0)} ms wall; ` +
        `scoring ${st.scoringMs.median.toFixed(0)} ms; record ${st.recordServerMs.median.toFixed(0)} ms server`,
    );
    if (recallDocs.length > 0) result.recall = await checkRecall(db, recallDocs, log);
    if (profiled) {
      log(
        `PROFILE of matching, article ${profiled.article.id} (${profiled.claims.length} claims), rolled back:`,
      );
      for (const line of await profileMatching(db, profiled)) console.log(line);
    }
    return result;
  } finally {
    await db.close();
    await target.stop();
  }
}

const distributionOf = (steps: readonly Steps[], k: keyof Steps): Distribution =>
  distribution(steps.map((s) => s[k]).filter((x): x is number => x !== undefined));

/** The BENCHMARKS.md section, from every bench/out/matching-*.json. */
export function renderMatchingSection(results: readonly MatchingCost[]): string {
  const f = (x: number) => x.toFixed(2);
  const lines = [
    MATCHING_START,
    '## Cross-article matching: ingest with and without it',
    '',
    'Generated by `npm run bench:matching` (bench/matching-cost.ts). Per size, the synthetic corpus is',
    'bulk-loaded, then the articles that follow in the same stream (re-reports of wire stories already',
    'in the graph, denials, confirmations) are ingested one per transaction, alternately with and',
    'without matching (ABBA order). Per claim, median over articles. **Target** (issue 13): matching',
    `adds at most ${TARGET_ADDS}x the ingest time of the article without it, i.e. ratio <= ${1 + TARGET_ADDS}.00, at 1M claims.`,
    '',
    '| claims in graph | articles per side | ms/claim without | ms/claim with | ratio (with / without) | matching adds | proposals | load (1 min) start -> end | measured |',
    '|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ];
  for (const r of [...results].sort((a, b) => a.size - b.size)) {
    lines.push(
      `| ${r.size.toLocaleString('en-US')} | ${r.articles} | ${f(r.msPerClaimWithout.median)} | ${f(r.msPerClaimWith.median)} | ` +
        `${f(r.ratio)} | ${f(r.ratio - 1)}x ${r.ratio - 1 <= TARGET_ADDS ? '(within target)' : '(**over target**)'} | ` +
        `${r.proposals} | ${r.machine.loadStart[0]} -> ${r.machine.loadEnd[0]} (${r.machine.nproc} cores) | ${r.at.slice(0, 16)} UTC |`,
    );
  }
  const measured = [...results].filter((r) => r.steps).sort((a, b) => a.size - b.size);
  if (measured.length > 0) {
    lines.push(
      '',
      "Where matching's time goes, per matched article (median; server time from the statement summaries,",
      'scoring is the JavaScript between the two statements: reading the candidates, scoring, building the proposals):',
      '',
      '| claims in graph | candidates returned | candidates: server ms | candidates: wall ms | scoring ms | record: server ms |',
      '|---:|---:|---:|---:|---:|---:|',
      ...measured.map((r) => {
        const s = r.steps!;
        return `| ${r.size.toLocaleString('en-US')} | ${s.candidates.median} | ${s.candidatesServerMs.median.toFixed(0)} | ${s.candidatesWallMs.median.toFixed(0)} | ${s.scoringMs.median.toFixed(0)} | ${s.recordServerMs.median.toFixed(0)} |`;
      }),
    );
  }
  const recalled = [...results].filter((r) => r.recall).sort((a, b) => a.size - b.size);
  if (recalled.length > 0) {
    lines.push(
      '',
      'What bounding the candidates costs in matches (`--recall N`: N more articles, untimed): the matches found',
      'through the indexed candidates against those of the same matcher scoring every claim in the graph.',
      '',
      '| claims in graph | articles | found / ceiling | SAME_STATEMENT | SUPPORTS | CONTRADICTS |',
      '|---:|---:|---:|---:|---:|---:|',
      ...recalled.map((r) => {
        const x = r.recall!;
        const t = (k: string) => (x.byType[k] ? `${x.byType[k].found} / ${x.byType[k].ceiling}` : '0 / 0');
        return `| ${r.size.toLocaleString('en-US')} | ${x.articles} | ${x.found} / ${x.ceiling} | ${t('SAME_STATEMENT')} | ${t('SUPPORTS')} | ${t('CONTRADICTS')} |`;
      }),
    );
  }
  lines.push(
    '',
    'A load average far above the core count means the machine was shared during the run: both sides',
    'alternate, so the ratio stands better than either absolute figure. `proposals`: LinkProposal nodes',
    'the matched articles left. The synthetic sentences are templated, so an article matches far more',
    'claims than a real one does (the story corpus: 176 proposals over 11 articles); writing those',
    'proposals is part of what matching costs here.',
    MATCHING_END,
  );
  return lines.join('\n');
}

/** BENCHMARKS.md with its matching section replaced (or appended). */
export function withMatchingSection(report: string, section: string): string {
  const start = report.indexOf(MATCHING_START);
  const end = report.indexOf(MATCHING_END);
  if (start >= 0 && end > start)
    return report.slice(0, start) + section + report.slice(end + MATCHING_END.length);
  return `${report.trimEnd()}\n\n${section}\n`;
}

/** The matching section already in BENCHMARKS.md, if any (bench/run.ts keeps it on re-render). */
export function existingMatchingSection(report: string): string | null {
  const start = report.indexOf(MATCHING_START);
  const end = report.indexOf(MATCHING_END);
  return start >= 0 && end > start ? report.slice(start, end + MATCHING_END.length) : null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10000' },
      articles: { type: 'string', default: '40' },
      seed: { type: 'string', default: '42' },
      profile: { type: 'boolean', default: false },
      recall: { type: 'string', default: '0' },
    },
  });
  const log = (m: string) => console.log(`[bench:matching] ${m}`);
  const outDir = path.join(repoRoot, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  for (const size of values.sizes.split(',').map(Number)) {
    const result = await measure(
      size,
      Number(values.articles),
      Number(values.seed),
      values.profile,
      Number(values.recall),
      log,
    );
    writeFileSync(path.join(outDir, `matching-${size}.json`), JSON.stringify(result, null, 2));
  }
  const results = readdirSync(outDir)
    .filter((f) => /^matching-\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(path.join(outDir, f), 'utf8')) as MatchingCost);
  const file = path.join(repoRoot, 'BENCHMARKS.md');
  writeFileSync(file, withMatchingSection(readFileSync(file, 'utf8'), renderMatchingSection(results)));
  log('wrote the matching section of BENCHMARKS.md');
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  await main();
}
