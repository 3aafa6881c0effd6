/**
 * Reading the matcher's link proposals (the review queue): the one module that knows their read
 * query and the shape of their rows (parsed with zod once per row; see agents.ts).
 */
import { z } from 'zod';
import { RelationType } from '../domain/document.js';
import type { ClaimClass, MatchReasons, Voice } from '../domain/matching.js';
import type { KeysetList } from './keyset.js';
import type { Loaders } from './loaders.js';
import { optText } from './row.js';

export const PROPOSAL_STATUSES = ['proposed', 'accepted', 'rejected'] as const;

export const ProposalRow = z.object({
  /** Stable key: type and the two claim keys. */
  key: z.string(),
  type: RelationType,
  fromKey: z.string(),
  toKey: z.string(),
  score: z.number(),
  /** Why the matcher proposed it, as JSON (read with `proposalReasons()`). */
  reasons: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  proposedAt: z.string(),
  proposedIn: optText,
  decidedAt: optText,
  decidedBy: optText,
  note: optText,
});
export type ProposalRow = z.infer<typeof ProposalRow>;

const ClaimClassSchema = z.enum(['account', 'stance', 'denial', 'judgement']) satisfies z.ZodType<ClaimClass>;

const VoiceSchema = z.enum(['party', 'reporter']) satisfies z.ZodType<Voice>;

const Reasons = z.object({
  words: z.array(z.string()),
  wordOverlap: z.number(),
  sameQuote: z.boolean(),
  agents: z.array(z.string()),
  sameSpeaker: z.boolean(),
  events: z.array(z.string()),
  dates: z.object({
    a: z.string().nullable(),
    b: z.string().nullable(),
    withinWindow: z.boolean().nullable(),
  }),
  negation: z.string().nullable(),
  // Absent on a proposal recorded before the matcher gave these reasons.
  classes: z.object({ a: ClaimClassSchema, b: ClaimClassSchema }).optional(),
  substance: z.array(z.string()).optional(),
  substanceShare: z.number().optional(),
  voices: z.object({ a: VoiceSchema, b: VoiceSchema }).optional(),
  denial: z
    .object({
      by: z.string(),
      target: z.array(z.string()),
      head: z.array(z.string()),
      covered: z.array(z.string()),
      overlap: z.number(),
      putsForward: z.string().nullable(),
    })
    .nullable()
    .optional(),
}) satisfies z.ZodType<MatchReasons>;

/** Why the matcher proposed the link (src/domain/matching.ts). */
export function proposalReasons(proposal: ProposalRow): MatchReasons {
  return Reasons.parse(JSON.parse(proposal.reasons));
}

const parseProposal = (value: unknown): ProposalRow => ProposalRow.parse(value);

/** Proposals by key, in the same order: null for a key naming none. */
export function proposalsByKeys(loaders: Loaders, keys: readonly string[]): Promise<(ProposalRow | null)[]> {
  return loaders.rows('matching/by-keys', keys, parseProposal);
}

/** A proposal by key; null when there is none. */
export function proposalByKey(loaders: Loaders, key: string): Promise<ProposalRow | null> {
  return loaders.row('matching/by-keys', key, parseProposal);
}

/** The review queue: proposals of a status (and type, when given), best score first. */
export function proposalQueue(
  loaders: Loaders,
  status: ProposalRow['status'],
  type: ProposalRow['type'] | null,
): KeysetList {
  return loaders.list('matching/queue', { status, type });
}
