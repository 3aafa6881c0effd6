/**
 * Agents: actors (people, governments, groups) and sources (outlets, wires, unnamed sources,
 * leaks). Both can tell a claim, so a hop's agent is the `Agent` interface.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from './builder.js';
import {
  actorByKey,
  affiliationChain,
  agentByKey,
  agentLookupList,
  agentsByKeys,
  type AgentRow,
} from '../graph/agents.js';
import { agentClaimList, type AgentClaims } from '../graph/claims.js';
import { propertyOf } from './values.js';
import { keysetConnection, statusesFor, claimConnection } from './connection.js';
import { AgentConnection, AgentRef, ActorRef, ClaimConnection, ClaimRef, SourceRef } from './refs.js';
import type { Context } from './context.js';
import { ActorKindEnum, AgentTypeEnum, ReliabilityGradeEnum, SourceKindEnum } from './enums.js';

AgentRef.implement({
  description: 'Whoever tells a claim at some link of a chain: an actor or a source.',
  resolveType: (item) => (item.type === 'Actor' ? 'Actor' : 'Source'),
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, e.g. "actor:donald-trump".' }),
    name: t.exposeString('name', { description: 'Canonical name.' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names used for this agent.' }),
    reliability: t.expose('reliability', {
      type: ReliabilityGradeEnum,
      nullable: true,
      description:
        "Effective reliability grade: the fact-checker's override, else the default for the kind; an unnamed " +
        'source is never graded as if named (capped at C).',
    }),
    reliabilityBasis: t.exposeString('reliabilityBasis', {
      nullable: true,
      description: 'How the grade was reached (default for the kind, override, anonymity cap).',
    }),
    reliabilityOverride: t.expose('reliabilityOverride', {
      type: ReliabilityGradeEnum,
      nullable: true,
      description: "The fact-checker's explicit grade, when one was set.",
    }),
    reliabilityReason: t.exposeString('reliabilityReason', {
      nullable: true,
      description: 'Why a fact-checker set the grade, when it was overridden.',
    }),
    affiliation: t.field({
      type: ActorRef,
      nullable: true,
      description: 'The government, state or organisation this agent belongs to or speaks for.',
      resolve: (a, _args, ctx) =>
        a.affiliationKey === null ? null : actorByKey(ctx.loaders, a.affiliationKey),
    }),
    affiliationChain: t.field({
      type: [ActorRef],
      description:
        'Who this agent belongs to, nearest first: an official, its ministry, its government, its state; an ' +
        'outlet, its owner.',
      resolve: (a, _args, ctx) => affiliationChain(ctx.loaders, a.key),
    }),
    said: t.connection(
      {
        type: ClaimRef,
        description:
          'Claims this agent said first: it is the origin of their chain. Newest first; unknown saying times last.',
        args: {
          includeDrafts: t.arg.boolean({
            required: false,
            description: 'Also list draft claims (default false).',
          }),
        },
        resolve: (a, args, ctx, info) => agentClaims('said', a, args, ctx, info),
      },
      ClaimConnection,
    ),
    passedOn: t.connection(
      {
        type: ClaimRef,
        description:
          'Claims this agent passed on (relayed) without being their origin. Newest first; unknown saying times last.',
        args: {
          includeDrafts: t.arg.boolean({
            required: false,
            description: 'Also list draft claims (default false).',
          }),
        },
        resolve: (a, args, ctx, info) => agentClaims('passedOn', a, args, ctx, info),
      },
      ClaimConnection,
    ),
    saidAbout: t.connection(
      {
        type: ClaimRef,
        description: 'Claims that refer to this agent. Newest first; unknown saying times last.',
        args: {
          includeDrafts: t.arg.boolean({
            required: false,
            description: 'Also list draft claims (default false).',
          }),
        },
        resolve: (a, args, ctx, info) => agentClaims('saidAbout', a, args, ctx, info),
      },
      ClaimConnection,
    ),
  }),
});

function agentClaims(
  which: AgentClaims,
  agent: AgentRow,
  args: {
    includeDrafts?: boolean | null;
    first?: number | null;
    after?: string | null;
    last?: number | null;
    before?: string | null;
  },
  ctx: Context,
  info: GraphQLResolveInfo,
) {
  return claimConnection({
    args,
    ctx,
    info,
    scope: agent.key,
    list: agentClaimList(ctx.loaders, which, agent.key, statusesFor(args.includeDrafts)),
  });
}

builder.node(ActorRef, {
  description: 'A person, government, state, organisation or group acting or speaking in the world.',
  interfaces: [AgentRef],
  id: { resolve: (a) => a.key },
  isTypeOf: (v) => propertyOf(v, 'type') === 'Actor',
  loadMany: (keys, ctx) =>
    agentsByKeys(ctx.loaders, keys).then((r) => r.map((x) => (x?.type === 'Actor' ? x : null))),
  fields: (t) => ({
    kind: t.expose('kind', { type: ActorKindEnum }),
    title: t.exposeString('title', {
      nullable: true,
      description: 'Office or role at the time of the article.',
    }),
  }),
});

builder.node(SourceRef, {
  description:
    'Who relays information: an outlet, a wire service, an unnamed person or group, leaks, a document.',
  interfaces: [AgentRef],
  id: { resolve: (s) => s.key },
  isTypeOf: (v) => propertyOf(v, 'type') === 'Source',
  loadMany: (keys, ctx) =>
    agentsByKeys(ctx.loaders, keys).then((r) => r.map((x) => (x?.type === 'Source' ? x : null))),
  fields: (t) => ({
    kind: t.expose('kind', { type: SourceKindEnum }),
    anonymous: t.exposeBoolean('anonymous', { description: 'True for an unnamed source.' }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'For an unnamed source, the words the article uses ("a Syrian official").',
    }),
    anonymityReason: t.exposeString('anonymityReason', {
      nullable: true,
      description: 'The stated reason for anonymity, if any.',
    }),
    relayed: t.connection(
      {
        type: ClaimRef,
        description:
          'Claims this source relayed anywhere in their chain without being the origin. Newest first; unknown saying times last.',
        args: {
          includeDrafts: t.arg.boolean({
            required: false,
            description: 'Also list draft claims (default false).',
          }),
        },
        resolve: (s, args, ctx, info) => agentClaims('passedOn', s, args, ctx, info),
      },
      ClaimConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  agent: t.field({
    type: AgentRef,
    nullable: true,
    description: 'An actor or source by key.',
    args: { key: t.arg.string({ required: true }) },
    resolve: (_r, { key }, ctx) => agentByKey(ctx.loaders, key),
  }),
  agents: t.connection(
    {
      type: AgentRef,
      description:
        'Actors and sources by name or alias ("Damascus", "al-Sharaa"); exact alias matches first.',
      args: {
        name: t.arg.string({ required: true, description: 'A name or alias.' }),
        types: t.arg({ type: [AgentTypeEnum], required: false, description: 'Only these kinds of agent.' }),
      },
      resolve: (_r, args, ctx, info) => {
        const list = agentLookupList(ctx.loaders, args.name, args.types ?? null);
        return keysetConnection({ args, ctx, info, ordering: list.ordering, fetchNodes: list.fetchNodes });
      },
    },
    AgentConnection,
  ),
}));
