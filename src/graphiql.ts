/**
 * GraphiQL at GET /graphql (outside production), served whole from the project's own
 * dependencies: @graphql-yoga/render-graphiql inlines GraphiQL's script, styles and editor
 * workers into the page, so it works with no network but this server (Yoga's default renderer
 * loads them from a CDN, and offline it stays on "Loading..." forever). The example queries
 * open as tabs.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';
import { EXAMPLE_QUERIES } from './examples.js';

export const GRAPHIQL_TITLE = 'Claim graph · GraphiQL';

/** Each example (its `# comment` line and its query) as its own tab. */
export function exampleTabs(examples = EXAMPLE_QUERIES): { query: string }[] {
  return examples
    .trim()
    .split(/\n\s*\n(?=# )/)
    .map((query) => ({ query: `${query.trim()}\n` }));
}

export const graphiqlOptions: GraphiQLOptions = {
  title: GRAPHIQL_TITLE,
  defaultQuery: EXAMPLE_QUERIES,
  defaultTabs: exampleTabs(),
};

/**
 * The page is about 9 MB of inlined code and the same for every request with the same options
 * (Yoga passes a fresh object each time), so it is rendered once per distinct options text.
 */
const rendered = new Map<string, string>();
export function renderOfflineGraphiQL(options: GraphiQLOptions): string {
  const key = JSON.stringify(options);
  let page = rendered.get(key);
  if (page === undefined) {
    page = renderGraphiQL(options);
    if (rendered.size >= 4) rendered.clear(); // bounded: options come from our code, not requests
    rendered.set(key, page);
  }
  return page;
}
