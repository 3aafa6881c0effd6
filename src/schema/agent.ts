/**
 * Agents: actors (people, governments, groups) and sources (outlets, wires, unnamed sources,
 * leaks). Both can tell a claim, so a hop's agent is the `Agent` interface.
 */
import type { GraphQLResolveInfo } from 'graphql';
import { builder } from './builder.js';
import type { Item, QueryName } from '../graph/loaders.js';
import {
  keysetConnection,
  listOrdering,
  nodesByKeys,
  parentPage,
  singleRowPage,
  statusesFor,
  claimNodes,
} from './common.js';
import type { ListQueryName } from '../graph/keyset.js';
import { AgentConnection, AgentRef, ActorRef, ClaimConnection, ClaimRef, SourceRef } from './refs.js';
import type { Context } from './context.js';
import { slugify } from '../domain/keys.js';
import { ActorKind, ReliabilityGrade, SourceKind } from '../domain/model.js';
import { ActorKindEnum, AgentTypeEnum, ReliabilityGradeEnum, SourceKindEnum } from './enums.js';
import { oneOf } from './values.js';
import { toLuceneQuery } from '../graph/lucene.js';

AgentRef.implement({
  description: 'Whoever tells a claim at some link of a chain: an actor or a source.',
  resolveType: (item) => (item.type === 'Actor' ? 'Actor' : 'Source'),
  fields: (t) => ({
    key: t.string({ resolve: (x) => String(x.key), description: 'Stable key, e.g. "actor:donald-trump".' }),
    name: t.string({ resolve: (x) => String(x.name), description: 'Canonical name.' }),
    aliases: t.stringList({
      description: 'Other names used for this agent.',
      resolve: (a) => (a.aliases as string[] | null) ?? [],
    }),
    reliability: t.field({
      type: ReliabilityGradeEnum,
      nullable: true,
      description:
        "Effective reliability grade: the fact-checker's override, else the default for the kind; an unnamed " +
        'source is never graded as if named (capped at C).',
      resolve: (a) =>
        a.reliability == null ? null : oneOf(ReliabilityGrade.options, a.reliability, 'reliability'),
    }),
    reliabilityBasis: t.string({
      nullable: true,
      description: 'How the grade was reached (default for the kind, override, anonymity cap).',
      resolve: (a) => (a.reliabilityBasis as string | null) ?? null,
    }),
    reliabilityOverride: t.field({
      type: ReliabilityGradeEnum,
      nullable: true,
      description: "The fact-checker's explicit grade, when one was set.",
      resolve: (a) =>
        a.reliabilityOverride == null
          ? null
          : oneOf(ReliabilityGrade.options, a.reliabilityOverride, 'reliability'),
    }),
    reliabilityReason: t.string({
      nullable: true,
      description: 'Why a fact-checker set the grade, when it was overridden.',
      resolve: (a) => (a.reliabilityReason as string | null) ?? null,
    }),
    affiliation: t.field({
      type: ActorRef,
      nullable: true,
      description: 'The government, state or organisation this agent belongs to or speaks for.',
      resolve: (a, _args, ctx) =>
        typeof a.affiliationKey === 'string' ? ctx.loaders.item('agent/by-keys', a.affiliationKey) : null,
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
        resolve: (a, args, ctx, info) => agentClaims('agent/said', a, args, ctx, info),
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
        resolve: (a, args, ctx, info) => agentClaims('agent/passed-on', a, args, ctx, info),
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
        resolve: (a, args, ctx, info) => agentClaims('agent/said-about', a, args, ctx, info),
      },
      ClaimConnection,
    ),
  }),
});

function agentClaims(
  query: ListQueryName & QueryName,
  agent: Item,
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
  const statuses = statusesFor(args.includeDrafts);
  return keysetConnection({
    args,
    ctx,
    info,
    scope: String(agent.key),
    ordering: listOrdering(query),
    fetchPage: parentPage(ctx, query, String(agent.key), { statuses }),
    toNodes: claimNodes(ctx, info),
  });
}

builder.node(ActorRef, {
  description: 'A person, government, state, organisation or group acting or speaking in the world.',
  interfaces: [AgentRef],
  id: { resolve: (a) => String(a.key) },
  isTypeOf: (v) => (v as Item).type === 'Actor',
  loadMany: (keys, ctx) =>
    ctx.loaders.items('agent/by-keys', keys).then((r) => r.map((x) => (x?.type === 'Actor' ? x : null))),
  fields: (t) => ({
    kind: t.field({ type: ActorKindEnum, resolve: (x) => oneOf(ActorKind.options, x.kind, 'actor kind') }),
    title: t.string({
      nullable: true,
      description: 'Office or role at the time of the article.',
      resolve: (a) => (a.title as string | null) ?? null,
    }),
  }),
});

builder.node(SourceRef, {
  description:
    'Who relays information: an outlet, a wire service, an unnamed person or group, leaks, a document.',
  interfaces: [AgentRef],
  id: { resolve: (s) => String(s.key) },
  isTypeOf: (v) => (v as Item).type === 'Source',
  loadMany: (keys, ctx) =>
    ctx.loaders.items('agent/by-keys', keys).then((r) => r.map((x) => (x?.type === 'Source' ? x : null))),
  fields: (t) => ({
    kind: t.field({ type: SourceKindEnum, resolve: (x) => oneOf(SourceKind.options, x.kind, 'source kind') }),
    anonymous: t.boolean({
      description: 'True for an unnamed source.',
      resolve: (s) => s.anonymous === true,
    }),
    description: t.string({
      nullable: true,
      description: 'For an unnamed source, the words the article uses ("a Syrian official").',
      resolve: (s) => (s.description as string | null) ?? null,
    }),
    anonymityReason: t.string({
      nullable: true,
      description: 'The stated reason for anonymity, if any.',
      resolve: (s) => (s.anonymityReason as string | null) ?? null,
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
        resolve: (s, args, ctx, info) => agentClaims('agent/passed-on', s, args, ctx, info),
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
    resolve: (_r, { key }, ctx) => ctx.loaders.item('agent/by-keys', key),
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
      resolve: async (_r, args, ctx, info) => {
        const query = toLuceneQuery(args.name);
        return keysetConnection({
          args,
          ctx,
          info,
          ordering: listOrdering('agent/lookup'),
          fetchPage: singleRowPage(ctx, 'agent/lookup', {
            nameKey: slugify(args.name),
            query: query ?? '""',
            types: args.types ?? null,
          }),
          toNodes: nodesByKeys(ctx, 'agent/by-keys'),
        });
      },
    },
    AgentConnection,
  ),
}));
