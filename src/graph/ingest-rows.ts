/**
 * Pure mapping from a validated document to the rows the ingest Cypher UNWINDs. Keeping it free
 * of I/O lets the benchmark's bare-driver baseline and the tests share exactly the same graph.
 *
 * The graph (see docs/model.md): each claim is told by a chain of Tellings, PROV entities
 * attributed to their agent. Telling 0 is the article's own telling (its publisher), telling i
 * is hop i-1 of the chain, and each telling QUOTED_FROM the next one out to the origin.
 */
import type { ArticleDocument, Claim, TimeRef } from '../domain/document.js';
import { PUBLISHED_ROLE, labelOfKey } from '../domain/model.js';
import { estimateTime, publicationTime, type EstimateContext, type TimeEstimate } from '../domain/time.js';
import {
  actorKey,
  articleKey,
  claimKey,
  contentHash,
  eventKey,
  placeKey,
  slugify,
  sourceKey,
  tellingKey,
} from '../domain/keys.js';
import { claimParts, frameOf } from '../domain/stored-document.js';

export interface KnownActor {
  key: string;
  kind: string;
  nameKeys: string[];
}

export interface IngestRows {
  articleKey: string;
  article: {
    key: string;
    publisherKey: string | null;
    /**
     * `document` is the frame of the document (src/domain/stored-document.ts); an edit that
     * leaves the frame as stored does not send it.
     */
    props: Record<string, unknown> & { document?: string };
  };
  sources: Record<string, unknown>[];
  actors: Record<string, unknown>[];
  places: Record<string, unknown>[];
  events: Record<string, unknown>[];
  claims: Record<string, unknown>[];
  tellings: Record<string, unknown>[];
  quotations: { from: string; to: string }[];
  relations: { articleKey: string; fromKey: string; toKey: string; type: string; note: string | null }[];
  /** Claim keys of other articles that relations point to; they must already exist. */
  externalClaimKeys: string[];
  mentionKeys: string[];
}

const ANONYMOUS = new Set(['anonymous', 'leak']);

/** Name keys an actor is known by: its name and every alias, slugged. */
export function nameKeysOf(name: string, aliases: readonly string[]): string[] {
  return [...new Set([name, ...aliases].map(slugify).filter(Boolean))];
}

/**
 * Chooses the existing actor a document actor is, if any: same kind, and the document's name or
 * an alias is a name the existing actor is known by. The canonical key wins over an alias match;
 * ties break on key order, so the choice is deterministic.
 */
export function resolveActor(
  actor: { name: string; kind: string; aliases: readonly string[] },
  known: readonly KnownActor[],
): string | undefined {
  const own = actorKey(actor.name);
  const keys = nameKeysOf(actor.name, actor.aliases);
  const candidates = known.filter((k) => k.kind === actor.kind);
  if (candidates.some((k) => k.key === own)) return own;
  const byName = candidates.filter((k) => k.nameKeys.includes(slugify(actor.name)));
  const byAlias =
    byName.length > 0 ? byName : candidates.filter((k) => k.nameKeys.some((n) => keys.includes(n)));
  return byAlias.map((k) => k.key).sort()[0];
}

