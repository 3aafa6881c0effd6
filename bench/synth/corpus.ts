/**
 * The synthetic corpus: a deterministic, lazily generated stream of article documents in the
 * ingester's format (see src/domain/document.ts), shaped like a year or two of foreign-news
 * reporting. What makes it realistic for the graph, not just big:
 *
 * - chains of depth 1 to 4 in a set mix, about 30% of them resting on an anonymous link;
 * - wire stories re-reported by many outlets, so one wire origin sits in many articles' chains
 *   (circular reporting), each re-report linked SAME_STATEMENT to the first, sometimes with a
 *   variant quote;
 * - denials and confirmations of earlier claims (CONTRADICTS, SUPPORTS by graph key);
 * - actors cited by alias (a capital for its government, a surname for a person);
 * - events over time, shared by the articles that cover them.
 *
 * Memory stays bounded whatever the size: only the cast and small rings of recent wire stories,
 * claims and events are kept, so a million claims stream through in constant memory.
 * Cross-article relations only ever point at claims of articles already yielded.
 */
import type {
  Actor,
  ArticleDocument,
  Claim,
  ClaimKind,
  ClaimRelation,
  Event,
  EvidenceSpan,
  Hop,
  HopRole,
  Place,
  Source,
} from '../../src/domain/document.js';
import { slugify } from '../../src/domain/keys.js';
import { Random } from './random.js';
import { TextBuilder, capitalise, isoDate, monthName, weekday } from './text.js';
import { buildWorld, type Country, type Outlet, type Person, type World } from './world.js';

export interface CorpusOptions {
  /** Seed of every random choice; the same seed gives byte-identical output. */
  seed: number;
  /** Total number of claims over all articles (the last article is cut to fit). */
  claims: number;
  /** Share of chains of depth 1, 2, 3, 4; default 45/30/18/7. */
  depthMix?: readonly [number, number, number, number];
  /** Share of claims re-reporting an earlier wire story when one of that shape exists; default 0.6. */
  wireReuse?: number;
  /** Prefix of article ids, to keep two corpora apart in one database; default `a`. */
  idPrefix?: string;
}

export const DEFAULT_DEPTH_MIX = [0.45, 0.3, 0.18, 0.07] as const;
/** Chance that a chain of depth 1..4 has an anonymous link: about 30% over the default mix. */
const ANONYMOUS_BY_DEPTH = [0.1, 0.35, 0.55, 0.7];
const FIRST_DAY = Date.UTC(2024, 0, 1) / 86_400_000;
/** The corpus spans about two years whatever its size. */
const SPAN_DAYS = 730;
const MEAN_CLAIMS_PER_ARTICLE = 5;

/** One link of a planned chain, before it becomes document records and words. */
type Teller =
  | { kind: 'outlet'; outlet: Outlet }
  | { kind: 'wire'; outlet: Outlet }
  | { kind: 'anonymous'; country: Country; description: string; leak: boolean }
  | { kind: 'person'; person: Person }
  | { kind: 'government'; country: Country };

interface Proposition {
  subject: Country;
  object: Country;
  /** "Valdoria will resume talks with Kestria in March" (no final stop). */
  core: string;
  quote: string;
  variantQuote: string;
  kind: ClaimKind;
  when?: string;
}

interface WireStory {
  tellers: Teller[]; // the wire first, then the tellers behind it
  proposition: Proposition;
  firstKey: string; // graph key `article#claim` of the first report
}

interface RecentClaim {
  key: string;
  proposition: Proposition;
}

interface SynthEvent {
  name: string;
  kind: Event['kind'];
  day: number;
  host: Country;
  guest: Country;
}

