/**
 * The who-quoted-whom network, as GraphML: agents (sources and actors) as nodes and one weighted
 * edge per (teller, quoted agent, kind), the view most graph users want of a story. An edge
 * A -> B means A told claims it had from B: `QUOTED` when B is where the statement starts,
 * `RELAYED` when B passed on someone else's words (an agent passing on its own words is no
 * edge). `weight` is the number of distinct claims
 * told that way; `firstSaidAt` / `lastSaidAt` date them. Anonymous sources and leaks are their
 * own class (`agentClass` anonymous), next to person and organization, so a layout can colour
 * "a Syrian official" apart from named people.
 */
import { agentClass } from './agent-kind.js';
import { dataElements, GRAPHML_FOOTER, graphmlHeader, type GraphmlKey } from './graphml.js';
import { edgeId } from './profile.js';
import type { GraphReader } from './reader.js';
import type { AgentRow } from './rows.js';
import { escapeXml, nmtoken } from './xml.js';

export type AgentNetworkClass = 'person' | 'organization' | 'anonymous';

/** Person, organization, or (unnamed sources and leaks) anonymous. */
export function networkClass(agent: Pick<AgentRow, 'type' | 'kind'>): AgentNetworkClass {
  if (agent.type === 'Source' && (agent.kind === 'anonymous' || agent.kind === 'leak')) return 'anonymous';
  return agentClass(agent.type, agent.kind) === 'Person' ? 'person' : 'organization';
}

const key = (owner: 'node' | 'edge', name: string, type: GraphmlKey['type']): GraphmlKey => ({
  id: `${owner === 'node' ? 'n' : 'e'}_${name}`,
  for: owner,
  name,
  type,
});

export const AGENT_NETWORK_KEYS: GraphmlKey[] = [
  key('node', 'label', 'string'),
  key('node', 'key', 'string'),
  key('node', 'type', 'string'),
  key('node', 'kind', 'string'),
  key('node', 'agentClass', 'string'),
  key('edge', 'label', 'string'),
  key('edge', 'type', 'string'),
  key('edge', 'weight', 'long'),
  key('edge', 'anonymous', 'boolean'),
  key('edge', 'firstSaidAt', 'string'),
  key('edge', 'lastSaidAt', 'string'),
];

export async function* agentNetworkGraphml(reader: GraphReader): AsyncGenerator<string> {
  const byId = new Map(AGENT_NETWORK_KEYS.map((k) => [k.id, k]));
  yield graphmlHeader(AGENT_NETWORK_KEYS, 'agent-network');
  for await (const page of reader.agents()) {
    yield page
      .map((a) => {
        const data = {
          label: a.name ?? a.key,
          key: a.key,
          type: a.type,
          kind: a.kind,
          agentClass: networkClass(a),
        };
        return `    <node id="${escapeXml(nmtoken(a.key))}">${dataElements('node', data, byId)}</node>\n`;
      })
      .join('');
  }
  for await (const page of reader.agentLinks()) {
    yield page
      .flatMap((row) =>
        row.links.map((l) => {
          const data = {
            label: l.kind,
            type: l.kind,
            weight: l.claims,
            anonymous: l.anonymous,
            firstSaidAt: l.firstSaidAt,
            lastSaidAt: l.lastSaidAt,
          };
          return (
            `    <edge id="${escapeXml(nmtoken(edgeId(row.key, l.kind, l.target)))}"` +
            ` source="${escapeXml(nmtoken(row.key))}" target="${escapeXml(nmtoken(l.target))}">` +
            `${dataElements('edge', data, byId)}</edge>\n`
          );
        }),
      )
      .join('');
  }
  yield GRAPHML_FOOTER;
}
