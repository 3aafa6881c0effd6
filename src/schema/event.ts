/**
 * Events and places: what happened when and where, with the claims tied to each event; the
 * timeline's order (`Query.timeline`) and the sequence cues it could not follow
 * (`Query.timelineConflicts`), reported rather than hidden.
 */
import { builder } from './builder.js';
import { labelOfRow } from './values.js';
import { EventKindEnum, PlaceKindEnum } from './enums.js';
import { timeline, type TimelineRange } from '../graph/timeline.js';
import type { ChronologyConflict } from '../domain/chronology.js';
import { existingAgents } from '../graph/agents.js';
import { eventClaimList } from '../graph/claims.js';
import { eventsByKeys, placeByKey, placesByKeys } from '../graph/events.js';
import { AgentRef, ClaimConnection, ClaimRef, EventConnection, EventRef, PlaceRef } from './refs.js';
import { keysetConnection, memoryPage, statusesFor, claimConnection } from './connection.js';
import { EvidenceRef, TimeRefRef, evidenceOf, timeOf } from './time.js';

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
          claimConnection({
            args,
            ctx,
            info,
            scope: e.key,
            list: eventClaimList(ctx.loaders, e.key, statusesFor(args.includeDrafts)),
          }),
      },
      ClaimConnection,
    ),
  }),
});

/** The timeline's date range; an event starting on the `to` day counts (end of that day). */
function timelineRange(args: { from?: string | null; to?: string | null }): TimelineRange {
  return { from: args.from ?? null, to: args.to ? `${args.to}T23:59:59Z` : null };
}

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

const SequenceLinkRef = builder
  .objectRef<{ later: string; earlier: string; cue: string }>('SequenceCue')
  .implement({
    description: "The article's words placing one event after another.",
    fields: (t) => ({
      laterKey: t.exposeString('later', { description: 'Key of the event said to come later.' }),
      earlierKey: t.exposeString('earlier', { description: 'Key of the event said to come first.' }),
      cue: t.exposeString('cue', { description: 'The sequence words ("days later", "then").' }),
    }),
  });

const ConflictRef = builder.objectRef<ChronologyConflict>('ChronologyConflict').implement({
  description: 'Sequence cues that contradict the dates or each other: set aside, not silently followed.',
  fields: (t) => ({
    cues: t.field({ type: [SequenceLinkRef], resolve: (c) => c.links }),
    detail: t.exposeString('detail', { description: 'What contradicts what, in words.' }),
  }),
});

builder.queryField('timelineConflicts', (t) =>
  t.field({
    type: [ConflictRef],
    description: 'Sequence cues among the events of the timeline that could not be followed, and why.',
    args: {
      from: t.arg({ type: 'Date', required: false }),
      to: t.arg({ type: 'Date', required: false }),
    },
    resolve: async (_r, args, ctx) => (await timeline(ctx.db, timelineRange(args))).conflicts,
  }),
);
