/**
 * Logical backup and exact restore (`npm run backup`, `npm run restore`; src/backup-cli.ts).
 *
 * A backup is every node and relationship of the graph with its labels, type and properties,
 * typed (integers, floats, date-times keep their kind), as JSON lines: a header (format, version,
 * the migrations the graph had), the nodes, the relationships, and an end line with the counts (a
 * file without it is truncated). Not a replay of the article documents: re-ingesting would stamp
 * new times on every grade and revision, and assessments, overrides, link decisions and edit
 * history live only in the graph. Restoring writes the same nodes, relationships and property
 * values into an empty database, so every grade is the one that was backed up.
 *
 * The backup reads in one transaction, and fails rather than write a relationship whose end it
 * did not write (a write during the backup). The restore marks every node it creates until the
 * end; when anything fails it deletes them all, so no half-restored graph is left.
 *
 * It talks to the driver itself (it is part of the database boundary): values must reach the file
 * and come back exactly as the driver gives them, without `toPlain`/`toParams`, which would turn
 * a date-time into a string and a float that happens to be whole (a confidence of 1.0) into an
 * integer.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import neo4j, { type Integer } from 'neo4j-driver';
import { cypher } from './cypher.js';
import type { Database } from './database.js';
import { mapDatabaseError } from './errors.js';
import { loadMigrations } from './migrations.js';

export const BACKUP_FORMAT = 'claim-graph-backup';
export const BACKUP_VERSION = 1;
const BATCH = 1000;
/** Labels and types a restore accepts (they reach Cypher as parameters; this keeps out the
 * bookkeeping labels `__Migration` and `__Restoring` and anything that is not a name). */
const LABEL = /^[A-Za-z][A-Za-z0-9_]*$/;
const TYPE = /^[A-Za-z][A-Za-z0-9_]*$/;
const RESTORE_ID = '__restoreId';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupCounts {
  nodes: number;
  relationships: number;
}

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  /** Migration files applied to the backed-up database, in order. */
  migrations: string[];
}

// ---- values -------------------------------------------------------------------------------

type Encoded = string | boolean | null | Encoded[] | { [tag: string]: unknown };

const int = (v: unknown) => neo4j.int(String(v));
const numberOf = (v: Integer | number) => (neo4j.isInt(v) ? v.toNumber() : v);

/** A driver value as JSON that says its Neo4j type. */
export function encodeValue(value: unknown, where: string): Encoded {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (neo4j.isInt(value)) return { $int: value.toString() };
  if (typeof value === 'number') return { $float: Number.isFinite(value) ? value : String(value) };
  if (Array.isArray(value)) return value.map((v, i) => encodeValue(v, `${where}[${i}]`));
  if (neo4j.isDateTime(value)) {
    const v = value;
    return {
      $datetime: [v.year, v.month, v.day, v.hour, v.minute, v.second, v.nanosecond].map(numberOf),
      ...(v.timeZoneId ? { zone: v.timeZoneId } : { offset: numberOf(v.timeZoneOffsetSeconds!) }),
    };
  }
  if (neo4j.isDate(value)) return { $date: [value.year, value.month, value.day].map(numberOf) };
  if (neo4j.isLocalDateTime(value)) {
    const v = value;
    return {
      $localdatetime: [v.year, v.month, v.day, v.hour, v.minute, v.second, v.nanosecond].map(numberOf),
    };
  }
  if (neo4j.isDuration(value)) {
    const v = value;
    return { $duration: [v.months, v.days, v.seconds, v.nanoseconds].map((x) => String(x)) };
  }
  throw new BackupError(`${where}: a value of a type the backup does not support (${typeof value})`);
}

/** The driver value an encoded one stands for. */
export function decodeValue(value: unknown, where: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v, i) => decodeValue(v, `${where}[${i}]`));
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    const list = (tag: string, n: number): number[] => {
      const parts = v[tag];
      if (!Array.isArray(parts) || parts.length !== n || !parts.every((p) => Number.isSafeInteger(Number(p))))
        throw new BackupError(`${where}: ${tag} needs ${n} whole numbers`);
      return parts.map(Number);
    };
    if ('$int' in v && /^-?\d+$/.test(String(v.$int))) return neo4j.int(String(v.$int));
    if (
      '$float' in v &&
      (typeof v.$float === 'number' || ['NaN', 'Infinity', '-Infinity'].includes(String(v.$float)))
    )
      return Number(v.$float);
    if ('$datetime' in v) {
      const [y, mo, d, h, mi, s, ns] = list('$datetime', 7).map(int);
      if (typeof v.zone === 'string')
        return new neo4j.types.DateTime(y!, mo!, d!, h!, mi!, s!, ns!, undefined, v.zone);
      if (Number.isSafeInteger(v.offset))
        return new neo4j.types.DateTime(y!, mo!, d!, h!, mi!, s!, ns!, int(v.offset));
      throw new BackupError(`${where}: a date-time needs a zone or an offset`);
    }
    if ('$date' in v) {
      const [y, mo, d] = list('$date', 3).map(int);
      return new neo4j.types.Date(y!, mo!, d!);
    }
    if ('$localdatetime' in v) {
      const [y, mo, d, h, mi, s, ns] = list('$localdatetime', 7).map(int);
      return new neo4j.types.LocalDateTime(y!, mo!, d!, h!, mi!, s!, ns!);
    }
    if ('$duration' in v) {
      const [mo, d, s, ns] = list('$duration', 4).map(int);
      return new neo4j.types.Duration(mo!, d!, s!, ns!);
    }
  }
  throw new BackupError(
    `${where}: not a value this backup format writes (${JSON.stringify(value)?.slice(0, 80)})`,
  );
}

