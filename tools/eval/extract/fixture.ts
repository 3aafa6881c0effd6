/**
 * Scores the extractor against the curated seed-article fixture: claims found (matched one-to-one
 * by overlapping evidence spans), original speakers, whole chains and anonymity flags.
 */
import type { Actor, ArticleDocument, Source } from '../../../src/domain/document.js';
import { nameKey } from '../../../src/domain/keys.js';
import { extractFromText } from '../../../src/extract/build.js';
import type { Lexicon } from '../../../src/extract/lexicon.js';

import { type Counts, overlaps } from './score.js';

export interface FixtureScores {
  /** All curated claims, including the outlet's own reporting and analysis. */
  claimsAll: Counts;
  /** Only curated claims whose chain names someone other than the publisher. */
  claimsAttributed: Counts;
  speakers: Counts;
  chains: Counts;
  anonymousHops: Counts;
  /** Whole chain right, over curated claims relayed through two or more tellers besides the publisher. */
  multiHopChains: Counts;
}

type Agent = Source | Actor;

function agentIndex(doc: ArticleDocument): Map<string, Agent> {
  return new Map<string, Agent>([...doc.sources, ...doc.actors].map((a) => [a.id, a]));
}

function names(a: Agent): string[] {
  const description = 'description' in a && a.description ? [a.description] : [];
  return [a.name, ...a.aliases, ...description].map(nameKey);
}

/** The last word of a name key without an Arabic article ("ahmad-al-sharaa" -> sharaa). */
function surname(key: string): string {
  return key.split('-').pop() ?? '';
}

/** Whether two records from different documents stand for the same teller. */
export function sameAgent(p: Agent | undefined, g: Agent | undefined): boolean {
  if (!p || !g) return false;
  if (p.id === g.id) return true;
  const pAnon = 'kind' in p && (p.kind === 'anonymous' || p.kind === 'leak');
  const gAnon = 'kind' in g && (g.kind === 'anonymous' || g.kind === 'leak');
  if (pAnon || gAnon) {
    if (!(pAnon && gAnon) || p.kind !== g.kind) return false;
    // Unnamed tellers agree when their descriptions share the head noun ("official", "sources").
    const pHead = surname(names(p)[0] ?? '');
    return names(g).some((n) => n.includes(pHead)) || names(p).some((n) => names(g).includes(n));
  }
  const pn = names(p);
  const gn = names(g);
  if (pn.some((n) => gn.includes(n))) return true;
  return (
    p.kind === 'person' && g.kind === 'person' && pn.some((n) => gn.some((m) => surname(n) === surname(m)))
  );
}

/** Maximum one-to-one pairing of predicted and gold claims by overlapping evidence. */
function pairClaims(pred: ArticleDocument, gold: ArticleDocument): [number, number][] {
  const owner = new Array<number>(gold.claims.length).fill(-1);
  const edges = pred.claims.map((p) =>
    gold.claims.flatMap((g, j) => (overlaps(p.evidence, g.evidence) ? [j] : [])),
  );
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of edges[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] === -1 || augment(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  pred.claims.forEach((_, i) => augment(i, new Array<boolean>(gold.claims.length).fill(false)));
  return owner.flatMap((i, j) => (i >= 0 ? [[i, j] as [number, number]] : []));
}

export function scoreFixture(
  gold: ArticleDocument,
  lex: Lexicon,
  /** Whether the learned tagger adds attributions the rules miss, as in the product (default true). */
  tagger = true,
): { scores: FixtureScores; predicted: ArticleDocument } {
  // The fixture's text is the article as curated; extracting from exactly that text keeps offsets comparable.
  const predicted = extractFromText(
    gold.article.text,
    {
      url: gold.article.url,
      title: gold.article.title,
      publisher: gold.sources.find((s) => s.id === gold.article.publisher)?.name ?? gold.article.publisher,
      date: gold.article.publishedAt,
    },
    { lexicon: lex, tagger },
  );
  const pa = agentIndex(predicted);
  const ga = agentIndex(gold);
  const pairs = pairClaims(predicted, gold);
  const attributed = gold.claims.filter((c) => c.chain.some((h) => h.agent !== gold.article.publisher));
  const attributedIds = new Set(attributed.map((c) => c.id));
  let speakers = 0;
  let chains = 0;
  let anonTp = 0;
  let pairedAttributed = 0;
  let multiHopRight = 0;
  const hopsBeyondPublisher = (c: { chain: { agent: string }[] }) =>
    c.chain.filter((h) => h.agent !== gold.article.publisher).length;
  const multiHopGold = gold.claims.filter((c) => hopsBeyondPublisher(c) >= 2).length;
  let multiHopPredicted = 0;
  for (const [i, j] of pairs) {
    const p = predicted.claims[i]!;
    const g = gold.claims[j]!;
    if (attributedIds.has(g.id)) pairedAttributed++;
    const pLast = p.chain[p.chain.length - 1];
    const gLast = g.chain[g.chain.length - 1];
    if (pLast && gLast && sameAgent(pa.get(pLast.agent), ga.get(gLast.agent))) speakers++;
    if (
      p.chain.length === g.chain.length &&
      p.chain.every((h, k) => sameAgent(pa.get(h.agent), ga.get(g.chain[k]!.agent)))
    ) {
      chains++;
      if (hopsBeyondPublisher(g) >= 2) multiHopRight++;
    }
    if (p.chain.filter((h) => h.agent !== predicted.article.publisher).length >= 2) multiHopPredicted++;
    p.chain.forEach((h, k) => {
      if (h.anonymous && g.chain[k]?.anonymous) anonTp++;
    });
  }
  const anonPred = predicted.claims.reduce((n, c) => n + c.chain.filter((h) => h.anonymous).length, 0);
  const anonGold = gold.claims.reduce((n, c) => n + c.chain.filter((h) => h.anonymous).length, 0);
  const n = predicted.claims.length;
  return {
    predicted,
    scores: {
      claimsAll: { tp: pairs.length, predicted: n, gold: gold.claims.length },
      claimsAttributed: { tp: pairedAttributed, predicted: n, gold: attributed.length },
      speakers: { tp: speakers, predicted: n, gold: gold.claims.length },
      chains: { tp: chains, predicted: n, gold: gold.claims.length },
      anonymousHops: { tp: anonTp, predicted: anonPred, gold: anonGold },
      multiHopChains: { tp: multiHopRight, predicted: multiHopPredicted, gold: multiHopGold },
    },
  };
}
