/**
 * Turns a user's search string into a Lucene query that cannot be a syntax error: every term is
 * a quoted term query with `"` and `\` escaped, so `AND`, `*`, `(`, `~` or an unbalanced quote
 * are searched as text, never parsed as operators. Terms are OR-ed and ranked by score, as a
 * search box is expected to behave; a "quoted phrase" (balanced quotation marks) must match as
 * a phrase.
 */
const wordsOf = (text: string) =>
  text
    .split(/\s+/u)
    .map((t) => t.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((t) => t.length > 0);
const quoted = (t: string) => `"${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export function toLuceneQuery(input: string): string | null {
  const phrases: string[] = [];
  const rest = input.normalize('NFC').replace(/["“”]([^"“”]*)["“”]/gu, (_m, phrase: string) => {
    const words = wordsOf(phrase);
    if (words.length > 0) phrases.push(words.join(' '));
    return ' ';
  });
  const parts = [...phrases.map((p) => `+${quoted(p)}`), ...wordsOf(rest).map(quoted)].slice(0, 32);
  return parts.length === 0 ? null : parts.join(' ');
}
