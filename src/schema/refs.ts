/**
 * Object refs shared across type files, declared once so the files can refer to each other
 * without import cycles. Each is implemented in the file named after it.
 */
import { builder } from './builder.js';
import type { Item } from '../graph/loaders.js';

export const ClaimRef = builder.objectRef<Item>('Claim');
export const AgentRef = builder.interfaceRef<Item>('Agent');
export const ActorRef = builder.objectRef<Item>('Actor');
export const SourceRef = builder.objectRef<Item>('Source');
export const ArticleRef = builder.objectRef<Item>('Article');
export const EventRef = builder.objectRef<Item>('Event');
export const PlaceRef = builder.objectRef<Item>('Place');

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
