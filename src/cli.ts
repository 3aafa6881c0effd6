/**
 * The commands a user runs (`npm run <command> -- --help` for each):
 *   migrate                 apply schema migrations
 *   ingest <file>...        validate and ingest article documents (one transaction each)
 *   ingest --bulk <dir>     validate every document of a folder, then load them in batches
 *   neo4j                   run the provisioned Neo4j in the foreground (Ctrl-C stops it)
 *   print-schema [--check]  write schema.graphql (or fail when it differs from the code)
 *
 * Conventions (src/cli-kit.ts): --help touches nothing; arguments and files are checked before
 * the database starts; exit 0 done, 1 failed, 2 wrong command line.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  CommandError,
  EXIT,
  Progress,
  readJsonFile,
  reportError,
  runCommand,
  UsageError,
  wholeNumber,
  type CommandSpec,
} from './cli-kit.js';
import { DocumentValidationError, parseArticleDocument } from './domain/validate.js';

const noOptions = {} as const;

const COMMANDS = {
  migrate: {
    name: 'npm run migrate --',
    synopsis: '',
    description: 'Applies the pending schema migrations (cypher/migrations) to the configured Neo4j.',
    options: noOptions,
    allowPositionals: false,
  },
  ingest: {
    name: 'npm run ingest --',
    synopsis: '<document.json> [more.json ...] | --bulk <dir>',
    description:
      'Validates every article document first (nothing starts when one is missing or invalid),\n' +
      'then ingests each in its own transaction. Re-ingesting an unchanged document changes nothing.\n' +
      'With --bulk: every *.json under <dir>, in path order, validated as a set (relations may point\n' +
      'to claims of earlier files), then written many articles per transaction, graded in each, the\n' +
      'same graph as one by one. Bulk runs no cross-article matching: ingest a file on its own to\n' +
      'have it matched.',
    options: { bulk: { type: 'string' }, batch: { type: 'string' } },
    optionHelp: {
      bulk: 'a folder of article documents to load in bulk',
      batch: 'articles per transaction with --bulk (default 200)',
    },
    epilogue: 'Progress (count, rate, ETA) goes to stderr when it is a terminal.',
  },
  neo4j: {
    name: 'npm run neo4j --',
    synopsis: '',
    description: 'Runs the provisioned Neo4j in the foreground and prints its address; Ctrl-C stops it.',
    options: noOptions,
    allowPositionals: false,
  },
  'print-schema': {
    name: 'npm run print-schema --',
    synopsis: '[--check]',
    description: 'Writes schema.graphql from the code, or with --check fails when the file differs.',
    options: { check: { type: 'boolean' } },
    optionHelp: { check: 'compare instead of writing; exit 1 when schema.graphql is out of date' },
    allowPositionals: false,
  },
} satisfies Record<string, CommandSpec<Record<string, { type: 'boolean' | 'string' }>>>;

type CommandName = keyof typeof COMMANDS;

const TOP: CommandSpec<typeof noOptions> = {
  name: 'tsx src/cli.ts',
  synopsis: `<${Object.keys(COMMANDS).join('|')}> [...]`,
  description: 'The claim graph commands; `<command> --help` describes each.',
  options: noOptions,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h') return runCommand(TOP, async () => EXIT.ok, ['--help']);
  if (!command || !(command in COMMANDS)) {
    return reportError(TOP, new UsageError(command ? `unknown command "${command}"` : 'no command given'));
  }
  switch (command as CommandName) {
    case 'print-schema':
      return runCommand(
        COMMANDS['print-schema'],
        async ({ values }) => printSchema(values.check === true),
        args,
      );
    case 'migrate':
      return runCommand(COMMANDS.migrate, () => withDatabase(async () => EXIT.ok), args);
    case 'neo4j':
      return runCommand(
        COMMANDS.neo4j,
        () =>
          withDatabase(async (started) => {
            console.log(`Neo4j (${started.target.provider}) at ${started.target.uri}; Ctrl-C stops it`);
            if (started.target.passwordFile)
              console.log(
                `user neo4j, password in ${path.relative(process.cwd(), started.target.passwordFile)} ` +
                  '(other tools: NEO4J_URI=<that address> NEO4J_PASSWORD_FILE=<that file>)',
              );
            await new Promise<void>((resolve) => {
              process.once('SIGINT', resolve);
              process.once('SIGTERM', resolve);
            });
            return EXIT.ok;
          }),
        args,
      );
    case 'ingest':
      return runCommand(
        COMMANDS.ingest,
        ({ positionals, values }) => {
          if (values.bulk === undefined) {
            if (values.batch !== undefined) throw new UsageError('--batch goes with --bulk');
            return ingest(positionals);
          }
          if (positionals.length > 0) throw new UsageError('give either files or --bulk <dir>, not both');
          const batch = wholeNumber(values.batch, 'batch', { min: 1, max: 100_000 }) ?? 200;
          return ingestFolder(values.bulk, batch);
        },
        args,
      );
  }
}

async function printSchema(check: boolean): Promise<number> {
  const { printedSchema } = await import('./schema/index.js');
  const { repoRoot } = await import('./paths.js');
  const file = path.join(repoRoot, 'schema.graphql');
  const sdl = printedSchema();
  if (check) {
    if (readFileSync(file, 'utf8') !== sdl) {
      throw new CommandError('schema.graphql differs from the code: run `npm run print-schema`');
    }
    console.log('schema.graphql is up to date');
    return EXIT.ok;
  }
  writeFileSync(file, sdl);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  return EXIT.ok;
}

type Started = Awaited<ReturnType<(typeof import('./app.js'))['startDatabase']>>;

/** Reads the configuration, starts the database (with migrations), runs `work`, closes. */
async function withDatabase(work: (started: Started) => Promise<number>): Promise<number> {
  // Imported here so --help and argument errors load neither the driver nor the configuration.
  const { loadConfig } = await import('./config.js');
  const { createLogger } = await import('./log.js');
  const { startDatabase } = await import('./app.js');
  const config = loadConfig();
  const started = await startDatabase(config, createLogger(config));
  try {
    return await work(started);
  } finally {
    await started.close();
  }
}

