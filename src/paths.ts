/**
 * Where the repository's own files are (cypher/, fixtures/, schema.graphql, tools/). One small
 * module so that reading a query or a migration does not depend on the Neo4j provisioning code.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the directory holding package.json, cypher/ and fixtures/. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
