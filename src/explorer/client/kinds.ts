/**
 * How each kind of node looks. One table feeds both the Cytoscape stylesheet and the legend, so
 * the legend cannot disagree with the drawing.
 */
export type NodeKind =
  | 'claim'
  | 'actor'
  | 'source'
  | 'anonymous-source'
  | 'article'
  | 'event'
  | 'telling'
  | 'place'
  | 'assessment';

export type Shape =
  'round-rectangle' | 'ellipse' | 'diamond' | 'rectangle' | 'hexagon' | 'triangle' | 'octagon';

export interface KindStyle {
  label: string;
  shape: Shape;
  fill: string;
  border: string;
  dashed?: boolean;
  size: number;
}

// Claims take their fill from the confidence scale (red, amber, green, grey), so the other kinds
// keep to hues that scale does not use.
export const KINDS: Record<NodeKind, KindStyle> = {
  claim: {
    label: 'Claim',
    shape: 'round-rectangle',
    fill: '#9ca3af',
    border: '#1f2937',
    size: 34,
  },
  actor: { label: 'Actor', shape: 'ellipse', fill: '#3b82f6', border: '#1e3a8a', size: 30 },
  source: { label: 'Source', shape: 'diamond', fill: '#8b5cf6', border: '#4c1d95', size: 34 },
  'anonymous-source': {
    label: 'Anonymous source',
    shape: 'diamond',
    fill: '#f5f3ff',
    border: '#6d28d9',
    dashed: true,
    size: 34,
  },
  article: { label: 'Article', shape: 'rectangle', fill: '#475569', border: '#0f172a', size: 32 },
  event: { label: 'Event', shape: 'hexagon', fill: '#db2777', border: '#831843', size: 30 },
  telling: {
    label: 'Telling (a chain link)',
    shape: 'ellipse',
    fill: '#ffffff',
    border: '#475569',
    size: 16,
  },
  place: { label: 'Place', shape: 'triangle', fill: '#0891b2', border: '#164e63', size: 28 },
  assessment: { label: 'Assessment', shape: 'octagon', fill: '#0f766e', border: '#134e4a', size: 26 },
};

/** The visual kind of a node from its GraphQL type and properties. */
export function kindOf(type: string, properties: Record<string, unknown>): NodeKind {
  switch (type) {
    case 'Claim':
      return 'claim';
    case 'Actor':
      return 'actor';
    case 'Source':
      return properties.anonymous === true || properties.kind === 'anonymous' ? 'anonymous-source' : 'source';
    case 'Article':
      return 'article';
    case 'Event':
      return 'event';
    case 'Telling':
      return 'telling';
    case 'Place':
      return 'place';
    default:
      return 'assessment';
  }
}

export const UNGRADED = '#9ca3af';

// ColorBrewer's RdYlGn, which stays tellable apart for the commonest colour blindness better
// than a plain red-green hue sweep.
const CONFIDENCE_STOPS = ['#d73027', '#fc8d59', '#fee08b', '#91cf60', '#1a9850'];

/** Red (0) through yellow to green (1); grey when the claim is not graded. */
export function confidenceColour(confidence: number | null | undefined): string {
  if (confidence === null || confidence === undefined) return UNGRADED;
  const at = Math.min(1, Math.max(0, confidence)) * (CONFIDENCE_STOPS.length - 1);
  const i = Math.min(Math.floor(at), CONFIDENCE_STOPS.length - 2);
  const [a, b] = [rgb(CONFIDENCE_STOPS[i]!), rgb(CONFIDENCE_STOPS[i + 1]!)];
  const mix = a.map((v, k) => Math.round(v + (b[k]! - v) * (at - i)));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function rgb(hex: string): number[] {
  return [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16));
}

/** A small SVG of a node shape, for the legend. */
export function shapeSvg(style: Pick<KindStyle, 'shape' | 'fill' | 'border' | 'dashed'>, size = 18): string {
  const s = size;
  const m = 2;
  const stroke = `fill="${style.fill}" stroke="${style.border}" stroke-width="1.5"${style.dashed ? ' stroke-dasharray="3 2"' : ''}`;
  const poly = (pts: [number, number][]) =>
    `<polygon points="${pts.map(([x, y]) => `${(m + x * (s - 2 * m)).toFixed(1)},${(m + y * (s - 2 * m)).toFixed(1)}`).join(' ')}" ${stroke}/>`;
  let body: string;
  switch (style.shape) {
    case 'ellipse':
      body = `<circle cx="${s / 2}" cy="${s / 2}" r="${s / 2 - m}" ${stroke}/>`;
      break;
    case 'round-rectangle':
      body = `<rect x="${m}" y="${m}" width="${s - 2 * m}" height="${s - 2 * m}" rx="4" ${stroke}/>`;
      break;
    case 'rectangle':
      body = `<rect x="${m}" y="${m}" width="${s - 2 * m}" height="${s - 2 * m}" ${stroke}/>`;
      break;
    case 'diamond':
      body = poly([
        [0.5, 0],
        [1, 0.5],
        [0.5, 1],
        [0, 0.5],
      ]);
      break;
    case 'triangle':
      body = poly([
        [0.5, 0],
        [1, 1],
        [0, 1],
      ]);
      break;
    case 'hexagon':
      body = poly([
        [0.25, 0],
        [0.75, 0],
        [1, 0.5],
        [0.75, 1],
        [0.25, 1],
        [0, 0.5],
      ]);
      break;
    case 'octagon':
      body = poly([
        [0.3, 0],
        [0.7, 0],
        [1, 0.3],
        [1, 0.7],
        [0.7, 1],
        [0.3, 1],
        [0, 0.7],
        [0, 0.3],
      ]);
      break;
  }
  return `<svg width="${s}" height="${s}" viewBox="0 0 ${s} ${s}" aria-hidden="true">${body}</svg>`;
}
