/** The neighbourhood of any node as `{ nodes, edges }`, for graph visualisation tools. */
import { builder } from './builder.js';
import { neighbourhood, type GraphEdge, type GraphNode, type Neighbourhood } from '../graph/neighbourhood.js';
import { badInput } from './client-errors.js';

const GraphNodeRef = builder.objectRef<GraphNode>('GraphNode').implement({
  description:
    'A node for visualisation: its key (also the edge endpoints), type, display label and properties.',
  fields: (t) => ({
    key: t.exposeString('key'),
    type: t.exposeString('type', {
      description: 'Claim, Telling, Actor, Source, Article, Event, Place or Assessment.',
    }),
    label: t.exposeString('label', { description: 'A short display label.' }),
    properties: t.field({
      type: 'JSON',
      description: 'Every stored property (large texts left out).',
      resolve: (n) => n.properties,
    }),
  }),
});

const GraphEdgeRef = builder.objectRef<GraphEdge>('GraphEdge').implement({
  description: 'A directed, typed edge between two node keys.',
  fields: (t) => ({
    id: t.exposeString('id'),
    type: t.exposeString('type', {
      description: 'TELLS, TOLD_BY, QUOTED_FROM, ADDRESSED_TO, REFERS_TO, SUPPORTS, ...',
    }),
    source: t.exposeString('source'),
    target: t.exposeString('target'),
  }),
});

const GraphRef = builder.objectRef<Neighbourhood>('Graph').implement({
  description: 'Nodes and edges, ready for Cytoscape.js, Sigma, vis-network or D3.',
  fields: (t) => ({
    nodes: t.field({ type: [GraphNodeRef], resolve: (g) => g.nodes }),
    edges: t.field({ type: [GraphEdgeRef], resolve: (g) => g.edges }),
    truncated: t.exposeBoolean('truncated', {
      description:
        'True when a cap cut the neighbourhood short: `maxNodes` overall, or a node with more than 50 ' +
        'neighbours, of which the first 50 by key among its first 1,000 relationships are kept.',
    }),
  }),
});

builder.queryField('neighbourhood', (t) =>
  t.field({
    type: GraphRef,
    nullable: true,
    description: 'The neighbourhood of any node (by key) to the given depth, as nodes and edges.',
    args: {
      key: t.arg.string({
        required: true,
        description: 'Key of a claim, actor, source, article, event, place or telling.',
      }),
      depth: t.arg.int({
        required: false,
        defaultValue: 1,
        description: 'How many steps out (1 to MAX_NEIGHBOURHOOD_DEPTH).',
      }),
      maxNodes: t.arg.int({
        required: false,
        defaultValue: 200,
        description: 'Cap on nodes returned (1 to 1000).',
      }),
    },
    resolve: (_r, args, ctx) => {
      const depth = args.depth ?? 1;
      const maxNodes = args.maxNodes ?? 200;
      if (depth < 1 || depth > ctx.config.MAX_NEIGHBOURHOOD_DEPTH) {
        throw badInput(`\`depth\` must be between 1 and ${ctx.config.MAX_NEIGHBOURHOOD_DEPTH}`, 'depth');
      }
      if (maxNodes < 1 || maxNodes > 1000)
        throw badInput('`maxNodes` must be between 1 and 1000', 'maxNodes');
      return neighbourhood(ctx.db, args.key, { depth, maxNodes, perNode: 50 });
    },
  }),
);
