/**
 * The whole graph as comparable text: every node with its sorted labels and properties, every
 * relationship with its ends' keys and its properties, each list sorted. Properties set from the
 * clock (and the stamp of the edit lock) are left out, so two graphs written the same way at
 * different times compare equal.
 */
import type { Database } from '../../src/db/database.js';

/** Properties set from the clock, and the stamp of the edit lock (only an edit takes it). */
const CLOCK = new Set([
  'updatedAt',
  'at',
  'gradedAt',
  'recordedAt',
  'reliabilitySetAt',
  'proposedAt',
  'decidedAt',
  'lastEditAt',
]);

function clean(props: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(props)
      .filter(([k]) => !CLOCK.has(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export async function graphSnapshot(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  return db.read(async (tx) => {
    const nodes = (
      await tx.rows(`MATCH (n) WHERE NOT n:__Migration RETURN labels(n) AS labels, properties(n) AS props`)
    )
      .map((r) => ({
        labels: [...(r.labels as string[])].sort(),
        props: clean(r.props as Record<string, unknown>),
      }))
      .map((n) => JSON.stringify(n))
      .sort();
    const relationships = (
      await tx.rows(
        `MATCH (a)-[r]->(b) WHERE NOT a:__Migration
         RETURN coalesce(a.key, a.id, elementId(a)) AS from, type(r) AS type,
                coalesce(b.key, b.id, elementId(b)) AS to, properties(r) AS props`,
      )
    )
      .map((r) =>
        JSON.stringify({
          from: r.from,
          type: r.type,
          to: r.to,
          props: clean(r.props as Record<string, unknown>),
        }),
      )
      .sort();
    return { nodes, relationships };
  });
}
