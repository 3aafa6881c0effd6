/**
 * The write statements of a bulk batch of new articles (cypher/queries/bulk): the graph that
 * src/graph/ingest.ts writeStatements would leave after writing the same rows article by article,
 * written with the fewest operations the server can do it with.
 *
 * - What belongs to a new article is new by construction (its node, claims, revisions, tellings
 *   and every relationship starting from them): CREATE, with no MERGE to check first. The loader
 *   guarantees the article is new (an article the graph holds goes through one-by-one ingest).
 * - Shared nodes (sources, actors, places, events) get one row per key, folded here in document
 *   order exactly as the per-row MERGE then SET of one-by-one ingest would accumulate them: the
 *   last props, aliases and name keys appended in order, the last non-null override and title,
 *   an actor's first name and kind. One MERGE each, and no Eager operator between the rows.
 * - Links between shared nodes are sent once per pair and MERGEd (an earlier article may have
 *   made them); a sequence cue keeps the words and article of its last declaration.
 *
 * The whole-graph comparison in tests/integration/ingest-bulk.int.test.ts keeps this equal to
 * one-by-one ingest.
 */
import type { QueryIn } from '../db/cypher.js';
import { labelOfKey } from '../domain/model.js';
import { INGEST_VERSION, type WriteContext } from './ingest.js';
import type { IngestRows } from './ingest-rows.js';

type Row = Record<string, unknown>;
export type BulkStatement = [name: QueryIn<'bulk'>, params: Record<string, unknown>];

/** Appends each of `more` not yet in `list`, as the Cypher's alias accumulation does. */
function accumulate(list: unknown[], more: unknown): void {
  for (const x of more as unknown[]) if (!list.includes(x)) list.push(x);
}

/** Rows kept once per key (the first one wins its place; `merge` folds each later one into it). */
class Folded<R> {
  private readonly rows = new Map<string, R>();
  add(key: string, fresh: () => R, merge?: (into: R) => void): void {
    const known = this.rows.get(key);
    if (known === undefined) this.rows.set(key, fresh());
    else merge?.(known);
  }
  list(): R[] {
    return [...this.rows.values()];
  }
}

const str = (v: unknown) => String(v);

