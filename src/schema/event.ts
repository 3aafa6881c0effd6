/** Events and places: what happened when and where, with the claims tied to each event. */
import { builder } from './builder.js';
import { EventKind, PlaceKind, labelOfKey } from '../domain/model.js';
import { EventKindEnum, PlaceKindEnum } from './enums.js';
import { oneOf } from './values.js';
import { timeline, timelineRange } from './timeline.js';
import type { Item } from '../graph/loaders.js';
import { AgentRef, ClaimConnection, ClaimRef, EventConnection, EventRef, PlaceRef } from './refs.js';
import {
  EvidenceRef,
  TimeRefRef,
  evidenceOf,
  keysetConnection,
  listOrdering,
  memoryPage,
  parentPage,
  nodesByKeys,
  statusesFor,
  timeOf,
  claimNodes,
} from './common.js';

builder.node(PlaceRef, {
  description: 'Where something happens or what a claim is about: a city, region, territory.',
  id: { resolve: (p) => String(p.key) },
  isTypeOf: (v) => labelOfKey(String((v as Item).key)) === 'Place',
  loadMany: (keys, ctx) => ctx.loaders.items('place/by-keys', keys),
  fields: (t) => ({
    key: t.string({ resolve: (p) => String(p.key) }),
    name: t.string({ resolve: (p) => String(p.name) }),
    kind: t.field({ type: PlaceKindEnum, resolve: (p) => oneOf(PlaceKind.options, p.kind, 'place kind') }),
    aliases: t.stringList({ resolve: (p) => (p.aliases as string[] | null) ?? [] }),
    within: t.field({
      type: PlaceRef,
      nullable: true,
      resolve: (p, _a, ctx) =>
        typeof p.withinKey === 'string' ? ctx.loaders.item('place/by-keys', p.withinKey) : null,
    }),
  }),
});

builder.node(EventRef, {
  description: 'A meeting, speech, round of talks or other dated happening.',
  id: { resolve: (e) => String(e.key) },
  isTypeOf: (v) => labelOfKey(String((v as Item).key)) === 'Event',
  loadMany: (keys, ctx) => ctx.loaders.items('event/by-keys', keys),
  fields: (t) => ({
    key: t.string({ resolve: (e) => String(e.key) }),
    name: t.string({ resolve: (e) => String(e.name) }),
    kind: t.field({ type: EventKindEnum, resolve: (e) => oneOf(EventKind.options, e.kind, 'event kind') }),
    time: t.field({ type: TimeRefRef, nullable: true, resolve: (e) => timeOf(e) }),
    evidence: t.field({ type: EvidenceRef, nullable: true, resolve: (e) => evidenceOf(e) }),
    place: t.field({
      type: PlaceRef,
      nullable: true,
      resolve: (e, _a, ctx) =>
        typeof e.placeKey === 'string' ? ctx.loaders.item('place/by-keys', e.placeKey) : null,
    }),
    participants: t.field({
      type: [AgentRef],
      resolve: async (e, _a, ctx) =>
        (await ctx.loaders.items('agent/by-keys', (e.participantKeys as string[] | null) ?? [])).filter(
          (x): x is Item => x !== null,
        ),
    }),
    claims: t.connection(
      {
        type: ClaimRef,
        description: 'Claims tied to this event, in the order they were said; unknown saying times last.',
        args: { includeDrafts: t.arg.boolean({ required: false }) },
        resolve: (e, args, ctx, info) =>
          keysetConnection({
            args,
            ctx,
            info,
            scope: String(e.key),
            ordering: listOrdering('event/claims'),
            fetchPage: parentPage(ctx, 'event/claims', String(e.key), {
              statuses: statusesFor(args.includeDrafts),
            }),
            toNodes: claimNodes(ctx, info),
          }),
      },
      ClaimConnection,
    ),
  }),
});

builder.queryFields((t) => ({
  timeline: t.connection(
    {
      type: EventRef,
      description:
        "Events between two dates (inclusive), in time order: by date, then by the article's sequence cues " +
        '("days later", "then"), then in the order the article tells them; never by name. ' +
        '`timelineConflicts` reports cues that could not be followed.',
      args: {
        from: t.arg({ type: 'Date', required: false }),
        to: t.arg({ type: 'Date', required: false }),
      },
      resolve: (_r, args, ctx, info) =>
        keysetConnection({
          args,
          ctx,
          info,
          ordering: 'IN_MEMORY',
          fetchPage: async (seek) => {
            // An event starting on the `to` day counts: timelineRange compares against the end of that day.
            const { order } = await timeline(ctx.db, timelineRange(args));
            return memoryPage(order, seek);
          },
          toNodes: nodesByKeys(ctx, 'event/by-keys'),
        }),
    },
    EventConnection,
  ),
}));
