/**
 * The baseline our ingester is measured against: the same graph written by hand-written UNWIND
 * batches through the bare neo4j-driver, the way one would write a loader without our
 * abstractions (no validation, no alias lookup round trip, no prune, CREATE wherever a node or
 * relationship is new by construction, MERGE only on what articles share).
 *
 * It reuses `buildIngestRows` on purpose: that is the pure mapping from a document to keys and
 * properties (no I/O), so both sides agree on *what* to write and the comparison is about *how*.
 * The harness asserts that both produce the same node and relationship counts by label and type.
 *
 * Limits, honestly: it is a fresh-load writer. Re-ingesting or editing an article (which ours
 * handles by content hash, versions and prune) is out of its scope.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { ArticleDocument } from '../../src/domain/document.js';
import { buildIngestRows } from '../../src/graph/ingest-rows.js';

type Row = Record<string, unknown>;

const labelOfKey = (key: string): 'Actor' | 'Source' => (key.startsWith('actor:') ? 'Actor' : 'Source');

const ARTICLES = `
UNWIND $articles AS a
CREATE (x:Article {key: a.key})
SET x += a.props`;

const SOURCES = `
UNWIND $sources AS s
MERGE (x:Source {key: s.key})
ON CREATE SET x += s.props, x.aliases = s.aliases, x.nameKeys = s.nameKeys, x.aliasText = s.aliasText
WITH x, s
MATCH (a:Article {key: s.articleKey})
CREATE (a)-[:MENTIONS]->(x)
WITH count(*) AS sources
UNWIND $articles AS a
MATCH (x:Article {key: a.key}), (p:Source {key: a.publisherKey})
CREATE (x)-[:PUBLISHED_BY]->(p)`;

const ACTORS = `
UNWIND $actors AS r
MERGE (x:Actor {key: r.key})
ON CREATE SET x.name = r.name, x.kind = r.kind, x.aliases = r.aliases, x.nameKeys = r.nameKeys,
              x.title = r.title, x.aliasText = r.aliasText
WITH x, r
MATCH (a:Article {key: r.articleKey})
CREATE (a)-[:MENTIONS]->(x)
WITH count(*) AS actors
CALL () {
  UNWIND $sourceAffiliations AS l
  MATCH (m:Source {key: l.key}), (o:Actor {key: l.org})
  MERGE (m)-[:AFFILIATED_WITH]->(o)
}
CALL () {
  UNWIND $actorAffiliations AS l
  MATCH (m:Actor {key: l.key}), (o:Actor {key: l.org})
  MERGE (m)-[:AFFILIATED_WITH]->(o)
}`;

const PLACES_AND_EVENTS = `
CALL () {
  UNWIND $places AS r
  MERGE (p:Place {key: r.key})
  SET p += r.props
  WITH p, r
  MATCH (a:Article {key: r.articleKey})
  CREATE (a)-[:MENTIONS]->(p)
}
CALL () {
  UNWIND $places AS r
  WITH r WHERE r.withinKey IS NOT NULL
  MATCH (p:Place {key: r.key}), (o:Place {key: r.withinKey})
  MERGE (p)-[:WITHIN]->(o)
}
CALL () {
  UNWIND $events AS r
  MERGE (e:Event {key: r.key})
  SET e += r.props
  WITH e, r
  MATCH (a:Article {key: r.articleKey})
  CREATE (a)-[:MENTIONS]->(e)
  WITH e, r
  OPTIONAL MATCH (p:Place {key: r.placeKey})
  FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (e)-[:AT]->(p))
}
CALL () {
  UNWIND $participants AS r
  MATCH (e:Event {key: r.event})
  CALL (e, r) { WITH e, r WHERE r.label = 'Actor' MATCH (x:Actor {key: r.key}) MERGE (x)-[:PARTICIPATED_IN]->(e) }
  CALL (e, r) { WITH e, r WHERE r.label = 'Source' MATCH (x:Source {key: r.key}) MERGE (x)-[:PARTICIPATED_IN]->(e) }
}`;

const CLAIMS = `
UNWIND $claims AS r
MATCH (a:Article {key: r.articleKey})
CREATE (a)-[:CONTAINS]->(c:Claim {key: r.key})
SET c += r.props, c.document = r.document, c.documentIndex = r.documentIndex,
    c.contentHash = r.contentHash, c.version = 1, c.updatedAt = datetime()
CREATE (:Revision {key: r.key + '@v1', version: 1, at: datetime(), by: $by, change: 'created',
                   via: 'ingest', snapshot: r.contentHash})-[:REVISES]->(c)
WITH count(*) AS claims
CALL () { UNWIND $refersTo.Actor AS r MATCH (c:Claim {key: r.claim}), (x:Actor {key: r.key}) CREATE (c)-[:REFERS_TO]->(x) }
CALL () { UNWIND $refersTo.Place AS r MATCH (c:Claim {key: r.claim}), (x:Place {key: r.key}) CREATE (c)-[:REFERS_TO]->(x) }
CALL () { UNWIND $refersTo.Event AS r MATCH (c:Claim {key: r.claim}), (x:Event {key: r.key}) CREATE (c)-[:REFERS_TO]->(x) }
CALL () { UNWIND $refersTo.Source AS r MATCH (c:Claim {key: r.claim}), (x:Source {key: r.key}) CREATE (c)-[:REFERS_TO]->(x) }`;

const TELLINGS = `
UNWIND $tellings AS r
MATCH (c:Claim {key: r.claimKey})
CREATE (t:Telling {key: r.key})-[:TELLS]->(c)
SET t += r.props
WITH t, r
CALL (t, r) { WITH t, r WHERE r.agentLabel = 'Actor' MATCH (x:Actor {key: r.agentKey}) CREATE (t)-[:TOLD_BY]->(x) }
CALL (t, r) { WITH t, r WHERE r.agentLabel = 'Source' MATCH (x:Source {key: r.agentKey}) CREATE (t)-[:TOLD_BY]->(x) }
CALL (t, r) { WITH t, r WHERE r.addresseeLabel = 'Actor' MATCH (x:Actor {key: r.addresseeKey}) CREATE (t)-[:ADDRESSED_TO]->(x) }
CALL (t, r) { WITH t, r WHERE r.addresseeLabel = 'Source' MATCH (x:Source {key: r.addresseeKey}) CREATE (t)-[:ADDRESSED_TO]->(x) }
CALL (t, r) { WITH t, r WHERE r.inArticle MATCH (a:Article {key: r.articleKey}) CREATE (t)-[:IN_ARTICLE]->(a) }
WITH count(*) AS tellings
UNWIND $quotations AS q
MATCH (t:Telling {key: q.from}), (u:Telling {key: q.to})
CREATE (t)-[:QUOTED_FROM]->(u)`;

const RELATIONS = `
CALL () { UNWIND $relations.SUPPORTS AS r MATCH (f:Claim {key: r.fromKey}), (t:Claim {key: r.toKey}) CREATE (f)-[:SUPPORTS {note: r.note, declaredIn: r.articleKey}]->(t) }
CALL () { UNWIND $relations.CONTRADICTS AS r MATCH (f:Claim {key: r.fromKey}), (t:Claim {key: r.toKey}) CREATE (f)-[:CONTRADICTS {note: r.note, declaredIn: r.articleKey}]->(t) }
CALL () { UNWIND $relations.SAME_STATEMENT AS r MATCH (f:Claim {key: r.fromKey}), (t:Claim {key: r.toKey}) CREATE (f)-[:SAME_STATEMENT {note: r.note, declaredIn: r.articleKey}]->(t) }`;

export interface BareBatch {
  articles: Row[];
  sources: Row[];
  actors: Row[];
  sourceAffiliations: Row[];
  actorAffiliations: Row[];
  places: Row[];
  events: Row[];
  participants: Row[];
  claims: Row[];
  refersTo: Record<'Actor' | 'Place' | 'Event' | 'Source', Row[]>;
  tellings: Row[];
  quotations: Row[];
  relations: Record<'SUPPORTS' | 'CONTRADICTS' | 'SAME_STATEMENT', Row[]>;
}

const aliasText = (aliases: readonly string[]) => aliases.reduce((t, x) => `${t} ${x}`, '');

/** Flattens documents into one parameter set per statement, every row tagged with its article. */
export function bareBatch(docs: readonly ArticleDocument[]): BareBatch {
  const b: BareBatch = {
    articles: [],
    sources: [],
    actors: [],
    sourceAffiliations: [],
    actorAffiliations: [],
    places: [],
    events: [],
    participants: [],
    claims: [],
    refersTo: { Actor: [], Place: [], Event: [], Source: [] },
    tellings: [],
    quotations: [],
    relations: { SUPPORTS: [], CONTRADICTS: [], SAME_STATEMENT: [] },
  };
  for (const doc of docs) {
    // No known actors: the corpus names every actor canonically, so resolution is the identity.
    const rows = buildIngestRows(doc, [], 'ingest');
    const articleKey = rows.articleKey;
    b.articles.push(rows.article);
    for (const s of rows.sources) {
      b.sources.push({ ...s, articleKey, aliasText: aliasText(s.aliases as string[]) });
      if (s.affiliationKey) b.sourceAffiliations.push({ key: s.key, org: s.affiliationKey });
    }
    for (const a of rows.actors) {
      // Ours keeps the first name canonical and the other names as aliases.
      const aliases = (a.aliases as string[]).filter((x) => x !== a.name);
      b.actors.push({ ...a, aliases, articleKey, aliasText: aliasText(aliases) });
      if (a.affiliationKey) b.actorAffiliations.push({ key: a.key, org: a.affiliationKey });
    }
    for (const p of rows.places) b.places.push({ ...p, articleKey });
    for (const e of rows.events) {
      b.events.push({ ...e, articleKey });
      for (const key of e.participantKeys as string[]) {
        b.participants.push({ event: e.key, key, label: labelOfKey(key) });
      }
    }
    for (const c of rows.claims) {
      b.claims.push({
        key: c.key,
        props: c.props,
        contentHash: c.contentHash,
        document: c.document,
        documentIndex: c.documentIndex,
        articleKey,
      });
      const refs = { Actor: c.aboutActor, Place: c.aboutPlace, Event: c.aboutEvent, Source: c.aboutSource };
      for (const [label, keys] of Object.entries(refs) as [keyof BareBatch['refersTo'], string[]][]) {
        for (const key of keys) b.refersTo[label].push({ claim: c.key, key });
      }
    }
    for (const t of rows.tellings) {
      b.tellings.push({
        ...t,
        articleKey,
        agentLabel: labelOfKey(t.agentKey as string),
        addresseeLabel: t.addresseeKey ? labelOfKey(t.addresseeKey as string) : null,
      });
    }
    b.quotations.push(...rows.quotations);
    for (const r of rows.relations)
      b.relations[r.type as keyof BareBatch['relations']].push({ ...r, articleKey });
  }
  return b;
}

