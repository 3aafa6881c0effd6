/**
 * Cytoscape.js elements JSON (https://js.cytoscape.org/#notation/elements-json), which
 * `cytoscape({ elements })` takes as is and Cytoscape desktop imports (File > Import > Network
 * from File, .cyjs). Properties keep their JSON types; lists stay lists.
 */
import type { Plain } from '../db/convert.js';
import {
  displayLabel,
  RESERVED_EDGE_ATTRIBUTES,
  RESERVED_NODE_ATTRIBUTES,
  attributeName,
} from './display.js';
import { JsonSection } from './json.js';
import type { GraphReader } from './reader.js';

function withProps(base: Record<string, Plain>, props: Record<string, Plain>, reserved: ReadonlySet<string>) {
  const data = { ...base };
  for (const [name, value] of Object.entries(props))
    if (value !== null) data[attributeName(name, reserved)] = value;
  return data;
}

export async function* cytoscapeJson(reader: GraphReader): AsyncGenerator<string> {
  yield '{"elements":{"nodes":[';
  const nodes = new JsonSection('\n', '\n');
  for await (const page of reader.nodes()) {
    yield nodes.add(
      page.map((n) =>
        JSON.stringify({
          data: withProps(
            { id: n.key, label: displayLabel(n.type, n.key, n.props), type: n.type },
            n.props,
            RESERVED_NODE_ATTRIBUTES,
          ),
        }),
      ),
    );
  }
  yield nodes.end() + '],"edges":[';
  const edges = new JsonSection('\n', '\n');
  for await (const page of reader.edges()) {
    yield edges.add(
      page.map((e) =>
        JSON.stringify({
          data: withProps(
            { id: e.id, source: e.source, target: e.target, type: e.type, label: e.type },
            e.props,
            RESERVED_EDGE_ATTRIBUTES,
          ),
        }),
      ),
    );
  }
  yield edges.end() + ']}}\n';
}
