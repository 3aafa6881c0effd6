/**
 * The ingestible document: one article with everything a fact-checker records about it.
 *
 * These zod schemas are the single definition of the format. Fixtures, the CLI, the GraphQL
 * mutations and the extractor all validate with them, so the same bad input gets the same
 * message everywhere. Types are inferred from the schemas, never written twice.
 *
 * Identity: every record has a local `id` (unique inside the document). Hop agents, addressees,
 * `about` links and relations refer to records by that id. The ingester turns local ids into
 * stable graph keys (see `keys.ts`), so re-ingesting a document changes nothing.
 */
import { z } from 'zod';

/** A local reference: letters, digits, `-`, `_`, `.`, `:`; stable and human-readable. */
export const LocalId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'must be letters, digits, ".", "_", ":" or "-"');

/** ISO-8601 calendar date (`2026-01-05`) or date-time with offset (`2026-01-05T10:00:00Z`). */
export const IsoDateOrDateTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'must be an ISO-8601 date (YYYY-MM-DD) or date-time with offset',
  )
  .refine(isRealCalendarTime, 'is not a real calendar date');

/**
 * `Date.parse` rolls impossible dates over (2026-02-30 becomes March 2), so the parts are checked
 * against the date they produce: the day must exist in its month (leap years included), hours
 * 0-23, minutes and seconds 0-59, offsets within +-14:00.
 */
function isRealCalendarTime(s: string): boolean {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2})))?$/.exec(s);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would map years 0-99 to 1900-1999
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return false;
  }
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  if (m[8] !== undefined && (Number(m[9]) > 14 || Number(m[10]) > 59)) return false;
  return !Number.isNaN(Date.parse(s));
}

/**
 * Which side of its anchor a relative time lies: "previously", "just days before" (`before`);
 * "days later", "then", "following" (`after`).
 */
export const TimeRelation = z.enum(['before', 'after']);

/**
 * What a relative time is measured from. The text places the time against another event ("A
 * second round was held days later": after the Paris round) or against the article's own
 * publication ("last week": `event` omitted). Missing bounds follow from the anchor (see
 * `domain/time.ts`): "previously" ends no later than its anchor ends.
 */
export const RelativeTo = z
  .object({
    /** Id of the event the time is measured from; omitted: the article's publication date. */
    event: LocalId.optional(),
    relation: TimeRelation,
  })
  .strict();

/**
 * The time a statement or event refers to, as precise as the text allows. `text` keeps the
 * article's own words ("mid-September", "late 2024", "days later"); `start`/`end` bound it when
 * known (`start` alone: that one day). Its basis is `stated` (the text gives the date) unless
 * `relativeTo` says the text places it against another event; a time the text never gives is left
 * out, and the reader is told it falls back to the article's date (`domain/time.ts`).
 */
export const TimeRef = z
  .object({
    text: z.string().min(1).max(200).optional(),
    start: IsoDateOrDateTime.optional(),
    end: IsoDateOrDateTime.optional(),
    relativeTo: RelativeTo.optional(),
  })
  .strict()
  .refine((t) => t.text !== undefined || t.start !== undefined, {
    message: 'needs at least `text` or `start`',
  })
  .refine((t) => !t.start || !t.end || Date.parse(t.start) <= Date.parse(t.end), {
    message: '`start` must not be after `end`',
    path: ['end'],
  })
  .refine((t) => t.relativeTo === undefined || t.text !== undefined, {
    message: 'a relative time keeps the article\'s words that place it ("days later"): give `text`',
    path: ['text'],
  });

/** Character offsets into `article.text` (UTF-16 code units, end exclusive) and the exact words. */
export const EvidenceSpan = z
  .object({
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    text: z.string().min(1),
  })
  .strict()
  .refine((s) => s.end > s.start, { message: '`end` must be greater than `start`', path: ['end'] })
  .refine((s) => s.end - s.start === s.text.length, {
    message: '`text` length must equal end - start',
    path: ['text'],
  });

export const SourceKind = z.enum([
  'outlet', // a newspaper, broadcaster or site publishing under its own name
  'wire', // a news agency whose copy other outlets re-report (Reuters, AP, AFP)
  'anonymous', // an unnamed person or group ("a Syrian official", "sources")
  'leak', // unattributed leaked material ("according to leaks")
  'official_body', // a government office or ministry speaking institutionally
  'document', // a paper, statement text, transcript
]);

export const ActorKind = z.enum(['person', 'government', 'state', 'organisation', 'group']);

/** Admiralty (NATO) source reliability: A completely reliable ... E unreliable, F cannot be judged. */
export const ReliabilityGrade = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);

