import { describe, expect, it } from 'vitest';
import { allQueryNames, cypher } from '../../src/db/cypher.js';
import { buildClaimListQuery } from '../../src/graph/claim-list.js';
import { CLAIM_ORDERS } from '../../src/domain/model.js';
import { useTestGraph } from '../support/db.js';
import { exportQuery } from '../../src/export/allow-list.js';
import { LIST_QUERIES, listQuery, withNodes } from '../../src/graph/keyset.js';
import { claimStatement, projection, withClaims, WHOLE } from '../../src/graph/claims.js';

const graph = useTestGraph();

async function explain(query: string): Promise<void> {
  await graph.db.read((tx) => tx.rows(`EXPLAIN ${query}`));
}

describe('every Cypher query', () => {
  const names = allQueryNames();

  it('there are named queries to check', () => {
    expect(names.length).toBeGreaterThan(20);
  });

  it.each(names)('cypher/queries/%s.cypher passes EXPLAIN on the real server', async (name) => {
    // Export queries are templates whose label and depth come from an allow-list (src/export).
    // Keyset lists are templates whose seek and order come from src/graph/keyset.ts: each
    // direction, with both cursors set. Claim reads have their property lists filled from the
    // row schemas (src/graph/claims.ts): whole, and the narrowest projection.
    const texts = name.startsWith('export/')
      ? [exportQuery(name.slice('export/'.length), { label: 'Claim', depth: 2 })]
      : name === 'claim/by-keys' || name === 'claim/chains'
        ? [claimStatement(name, WHOLE), claimStatement(name, projection([], [], []))]
        : name in LIST_QUERIES
          ? [false, true].map((reverse) =>
              listQuery(name as keyof typeof LIST_QUERIES, { after: ['x'], before: ['y'], reverse }),
            )
          : [cypher(name)];
    for (const text of texts) await expect(explain(text)).resolves.toBeUndefined();
  });

  it.each(['claim/search', 'claim/contested'] as const)(
    "%s with its page's claims and chains (one statement) passes EXPLAIN",
    async (name) => {
      for (const reverse of [false, true]) {
        const list = listQuery(name, { after: ['x'], before: ['y'], reverse });
        for (const chain of [false, true]) {
          await explain(withClaims(list, { projection: WHOLE, chain }));
          await explain(withClaims(list, { projection: projection([], [], []), chain }));
        }
      }
    },
  );

  it("agent/lookup with its page's agents (agent/by-keys, one statement) passes EXPLAIN", async () => {
    for (const reverse of [false, true]) {
      const list = listQuery('agent/lookup', { after: ['x'], before: ['y'], reverse });
      await explain(withNodes(list, cypher('agent/by-keys')));
    }
  });

  it('every variant of the claims list passes EXPLAIN', async () => {
    const orders = CLAIM_ORDERS;
    const filters = [
      {},
      { articleKey: 'article:a' },
      { speakerKey: 'actor:a', sourceKey: 'source:b', aboutKey: 'place:c' },
      {
        aboutKey: 'event:e',
        kinds: ['quote'],
        anonymous: true,
        saidFrom: '2025-01-01',
        saidTo: '2026-01-01',
      },
      { sourceKey: 'actor:x', anonymous: false, confidenceMin: 0.2, confidenceMax: 0.9 },
      { saidTo: '2026-01-01', saidMatch: 'within' as const, includeUndated: true },
    ];
    let checked = 0;
    for (const filter of filters) {
      for (const order of orders) {
        const seek = {
          after: checked % 2 ? ['x'] : null,
          before: checked % 3 ? ['y'] : null,
          reverse: checked % 2 === 0,
        };
        const built = buildClaimListQuery({ ...filter, statuses: ['accepted'] }, order, seek);
        expect(built.query).not.toBeNull();
        await explain(built.query!);
        // As the claims connection sends it: with the page's claims, whole or narrow, chains or not.
        const reads = { projection: checked % 2 ? WHOLE : projection([], [], []), chain: checked % 3 === 0 };
        await explain(withClaims(built.query!, reads));
        checked++;
      }
    }
    expect(checked).toBe(30);
  });
});