export interface BareResult {
  nodesCreated: number;
  relationshipsCreated: number;
}

/** The statements of one batch, named, each with only its own parameters (the text travels once). */
export function bareStatements(batch: BareBatch): [name: string, cypher: string, params: Row][] {
  return [
    ['articles', ARTICLES, { articles: batch.articles }],
    [
      'sources',
      SOURCES,
      {
        sources: batch.sources,
        articles: batch.articles.map(({ key, publisherKey }) => ({ key, publisherKey })),
      },
    ],
    [
      'actors',
      ACTORS,
      {
        actors: batch.actors,
        sourceAffiliations: batch.sourceAffiliations,
        actorAffiliations: batch.actorAffiliations,
      },
    ],
    [
      'places-and-events',
      PLACES_AND_EVENTS,
      { places: batch.places, events: batch.events, participants: batch.participants },
    ],
    ['claims', CLAIMS, { claims: batch.claims, refersTo: batch.refersTo, by: 'ingest' }],
    ['tellings', TELLINGS, { tellings: batch.tellings, quotations: batch.quotations }],
    ['relations', RELATIONS, { relations: batch.relations }],
  ];
}

/** Writes a batch of documents in one transaction; returns what the server says it created. */
export async function bareIngest(
  driver: Driver,
  database: string,
  docs: readonly ArticleDocument[],
): Promise<BareResult> {
  const statements = bareStatements(bareBatch(docs));
  const session = driver.session({ database });
  try {
    return await session.executeWrite(async (tx: ManagedTransaction) => {
      const result = { nodesCreated: 0, relationshipsCreated: 0 };
      for (const [, statement, params] of statements) {
        const u = (await tx.run(statement, params)).summary.counters.updates();
        result.nodesCreated += u.nodesCreated;
        result.relationshipsCreated += u.relationshipsCreated;
      }
      return result;
    });
  } finally {
    await session.close();
  }
}
