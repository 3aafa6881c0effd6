/**
 * The story side of the explorer's API use: a statement across outlets, the review queue of
 * proposed links (and the editor's decisions on it), laundered appearances, and the story's
 * timeline. Same public endpoint as every other client; only the two decisions send a key.
 */
import type { RelationType } from '../../domain/document.js';
import { gql, page, type Connection, type Page } from './api.js';

export interface TimeSpan {
  label: string;
  basis: string;
  known: boolean;
  earliest: string | null;
  latest: string | null;
}

export interface AgentName {
  key: string;
  name: string;
}

export interface StatementClaim {
  key: string;
  text: string;
  quote: string | null;
  hedges: string[];
  said: TimeSpan;
}

export interface Laundering {
  claim: { key: string };
  earlier: { key: string };
  reason: string;
}

export interface StatementAppearance {
  claim: StatementClaim;
  article: { key: string; title: string; url: string; reconstruction: boolean } | null;
  publishedAt: string;
  publisher: AgentName | null;
  cites: AgentName[];
  lagHours: number;
  independent: boolean;
  dependsOn: { key: string }[];
  laundering: Laundering | null;
}

export interface Statement {
  firstReporter: AgentName | null;
  independentAppearances: number;
  appearances: StatementAppearance[];
  laundered: Laundering[];
}

const SPAN = 'label basis known earliest latest';
const LAUNDERING = 'claim { key } earlier { key } reason';

/** The statement a claim is one appearance of (null when there is no such claim). */
export async function statement(claim: string): Promise<Statement | null> {
  const data = await gql<{ statement: Statement | null }>(
    `query ExplorerStatement($claim: String!) {
      statement(claim: $claim) {
        firstReporter { key name }
        independentAppearances
        appearances {
          claim { key text quote hedges said { ${SPAN} } }
          article { key title url reconstruction }
          publishedAt publisher { key name } cites { key name }
          lagHours independent dependsOn { key }
          laundering { ${LAUNDERING} }
        }
        laundered { ${LAUNDERING} }
      }
    }`,
    { claim },
  );
  return data.statement;
}

export interface LaunderedItem {
  claim: { key: string; text: string; article: { title: string; publisher: AgentName | null } };
  earlier: { key: string; article: { publisher: AgentName | null } };
  reason: string;
}

/** Every laundered appearance in the graph (a short list: one per statement that lost a source). */
export async function launderedClaims(): Promise<LaunderedItem[]> {
  const data = await gql<{ launderedClaims: Connection<LaunderedItem> }>(
    `query ExplorerLaundered {
      launderedClaims(first: 50) {
        totalCount pageInfo { endCursor hasNextPage }
        edges { node {
          claim { key text article { title publisher { key name } } }
          earlier { key article { publisher { key name } } }
          reason
        } }
      }
    }`,
  );
  return page(data.launderedClaims).items;
}

/** The API's RelationType values (the document format's relation types). */
export type LinkType = RelationType;
export type LinkStatus = 'PROPOSED' | 'ACCEPTED' | 'REJECTED';

export interface ProposalClaim {
  key: string;
  text: string;
  quote: string | null;
  article: { title: string; publishedAt: string; publisher: AgentName | null };
}

export interface Proposal {
  key: string;
  type: LinkType;
  status: LinkStatus;
  score: number;
  fromKey: string;
  toKey: string;
  from: ProposalClaim | null;
  to: ProposalClaim | null;
  decidedBy: string | null;
  note: string | null;
  reasons: {
    words: string[];
    wordOverlap: number;
    sameSpeaker: boolean;
    sameQuote: boolean;
    negation: string | null;
    agents: AgentName[];
    events: { key: string; name: string }[];
    dates: { from: string | null; to: string | null; withinWindow: boolean | null };
    // The reasons below are null on a proposal stored by an earlier matcher.
    classes: { from: ClaimClass; to: ClaimClass } | null;
    voices: { from: Voice; to: Voice } | null;
    substance: string[] | null;
    substanceShare: number | null;
    restatement: boolean | null;
    denial: {
      byKey: string;
      target: string[];
      head: string[];
      covered: string[];
      headShare: number;
      putsForward: string | null;
    } | null;
  };
}

