/**
 * A structured averaged perceptron over BIO tags (Collins 2002): one weight per (feature, tag),
 * one per tag transition, Viterbi decoding over a whole document with the BIO constraint (an
 * inside tag only continues a span of its own role). Small, dependency-free and deterministic:
 * the same documents in the same order give the same weights, bit for bit.
 */

/** The tags: outside, then begin/inside for each role, in this order. */
export const TAGS = ['O', 'B-Source', 'I-Source', 'B-Cue', 'I-Cue', 'B-Content', 'I-Content'] as const;
export type Tag = (typeof TAGS)[number];
export const NTAGS = TAGS.length;

/** I-X may follow only B-X or I-X; every other move is allowed. `prev` -1 is the document start. */
export function allowed(prev: number, cur: number): boolean {
  const tag = TAGS[cur]!;
  if (!tag.startsWith('I-')) return true;
  if (prev < 0) return false;
  const role = tag.slice(2);
  return TAGS[prev] === `B-${role}` || TAGS[prev] === `I-${role}`;
}

/** A document as the perceptron sees it: per token, the ids of its active features. */
export type FeatureRows = readonly (readonly number[])[];

export interface Weights {
  /** Emission weights, feature-major: `emit[f * NTAGS + t]`. */
  emit: Float64Array;
  /** Transition weights: `trans[(prev + 1) * NTAGS + cur]`, row 0 is the document start. */
  trans: Float64Array;
}

const NEG = -Infinity;

/** The best tag sequence under the weights (hard BIO constraint). */
export function viterbi(rows: FeatureRows, w: Weights): number[] {
  const n = rows.length;
  if (n === 0) return [];
  const score = new Float64Array(n * NTAGS);
  const back = new Int8Array(n * NTAGS);
  const emission = new Float64Array(NTAGS);
  for (let i = 0; i < n; i++) {
    emission.fill(0);
    for (const f of rows[i]!) {
      const base = f * NTAGS;
      for (let t = 0; t < NTAGS; t++) emission[t]! += w.emit[base + t]!;
    }
    for (let t = 0; t < NTAGS; t++) {
      let best = NEG;
      let arg = 0;
      if (i === 0) {
        best = allowed(-1, t) ? w.trans[t]! : NEG;
      } else {
        for (let p = 0; p < NTAGS; p++) {
          if (!allowed(p, t)) continue;
          const s = score[(i - 1) * NTAGS + p]! + w.trans[(p + 1) * NTAGS + t]!;
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[i * NTAGS + t] = best + emission[t]!;
      back[i * NTAGS + t] = arg;
    }
  }
  let last = 0;
  for (let t = 1; t < NTAGS; t++) if (score[(n - 1) * NTAGS + t]! > score[(n - 1) * NTAGS + last]!) last = t;
  const out = new Array<number>(n);
  out[n - 1] = last;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * NTAGS + out[i]!]!;
  return out;
}

/** Averaged-perceptron training state: current weights plus the time-weighted sums for averaging. */
export class Trainer {
  readonly w: Weights;
  private readonly emitSum: Float64Array;
  private readonly transSum: Float64Array;
  /** Number of documents seen so far (the averaging clock). */
  private clock = 1;

  constructor(readonly features: number) {
    this.w = { emit: new Float64Array(features * NTAGS), trans: new Float64Array((NTAGS + 1) * NTAGS) };
    this.emitSum = new Float64Array(features * NTAGS);
    this.transSum = new Float64Array((NTAGS + 1) * NTAGS);
  }

  /** One perceptron step on one document; returns the number of wrongly tagged tokens. */
  step(rows: FeatureRows, gold: readonly number[]): number {
    const pred = viterbi(rows, this.w);
    let wrong = 0;
    const c = this.clock;
    for (let i = 0; i < rows.length; i++) {
      const g = gold[i]!;
      const p = pred[i]!;
      if (g !== p) {
        wrong++;
        for (const f of rows[i]!) {
          this.bump(this.w.emit, this.emitSum, f * NTAGS + g, 1, c);
          this.bump(this.w.emit, this.emitSum, f * NTAGS + p, -1, c);
        }
      }
      const gp = i === 0 ? -1 : gold[i - 1]!;
      const pp = i === 0 ? -1 : pred[i - 1]!;
      if (g !== p || gp !== pp) {
        this.bump(this.w.trans, this.transSum, (gp + 1) * NTAGS + g, 1, c);
        this.bump(this.w.trans, this.transSum, (pp + 1) * NTAGS + p, -1, c);
      }
    }
    this.clock++;
    return wrong;
  }

  private bump(w: Float64Array, sum: Float64Array, k: number, d: number, c: number): void {
    w[k]! += d;
    sum[k]! += c * d;
  }

  /** The averaged weights (w - sum / clock), which generalise better than the last ones. */
  averaged(): Weights {
    const avg = (w: Float64Array, sum: Float64Array) => {
      const out = new Float64Array(w.length);
      for (let k = 0; k < w.length; k++) out[k] = w[k]! - sum[k]! / this.clock;
      return out;
    };
    return { emit: avg(this.w.emit, this.emitSum), trans: avg(this.w.trans, this.transSum) };
  }
}

/** A small seeded generator (mulberry32), so shuffling between epochs is reproducible. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