export const Source = z
  .object({
    id: LocalId,
    name: z.string().min(1).max(300),
    kind: SourceKind,
    aliases: z.array(z.string().min(1).max(300)).default([]),
    /** For unnamed sources: the words the article uses ("a Syrian official"). */
    description: z.string().min(1).max(500).optional(),
    /** Who the source belongs to or speaks for: an actor id ("syria-government"). */
    affiliation: LocalId.optional(),
    /** A stated reason for anonymity, when the article gives one. */
    anonymityReason: z.string().min(1).max(500).optional(),
    url: z.string().url().optional(),
    /** A fact-checker's explicit grade; otherwise the default for the kind applies. */
    reliability: ReliabilityGrade.optional(),
    reliabilityReason: z.string().min(1).max(1000).optional(),
  })
  .strict();

export const Actor = z
  .object({
    id: LocalId,
    name: z.string().min(1).max(300),
    kind: ActorKind,
    /** Other names the article uses: surnames, titles, a capital city for its government. */
    aliases: z.array(z.string().min(1).max(300)).default([]),
    /** Office or role at the time of the article ("Foreign Minister of Syria"). */
    title: z.string().min(1).max(300).optional(),
    /** The government, state or organisation the actor belongs to (an actor id). */
    affiliation: LocalId.optional(),
    reliability: ReliabilityGrade.optional(),
    reliabilityReason: z.string().min(1).max(1000).optional(),
  })
  .strict();

export const PlaceKind = z.enum(['city', 'region', 'country', 'territory', 'site']);

export const Place = z
  .object({
    id: LocalId,
    name: z.string().min(1).max(300),
    kind: PlaceKind,
    aliases: z.array(z.string().min(1).max(300)).default([]),
    /** A larger place this one lies in (a place id). */
    within: LocalId.optional(),
  })
  .strict();

export const EventKind = z.enum([
  'round_of_talks',
  'meeting',
  'summit',
  'speech',
  'military_action',
  'political_change',
  'agreement',
  'other',
]);

/**
 * A sequence cue: the article places this event after another ("days later", "then",
 * "following"), so the timeline can order events whose dates alone do not.
 */
export const SequenceCue = z
  .object({
    /** Id of the event this one follows. */
    event: LocalId,
    /** The article's sequence words ("A second round was held days later"). */
    cue: EvidenceSpan,
  })
  .strict();

export const Event = z
  .object({
    id: LocalId,
    name: z.string().min(1).max(300),
    kind: EventKind,
    time: TimeRef,
    place: LocalId.optional(),
    participants: z.array(LocalId).default([]),
    evidence: EvidenceSpan.optional(),
    /** Events the article says this one came after (BEFORE/AFTER from its sequence words). */
    after: z.array(SequenceCue).max(50).default([]),
  })
  .strict();

export const ClaimKind = z.enum([
  'report',
  'statement',
  'quote',
  'leak',
  'demand',
  'prediction',
  'denial',
  'acknowledgement',
  'accusation',
  'position',
  'proposal',
  'rejection',
  'warning',
  'analysis',
]);

/** How one teller passed the statement on. */
export const HopRole = z.enum([
  'reported',
  'said',
  'told',
  'quoted',
  'leaked',
  'revealed',
  'according_to',
  'cited',
  'stated',
  'acknowledged',
  'denied',
  'predicted',
  'demanded',
  'proposed',
  'rejected',
  'warned',
  'portrayed',
  'hinted',
]);

export const ClaimStatus = z.enum(['accepted', 'draft', 'rejected']);

/**
 * One link of an attribution chain. The chain is ordered outermost first: hop 0 is whoever the
 * article cites directly, the last hop is the original speaker. The article itself is implicit
 * (its publisher tells the claim to the reader) and is not a hop.
 */
export const Hop = z
  .object({
    /** Id of an actor or a source: who tells at this link. */
    agent: LocalId,
    role: HopRole,
    /** Id of an actor or source the statement was addressed to ("told US envoy Tom Barrack"). */
    addressee: LocalId.optional(),
    /**
     * True when the article does not name this teller. Derived from the agent (a source of kind
     * `anonymous` or `leak`) when omitted; when given it must agree with the agent.
     */
    anonymous: z.boolean().optional(),
    time: TimeRef.optional(),
    /** The article's words that show this link ("Reuters quoted a Syrian official as saying"). */
    evidence: EvidenceSpan,
  })
  .strict();