/** A node's or relationship's properties, encoded (also used to compare graphs in tests). */
export function encodeProps(props: Record<string, unknown>, where: string): Record<string, Encoded> {
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, encodeValue(v, `${where}.${k}`)]));
}

function decodeProps(props: unknown, where: string): Record<string, unknown> {
  if (props === null || typeof props !== 'object' || Array.isArray(props))
    throw new BackupError(`${where}: props must be an object`);
  return Object.fromEntries(
    Object.entries(props).map(([k, v]) => {
      if (k === RESTORE_ID) throw new BackupError(`${where}: the property name ${k} is reserved`);
      return [k, decodeValue(v, `${where}.${k}`)];
    }),
  );
}

// ---- backup -------------------------------------------------------------------------------

async function put(out: Writable, line: unknown): Promise<void> {
  if (!out.write(`${JSON.stringify(line)}\n`))
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      out.once('error', onError);
      out.once('drain', () => {
        out.off('error', onError);
        resolve();
      });
    });
}

/**
 * Writes the whole graph to `out` (not ended here). `onProgress` gets the count of nodes and
 * relationships written so far.
 */
export async function writeBackup(
  db: Database,
  out: Writable,
  onProgress: (n: number) => void = () => {},
): Promise<BackupCounts> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  // One explicit transaction, not a retried one: a retry would write the lines twice.
  const tx = session.beginTransaction({ timeout: db.ingestTimeoutMs });
  const counts = { nodes: 0, relationships: 0 };
  try {
    const migrations = (
      await tx.run('MATCH (m:__Migration) RETURN m.file AS file ORDER BY m.version')
    ).records.map((r) => String(r.get('file')));
    const header: Header = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations,
    };
    await put(out, header);
    const ids = new Set<string>();
    for await (const record of tx.run(cypher('backup/nodes'))) {
      const id = String(record.get('id'));
      ids.add(id);
      await put(out, {
        node: id,
        labels: record.get('labels') as string[],
        props: encodeProps(record.get('props') as Record<string, unknown>, `node ${id}`),
      });
      counts.nodes += 1;
      onProgress(1);
    }
    for await (const record of tx.run(cypher('backup/relationships'))) {
      const [start, end] = [String(record.get('start')), String(record.get('end'))];
      if (!ids.has(start) || !ids.has(end))
        throw new BackupError(
          'the graph changed while it was being backed up (a relationship to a node written after the ' +
            'backup began); back up while no one writes (WRITES_DISABLED=true on the API), then try again',
        );
      await put(out, {
        rel: record.get('type') as string,
        start,
        end,
        props: encodeProps(record.get('props') as Record<string, unknown>, `relationship ${start}->${end}`),
      });
      counts.relationships += 1;
      onProgress(1);
    }
    await put(out, { end: true, ...counts });
    await tx.commit();
    return counts;
  } catch (error) {
    await tx.rollback().catch(() => {});
    throw error instanceof BackupError ? error : mapDatabaseError(error);
  } finally {
    await session.close();
  }
}

/** Nodes (migration records aside) and relationships in the database. */
export async function census(db: Database): Promise<BackupCounts> {
  const [row] = await db.readOne(cypher('backup/census'));
  return { nodes: Number(row?.nodes ?? 0), relationships: Number(row?.relationships ?? 0) };
}

// ---- restore ------------------------------------------------------------------------------

interface NodeRow {
  id: string;
  labels: string[];
  props: Record<string, unknown>;
}
interface RelRow {
  start: string;
  end: string;
  type: string;
  props: Record<string, unknown>;
}

/**
 * Rebuilds the graph of a backup into `db`, which must hold no node yet (migrations are applied
 * first, by the caller). Checks every line as it goes; on any failure deletes what it created and
 * throws. Returns the counts, which are also checked against the backup's own and the database's.
 */
