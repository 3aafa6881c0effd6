/**
 * PROFILE of the write and read paths on a loaded graph, looking for what does not scale: label
 * or full scans, Cartesian products, Eager barriers. Writes are profiled inside a transaction
 * that is rolled back, so the graph under test stays as it was.
 *
 * The ingest is profiled on a copy of a corpus article under a new article id: its named actors,
 * outlets and wires already exist, as they would for any new article in production.
 */
import type { Driver, ProfiledPlan, Transaction } from 'neo4j-driver';
import type { Tx } from '../src/db/database.js';
import { toPlain } from '../src/db/convert.js';
import type { ArticleDocument } from '../src/domain/document.js';
import { ingestInTx } from '../src/graph/ingest.js';
import { bareBatch, bareStatements } from './baseline/ingest.js';
import { BARE_PROVENANCE } from './cases.js';

const SUSPECT =
  /AllNodesScan|NodeByLabelScan|CartesianProduct|Eager|NodeIndexScan|AllRelationshipsScan|RelationshipTypeScan/;

export interface StatementProfile {
  path: 'ours' | 'bare' | 'read';
  statement: string;
  dbHits: number;
  rows: number;
  /** Operators worth a look, with their details, rows and db hits. */
  suspects: string[];
}

function walk(plan: ProfiledPlan, visit: (p: ProfiledPlan) => void): void {
  visit(plan);
  for (const child of plan.children) walk(child, visit);
}

function summarise(path: StatementProfile['path'], statement: string, plan: ProfiledPlan): StatementProfile {
  let dbHits = 0;
  const suspects: string[] = [];
  walk(plan, (p) => {
    dbHits += Number(p.dbHits);
    if (SUSPECT.test(p.operatorType)) {
      const details = String(p.arguments['Details'] ?? '').slice(0, 120);
      suspects.push(`${p.operatorType}(${details}) rows=${Number(p.rows)} dbHits=${Number(p.dbHits)}`);
    }
  });
  return { path, statement, dbHits, rows: Number(plan.rows), suspects };
}

/** A `Tx` over an explicit transaction that PROFILEs every statement and names it by its first lines. */
function profilingTx(tx: Transaction, names: Map<string, string>, out: StatementProfile[]): Tx {
  const run = async (query: string, params: Record<string, unknown> = {}) => {
    const result = await tx.run(`PROFILE ${query}`, params);
    const plan = result.summary.profile;
    if (plan) out.push(summarise('ours', names.get(query) ?? query.slice(0, 40), plan));
    return result;
  };
  return {
    rows: async (q, p) =>
      (await run(q, p)).records.map((r) => toPlain(r.toObject()) as Record<string, never>),
    exec: async (q, p) => {
      await run(q, p);
      return {};
    },
  };
}

export function renamedCopy(doc: ArticleDocument, id: string): ArticleDocument {
  const copy = structuredClone(doc);
  copy.article.id = id;
  copy.article.url = `${doc.article.url}-${id}`;
  return copy;
}

export async function profileIngest(
  driver: Driver,
  database: string,
  doc: ArticleDocument,
  queryNames: Map<string, string>,
): Promise<StatementProfile[]> {
  const out: StatementProfile[] = [];
  for (const path of ['ours', 'bare'] as const) {
    const session = driver.session({ database });
    const tx = session.beginTransaction();
    try {
      if (path === 'ours') {
        await ingestInTx(
          profilingTx(tx, queryNames, out),
          renamedCopy(doc, `profile-ours-${doc.article.id}`),
        );
      } else {
        for (const [name, cypher, params] of bareStatements(
          bareBatch([renamedCopy(doc, `profile-bare-${doc.article.id}`)]),
        )) {
          const plan = (await tx.run(`PROFILE ${cypher}`, params)).summary.profile;
          if (plan) out.push(summarise('bare', name, plan));
        }
      }
    } finally {
      await tx.rollback();
      await session.close();
    }
  }
  return out;
}

export async function profileProvenance(
  driver: Driver,
  database: string,
  claimKey: string,
): Promise<StatementProfile> {
  const result = await driver.executeQuery(`PROFILE ${BARE_PROVENANCE}`, { key: claimKey }, { database });
  return summarise('read', `provenance (${claimKey})`, result.summary.profile as ProfiledPlan);
}
