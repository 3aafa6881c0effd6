/**
 * The trained attribution tagger: a feature dictionary and averaged-perceptron weights, stored
 * gzipped as JSON in `data/models/attribution-tagger.json.gz` (written by `npm run train:extract`)
 * and read once per process. `tagSpans` gives Source / Cue / Content spans for an analysed text.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { repoRoot } from '../../paths.js';
import { type Attribution, findAttributions } from '../attributions.js';
import type { Lexicon } from '../lexicon.js';
import type { Analysis } from '../tokens.js';
import { joinContentRuns, type RoleSpanSets, spansOfTags, tokenFeatures } from './features.js';
import { NTAGS, TAGS, viterbi, type Weights } from './perceptron.js';

export const DEFAULT_MODEL_FILE = path.join(repoRoot, 'data', 'models', 'attribution-tagger.json.gz');

/**
 * The file: gzipped JSON whose big parts are packed so that loading is a split and a copy, not
 * the parsing of millions of numbers: feature names joined by newlines, emission weights as
 * little-endian float32 in base64 (NTAGS per feature, in the order of the names).
 */
const ModelFile = z.object({
  format: z.literal('attribution-tagger/2'),
  tags: z.array(z.string()).refine((t) => t.join() === TAGS.join(), 'tags differ from this code'),
  /** How the weights were obtained (corpus, epochs, dev scores), for the record. */
  training: z.record(z.string(), z.unknown()),
  features: z.string(),
  emit: z.string(),
  trans: z.array(z.number()).length((NTAGS + 1) * NTAGS),
});

export interface TaggerModel {
  ids: Map<string, number>;
  weights: Weights;
  training: Record<string, unknown>;
}

/** The rule finder's spans as PolNeAR scores them: outermost attributions only. */
export function ruleSpans(a: Analysis, lex: Lexicon): RoleSpanSets {
  return attributionSpans(a, findAttributions(a, lex, { nested: false }));
}

/** The Source, Cue and Content spans of outermost attributions. */
export function attributionSpans(a: Analysis, attributions: readonly Attribution[]): RoleSpanSets {
  const out: RoleSpanSets = { Source: [], Cue: [], Content: [] };
  for (const at of attributions) {
    if (at.source) out.Source.push(at.source);
    out.Cue.push(at.cue);
    // A bare colon stands for the list under it ("X said:" and one item per line).
    out.Content.push(...at.content.filter((c) => a.text.slice(c.start, c.end) !== ':'), ...(at.items ?? []));
  }
  return out;
}

/** Feature ids of each token; features the model never saw are dropped. */
export function featureRows(model: TaggerModel, features: readonly string[][]): number[][] {
  return features.map((f) => {
    const row: number[] = [];
    for (const name of f) {
      const id = model.ids.get(name);
      if (id !== undefined) row.push(id);
    }
    return row;
  });
}

/** Tagger spans for an analysed text; `rules` defaults to the rule finder's own spans. */
export function tagSpans(
  model: TaggerModel,
  a: Analysis,
  lex: Lexicon,
  rules: RoleSpanSets = ruleSpans(a, lex),
): RoleSpanSets {
  const rows = featureRows(model, tokenFeatures(a, lex, rules));
  const tags = viterbi(rows, model.weights).map((t) => TAGS[t]!);
  return spansOfTags(a, joinContentRuns(a, tags));
}

export function serialiseModel(
  names: readonly string[],
  weights: Weights,
  training: Record<string, unknown>,
): Buffer {
  // Features whose weights are all (nearly) zero carry nothing: leave them out.
  const kept: number[] = [];
  names.forEach((name, f) => {
    if (name.includes('\n'))
      throw new Error(`tagger model: a feature name holds a line break: ${JSON.stringify(name)}`);
    for (let t = 0; t < NTAGS; t++) if (Math.abs(weights.emit[f * NTAGS + t]!) >= 1e-3) return kept.push(f);
  });
  const emit = new Float32Array(kept.length * NTAGS);
  kept.forEach((f, k) => emit.set(weights.emit.subarray(f * NTAGS, (f + 1) * NTAGS), k * NTAGS));
  const file = {
    format: 'attribution-tagger/2',
    tags: [...TAGS],
    training,
    features: kept.map((f) => names[f]!).join('\n'),
    emit: Buffer.from(emit.buffer, emit.byteOffset, emit.byteLength).toString('base64'),
    trans: Array.from(weights.trans, (x) => Math.fround(x)),
  };
  // Fixed gzip level and no timestamp in the JSON: the same weights give the same bytes.
  return gzipSync(JSON.stringify(file), { level: 9 });
}

export function parseModel(bytes: Buffer): TaggerModel {
  const file = ModelFile.parse(JSON.parse(gunzipSync(bytes).toString('utf8')));
  const features = file.features === '' ? [] : file.features.split('\n');
  const packed = Buffer.from(file.emit, 'base64');
  if (packed.length !== features.length * NTAGS * 4)
    throw new Error(`tagger model: ${packed.length / 4} weights for ${features.length} features`);
  // Copied out to an aligned buffer (a view of the decoded bytes may start at any offset).
  const emit = Float64Array.from(
    new Float32Array(packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.length)),
  );
  const ids = new Map<string, number>();
  features.forEach((name, i) => ids.set(name, i));
  return { ids, weights: { emit, trans: Float64Array.from(file.trans) }, training: file.training };
}

export function writeModel(file: string, bytes: Buffer): void {
  writeFileSync(file, bytes);
}

const loaded = new Map<string, TaggerModel | undefined>();

/**
 * The committed model, read and parsed once per process. Undefined when the file is absent (a
 * checkout before the first `npm run train:extract`): callers then use the rules alone.
 */
export function loadTagger(file: string = DEFAULT_MODEL_FILE): TaggerModel | undefined {
  if (!loaded.has(file)) loaded.set(file, existsSync(file) ? parseModel(readFileSync(file)) : undefined);
  return loaded.get(file);
}
