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
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DocumentValidationError } from '../domain/validate.js';
import { extractDocument } from './build.js';
import type { InputFormat } from './input.js';
import type { ArticleMeta } from './meta.js';

export const USAGE = `usage: npm run extract -- FILE [options]

Drafts attributed claims with their chains from one article and prints them as an article
document (the ingest format). FILE is HTML, Markdown or plain text, or JSON of the form
{"text": "...", "title", "publisher", "date", "url", "author", "language"}.

Title, publisher and publication date are taken from the page (HTML metadata, Markdown front
matter, first heading) unless given; when neither gives one, extract stops and says which.

options:
  --title T        article title (default: from the page)
  --publisher P    publisher name, e.g. "Noon Post" (default: from the page, else the URL's host)
  --date D         publication date, YYYY-MM-DD or ISO date-time (default: from the page)
  --url U          article URL (default: the page's canonical link; else a content hash)
  --author A       author (default: from the page, else none)
  --language L     BCP-47 language tag (default: from the page, else en)
  --format F       html, markdown or text (default: from the file name and content)
  --out FILE       write the document there instead of stdout
                   (with --ingest, default: NAME.draft.json in the current folder)
  --ingest         also resolve actors against the graph and ingest the drafts (status draft);
                   the document is written to --out first, then the database is tried
  --help           print this text; touches nothing

Exit codes: 0 done, 1 failure (unreadable, empty or invalid input, missing metadata, database),
2 usage error.
`;

class UsageError extends Error {}
class InputError extends Error {}

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

function parse(argv: string[]): Request | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        title: { type: 'string' },
        publisher: { type: 'string' },
        date: { type: 'string' },
        language: { type: 'string' },
        author: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        ingest: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1)
    throw new UsageError(positionals.length === 0 ? 'no FILE given' : 'give one FILE');
  const file = positionals[0]!;
  if (values.format !== undefined && !FORMATS.has(values.format as InputFormat))
    throw new UsageError(`--format must be html, markdown or text, got "${values.format}"`);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${file}: no such file`
        : code === 'EISDIR'
          ? `${file}: is a folder`
          : `${file}: cannot read (${code ?? String(error)})`,
    );
  }
  if (raw.trim() === '') throw new InputError(`${file}: the file is empty`);
  const meta: ArticleMeta = {};
  let format = values.format as InputFormat | undefined;
  if (/\.json$/i.test(file)) {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      throw new InputError(
        `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    const article = JsonArticle.safeParse(data);
    if (!article.success) {
      const issue = article.error.issues[0]!;
      throw new InputError(`${file}: ${issue.path.join('.') || 'the top level'}: ${issue.message}`);
    }
    const a = article.data;
    const text = a.text ?? a.content;
    if (!text?.trim()) throw new InputError(`${file}: no "text" (the article's words) in the JSON`);
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
  }
  for (const key of ['url', 'title', 'publisher', 'date', 'language', 'author'] as const) {
    const v = values[key];
    if (v !== undefined) {
      if (v.trim() === '') throw new UsageError(`--${key} is empty`);
      meta[key] = v;
    }
  }
  const out =
    values.out ?? (values.ingest ? `${path.basename(file).replace(/\.[^.]+$/, '')}.draft.json` : undefined);
  return { file, raw, ...(format ? { format } : {}), meta, ...(out ? { out } : {}), ingest: values.ingest };
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

async function run(argv: string[]): Promise<number> {
  let request;
  try {
    request = parse(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`extract: ${error.message} (see --help)\n`);
      return 2;
    }
    if (error instanceof InputError) {
      process.stderr.write(`extract: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  if (request === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  const { file, raw, meta } = request;
  const options = { fileName: file, ...(request.format ? { format: request.format } : {}) };
  let doc;
  try {
    doc = extractDocument(raw, meta, options);
  } catch (error) {
    if (
      error instanceof DocumentValidationError &&
      error.issues.every((i) => i.path.startsWith('article.'))
    ) {
      process.stderr.write(`extract: ${metadataMessage(file, error)}\n`);
      return 1;
    }
    throw error;
  }
  const write = (d: unknown) => {
    const json = `${JSON.stringify(d, null, 2)}\n`;
    if (request.out) writeFileSync(request.out, json);
    else process.stdout.write(json);
  };
  // Written before any database work: whatever happens next, the draft is kept.
  write(doc);
  if (!request.ingest) return 0;
  process.stderr.write(`extract: draft written to ${request.out}; ingesting\n`);
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
        `${result.matches.length} actors joined existing nodes; ${request.out} holds the resolved document\n`,
    );
  } finally {
    await started.close();
  }
  return 0;
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`extract: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