const ACTIONS = [
  'resume talks with',
  'reopen the border with',
  'withdraw its troops from the frontier with',
  'impose new sanctions on',
  'sign a security pact with',
  'restore direct flights to',
  'expel the ambassador of',
  'lift the blockade of',
  'share intelligence with',
  'cut gas supplies to',
];
const WHEN = ['in March', 'next week', 'within days', 'before the end of the year', 'this month', ''];
const ANONYMOUS_SHAPES = [
  (c: Country) => `a senior ${c.adjective} official`,
  (c: Country) => `two ${c.adjective} diplomats`,
  (c: Country) => `people familiar with ${c.adjective} thinking`,
  (c: Country) => `a source close to the ${c.adjective} leadership`,
  (c: Country) => `officials in ${c.capital} who asked not to be named`,
];
/** How an origin voices each kind of claim; the past tense printed is the role's own name. */
const ORIGIN_ROLES: Partial<Record<ClaimKind, HopRole>> = {
  statement: 'said',
  prediction: 'predicted',
  warning: 'warned',
  demand: 'demanded',
  proposal: 'proposed',
  denial: 'denied',
  acknowledgement: 'acknowledged',
  accusation: 'said',
  quote: 'told',
};

export function* generateCorpus(options: CorpusOptions): Generator<ArticleDocument> {
  const random = new Random(options.seed);
  const world = buildWorld(random.fork(1), { people: Math.max(60, Math.round(options.claims / 20)) });
  const state = new CorpusState(options);
  const expectedArticles = Math.max(1, options.claims / MEAN_CLAIMS_PER_ARTICLE);
  let remaining = options.claims;
  for (let index = 0; remaining > 0; index++) {
    const claims = Math.min(remaining, random.int(2, 2 * MEAN_CLAIMS_PER_ARTICLE - 2));
    const day = FIRST_DAY + Math.floor((index / expectedArticles) * SPAN_DAYS);
    const doc = new ArticleAssembler(random, world, state, index, day).build(claims);
    remaining -= claims;
    yield doc;
    // Only after the article is out may later articles point at its claims.
    state.publish();
  }
}

/** What later articles may refer back to: bounded rings of recent stories, claims and events. */
class CorpusState {
  readonly wireStories = new Map<number, WireStory[]>(); // by chain length of the story
  readonly recentClaims: RecentClaim[] = [];
  readonly events: SynthEvent[] = [];
  readonly depthMix: readonly number[];
  readonly wireReuse: number;
  readonly idPrefix: string;
  private pendingStories: [number, WireStory][] = [];
  private pendingClaims: RecentClaim[] = [];

  constructor(options: CorpusOptions) {
    this.depthMix = options.depthMix ?? DEFAULT_DEPTH_MIX;
    this.wireReuse = options.wireReuse ?? 0.6;
    this.idPrefix = options.idPrefix ?? 'a';
  }

  addStory(story: WireStory): void {
    this.pendingStories.push([story.tellers.length, story]);
  }

  addClaim(claim: RecentClaim): void {
    this.pendingClaims.push(claim);
  }

  publish(): void {
    for (const [length, story] of this.pendingStories) pushBounded(this.wireStories, length, story, 300);
    for (const claim of this.pendingClaims) pushRing(this.recentClaims, claim, 2000);
    this.pendingStories = [];
    this.pendingClaims = [];
  }
}

function pushRing<T>(ring: T[], item: T, max: number): void {
  ring.push(item);
  if (ring.length > max) ring.splice(0, ring.length - max);
}

function pushBounded<K, T>(map: Map<K, T[]>, key: K, item: T, max: number): void {
  const ring = map.get(key) ?? [];
  pushRing(ring, item, max);
  map.set(key, ring);
}

