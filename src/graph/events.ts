/**
 * Reading events and places: the one module that knows their read queries and the shape of
 * their rows (parsed with zod once per row; see agents.ts).
 */
import { z } from 'zod';
import { EventKind, PlaceKind } from '../domain/model.js';
import type { Loaders } from './loaders.js';
import { EvidenceProps, TimeProps, optText, strings } from './row.js';

export const EventRow = z.object({
  key: z.string(),
  name: z.string(),
  kind: EventKind,
  ...TimeProps.shape,
  ...EvidenceProps.shape,
  /** Where it happened (`AT`), added by the query. */
  placeKey: optText,
  /** Who took part (`PARTICIPATED_IN`), added by the query. */
  participantKeys: strings,
});
export type EventRow = z.infer<typeof EventRow>;

export const PlaceRow = z.object({
  key: z.string(),
  name: z.string(),
  kind: PlaceKind,
  aliases: strings,
  /** The place it lies within (`WITHIN`), added by the query. */
  withinKey: optText,
});
export type PlaceRow = z.infer<typeof PlaceRow>;

const parseEvent = (value: unknown): EventRow => EventRow.parse(value);
const parsePlace = (value: unknown): PlaceRow => PlaceRow.parse(value);

/** An event by key; null when there is none. */
export function eventByKey(loaders: Loaders, key: string): Promise<EventRow | null> {
  return loaders.row('event/by-keys', key, parseEvent);
}

/** Events by key, in the same order: null for a key naming none. */
export function eventsByKeys(loaders: Loaders, keys: readonly string[]): Promise<(EventRow | null)[]> {
  return loaders.rows('event/by-keys', keys, parseEvent);
}

/** The events of these keys that exist, in the same order. */
export async function existingEvents(loaders: Loaders, keys: readonly string[]): Promise<EventRow[]> {
  return (await eventsByKeys(loaders, keys)).filter((e): e is EventRow => e !== null);
}

/** A place by key; null when there is none. */
export function placeByKey(loaders: Loaders, key: string): Promise<PlaceRow | null> {
  return loaders.row('place/by-keys', key, parsePlace);
}

/** Places by key, in the same order: null for a key naming none. */
export function placesByKeys(loaders: Loaders, keys: readonly string[]): Promise<(PlaceRow | null)[]> {
  return loaders.rows('place/by-keys', keys, parsePlace);
}