/** Every file is read and validated before the database starts; then each is ingested. */
async function ingest(files: string[]): Promise<number> {
  if (files.length === 0) throw new UsageError('give at least one document file');
  const documents: { file: string; json: unknown }[] = [];
  let invalid = 0;
  for (const file of files) {
    try {
      const json = readJsonFile(file);
      parseArticleDocument(json);
      documents.push({ file, json });
    } catch (error) {
      if (error instanceof UsageError) throw error;
      invalid++;
      reportDocumentError(file, error);
    }
  }
  if (invalid > 0) {
    process.stderr.write(`${invalid} of ${files.length} files rejected; nothing was ingested\n`);
    return EXIT.failure;
  }
  const { ingestDocument } = await import('./graph/ingest.js');
  return withDatabase(async ({ db }) => {
    const progress = new Progress('ingest', { total: documents.length });
    let failed = 0;
    for (const { file, json } of documents) {
      try {
        const r = await ingestDocument(db, json, { by: 'cli' });
        console.log(
          `${file}: ${r.claims} claims, ${r.tellings} tellings (${r.changed ? 'changed' : 'unchanged'})`,
        );
      } catch (error) {
        failed++;
        reportDocumentError(file, error);
      }
      progress.tick();
    }
    progress.finish();
    return failed > 0 ? EXIT.failure : EXIT.ok;
  });
}

/** Every *.json under `dir`, in path order. */
function documentFiles(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`--bulk ${dir}: not a folder`);
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`--bulk ${dir}: ${(error as Error).message}`);
  }
  const files = entries
    .filter((f) => f.endsWith('.json'))
    .map((f) => path.join(dir, f))
    .sort();
  if (files.length === 0) throw new UsageError(`--bulk ${dir}: no .json files in it`);
  return files;
}

/** `ingest --bulk DIR`: read every file, validate the set, then load it in batches. */
async function ingestFolder(dir: string, batch: number): Promise<number> {
  const files = documentFiles(dir);
  const inputs: { name: string; json: unknown }[] = [];
  let unreadable = 0;
  for (const file of files) {
    try {
      const json = readJsonFile(file);
      // Each document checked before the database starts, as for files given one by one; the set
      // (duplicates, relations between files and into the graph) is checked by ingestBulk.
      parseArticleDocument(json);
      inputs.push({ name: file, json });
    } catch (error) {
      if (error instanceof UsageError) throw error;
      unreadable++;
      reportDocumentError(file, error);
    }
  }
  if (unreadable > 0) {
    process.stderr.write(`${unreadable} of ${files.length} files rejected; nothing was ingested\n`);
    return EXIT.failure;
  }
  const { ingestBulk, BulkValidationError } = await import('./graph/ingest-bulk.js');
  return withDatabase(async ({ db }) => {
    const claims = inputs.reduce((n, i) => n + claimCount(i.json), 0);
    const progress = new Progress('bulk ingest (claims)', { total: claims });
    let done = 0;
    try {
      const started = Date.now();
      const r = await ingestBulk(db, inputs, {
        by: 'cli',
        articlesPerTx: batch,
        onProgress: (p) => {
          progress.tick(p.claims - done);
          done = p.claims;
        },
      });
      progress.finish();
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `${r.articles} articles, ${r.claims} claims in ${r.transactions} transactions, ${seconds.toFixed(1)} s ` +
          `(${Math.round(r.claims / Math.max(seconds, 0.001))} claims/s); ${r.unchanged} unchanged, ${r.edited} edited one by one`,
      );
      return EXIT.ok;
    } catch (error) {
      progress.finish();
      if (!(error instanceof BulkValidationError)) throw error;
      process.stderr.write(`rejected, nothing written (${error.issues.length} problems):\n`);
      for (const i of error.issues) process.stderr.write(`  ${i.input}: ${i.path}: ${i.message}\n`);
      return EXIT.failure;
    }
  });
}

const claimCount = (json: unknown) => {
  const claims = (json as { claims?: unknown } | null)?.claims;
  return Array.isArray(claims) ? claims.length : 0;
};

function reportDocumentError(file: string, error: unknown): void {
  if (error instanceof DocumentValidationError) {
    process.stderr.write(`${file}: rejected, nothing written:\n`);
    for (const i of error.issues) {
      process.stderr.write(`  ${i.path}: ${i.message}${i.claimId ? ` (claim ${i.claimId})` : ''}\n`);
    }
  } else if (error instanceof CommandError) {
    process.stderr.write(`${error.message}\n`); // already names the file
  } else {
    process.stderr.write(`${file}: ${(error as Error).message}\n`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(TOP, error);
  },
);
