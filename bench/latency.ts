/**
 * Read latency, every registered case side by side: for each sampled claim every case runs once,
 * in an order that rotates per claim, so drift and caching favour no case. Before any timing is
 * trusted, every case's answer is compared with the baseline's (and with the generator's own
 * record of the chain when the caller gives one).
 */
import type { ArticleDocument } from '../src/domain/document.js';
import { claimKey } from '../src/domain/keys.js';
import type { BenchClient, LatencyCase, ProvenanceView, ReadInput } from './cases.js';
import { distribution, msSince, type Distribution } from './stats.js';

export interface CaseLatency {
  name: string;
  question: string;
  baseline: boolean;
  skipped?: string;
  ms?: Distribution;
  /** Median of this case over median of its question's baseline. */
  ratioToBaseline?: number;
}

export interface LatencyReport {
  samples: number;
  cases: CaseLatency[];
  /** Answers that differ between cases or from the expected chain; empty when all agree. */
  wrongAnswers: string[];
}

export interface LatencyOptions {
  client: BenchClient;
  cases: readonly LatencyCase[];
  claimKeys: readonly string[];
  /** The true chain of (some of) the claims, from the generator. */
  expected?: ReadonlyMap<string, ProvenanceView>;
  /** Untimed passes over the first claims, to warm caches and the JIT; default 20. */
  warmup?: number;
}

const sameAnswer = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** An answer that holds nothing: no value, an empty list, or a view whose every list is empty. */
export function isEmptyAnswer(answer: unknown): boolean {
  if (answer === null || answer === undefined) return true;
  if (Array.isArray(answer)) return answer.length === 0;
  if (typeof answer === 'object') {
    const lists = Object.values(answer).filter(Array.isArray);
    return lists.length > 0 && lists.every((l) => l.length === 0);
  }
  return false;
}

export async function measureLatency(options: LatencyOptions): Promise<LatencyReport> {
  const { client, claimKeys } = options;
  const inputs = await readInputs(client, claimKeys);
  const cases: CaseLatency[] = [];
  const runnable: LatencyCase[] = [];
  for (const c of options.cases) {
    if (c.needs && !client[c.needs]) {
      cases.push({ name: c.name, question: c.question, baseline: !!c.baseline, skipped: `needs ${c.needs}` });
    } else {
      runnable.push(c);
    }
  }
  const timings = runnable.map(() => [] as number[]);
  const wrongAnswers: string[] = [];
  const warmup = Math.min(options.warmup ?? 20, claimKeys.length);

  for (let i = -warmup; i < claimKeys.length; i++) {
    const input = inputs[i < 0 ? i + warmup : i]!;
    const answers: unknown[] = new Array(runnable.length);
    for (let j = 0; j < runnable.length; j++) {
      const index = (j + Math.max(i, 0)) % runnable.length;
      const t = process.hrtime.bigint();
      answers[index] = await runnable[index]!.run(client, input);
      if (i >= 0) timings[index]!.push(msSince(t));
    }
    if (i < 0) continue;
    answers.forEach((answer, index) => {
      const question = runnable[index]!.question;
      const baseIndex = runnable.findIndex((c) => c.baseline && c.question === question);
      const expected =
        (question === 'provenance' ? options.expected?.get(input.claimKey) : undefined) ?? answers[baseIndex];
      const problem =
        expected === undefined
          ? 'no baseline answer to check it against'
          : !sameAnswer(answer, expected)
            ? `${JSON.stringify(answer).slice(0, 400)} != ${JSON.stringify(expected).slice(0, 400)}`
            : isEmptyAnswer(answer)
              ? 'empty on both sides, so their agreement proves nothing'
              : null;
      if (problem && wrongAnswers.length < 20) {
        wrongAnswers.push(`${runnable[index]!.name} on ${JSON.stringify(input)}: ${problem}`);
      }
    });
  }

  const measured = runnable.map((c, i) => ({
    name: c.name,
    question: c.question,
    baseline: !!c.baseline,
    ms: distribution(timings[i]!),
  }));
  for (const m of measured) {
    const base = measured.find((b) => b.baseline && b.question === m.question);
    cases.push({ ...m, ...(base ? { ratioToBaseline: m.ms.median / base.ms.median } : {}) });
  }
  return { samples: claimKeys.length, cases, wrongAnswers };
}

