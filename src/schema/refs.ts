/**
 * Object refs shared across type files, declared once so the files can refer to each other
 * without import cycles. Each is implemented in the file named after it.
 */
import { builder } from './builder.js';
import type { ClaimRow } from '../graph/claims.js';
import type { ActorRow, AgentRow, SourceRow } from '../graph/agents.js';
import type { ArticleRow } from '../graph/articles.js';
import type { EventRow, PlaceRow } from '../graph/events.js';

export const ClaimRef = builder.objectRef<ClaimRow>('Claim');
export const AgentRef = builder.interfaceRef<AgentRow>('Agent');
export const ActorRef = builder.objectRef<ActorRow>('Actor');
export const SourceRef = builder.objectRef<SourceRow>('Source');
export const ArticleRef = builder.objectRef<ArticleRow>('Article');
export const EventRef = builder.objectRef<EventRow>('Event');
export const PlaceRef = builder.objectRef<PlaceRow>('Place');

/**
 * One connection type per node type, shared by every field that lists it, so one client
 * fragment (`...on ClaimConnection`) serves `claims`, `said`, `passedOn`, an article's claims...
 */
export const ClaimConnection = builder.connectionObject(
  { type: ClaimRef, name: 'ClaimConnection', description: 'A page of claims.' },
  { name: 'ClaimEdge', description: 'A claim and its cursor in the list.' },
);
export const AgentConnection = builder.connectionObject(
  { type: AgentRef, name: 'AgentConnection', description: 'A page of actors and sources.' },
  { name: 'AgentEdge', description: 'An agent and its cursor in the list.' },
);
export const ArticleConnection = builder.connectionObject(
  { type: ArticleRef, name: 'ArticleConnection', description: 'A page of articles.' },
  { name: 'ArticleEdge', description: 'An article and its cursor in the list.' },
);
export const EventConnection = builder.connectionObject(
  { type: EventRef, name: 'EventConnection', description: 'A page of events.' },
  { name: 'EventEdge', description: 'An event and its cursor in the list.' },
);
