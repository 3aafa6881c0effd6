/**
 * Matching claims across articles: an explainable similarity between two claims of different
 * articles, and the relation it suggests (SAME_STATEMENT, SUPPORTS, CONTRADICTS) with the reasons
 * (which words, which agents, which dates, which cue). Pure: the graph layer gathers the claims
 * (src/graph/matching.ts) and stores what is proposed; `npm run eval:links` measures it against
 * the story corpus's hand-written gold.
 *
 * Every weight and threshold below was chosen on the tuning half of the story corpus only
 * (fixtures/story/gold.json); docs/story-links-eval.md reports both halves.
 */
import type { RelationType } from './document.js';
import { KEY_PREFIX } from './model.js';

/** What the matcher knows of one claim: its words, who said it, what it is about, when. */
export interface MatchClaim {
  key: string;
  articleKey: string;
  text: string;
  quote: string | null;
  kind: string;
  hedges: readonly string[];
  /** The original speaker (the chain's last agent; the publisher for the article's own claims). */
  originKey: string | null;
  originAnonymous: boolean;
  /** Bodies the original speaker is affiliated with (direct affiliation). */
  originAffiliations: readonly string[];
  /** Named agents anywhere in the chain (publisher included). */
  chainKeys: readonly string[];
  /** Actors, places, events and sources the claim is about (graph keys). */
  aboutKeys: readonly string[];
  /**
   * When the origin spoke, only when the article tells it (the origin hop's own time); null when
   * only the article's publication date is known (a retrospective report is not evidence of when).
   */
  saidAt: string | null;
  timeStart: string | null;
  timeEnd: string | null;
}

/** The relation a match proposes: the document format's relation types. */
export type LinkType = RelationType;

export interface MatchReasons {
  /** Content words (stemmed, synonyms folded) the two claims share. */
  words: string[];
  /** The share of the smaller claim's words the other holds (0..1). */
  wordOverlap: number;
  /** Both quotes reduce to the same words. */
  sameQuote: boolean;
  /** Agents both claims name: the same original speaker, an affiliation, actors they are about. */
  agents: string[];
  sameSpeaker: boolean;
  /** Events both claims are about. */
  events: string[];
  /** The dates of the `from` (a) and `to` (b) claims, and whether they fall within the window. */
  dates: { a: string | null; b: string | null; withinWindow: boolean | null };
  /** A rejection or denial on one side only (the word or claim kind that shows it). */
  negation: string | null;
  // The three reasons below are absent only on a proposal recorded by an earlier matcher.
  /** The class of each claim's kind, `from` (a) and `to` (b): see `claimClass`. */
  classes?: { a: ClaimClass; b: ClaimClass };
  /**
   * Shared words that say what is claimed: neither a name (of an actor, source or place, or a
   * capitalised word inside the text) nor a story-wide word. Two claims sharing only names and
   * topic words are neighbours, not one supporting the other.
   */
  substance?: string[];
  /** Share of the shorter claim's substance words (counted as `substance`) the other holds (0..1). */
  substanceShare?: number;
  /** What the denial on one side rejects, and how much of it the other claim puts forward. */
  denial?: DenialReasons | null;
  /** Who voices each claim, `from` (a) and `to` (b): see `voiceOf`. */
  voices?: { a: Voice; b: Voice };
}

/**
 * Who voices a claim: a `party` (a named actor, or an unnamed source affiliated with one: "an
 * Israeli official") or a `reporter` (an outlet, a wire, unnamed sources tied to no party). A
 * stance is backed by another party holding it; a reporter telling of a party's demand is an
 * account of it, not a second voice.
 */
export type Voice = 'party' | 'reporter';

export const voiceOf = (c: Pick<MatchClaim, 'originKey' | 'originAffiliations'>): Voice =>
  c.originKey?.startsWith('actor:') || c.originAffiliations.length > 0 ? 'party' : 'reporter';

/**
 * What a claim does, from its kind: an `account` tells what happened or what someone said
 * (report, statement, quote, leak, acknowledgement); a `stance` is a party's demand, proposal,
 * position or accusation; a `denial` rejects or denies; a `judgement` is a reading of events
 * (analysis, prediction, warning). Support is another voice telling the same of the same class:
 * an account corroborates an account, a stance backs a stance; a judgement is no witness.
 */
