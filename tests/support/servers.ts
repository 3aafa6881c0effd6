/**
 * How many Neo4j servers (and so integration files at once) a test run uses: one when the
 * server is given (NEO4J_URI), else NEO4J_TEST_SERVERS, by default 1. With 2, integration files
 * run two at a time, each on its worker's server; that is opt-in until it has been measured
 * faster on a quiet machine (on a heavily loaded one, hooks timed out).
 */
export function testServerCount(env: NodeJS.ProcessEnv = process.env): number {
  if (env.NEO4J_URI) return 1;
  const n = Number(env.NEO4J_TEST_SERVERS ?? 1);
  if (!Number.isInteger(n) || n < 1 || n > 8)
    throw new Error('NEO4J_TEST_SERVERS must be an integer from 1 to 8');
  return n;
}
