/**
 * What the export queries return, parsed with zod at the boundary so a renamed column fails
 * loudly in a test instead of writing `undefined` into a file someone opens in Gephi.
 */
import { z } from 'zod';
import type { Plain } from '../db/convert.js';
import { AGENT_LABELS, NODE_LABELS, RELATIONSHIP_TYPES } from './allow-list.js';

const plain: z.ZodType<Plain> = z.lazy(() =>
  z.union([z.null(), z.boolean(), z.number(), z.string(), z.array(plain), z.record(z.string(), plain)]),
);
const props = z.record(z.string(), plain);
const text = z.string().nullable().default(null);

export const ExportNode = z.object({ key: z.string(), type: z.enum(NODE_LABELS), props });
export type ExportNode = z.infer<typeof ExportNode>;

export const ExportEdge = z.object({
  id: z.string(),
  type: z.enum(RELATIONSHIP_TYPES),
  source: z.string(),
  target: z.string(),
  props,
});
export type ExportEdge = z.infer<typeof ExportEdge>;

/**
 * One row per start node: its key (for paging) and its outgoing exported relationships. Their
 * ids are made from keys by the reader (stable across exports and databases).
 */
export const EdgePageRow = z.object({
  key: z.string(),
  edges: z.array(ExportEdge.omit({ source: true, id: true })),
});

/** A property name with one of the types (Cypher `valueType`) its values have. */
export const PropertyType = z.object({
  owner: z.enum(['node', 'edge']),
  name: z.string(),
  type: z.string(),
});
export type PropertyType = z.infer<typeof PropertyType>;

export const TellingRow = z.object({
  key: z.string(),
  props,
  claim: z.object({ key: z.string(), text, quote: text, saidAt: text }).nullable(),
  agentKey: text,
  quotedFromKey: text,
  articleKey: text,
});
export type TellingRow = z.infer<typeof TellingRow>;

export const ArticleRow = z.object({
  key: z.string(),
  url: text,
  title: text,
  publishedAt: text,
  publisherKey: text,
});
export type ArticleRow = z.infer<typeof ArticleRow>;

export const AgentRow = z.object({
  key: z.string(),
  type: z.enum(AGENT_LABELS),
  name: text,
  kind: text,
});
export type AgentRow = z.infer<typeof AgentRow>;

const ArticleRef = z.object({ key: z.string(), url: text, title: text, publishedAt: text });
export type ArticleRef = z.infer<typeof ArticleRef>;

export const ClaimReviewRow = z.object({
  key: z.string(),
  /** The Assessment node's properties: verdict, ratingValue, bestRating, worstRating, ... */
  assessment: props,
  /** `saidOn`: the day the claim was said when the text dates it to the day; null otherwise. */
  claim: z.object({ key: z.string(), text, quote: text, saidOn: text }),
  appearance: ArticleRef.nullable(),
  firstAppearance: ArticleRef.nullable(),
  /** Who said it first, with the site of an article they published (outlets), when there is one. */
  originSpeaker: AgentRow.extend({ site: text }).nullable(),
});
export type ClaimReviewRow = z.infer<typeof ClaimReviewRow>;

/** One agent (for paging) with the agents it quoted or relayed from, aggregated over claims. */
export const AgentLinkRow = z.object({
  key: z.string(),
  links: z.array(
    z.object({
      target: z.string(),
      /** QUOTED: the other agent is the origin; RELAYED: they passed on someone else's words. */
      kind: z.enum(['QUOTED', 'RELAYED']),
      /** Distinct claims told this way: the edge weight. */
      claims: z.number().int().positive(),
      /** Whether any of those tellings was an anonymous one. */
      anonymous: z.boolean(),
      firstSaidAt: text,
      lastSaidAt: text,
    }),
  ),
});
export type AgentLinkRow = z.infer<typeof AgentLinkRow>;