export type ClaimClass = 'account' | 'stance' | 'denial' | 'judgement';

export interface DenialReasons {
  /** The claim that rejects or denies. */
  by: string;
  /** Content words of what it rejects: the words after its rejecting word, up to a reason. */
  target: string[];
  /**
   * Its head: the target's words that are neither a name (whose it is), the word for a demand or
   * proposal, nor a story-wide word; the whole target when none is left.
   */
  head: string[];
  /** The head's words the other claim holds. */
  covered: string[];
  /** Weighted share of the head the other claim holds (0..1). */
  overlap: number;
  /**
   * Why the other claim can be what is rejected: its kind when it is a stance ("demand",
   * "proposal"), "reported demand (<party>)" when an account tells that the party whose demand is
   * rejected made it; null when it puts nothing forward (an account of events, a judgement,
   * another denial).
   */
  putsForward: string | null;
}

export interface Match {
  from: string;
  to: string;
  type: LinkType;
  /** 0..1; higher is more likely. */
  score: number;
  reasons: MatchReasons;
}

/** Thresholds per relation type, the date window and the candidate limit. */
export interface MatchPolicy {
  windowDays: number;
  sameStatement: number;
  supports: number;
  contradicts: number;
  candidatesPerSource: number;
}

/** The policy in force, its thresholds tuned on the tuning half (tools/eval/links/tune.ts). */
export const MATCH_POLICY: Readonly<MatchPolicy> = {
  /** Two claims whose dates are further apart than this are not the same statement. */
  windowDays: 45,
  sameStatement: 0.7,
  supports: 0.32,
  contradicts: 0.5,
  /** Candidates taken per claim from each index (full-text, shared agents, shared events). */
  candidatesPerSource: 25,
};

const STOP = new Set(
  (
    'a an the and or but of to in on at by for with from into over under about as is are was were be been ' +
    'being has have had do does did will would could should may might must can its it this that these those ' +
    'their his her he she they them we our us any all some such than then there which who whom what ' +
    'when where while after before since also said says say told according its which both between ' +
    'within during under upon per via toward towards so very more most other another one two last al'
  ).split(' '),
);

/** Words that deny or reject: on one side only, they turn shared words into a contradiction. */
const NEGATION_WORDS = new Set(['reject', 'refus', 'deny', 'deni', 'rebuff', 'oppos', 'dismiss']);
const NEGATION_KINDS = new Set(['rejection', 'denial']);

/** Irregular forms to their stem, so "sought" meets "seek". */
const IRREGULAR: Record<string, string> = {
  sought: 'seek',
  came: 'come',
  drew: 'draw',
  ran: 'run',
  brought: 'bring',
  met: 'meet',
  took: 'take',
  gave: 'give',
  went: 'go',
  held: 'hold',
  led: 'lead',
  won: 'win',
  began: 'begin',
  broke: 'break',
  spoke: 'speak',
  wanted: 'want',
};

/**
 * Words of one meaning folded to one stem: ordinary English synonyms of the diplomacy this
 * corpus reports (each class was needed by a tuning-half pair, see the docs).
 */