export function buildIngestRows(doc: ArticleDocument, known: readonly KnownActor[], by: string): IngestRows {
  const art = doc.article;
  const aKey = articleKey(art.id);
  const keyOf = new Map<string, string>();

  for (const s of doc.sources) keyOf.set(s.id, sourceKey(art.id, s.id, s.name, ANONYMOUS.has(s.kind)));
  for (const a of doc.actors) keyOf.set(a.id, resolveActor(a, known) ?? actorKey(a.name));
  for (const p of doc.places) keyOf.set(p.id, placeKey(p.name));
  for (const e of doc.events) keyOf.set(e.id, eventKey(slugify(e.name), e.time.start ?? 'undated'));
  const key = (id: string | undefined): string | null => (id === undefined ? null : (keyOf.get(id) ?? null));
  const publisherKey = key(art.publisher);

  // Every time resolved to days with its basis and precision (domain/time.ts); a relative time
  // takes its missing bounds from its anchor event, resolved first (anchors never loop: validated).
  const eventById = new Map(doc.events.map((e) => [e.id, e]));
  const eventTimes = new Map<string, TimeEstimate | undefined>();
  const anchorTime = (id: string): TimeEstimate | undefined => {
    if (eventTimes.has(id)) return eventTimes.get(id);
    eventTimes.set(id, undefined); // a guard, should a loop ever reach here
    const e = eventById.get(id);
    const t = e ? estimateTime(e.time, { ...timeContext, absent: 'fallback' }) : undefined;
    eventTimes.set(id, t);
    return t;
  };
  const timeContext: Omit<EstimateContext, 'absent'> = {
    publishedAt: art.publishedAt,
    anchorTime,
    anchorKey: (id) => key(id) ?? id,
  };
  const timeProps = (t: TimeRef | undefined) =>
    t === undefined
      ? timePropsOf(undefined, null)
      : timePropsOf(t, estimateTime(t, { ...timeContext, absent: 'fallback' }));

  // Every row names its article, so one statement can write the rows of many articles (bulk).
  const sources = doc.sources.map((s) => ({
    articleKey: aKey,
    key: key(s.id),
    props: {
      name: s.name,
      kind: s.kind,
      anonymous: ANONYMOUS.has(s.kind),
      description: s.description ?? null,
      anonymityReason: s.anonymityReason ?? null,
      url: s.url ?? null,
    },
    aliases: s.aliases,
    nameKeys: nameKeysOf(s.name, s.aliases),
    affiliationKey: key(s.affiliation),
    reliabilityOverride: s.reliability ?? null,
    reliabilityReason: s.reliabilityReason ?? null,
  }));

  const actors = doc.actors.map((a) => ({
    articleKey: aKey,
    key: key(a.id),
    name: a.name,
    kind: a.kind,
    title: a.title ?? null,
    // When the actor resolved to an existing node under another name, this name becomes an alias.
    aliases: [...new Set([a.name, ...a.aliases])],
    nameKeys: nameKeysOf(a.name, a.aliases),
    affiliationKey: key(a.affiliation),
    reliabilityOverride: a.reliability ?? null,
    reliabilityReason: a.reliabilityReason ?? null,
  }));

  const places = doc.places.map((p) => ({
    articleKey: aKey,
    key: key(p.id),
    props: { name: p.name, kind: p.kind, aliases: p.aliases },
    withinKey: key(p.within),
  }));

  const events = doc.events.map((e) => ({
    articleKey: aKey,
    key: key(e.id),
    props: {
      name: e.name,
      kind: e.kind,
      ...timeProps(e.time),
      evidenceStart: e.evidence?.start ?? null,
      evidenceEnd: e.evidence?.end ?? null,
      evidenceText: e.evidence?.text ?? null,
    },
    placeKey: key(e.place),
    participantKeys: e.participants.map((p) => key(p)),
    // Sequence cues: (this)-[:AFTER {cue}]->(earlier), the article's words kept on the link.
    after: e.after.map((a) => ({
      key: key(a.event),
      cueStart: a.cue.start,
      cueEnd: a.cue.end,
      cueText: a.cue.text,
    })),
  }));

  const claims: Record<string, unknown>[] = [];
  const tellings: Record<string, unknown>[] = [];
  const quotations: { from: string; to: string }[] = [];
  const parts = claimParts(doc);
  for (const [index, c] of doc.claims.entries()) {
    const cKey = claimKey(art.id, c.id);
    const about = {
      Actor: [] as string[],
      Place: [] as string[],
      Event: [] as string[],
      Source: [] as string[],
    };
    for (const ref of c.about) {
      const k = key(ref);
      if (!k) continue;
      const label = labelOfKey(k);
      about[label === 'Actor' || label === 'Place' || label === 'Event' ? label : 'Source'].push(k);
    }
    const origin = c.chain[c.chain.length - 1];
    // When the origin spoke: its time as the text gives it; the publication itself for the
    // outlet's own words; otherwise unknown (a fallback), never silently the article's date.
    const said =
      origin === undefined || (origin.time === undefined && origin.agent === art.publisher)
        ? publicationTime(art.publishedAt)
        : estimateTime(origin.time, { ...timeContext, absent: 'fallback', notAfter: art.publishedAt });
    const props = {
      localId: c.id,
      text: c.text,
      quote: c.quote ?? null,
      kind: c.kind,
      hedges: c.hedges,
      ...timeProps(c.time),
      outletAnalysis: c.outletAnalysis,
      status: c.status,
      evidenceStart: c.evidence.start,
      evidenceEnd: c.evidence.end,
      evidenceText: c.evidence.text,
      extractionConfidence: c.extractionConfidence ?? null,
      depth: c.chain.length,
      anonymousLinks: c.chain.filter((h) => h.anonymous).length,
      ...saidProps(said, art.publishedAt),
    };
    claims.push({
      articleKey: aKey,
      key: cKey,
      props,
      contentHash: contentHash({ props, chain: c.chain, about: c.about }),
      // The claim's part of the stored document and its place in it (src/domain/stored-document.ts);
      // not in `props`, so a change of its relations alone does not make a new version.
      document: parts[index],
      documentIndex: index,
      aboutActor: about.Actor,
      aboutPlace: about.Place,
      aboutEvent: about.Event,
      aboutSource: about.Source,
    });
    tellings.push(...tellingsOf(art.id, aKey, cKey, c, publisherKey, key, art.publishedAt, timeProps));
    for (let hop = 0; hop < c.chain.length; hop++) {
      quotations.push({ from: tellingKey(art.id, c.id, hop), to: tellingKey(art.id, c.id, hop + 1) });
    }
  }

  const localClaims = new Set(doc.claims.map((c) => c.id));
  const relations = doc.relations.map((r) => ({
    articleKey: aKey,
    fromKey: claimKey(art.id, r.from),
    toKey: localClaims.has(r.to) ? claimKey(art.id, r.to) : r.to,
    type: r.type,
    note: r.note ?? null,
  }));

  return {
    articleKey: aKey,
    article: {
      key: aKey,
      publisherKey,
      props: {
        id: art.id,
        url: art.url,
        title: art.title,
        publishedAt: art.publishedAt,
        language: art.language,
        author: art.author ?? null,
        text: art.text,
        textHash: contentHash(art.text),
        reconstruction: art.reconstruction,
        basedOn: art.basedOn,
        ingestedBy: by,
        // The validated document's frame; each claim keeps its own part (src/domain/stored-document.ts),
        // so an edit through the API reads and writes the part it changes, and re-ingesting an
        // unchanged file is known to change nothing.
        document: frameOf(doc),
      },
    },
    sources,
    actors,
    places,
    events,
    claims,
    tellings,
    quotations,
    relations,
    externalClaimKeys: doc.relations.filter((r) => !localClaims.has(r.to)).map((r) => r.to),
    mentionKeys: [...new Set([...keyOf.values()])],
  };
}

