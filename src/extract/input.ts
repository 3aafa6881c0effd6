/**
 * Turns an article given as HTML, Markdown or plain text into the plain text that becomes
 * `article.text`. Every offset the extractor reports points into this text, so the cleaning
 * happens once, up front, and nothing later re-reads the raw input.
 */

/** The formats an article can be submitted in. */
export const INPUT_FORMATS = ['text', 'markdown', 'html'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export function detectFormat(raw: string, fileName?: string): InputFormat {
  if (fileName && /\.html?$/i.test(fileName)) return 'html';
  if (fileName && /\.(md|markdown)$/i.test(fileName)) return 'markdown';
  if (/<\/?(html|body|article|p|div|br|h[1-6]|span)\b[^>]*>/i.test(raw)) return 'html';
  if (/^#{1,6}\s|\[[^\]]+\]\([^)]+\)|^\s*[-*]\s|\*\*[^*]+\*\*/m.test(raw)) return 'markdown';
  return 'text';
}

export function toPlainText(raw: string, format: InputFormat = detectFormat(raw)): string {
  const text = format === 'html' ? htmlToText(raw) : format === 'markdown' ? markdownToText(raw) : raw;
  return tidy(text);
}

const BOILERPLATE_ELEMENTS = [
  'script',
  'style',
  'noscript',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'svg',
  'figure',
  'iframe',
  'button',
];
const BLOCK_ELEMENTS =
  /<\/?(p|div|section|article|main|h[1-6]|li|ul|ol|blockquote|pre|table|tr|td|th|dl|dt|dd|hr)\b[^>]*>/gi;

export function htmlToText(html: string): string {
  let s = html.replace(/<!--[\s\S]*?-->/g, '');
  // Prefer the article body when the page marks one: menus and related links live outside it.
  const article = /<article\b[^>]*>([\s\S]*?)<\/article>/i.exec(s);
  if (article?.[1]) s = article[1];
  for (const tag of BOILERPLATE_ELEMENTS) {
    s = s.replace(new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?<\\/${tag}>`, 'gi'), ' ');
  }
  s = s
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK_ELEMENTS, '\n\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(s)
    .replace(/[ \t\f\v\u00a0]*\n[ \t\f\v\u00a0]*/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ');
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  laquo: '«',
  raquo: '»',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function markdownToText(md: string): string {
  return md
    .replace(/^---\n[\s\S]*?\n---\n/, '') // front matter
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^```.*$/gm, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images carry no prose
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/^[ \t]*(?:[-*+]|\d+\.)[ \t]+/gm, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_](?=[\s).,;:!?]|$)/gm, '$1$2')
    .replace(/^[ \t]*([-*_][ \t]*){3,}$/gm, '');
}

/** Trims lines and collapses runs of blank lines, keeping paragraphs apart. */
function tidy(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
