/**
 * Chronology in the API: the timeline's order (used by `Query.timeline`) and the sequence cues it
 * could not follow (`Query.timelineConflicts`), reported rather than hidden.
 */
import { builder } from './builder.js';
import type { ChronologyConflict } from '../domain/chronology.js';
import { timeline, type TimelineRange } from '../graph/timeline.js';

export { timeline };

/** The timeline's date range; an event starting on the `to` day counts (end of that day). */
export function timelineRange(args: { from?: string | null; to?: string | null }): TimelineRange {
  return { from: args.from ?? null, to: args.to ? `${args.to}T23:59:59Z` : null };
}

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