function tellingsOf(
  articleId: string,
  aKey: string,
  cKey: string,
  c: Claim,
  publisherKey: string | null,
  key: (id: string | undefined) => string | null,
  publishedAt: string,
  timeProps: (t: TimeRef | undefined) => Record<string, unknown>,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [
    {
      articleKey: aKey,
      key: tellingKey(articleId, c.id, 0),
      claimKey: cKey,
      agentKey: publisherKey,
      addresseeKey: null,
      inArticle: true,
      props: {
        hop: 0,
        role: PUBLISHED_ROLE,
        anonymous: false,
        isOrigin: c.chain.length === 0,
        // The article's own telling is dated by its publication, exactly.
        ...timePropsOf({ start: publishedAt }, publicationTime(publishedAt)),
        evidenceStart: c.evidence.start,
        evidenceEnd: c.evidence.end,
        evidenceText: c.evidence.text,
      },
    },
  ];
  c.chain.forEach((h, i) => {
    out.push({
      articleKey: aKey,
      key: tellingKey(articleId, c.id, i + 1),
      claimKey: cKey,
      agentKey: key(h.agent),
      addresseeKey: key(h.addressee),
      inArticle: false,
      props: {
        hop: i + 1,
        role: h.role,
        anonymous: h.anonymous ?? false,
        isOrigin: i === c.chain.length - 1,
        ...timeProps(h.time),
        evidenceStart: h.evidence.start,
        evidenceEnd: h.evidence.end,
        evidenceText: h.evidence.text,
      },
    });
  });
  return out;
}

/** A time as node properties: the document's words and bounds, and what they resolve to. */
function timePropsOf(t: TimeRef | undefined, e: TimeEstimate | null) {
  return {
    timeText: t?.text ?? null,
    timeStart: t?.start ?? null,
    timeEnd: t?.end ?? null,
    timeBasis: e?.basis ?? null,
    timePrecision: e?.precision ?? null,
    timeEarliest: e?.earliest ?? null,
    timeLatest: e?.latest ?? null,
    timeAnchorKey: e?.anchor ?? null,
    timeRelation: e?.relation ?? null,
  };
}

/**
 * When a claim was said, as claim properties the list filters and sorts on. `saidAt` stays the
 * sort day of 0.1 (earliest known day, else the article's date) for the queries that order by it;
 * `saidBasis` tells whether it is known at all.
 */
function saidProps(e: TimeEstimate, publishedAt: string) {
  return {
    saidAt: e.earliest ?? e.latest ?? publishedAt.slice(0, 10),
    saidBasis: e.basis,
    saidPrecision: e.precision,
    saidEarliest: e.earliest,
    saidLatest: e.latest,
    saidText: e.text,
    saidAnchorKey: e.anchor,
    saidRelation: e.relation,
  };
}
