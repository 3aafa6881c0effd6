/**
 * An article's title, publisher, publication date, URL, author and language as the page itself
 * states them: HTML metadata (Open Graph, article:published_time, JSON-LD, <title>, canonical
 * link, <time datetime>), Markdown front matter, or the first heading. Nothing here guesses:
 * what the page does not state stays undefined, and `requireMeta` turns the gaps into one error,
 * so no article is ever dated today, titled by its dateline or published by "Unknown publisher".
 */
import { DocumentValidationError } from '../domain/validate.js';
import type { InputFormat } from './input.js';
import { decodeEntities } from './input.js';

export interface ArticleMeta {
  url?: string;
  title?: string;
  /** Publisher name ("Noon Post"). */
  publisher?: string;
  /** ISO date or date-time (YYYY-MM-DD, optionally with a time). */
  date?: string;
  /** BCP-47 language tag; default "en" (the lexicons are English). */
  language?: string;
  author?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A date the document format accepts, or undefined: "2026-01-05", "2026-01-05T09:30:00Z". */
export function isoDate(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v || !ISO_DATE.test(v)) return undefined;
  const day = v.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) return undefined;
  return v.replace(' ', 'T');
}

function clean(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const v = decodeEntities(s.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
  return v === '' ? undefined : v;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Content of the first <meta> whose property/name/itemprop is one of `keys` (in the order of `keys`). */
function metaContent(html: string, keys: readonly string[]): string | undefined {
  const tags = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => m[0]);
  for (const key of keys) {
    for (const tag of tags) {
      const name = attr(tag, 'property') ?? attr(tag, 'name') ?? attr(tag, 'itemprop');
      if (name?.toLowerCase() === key) {
        const v = clean(attr(tag, 'content'));
        if (v) return v;
      }
    }
  }
  return undefined;
}

/** datePublished, headline and publisher.name from JSON-LD blocks (NewsArticle and kin). */
function jsonLd(html: string): { date?: string; title?: string; publisher?: string; author?: string } {
  const out: { date?: string; title?: string; publisher?: string; author?: string } = {};
  for (const m of html.matchAll(/<script\b[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gi)) {
    let data: unknown;
    try {
      data = JSON.parse(m[1]!);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const node = queue.shift();
      if (Array.isArray(node)) queue.push(...(node as unknown[]));
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (Array.isArray(o['@graph'])) queue.push(...(o['@graph'] as unknown[]));
        if (typeof o.datePublished === 'string') out.date ??= o.datePublished;
        if (typeof o.headline === 'string') out.title ??= o.headline;
        const pub = o.publisher as Record<string, unknown> | undefined;
        if (pub && typeof pub.name === 'string') out.publisher ??= pub.name;
        const author = (Array.isArray(o.author) ? o.author[0] : o.author) as
          Record<string, unknown> | undefined;
        if (author && typeof author.name === 'string') out.author ??= author.name;
      }
    }
  }
  return out;
}

/** A date-time in ISO form from a page value ("2026-01-05T09:30:00+03:00" or "2026-01-05"). */
function pageDate(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  return isoDate(v) ?? (/^\d{4}-\d{2}-\d{2}/.test(v) ? isoDate(v.slice(0, 10)) : undefined);
}

export function htmlMeta(html: string): ArticleMeta {
  const ld = jsonLd(html);
  const titleTag = clean(/<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]);
  const h1 = clean(/<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1]);
  const timeTag = /<time\b[^>]*>/i.exec(html)?.[0];
  const canonical = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .find((t) => attr(t, 'rel')?.toLowerCase() === 'canonical');
  const meta: ArticleMeta = {};
  const title = metaContent(html, ['og:title', 'twitter:title']) ?? clean(ld.title) ?? h1 ?? titleTag;
  if (title) meta.title = title;
  const publisher =
    metaContent(html, ['og:site_name', 'application-name', 'publisher', 'dc.publisher']) ??
    clean(ld.publisher);
  if (publisher) meta.publisher = publisher;
  const date =
    pageDate(
      metaContent(html, [
        'article:published_time',
        'datepublished',
        'date',
        'pubdate',
        'publishdate',
        'dc.date',
        'dc.date.issued',
        'parsely-pub-date',
      ]),
    ) ??
    pageDate(ld.date) ??
    pageDate(timeTag ? attr(timeTag, 'datetime') : undefined);
  if (date) meta.date = date;
  const url = (canonical ? attr(canonical, 'href') : undefined) ?? metaContent(html, ['og:url']);
  if (url && /^https?:\/\//i.test(url)) meta.url = url;
  const author = metaContent(html, ['author', 'article:author']) ?? clean(ld.author);
  if (author && !/^https?:/i.test(author)) meta.author = author;
  const lang = /<html\b[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)/i.exec(html)?.[1];
  if (lang) meta.language = lang;
  return meta;
}

