/**
 * The graph's vocabulary, written once: node labels, relationship types, key prefixes and the
 * orders a claim list can be sorted by. Everything that names a label or a key prefix (the
 * schema's node types, the claim-list anchors, the neighbourhood, the exports, ingest) takes it
 * from here, so a new label or prefix is added in one place. The value sets of a record's fields
 * (claim kinds, roles, statuses...) are the zod enums of `document.ts`; this file re-exports them
 * for code that wants the whole vocabulary from one import.
 */
export {
  ActorKind,
  ClaimKind,
  ClaimStatus,
  EventKind,
  HopRole,
  PlaceKind,
  RelationType,
  ReliabilityGrade,
  SourceKind,
} from './document.js';

/**
 * Every node label of the graph (docs/model.md), in the order a node with two of them is filed
 * under by the exports (first wins; today no node carries two).
 */
export const NODE_LABELS = [
  'Article',
  'Claim',
  'Telling',
  'Source',
  'Actor',
  'Place',
  'Event',
  'Assessment',
  'Revision',
] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** Every relationship type of the graph (docs/model.md). */
export const RELATIONSHIP_TYPES = [
  'CONTAINS',
  'PUBLISHED_BY',
  'MENTIONS',
  'IN_ARTICLE',
  'TELLS',
  'TOLD_BY',
  'QUOTED_FROM',
  'ADDRESSED_TO',
  'AFFILIATED_WITH',
  'REFERS_TO',
  'SUPPORTS',
  'CONTRADICTS',
  'SAME_STATEMENT',
  'AT',
  'WITHIN',
  'PARTICIPATED_IN',
  'ASSESSES',
  'REVISES',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** The labels of whoever can tell a claim (a hop's agent): the GraphQL `Agent` interface. */
export const AGENT_LABELS = ['Actor', 'Source'] as const satisfies readonly NodeLabel[];
export type AgentLabel = (typeof AGENT_LABELS)[number];

/** The labels the API serves as Relay `Node`s (fetchable by global id). */
export const API_NODE_LABELS = [
  'Actor',
  'Article',
  'Claim',
  'Event',
  'Place',
  'Source',
] as const satisfies readonly NodeLabel[];
export type ApiNodeLabel = (typeof API_NODE_LABELS)[number];

/** The labels a neighbourhood shows (revisions are history, not part of the picture). */
export const GRAPH_NODE_LABELS = NODE_LABELS.filter(
  (l): l is Exclude<NodeLabel, 'Revision'> => l !== 'Revision',
);
export type GraphNodeLabel = (typeof GRAPH_NODE_LABELS)[number];

/**
 * Key prefixes of the labels whose keys carry one (see keys.ts). Claims, tellings and revisions
 * have none: their keys are `<article id>#<claim id>`, then `@<hop>` or `@v<version>`.
 */
export const KEY_PREFIX = {
  Article: 'article:',
  Actor: 'actor:',
  Source: 'source:',
  Place: 'place:',
  Event: 'event:',
  Assessment: 'assessment:',
} as const satisfies Partial<Record<NodeLabel, string>>;

const PREFIXED = Object.entries(KEY_PREFIX) as [keyof typeof KEY_PREFIX, string][];

/**
 * The label a key belongs to, read from its shape alone (no database), or null for a string no
 * key of ours has. A prefix is checked first: an assessment's key embeds its claim's key.
 */
export function labelOfKey(key: string): NodeLabel | null {
  for (const [label, prefix] of PREFIXED) {
    if (key.startsWith(prefix) && key.length > prefix.length) return label;
  }
  const hash = key.indexOf('#');
  if (hash <= 0 || hash === key.length - 1) return null;
  const at = key.indexOf('@', hash);
  if (at < 0) return 'Claim';
  return /^@v\d+$/.test(key.slice(at)) ? 'Revision' : /^@\d+$/.test(key.slice(at)) ? 'Telling' : null;
}

/** True when `key` has the shape of a key of one of `labels`. */
export function isKeyOf<L extends NodeLabel>(key: string, labels: readonly L[]): boolean {
  const label = labelOfKey(key);
  return label !== null && (labels as readonly NodeLabel[]).includes(label);
}

/** The orders the claims list can be sorted by (each ends on the key, so it is total). */
export const CLAIM_ORDERS = [
  'SAID_AT_DESC',
  'SAID_AT_ASC',
  'CONFIDENCE_DESC',
  'CONFIDENCE_ASC',
  'KEY_ASC',
] as const;
export type ClaimOrder = (typeof CLAIM_ORDERS)[number];
