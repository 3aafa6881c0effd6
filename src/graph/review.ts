/**
 * The review of proposed links: an editor accepts a proposal (the relation is written and the
 * grades of both claims, and what depends on them, are recomputed in the same transaction) or
 * rejects it (the decision is kept, so the matcher never proposes it again). A proposal is
 * decided once; deciding it again is a conflict.
 */
import type { Database } from '../db/database.js';
import { cypher } from '../db/cypher.js';
import { ConflictError } from '../db/errors.js';
import { recomputeGrades } from './grading.js';
import { NotFound } from './not-found.js';

export type Decision = 'accepted' | 'rejected';

export interface DecideInput {
  proposalKey: string;
  decision: Decision;
  note?: string | null;
}

/** Accepts or rejects a proposal; returns its key. */
export async function decideLink(db: Database, input: DecideInput, ctx: { by: string }): Promise<string> {
  return db.write(async (tx) => {
    const [row] = await tx.rows(cypher('matching/decide'), {
      key: input.proposalKey,
      decision: input.decision,
      note: input.note ?? null,
      by: ctx.by,
    });
    if (!row) throw new NotFound(`no proposed link "${input.proposalKey}"`, input.proposalKey);
    if (row.before !== 'proposed') {
      throw new ConflictError(`proposed link "${input.proposalKey}" was already ${String(row.before)}`);
    }
    if (input.decision === 'accepted') {
      if (row.claimsExist !== true) {
        const gone = [row.fromKey, row.toKey].map(String).join('" or "');
        throw new NotFound(
          `claim "${gone}" of proposed link "${input.proposalKey}" is no longer in the graph`,
          input.proposalKey,
        );
      }
      // The new relation moves the grades of both ends (and of what depends on them): same transaction.
      await recomputeGrades(tx, [String(row.fromKey), String(row.toKey)]);
    }
    return input.proposalKey;
  });
}
