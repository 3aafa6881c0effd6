/**
 * `npm run backup -- <file>` writes a logical backup of the whole graph (src/db/backup.ts) to
 * <file> (gzip when it ends in .gz); `npm run restore -- <file>` rebuilds that graph into an empty
 * database. Both connect the way `npm start` does (src/db/provision.ts) and follow the command-line
 * conventions of src/cli-kit.ts: --help without a database, exit 0 done / 1 failed / 2 usage,
 * progress on stderr when it is a terminal.
 */
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { checkInputFile, CommandError, EXIT, Progress, runCommand, UsageError } from './cli-kit.js';

const backupSpec = {
  name: 'npm run backup --',
  synopsis: '<file.jsonl | file.jsonl.gz> [--force]',
  description:
    'Writes every node and relationship of the graph, typed, as JSON lines (gzip for .gz), read in\n' +
    'one transaction; the file appears only once complete. Restore it with `npm run restore`.',
  options: { force: { type: 'boolean' } },
  optionHelp: { force: 'replace the file if it exists' },
} as const;

const restoreSpec = {
  name: 'npm run restore --',
  synopsis: '<file.jsonl | file.jsonl.gz>',
  description:
    'Rebuilds the graph of a backup into an empty database (migrations applied first): the same\n' +
    'nodes, relationships and property values. Refuses a database that holds anything; on failure\n' +
    'removes what it wrote.',
  options: {},
} as const;

async function connectDatabase() {
  // Imported only now: --help and bad arguments load neither the driver nor the configuration.
  const { loadConfig } = await import('./config.js');
  const { startDatabase } = await import('./app.js');
  const { createLogger } = await import('./log.js');
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  return startDatabase(config, createLogger(config));
}

const gz = (file: string) => file.endsWith('.gz');

const [command, ...args] = process.argv.slice(2);
if (command === 'backup') {
  void runCommand(
    backupSpec,
    async ({ values, positionals }) => {
      if (positionals.length !== 1) throw new UsageError('give one file to write');
      const file = positionals[0]!;
      const dir = path.dirname(path.resolve(file));
      if (!existsSync(dir) || !statSync(dir).isDirectory())
        throw new UsageError(`${file}: the folder ${path.dirname(file)} does not exist`);
      if (existsSync(file) && !values.force) throw new UsageError(`${file} exists (--force replaces it)`);
      const { writeBackup, BackupError } = await import('./db/backup.js');
      const started = await connectDatabase();
      const partial = `${file}.partial`;
      try {
        const progress = new Progress('backup (nodes + relationships)');
        const lines = new PassThrough();
        const written = gz(file)
          ? pipeline(lines, createGzip(), createWriteStream(partial))
          : pipeline(lines, createWriteStream(partial));
        const counts = await writeBackup(started.db, lines, (n) => progress.tick(n)).finally(() =>
          lines.end(),
        );
        await written;
        renameSync(partial, file);
        progress.finish();
        process.stderr.write(`wrote ${file}: ${counts.nodes} nodes, ${counts.relationships} relationships\n`);
        return EXIT.ok;
      } catch (error) {
        rmSync(partial, { force: true });
        if (error instanceof BackupError) throw new CommandError(error.message);
        throw error;
      } finally {
        await started.close();
      }
    },
    args,
  );
} else if (command === 'restore') {
  void runCommand(
    restoreSpec,
    async ({ positionals }) => {
      if (positionals.length !== 1) throw new UsageError('give one backup file');
      const file = positionals[0]!;
      checkInputFile(file);
      const { restoreBackup, BackupError } = await import('./db/backup.js');
      const started = await connectDatabase();
      try {
        const progress = new Progress('restore (nodes + relationships)');
        const input = createReadStream(file);
        const counts = await restoreBackup(started.db, gz(file) ? input.pipe(createGunzip()) : input, (n) =>
          progress.tick(n),
        );
        progress.finish();
        process.stderr.write(
          `restored ${file}: ${counts.nodes} nodes, ${counts.relationships} relationships\n`,
        );
        return EXIT.ok;
      } catch (error) {
        if (error instanceof BackupError) throw new CommandError(error.message);
        if ((error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR')
          throw new CommandError(`${file}: not gzip data (${(error as Error).message})`);
        throw error;
      } finally {
        await started.close();
      }
    },
    args,
  );
} else {
  process.stderr.write(
    'usage: tsx src/backup-cli.ts backup|restore ... (npm run backup / npm run restore)\n',
  );
  process.exitCode = EXIT.usage;
}
