/**
 * Independence by affiliation in the API: each agent's affiliation chain, and the folds that made
 * a speaker one voice with the body it belongs to (docs/grading.md, "Independence").
 */
import { builder } from './builder.js';
import { affiliationChain, agentByKey } from '../graph/agents.js';
import type { Fold } from '../domain/independence.js';
import { ActorRef, AgentRef } from './refs.js';
import { OriginGroupRef } from './grading.js';

const FoldRef = builder.objectRef<Fold>('AffiliationFold').implement({
  description:
    'An original speaker folded into the body it speaks for ("White House folded into United States ' +
    'government"): the two are one voice, so they count as one origin.',
  fields: (t) => ({
    claimKey: t.exposeString('claimKey', { description: 'The claim whose original speaker was folded.' }),
    agent: t.field({
      type: AgentRef,
      nullable: true,
      description: 'The folded speaker.',
      resolve: (f, _a, ctx) => agentByKey(ctx.loaders, f.agentKey),
    }),
    into: t.field({
      type: AgentRef,
      nullable: true,
      description: 'The body it was folded into: the highest affiliation that speaks with one voice.',
      resolve: (f, _a, ctx) => agentByKey(ctx.loaders, f.intoKey),
    }),
    sentence: t.string({
      description: 'The fold in words.',
      resolve: (f) => `${f.agentName} folded into ${f.intoName}`,
    }),
  }),
});

builder.objectFields(OriginGroupRef, (t) => ({
  folds: t.field({
    type: [FoldRef],
    description: 'Original speakers of this origin folded into the body they speak for.',
    resolve: (o) => o.folds,
  }),
}));

builder.interfaceFields(AgentRef, (t) => ({
  affiliationChain: t.field({
    type: [ActorRef],
    description:
      'Who this agent belongs to, nearest first: an official, its ministry, its government, its state; an ' +
      'outlet, its owner.',
    resolve: (a, _args, ctx) => affiliationChain(ctx.loaders, a.key),
  }),
}));
