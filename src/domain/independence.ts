/**
 * Independence of origins, against circular reporting: ten outlets repeating one wire story are
 * one origin, not ten. Two chains are dependent when they share a wire agent anywhere in the
 * chain (the same wire story), the same unnamed source (the same anonymous person or leak), the
 * same original speaker (the same original statement), the same folded voice (two speakers whose
 * affiliation chains reach one body that speaks with one voice: a government and its officials
 * and offices), possibly the same unnamed source (unnamed sources of two articles described alike
 * and passed on by the same named relay: "four sources familiar with the talks" told Reuters in
 * the wire and in the outlet that relays it), or when their claims are linked SAME_STATEMENT.
 * Dependence is made transitive
 * (connected components): that can only undercount independence, which is the safe direction for
 * a fact-checker.
 */

/** One step of an agent's affiliation chain (official -> ministry -> government -> state). */
export interface Affiliation {
  key: string;
  name: string;
  /** Actor kind of the body: `government`, `state`, `organisation`, ... */
  kind: string;
}

/** One agent of a chain, as far as independence needs it. */
export interface ChainAgent {
  key: string;
  name: string;
  /** Source or actor kind: `wire`, `outlet`, `anonymous`, `person`, ... */
  kind: string;
  anonymous: boolean;
  /** How an unnamed source is described ("four sources familiar with the negotiations"). */
  description?: string | null;
  /** Who the agent belongs to, nearest first (its ministry, then its government, then its state). */
  affiliations?: readonly Affiliation[];
}

/** A speaker folded into the body it speaks for: "White House folded into United States government". */
export interface Fold {
  claimKey: string;
  agentKey: string;
  agentName: string;
  intoKey: string;
  intoName: string;
}

export interface IndependenceOptions {
  /**
   * Kinds of body that speak with one voice: a speaker whose affiliation chain reaches one is
   * folded into the highest such body of the chain. Empty: no folding.
   */
  oneVoiceKinds?: readonly string[];
}

/**
 * The voice an agent speaks with: the highest body of its affiliation chain (or the agent itself)
 * whose kind speaks with one voice; null when neither it nor any of its affiliations does.
 */
export function voiceOf(
  agent: Pick<ChainAgent, 'key' | 'name' | 'kind' | 'affiliations'>,
  oneVoiceKinds: readonly string[],
): Affiliation | null {
  const chain = [{ key: agent.key, name: agent.name, kind: agent.kind }, ...(agent.affiliations ?? [])];
  for (let i = chain.length - 1; i >= 0; i--) if (oneVoiceKinds.includes(chain[i]!.kind)) return chain[i]!;
  return null;
}

/** The original speaker's fold, when it speaks for a body other than itself. */
export function foldOf(chain: ReportingChain, oneVoiceKinds: readonly string[]): Fold | null {
  const speaker = chain.agents.at(-1);
  if (!speaker) return null;
  const voice = voiceOf(speaker, oneVoiceKinds);
  if (!voice || voice.key === speaker.key) return null;
  return {
    claimKey: chain.claimKey,
    agentKey: speaker.key,
    agentName: speaker.name,
    intoKey: voice.key,
    intoName: voice.name,
  };
}

/** "White House folded into United States government". */
export const describeFold = (f: Fold) => `${f.agentName} folded into ${f.intoName}`;

/** A claim's attribution chain: the article's publisher first, the original speaker last. */
export interface ReportingChain {
  claimKey: string;
  agents: readonly ChainAgent[];
  /** Keys of claims linked to this one by SAME_STATEMENT (either direction). */
  sameStatementAs?: readonly string[];
}

/** One independent origin: the chains that trace back to it. */
export interface IndependentOrigin {
  /** Claims in this group, the subject first when it is in it, then by key. */
  claimKeys: string[];
  /** Who said it first, per chain of the group (distinct names, in order). */
  originNames: string[];
  /** True when this is the subject claim's own origin. */
  includesSubject: boolean;
  /** Original speakers of the group folded into the body they speak for. */
  folds: Fold[];
}

export interface Independence {
  origins: IndependentOrigin[];
  /** How many independent origins stand behind the subject, its own included. */
  independentOrigins: number;
  /** True when some supporting chain was folded into another origin. */
  circularReporting: boolean;
  /** One sentence per folded chain, saying what it shares and with which claim. */
  explanation: string[];
}

/** Words that say nothing of who an unnamed source is (the graph's sharedOrigins query uses them too). */
export const UNNAMED_STOP_WORDS: readonly string[] = (
  'a an the and or of to in on at by for with from who which that it its did not had has have been ' +
  'was were unnamed anonymous one'
).split(' ');
const UNNAMED_STOP = new Set(UNNAMED_STOP_WORDS);

/** The words describing an unnamed source, lower-cased, a plural "s" dropped. */
export function descriptionWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (w.length < 3 || UNNAMED_STOP.has(w)) continue;
    out.add(w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);
  }
  return out;
}

/**
 * True when two descriptions share at least half their words (Dice coefficient >= 0.5). A
 * description without a telling word is alike to nothing: its coefficient is 0 (NaN when both
 * have none), never >= 0.5.
 */
export function describedAlike(a: string, b: string): boolean {
  const [wa, wb] = [descriptionWords(a), descriptionWords(b)];
  let both = 0;
  for (const w of wa) if (wb.has(w)) both++;
  return (2 * both) / (wa.size + wb.size) >= 0.5;
}

