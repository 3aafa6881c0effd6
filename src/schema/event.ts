/** Events and places: what happened when and where, with the claims tied to each event. */
import { builder } from './builder.js';
import { labelOfRow } from './values.js';
import { EventKindEnum, PlaceKindEnum } from './enums.js';
import { timeline, timelineRange } from './timeline.js';
import { existingAgents } from '../graph/agents.js';
import { eventClaimList } from '../graph/claims.js';
import { eventsByKeys, placeByKey, placesByKeys } from '../graph/events.js';
import { AgentRef, ClaimConnection, ClaimRef, EventConnection, EventRef, PlaceRef } from './refs.js';
import {
  EvidenceRef,
  TimeRefRef,
  evidenceOf,
  keysetConnection,
  memoryPage,
  statusesFor,
  timeOf,
  claimNodes,
} from './common.js';

builder.node(PlaceRef, {
  description: 'Where something happens or what a claim is about: a city, region, territory.',
  id: { resolve: (p) => p.key },
  isTypeOf: (v) => labelOfRow(v) === 'Place',
  loadMany: (keys, ctx) => placesByKeys(ctx.loaders, keys),
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: PlaceKindEnum }),
    aliases: t.exposeStringList('aliases'),
    within: t.field({
      type: PlaceRef,
      nullable: true,
      resolve: (p, _a, ctx) => (p.withinKey === null ? null : placeByKey(ctx.loaders, p.withinKey)),
    }),
  }),
});

builder.node(EventRef, {
  description: 'A meeting, speech, round of talks or other dated happening.',
  id: { resolve: (e) => e.key },
  isTypeOf: (v) => labelOfRow(v) === 'Event',
  loadMany: (keys, ctx) => eventsByKeys(ctx.loaders, keys),
  fields: (t) => ({
    key: t.exposeString('key'),
    name: t.exposeString('name'),
    kind: t.expose('kind', { type: EventKindEnum }),
    time: t.field({ type: TimeRefRef, nullable: true, resolve: (e) => timeOf(e) }),
    evidence: t.field({ type: EvidenceRef, nullable: true, resolve: (e) => evidenceOf(e) }),
    place: t.field({
      type: PlaceRef,
      nullable: true,
      resolve: (e, _a, ctx) => (e.placeKey === null ? null : placeByKey(ctx.loaders, e.placeKey)),
    }),
    participants: t.field({
      type: [AgentRef],
      resolve: (e, _a, ctx) => existingAgents(ctx.loaders, e.participantKeys),
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
            scope: e.key,
            ...eventClaimList(ctx.loaders, e.key, statusesFor(args.includeDrafts)),
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
          toNodes: (keys) => eventsByKeys(ctx.loaders, keys),
        }),
    },
    EventConnection,
  ),
}));
