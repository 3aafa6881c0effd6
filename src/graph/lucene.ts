/**
 * Turns a user's search string into a Lucene query that cannot be a syntax error: every term is
 * a quoted term query with `"` and `\` escaped, so `AND`, `*`, `(`, `~` or an unbalanced quote
 * are searched as text, never parsed as operators. Terms are OR-ed and ranked by score, as a
 * search box is expected to behave; a "quoted phrase" (balanced quotation marks) must match as
 * a phrase.
 */
const quoted = (t: string) => `"${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

export function toLuceneQuery(input: string): string | null {
  const phrases: string[] = [];
  const rest = input.normalize('NFC').replace(/["“”]([^"“”]*)["“”]/gu, (_m, phrase: string) => {
    const words = termsOf(phrase);
    if (words.length > 0) phrases.push(words.join(' '));
    return ' ';
  });
  const parts = [...phrases.map((p) => `+${quoted(p)}`), ...termsOf(rest).map(quoted)].slice(
    0,
    SEARCH_LIMITS.maxTerms,
  );
  return parts.length === 0 ? null : parts.join(' ');
}

/**
 * Bounds on search text. A term is searched as a phrase of the words the index splits it into,
 * so one long term ("syria/" x 200,000) became a 60k-token phrase that ran Neo4j out of memory.
 */
export const SEARCH_LIMITS = { maxLength: 500, maxTerms: 32, maxTermLength: 64 } as const;

function termsOf(input: string): string[] {
  return input
    .normalize('NFC')
    .split(/\s+/u)
    .map((t) => t.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ''))
    .filter((t) => t.length > 0);
}

/** What is wrong with a search string (too long, too many terms, a term too long), or null. */
export function searchTextProblem(input: string): string | null {
  const { maxLength, maxTerms, maxTermLength } = SEARCH_LIMITS;
  if (input.length > maxLength)
    return `is ${input.length} characters long; at most ${maxLength} are accepted`;
  const terms = termsOf(input);
  if (terms.length > maxTerms) return `has ${terms.length} terms; at most ${maxTerms} are accepted`;
  const long = terms.find((t) => t.length > maxTermLength);
  if (long) return `has a term of ${long.length} characters; at most ${maxTermLength} are accepted`;
  return null;
}