/** The bulk statements for `written` (new articles, in load order), in the order they must run. */
export function bulkStatements(written: readonly IngestRows[], context: WriteContext): BulkStatement[] {
  const articles: Row[] = [];
  const publishers: Row[] = [];
  const sources = new Folded<Row & { aliases: unknown[]; nameKeys: unknown[] }>();
  const actors = new Folded<Row & { aliases: unknown[]; nameKeys: unknown[] }>();
  const places = new Folded<Row>();
  const events = new Folded<Row>();
  const mentions = {
    Source: new Folded<Row>(),
    Actor: new Folded<Row>(),
    Place: new Folded<Row>(),
    Event: new Folded<Row>(),
  };
  const sourceAffiliations = new Folded<Row>();
  const actorAffiliations = new Folded<Row>();
  const within = new Folded<Row>();
  const at = new Folded<Row>();
  const participants = { Actor: new Folded<Row>(), Source: new Folded<Row>() };
  const sequence = new EventSequence();
  const claims: Row[] = [];
  const refersTo = {
    Actor: new Folded<Row>(),
    Place: new Folded<Row>(),
    Event: new Folded<Row>(),
    Source: new Folded<Row>(),
  };
  const tellings: Row[] = [];
  const toldBy = { Actor: [] as Row[], Source: [] as Row[] };
  const addressedTo = { Actor: [] as Row[], Source: [] as Row[] };
  const inArticle: Row[] = [];
  const quotations = new Folded<Row>();
  const relations = {
    SUPPORTS: new Map<string, Row>(),
    CONTRADICTS: new Map<string, Row>(),
    SAME_STATEMENT: new Map<string, Row>(),
  };

  const mention = (label: keyof typeof mentions, articleKey: string, key: string) =>
    mentions[label].add(`${articleKey}|${key}`, () => ({ articleKey, key }));

  for (const rows of written) {
    const articleKey = rows.articleKey;
    articles.push({ key: rows.article.key, props: { ...rows.article.props, ingestVersion: INGEST_VERSION } });
    if (rows.article.publisherKey) publishers.push({ articleKey, key: rows.article.publisherKey });

    for (const s of rows.sources) {
      const key = str(s.key);
      sources.add(
        key,
        () => ({
          key,
          props: s.props,
          aliases: [...new Set(s.aliases as unknown[])],
          nameKeys: [...new Set(s.nameKeys as unknown[])],
          reliabilityOverride: s.reliabilityOverride,
          reliabilityReason: s.reliabilityReason,
        }),
        (f) => {
          f.props = s.props;
          accumulate(f.aliases, s.aliases);
          accumulate(f.nameKeys, s.nameKeys);
          f.reliabilityOverride = s.reliabilityOverride ?? f.reliabilityOverride;
          f.reliabilityReason = s.reliabilityReason ?? f.reliabilityReason;
        },
      );
      mention('Source', articleKey, key);
      if (s.affiliationKey != null)
        sourceAffiliations.add(`${key}|${str(s.affiliationKey)}`, () => ({
          key,
          affiliationKey: s.affiliationKey,
        }));
    }
    for (const a of rows.actors) {
      const key = str(a.key);
      actors.add(
        key,
        () => ({
          key,
          name: a.name,
          kind: a.kind,
          aliases: [...new Set(a.aliases as unknown[])],
          nameKeys: [...new Set(a.nameKeys as unknown[])],
          title: a.title,
          reliabilityOverride: a.reliabilityOverride,
          reliabilityReason: a.reliabilityReason,
        }),
        (f) => {
          accumulate(f.aliases, a.aliases);
          accumulate(f.nameKeys, a.nameKeys);
          f.title = a.title ?? f.title;
          f.reliabilityOverride = a.reliabilityOverride ?? f.reliabilityOverride;
          f.reliabilityReason = a.reliabilityReason ?? f.reliabilityReason;
        },
      );
      mention('Actor', articleKey, key);
      if (a.affiliationKey != null)
        actorAffiliations.add(`${key}|${str(a.affiliationKey)}`, () => ({
          key,
          affiliationKey: a.affiliationKey,
        }));
    }
    for (const p of rows.places) {
      const key = str(p.key);
      places.add(
        key,
        () => ({ key, props: p.props }),
        (f) => (f.props = p.props),
      );
      mention('Place', articleKey, key);
      if (p.withinKey != null)
        within.add(`${key}|${str(p.withinKey)}`, () => ({ key, withinKey: p.withinKey }));
    }
    for (const e of rows.events) {
      const key = str(e.key);
      events.add(
        key,
        () => ({ key, props: e.props }),
        (f) => (f.props = e.props),
      );
      mention('Event', articleKey, key);
      if (e.placeKey != null) at.add(`${key}|${str(e.placeKey)}`, () => ({ key, placeKey: e.placeKey }));
      for (const participant of e.participantKeys as (string | null)[]) {
        const label = participant === null ? null : labelOfKey(participant);
        if (label === 'Actor' || label === 'Source')
          participants[label].add(`${participant}|${key}`, () => ({ key: participant, eventKey: key }));
      }
      sequence.declare(articleKey, key, e.after as Cue[]);
    }
    for (const c of rows.claims) {
      const claimKey = str(c.key);
      claims.push({
        articleKey,
        key: claimKey,
        props: c.props,
        document: c.document,
        documentIndex: c.documentIndex,
        contentHash: c.contentHash,
      });
      for (const label of ['Actor', 'Place', 'Event', 'Source'] as const) {
        for (const key of c[`about${label}`] as string[])
          refersTo[label].add(`${claimKey}|${key}`, () => ({ claimKey, key }));
      }
    }
    for (const t of rows.tellings) {
      const key = str(t.key);
      tellings.push({ key, claimKey: t.claimKey, props: t.props });
      const agent = t.agentKey == null ? null : labelOfKey(str(t.agentKey));
      if (agent === 'Actor' || agent === 'Source') toldBy[agent].push({ key, agentKey: t.agentKey });
      const addressee = t.addresseeKey == null ? null : labelOfKey(str(t.addresseeKey));
      if (addressee === 'Actor' || addressee === 'Source')
        addressedTo[addressee].push({ key, agentKey: t.addresseeKey });
      if (t.inArticle === true) inArticle.push({ key, articleKey });
    }
    for (const q of rows.quotations) quotations.add(`${q.from}|${q.to}`, () => q);
    for (const r of rows.relations) {
      const byType = relations[r.type as keyof typeof relations];
      // The last declaration of a pair gives its note, as MERGE then SET leaves it.
      if (byType) byType.set(`${r.fromKey}|${r.toKey}`, r);
    }
  }

  const statements: BulkStatement[] = [];
  const send = (name: QueryIn<'bulk'>, params: Record<string, unknown[]>) => {
    if (Object.values(params).some((list) => list.length > 0))
      statements.push([name, { ...context, ...params }]);
  };
  send('create-articles', { articles });
  send('merge-sources', { sources: sources.list() });
  send('merge-actors', { actors: actors.list() });
  send('merge-places', { places: places.list() });
  send('merge-events', { events: events.list() });
  send('create-mentions', {
    sources: mentions.Source.list(),
    actors: mentions.Actor.list(),
    places: mentions.Place.list(),
    events: mentions.Event.list(),
    publishers,
  });
  send('link-shared', {
    sourceAffiliations: sourceAffiliations.list(),
    actorAffiliations: actorAffiliations.list(),
    within: within.list(),
    at: at.list(),
    actorParticipants: participants.Actor.list(),
    sourceParticipants: participants.Source.list(),
  });
  send('link-event-sequence', sequence.result());
  send('create-claims', { claims });
  send('create-refers-to', {
    actors: refersTo.Actor.list(),
    places: refersTo.Place.list(),
    events: refersTo.Event.list(),
    sources: refersTo.Source.list(),
  });
  send('create-tellings', { tellings });
  send('link-tellings', {
    toldByActor: toldBy.Actor,
    toldBySource: toldBy.Source,
    addressedToActor: addressedTo.Actor,
    addressedToSource: addressedTo.Source,
    inArticle,
    quotations: quotations.list(),
  });
  send('create-relations', {
    supports: [...relations.SUPPORTS.values()],
    contradicts: [...relations.CONTRADICTS.values()],
    sameStatement: [...relations.SAME_STATEMENT.values()],
  });
  return statements;
}

interface Cue {
  key: string;
  cueStart: unknown;
  cueEnd: unknown;
  cueText: unknown;
}

/**
 * Sequence cues over a batch, as article/link-event-sequence leaves them: each pair once, with
 * the words and article of its last declaration. That statement also removes the cues its article
 * had declared before it ran and no longer declares; a new article had declared none, so for the
 * bulk batch nothing is removed (all of one statement's removals run before its merges:
 * tests/integration/ingest-bulk.int.test.ts declares one event twice in an article to show it).
 */
class EventSequence {
  private readonly cues = new Map<string, Row>();

  declare(articleKey: string, eventKey: string, after: readonly Cue[]): void {
    for (const a of after) {
      this.cues.set(`${eventKey}|${a.key}`, {
        key: eventKey,
        earlierKey: a.key,
        cueStart: a.cueStart,
        cueEnd: a.cueEnd,
        cueText: a.cueText,
        articleKey,
      });
    }
  }

  result(): { after: Row[] } {
    return { after: [...this.cues.values()] };
  }
}
