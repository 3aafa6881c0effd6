/**
 * The interactive graph: Cytoscape.js with the fCoSE layout. A claim's chain is pinned in a row
 * (article, then each telling out to the origin, each teller under its telling) so the
 * attribution reads left to right; everything else is laid out around it by force.
 */
import cytoscape, {
  type Core,
  type ElementDefinition,
  type NodeSingular,
  type StylesheetJson,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { AgentRef, ClaimDetail, GraphEdgeData, GraphNodeData, Neighbourhood } from './api.js';
import { KINDS, confidenceColour, kindOf, type NodeKind } from './kinds.js';

cytoscape.use(fcose);

export interface GraphHandlers {
  onSelect(key: string): void;
  onExpand(key: string): void;
}

const HOP_GAP = 175;
const TELLER_DROP = 110;

export class ExplorerGraph {
  readonly cy: Core;
  /** Pinned positions of the shown claim's chain; kept through expansions. */
  private pinned = new Map<string, { x: number; y: number }>();
  private layouts = 0;

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({
      container,
      style: stylesheet(),
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
    });
    // Cytoscape fires dbltap for any two quick taps, even on two different nodes; only a real
    // double-click on one node expands it.
    let lastTap: string | null = null;
    let tapBefore: string | null = null;
    this.cy.on('tap', (e) => {
      tapBefore = lastTap;
      lastTap = e.target === this.cy ? null : (e.target as NodeSingular).id();
    });
    this.cy.on('tap', 'node', (e) => handlers.onSelect((e.target as NodeSingular).id()));
    this.cy.on('dbltap', 'node', (e) => {
      const key = (e.target as NodeSingular).id();
      if (tapBefore === key) handlers.onExpand(key);
    });
  }

  /** True while a layout is running (tests wait for it). */
  get laying(): boolean {
    return this.layouts > 0;
  }

  /** Replaces the graph with a claim, its chain and its neighbourhood. */
  async showClaim(claim: ClaimDetail, around: Neighbourhood | null): Promise<void> {
    this.cy.elements().remove();
    this.pinned.clear();
    this.add(around?.nodes ?? [], around?.edges ?? []);
    const chain = chainElements(claim, around);
    this.add(chain.nodes, chain.edges);
    for (const key of chain.tellings) this.cy.getElementById(key).addClass('chain');
    this.cy.edges('[type = "QUOTED_FROM"], [type = "TOLD_BY"], [type = "IN_ARTICLE"]').addClass('chain');
    this.cy.getElementById(claim.key).addClass('focus');

    // The row: article, hop 0 ... origin; each teller below its telling; the claim above.
    const place = (key: string, x: number, y: number) => {
      if (!this.pinned.has(key) && this.cy.getElementById(key).nonempty()) this.pinned.set(key, { x, y });
    };
    place(claim.article.key, -HOP_GAP, 0);
    chain.tellings.forEach((key, i) => place(key, i * HOP_GAP, 0));
    claim.provenance.chain.forEach((hop, i) => place(hop.agent.key, i * HOP_GAP, TELLER_DROP));
    place(claim.key, ((chain.tellings.length - 1) * HOP_GAP) / 2, -TELLER_DROP * 1.3);
    await this.layout(true);
  }

  /** Adds whatever of a neighbourhood is new, then lays the graph out again around the pins. */
  async merge(around: Neighbourhood, from: string): Promise<number> {
    const origin = this.cy.getElementById(from).position();
    const added = this.add(around.nodes, around.edges, origin);
    if (added > 0) await this.layout(false);
    return added;
  }

  setConfidence(key: string, confidence: number | null): void {
    const node = this.cy.getElementById(key);
    if (node.empty()) return;
    node.data({ confidence, colour: confidenceColour(confidence), graded: true });
  }

  /** Claim nodes whose grade has not been fetched yet. */
  ungradedClaims(): string[] {
    return this.cy.nodes('[kind = "claim"][!graded]').map((n) => n.id());
  }

  node(
    key: string,
  ): { type: string; label: string; kind: NodeKind; properties: Record<string, unknown> } | null {
    const n = this.cy.getElementById(key);
    if (n.empty()) return null;
    return {
      type: n.data('type'),
      label: n.data('label'),
      kind: n.data('kind'),
      properties: n.data('properties'),
    };
  }

  select(key: string): void {
    this.cy.nodes(':selected').unselect();
    this.cy.getElementById(key).select();
  }

  private add(nodes: GraphNodeData[], edges: GraphEdgeData[], near?: { x: number; y: number }): number {
    const elements: ElementDefinition[] = [];
    for (const n of nodes) {
      const existing = this.cy.getElementById(n.key);
      if (existing.nonempty()) {
        // The server's copy has every property; a node drawn from a chain hop has only a few.
        if (Object.keys(n.properties).length > Object.keys(existing.data('properties') ?? {}).length)
          existing.data('properties', n.properties);
        continue;
      }
      const kind = kindOf(n.type, n.properties);
      elements.push({
        group: 'nodes',
        data: {
          id: n.key,
          type: n.type,
          kind,
          label: n.label,
          properties: n.properties,
          colour: kind === 'claim' ? confidenceColour(null) : KINDS[kind].fill,
        },
        position: near
          ? { x: near.x + (Math.random() - 0.5) * 80, y: near.y + (Math.random() - 0.5) * 80 }
          : undefined,
      });
    }
    for (const e of edges) {
      const id = `${e.source}-${e.type}->${e.target}`;
      if (this.cy.getElementById(id).nonempty()) continue;
      const endsKnown = (key: string) =>
        this.cy.getElementById(key).nonempty() || elements.some((el) => el.data.id === key);
      if (!endsKnown(e.source) || !endsKnown(e.target)) continue;
      elements.push({ group: 'edges', data: { id, type: e.type, source: e.source, target: e.target } });
    }
    this.cy.add(elements);
    return elements.filter((e) => e.group === 'nodes').length;
  }

  private async layout(randomize: boolean): Promise<void> {
    this.layouts++;
    try {
      const fixedNodeConstraint = [...this.pinned].map(([nodeId, position]) => ({ nodeId, position }));
      const layout = this.cy.layout({
        name: 'fcose',
        randomize,
        animate: false,
        quality: 'proof',
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: () => 110,
        nodeRepulsion: () => 9000,
        fixedNodeConstraint,
        padding: 30,
      } as cytoscape.LayoutOptions);
      const done = layout.promiseOn('layoutstop');
      layout.run();
      await done;
      this.cy.fit(undefined, 30);
    } finally {
      this.layouts--;
    }
  }
}

