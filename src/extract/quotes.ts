/**
 * Quotation marks paired across a paragraph. Quoted content often runs over several sentences,
 * so sentence-local rules need to know where the quote that closes before "he said" opened.
 */

export interface QuotePairs {
  /** Closing-quote offset -> opening-quote offset. */
  openOf: Map<number, number>;
  /** Opening-quote offset -> closing-quote offset (exclusive end of the closing mark). */
  closeOf: Map<number, number>;
}

const OPENERS = new Set(['“', '«']);
const CLOSERS = new Set(['”', '»']);

export function pairQuotes(text: string): QuotePairs {
  const openOf = new Map<number, number>();
  const closeOf = new Map<number, number>();
  let open: number | undefined;
  let straightOpen: number | undefined;
  const close = (from: number | undefined, at: number) => {
    if (from === undefined) return;
    openOf.set(at, from);
    closeOf.set(from, at + 1);
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      // News style leaves a quote open at the end of a paragraph when it continues in the next;
      // pairing stops at the paragraph so one stray mark cannot swallow the article.
      open = undefined;
      straightOpen = undefined;
    } else if (OPENERS.has(ch)) {
      open = i;
    } else if (CLOSERS.has(ch)) {
      close(open, i);
      open = undefined;
    } else if (ch === '"') {
      if (straightOpen === undefined) straightOpen = i;
      else {
        close(straightOpen, i);
        straightOpen = undefined;
      }
    }
  }
  return { openOf, closeOf };
}

export function isOpeningQuote(s: string): boolean {
  return OPENERS.has(s) || s === '"' || s === '``' || s === "''";
}

export function isClosingQuote(s: string): boolean {
  return CLOSERS.has(s) || s === '"' || s === "''";
}
