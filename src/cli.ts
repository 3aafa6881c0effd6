/**
 * The commands a user runs:
 *   migrate                 apply schema migrations
 *   ingest <file>...        validate and ingest article documents (one transaction each)
 *   neo4j                   run the provisioned Neo4j in the foreground (Ctrl-C stops it)
 *   print-schema [--check]  write schema.graphql (or fail when it differs from the code)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from './config.js';
import { createLogger } from './log.js';
import { startDatabase } from './app.js';
import { ingestFile } from './graph/ingest.js';
import { DocumentValidationError } from './domain/validate.js';
import { repoRoot } from './paths.js';

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'print-schema': {
      const { printedSchema } = await import('./schema/index.js');
      const file = path.join(repoRoot, 'schema.graphql');
      const sdl = printedSchema();
      if (args.includes('--check')) {
        const committed = readFileSync(file, 'utf8');
        if (committed !== sdl) {
          console.error('schema.graphql differs from the code: run `npm run print-schema`');
          return 1;
        }
        console.log('schema.graphql is up to date');
        return 0;
      }
      writeFileSync(file, sdl);
      console.log(`wrote ${path.relative(process.cwd(), file)}`);
      return 0;
    }
    case 'migrate':
    case 'ingest':
    case 'neo4j': {
      const config = loadConfig();
      const log = createLogger(config);
      if (command === 'ingest' && args.length === 0) {
        console.error('usage: npm run ingest -- <document.json> [more.json ...]');
        return 64;
      }
      const started = await startDatabase(config, log);
      try {
        if (command === 'ingest') {
          let failed = 0;
          for (const file of args) {
            try {
              const r = await ingestFile(started.db, path.resolve(file), { by: 'cli' });
              const changed = Object.values(r.counters).some((v) => v > 0);
              console.log(
                `${file}: ${r.claims} claims, ${r.tellings} tellings (${changed ? 'changed' : 'unchanged'})`,
              );
            } catch (error) {
              failed++;
              if (error instanceof DocumentValidationError) {
                console.error(`${file}: rejected, nothing written:`);
                for (const i of error.issues) {
                  console.error(`  ${i.path}: ${i.message}${i.claimId ? ` (claim ${i.claimId})` : ''}`);
                }
              } else {
                console.error(`${file}: ${(error as Error).message}`);
              }
            }
          }
          return failed > 0 ? 1 : 0;
        }
        if (command === 'neo4j') {
          console.log(`Neo4j (${started.target.provider}) at ${started.target.uri}; Ctrl-C stops it`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
        }
        return 0;
      } finally {
        await started.close();
      }
    }
    default:
      console.error('usage: tsx src/cli.ts <migrate|ingest|neo4j|print-schema> [...]');
      return 64;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
