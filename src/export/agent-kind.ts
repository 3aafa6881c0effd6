/** Whether an agent of the graph is a person or an organisation, for PROV and schema.org. */
import type { AgentLabel } from './allow-list.js';

export type AgentClass = 'Person' | 'Organization';

/**
 * Actors: people are persons; governments, states, organisations and groups act as
 * organisations. Sources: unnamed sources and leaks are people ("a Syrian official", "people
 * familiar with the talks"); outlets, wires, official bodies and documents speak for an
 * organisation. Unknown kinds fall back to Organization, the weaker claim.
 */
export function agentClass(label: AgentLabel, kind: string | null): AgentClass {
  if (label === 'Actor') return kind === 'person' ? 'Person' : 'Organization';
  return kind === 'anonymous' || kind === 'leak' ? 'Person' : 'Organization';
}
