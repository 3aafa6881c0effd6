/**
 * Turns a user's search string into a Lucene query that cannot be a syntax error: every term is
 * a quoted term query with `"` and `\` escaped, so `AND`, `*`, `(`, `~` or an unbalanced quote
 * are searched as text, never parsed as operators. Terms are OR-ed and ranked by score, as a
 * search box is expected to behave.
 */
export function toLuceneQuery(input: string): string | null {
  const terms = input
    .normalize('NFC')
    .split(/\s+/u)
    .map((t) => t.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((t) => t.length > 0)
    .slice(0, 32);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(' ');
}