/**
 * The chain as graph elements: the neighbourhood of a claim holds its tellings but not who told
 * them, so the tellers and addressees come from the provenance answer. Edge ids are derived from
 * (source, type, target) on both paths, so an expansion that returns the same edges merges.
 */
function chainElements(
  claim: ClaimDetail,
  around: Neighbourhood | null,
): { nodes: GraphNodeData[]; edges: GraphEdgeData[]; tellings: string[] } {
  const tellingByHop = new Map<number, string>();
  for (const n of around?.nodes ?? []) {
    if (n.type === 'Telling' && typeof n.properties.hop === 'number')
      tellingByHop.set(n.properties.hop, n.key);
  }
  const nodes: GraphNodeData[] = [];
  const edges: GraphEdgeData[] = [];
  const tellings: string[] = [];
  const agentNode = (a: AgentRef): GraphNodeData => ({
    key: a.key,
    type: a.__typename,
    label: a.name,
    properties: {
      name: a.name,
      // The API's enum value (ANONYMOUS) as the graph stores it (anonymous), like neighbourhood nodes.
      kind: a.kind.toLowerCase(),
      anonymous: a.anonymous ?? false,
      description: a.description ?? null,
    },
  });
  for (const hop of claim.provenance.chain) {
    const telling = tellingByHop.get(hop.position);
    nodes.push(agentNode(hop.agent));
    if (hop.addressee) nodes.push(agentNode(hop.addressee));
    if (!telling) continue;
    tellings.push(telling);
    edges.push({ type: 'TOLD_BY', source: telling, target: hop.agent.key });
    if (hop.addressee) edges.push({ type: 'ADDRESSED_TO', source: telling, target: hop.addressee.key });
    const previous = tellings[tellings.length - 2];
    if (previous) edges.push({ type: 'QUOTED_FROM', source: previous, target: telling });
    if (hop.position === 0) edges.push({ type: 'IN_ARTICLE', source: telling, target: claim.article.key });
  }
  return { nodes, edges, tellings };
}

function stylesheet(): StylesheetJson {
  const perKind = (Object.keys(KINDS) as NodeKind[]).map((kind) => {
    const k = KINDS[kind];
    return {
      selector: `node[kind = "${kind}"]`,
      style: {
        shape: k.shape,
        width: k.size,
        height: k.size,
        'border-color': k.border,
        'border-style': k.dashed ? 'dashed' : 'solid',
        'border-width': k.dashed ? 3 : 1.5,
      },
    };
  });
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        label: 'data(label)',
        'font-family': 'system-ui, sans-serif',
        'font-size': 12,
        'min-zoomed-font-size': 6,
        color: '#111827',
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-wrap': 'wrap',
        'text-max-width': '150px',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'roundrectangle',
      },
    },
    ...perKind,
    { selector: 'node[kind = "telling"]', style: { 'font-size': 10, color: '#475569' } },
    { selector: 'node[kind = "claim"]', style: { 'font-size': 11, 'text-max-width': '170px' } },
    { selector: 'node.focus', style: { width: 46, height: 46, 'border-width': 3, 'font-weight': 'bold' } },
    { selector: 'node.chain', style: { 'border-width': 3, 'border-color': '#b45309' } },
    // A halo under the node rather than an overlay on it, so a claim's confidence colour stays true.
    {
      selector: 'node:selected',
      style: { 'underlay-color': '#2563eb', 'underlay-opacity': 0.35, 'underlay-padding': 8 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': '#cbd5e1',
        'target-arrow-color': '#cbd5e1',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-size': 8,
        // Edge names only once zoomed in far enough to read them; until then they are noise.
        'min-zoomed-font-size': 8,
        color: '#64748b',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
      },
    },
    {
      selector: 'edge.chain',
      style: {
        width: 2.5,
        'line-color': '#b45309',
        'target-arrow-color': '#b45309',
        color: '#92400e',
        'font-size': 8,
      },
    },
  ] as StylesheetJson;
}
