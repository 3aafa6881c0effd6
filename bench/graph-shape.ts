/**
 * The shape of the graph (nodes per label, relationships per type) to prove the baseline wrote
 * the same graph as our ingester, and the wipe that gives every timed run the same empty start.
 */
import type { Driver } from 'neo4j-driver';

export interface GraphShape {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  totalNodes: number;
  totalRelationships: number;
}

export async function graphShape(driver: Driver, database: string): Promise<GraphShape> {
  const nodes = await driver.executeQuery(
    'MATCH (n) WHERE NOT n:__Migration RETURN labels(n)[0] AS name, count(*) AS n ORDER BY name',
    {},
    { database },
  );
  const rels = await driver.executeQuery(
    'MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS n ORDER BY name',
    {},
    { database },
  );
  const toMap = (records: typeof nodes.records) =>
    Object.fromEntries(records.map((r) => [String(r.get('name')), Number(r.get('n'))]));
  const shape = { nodes: toMap(nodes.records), relationships: toMap(rels.records) };
  const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  return { ...shape, totalNodes: sum(shape.nodes), totalRelationships: sum(shape.relationships) };
}

/** Describes how two shapes differ, or returns an empty list when they are equal. */
export function shapeDifferences(a: GraphShape, b: GraphShape): string[] {
  const out: string[] = [];
  for (const kind of ['nodes', 'relationships'] as const) {
    const names = new Set([...Object.keys(a[kind]), ...Object.keys(b[kind])]);
    for (const name of [...names].sort()) {
      if (a[kind][name] !== b[kind][name])
        out.push(`${kind} ${name}: ${a[kind][name] ?? 0} vs ${b[kind][name] ?? 0}`);
    }
  }
  return out;
}

/** Deletes all domain data in batches (migrations and schema stay). */
export async function wipeGraph(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run(
      'MATCH (n) WHERE NOT n:__Migration CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS',
    );
  } finally {
    await session.close();
  }
}
