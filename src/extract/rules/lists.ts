/**
 * Lists: a colon-introduced list under an attribution ("the framework included:" and one item per
 * line, each a claim of the same teller) and a section heading over a list (“Syria's Demands:”,
 * "#### Syria's Demands": the possessor is the speaker of every item).
 */
import type { Lexicon } from '../lexicon.js';
import type { Attribution, Span } from './types.js';

/** Longest line that still reads as a list item rather than a paragraph of prose. */
const MAX_ITEM_LENGTH = 400;

/**
 * The items of a list that starts on the line after `from`: one item per non-empty line, as long as
 * the list goes on — the previous item ends with ";" or "," (or "and"/"or"), or the items stand on
 * adjacent lines (a Markdown list). A heading, a line ending with ":" or a long paragraph ends it.
 */
export function listItemsAfter(text: string, from: number): Span[] {
  const items: Span[] = [];
  let pos = from;
  let previous = '';
  for (;;) {
    let start = pos;
    let breaks = 0;
    while (start < text.length && /\s/.test(text[start]!)) {
      if (text[start] === '\n') breaks++;
      start++;
    }
    if (start >= text.length || (items.length === 0 && breaks === 0)) break;
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trimEnd();
    if (line.length > MAX_ITEM_LENGTH || line.startsWith('#') || line.endsWith(':')) break;
    if (items.length > 0) {
      const continues = /[;,]$|\b(and|or)$/.test(previous) || (breaks === 1 && previous.length <= 300);
      if (!continues) break;
    }
    const bullet = /^(?:[-*+•]|\d+[.)])\s+/.exec(line);
    const itemStart = start + (bullet ? bullet[0].length : 0);
    let itemEnd = start + line.length;
    while (itemEnd > itemStart && /[\s;,.]/.test(text[itemEnd - 1]!)) itemEnd--;
    if (itemEnd <= itemStart) break;
    items.push({ start: itemStart, end: itemEnd });
    previous = line;
    pos = end;
  }
  return items;
}

function innermost(a: Attribution): Attribution {
  let x = a;
  while (x.inner) x = x.inner;
  return x;
}

/** The list under an attribution whose content ends with a colon at the end of its line. */
export function listOf(text: string, a: Attribution): Span[] | undefined {
  const last = innermost(a).content.at(-1);
  if (!last) return undefined;
  const colon = /^[ \t]*:?[ \t]*\n/.exec(text.slice(last.end));
  if (!colon) return undefined;
  if (!(colon[0].includes(':') || text[last.end - 1] === ':')) return undefined;
  const items = listItemsAfter(text, last.end + colon[0].length - 1);
  return items.length > 0 ? items : undefined;
}

/** “Syria's Demands:” (or a Markdown heading "#### Syria's Demands") over a list of items. */
const HEADING =
  /^(#{1,6}[ \t]+)?(\p{Lu}[\p{L}\p{M}.\- ]{0,40}?)['’]s[ \t]+([\p{L} ]{2,30}?)[ \t]*(:?)[ \t]*$/gmu;

export function headingAttributions(text: string, lex: Lexicon): Attribution[] {
  const out: Attribution[] = [];
  for (const m of text.matchAll(HEADING)) {
    const [line, hashes = '', owner = '', noun = '', colon] = m;
    if (hashes === '' && colon === '') continue;
    const entry = lex.headings.get(noun.toLowerCase());
    if (!entry) continue;
    const sourceStart = m.index + hashes.length;
    const sourceEnd = sourceStart + owner.length;
    const cueStart = text.indexOf(noun, sourceEnd);
    const items = listItemsAfter(text, m.index + line.length);
    if (items.length === 0) continue;
    out.push({
      source: { start: sourceStart, end: sourceEnd },
      cue: { start: cueStart, end: cueStart + noun.length },
      content: [items[0]!],
      items,
      entry,
      relays: [],
      pattern: 'heading-list',
      confidence: 0.6,
    });
  }
  return out;
}

/** Whether the line holding `offset` is a Markdown heading (`# ...`). */
export function isHeadline(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^#{1,6}\s/u.test(text.slice(lineStart, lineStart + 7));
}
