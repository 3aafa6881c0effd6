/**
 * Assembles an ArticleDocument from the attributions found in an article (the rules', plus those
 * the learned tagger adds where the rules are silent): every attribution becomes a draft claim whose chain runs from the teller the article cites, through every relay,
 * to the original speaker. The result is validated with the domain's own parser, so a draft that
 * reaches the lead's ingester is already a well-formed document.
 */
import { createHash } from 'node:crypto';
import type { ArticleDocument, Claim, EvidenceSpan, Hop, HopRole } from '../domain/document.js';
import { localIdPart } from '../domain/keys.js';
import { parseArticleDocument } from '../domain/validate.js';
import { type Attribution, type FinderOptions, findAttributions, type Span } from './attributions.js';
import { detectFormat, type InputFormat, toPlainText } from './input.js';
import { type Lexicon, loadLexicon } from './lexicon.js';
import { anonymityReasonNear } from './rules/anonymity.js';
import { type ArticleMeta, mergeMeta, pageMeta, requireMeta } from './meta.js';
import { type Agent, AgentRegistry } from './registry.js';
import { classifySpeaker } from './speakers.js';
import { withTagger } from './tagger/attributions.js';
import { loadTagger } from './tagger/model.js';
import { analyse } from './tokens.js';

export interface ExtractOptions {
  lexicon?: Lexicon;
  /** Input format; default: detected from the file name and content. */
  format?: InputFormat;
  fileName?: string;
  finder?: FinderOptions;
  /**
   * Whether the learned tagger adds the attributions the rules miss (`tagger/attributions.ts`).
   * Default true; false gives the rules alone (for comparison). Without a weights file (a
   * checkout before `npm run train:extract`) the rules run alone either way.
   */
  tagger?: boolean;
}

export type { ArticleMeta };

export function extractDocument(
  raw: string,
  meta: ArticleMeta = {},
  options: ExtractOptions = {},
): ArticleDocument {
  const format = options.format ?? detectFormat(raw, options.fileName);
  // Title, publisher and date come from the user, else from the page itself; never guessed.
  return extractFromText(toPlainText(raw, format), mergeMeta(meta, pageMeta(raw, format)), options);
}

/**
 * Like `extractDocument` for text that is already clean: offsets point straight into `text`.
 * Title, publisher and publication date must be in `meta` (a DocumentValidationError names the
 * missing ones); the publisher may also come from the host of a given URL.
 */
export function extractFromText(
  text: string,
  given: ArticleMeta = {},
  options: ExtractOptions = {},
): ArticleDocument {
  const host = given.url ? hostOf(given.url) : undefined;
  const meta = requireMeta({ ...(host ? { publisher: host } : {}), ...given });
  const lex = options.lexicon ?? loadLexicon();
  const analysis = analyse(text);
  const attributions = withTagger(
    analysis,
    lex,
    options.tagger === false ? undefined : loadTagger(),
    findAttributions(analysis, lex, options.finder ?? {}),
  );
  const registry = new AgentRegistry(lex);
  const url = meta.url ?? `urn:sha256:${createHash('sha256').update(text).digest('hex')}`;
  const publisherName = meta.publisher;
  const known = lex.wires.some((w) => w.name === publisherName || w.aliases.includes(publisherName));
  const publisher = registry.addSource(
    { name: publisherName, kind: known ? 'wire' : 'outlet' },
    `src-${localIdPart(publisherName)}`,
  );
  // "the report", "the news site" with no outlet cited before: the publisher's own words.
  registry.refs.lastOutlet = publisher;
  const claims: Claim[] = [];
  for (const a of attributions) {
    // A list under the attribution ("the framework included:" + items) gives one claim per item.
    // "said X, and that Y": two complements of one cue, two claims.
    for (const item of a.items ?? coordinatedComplements(text, innermostOf(a)) ?? [undefined]) {
      const claim = claimFrom(a, text, lex, registry, `c${claims.length + 1}`, publisher.id, item);
      if (claim) claims.push(claim);
    }
  }
  resolveOfficeHolders(text, claims, registry, lex);
  for (const claim of claims) claim.about = aboutOf(claim, registry);
  const title = meta.title.slice(0, 500);
  const doc = {
    schemaVersion: 1 as const,
    article: {
      id: `article-${localIdPart(meta.title).slice(0, 60)}`,
      url,
      title,
      publisher: publisher.id,
      publishedAt: meta.date,
      language: meta.language ?? 'en',
      ...(meta.author ? { author: meta.author } : {}),
      text,
    },
    sources: registry.sources,
    actors: registry.actors,
    places: [],
    events: [],
    claims,
    relations: [],
  };
  return parseArticleDocument(doc);
}

