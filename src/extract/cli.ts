/**
 * `npm run extract -- FILE [options]`: drafts an ArticleDocument from an article (HTML, Markdown,
 * plain text, or JSON with the text and its metadata) and prints it or writes it to a file.
 *
 * Every check that can fail without a database runs first: the file, its JSON, the metadata. With
 * --ingest the draft is written to a file before the database is tried, so a database failure
 * loses nothing. Exit codes: 0 done, 1 failure, 2 usage error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkInputFile, CommandError, EXIT, readJsonFile, runCommand, UsageError } from '../cli-kit.js';
import { DocumentValidationError } from '../domain/validate.js';
import { extractDocument } from './build.js';
import type { InputFormat } from './input.js';
import type { ArticleMeta } from './meta.js';

const spec = {
  name: 'npm run extract --',
  synopsis: 'FILE [options]',
  description:
    'Drafts attributed claims with their chains from one article and prints them as an article document ' +
    '(the ingest format).\nFILE is HTML, Markdown or plain text, or JSON of the form ' +
    '{"text": "...", "title", "publisher", "date", "url", "author", "language"}.\n' +
    'Title, publisher and publication date are taken from the page (HTML metadata, Markdown front matter, ' +
    'first heading)\nunless given; when neither gives one, extract stops and says which.',
  options: {
    title: { type: 'string' },
    publisher: { type: 'string' },
    date: { type: 'string' },
    url: { type: 'string' },
    author: { type: 'string' },
    language: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    ingest: { type: 'boolean', default: false },
  },
  optionHelp: {
    title: 'article title (default: from the page)',
    publisher: 'publisher name, e.g. "Noon Post" (default: from the page, else the URL\'s host)',
    date: 'publication date, YYYY-MM-DD or ISO date-time (default: from the page)',
    url: "article URL (default: the page's canonical link, else a content hash)",
    author: 'author (default: from the page, else none)',
    language: 'BCP-47 language tag (default: from the page, else en)',
    format: 'html, markdown or text (default: from the file name and content)',
    out: 'write the document there instead of stdout (with --ingest, default: NAME.draft.json here)',
    ingest:
      'also resolve actors against the graph and ingest the drafts (status draft); the document is written first (default: off)',
  },
} as const;

const FORMATS = new Set<InputFormat>(['html', 'markdown', 'text']);

const JsonArticle = z.object({
  text: z.string().optional(),
  content: z.string().optional(),
  title: z.string().optional(),
  publisher: z.string().optional(),
  date: z.string().optional(),
  publishedAt: z.string().optional(),
  url: z.string().optional(),
  author: z.string().optional(),
  language: z.string().optional(),
  format: z.enum(['html', 'markdown', 'text']).optional(),
});

interface Request {
  file: string;
  raw: string;
  format?: InputFormat;
  meta: ArticleMeta;
  out?: string;
  ingest: boolean;
}

type Values = {
  [K in keyof typeof spec.options]?: (typeof spec.options)[K]['type'] extends 'boolean' ? boolean : string;
};

/** Everything that can be checked without a database: arguments, the file, its JSON, the metadata flags. */
function request(values: Values, positionals: string[]): Request {
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'no FILE given' : 'give one FILE');
  const file = positionals[0]!;
  if (values.format !== undefined && !FORMATS.has(values.format as InputFormat))
    throw new UsageError(`--format must be html, markdown or text, got "${values.format}"`);
  const meta: ArticleMeta = {};
  let format = values.format as InputFormat | undefined;
  let raw: string;
  if (/\.json$/i.test(file)) {
    const article = JsonArticle.safeParse(readJsonFile(file));
    if (!article.success) {
      const issue = article.error.issues[0]!;
      throw new CommandError(`${file}: ${issue.path.join('.') || 'the top level'}: ${issue.message}`);
    }
    const a = article.data;
    const text = a.text ?? a.content;
    if (!text?.trim()) throw new CommandError(`${file}: no "text" (the article's words) in the JSON`);
    raw = text;
    format ??= a.format;
    const date = a.date ?? a.publishedAt;
    Object.assign(meta, {
      ...(a.title ? { title: a.title } : {}),
      ...(a.publisher ? { publisher: a.publisher } : {}),
      ...(date ? { date } : {}),
      ...(a.url ? { url: a.url } : {}),
      ...(a.author ? { author: a.author } : {}),
      ...(a.language ? { language: a.language } : {}),
    });
  } else {
    checkInputFile(file);
    raw = readFileSync(file, 'utf8');
    if (raw.trim() === '') throw new CommandError(`${file}: the file is empty`);
  }
  for (const key of ['url', 'title', 'publisher', 'date', 'language', 'author'] as const) {
    const v = values[key];
    if (v !== undefined) {
      if (v.trim() === '') throw new UsageError(`--${key} is empty`);
      meta[key] = v;
    }
  }
  const ingest = values.ingest === true;
  const out =
    values.out ?? (ingest ? `${path.basename(file).replace(/\.[^.]+$/, '')}.draft.json` : undefined);
  return { file, raw, ...(format ? { format } : {}), meta, ...(out ? { out } : {}), ingest };
}

/** A missing-metadata error in the words of this command: which flag supplies what. */
function metadataMessage(file: string, error: DocumentValidationError): string {
  const flags: Record<string, string> = {
    'article.title': '--title',
    'article.publisher': '--publisher',
    'article.publishedAt': '--date',
  };
  return `${file}: ${error.issues.map((i) => `${i.message}${flags[i.path] ? ` with ${flags[i.path]}` : ''}`).join('; ')}`;
}

await runCommand(spec, async ({ values, positionals }) => {
  const req = request(values as Values, positionals);
  const { file, raw, meta } = req;
  const options = { fileName: file, ...(req.format ? { format: req.format } : {}) };
  let doc;
  try {
    doc = extractDocument(raw, meta, options);
  } catch (error) {
    if (error instanceof DocumentValidationError && error.issues.every((i) => i.path.startsWith('article.')))
      throw new CommandError(metadataMessage(file, error));
    throw error;
  }
  const write = (d: unknown) => {
    const json = `${JSON.stringify(d, null, 2)}\n`;
    if (req.out) writeFileSync(req.out, json);
    else process.stdout.write(json);
  };
  // Written before any database work: whatever happens next, the draft is kept.
  write(doc);
  if (!req.ingest) return EXIT.ok;
  process.stderr.write(`extract: draft written to ${req.out}; ingesting\n`);
  const { loadConfig } = await import('../config.js');
  const { createLogger } = await import('../log.js');
  const { startDatabase } = await import('../app.js');
  const { extractIntoGraph } = await import('../graph/extraction.js');
  const config = loadConfig();
  const started = await startDatabase(config, createLogger(config));
  try {
    const result = await extractIntoGraph(started.db, raw, meta, { ...options, ingest: true });
    write(result.document);
    process.stderr.write(
      `extract: ingested ${result.ingested?.claims ?? 0} draft claims into ${result.ingested?.articleKey}; ` +
        `${result.matches.length} actors joined existing nodes; ${req.out} holds the resolved document\n`,
    );
  } finally {
    await started.close();
  }
  return EXIT.ok;
});
