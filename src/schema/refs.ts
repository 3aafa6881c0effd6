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
