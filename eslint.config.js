// Lint: the recommended JS and TypeScript rules, and the layer rules of ARCHITECTURE.md (which
// way imports may run; tests/unit/layering.test.ts proves a wrong-way import fails). That no
// Cypher is built from input is checked by tests/unit/cypher-safety.test.ts, which reads the code
// with the TypeScript compiler.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Runtime code never depends on benchmarks, tests or tools (the production build holds src only).
// Every layer block below repeats it: ESLint takes one rule's options from the last block that
// matches a file, so a layer's own patterns would otherwise replace it.
const runtimeOnly = {
  group: ['**/bench/**', '**/tests/**', '**/tools/**'],
  message: 'src never imports bench/, tests/ or tools/: runtime code stands on its own.',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'tools/neo4j-local/target/**',
      '.neo4j/**',
      'dist/**',
      'bench/out/**',
      'src/explorer/vendor/**',
      'reports/**',
      '.stryker-tmp/**',
      // Written by `npm run codegen` and `npm run relay` (README, "Use it from your tools").
      'examples/client/generated/**',
      'examples/relay/__generated__/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [runtimeOnly] }] },
  },
  // The domain (document format, keys, grading, the graph vocabulary) is pure: it imports nothing
  // of ours but itself, so it can be read, tested and reused without a database or an API.
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            runtimeOnly,
            { group: ['../**'], message: 'src/domain imports nothing of ours but src/domain itself.' },
            {
              group: ['neo4j-driver', 'graphql', 'graphql-yoga', '@pothos/*'],
              message: 'src/domain is pure.',
            },
          ],
        },
      ],
    },
  },
  // The GraphQL schema reads and writes through src/graph; it never sees the database layer.
  {
    files: ['src/schema/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            runtimeOnly,
            {
              group: ['../db/**', '../../db/**'],
              message: 'src/schema never imports src/db: go through src/graph.',
            },
            { group: ['neo4j-driver'], message: 'src/schema never sees the driver.' },
          ],
        },
      ],
    },
  },
  // The database boundary knows nothing of GraphQL or of the layers above it.
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            runtimeOnly,
            {
              group: ['graphql', 'graphql-yoga', '@pothos/*', '@escape.tech/*'],
              message: 'src/db knows no GraphQL.',
            },
            {
              group: [
                '../schema/**',
                '../graph/**',
                '../export/**',
                '../yoga.js',
                '../app.js',
                '../server.js',
              ],
              message: 'src/db imports nothing above it (only src/domain, config, log and paths).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        document: 'readonly',
        window: 'readonly',
        fetch: 'readonly',
      },
    },
  },
);
