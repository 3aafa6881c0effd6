/**
 * What the throughput run checks of what it times (bench/throughput.ts). Every request of the
 * mix is answered once by each server before timing, and a sample of it again while the load
 * runs; each answer is reduced to a comparable view and recorded here. `problems()` then names:
 *
 * - a mismatch: @neo4j/graphql's answer differs from ours (for the questions whose two queries
 *   ask the same thing: provenance and the page by speaker), or a server answers differently
 *   under load than it did before timing (every question);
 * - a missing baseline: a request that ours never answered, so nothing checks the other's;
 * - an empty answer on both sides (or, for a question only checked against itself, an empty
 *   answer): agreement on nothing proves nothing, so the sample must hold real answers;
 * - a server with no answer checked during timing.
 *
 * The other three @neo4j/graphql queries are the nearest it can express, not the same question
 * (search does not reach agent names, contested claims do not follow SAME_STATEMENT, the
 * neighbourhood is shaped by its type definitions), so each server is held to its own answer.
 */
import type { Question } from './cases.js';

export type Target = 'ours' | 'neo4j-graphql';
export type Phase = 'before' | 'during';

/** Questions whose two queries ask the same thing, so the two servers' answers must be equal. */
export const CROSS_CHECKED: ReadonlySet<string> = new Set<Question>(['provenance', 'speaker-page']);

type Json = Record<string, any>;

interface Chain {
  agents: string[];
  roles: string[];
  anonymous: boolean[];
}

const agentName = (a: { name?: unknown } | null | undefined) =>
  a && typeof a.name === 'string' ? a.name : '?';

/** Our chain (`provenance.chain`, hop 0 first) as agent names, roles (lower case) and anonymity. */
function ourChain(chain: readonly Json[] | undefined): Chain {
  const hops = [...(chain ?? [])].sort((a, b) => Number(a.position) - Number(b.position));
  return {
    agents: hops.map((h) => agentName(h.agent)),
    roles: hops.map((h) => String(h.role).toLowerCase()),
    anonymous: hops.map((h) => h.anonymous === true),
  };
}

/** @neo4j/graphql's nested hop-0 telling, followed down `quotedFrom` to the origin. */
function theirChain(tellings: readonly Json[] | undefined): Chain {
  const out: Chain = { agents: [], roles: [], anonymous: [] };
  let t: Json | undefined = tellings?.[0];
  while (t) {
    out.agents.push(agentName(t.toldByActor?.[0] ?? t.toldBySource?.[0]));
    out.roles.push(String(t.role).toLowerCase());
    out.anonymous.push(t.anonymous === true);
    t = t.quotedFrom?.[0];
  }
  return out;
}

const chainText = (c: Chain) => c.agents.join(' < ');

/**
 * The comparable view of one answer (`data` of a GraphQL response) to one question, or null when
 * the answer holds nothing (no claim, an empty list).
 */
export function answerView(target: Target, question: string, data: Json | null | undefined): unknown {
  if (!data) return null;
  const ours = target === 'ours';
  switch (question) {
    case 'provenance': {
      const claim = ours ? data.claim : data.claims?.[0];
      if (!claim) return null;
      const chain = ours ? ourChain(claim.provenance?.chain) : theirChain(claim.tellings);
      return { key: claim.key, ...chain };
    }
    case 'speaker-page': {
      const items: string[] = ours
        ? (data.claims?.edges ?? []).map(
            (e: Json) => `${e.node.key}: ${chainText(ourChain(e.node.provenance?.chain))}`,
          )
        : (data.claims ?? []).map((c: Json) => `${c.key}: ${chainText(theirChain(c.tellings))}`);
      return items.length > 0 ? items : null;
    }
    case 'search': {
      const edges: Json[] = (ours ? data.searchClaims?.edges : data.claimsFulltext?.edges) ?? [];
      return edges.length > 0 ? edges.map((e) => String(e.node.key)) : null;
    }
    case 'contested': {
      const nodes: Json[] = ours
        ? (data.contestedClaims?.edges ?? []).map((e: Json) => e.node)
        : (data.claims ?? []);
      return nodes.length > 0 ? nodes.map((n) => String(n.key)) : null;
    }
    case 'neighbourhood': {
      if (ours) {
        const nodes: Json[] = data.neighbourhood?.nodes ?? [];
        return nodes.length > 0 ? nodes.map((n) => String(n.key)).sort() : null;
      }
      const claim = data.claims?.[0];
      return claim ? JSON.stringify(claim) : null;
    }
    default:
      throw new Error(`no answer view for the question ${JSON.stringify(question)}`);
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const show = (v: unknown) => JSON.stringify(v)?.slice(0, 300) ?? 'undefined';

interface Sample {
  question: string;
  /** What the request asked (its variables), for the message. */
  input: string;
  answers: Map<string, unknown[]>;
}

/** Answers per request of the mix (by its index, the same in both servers' mixes) and phase. */
export class AnswerCheck {
  private readonly samples = new Map<number, Sample>();
  private readonly during = new Map<Target, number>();
  private readonly failed: string[] = [];

  /** A request of the sample that failed (HTTP error, GraphQL errors): a problem in itself. */
  recordFailure(target: Target, phase: Phase, index: number, name: string, message: string): void {
    this.failed.push(`#${index} ${name}: ${target} failed ${phase} timing: ${message.slice(0, 300)}`);
  }

  record(
    target: Target,
    phase: Phase,
    index: number,
    request: { name: string; variables: Record<string, unknown> },
    data: Json | null | undefined,
  ): void {
    let sample = this.samples.get(index);
    if (!sample) {
      sample = { question: request.name, input: JSON.stringify(request.variables), answers: new Map() };
      this.samples.set(index, sample);
    }
    const slot = `${target} ${phase}`;
    sample.answers.set(slot, [...(sample.answers.get(slot) ?? []), answerView(target, request.name, data)]);
    if (phase === 'during') this.during.set(target, (this.during.get(target) ?? 0) + 1);
  }

  /** Everything wrong with the answers recorded for `targets`; empty when they all agree. */
  problems(targets: readonly Target[] = ['ours', 'neo4j-graphql']): string[] {
    const out: string[] = [...this.failed];
    for (const target of targets) {
      if (!this.during.get(target)) out.push(`${target}: no answer was checked during timing`);
    }
    for (const [index, s] of [...this.samples].sort((a, b) => a[0] - b[0])) {
      const where = `#${index} ${s.question} ${s.input}`;
      const baseline = s.answers.get('ours before')?.[0];
      if (!s.answers.has('ours before')) {
        out.push(`${where}: missing baseline (ours never answered it before timing)`);
        continue;
      }
      const cross = CROSS_CHECKED.has(s.question);
      if (cross && targets.every((t) => s.answers.get(`${t} before`)?.[0] === null)) {
        out.push(`${where}: empty answer on both sides, so their agreement proves nothing`);
        continue;
      }
      for (const target of targets) {
        const before = s.answers.get(`${target} before`);
        if (!before) {
          out.push(`${where}: ${target} never answered it before timing`);
          continue;
        }
        if (before[0] === null && !cross) {
          out.push(`${where}: ${target} answered nothing, so there is nothing to check`);
          continue;
        }
        if (cross && target !== 'ours' && !same(before[0], baseline)) {
          out.push(`${where}: ${target} answered ${show(before[0])} but ours ${show(baseline)}`);
        }
        for (const d of s.answers.get(`${target} during`) ?? []) {
          if (!same(d, before[0])) {
            out.push(`${where}: ${target} answered ${show(d)} under load but ${show(before[0])} before`);
          }
        }
      }
    }
    return out;
  }
}
