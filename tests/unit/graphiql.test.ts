/**
 * GraphiQL in a real browser (Debian's headless Chromium through playwright-core), with every
 * request to anywhere but the API refused: it must load from the project's own dependencies,
 * show the title and the example tabs, fetch the schema by introspection through the guards, and
 * show the schema docs. The API has no database behind it (introspection needs none).
 * Without Chromium the test fails under CI (CI=true) and is skipped with a message elsewhere.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleTabs, GRAPHIQL_TITLE } from '../../src/graphiql.js';
import { EXAMPLE_QUERIES } from '../../src/examples.js';
import { buildYoga } from '../../src/yoga.js';
import { browserTestsRun, launchChromium, type Browser } from '../support/chromium.js';
import { offlineApi } from '../support/offline-api.js';

describe('example tabs', () => {
  it('one tab per example query, each starting with its comment', () => {
    const tabs = exampleTabs();
    expect(tabs.length).toBe((EXAMPLE_QUERIES.match(/^query /gm) ?? []).length);
    for (const tab of tabs) expect(tab.query).toMatch(/^# .+\nquery \w+/);
  });
});

describe.skipIf(!browserTestsRun('graphiql'))('GraphiQL, offline', { timeout: 400_000 }, () => {
  const api = offlineApi({ NODE_ENV: 'development' });
  let server: Server;
  let base: string;
  let chrome: Browser | undefined;
  let browser: BrowserContext;
  let page: Page;
  const refused: string[] = [];
  const served: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const yoga = buildYoga({ config: api.config, db: api.db });
    server = createServer(yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    chrome = await launchChromium({ width: 1400, height: 1000 });
    browser = chrome.context;
    // Offline: anything not from this server (a CDN, fonts) is refused and recorded.
    await browser.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith('blob:') || url.startsWith('data:')) {
        served.push(url);
        return route.continue();
      }
      refused.push(url);
      return route.abort('internetdisconnected');
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    // The page inlines about 9 MB of script; a busy machine takes a while to parse it.
    page.setDefaultTimeout(120_000);
    page.setDefaultNavigationTimeout(120_000);
    page.on('pageerror', (e) => pageErrors.push(e.message));
  }, 240_000);

  afterAll(async () => {
    await chrome?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await api.close();
  });

  it('loads with nothing from elsewhere, shows its title and the example tabs', async () => {
    const response = await page.goto(`${base}/graphql`, { waitUntil: 'domcontentloaded' });
    expect(response?.status()).toBe(200);
    expect(await page.title()).toBe(GRAPHIQL_TITLE);
    // The editor is up (not the "Loading..." text a CDN page shows offline).
    await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-query-editor').first().waitFor({ timeout: 60_000 });
    const tabs = await page.locator('.graphiql-tab').allInnerTexts();
    expect(tabs.map((t) => t.trim())).toEqual(expect.arrayContaining(['Provenance', 'Anonymous', 'Search']));
    expect(refused).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('fetches the schema through the guards and shows the docs', async () => {
    await page.locator('button[aria-label="Show Documentation Explorer"]').click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().waitFor({ timeout: 60_000 });
    await docs.getByText('Query', { exact: true }).first().click();
    // Fields of Query with their descriptions come from introspection.
    await docs.getByText('searchClaims', { exact: true }).waitFor({ timeout: 30_000 });
    const text = await docs.innerText();
    expect(text).toContain('claim');
    expect(text).toContain('timeline');
    expect(served.some((u) => u.startsWith(`${base}/graphql`))).toBe(true);
    expect(refused).toEqual([]);
  });
});