const SYNONYMS: [string, string[]][] = [
  ['agree', ['pact', 'deal', 'agreement', 'accord', 'treaty', 'agre', 'agreed']],
  ['outline', ['framework', 'outlin', 'contour']],
  ['reject', ['refus', 'rebuff', 'declin', 'reject']],
  ['demand', ['request', 'ask', 'seek', 'demand', 'call', 'propos', 'proposal']],
  ['close', ['near', 'nearly', 'close', 'about']],
  ['derail', ['derail', 'wreck', 'delay', 'scuttl', 'stall', 'halt', 'torpedo']],
  ['renew', ['reintroduc', 'reviv', 'renew', 'again']],
  ['snag', ['obstacl', 'snag', 'hurdl', 'stumbl', 'falter']],
  ['sweida', ['sweida', 'suwayda', 'suwaida', 'sweyda']],
  ['syria', ['syria', 'syrian', 'damascu']],
  ['israel', ['israel', 'israeli', 'tel']],
  ['breach', ['violat', 'breach', 'infring']],
  ['mediat', ['mediat', 'broker', 'sponsor']],
  ['accelerat', ['accelerat', 'quicken', 'speed', 'hasten']],
  ['strike', ['strike', 'attack', 'airstrik', 'raid']],
  ['talk', ['talk', 'negotiat', 'negotiation', 'dialogu']],
  // One word family (the noun and the verb's forms), not synonyms: the candidate search meets them
  // through its stemming index (claim_stems), so the graph finds what the scorer links.
  ['withdraw', ['withdraw', 'withdrawal', 'withdrawn', 'withdrew']],
  ['everyon', ['everyon', 'everybody', 'every', 'party', 'all']],
];
const SYNONYM_OF = new Map<string, string>(SYNONYMS.flatMap(([canon, ws]) => ws.map((w) => [w, canon])));

/**
 * Words so common in any report on one story that sharing them says little: they count at a
 * third of an ordinary word.
 */
const WEAK = new Set(['syria', 'israel', 'talk', 'agree', 'security', 'us', 'unit', 'state', 'government']);

/**
 * Words that place a claim in time or mark its polarity, not what it claims: they count in the
 * score but are not substance (`MatchReasons.substance`). Two claims sharing "months" and "not"
 * share no proposition. Stems, as `contentWords` gives them.
 */
const NOT_SUBSTANCE = new Set([
  ...'day week month year decad ahead ago recent recently late early earlier later now today yesterday tomorrow'.split(
    ' ',
  ),
  ...'january february march april may june july august september october november december'.split(' '),
  ...'monday tuesday wednesday thursday friday saturday sunday'.split(' '),
  ...'not no never none nor'.split(' '),
  // The first half of a hyphenated word ("de-escalation", "re-election") says nothing alone.
  ...'de re co non pre'.split(' '),
]);

/**
 * A light English stem: plural, past and gerund endings and a final "e" removed, and a doubled
 * final consonant made single ("stopped" -> "stop"). Not a doubled s, f or z: English words end in
 * those in their plain form ("dismiss", "rebuff", "buzz"), so "dismissed" and "rebuffs" must keep
 * them to meet "dismiss" and "rebuff".
 */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/u, '');
  if (IRREGULAR[w]) return IRREGULAR[w];
  let s = w;
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else if (s.length > 4 && /(ch|sh|x|ss)es$/u.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us')) s = s.slice(0, -1);
  if (s.length > 4 && s.endsWith('e')) s = s.slice(0, -1);
  if (s.length > 4 && /([b-dg-hj-np-rtv-y])\1$/u.test(s)) s = s.slice(0, -1); // "stopp" -> "stop"
  return s;
}

/** The content words of a text: lower-cased, stop words removed, stemmed, synonyms folded. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? []) {
    if (STOP.has(raw) || raw.length < 2) continue;
    const s = stem(raw);
    out.add(SYNONYM_OF.get(s) ?? SYNONYM_OF.get(raw) ?? s);
  }
  return out;
}

/** The negation cue of a claim, if any: its kind, or a denying word of its text. */
export function negationOf(c: Pick<MatchClaim, 'kind' | 'text'>): string | null {
  if (NEGATION_KINDS.has(c.kind)) return c.kind;
  for (const raw of c.text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const s = stem(raw);
    if (NEGATION_WORDS.has(raw) || NEGATION_WORDS.has(s)) return raw;
  }
  return null;
}

const CLASS_OF: Record<string, ClaimClass> = {
  report: 'account',
  statement: 'account',
  quote: 'account',
  leak: 'account',
  acknowledgement: 'account',
  demand: 'stance',
  proposal: 'stance',
  position: 'stance',
  accusation: 'stance',
  rejection: 'denial',
  denial: 'denial',
  analysis: 'judgement',
  prediction: 'judgement',
  warning: 'judgement',
};

/** The class of a claim kind (an unknown kind counts as an account). */
export const claimClass = (kind: string): ClaimClass => CLASS_OF[kind] ?? 'account';