/** What a claim does, as the matcher weighs it (the API's LinkClaimClass). */
export type ClaimClass = 'ACCOUNT' | 'STANCE' | 'DENIAL' | 'JUDGEMENT';
/** Who voices a claim (the API's LinkVoice). */
export type Voice = 'PARTY' | 'REPORTER';

const PROPOSAL_CLAIM = 'key text quote article { title publishedAt publisher { key name } }';
const PROPOSAL = `key type status score fromKey toKey decidedBy note
  from { ${PROPOSAL_CLAIM} } to { ${PROPOSAL_CLAIM} }
  reasons { words wordOverlap sameSpeaker sameQuote negation agents { key name } events { key name }
    dates { from to withinWindow }
    classes { from to } voices { from to } substance substanceShare restatement
    denial { byKey target head covered headShare putsForward } }`;

/** One page of the review queue, best score first. */
export async function proposedLinks(
  filter: { status: LinkStatus; type: LinkType | null },
  after: string | null,
): Promise<Page<Proposal>> {
  const data = await gql<{ proposedLinks: Connection<Proposal> }>(
    `query ExplorerQueue($status: LinkProposalStatus, $type: ClaimRelationType, $after: String) {
      proposedLinks(status: $status, type: $type, first: 20, after: $after) {
        totalCount pageInfo { endCursor hasNextPage } edges { node { ${PROPOSAL} } }
      }
    }`,
    { status: filter.status, type: filter.type, after },
  );
  return page(data.proposedLinks);
}

export type Decision = 'accept' | 'reject';

interface DecideResult {
  result: { __typename: string; message?: string; data?: Proposal };
}

/**
 * Accepts or rejects a proposal with the editor's key. A missing or wrong key comes back as the
 * API's error (thrown); a proposal already decided, or gone, as its typed error (thrown too).
 */
export async function decideLink(
  proposal: string,
  decision: Decision,
  note: string | null,
  key: string | null,
): Promise<Proposal> {
  const field = decision === 'accept' ? 'acceptLink' : 'rejectLink';
  const success = decision === 'accept' ? 'MutationAcceptLinkSuccess' : 'MutationRejectLinkSuccess';
  const data = await gql<DecideResult>(
    `mutation ExplorerDecide($input: DecideLinkInput!) {
      result: ${field}(input: $input) {
        __typename
        ... on ${success} { data { ${PROPOSAL} } }
        ... on Error { message }
      }
    }`,
    { input: { proposal, note: note || null } },
    key,
  );
  if (data.result.data) return data.result.data;
  throw new Error(data.result.message ?? `the API answered ${data.result.__typename}`);
}

export interface OutletArticle {
  key: string;
  title: string;
  publishedAt: string;
  reconstruction: boolean;
  publisher: AgentName | null;
  claims: { totalCount: number };
}

export interface TimelineEvent {
  key: string;
  name: string;
  time: TimeSpan | null;
}

/** Every article (for one row per outlet) and the events the timeline can place, in one request. */
export async function storyTimeline(): Promise<{ articles: OutletArticle[]; events: TimelineEvent[] }> {
  const data = await gql<{ articles: Connection<OutletArticle>; timeline: Connection<TimelineEvent> }>(
    `query ExplorerStoryTimeline {
      articles(first: 100) {
        totalCount pageInfo { endCursor hasNextPage }
        edges { node { key title publishedAt reconstruction publisher { key name } claims(first: 1) { totalCount } } }
      }
      timeline(first: 100) {
        totalCount pageInfo { endCursor hasNextPage }
        edges { node { key name time { ${SPAN} } } }
      }
    }`,
  );
  return { articles: page(data.articles).items, events: page(data.timeline).items };
}
