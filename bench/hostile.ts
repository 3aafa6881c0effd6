/**
 * The hostile requests of the load run (issue 18's attacks), each sent as an attacker would and
 * classified by how the service answered: an error code, an HTTP status, or "closed" for a
 * connection the server ended. None of them may take the service down or delay the normal
 * requests sent beside them past their deadline (tests/integration/load-hostile.int.test.ts).
 */
import { connect } from 'node:net';

export interface HostileTarget {
  /** http://127.0.0.1:port (no path). */
  base: string;
  /** A node key that exists (the deep export's start). */
  nodeKey: string;
  /** Two claims the form-post mutation tries to link (the test checks they never are). */
  formLink: { from: string; to: string };
}

export interface HostileKind {
  name: string;
  /** Sends one attack; resolves to its outcome (error code, `http <status>` or `closed`). */
  send(target: HostileTarget, pick: number): Promise<string>;
}

/** The outcome of a GraphQL answer: its first error code, else `ok`. */
async function graphqlOutcome(response: Response): Promise<string> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    return (
      code ?? (body.errors ? `http ${response.status} error` : response.ok ? 'ok' : `http ${response.status}`)
    );
  } catch {
    return `http ${response.status}`;
  }
}

const postJson = (target: HostileTarget, query: string, variables: unknown = {}) =>
  fetch(`${target.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(120_000),
  }).then(graphqlOutcome);

/** 10 aliases of a three-level nesting priced through a variable (`first: $n`). */
function costAttack(): string {
  const inner = `claims(first: $n) { edges { node { key text speaker { __typename
    ... on Actor { said(first: $n) { edges { node { key speaker { __typename
      ... on Actor { said(first: $n) { edges { node { key text } } } } } } } } } } } } }`;
  return `query($n: Int) { ${Array.from({ length: 10 }, (_, i) => `a${i}: ${inner}`).join('\n')} }`;
}

export const HOSTILE: HostileKind[] = [
  {
    name: 'cost-attack',
    send: (t) => postJson(t, costAttack(), { n: 100 }),
  },
  {
    name: 'huge-search',
    send: (t, pick) =>
      pick % 2 === 0
        ? postJson(t, `query($q: String!) { searchClaims(query: $q, first: 5) { totalCount } }`, {
            q: 'syria/'.repeat(60_000),
          })
        : postJson(t, `query($q: String!) { agents(name: $q, first: 5) { totalCount } }`, {
            q: 'x'.repeat(200_000),
          }),
  },
  {
    name: 'forged-cursor',
    send: (t, pick) => {
      const forged = [
        'OffsetConnection:-5',
        'OffsetConnection:NaN',
        'OffsetConnection:Infinity',
        'OffsetConnection:9007199254740993',
        'not a cursor at all',
      ][pick % 5]!;
      return postJson(
        t,
        `query($after: String) { claims(first: 5, after: $after) { edges { node { key } } } }`,
        {
          after: pick % 2 === 0 ? Buffer.from(forged).toString('base64') : forged,
        },
      );
    },
  },
  {
    name: 'big-nodes-ids',
    send: (t) =>
      postJson(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
        ids: Array.from({ length: 30_000 }, (_, i) => `Claim:none-${i}`),
      }),
  },
  {
    name: 'deep-export',
    send: async (t, pick) => {
      const url =
        pick % 2 === 0
          ? `${t.base}/export/graphml?node=${encodeURIComponent(t.nodeKey)}&depth=6`
          : `${t.base}/export/graphml`;
      const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
      // Read it all: a stream that fails midway must end the connection, never hang.
      try {
        await response.arrayBuffer();
        return `http ${response.status}`;
      } catch {
        return `http ${response.status} cut`;
      }
    },
  },
  {
    name: 'slow-body',
    // Headers, then one byte of a 1,000-byte body every 2 s: the server must end it, not wait.
    send: (t) =>
      new Promise((resolve) => {
        const { hostname, port } = new URL(t.base);
        const socket = connect(Number(port), hostname);
        let answer = '';
        let timer: NodeJS.Timeout | undefined;
        // A wall-clock bound (a socket timeout would be reset by the trickle itself).
        const giveUp = setTimeout(() => done('still open after 120 s'), 120_000);
        const done = (outcome: string) => {
          clearInterval(timer);
          clearTimeout(giveUp);
          socket.destroy();
          resolve(outcome);
        };
        socket.on('connect', () => {
          socket.write(
            'POST /graphql HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{',
          );
          timer = setInterval(() => socket.write(' '), 2_000);
        });
        socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
        socket.on('error', () => done('closed'));
        socket.on('close', () => {
          const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
          done(status ? `http ${status}` : 'closed');
        });
      }),
  },
  {
    name: 'form-post-mutation',
    send: async (t) => {
      const response = await fetch(`${t.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          query: `mutation { linkClaims(input: {from: "${t.formLink.from}", to: "${t.formLink.to}", type: CONTRADICTS}) { __typename } }`,
        }).toString(),
        signal: AbortSignal.timeout(60_000),
      });
      return graphqlOutcome(response);
    },
  },
];
