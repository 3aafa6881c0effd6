/**
 * Trains the attribution tagger on annotated texts: features from `features.ts`, gold BIO tags
 * from the annotated spans, an averaged structured perceptron, documents shuffled between epochs
 * by a seeded generator. After each epoch the averaged weights are scored on the development
 * documents (exact F1 over the three roles); the epoch that scores best is kept. Nothing here
 * reads the clock or Math.random, so the same inputs give the same weights.
 */
import type { Lexicon } from '../../../src/extract/lexicon.js';
import { analyse } from '../../../src/extract/tokens.js';
import {
  bioOf,
  type RoleName,
  type RoleSpanSets,
  tokenFeatures,
} from '../../../src/extract/tagger/features.js';
import { ruleSpans, tagSpans, type TaggerModel } from '../../../src/extract/tagger/model.js';
import { TAGS, Trainer, seeded, shuffle, type Weights } from '../../../src/extract/tagger/perceptron.js';

export interface TrainingText {
  name: string;
  text: string;
  gold: RoleSpanSets;
}

export interface TrainOptions {
  /** Most passes over the training texts. Default 16. */
  maxEpochs?: number;
  /** Features seen fewer times than this in training are dropped. Default 2. */
  minCount?: number;
  seed?: number;
  /** Called after each epoch (progress output). */
  onEpoch?: (report: EpochReport) => void;
}

export interface EpochReport {
  epoch: number;
  /** Share of training tokens tagged wrongly during the pass. */
  trainErrorRate: number;
  /** Exact F1 per role on the development texts, and their mean. */
  dev: Record<RoleName, number> & { mean: number };
}

export interface Trained {
  names: string[];
  weights: Weights;
  epochs: EpochReport[];
  bestEpoch: number;
}

interface Prepared {
  rows: number[][];
  gold: number[];
}

const TAG_ID = new Map<string, number>(TAGS.map((t, i) => [t, i]));

/** Exact-match F1 of predicted against gold spans, per role. */
export function exactF1(
  pairs: readonly { predicted: RoleSpanSets; gold: RoleSpanSets }[],
): Record<RoleName, number> {
  const out = {} as Record<RoleName, number>;
  for (const role of ['Source', 'Cue', 'Content'] as const) {
    let tp = 0;
    let p = 0;
    let g = 0;
    for (const { predicted, gold } of pairs) {
      const keys = new Set(gold[role].map((s) => `${s.start}:${s.end}`));
      p += predicted[role].length;
      g += gold[role].length;
      for (const s of new Set(predicted[role].map((x) => `${x.start}:${x.end}`))) if (keys.has(s)) tp++;
    }
    const precision = p === 0 ? 0 : tp / p;
    const recall = g === 0 ? 0 : tp / g;
    out[role] = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  }
  return out;
}

export function trainTagger(
  train: readonly TrainingText[],
  dev: readonly TrainingText[],
  lex: Lexicon,
  options: TrainOptions = {},
): Trained {
  const maxEpochs = options.maxEpochs ?? 16;
  const minCount = options.minCount ?? 2;
  const random = seeded(options.seed ?? 15);

  // Features as strings once, interned with counts; rare ones dropped afterwards.
  const ids = new Map<string, number>();
  const counts: number[] = [];
  const raw: { rows: Int32Array[]; gold: number[] }[] = [];
  for (const doc of train) {
    const a = analyse(doc.text);
    const features = tokenFeatures(a, lex, ruleSpans(a, lex));
    const rows = features.map((f) =>
      Int32Array.from(f, (name) => {
        let id = ids.get(name);
        if (id === undefined) {
          id = ids.size;
          ids.set(name, id);
          counts.push(0);
        }
        counts[id]!++;
        return id;
      }),
    );
    raw.push({ rows, gold: bioOf(a, doc.gold).map((t) => TAG_ID.get(t)!) });
  }
  const remap = new Int32Array(ids.size).fill(-1);
  const names: string[] = [];
  for (const [name, id] of ids) {
    if (counts[id]! >= minCount) {
      remap[id] = names.length;
      names.push(name);
    }
  }
  const prepared: Prepared[] = raw.map((d) => ({
    rows: d.rows.map((r) => {
      const out: number[] = [];
      for (const id of r) if (remap[id]! >= 0) out.push(remap[id]!);
      return out;
    }),
    gold: d.gold,
  }));
  const tokens = prepared.reduce((n, d) => n + d.gold.length, 0);

  // Development texts analysed once; scored with the averaged weights after each epoch.
  const devPrepared = dev.map((doc) => {
    const a = analyse(doc.text);
    return { a, rules: ruleSpans(a, lex), gold: doc.gold };
  });
  const nameIds = new Map(names.map((n, i) => [n, i]));

  const trainer = new Trainer(names.length);
  const order = prepared.map((_, i) => i);
  const epochs: EpochReport[] = [];
  let best: { epoch: number; mean: number; weights: Weights } | undefined;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    let wrong = 0;
    for (const i of shuffle(order, random)) wrong += trainer.step(prepared[i]!.rows, prepared[i]!.gold);
    const weights = trainer.averaged();
    const model: TaggerModel = { ids: nameIds, weights, training: {} };
    const scores = exactF1(
      devPrepared.map((d) => ({ predicted: tagSpans(model, d.a, lex, d.rules), gold: d.gold })),
    );
    const mean = (scores.Source + scores.Cue + scores.Content) / 3;
    const report: EpochReport = {
      epoch,
      trainErrorRate: tokens === 0 ? 0 : wrong / tokens,
      dev: { ...scores, mean },
    };
    epochs.push(report);
    options.onEpoch?.(report);
    if (!best || mean > best.mean || dev.length === 0) best = { epoch, mean, weights };
  }
  if (!best) throw new Error('training needs at least one epoch');
  return { names, weights: best.weights, epochs, bestEpoch: best.epoch };
}
