/**
 * Imports every type file (each registers its types, its queries and its mutations) and builds
 * the schema. One file per type family; ARCHITECTURE.md lists them.
 */
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './time.js';
import './errors.js';
import './agent.js';
import './article.js';
import './claim.js';
import './claim-list.js';
import './provenance.js';
import './event.js';
import './graph.js';
import './grade.js';
import './shared-origins.js';
import './review.js';
import './statement.js';

export const schema: GraphQLSchema = builder.toSchema({ sortSchema: false });

/** The SDL committed as schema.graphql (sorted, so diffs show real changes only). */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