/** The unnamed sources of a chain with the named agent that passed each on (its relay). */
export function relayedUnnamed(chain: ReportingChain): { agent: ChainAgent; relay: ChainAgent }[] {
  const out: { agent: ChainAgent; relay: ChainAgent }[] = [];
  chain.agents.forEach((agent, i) => {
    const relay = chain.agents[i - 1]; // none for the publisher (i = 0)
    if (agent.anonymous && relay && !relay.anonymous) out.push({ agent, relay });
  });
  return out;
}

/**
 * Possibly the same unnamed source behind two chains: two different unnamed sources passed on by
 * the same named relay and described alike. Null when there is none.
 */
export function possiblySameSource(
  a: ReportingChain,
  b: ReportingChain,
): { relay: ChainAgent; a: ChainAgent; b: ChainAgent } | null {
  for (const x of relayedUnnamed(a)) {
    for (const y of relayedUnnamed(b)) {
      if (x.agent.key === y.agent.key || x.relay.key !== y.relay.key) continue;
      if (describedAlike(x.agent.description ?? x.agent.name, y.agent.description ?? y.agent.name)) {
        return { relay: x.relay, a: x.agent, b: y.agent };
      }
    }
  }
  return null;
}

/** What makes two chains one origin. Outlets relaying are not a reason: they add no origin. */
function linksOf(
  chain: ReportingChain,
  oneVoiceKinds: readonly string[],
): { id: string; describe: string }[] {
  const out: { id: string; describe: string }[] = [];
  chain.agents.forEach((agent, i) => {
    if (agent.kind === 'wire') out.push({ id: `wire:${agent.key}`, describe: `the wire ${agent.name}` });
    if (agent.anonymous)
      out.push({ id: `unnamed:${agent.key}`, describe: `the unnamed source ${agent.name}` });
    if (i === chain.agents.length - 1) {
      out.push({ id: `origin:${agent.key}`, describe: `the original speaker ${agent.name}` });
      const voice = voiceOf(agent, oneVoiceKinds);
      if (voice) out.push({ id: `voice:${voice.key}`, describe: `the one voice of ${voice.name}` });
    }
  });
  out.push({ id: `statement:${chain.claimKey}`, describe: 'the same statement' });
  for (const k of chain.sameStatementAs ?? []) {
    out.push({ id: `statement:${k}`, describe: 'the same statement' });
  }
  return out;
}

/**
 * Groups the subject's chain and its supporting chains into independent origins. Supporters are
 * taken in key order so the result (and its explanation) does not depend on load order.
 */
export function independentOrigins(
  subject: ReportingChain,
  supporters: readonly ReportingChain[],
  options: IndependenceOptions = {},
): Independence {
  const oneVoiceKinds = options.oneVoiceKinds ?? [];
  const seen = new Set([subject.claimKey]);
  const chains = [subject];
  for (const s of [...supporters].sort((a, b) => a.claimKey.localeCompare(b.claimKey))) {
    if (seen.has(s.claimKey)) continue;
    seen.add(s.claimKey);
    chains.push(s);
  }

  const parent = chains.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const firstHolder = new Map<string, number>();
  const explanation: string[] = [];
  chains.forEach((chain, i) => {
    const reasons = new Map<number, string>();
    for (const link of linksOf(chain, oneVoiceKinds)) {
      const holder = firstHolder.get(link.id);
      if (holder === undefined) {
        firstHolder.set(link.id, i);
        continue;
      }
      if (find(holder) !== find(i) && !reasons.has(find(holder))) {
        // A shared voice names the folds that made it shared, on either side.
        const folds = link.id.startsWith('voice:')
          ? [chain, chains[holder]!]
              .map((c) => foldOf(c, oneVoiceKinds))
              .filter((f): f is Fold => f !== null)
              .map(describeFold)
          : [];
        reasons.set(
          find(holder),
          `${chain.claimKey} traces back to ${link.describe}${folds.length > 0 ? ` (${[...new Set(folds)].join('; ')})` : ''}, as ${chains[holder]!.claimKey} does`,
        );
      }
    }
    // Each reason is a different origin (a root when it was found, never i's own), so each join
    // below joins two origins.
    for (const [root, reason] of reasons) {
      parent[find(i)] = find(root);
      explanation.push(`${reason}: one origin, not two.`);
    }
  });

  // Possibly the same unnamed source: compared pair by pair (descriptions are alike, never equal keys).
  chains.forEach((chain, i) => {
    for (let j = 0; j < i; j++) {
      if (find(i) === find(j)) continue;
      const same = possiblySameSource(chain, chains[j]!);
      if (!same) continue;
      parent[find(i)] = find(j);
      explanation.push(
        `${chain.claimKey} traces back to ${same.a.name}, possibly the same unnamed source as ${same.b.name} ` +
          `(described alike, both passed on by ${same.relay.name}), as ${chains[j]!.claimKey} does: one origin, not two.`,
      );
    }
  });

  // Origins in the order of their first chain: the subject's first (it is chain 0), then by the
  // key of their first claim (the supporters were taken in key order); members likewise.
  const groups = new Map<number, number[]>();
  chains.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const origins = [...groups.values()].map((members) => ({
    claimKeys: members.map((i) => chains[i]!.claimKey),
    originNames: [
      ...new Set(members.map((i) => chains[i]!.agents.at(-1)?.name).filter((n): n is string => !!n)),
    ],
    includesSubject: members.includes(0),
    folds: members.map((i) => foldOf(chains[i]!, oneVoiceKinds)).filter((f): f is Fold => f !== null),
  }));
  return {
    origins,
    independentOrigins: origins.length,
    circularReporting: explanation.length > 0,
    explanation,
  };
}
