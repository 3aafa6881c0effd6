/**
 * Input bounds: search and name strings bounded in length and terms (a 1.2 MB search once ran
 * Neo4j out of memory), impossible dates refused (2026-02-30 was stored as March 2), error lists
 * capped with a count of the rest (20k bad claims answered with a 14 MB list), request bodies
 * capped (20 MB was accepted), and slow requests cut off (one byte per 5 s held a socket past
 * 56 s). No database is needed: everything here is refused before a resolver runs.
 */
import { createServer, type Server } from 'node:http';
import { connect as tcpConnect, type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { IsoDateOrDateTime } from '../../src/domain/document.js';
import {
  DocumentValidationError,
  MAX_LISTED_ISSUES,
  parseArticleDocument,
} from '../../src/domain/validate.js';
import { SEARCH_LIMITS } from '../../src/graph/lucene.js';
import { serverOptions } from '../../src/http-limits.js';
import { codesOf, offlineApi } from '../support/offline-api.js';
import { miniDoc } from '../support/mini-doc.js';

const api = offlineApi({ NEO4J_ACQUIRE_TIMEOUT_MS: '100' });
afterAll(() => api.close());

describe('search strings', () => {
  const cases: [string, string, string][] = [
    ['searchClaims', 'query', 'query Q($s: String!) { searchClaims(query: $s) { totalCount } }'],
    ['agents', 'name', 'query Q($s: String!) { agents(name: $s) { totalCount } }'],
  ];
  it.each(cases)(
    '%s: refuses a long string, too many terms or a long term, naming `%s`',
    async (_f, arg, q) => {
      for (const s of [
        'syria/'.repeat(200_000),
        'a'.repeat(SEARCH_LIMITS.maxLength + 1),
        Array.from({ length: SEARCH_LIMITS.maxTerms + 1 }, (_, i) => `w${i}`).join(' '),
        'x'.repeat(SEARCH_LIMITS.maxTermLength + 1),
      ]) {
        const r = await api.gql(q, {}, { s });
        expect(r.body.data ?? null).toBeNull();
        expect(r.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: arg });
        expect(r.body.errors?.[0]?.message).toMatch(new RegExp(`^\`${arg}\` `));
      }
    },
  );

  it.each(cases)('%s: lets an ordinary string through to the resolver', async (_f, arg, q) => {
    const r = await api.gql(q, {}, { s: 'humanitarian corridor al-Sharaa' });
    // The resolver ran and failed on the closed database port: no input error.
    expect(codesOf(r)).not.toContain('BAD_USER_INPUT');
    expect(r.body.errors?.some((e) => e.extensions?.field === arg)).toBe(false);
  });
});

describe('dates', () => {
  it('refuses impossible calendar dates and times, accepts real ones (leap days too)', () => {
    for (const bad of [
      '2026-02-30',
      '2025-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-01-05T24:00:00Z',
      '2026-01-05T10:60Z',
      '2026-01-05T10:00:00+15:00',
    ]) {
      expect(IsoDateOrDateTime.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of ['2024-02-29', '2026-12-31', '0001-01-01', '2026-01-05T23:59:59.5+05:30']) {
      expect(IsoDateOrDateTime.safeParse(good).success, good).toBe(true);
    }
  });

  it('refuses 2026-02-30 in a document, naming the field', () => {
    const doc = miniDoc();
    doc.article.publishedAt = '2026-02-30';
    expect(() => parseArticleDocument(doc)).toThrow(DocumentValidationError);
    try {
      parseArticleDocument(doc);
    } catch (error) {
      expect((error as DocumentValidationError).issues).toContainEqual(
        expect.objectContaining({ path: 'article.publishedAt', message: 'is not a real calendar date' }),
      );
    }
  });

  it('refuses 2026-02-30 as a Date argument, naming the variable', async () => {
    const r = await api.gql(
      'query T($d: Date) { timeline(from: $d) { totalCount } }',
      {},
      { d: '2026-02-30' },
    );
    expect(r.body.data ?? null).toBeNull();
    expect(codesOf(r)).toEqual(['BAD_USER_INPUT']);
    expect(r.body.errors?.[0]?.message).toMatch(/"\$d"/);
  });
});

describe('error lists', () => {
  it(`lists at most ${MAX_LISTED_ISSUES} problems, then one entry counting the rest`, () => {
    const doc = miniDoc();
    const claim = doc.claims[0]!;
    for (let i = 0; i < 500; i++) doc.claims.push({ ...claim, id: `bad-${i}`, text: 5 as never });
    let error: DocumentValidationError | undefined;
    try {
      parseArticleDocument(doc);
    } catch (e) {
      error = e as DocumentValidationError;
    }
    expect(error).toBeInstanceOf(DocumentValidationError);
    expect(error!.total).toBeGreaterThanOrEqual(500);
    expect(error!.issues).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(error!.issues.at(-1)).toEqual({
      path: '(document)',
      message: `${error!.total - MAX_LISTED_ISSUES} more problems not listed (${error!.total} in all)`,
    });
  });
});

describe('request size and time', () => {
  it('answers 413 to a body past MAX_BODY_BYTES', async () => {
    const big = JSON.stringify({
      query: '{ __typename }',
      variables: { pad: 'x'.repeat(api.config.MAX_BODY_BYTES) },
    });
    const r = await api.send(big);
    expect(r.status).toBe(413);
    const small = await api.send(JSON.stringify({ query: '{ __typename }' }));
    expect(small.status).toBe(200);
  });

  it('closes a connection whose body trickles in past REQUEST_TIMEOUT_MS', async () => {
    const { loadConfig } = await import('../../src/config.js');
    const { buildYoga } = await import('../../src/yoga.js');
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      HEADERS_TIMEOUT_MS: '300',
      REQUEST_TIMEOUT_MS: '1000',
    });
    const yoga = buildYoga({ config, db: api.db });
    const server: Server = createServer(serverOptions(config), yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const socket = tcpConnect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      socket.write(
        'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
      );
      const trickle = setInterval(() => socket.write('{'), 200);
      const closedAfter = await new Promise<number>((resolve) => {
        socket.on('close', () => resolve(Date.now() - started));
        socket.on('error', () => {});
      });
      clearInterval(trickle);
      expect(closedAfter).toBeLessThan(5_000);
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