/** Builds one article: its records, its text and the spans into that text. */
class ArticleAssembler {
  private readonly text = new TextBuilder();
  private readonly sources = new Map<string, Source>();
  private readonly actors = new Map<string, Actor>();
  private readonly places = new Map<string, Place>();
  private readonly events = new Map<string, Event>();
  private readonly claims: Claim[] = [];
  private readonly relations: ClaimRelation[] = [];
  private readonly articleId: string;
  private readonly publisher: Outlet;
  private anonymousCount = 0;
  /** An article re-reports a given wire story once. */
  private readonly storiesUsed = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly world: World,
    private readonly state: CorpusState,
    index: number,
    private readonly day: number,
  ) {
    this.articleId = `${state.idPrefix}${String(index).padStart(7, '0')}`;
    this.publisher = random.pick(world.outlets);
  }

  build(claimCount: number): ArticleDocument {
    const host = this.random.pick(this.world.countries);
    this.text.add(`${host.capital.toUpperCase()}, ${monthName(this.day)} ${isoDate(this.day).slice(8)} - `);
    const event = this.maybeEvent(host);
    for (let i = 0; i < claimCount; i++) {
      if (i > 0) this.text.add(' ');
      this.addClaim(`c${i + 1}`, host, event);
    }
    this.text.add(` Reporting by the ${this.publisher.alias} desk.`);
    this.source(this.publisher, 'outlet');
    const title = `${host.name}: ${this.claims[0]?.text ?? 'news'}`.slice(0, 200);
    return {
      schemaVersion: 1,
      article: {
        id: this.articleId,
        url: `https://${slugify(this.publisher.alias)}.example/${isoDate(this.day).slice(0, 7)}/${this.articleId}`,
        title,
        publisher: this.publisher.id,
        publishedAt: isoDate(this.day),
        language: 'en',
        text: this.text.toString(),
        reconstruction: false,
        basedOn: [],
      },
      sources: [...this.sources.values()],
      actors: [...this.actors.values()],
      places: [...this.places.values()],
      events: [...this.events.values()],
      claims: this.claims,
      relations: this.relations,
    };
  }

  /** About a third of the articles cover an event; new events appear as time goes on. */
  private maybeEvent(host: Country): { id: string; event: SynthEvent } | undefined {
    const events = this.state.events;
    const last = events[events.length - 1];
    if (!last || this.day - last.day > 2 || this.random.chance(0.05)) {
      const guest = this.otherCountry(host);
      const kind = this.random.pick(['round_of_talks', 'meeting', 'summit'] as const);
      const noun = kind === 'round_of_talks' ? 'talks' : kind;
      pushRing(
        events,
        { name: `${host.name}-${guest.name} ${noun} in ${host.capital}`, kind, day: this.day, host, guest },
        50,
      );
    }
    if (!this.random.chance(0.35)) return undefined;
    const chosen = this.random.pick(events);
    const id = 'event-1';
    this.government(chosen.host);
    this.government(chosen.guest);
    const placeId = this.capital(chosen.host);
    const evidence = this.text.add(`The ${chosen.name} opened on ${weekday(chosen.day)}.`);
    this.text.add(' ');
    this.events.set(id, {
      id,
      name: chosen.name,
      kind: chosen.kind,
      time: { text: weekday(chosen.day), start: isoDate(chosen.day) },
      after: [],
      place: placeId,
      participants: [chosen.host.governmentId, chosen.guest.governmentId],
      evidence,
    });
    return { id, event: chosen };
  }

  private addClaim(id: string, host: Country, event: { id: string } | undefined): void {
    const key = `${this.articleId}#${id}`;
    if (this.random.chance(0.03)) return this.addAnalysis(id, host);

    const depth = 1 + this.random.weighted(this.state.depthMix.map((w, i) => [i, w] as const));
    let tellers: Teller[];
    let proposition: Proposition;
    let relation: ClaimRelation | undefined;
    let variant = false;

    const planned = this.planChain(depth, host);
    const wireAt = planned.findIndex((t) => t.kind === 'wire');
    const stories = wireAt >= 0 ? this.state.wireStories.get(planned.length - wireAt) : undefined;
    const story = stories && stories.length > 0 ? this.random.pick(stories) : undefined;
    if (story && !this.storiesUsed.has(story.firstKey) && this.random.chance(this.state.wireReuse)) {
      // Circular reporting: this outlet re-reports a wire story other outlets already ran.
      this.storiesUsed.add(story.firstKey);
      tellers = [...planned.slice(0, wireAt), ...story.tellers];
      proposition = story.proposition;
      variant = this.random.chance(0.3);
      relation = {
        from: id,
        to: story.firstKey,
        type: 'SAME_STATEMENT',
        note: variant ? 'variant quote of the same wire story' : 'same wire story',
      };
    } else {
      tellers = planned;
      const recent = this.state.recentClaims;
      const roll = this.random.next();
      if (recent.length > 0 && roll < 0.07) {
        const target = this.random.pick(recent);
        proposition = denialOf(target.proposition, this.random);
        relation = { from: id, to: target.key, type: 'CONTRADICTS' };
      } else if (recent.length > 0 && roll < 0.14) {
        const target = this.random.pick(recent);
        proposition = confirmationOf(target.proposition);
        relation = { from: id, to: target.key, type: 'SUPPORTS' };
      } else {
        // Speakers talk about their own country's intentions: the subject follows the origin.
        proposition = this.proposition(countryOf(planned[planned.length - 1]) ?? host);
      }
      if (wireAt >= 0) {
        this.state.addStory({ tellers: tellers.slice(wireAt), proposition, firstKey: key });
      }
    }

    const quote = variant ? proposition.variantQuote : proposition.quote;
    const hops: Hop[] = [];
    tellers.forEach((teller, i) => {
      if (i > 0)
        this.text.add(
          tellers[i - 1]?.kind === 'wire' && i === 1 && hops[0]?.role === 'according_to' ? ', ' : ' that ',
        );
      hops.push(this.hop(teller, i, tellers.length, proposition.kind));
    });
    const useQuote = this.random.chance(0.8);
    this.text.add(useQuote ? ' that "' : ' that ');
    const evidence: EvidenceSpan = this.text.add(useQuote ? quote : proposition.core);
    this.text.add(useQuote ? '".' : '.');

    const about = [this.government(proposition.subject), this.government(proposition.object)];
    const origin = tellers[tellers.length - 1];
    if (origin?.kind === 'person') about.unshift(this.person(origin.person));
    if (event) about.push(event.id);
    if (this.random.chance(0.3)) about.push(this.capital(proposition.object));

    this.claims.push({
      id,
      text: `${proposition.core}.`,
      ...(useQuote ? { quote } : {}),
      kind: proposition.kind,
      hedges: hops.some((h) => h.anonymous) && this.random.chance(0.5) ? ['reportedly'] : [],
      ...(proposition.when ? { time: { text: proposition.when } } : {}),
      outletAnalysis: false,
      status: 'accepted',
      evidence,
      chain: hops,
      about: [...new Set(about)],
    });
    if (relation) this.relations.push(relation);
    this.state.addClaim({ key, proposition });
  }

  /** The outlet's own view: no chain, marked as analysis, sometimes backing a claim above. */
  private addAnalysis(id: string, host: Country): void {
    this.text.add(this.claims.length > 0 ? ' In our view, ' : 'In our view, ');
    const proposition = this.proposition(host);
    const evidence = this.text.add(proposition.core);
    this.text.add('.');
    this.claims.push({
      id,
      text: `${proposition.core}.`,
      kind: 'analysis',
      hedges: [],
      outletAnalysis: true,
      status: 'accepted',
      evidence,
      chain: [],
      about: [this.government(proposition.subject)],
    });
    const earlier = this.claims.find((c) => !c.outletAnalysis);
    if (earlier && this.random.chance(0.5)) {
      this.relations.push({ from: id, to: earlier.id, type: 'SUPPORTS' });
    }
  }

  /** Tellers outermost first; the last one is the origin. Shapes follow agency practice. */
  private planChain(depth: number, host: Country): Teller[] {
    const anonymous = this.random.chance(ANONYMOUS_BY_DEPTH[depth - 1]!);
    const wire = (): Teller => ({ kind: 'wire', outlet: this.random.pick(this.world.wires) });
    const outlet = (): Teller => ({ kind: 'outlet', outlet: this.otherOutlet() });
    const speaker = (): Teller =>
      this.random.chance(0.75)
        ? { kind: 'person', person: this.random.pick(this.world.people) }
        : {
            kind: 'government',
            country: this.random.chance(0.5) ? host : this.random.pick(this.world.countries),
          };
    const unnamed = (): Teller => {
      const country = this.random.chance(0.5) ? host : this.random.pick(this.world.countries);
      const leak = this.random.chance(0.08);
      return {
        kind: 'anonymous',
        country,
        leak,
        description: leak
          ? `leaked ${country.adjective} documents`
          : this.random.pick(ANONYMOUS_SHAPES)(country),
      };
    };
    // A named person passing on another's words ("Haddad said the President had told him").
    const relay = (): Teller => ({ kind: 'person', person: this.random.pick(this.world.people) });
    const distinct = (chain: Teller[]): Teller[] => {
      // An agent may appear only once in a chain; on the rare clash, drop the relay.
      const seen = new Set<string>();
      return chain.filter((t) => {
        const id = tellerId(t);
        if (seen.has(id)) return false;
        seen.add(id);
        return true;
      });
    };
    switch (depth) {
      case 1:
        return [anonymous ? unnamed() : speaker()];
      case 2:
        if (anonymous) return this.random.chance(0.5) ? [unnamed(), speaker()] : [wire(), unnamed()];
        return [this.random.chance(0.75) ? wire() : outlet(), speaker()];
      case 3:
        if (anonymous)
          return this.random.chance(0.7) ? [wire(), unnamed(), speaker()] : [outlet(), wire(), unnamed()];
        return distinct(
          this.random.chance(0.6) ? [outlet(), wire(), speaker()] : [wire(), relay(), speaker()],
        );
      default:
        return distinct(
          anonymous ? [outlet(), wire(), unnamed(), speaker()] : [outlet(), wire(), relay(), speaker()],
        );
    }
  }

  private proposition(subject: Country): Proposition {
    const object = this.otherCountry(subject);
    const action = this.random.pick(ACTIONS);
    const when = this.random.pick(WHEN);
    const tail = when ? ` ${when}` : '';
    const kind = this.random.weighted<ClaimKind>([
      ['statement', 5],
      ['prediction', 2],
      ['warning', 2],
      ['demand', 1],
      ['proposal', 1],
      ['accusation', 1],
      ['quote', 2],
    ]);
    return {
      subject,
      object,
      kind,
      ...(when ? { when } : {}),
      core: `${subject.name} will ${action} ${object.name}${tail}`,
      quote: `we will ${action} ${object.name}${tail}`,
      variantQuote: `${subject.name} is ready to ${action} ${object.name}${tail}`,
    };
  }

  /** One hop: declares its agent in the document and writes the words that show the link. */
  private hop(teller: Teller, index: number, length: number, kind: ClaimKind): Hop {
    const isOrigin = index === length - 1;
    const first = index === 0;
    const cap = (s: string) => (first ? capitalise(s) : s);
    switch (teller.kind) {
      case 'wire':
      case 'outlet': {
        const agent = this.source(teller.outlet, teller.kind);
        if (first && teller.kind === 'wire' && length > 1 && this.random.chance(0.3)) {
          return {
            agent,
            role: 'according_to',
            anonymous: false,
            evidence: this.text.add(`According to ${teller.outlet.name}`),
          };
        }
        return {
          agent,
          role: 'reported',
          anonymous: false,
          evidence: this.text.add(`${teller.outlet.name} reported`),
        };
      }
      case 'anonymous': {
        const agent = this.anonymous(teller);
        const role: HopRole = teller.leak
          ? 'revealed'
          : isOrigin
            ? 'said'
            : this.random.pick(['said', 'told'] as const);
        const words = teller.leak
          ? `${teller.description} revealed`
          : `${teller.description} ${role === 'told' ? 'told reporters' : 'said'}`;
        return { agent, role, anonymous: true, evidence: this.text.add(cap(words)) };
      }
      case 'person': {
        const p = teller.person;
        const agent = this.person(p);
        const name = this.random.chance(0.4) ? p.surname : p.fullName;
        if (!isOrigin)
          return { agent, role: 'said', anonymous: false, evidence: this.text.add(`${name} said`) };
        const role = ORIGIN_ROLES[kind] ?? 'said';
        if (role === 'told' || this.random.chance(0.1)) {
          const addressee = this.government(this.otherCountry(p.country));
          const addresseeName = this.actors.get(addressee)!.name;
          return {
            agent,
            role: 'told',
            addressee,
            anonymous: false,
            time: { text: weekday(this.day - 1), start: isoDate(this.day - 1) },
            evidence: this.text.add(`${name} told the ${addresseeName}`),
          };
        }
        return {
          agent,
          role,
          anonymous: false,
          ...(this.random.chance(0.5) ? { time: { text: weekday(this.day), start: isoDate(this.day) } } : {}),
          evidence: this.text.add(`${name} ${role}`),
        };
      }
      case 'government': {
        const agent = this.government(teller.country);
        // A capital stands for its government ("Ostrava said").
        const name = this.random.chance(0.5)
          ? teller.country.capital
          : `the ${teller.country.governmentName}`;
        const role = isOrigin ? this.random.pick(['said', 'warned', 'stated'] as const) : 'said';
        return { agent, role, anonymous: false, evidence: this.text.add(cap(`${name} ${role}`)) };
      }
    }
  }

  private source(outlet: Outlet, kind: 'outlet' | 'wire'): string {
    if (!this.sources.has(outlet.id)) {
      this.sources.set(outlet.id, {
        id: outlet.id,
        name: outlet.name,
        kind,
        aliases: [outlet.alias],
        url: `https://${slugify(outlet.alias)}.example/`,
      });
    }
    return outlet.id;
  }

  private anonymous(teller: Extract<Teller, { kind: 'anonymous' }>): string {
    const id = `anon-${++this.anonymousCount}`;
    const affiliation = this.government(teller.country);
    this.sources.set(id, {
      id,
      name: teller.description,
      kind: teller.leak ? 'leak' : 'anonymous',
      aliases: [],
      description: teller.description,
      affiliation,
      ...(this.random.chance(0.4) ? { anonymityReason: 'not authorised to speak publicly' } : {}),
    });
    return id;
  }

  private person(p: Person): string {
    if (!this.actors.has(p.id)) {
      this.actors.set(p.id, {
        id: p.id,
        name: p.fullName,
        kind: 'person',
        aliases: [p.surname],
        title: p.title,
        affiliation: this.government(p.country),
      });
    }
    return p.id;
  }

  private government(c: Country): string {
    if (!this.actors.has(c.governmentId)) {
      this.actors.set(c.governmentId, {
        id: c.governmentId,
        name: c.governmentName,
        kind: 'government',
        aliases: [c.name, c.capital],
      });
    }
    return c.governmentId;
  }

  private capital(c: Country): string {
    const countryId = `place-${slugify(c.name)}`;
    const cityId = `place-${slugify(c.capital)}`;
    if (!this.places.has(countryId))
      this.places.set(countryId, { id: countryId, name: c.name, kind: 'country', aliases: [] });
    if (!this.places.has(cityId))
      this.places.set(cityId, { id: cityId, name: c.capital, kind: 'city', aliases: [], within: countryId });
    return cityId;
  }

  private otherCountry(c: Country): Country {
    const others = this.world.countries.filter((x) => x !== c);
    return this.random.pick(others);
  }

  private otherOutlet(): Outlet {
    const others = this.world.outlets.filter((o) => o !== this.publisher);
    return this.random.pick(others);
  }
}

function countryOf(t: Teller | undefined): Country | undefined {
  if (t?.kind === 'person') return t.person.country;
  if (t?.kind === 'government' || t?.kind === 'anonymous') return t.country;
  return undefined;
}

function tellerId(t: Teller): string {
  switch (t.kind) {
    case 'wire':
    case 'outlet':
      return t.outlet.id;
    case 'person':
      return t.person.id;
    case 'government':
      return t.country.governmentId;
    case 'anonymous':
      return `anon:${t.description}`;
  }
}

function denialOf(p: Proposition, random: Random): Proposition {
  const denier = random.chance(0.5) ? p.object : p.subject;
  return {
    subject: denier,
    object: denier === p.subject ? p.object : p.subject,
    kind: 'denial',
    core: `It is not true that ${p.core}`,
    quote: `there is no truth in reports that ${p.core}`,
    variantQuote: `reports that ${p.core} are false`,
  };
}

function confirmationOf(p: Proposition): Proposition {
  return {
    ...p,
    kind: 'acknowledgement',
    core: `It is confirmed that ${p.core}`,
    quote: `we can confirm that ${p.core}`,
    variantQuote: `it is true that ${p.core}`,
  };
}