function hostOf(url: string): string | undefined {
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

function evidence(text: string, spans: readonly (Span | undefined)[]): EvidenceSpan {
  const present = spans.filter((s): s is Span => s !== undefined);
  const start = Math.min(...present.map((s) => s.start));
  const end = Math.max(...present.map((s) => s.end));
  return { start, end, text: text.slice(start, end) };
}

/** One teller of the chain before it is checked for repeats. */
interface Teller {
  agent: Agent;
  role: HopRole;
  addressee?: Agent;
  evidence: EvidenceSpan;
  anonymityReason?: string;
}

function claimFrom(
  outer: Attribution,
  text: string,
  lex: Lexicon,
  registry: AgentRegistry,
  id: string,
  publisherId: string,
  item?: Span,
): Claim | undefined {
  const tellers: Teller[] = [];
  let innermost = outer;
  let confidence = 1;
  const sentenceEnd = outer.content[outer.content.length - 1]!.end;
  const reason = anonymityReasonNear(text, lex, outer.cue.start, sentenceEnd);
  for (let a: Attribution | undefined = outer; a; a = a.inner) {
    innermost = a;
    confidence = Math.min(confidence, a.confidence);
    if (!a.source) return undefined;
    let speaker = classifySpeaker(text.slice(a.source.start, a.source.end), lex);
    // "which the statement described as": the document the article introduced ("a joint statement").
    if (speaker.type === 'document')
      speaker = { ...speaker, name: registry.refs.documentName(text, a.source.start, speaker) };
    if (speaker.type === 'pronoun' && (speaker.word === 'he' || speaker.word === 'she')) {
      const opening = registry.refs.personOpening(text, a.source.start, lex);
      if (opening) speaker = { type: 'person', name: opening };
    }
    const agent = registry.agentFor(speaker, reason ? { anonymityReason: reason } : {});
    if (!agent) return undefined; // an unresolved pronoun: no chain can be stated
    // "the sources said" after "sources told Reuters": the outlets they were first met through.
    if (tellers.length === 0 && a === outer) {
      for (const through of registry.refs.introducedThrough.get(agent.record.id) ?? [])
        tellers.push({ agent: through, role: 'reported', evidence: evidence(text, [a.source, a.cue]) });
    }
    const addressee = a.addressee
      ? registry.agentFor(classifySpeaker(text.slice(a.addressee.start, a.addressee.end), lex), {})
      : undefined;
    const hopEvidence = evidence(text, [a.source, a.cue, a.addressee]);
    // "sources told Reuters ...": the outlet that was told is the link the article cites.
    if (
      tellers.length === 0 &&
      addressee?.collection === 'source' &&
      (addressee.record.kind === 'wire' || addressee.record.kind === 'outlet')
    ) {
      tellers.push({ agent: addressee, role: 'reported', evidence: hopEvidence });
    }
    tellers.push({ agent, role: a.entry.role, ...(addressee ? { addressee } : {}), evidence: hopEvidence });
    for (const relay of a.relays) {
      const relayed = registry.agentFor(
        classifySpeaker(text.slice(relay.source.start, relay.source.end), lex),
        reason ? { anonymityReason: reason } : {},
      );
      if (!relayed) return undefined;
      tellers.push({
        agent: relayed,
        role: relay.entry.role === 'cited' ? 'said' : relay.entry.role,
        evidence: evidence(text, [relay.source, relay.cue]),
      });
    }
  }
  const chain: Hop[] = [];
  const seen = new Set<string>([publisherId]);
  for (const t of tellers) {
    // A teller met twice (or the publisher citing itself) would make a cycle; keep the first.
    if (seen.has(t.agent.record.id)) continue;
    seen.add(t.agent.record.id);
    const anonymous =
      t.agent.collection === 'source' &&
      (t.agent.record.kind === 'anonymous' || t.agent.record.kind === 'leak');
    chain.push({
      agent: t.agent.record.id,
      role: t.role,
      ...(t.addressee && t.addressee.record.id !== t.agent.record.id
        ? { addressee: t.addressee.record.id }
        : {}),
      anonymous,
      evidence: t.evidence,
    });
  }
  if (chain.length === 0) return undefined;
  rememberIntroductions(tellers, registry);
  const content = trimContent(text, item ?? innermost.content[0]!);
  if (!content) return undefined;
  const quote = quotedWords(content.text);
  const hedges = lex.hedges.filter((h) =>
    text
      .slice(outer.cue.start - 80 < 0 ? 0 : outer.cue.start - 80, sentenceEnd)
      .toLowerCase()
      .includes(h),
  );
  const kind = quote && innermost.entry.kind === 'statement' ? 'quote' : innermost.entry.kind;
  return {
    id,
    text: plainClaimText(content.text),
    ...(quote ? { quote } : {}),
    kind,
    hedges,
    outletAnalysis: false,
    status: 'draft',
    evidence: content,
    chain,
    about: [],
    extractionConfidence: Number(confidence.toFixed(2)),
  };
}

/**
 * "a senior US envoy said ..." where the article names its one envoy: the hop is that person,
 * not an anonymous source (see `References.officeHolders`); a source no hop uses any more goes.
 */
function resolveOfficeHolders(text: string, claims: Claim[], registry: AgentRegistry, lex: Lexicon): void {
  const holders = registry.refs.officeHolders(text, registry.sources, registry.actors, lex);
  if (holders.size === 0) return;
  for (const claim of claims) {
    for (const hop of claim.chain) {
      const person = holders.get(hop.agent);
      if (!person || claim.chain.some((h) => h.agent === person.id)) continue;
      hop.agent = person.id;
      hop.anonymous = false;
    }
  }
  const used = new Set(claims.flatMap((c) => c.chain.flatMap((h) => [h.agent, h.addressee ?? h.agent])));
  for (let k = registry.sources.length - 1; k >= 0; k--) {
    const id = registry.sources[k]!.id;
    if (holders.has(id) && !used.has(id)) registry.sources.splice(k, 1);
  }
}

/** For each unnamed teller met behind outlets only, those outlets (its first mention wins). */
function rememberIntroductions(tellers: readonly Teller[], registry: AgentRegistry): void {
  tellers.forEach((t, k) => {
    const r = t.agent.record;
    if (k === 0 || t.agent.collection !== 'source' || r.kind !== 'anonymous') return;
    if (registry.refs.introducedThrough.has(r.id)) return;
    const before = tellers.slice(0, k).map((x) => x.agent);
    if (
      before.every(
        (b) => b.collection === 'source' && (b.record.kind === 'wire' || b.record.kind === 'outlet'),
      )
    )
      registry.refs.introducedThrough.set(r.id, before);
  });
}

function innermostOf(a: Attribution): Attribution {
  let x = a;
  while (x.inner) x = x.inner;
  return x;
}

/** The parts of a single content joined by "(,) and that": each is a claim of the same teller. */
function coordinatedComplements(text: string, a: Attribution): Span[] | undefined {
  if (a.content.length !== 1) return undefined;
  const { start, end } = a.content[0]!;
  const words = text.slice(start, end);
  const parts: Span[] = [];
  let from = 0;
  let depth = 0;
  for (const m of words.matchAll(/[“”"]|,?\s+and\s+(?=that\s)/gu)) {
    if (/^[“”"]$/u.test(m[0])) {
      depth = m[0] === '“' ? depth + 1 : m[0] === '”' ? Math.max(0, depth - 1) : 1 - depth;
      continue;
    }
    if (depth > 0) continue;
    parts.push({ start: start + from, end: start + m.index });
    from = m.index + m[0].length;
  }
  if (parts.length === 0) return undefined;
  parts.push({ start: start + from, end });
  return parts;
}

/** The content without a leading "that" and trailing commas: the proposition's own words. */
function trimContent(text: string, span: Span): EvidenceSpan | undefined {
  let { start, end } = span;
  const lead = /^(that\s+)/i.exec(text.slice(start, end));
  if (lead) start += lead[1]!.length;
  while (end > start && /[\s,;:]/.test(text[end - 1]!)) end--;
  while (start < end && /\s/.test(text[start]!)) start++;
  if (end <= start) return undefined;
  return { start, end, text: text.slice(start, end) };
}

/** The words inside the longest quotation marks of the content, when they are a real quote. */
function quotedWords(content: string): string | undefined {
  const matches = [...content.matchAll(/[“"]([^”"]+)[”"]/g)].map((m) => m[1]!.replace(/[,\s]+$/, ''));
  const longest = matches.sort((a, b) => b.length - a.length)[0];
  return longest && longest.split(/\s+/).length >= 3 ? longest : undefined;
}

function plainClaimText(content: string): string {
  const t = content.replace(/[“”"]/g, '').replace(/\s+/g, ' ').trim();
  return (t === '' ? content : t).slice(0, 4000);
}

/** Actors the claim names in its own words, so it can be found from them. */
function aboutOf(claim: Claim, registry: AgentRegistry): string[] {
  const words = claim.evidence.text.toLowerCase();
  const ids = new Set<string>();
  for (const actor of registry.actors) {
    const names = [actor.name, ...actor.aliases].filter((n) => n.length > 2);
    if (names.some((n) => new RegExp(`\\b${escapeRegExp(n.toLowerCase())}\\b`, 'u').test(words)))
      ids.add(actor.id);
  }
  return [...ids];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