/** The canonical word of a demand, a request or a proposal (the synonym class "demand"). */
const DEMAND_WORD = 'demand';

/**
 * Where what a denial rejects ends: a clause or a reason begins ("as a breach of sovereignty",
 * "because", "calling it", "viewing it as", "insisting").
 */
const TARGET_END = new Set([
  'as',
  'because',
  'since',
  'saying',
  'calling',
  'viewing',
  'citing',
  'insisting',
  'which',
  'while',
]);

/**
 * The content words of what a claim rejects or denies: the words after its first rejecting word up
 * to a punctuation mark or a reason; the whole text when only its kind says it rejects.
 */
export function denialTarget(c: Pick<MatchClaim, 'text'>): Set<string> {
  const tokens = c.text.match(/\p{L}[\p{L}\p{N}'’-]*|[,;:.()]/gu) ?? [];
  const cue = tokens.findIndex((t) => NEGATION_WORDS.has(t.toLowerCase()) || NEGATION_WORDS.has(stem(t)));
  if (cue < 0) return contentWords(c.text);
  const span: string[] = [];
  for (const t of tokens.slice(cue + 1)) {
    if (/^[,;:.()]$/u.test(t) || TARGET_END.has(t.toLowerCase())) {
      if (span.length > 0) break;
      continue;
    }
    span.push(t);
  }
  return contentWords(span.join(' '));
}

/**
 * The words of a claim that are names: those of the actors and sources it names or is about
 * (from their keys) and its capitalised words other than the first of a sentence.
 */
export function nameWords(
  c: Pick<MatchClaim, 'text' | 'aboutKeys' | 'chainKeys' | 'originKey'>,
): Set<string> {
  const names: string[] = [];
  for (const key of [...c.aboutKeys, ...c.chainKeys, c.originKey ?? '']) {
    const [kind, ...rest] = key.split(':');
    if (kind === 'actor' || kind === 'source') names.push(rest.join(' ').replace(/-/gu, ' '));
  }
  const sentences = c.text.split(/(?<=[.!?])\s+/u);
  for (const sentence of sentences) {
    const words = sentence.match(/\p{L}[\p{L}\p{N}]*/gu) ?? [];
    for (const w of words.slice(1)) if (/^\p{Lu}/u.test(w)) names.push(w);
  }
  return contentWords(names.join(' '));
}

const weight = (w: string): number => (WEAK.has(w) ? 1 / 3 : 1);
const sum = (ws: Iterable<string>): number => {
  let t = 0;
  for (const w of ws) t += weight(w);
  return t;
};

const DAY = 86_400_000;
function days(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / DAY;
}

/** The date of a claim for the window: the time it is about when known, else when it was said. */
const dateOf = (c: MatchClaim): string | null => c.timeStart ?? c.timeEnd ?? c.saidAt;

/** True when the two claims' times can be the same: the windows overlap or lie close. */
function withinWindow(a: MatchClaim, b: MatchClaim, windowDays: number): boolean | null {
  const [da, db] = [dateOf(a), dateOf(b)];
  if (!da || !db) return null;
  const [as, ae] = [a.timeStart ?? da, a.timeEnd ?? da];
  const [bs, be] = [b.timeStart ?? db, b.timeEnd ?? db];
  if (as <= be && bs <= ae) return true;
  return Math.min(days(as, be), days(bs, ae)) <= windowDays;
}

/** Two claims scored, before any threshold: what `decide` turns into a proposal or nothing. */
export interface ScoredPair {
  from: string;
  to: string;
  score: number;
  reasons: MatchReasons;
  /** How many actors, places, events or sources both are about. */
  sharedAbout: number;
}

/**
 * What scoring needs of one claim, worked out once: its content words and their weight, its
 * quote reduced to words, its negation cue, what it is about, its date. Scoring a claim against
 * hundreds of candidates then tokenises and stems each claim once, not once per pair.
 */
interface Features {
  claim: MatchClaim;
  words: ReadonlySet<string>;
  names: ReadonlySet<string>;
  /** What it rejects, when it rejects or denies. */
  target: ReadonlySet<string> | null;
  weight: number;
  quote: string;
  negation: string | null;
  about: ReadonlySet<string>;
  date: string | null;
}

function featuresOf(c: MatchClaim): Features {
  const words = contentWords(`${c.text} ${c.quote ?? ''}`);
  const negation = negationOf(c);
  return {
    claim: c,
    words,
    names: nameWords(c),
    target: negation === null ? null : denialTarget(c),
    weight: sum(words),
    quote: c.quote ? [...contentWords(c.quote)].sort().join(' ') : '',
    negation,
    about: new Set(c.aboutKeys),
    date: dateOf(c),
  };
}

/**
 * Scores two claims of different articles (null for two claims of one article). Symmetric in its
 * arguments except for the direction: from the later claim to the earlier one it bears on.
 */
export function scorePair(
  a: MatchClaim,
  b: MatchClaim,
  windowDays: number = MATCH_POLICY.windowDays,
): ScoredPair | null {
  return scoreFeatures(featuresOf(a), featuresOf(b), windowDays);
}

function scoreFeatures(fa: Features, fb: Features, windowDays: number): ScoredPair | null {
  const [a, b] = [fa.claim, fb.claim];
  if (a.articleKey === b.articleKey || a.key === b.key) return null;
  const [few, many] = fa.words.size <= fb.words.size ? [fa.words, fb.words] : [fb.words, fa.words];
  const shared = [...few].filter((w) => many.has(w)).sort();
  const smaller = Math.min(fa.weight, fb.weight);
  const larger = Math.max(fa.weight, fb.weight);
  // The overlap coefficient on weighted words (a short restatement inside a longer one still
  // matches), tempered by the Dice coefficient so that a two-word claim inside a long one does not.
  const overlap = smaller > 0 ? sum(shared) / smaller : 0;
  const dice = smaller + larger > 0 ? (2 * sum(shared)) / (smaller + larger) : 0;
  const wordScore = 0.6 * overlap + 0.4 * dice;

  const sameQuote = fa.quote !== '' && fa.quote === fb.quote;

  const sameSpeaker =
    a.originKey !== null && a.originKey === b.originKey && !a.originAnonymous && !b.originAnonymous;
  const affiliated =
    !sameSpeaker &&
    ((a.originKey !== null && b.originAffiliations.includes(a.originKey)) ||
      (b.originKey !== null && a.originAffiliations.includes(b.originKey)) ||
      a.originAffiliations.some((x) => b.originAffiliations.includes(x)));
  const sharedAbout = [...fa.about].filter((k) => fb.about.has(k)).sort();
  const events = sharedAbout.filter((k) => k.startsWith(KEY_PREFIX.Event));
  const aboutScore =
    a.aboutKeys.length + b.aboutKeys.length > 0
      ? (2 * sharedAbout.length) / (fa.about.size + fb.about.size)
      : 0;
  const agents = [
    ...(sameSpeaker || affiliated ? [a.originKey, b.originKey].filter((k): k is string => k !== null) : []),
    ...sharedAbout.filter((k) => !k.startsWith(KEY_PREFIX.Event)),
  ];
  const window = withinWindow(a, b, windowDays);
  const [na, nb] = [fa.negation, fb.negation];
  const negation = (na === null) !== (nb === null) ? (na ?? nb) : null;

  let score =
    0.7 * wordScore +
    0.15 * aboutScore +
    (sameSpeaker ? 0.1 : affiliated ? 0.05 : 0) +
    (sameQuote ? 0.1 : 0) +
    (events.length > 0 ? 0.05 : 0) +
    (a.kind === b.kind ? 0.05 : 0);
  score = Math.max(0, Math.min(1, score));

  const [from, to] = (fa.date ?? '') >= (fb.date ?? '') ? [fa, fb] : [fb, fa];
  const isSubstance = (f: Features) => (w: string) =>
    !WEAK.has(w) && !NOT_SUBSTANCE.has(w) && !fa.names.has(w) && !fb.names.has(w) && f.words.has(w);
  const substance = shared.filter(isSubstance(fa));
  // How much of the shorter claim's substance the other says: near 1, one says what the other does.
  const ownSubstance = Math.min(
    [...fa.words].filter(isSubstance(fa)).length,
    [...fb.words].filter(isSubstance(fb)).length,
  );
  const substanceShare = ownSubstance > 0 ? Number((substance.length / ownSubstance).toFixed(3)) : 0;
  const reasons: MatchReasons = {
    words: shared,
    wordOverlap: Number(overlap.toFixed(3)),
    sameQuote,
    agents: [...new Set(agents)].sort(),
    sameSpeaker,
    events,
    dates: { a: from.date, b: to.date, withinWindow: window },
    negation,
    classes: { a: claimClass(from.claim.kind), b: claimClass(to.claim.kind) },
    voices: { a: voiceOf(from.claim), b: voiceOf(to.claim) },
    substance,
    substanceShare,
    denial: negation === null ? null : denialOf(na !== null ? fa : fb, na !== null ? fb : fa),
  };
  return {
    from: from.claim.key,
    to: to.claim.key,
    score: Number(score.toFixed(3)),
    reasons,
    sharedAbout: sharedAbout.length,
  };
}

/** What `denier` rejects, set against what `other` says and puts forward. */
function denialOf(denier: Features, other: Features): DenialReasons {
  const target = [...(denier.target ?? [])].sort();
  // The head of what is rejected: not whose it is (a name), not that it was a demand or a
  // proposal, not a story-wide word. "Israel's request for a corridor to Sweida" -> corridor.
  const substantive = target.filter((w) => !denier.names.has(w) && !WEAK.has(w) && w !== DEMAND_WORD);
  const head = substantive.length > 0 ? substantive : target;
  const covered = head.filter((w) => other.words.has(w));
  const total = sum(head);
  return {
    by: denier.claim.key,
    target,
    head,
    covered,
    overlap: total > 0 ? Number((sum(covered) / total).toFixed(3)) : 0,
    putsForward: putsForward(other, target),
  };
}

/**
 * Whether a claim can be what a denial rejects: a stance (demand, proposal, position, accusation),
 * or an account whose subject is the party the rejected thing belongs to and which tells of a
 * demand or a proposal ("Israel reintroduced the demand ..."). An account in which the demand is
 * only mentioned ("the talks ran into Israel's request ...") tells of something else.
 */
function putsForward(other: Features, target: readonly string[]): string | null {
  const kind = other.claim.kind;
  const cls = claimClass(kind);
  if (cls === 'stance') return kind;
  if (cls !== 'account' || !other.words.has(DEMAND_WORD)) return null;
  const subject = [...contentWords(other.claim.text.match(/\p{L}[\p{L}\p{N}]*/u)?.[0] ?? '')][0];
  return subject !== undefined && other.names.has(subject) && target.includes(subject)
    ? `reported demand (${subject})`
    : null;
}

/**
 * A restatement in other words (a retrospective retelling a wire story): two claims of one class
 * about shared ground, sharing at least `RESTATEMENT.words` substance words and most of the
 * shorter one's substance (`RESTATEMENT.share`). Set on the tuning half; it lifts a score at or
 * above the SUPPORTS threshold to SAME_STATEMENT.
 */
export const RESTATEMENT = { words: 3, share: 0.6 } as const;

const isRestatement = (p: ScoredPair): boolean => p.sharedAbout > 0 && isRestated(p.reasons);

/**
 * Whether two claims' reasons show a restatement in other words (`RESTATEMENT`); the lift to
 * SAME_STATEMENT also needs shared ground (an actor, place or event both are about). False on
 * the reasons of an earlier matcher, which lack the claim classes.
 */
export const isRestated = (r: MatchReasons): boolean =>
  r.classes !== undefined &&
  r.classes.a === r.classes.b &&
  r.classes.a !== 'judgement' &&
  (r.substance ?? []).length >= RESTATEMENT.words &&
  (r.substanceShare ?? 0) >= RESTATEMENT.share;

/** The relation a scored pair suggests under a policy's thresholds, or null. */
export function decide(
  p: ScoredPair,
  policy: Pick<MatchPolicy, 'sameStatement' | 'supports' | 'contradicts'> = MATCH_POLICY,
): Match | null {
  const { negation, dates, denial, classes } = p.reasons;
  if (dates.withinWindow === false) return null;
  const otherVoice = p.sharedAbout > 0 && !p.reasons.sameSpeaker;
  if (negation !== null) {
    // A denial contradicts what it rejects: a claim that puts that forward (a demand, a proposal,
    // a position, an account of a demand), from another voice, holding what the denial targets.
    // Not every claim on the same ground: scored on the target, not on the whole text.
    if (denial && denial.putsForward !== null && denial.overlap >= policy.contradicts && otherVoice) {
      // Its score weighs both: how alike the two claims are, and how much of the head is held.
      const score = Number(((p.score + denial.overlap) / 2).toFixed(3));
      return { from: p.from, to: p.to, type: 'CONTRADICTS', score, reasons: p.reasons };
    }
    return null;
  }
  if (p.score >= policy.sameStatement || (p.score >= policy.supports && isRestatement(p))) {
    return { from: p.from, to: p.to, type: 'SAME_STATEMENT', score: p.score, reasons: p.reasons };
  }
  // Support is another voice saying the same thing of the same class (see `claimClass`): one
  // speaker repeating himself corroborates nothing, a judgement is no witness, a stance is backed
  // only by another party holding it (`voiceOf`), and two claims sharing only names, dates and
  // story-wide words are neighbours.
  if (
    p.score >= policy.supports &&
    otherVoice &&
    classes !== undefined &&
    classes.a === classes.b &&
    classes.a !== 'judgement' &&
    (classes.a !== 'stance' || (p.reasons.voices?.a === 'party' && p.reasons.voices.b === 'party')) &&
    (p.reasons.substance ?? []).length > 0
  ) {
    return { from: p.from, to: p.to, type: 'SUPPORTS', score: p.score, reasons: p.reasons };
  }
  return null;
}

/** Scores and decides one pair. */
export function matchPair(a: MatchClaim, b: MatchClaim, policy = MATCH_POLICY): Match | null {
  const scored = scorePair(a, b, policy.windowDays);
  return scored ? decide(scored, policy) : null;
}

/** Every pair of a news claim with a candidate or another news claim (of another article), scored. */
export function scoreClaims(
  news: readonly MatchClaim[],
  candidates: readonly MatchClaim[],
  windowDays: number = MATCH_POLICY.windowDays,
): ScoredPair[] {
  const out = new Map<string, ScoredPair>();
  const all = [...news, ...candidates].map(featuresOf);
  for (let i = 0; i < news.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const p = scoreFeatures(all[i]!, all[j]!, windowDays);
      if (p) out.set(pairId(p.from, p.to), p);
    }
  }
  return [...out.values()];
}

/** Every match of `news` against `candidates` (and among news of different articles), best first. */
export function matchClaims(
  news: readonly MatchClaim[],
  candidates: readonly MatchClaim[],
  policy = MATCH_POLICY,
): Match[] {
  return scoreClaims(news, candidates, policy.windowDays)
    .map((p) => decide(p, policy))
    .filter((m): m is Match => m !== null)
    .sort((x, y) => y.score - x.score || pairId(x.from, x.to).localeCompare(pairId(y.from, y.to)));
}

/** The unordered pair of two claim keys. */
export const pairId = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * The key of a proposal: the relation type and the unordered pair of claim keys. A decision on
 * it (accepted, rejected) is kept under this key, so the same proposal is never made twice.
 */
export const proposalKey = (type: LinkType, a: string, b: string): string =>
  `proposal:${type}:${pairId(a, b)}`;

/** The words a claim offers to a full-text search for candidates (at most `max`, longest first). */
export function searchTerms(c: Pick<MatchClaim, 'text' | 'quote'>, max = 12): string[] {
  const words = new Set<string>();
  for (const raw of `${c.text} ${c.quote ?? ''}`.toLowerCase().match(/\p{L}[\p{L}\p{N}]*/gu) ?? []) {
    if (!STOP.has(raw) && raw.length >= 3) words.add(raw);
  }
  return [...words].sort((x, y) => y.length - x.length || x.localeCompare(y)).slice(0, max);
}
