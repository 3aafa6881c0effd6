/** Reading a stored value as one of a closed list, without a cast that could lie. */

/**
 * `value` when it is one of `allowed`; otherwise an error naming what was found, so a value the
 * schema cannot represent (a renamed kind left in old data) fails loudly at that field instead of
 * reaching the client as something it is not.
 */
export function oneOf<const V extends string>(allowed: readonly V[], value: unknown, what: string): V {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as V;
  throw new Error(`stored ${what} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
}