export const Claim = z
  .object({
    id: LocalId,
    /** The proposition in plain words, as a fact-checker would state it. */
    text: z.string().min(1).max(4000),
    /** The verbatim quotation, exactly as printed, when the article quotes words. */
    quote: z.string().min(1).max(4000).optional(),
    kind: ClaimKind,
    /** Hedging words kept as printed ("reportedly", "according to leaks", "hinted"). */
    hedges: z.array(z.string().min(1).max(200)).default([]),
    /** The time the claim refers to (not the time it was said: that is on the hops). */
    time: TimeRef.optional(),
    /** The outlet's own analysis or opinion: marked, and not graded as a sourced fact. */
    outletAnalysis: z.boolean().default(false),
    status: ClaimStatus.default('accepted'),
    /** Where the claim's content stands in the article. */
    evidence: EvidenceSpan,
    /** Attribution chain, outermost first; empty only for the outlet's own analysis. */
    chain: z.array(Hop).max(12).default([]),
    /** What the claim is about: actor, place and event ids. */
    about: z.array(LocalId).default([]),
    /** For drafts made by the extractor: how sure the extractor is, in [0, 1]. */
    extractionConfidence: z.number().min(0).max(1).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.outletAnalysis && c.chain.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['chain'],
        message: 'a sourced claim needs at least one hop (or set outletAnalysis: true)',
      });
    }
  });

export const RelationType = z.enum(['SUPPORTS', 'CONTRADICTS', 'SAME_STATEMENT']);

/** A relation between two claims. `to` may be a claim of this document or a graph key (`article#claim`). */
export const ClaimRelation = z
  .object({
    from: LocalId,
    to: z.string().min(1).max(300),
    type: RelationType,
    note: z.string().min(1).max(1000).optional(),
  })
  .strict();

export const Article = z
  .object({
    id: LocalId,
    url: z.string().url(),
    title: z.string().min(1).max(500),
    /** Id of the source (kind outlet) that published the article. */
    publisher: LocalId,
    publishedAt: IsoDateOrDateTime,
    language: z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a BCP-47 language tag like "en"'),
    author: z.string().min(1).max(300).optional(),
    /** The full text, verbatim. Evidence offsets point into it. */
    text: z.string().min(1).max(2_000_000),
    /**
     * True when `text` is not the outlet's own words but our reconstruction of its report: the
     * same facts and the same attribution structure (who cited whom, how unnamed sources were
     * described, which hedges), written in our own words, with direct quotation kept to the short
     * phrase that is itself the claim traced. Evidence spans then point into our wording, never
     * the outlet's, and readers must be told so (the API and the explorer show it).
     */
    reconstruction: z.boolean().default(false),
    /**
     * The addresses of the published pages a reconstruction follows, the reconstructed report's
     * own `url` first. Empty for a verbatim article; required (and must include `url`) for a
     * reconstruction.
     */
    basedOn: z.array(z.string().url().max(2000)).max(20).default([]),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.reconstruction && a.basedOn.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['basedOn'],
        message: 'a reconstruction must list the addresses it follows',
      });
    }
    if (a.reconstruction && a.basedOn.length > 0 && !a.basedOn.includes(a.url)) {
      ctx.addIssue({
        code: 'custom',
        path: ['basedOn'],
        message: 'a reconstruction must list its own `url` among the addresses it follows',
      });
    }
    if (!a.reconstruction && a.basedOn.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['reconstruction'],
        message: '`basedOn` is only for a reconstruction: set `reconstruction: true` or drop `basedOn`',
      });
    }
  });

export const ArticleDocument = z
  .object({
    schemaVersion: z.literal(1),
    article: Article,
    sources: z.array(Source).default([]),
    actors: z.array(Actor).default([]),
    places: z.array(Place).default([]),
    events: z.array(Event).default([]),
    claims: z.array(Claim).default([]),
    relations: z.array(ClaimRelation).default([]),
  })
  .strict();

export type ArticleDocumentInput = z.input<typeof ArticleDocument>;
export type ArticleDocument = z.infer<typeof ArticleDocument>;
export type Article = z.infer<typeof Article>;
export type Source = z.infer<typeof Source>;
export type Actor = z.infer<typeof Actor>;
export type Place = z.infer<typeof Place>;
export type Event = z.infer<typeof Event>;
export type SequenceCue = z.infer<typeof SequenceCue>;
export type Claim = z.infer<typeof Claim>;
export type Hop = z.infer<typeof Hop>;
export type ClaimRelation = z.infer<typeof ClaimRelation>;
export type EvidenceSpan = z.infer<typeof EvidenceSpan>;
export type TimeRef = z.infer<typeof TimeRef>;
export type TimeRelation = z.infer<typeof TimeRelation>;
export type RelativeTo = z.infer<typeof RelativeTo>;
export type SourceKind = z.infer<typeof SourceKind>;
export type ActorKind = z.infer<typeof ActorKind>;
export type ClaimKind = z.infer<typeof ClaimKind>;
export type HopRole = z.infer<typeof HopRole>;
export type ReliabilityGrade = z.infer<typeof ReliabilityGrade>;
export type RelationType = z.infer<typeof RelationType>;
export type ClaimStatus = z.infer<typeof ClaimStatus>;
