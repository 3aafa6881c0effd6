/**
 * Shared origins in the API: every other claim resting on the same origin as this one
 * (`Claim.sharedOrigins`), with the shared element named. docs/grading.md explains it.
 */
import { builder } from './builder.js';
import { sharedOriginsOf, type SharedBasis, type SharedOriginRow } from '../graph/claims.js';
import { agentByKey } from '../graph/agents.js';
import { AgentRef, ClaimRef } from './refs.js';
import { loadClaim } from './claim.js';
import { statusesFor } from './connection.js';
import { gradingConfig } from '../graph/grading.js';
import { UNNAMED_STOP_WORDS } from '../domain/independence.js';

const SharedOriginBasis = builder.enumType('SharedOriginBasis', {
  description: 'What two claims share that makes them one origin.',
  values: {
    WIRE_STORY: { description: 'The same wire agent in both chains: one wire story.' },
    UNNAMED_SOURCE: { description: 'The same unnamed source or leaks.' },
    POSSIBLY_SAME_SOURCE: {
      description:
        'Possibly the same unnamed source: unnamed sources of two articles described alike and passed on by the ' +
        'same named relay ("four sources familiar with the talks", told Reuters, in the wire and in a relay of it).',
    },
    ORIGINAL_SPEAKER: { description: 'The same original speaker: one original statement.' },
    FOLDED_VOICE: {
      description:
        'Original speakers folded into the same body that speaks with one voice (a government and its ' +
        'officials and offices).',
    },
  } as const satisfies Record<SharedBasis, { description: string }>,
});

type Shared = SharedOriginRow['shared'][number];

const SHARED_WORDS: Record<SharedBasis, string> = {
  WIRE_STORY: 'the same wire story from',
  UNNAMED_SOURCE: 'the same unnamed source,',
  POSSIBLY_SAME_SOURCE: 'possibly the same unnamed source as',
  ORIGINAL_SPEAKER: 'the same original speaker,',
  FOLDED_VOICE: 'the same folded voice,',
};

const SharedElementRef = builder.objectRef<Shared>('SharedOriginElement').implement({
  description: 'One element two claims share: the wire, unnamed source, speaker or body.',
  fields: (t) => ({
    basis: t.field({ type: SharedOriginBasis, resolve: (s) => s.basis }),
    agent: t.field({
      type: AgentRef,
      nullable: true,
      description: 'The shared wire, unnamed source, original speaker or folded-into body.',
      resolve: (s, _a, ctx) => agentByKey(ctx.loaders, s.agentKey),
    }),
    description: t.string({
      description: 'The shared element in words: "the same wire story from Reuters".',
      resolve: (s) => `${SHARED_WORDS[s.basis]} ${s.agentName}`,
    }),
  }),
});

const SharedOriginRef = builder.objectRef<SharedOriginRow>('SharedOrigin').implement({
  description: 'Another claim resting on the same origin as this one, and what they share.',
  fields: (t) => ({
    claim: t.field({ type: ClaimRef, resolve: (s, _a, ctx) => loadClaim(ctx, s.claimKey) }),
    shared: t.field({
      type: [SharedElementRef],
      resolve: (s) =>
        [...s.shared].sort((a, b) => a.basis.localeCompare(b.basis) || a.agentKey.localeCompare(b.agentKey)),
    }),
  }),
});

builder.objectFields(ClaimRef, (t) => ({
  sharedOrigins: t.field({
    type: [SharedOriginRef],
    description:
      'Every other claim resting on the same wire story, the same (or possibly the same) unnamed source, the same original speaker ' +
      'or the same folded voice as this one, with the shared element named; by claim key. No SUPPORTS link ' +
      'is needed.',
    args: {
      includeDrafts: t.arg.boolean({
        required: false,
        description: 'Also list draft claims (default false).',
      }),
    },
    resolve: (c, args, ctx) =>
      sharedOriginsOf(ctx.loaders, c.key, {
        statuses: statusesFor(args.includeDrafts),
        oneVoiceKinds: gradingConfig().oneVoiceKinds,
        unnamedStopWords: UNNAMED_STOP_WORDS,
      }),
  }),
}));
