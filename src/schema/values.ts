/**
 * Reading values graphql-js hands the schema without trusting their shape. Rows are typed by
 * their read modules (src/graph/<entity>.ts); `isTypeOf` still receives `unknown`.
 */
import { labelOfKey, type NodeLabel } from '../domain/model.js';

/**
 * A property of a value some resolver returned (for `isTypeOf`): undefined when it is not an
 * object or lacks the property.
 */
export function propertyOf(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** The label a returned row's `key` has (labelOfKey), or null when it has no string key. */
export function labelOfRow(value: unknown): NodeLabel | null {
  const key = propertyOf(value, 'key');
  return typeof key === 'string' ? labelOfKey(key) : null;
}