export async function restoreBackup(
  db: Database,
  input: Readable,
  onProgress: (n: number) => void = () => {},
): Promise<BackupCounts> {
  const before = await census(db);
  if (before.nodes > 0 || before.relationships > 0)
    throw new BackupError(
      `the database is not empty (${before.nodes} nodes, ${before.relationships} relationships): ` +
        'restore only into an empty database',
    );
  await db.autocommit('CREATE INDEX backup_restore_id IF NOT EXISTS FOR (n:__Restoring) ON (n.__restoreId)');
  await db.autocommit('CALL db.awaitIndexes(300)');
  const counts = { nodes: 0, relationships: 0 };
  let lineNo = 0;
  let header: Header | undefined;
  let ended: BackupCounts | undefined;
  let nodes: NodeRow[] = [];
  let rels: RelRow[] = [];
  const ids = new Set<string>();
  const flush = async () => {
    if (nodes.length > 0) await writeBatch(db, 'backup/restore-nodes', nodes);
    if (rels.length > 0) await writeBatch(db, 'backup/restore-relationships', rels);
    onProgress(nodes.length + rels.length);
    counts.nodes += nodes.length;
    counts.relationships += rels.length;
    nodes = [];
    rels = [];
  };
  try {
    // Only now: lines a readline interface reads before its iterator exists are lost.
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      lineNo += 1;
      if (text.trim() === '') continue;
      const where = `line ${lineNo}`;
      if (ended) throw new BackupError(`${where}: text after the end line`);
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text) as Record<string, unknown>;
      } catch {
        throw new BackupError(`${where}: not JSON`);
      }
      if (!header) {
        header = checkHeader(line, where);
        continue;
      }
      if ('node' in line) {
        if (rels.length > 0 || counts.relationships > 0)
          throw new BackupError(`${where}: a node after the relationships`);
        const id = String(line.node);
        const labels = line.labels;
        if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string' && LABEL.test(l)))
          throw new BackupError(`${where}: labels must be names (letters, digits, _; not starting with _)`);
        if (ids.has(id)) throw new BackupError(`${where}: node ${id} appears twice`);
        ids.add(id);
        nodes.push({ id, labels: labels as string[], props: decodeProps(line.props, where) });
        if (nodes.length >= BATCH) await flush();
      } else if ('rel' in line) {
        if (nodes.length > 0) await flush();
        const type = String(line.rel);
        if (!TYPE.test(type))
          throw new BackupError(`${where}: relationship type ${JSON.stringify(type)} is not a name`);
        const [start, end] = [String(line.start), String(line.end)];
        if (!ids.has(start) || !ids.has(end))
          throw new BackupError(`${where}: a relationship to a node the backup does not hold`);
        rels.push({ start, end, type, props: decodeProps(line.props, where) });
        if (rels.length >= BATCH) await flush();
      } else if (line.end === true) {
        await flush();
        ended = { nodes: Number(line.nodes), relationships: Number(line.relationships) };
      } else {
        throw new BackupError(`${where}: neither a node, a relationship nor the end line`);
      }
    }
    if (!header) throw new BackupError('the backup is empty');
    if (!ended) throw new BackupError(`the backup is truncated: no end line after line ${lineNo}`);
    if (ended.nodes !== counts.nodes || ended.relationships !== counts.relationships)
      throw new BackupError(
        `the backup says ${ended.nodes} nodes and ${ended.relationships} relationships but holds ` +
          `${counts.nodes} and ${counts.relationships}`,
      );
    await db.autocommit(cypher('backup/restore-finish'));
  } catch (error) {
    await db.autocommit(cypher('backup/restore-discard')).catch(() => {});
    throw error;
  } finally {
    await db.autocommit('DROP INDEX backup_restore_id IF EXISTS').catch(() => {});
  }
  const after = await census(db);
  if (after.nodes !== counts.nodes || after.relationships !== counts.relationships)
    throw new BackupError(
      `restored ${counts.nodes} nodes and ${counts.relationships} relationships but the database holds ` +
        `${after.nodes} and ${after.relationships}`,
    );
  return counts;
}

function checkHeader(line: Record<string, unknown>, where: string): Header {
  if (line.format !== BACKUP_FORMAT)
    throw new BackupError(`${where}: not a claim-graph backup (no format line)`);
  if (line.version !== BACKUP_VERSION)
    throw new BackupError(
      `${where}: backup format version ${String(line.version)}; this version reads ${BACKUP_VERSION}`,
    );
  const migrations = Array.isArray(line.migrations) ? line.migrations.map(String) : [];
  const known = new Set(loadMigrations().map((m) => m.file));
  const unknown = migrations.filter((m) => !known.has(m));
  if (unknown.length > 0)
    throw new BackupError(
      `${where}: the backup comes from a newer version (migrations ${unknown.join(', ')} are unknown here)`,
    );
  return line as unknown as Header;
}

/** One batch in one write transaction, with the driver values as they are (no toParams). */
async function writeBatch(
  db: Database,
  name: 'backup/restore-nodes' | 'backup/restore-relationships',
  rows: unknown[],
) {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite((tx) => tx.run(cypher(name), { rows }), { timeout: db.ingestTimeoutMs });
  } catch (error) {
    throw mapDatabaseError(error);
  } finally {
    await session.close();
  }
}
