/**
 * Scoring cross-article links against the story corpus's hand-written gold
 * (fixtures/story/gold.json): precision and recall by relation type, on the tuning half, the
 * held-out half and the pairs across the halves, each apart.
 *
 * A link is an unordered pair of claim keys ("<article>#<claim>") with a type; direction does not
 * count (SUPPORTS is read both ways, as the graph answers it). Pure functions: the caller loads
 * the files and makes the predictions.
 */
export type LinkType = 'SAME_STATEMENT' | 'SUPPORTS' | 'CONTRADICTS';
export type Half = 'tuning' | 'heldOut' | 'cross';

export interface Link {
  from: string;
  to: string;
  type: LinkType;
}

export interface Split {
  tuning: string[];
  heldOut: string[];
}

export interface Score {
  half: Half;
  type: LinkType;
  gold: number;
  predicted: number;
  truePositives: number;
  precision: number | null;
  recall: number | null;
}

const articleOf = (key: string): string => {
  const i = key.indexOf('#');
  if (i <= 0) throw new Error(`not a claim key "<article>#<claim>": ${JSON.stringify(key)}`);
  return key.slice(0, i);
};

export const pairKey = (a: string, b: string): string => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** The half a pair of claims belongs to, or undefined when an article is in neither half. */
export function halfOf(split: Split, a: string, b: string): Half | undefined {
  const of = (key: string): Half | undefined => {
    const article = articleOf(key);
    if (split.tuning.includes(article)) return 'tuning';
    if (split.heldOut.includes(article)) return 'heldOut';
    return undefined;
  };
  const [ha, hb] = [of(a), of(b)];
  if (!ha || !hb) return undefined;
  return ha === hb ? ha : 'cross';
}

/** Precision and recall for every half and type; a ratio over nothing is null, never 0 or 1. */
export function score(split: Split, gold: Link[], predicted: Link[]): Score[] {
  const bucket = (links: Link[]) => {
    const out = new Map<string, Set<string>>();
    for (const l of links) {
      if (articleOf(l.from) === articleOf(l.to)) continue; // cross-article links only
      const half = halfOf(split, l.from, l.to);
      if (!half) continue;
      const id = `${half}/${l.type}`;
      out.set(id, (out.get(id) ?? new Set()).add(pairKey(l.from, l.to)));
    }
    return out;
  };
  const g = bucket(gold);
  const p = bucket(predicted);
  const scores: Score[] = [];
  for (const half of ['tuning', 'heldOut', 'cross'] as const) {
    for (const type of ['SAME_STATEMENT', 'SUPPORTS', 'CONTRADICTS'] as const) {
      const gs = g.get(`${half}/${type}`) ?? new Set<string>();
      const ps = p.get(`${half}/${type}`) ?? new Set<string>();
      const tp = [...ps].filter((k) => gs.has(k)).length;
      scores.push({
        half,
        type,
        gold: gs.size,
        predicted: ps.size,
        truePositives: tp,
        precision: ps.size ? tp / ps.size : null,
        recall: gs.size ? tp / gs.size : null,
      });
    }
  }
  return scores;
}