const FRONT_MATTER_KEYS: Record<string, keyof ArticleMeta> = {
  title: 'title',
  publisher: 'publisher',
  source: 'publisher',
  site: 'publisher',
  outlet: 'publisher',
  date: 'date',
  published: 'date',
  publishedat: 'date',
  published_at: 'date',
  url: 'url',
  link: 'url',
  author: 'author',
  lang: 'language',
  language: 'language',
};

export function markdownMeta(md: string): ArticleMeta {
  const meta: ArticleMeta = {};
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(md);
  if (front) {
    for (const line of front[1]!.split(/\r?\n/)) {
      const m = /^([A-Za-z_]+)\s*:\s*(.*)$/.exec(line);
      const key = m ? FRONT_MATTER_KEYS[m[1]!.toLowerCase()] : undefined;
      if (!m || !key) continue;
      const value = m[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
      if (value === '') continue;
      if (key === 'date') {
        const d = pageDate(value);
        if (d) meta.date = d;
      } else meta[key] = value;
    }
  }
  if (!meta.title) {
    const heading = /^#[ \t]+(.+?)[ \t#]*$/m.exec(front ? md.slice(front[0].length) : md)?.[1];
    const title = clean(heading);
    if (title) meta.title = title;
  }
  return meta;
}

/** What the page states about itself; plain text states nothing. */
export function pageMeta(raw: string, format: InputFormat): ArticleMeta {
  if (format === 'html') return htmlMeta(raw);
  if (format === 'markdown') return markdownMeta(raw);
  return {};
}

/** Values given by the user win over the page's; undefined values are dropped. */
export function mergeMeta(given: ArticleMeta, page: ArticleMeta): ArticleMeta {
  const out: ArticleMeta = { ...page };
  for (const [k, v] of Object.entries(given) as [keyof ArticleMeta, string | undefined][]) {
    if (v !== undefined && v.trim() !== '') out[k] = v;
  }
  return out;
}

export type CompleteMeta = ArticleMeta & { title: string; publisher: string; date: string };

/**
 * The metadata with title, publisher and date present and the date in ISO form, or one
 * DocumentValidationError naming every gap (the API reports it as a ValidationError).
 */
export function requireMeta(meta: ArticleMeta): CompleteMeta {
  const issues: { path: string; message: string }[] = [];
  if (!meta.title?.trim())
    issues.push({
      path: 'article.title',
      message: 'no title: the page has no title or first heading; give one',
    });
  if (!meta.publisher?.trim())
    issues.push({ path: 'article.publisher', message: 'no publisher: the page does not name one; give one' });
  if (!meta.date?.trim())
    issues.push({
      path: 'article.publishedAt',
      message: 'no publication date: the page does not state one; give one (YYYY-MM-DD)',
    });
  else if (!isoDate(meta.date))
    issues.push({ path: 'article.publishedAt', message: `not an ISO date: "${meta.date}" (YYYY-MM-DD)` });
  if (issues.length > 0) throw new DocumentValidationError(issues);
  return { ...meta, date: isoDate(meta.date)! } as CompleteMeta;
}
