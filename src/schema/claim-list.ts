/**
 * The claim lists: `claims` (filtered by ClaimFilter, sorted by ClaimOrder; the Cypher is built from
 * the closed allow-list in graph/claim-list.ts) and `searchClaims` (full text, best match first).
 */
import { builder } from './builder.js';
import { claimSearchList } from '../graph/claims.js';
import { claimList, type ClaimFilter, type ClaimOrder } from '../graph/claim-list.js';
import { gradingConfig } from '../graph/grading.js';
import { toLuceneQuery } from '../graph/lucene.js';
import { ClaimConnection, ClaimRef } from './refs.js';
import { STATUS_DEFAULT, statusesFor, claimConnection } from './connection.js';
import { ClaimKindEnum, ClaimOrderEnum, DateMatchEnum } from './enums.js';
import { agentRefs } from './agent-refs.js';

/** The claims list's order when none is asked for (newest said first). */
const DEFAULT_ORDER: ClaimOrder = 'SAID_AT_DESC';

const ClaimFilterInput = builder.inputType('ClaimFilter', {
  description: 'Filters for the claims list; all given filters must hold.',
  fields: (t) => ({
    speaker: t.string({
      description:
        'The original speaker (origin of the chain): a key, or a name or alias as printed ("Trump").',
    }),
    about: t.string({ description: 'Key of an actor, place, event or source the claim refers to.' }),
    source: t.string({
      description: 'A source, outlet or actor anywhere in the chain: a key, or a name or alias as printed.',
    }),
    article: t.string({ description: 'Key of the article ("article:<id>").' }),
    kinds: t.field({ type: [ClaimKindEnum] }),
    anonymous: t.boolean({ description: 'true: at least one unnamed link in the chain; false: none.' }),
    saidFrom: t.field({
      type: 'Date',
      description:
        'Said on or after this date (by `said`: an approximate time matches by its range, as `saidMatch` says; an ' +
        'unknown one only with `includeUndated`).',
    }),
    saidTo: t.field({ type: 'Date', description: 'Said on or before this date (as `saidFrom`).' }),
    saidMatch: t.field({
      type: DateMatchEnum,
      description: 'How `saidFrom`/`saidTo` match an approximate time: OVERLAPS (default) or WITHIN.',
    }),
    includeUndated: t.boolean({
      description:
        "With `saidFrom`/`saidTo`: also list claims whose saying time is unknown (only the article's date is known). Default false.",
    }),
    confidenceMin: t.float(),
    confidenceMax: t.float(),
    includeDrafts: t.boolean({ description: 'Also list drafts (default false).' }),
    // Triage (issue 14).
    graded: t.boolean({
      description: "true: graded with a confidence; false: not graded (the outlet's analysis).",
    }),
    outletAnalysis: t.boolean({
      description: "true: only the outlet's own analysis; false: only sourced claims.",
    }),
    hedged: t.boolean({
      description: 'true: hedged by words ("reportedly") or by a hedging role ("hinted"); false: neither.',
    }),
    addressee: t.string({
      description: 'Some link was addressed to this actor or source: a key, or a name or alias as printed.',
    }),
    anonymousDepth: t.int({ description: 'At least this many unnamed links in the chain.' }),
  }),
});

builder.queryFields((t) => ({
  claims: t.connection(
    {
      type: ClaimRef,
      description: 'Claims, filtered and sorted.',
      args: {
        filter: t.arg({ type: ClaimFilterInput, required: false }),
        orderBy: t.arg({ type: ClaimOrderEnum, required: false, defaultValue: DEFAULT_ORDER }),
      },
      resolve: async (_r, args, ctx, info) => {
        const f = args.filter ?? {};
        const [speakerKey, sourceKey, addresseeKey] = await agentRefs(ctx.db, [
          f.speaker,
          f.source,
          f.addressee,
        ]);
        const filter: ClaimFilter = {
          speakerKey,
          aboutKey: f.about,
          sourceKey,
          addresseeKey,
          graded: f.graded,
          outletAnalysis: f.outletAnalysis,
          hedged: f.hedged,
          hedgingRoles: gradingConfig().hedgingRoles,
          anonymousDepthMin: f.anonymousDepth,
          articleKey: f.article,
          kinds: f.kinds,
          anonymous: f.anonymous,
          saidFrom: f.saidFrom,
          saidTo: f.saidTo,
          saidMatch: f.saidMatch,
          includeUndated: f.includeUndated,
          confidenceMin: f.confidenceMin,
          confidenceMax: f.confidenceMax,
          statuses: f.includeDrafts ? ['accepted', 'draft'] : STATUS_DEFAULT,
        };
        const order = args.orderBy ?? DEFAULT_ORDER;
        return claimConnection({
          args,
          ctx,
          info,
          list: claimList(ctx.db, filter, order),
        });
      },
    },
    ClaimConnection,
  ),
  searchClaims: t.connection(
    {
      type: ClaimRef,
      description:
        'Full-text search over claim text and quotes, best match first. Any string is safe to pass.',
      args: {
        query: t.arg.string({ required: true }),
        includeDrafts: t.arg.boolean({ required: false }),
      },
      resolve: (_r, args, ctx, info) =>
        claimConnection({
          args,
          ctx,
          info,
          list: claimSearchList(ctx.loaders, toLuceneQuery(args.query), statusesFor(args.includeDrafts)),
        }),
    },
    ClaimConnection,
  ),
}));
