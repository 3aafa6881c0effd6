/**
 * How many Neo4j servers (and so integration files at once) a test run uses: one when the
 * server is given (NEO4J_URI), else NEO4J_TEST_SERVERS, by default 2 (this project's machines
 * have two cores; a third server would only compete for them).
 */
export function testServerCount(env: NodeJS.ProcessEnv = process.env): number {
  if (env.NEO4J_URI) return 1;
  const n = Number(env.NEO4J_TEST_SERVERS ?? 2);
  if (!Number.isInteger(n) || n < 1 || n > 8)
    throw new Error('NEO4J_TEST_SERVERS must be an integer from 1 to 8');
  return n;
}
