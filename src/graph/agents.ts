/**
 * Reading agents (actors and sources): the one module that knows their read queries and the
 * shape of their rows. Rows are parsed with zod once, when their batch arrives (see `Parse` in
 * loaders.ts), so the schema's Agent, Actor and Source types are typed by these rows and a
 * renamed or mistyped property fails loudly instead of reaching a client as something else.
 */
import { z } from 'zod';
import { ActorKind, ReliabilityGrade, SourceKind } from '../domain/model.js';
import { slugify } from '../domain/keys.js';
import type { KeysetList, NodePage, Seek } from './keyset.js';
import type { Loaders } from './loaders.js';
import { toLuceneQuery } from './lucene.js';
import { flag, optText, strings } from './row.js';

/** What actors and sources share: both can tell a claim, both are graded for reliability. */
const agentFields = {
  key: z.string(),
  name: z.string(),
  /** Other names used for the agent (never null: an agent with none has an empty list). */
  aliases: strings,
  /** The effective grade, written by grading (null until graded). */
  reliability: ReliabilityGrade.nullable().default(null),
  reliabilityBasis: optText,
  reliabilityOverride: ReliabilityGrade.nullable().default(null),
  reliabilityReason: optText,
  /** The actor it belongs to or speaks for (`AFFILIATED_WITH`), added by the query. */
  affiliationKey: optText,
};

export const ActorRow = z.object({
  type: z.literal('Actor'),
  ...agentFields,
  kind: ActorKind,
  /** Office or role at the time of the article. */
  title: optText,
});
export type ActorRow = z.infer<typeof ActorRow>;

export const SourceRow = z.object({
  type: z.literal('Source'),
  ...agentFields,
  kind: SourceKind,
  anonymous: flag,
  /** For an unnamed source, the words the article uses. */
  description: optText,
  anonymityReason: optText,
});
export type SourceRow = z.infer<typeof SourceRow>;

/** An actor or a source, told apart by `type` (the node's label, added by the query). */
export const AgentRow = z.discriminatedUnion('type', [ActorRow, SourceRow]);
export type AgentRow = z.infer<typeof AgentRow>;

export const parseAgent = (value: unknown): AgentRow => AgentRow.parse(value);

/** An actor or source by key; null when there is none. */
export function agentByKey(loaders: Loaders, key: string): Promise<AgentRow | null> {
  return loaders.row('agent/by-keys', key, parseAgent);
}

/** An actor by key; null when there is none or the key names a source. */
export async function actorByKey(loaders: Loaders, key: string): Promise<ActorRow | null> {
  const agent = await agentByKey(loaders, key);
  return agent?.type === 'Actor' ? agent : null;
}

/** A source by key; null when there is none or the key names an actor. */
export async function sourceByKey(loaders: Loaders, key: string): Promise<SourceRow | null> {
  const agent = await agentByKey(loaders, key);
  return agent?.type === 'Source' ? agent : null;
}

/** Agents by key, in the same order: null for a key naming none. */
export function agentsByKeys(loaders: Loaders, keys: readonly string[]): Promise<(AgentRow | null)[]> {
  return loaders.rows('agent/by-keys', keys, parseAgent);
}

/** The agents of these keys that exist, in the same order. */
export async function existingAgents(loaders: Loaders, keys: readonly string[]): Promise<AgentRow[]> {
  return (await agentsByKeys(loaders, keys)).filter((a): a is AgentRow => a !== null);
}

/** Seeds the agent loader with an agent another query returned (a hop's teller): no round trip. */
export function primeAgent(loaders: Loaders, agent: AgentRow): void {
  loaders.primeRow('agent/by-keys', agent.key, agent, parseAgent);
}

const parseKey = (value: unknown): string => z.string().parse(value);

/**
 * Who an agent belongs to, nearest first (official, ministry, government, state), as actors;
 * batched across every agent of the request.
 */
export async function affiliationChain(loaders: Loaders, key: string): Promise<ActorRow[]> {
  const keys = await loaders.rowList('agent/affiliation-chain', key, parseKey);
  return (await existingAgents(loaders, keys)).filter((a): a is ActorRow => a.type === 'Actor');
}

/**
 * Actors and sources by name or alias, best first (exact alias matches first): any text is safe,
 * it is matched as words (toLuceneQuery) and as a slug.
 */
export function agentLookupList(
  loaders: Loaders,
  name: string,
  types: readonly string[] | null,
): AgentLookupList {
  const params = { nameKey: slugify(name), query: toLuceneQuery(name) ?? '""', types };
  return {
    ...loaders.list('agent/lookup', params),
    fetchNodes: (seek) => loaders.nodePage('agent/lookup', params, 'agent/by-keys', parseAgent, seek),
  };
}

/** The lookup's pages, also with their agents read in the same statement (`fetchNodes`). */
export interface AgentLookupList extends KeysetList {
  fetchNodes: (seek: Seek) => Promise<NodePage<AgentRow>>;
}
