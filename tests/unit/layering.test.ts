/**
 * The layer rules of ARCHITECTURE.md are enforced by ESLint (eslint.config.js). These tests lint
 * small probe files placed in each layer with the project's own configuration: a wrong-way import
 * must be reported, and the right-way one must not, so the rule cannot silently stop applying (a
 * renamed folder, a glob that no longer matches).
 */
import { ESLint } from 'eslint';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/paths.js';

const eslint = new ESLint({ cwd: repoRoot });

/** The messages of the layer rule for `code` as if it were the file `file`. */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rules', () => {
  // Loading the configuration and its plugins is the slow part: do it once, outside the tests.
  beforeAll(() => eslint.calculateConfigForFile(path.join(repoRoot, 'src/domain/probe.ts')), 120_000);

  it.each([
    [
      'src/domain/probe.ts',
      "import { cypher } from '../db/cypher.js';",
      'src/domain imports nothing of ours',
    ],
    [
      'src/domain/probe.ts',
      "import { schema } from '../schema/index.js';",
      'src/domain imports nothing of ours',
    ],
    ['src/domain/probe.ts', "import neo4j from 'neo4j-driver';", 'src/domain is pure'],
    [
      'src/schema/probe.ts',
      "import type { Database } from '../db/database.js';",
      'src/schema never imports src/db',
    ],
    [
      'src/schema/probe.ts',
      "import { ConflictError } from '../db/errors.js';",
      'src/schema never imports src/db',
    ],
    ['src/schema/probe.ts', "import neo4j from 'neo4j-driver';", 'src/schema never sees the driver'],
    ['src/db/probe.ts', "import { GraphQLError } from 'graphql';", 'src/db knows no GraphQL'],
    ['src/db/probe.ts', "import { builder } from '../schema/builder.js';", 'src/db imports nothing above it'],
    ['src/db/probe.ts', "import { Loaders } from '../graph/loaders.js';", 'src/db imports nothing above it'],
    [
      'src/graph/probe.ts',
      "import { generateCorpus } from '../../bench/synth/corpus.js';",
      'src never imports bench/',
    ],
    ['src/probe.ts', "import { EDITOR_KEY } from '../tests/support/api.js';", 'src never imports bench/'],
    ['src/export/probe.ts', "import { x } from '../../bench/synth/world.js';", 'src never imports bench/'],
    ['src/schema/probe.ts', "import { x } from '../../tools/eval/run.js';", 'src never imports bench/'],
    ['src/db/probe.ts', "import { x } from '../../bench/store.js';", 'src never imports bench/'],
  ])('%s: `%s` is refused', async (file, code, message) => {
    const errors = await layerErrors(file, `${code}\nexport const probe = 1;\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ['src/domain/probe.ts', "import { slugify } from './keys.js';"],
    ['src/domain/probe.ts', "import { z } from 'zod';"],
    ['src/schema/probe.ts', "import { NotFound } from '../graph/errors.js';"],
    ['src/schema/probe.ts', "import { labelOfKey } from '../domain/model.js';"],
    ['src/db/probe.ts', "import { repoRoot } from '../paths.js';"],
    ['src/graph/probe.ts', "import { cypher } from '../db/cypher.js';"],
  ])('%s: `%s` is allowed', async (file, code) => {
    expect(await layerErrors(file, `${code}\nexport const probe = 1;\n`)).toEqual([]);
  });
});
