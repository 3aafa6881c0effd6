/**
 * Which stored properties a claim read returns, from what the request selects (see
 * ClaimProjection in src/graph/claims.ts). Each field of Claim, Grade, Independence, Provenance and
 * Hop that reads the claim row or a telling row names here the stored properties its resolver
 * reads; a field this closed list does not name reads the whole row, so a new field is correct
 * before it is fast (tests/integration/projection.int.test.ts asks every field alone and compares
 * it with the whole read).
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import {
  EVIDENCE_PROPS,
  SAID_PROPS,
  TIME_PROPS,
  projection,
  type AgentProp,
  type ClaimProp,
  type ClaimReads,
  type HopProp,
} from '../graph/claims.js';
import { CHAIN_FIELDS, fieldsAt, fieldsOf, subSelection } from './lookahead.js';

/** Claim fields that read the row's own properties (beyond key, text, kind, status, saidAt). */
const CLAIM_FIELD_PROPS: Readonly<Record<string, readonly ClaimProp[]>> = {
  __typename: [],
  id: [],
  key: [],
  text: [],
  kind: [],
  status: [],
  saidAt: [],
  quote: ['quote'],
  hedges: ['hedges'],
  outletAnalysis: ['outletAnalysis'],
  time: TIME_PROPS,
  said: SAID_PROPS,
  evidence: EVIDENCE_PROPS,
  version: ['version'],
  updatedAt: ['updatedAt'],
  extractionConfidence: ['extractionConfidence'],
  // These read other nodes by the claim's key or its article's key (always read).
  article: [],
  about: [],
  related: [],
  statement: [],
  sharedOrigins: [],
  assessments: [],
  history: [],
  // The chain is read with the claim (CHAIN_FIELDS); the speaker needs its last agent only.
  speaker: [],
};

/** Fields of the objects resolved from the claim row itself (`grade`, `independence`). */
const ROW_OBJECT_FIELDS: Readonly<Record<string, Readonly<Record<string, readonly ClaimProp[]>>>> = {
  grade: {
    __typename: [],
    credibility: ['credibility'],
    confidence: ['confidence'],
    factors: ['gradeFactors'],
  },
  independence: {
    __typename: [],
    count: ['independentOrigins'],
    circularReporting: ['circularReporting'],
    origins: ['originGroups'],
  },
};

/** Provenance fields that read only the chain's base and the claim's base (the rest: Hop). */
const PROVENANCE_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'depth',
  'anonymousLinks',
  'firstTold',
  'otherAppearances',
]);
const HOP_FIELDS = new Set(['chain', 'origin']);

/** Hop fields that read a telling's own properties (beyond hop, role, anonymous, isOrigin). */
const HOP_FIELD_PROPS: Readonly<Record<string, readonly HopProp[]>> = {
  __typename: [],
  position: [],
  role: [],
  anonymous: [],
  isOrigin: [],
  agent: [],
  addressee: [],
  time: TIME_PROPS,
  evidence: EVIDENCE_PROPS,
};

/** Agent fields (of a hop's agent or addressee) that read only its key, name and type. */
const AGENT_FIELD_PROPS: Readonly<Record<string, readonly AgentProp[]>> = {
  __typename: [],
  id: [],
  key: [],
  name: [],
};
const AGENT_OF_HOP = new Set(['agent', 'addressee']);

/** What the claims under the current field along `path` (e.g. ['edges', 'node']) must read. */
export function claimReads(info: GraphQLResolveInfo, path: readonly string[]): ClaimReads {
  const fields = fieldsAt(info, path);
  let claim: Set<ClaimProp> | null = new Set();
  let hop: Set<HopProp> | null = new Set();
  const addClaim = (props: readonly ClaimProp[] | undefined) => {
    if (props === undefined) claim = null;
    else if (claim) for (const p of props) claim.add(p);
  };
  const addHop = (props: readonly HopProp[] | undefined) => {
    if (props === undefined) hop = null;
    else if (hop) for (const p of props) hop.add(p);
  };
  let agent: Set<AgentProp> | null = new Set();
  const addAgent = (props: readonly AgentProp[] | undefined) => {
    if (props === undefined) agent = null;
    else if (agent) for (const p of props) agent.add(p);
  };
  const below = (f: FieldNode) => fieldsOf(info, subSelection(f));
  const hopFields = (hopField: FieldNode) => {
    for (const h of below(hopField)) {
      addHop(HOP_FIELD_PROPS[h.name.value]);
      if (AGENT_OF_HOP.has(h.name.value)) for (const a of below(h)) addAgent(AGENT_FIELD_PROPS[a.name.value]);
    }
  };

  for (const field of fields) {
    const name = field.name.value;
    const rowObject = ROW_OBJECT_FIELDS[name];
    if (rowObject) {
      for (const f of below(field)) addClaim(rowObject[f.name.value]);
    } else if (name === 'provenance') {
      for (const f of below(field)) {
        if (HOP_FIELDS.has(f.name.value)) hopFields(f);
        else if (!PROVENANCE_FIELDS.has(f.name.value)) {
          addClaim(undefined);
          addHop(undefined);
          addAgent(undefined);
        }
      }
    } else {
      addClaim(CLAIM_FIELD_PROPS[name]);
      // The speaker is the chain's last agent: read whole, as any agent field may follow.
      if (name === 'speaker') addAgent(undefined);
    }
  }
  return {
    projection: projection(claim, hop, agent),
    chain: fields.some((f) => CHAIN_FIELDS.has(f.name.value)),
  };
}