/**
 * Per sampled claim, the inputs of every question: the claim, the origin of its chain (for the
 * page by speaker, and its name for the agent lookup), the longest word of its text (for
 * full-text search) and a day for the timeline (one its events fall on, else the last day with an event
 * before its article).
 * One query.
 */
export async function readInputs(client: BenchClient, claimKeys: readonly string[]): Promise<ReadInput[]> {
  const rows = await client.db.read((tx) =>
    tx.rows(
      `UNWIND $keys AS key
       MATCH (article:Article)-[:CONTAINS]->(c:Claim {key: key})<-[:TELLS]-(:Telling {isOrigin: true})-[:TOLD_BY]->(a)
       WITH key, c, article, a ORDER BY a.key
       WITH key, c, article, head(collect(a)) AS speaker
       RETURN key, speaker.key AS speakerKey, speaker.name AS speakerName, c.text AS text,
         coalesce(
           head([(c)-[:REFERS_TO]->(e:Event) WHERE e.timeEarliest IS NOT NULL | e.timeEarliest]),
           COLLECT {
             MATCH (e:Event) WHERE e.timeEarliest <= left(toString(article.publishedAt), 10)
             RETURN e.timeEarliest ORDER BY e.timeEarliest DESC LIMIT 1
           }[0],
           COLLECT {
             MATCH (e:Event) WHERE e.timeEarliest IS NOT NULL
             RETURN e.timeEarliest ORDER BY e.timeEarliest LIMIT 1
           }[0]) AS day`,
      { keys: [...claimKeys] },
    ),
  );
  const byKey = new Map(rows.map((r) => [String(r.key), r]));
  return claimKeys.map((claimKey) => {
    const r = byKey.get(claimKey);
    const words = String(r?.text ?? '')
      .split(/[^A-Za-z]+/)
      .filter((w) => w.length >= 4)
      .sort((a, b) => b.length - a.length || a.localeCompare(b));
    return {
      claimKey,
      speakerKey: String(r?.speakerKey ?? ''),
      speakerName: String(r?.speakerName ?? ''),
      searchTerm: words[0] ?? 'said',
      day: String(r?.day ?? ''),
    };
  });
}

/** Every `step`-th claim key of the corpus, a deterministic spread over articles and depths. */
export function sampleClaimKeys(docs: readonly ArticleDocument[], count: number): string[] {
  const all = docs.flatMap((d) => d.claims.map((c) => claimKey(d.article.id, c.id)));
  const step = Math.max(1, Math.floor(all.length / count));
  return all.filter((_, i) => i % step === 0).slice(0, count);
}

/** The chain each claim was generated with, as the provenance cases must return it. */
export function expectedProvenance(
  docs: readonly ArticleDocument[],
  keys: readonly string[],
): Map<string, ProvenanceView> {
  const wanted = new Set(keys);
  const out = new Map<string, ProvenanceView>();
  for (const doc of docs) {
    const names = new Map<string, string>([...doc.sources, ...doc.actors].map((x) => [x.id, x.name]));
    for (const c of doc.claims) {
      const key = claimKey(doc.article.id, c.id);
      if (!wanted.has(key)) continue;
      out.set(key, {
        claimKey: key,
        agents: [names.get(doc.article.publisher)!, ...c.chain.map((h) => names.get(h.agent)!)],
        roles: ['published', ...c.chain.map((h) => h.role)],
        anonymous: [false, ...c.chain.map((h) => h.anonymous ?? false)],
      });
    }
  }
  return out;
}
