/** Imports every type file (each registers its types and fields) and builds the schema. */
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { builder } from './builder.js';
import './scalars.js';
import './common.js';
import './agent.js';
import './claim.js';
import './article.js';
import './event.js';
import './graph.js';
import './mutations.js';
import './grading.js';
import './affiliation.js';
import './statements.js';
import './timeline.js';
import './review.js';
import './statement-view.js';

export const schema: GraphQLSchema = builder.toSchema({ sortSchema: false });

/** The SDL committed as schema.graphql (sorted, so diffs show real changes only). */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
