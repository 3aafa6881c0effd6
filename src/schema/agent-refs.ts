/** Agent filters given by key or by name, resolved once per request (src/graph/agent-ref.ts). */
import { AmbiguousAgentError, resolveAgentRef } from '../graph/agent-ref.js';
import { badInput } from './client-errors.js';

export async function agentRefs(
  db: Parameters<typeof resolveAgentRef>[0],
  refs: readonly (string | null | undefined)[],
): Promise<(string | null)[]> {
  try {
    return await Promise.all(refs.map((r) => resolveAgentRef(db, r)));
  } catch (error) {
    if (error instanceof AmbiguousAgentError) throw badInput(error.message, 'filter');
    throw error;
  }
}
