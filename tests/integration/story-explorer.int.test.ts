/**
 * The explorer's story pages in a real browser (Debian's Chromium, playwright-core), on three
 * reports of one wire story ingested the way `npm start` does, matching included: Reuters (four
 * unnamed sources), SadaNews relaying Reuters, Mehr News stating it a day later on its own
 * authority. An editor works the review queue from the page (the key typed into it), then reads
 * the statement across outlets and the story's timeline; every figure is checked against the API.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../../src/app.js';
import { ingestDocument } from '../../src/graph/ingest.js';
import { httpRoutes } from '../../src/http-routes.js';
import { repoRoot } from '../../src/paths.js';
import { buildYoga } from '../../src/yoga.js';
import { API_KEYS, EDITOR_KEY } from '../support/api.js';
import { browserTestsRun, launchChromium, type Browser } from '../support/chromium.js';
import { useTestGraph } from '../support/db.js';
import type { Proposal } from '../../src/explorer/client/story-api.js';

const IDS = ['reuters-2025-09-26-sweida-corridor-snag', 'sadanews-234899', 'mehr-news-237013'];
const REUTERS = 'reuters-2025-09-26-sweida-corridor-snag#pact-snag-sweida-corridor';
const SADA = 'sadanews-234899#security-deal-faltered-corridor';
const MEHR = 'mehr-news-237013#obstacle-stalled-pact-corridor';
/** The two statements the editor reviews here: the corridor snag (laundered) and "came close". */
const REVIEWED = ['corridor-snag', 'came-close'];

const gold = JSON.parse(readFileSync(path.join(fixturesDir, 'story', 'gold.json'), 'utf8')) as {
  statements: { id: string; claims: string[] }[];
};
const reviewed = gold.statements.filter((s) => REVIEWED.includes(s.id));
const inReviewed = (a: string, b: string) =>
  reviewed.some((s) => s.claims.includes(a) && s.claims.includes(b));

interface ProposalRow {
  key: string;
  fromKey: string;
  toKey: string;
  status: string;
  decidedBy: string | null;
}

const graph = useTestGraph({ config: { API_KEYS } });

describe.skipIf(!browserTestsRun('story explorer'))('the explorer’s story pages', () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    for (const id of IDS) {
      const doc: unknown = JSON.parse(
        readFileSync(path.join(fixturesDir, 'story', 'documents', `${id}.json`), 'utf8'),
      );
      await ingestDocument(graph.db, doc, { by: 'test' });
    }
    const yoga = buildYoga({ config: graph.config, db: graph.db, plugins: httpRoutes(graph) });
    server = createServer(yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      // The refused wrong key is an expected 401 (the browser logs every failed request).
      if (m.type() === 'error' && !/status of 40[13]/.test(m.text())) pageErrors.push(m.text());
    });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  /** The public API, read without a key: what the page must agree with. */
  const api = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const proposals = async (status: string) =>
    (
      await api<{ proposedLinks: { edges: { node: ProposalRow }[] } }>(
        `query($s: LinkProposalStatus) { proposedLinks(status: $s, type: SAME_STATEMENT, first: 100) {
          edges { node { key fromKey toKey status decidedBy } } } }`,
        { s: status },
      )
    ).proposedLinks.edges.map((e) => e.node);

  const idle = () =>
    page.waitForFunction(() => window.__explorer?.idle() === true, undefined, { timeout: 60_000 });
  const item = (key: string) => page.locator(`#queue li.proposal[data-key="${key}"]`);

  it('lists the queue without a key, refuses a decision until an editor key is typed, then decides through the API', async () => {
    await page.goto(`${base}/explore#review`);
    await idle();
    await page.selectOption('#queue-type', 'SAME_STATEMENT');
    await idle();
    const waiting = await proposals('PROPOSED');
    // Best first, as the API orders it (the page shows its first page of 20).
    const shown = await page
      .locator('#queue li.proposal')
      .evaluateAll((els) => els.map((e) => e.dataset.key));
    expect(shown).toEqual(waiting.slice(0, 20).map((p) => p.key));
    expect(await page.locator('#queue-info').innerText()).toContain(`${waiting.length} link(s)`);

    const toAccept = waiting.filter((p) => inReviewed(p.fromKey, p.toKey));
    const toReject = waiting.find((p) => !reviewed.some((s) => s.claims.includes(p.fromKey)));
    expect(toAccept.length).toBeGreaterThanOrEqual(4);
    expect(toReject).toBeDefined();
    // Each proposal to decide must be on the page: load more until it is.
    for (const p of [...toAccept, toReject!]) {
      while ((await item(p.key).count()) === 0) {
        await page.click('#queue-more');
        await idle();
      }
    }

    // No key: the page says so and nothing is decided.
    const first = toAccept[0]!;
    await item(first.key).locator('button.accept').click();
    await idle();
    expect(await page.locator('#status').innerText()).toMatch(/editor key/i);
    // A key without the editor role is refused by the API, and the page shows the API's answer.
    await page.fill('#editor-key', 'not-a-key-of-this-server-000');
    await page.click('#key-form button[type="submit"]');
    await item(first.key).locator('button.accept').click();
    await idle();
    expect(await page.locator('#status').getAttribute('class')).toBe('error');
    expect((await proposals('PROPOSED')).map((p) => p.key)).toContain(first.key);

    // The editor's key, typed into the page: kept in this tab's session storage, nowhere else.
    await page.fill('#editor-key', EDITOR_KEY);
    await page.click('#key-form button[type="submit"]');
    expect(await page.inputValue('#editor-key')).toBe('');
    const stored = await page.evaluate(() => ({
      session: Object.values(sessionStorage),
      local: Object.keys(localStorage).length,
    }));
    expect(stored).toEqual({ session: [EDITOR_KEY], local: 0 });

    for (const p of toAccept) {
      await item(p.key).locator('input.note').fill('same wire story');
      await item(p.key).locator('button.accept').click();
      await idle();
      await expect.poll(() => item(p.key).getAttribute('class')).toBe('proposal accepted');
    }
    await item(toReject!.key).locator('button.reject').click();
    await idle();
    await expect.poll(() => item(toReject!.key).getAttribute('class')).toBe('proposal rejected');

    const accepted = await proposals('ACCEPTED');
    expect(accepted.map((p) => p.key).sort()).toEqual(toAccept.map((p) => p.key).sort());
    expect(accepted.every((p) => p.decidedBy !== null)).toBe(true);
    expect((await proposals('REJECTED')).map((p) => p.key)).toEqual([toReject!.key]);
  });

  it('shows the statement across outlets as the API gives it: rows per outlet, who cites whom, laundering', async () => {
    interface Appearance {
      claim: { key: string };
      publisher: { name: string };
      cites: { name: string }[];
      independent: boolean;
      dependsOn: { key: string }[];
      laundering: { earlier: { key: string }; reason: string } | null;
    }
    const { statement } = await api<{
      statement: {
        firstReporter: { name: string };
        independentAppearances: number;
        appearances: Appearance[];
      };
    }>(
      `query($k: String!) { statement(claim: $k) { firstReporter { name } independentAppearances
        appearances { claim { key } publisher { name } cites { name } independent dependsOn { key }
          laundering { earlier { key } reason } } } }`,
      { k: MEHR },
    );
    expect(statement.appearances.map((a) => a.claim.key)).toEqual([REUTERS, SADA, MEHR]);

    // From the queue: the accepted corridor link opens its story.
    const corridor = (await proposals('ACCEPTED')).find((p) => p.fromKey === MEHR || p.toKey === MEHR);
    const link = corridor
      ? item(corridor.key).locator('.open-story')
      : page.locator('#queue .open-story').first();
    await link.click();
    await page.locator('#story-table tbody tr').first().waitFor();
    await idle();
    expect(await page.evaluate(() => location.hash)).toMatch(/^#story=/);
    if (!(await page.evaluate(() => location.hash)).includes(encodeURIComponent(MEHR))) {
      await page.evaluate((k) => window.__explorer.go(`#story=${encodeURIComponent(k)}`), MEHR);
      await idle();
    }

    const rows = await page.locator('#story-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        claim: tr.getAttribute('data-claim'),
        cls: tr.className,
        outlet: tr.querySelector('.outlet')?.textContent,
        cites: tr.querySelector('.cites')?.textContent,
        independence: tr.querySelector('.independence')?.textContent,
        attribution: tr.querySelector('.attribution')?.textContent,
      })),
    );
    expect(rows.map((r) => r.claim)).toEqual(statement.appearances.map((a) => a.claim.key));
    statement.appearances.forEach((a, i) => {
      const row = rows[i]!;
      expect(row.outlet).toBe(a.publisher.name);
      expect(row.cls).toContain(a.independent ? 'independent' : 'dependent');
      for (const c of a.cites) expect(row.cites).toContain(c.name);
      // The page names the earlier appearance by its outlet where the API's reason gives its key.
      const outletOf = (key: string) =>
        statement.appearances.find((x) => x.claim.key === key)!.publisher.name;
      if (a.laundering)
        expect(row.attribution).toContain(
          a.laundering.reason.replace(a.laundering.earlier.key, outletOf(a.laundering.earlier.key)),
        );
      else expect(row.cls).not.toContain('laundered');
    });
    const [reuters, sada, mehr] = statement.appearances;
    expect(reuters!.independent).toBe(true);
    expect(rows[1]!.independence).toContain(reuters!.publisher.name);
    expect(rows[1]!.cites).toMatch(/^SadaNews → Reuters → /);
    expect(mehr!.laundering?.earlier.key).toBe(REUTERS);
    expect(rows[2]!.cls).toContain('laundered');
    expect(sada!.dependsOn.map((d) => d.key)).toContain(REUTERS);

    const summary = await page.locator('#story-summary').innerText();
    expect(summary).toContain(`First reported by ${statement.firstReporter.name}`);
    expect(summary).toContain(`${statement.independentAppearances} independent`);

    // The chart: one row per outlet, a dot per appearance, the laundered one marked, the lines.
    const chart = await page.evaluate(() => {
      const svg = document.querySelector('#story-chart')!;
      const attrs = (sel: string) =>
        [...svg.querySelectorAll(sel)].map(
          (e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`,
        );
      return {
        rows: [...svg.querySelectorAll('.row-label')].map((e) => e.textContent),
        dots: [...svg.querySelectorAll('g.appearance')].map((g) => ({
          claim: g.getAttribute('data-claim'),
          cls: g.getAttribute('class'),
        })),
        shared: attrs('path.shared-origin'),
        laundering: attrs('path.laundering-link'),
        marks: [...svg.querySelectorAll('.laundered-mark')].length,
      };
    });
    expect(chart.rows).toEqual(statement.appearances.map((a) => a.publisher.name));
    expect(chart.dots.map((d) => d.claim)).toEqual([REUTERS, SADA, MEHR]);
    expect(chart.dots[0]!.cls).toBe('appearance independent');
    expect(chart.dots[2]!.cls).toContain('laundered');
    expect(chart.shared).toEqual(
      statement.appearances.flatMap((a) => a.dependsOn.map((d) => `${d.key}>${a.claim.key}`)),
    );
    expect(chart.laundering).toEqual([`${REUTERS}>${MEHR}`]);
    expect(chart.marks).toBe(1);
    // The laundered appearances of the whole graph, in the side list, lead to this story.
    expect(await page.locator(`#laundered button[data-claim="${MEHR}"]`).count()).toBe(1);

    mkdirSync(path.join(repoRoot, 'test-results'), { recursive: true });
    await page.setViewportSize({ width: 1280, height: 640 });
    await page.screenshot({ path: path.join(repoRoot, 'test-results', 'story.png') });
    if (process.env.UPDATE_SCREENSHOT === '1') {
      await page.screenshot({ path: path.join(repoRoot, 'docs', 'story.png') });
    }
    await page.setViewportSize({ width: 1600, height: 1100 });

    // A dot opens its claim in the claim view.
    await page.locator(`#story-chart g.appearance[data-claim="${SADA}"]`).click();
    await page.locator('#chain ol.chain li.hop').first().waitFor();
    await idle();
    expect(await page.locator('#chain').innerText()).toContain('Reuters');
    expect(pageErrors).toEqual([]);
  });

  it('draws the story’s timeline: each outlet’s first telling, events with the dates the API gives', async () => {
    const data = await api<{
      articles: { edges: { node: { publishedAt: string; publisher: { name: string } } }[] };
      timeline: { edges: { node: { key: string; time: { label: string } } }[] };
    }>(`{ articles(first: 100) { edges { node { publishedAt publisher { name } } } }
          timeline(first: 100) { edges { node { key time { label } } } } }`);
    const byDate = data.articles.edges
      .map((e) => e.node)
      .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
    const outlets = [...new Set(byDate.map((a) => a.publisher.name))];

    await page.evaluate(() => window.__explorer.go('#timeline'));
    await page.locator('#timeline-chart').waitFor();
    await idle();
    expect(await page.locator('#first-tellings li strong').allInnerTexts()).toEqual(outlets);
    const drawn = await page.evaluate(() => ({
      firsts: document.querySelectorAll('#timeline-chart g.report.first-telling').length,
      reports: document.querySelectorAll('#timeline-chart g.report').length,
    }));
    expect(drawn).toEqual({ firsts: outlets.length, reports: byDate.length });
    const events = await page
      .locator('#timeline-events li')
      .evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-event'), li.textContent]));
    expect(events.map(([key]) => key)).toEqual(data.timeline.edges.map((e) => e.node.key));
    data.timeline.edges.forEach((e, i) => expect(events[i]![1]).toContain(e.node.time.label));
    expect(pageErrors).toEqual([]);
  });

  it('tells an editor the matcher’s finer reasons in words: what each claim does and who voices it, the substance both say, a restatement, what a denial rejects', async () => {
    type Reasons = Pick<
      Proposal['reasons'],
      'classes' | 'voices' | 'substance' | 'substanceShare' | 'restatement' | 'denial'
    >;
    interface Row {
      key: string;
      fromKey: string;
      toKey: string;
      reasons: Reasons;
    }
    const waiting = async (type: string) =>
      (
        await api<{ proposedLinks: { edges: { node: Row }[] } }>(
          `query($t: ClaimRelationType) { proposedLinks(status: PROPOSED, type: $t, first: 20) { edges { node {
            key fromKey toKey reasons { classes { from to } voices { from to } substance substanceShare
              restatement denial { byKey target head covered headShare putsForward } } } } } }`,
          { t: type },
        )
      ).proposedLinks.edges.map((e) => e.node);
    /** The detail lines the page shows under each proposal of its first page, by reason. */
    const shownDetails = async (type: string) => {
      await page.selectOption('#queue-type', type);
      await idle();
      return page.locator('#queue li.proposal').evaluateAll((els) =>
        els.map((e) => ({
          key: e.getAttribute('data-key'),
          lines: Object.fromEntries(
            [...e.querySelectorAll('.reasons-detail li')].map((li) => [
              li.getAttribute('data-reason'),
              li.textContent,
            ]),
          ) as Record<string, string>,
        })),
      );
    };
    const pct = (x: number) => `${Math.round(x * 100)}%`;

    await page.evaluate(() => window.__explorer.go('#review'));
    await idle();
    await page.selectOption('#queue-status', 'PROPOSED');
    await idle();
    let denials = 0;
    let restatements = 0;
    let exact = 0;
    for (const type of ['SAME_STATEMENT', 'SUPPORTS', 'CONTRADICTS']) {
      const rows = await waiting(type);
      const shown = await shownDetails(type);
      expect(shown.map((x) => x.key)).toEqual(rows.map((r) => r.key));
      rows.forEach((row, i) => {
        const { lines } = shown[i]!;
        const r = row.reasons;
        // Every reason the API gives is shown, and no line the API has no reason for.
        expect(Object.keys(lines).sort()).toEqual(
          [
            r.classes || r.voices ? 'kinds' : null,
            r.substance ? 'substance' : null,
            r.restatement ? 'restatement' : null,
            r.denial ? 'denial' : null,
          ]
            .filter((x) => x !== null)
            .sort(),
        );
        if (r.classes) expect(lines.kinds).toMatch(/^From: .+\. To: .+\.$/);
        if (r.voices) expect(lines.kinds).toMatch(/voiced by .+voiced by /);
        if (r.substance?.length) {
          for (const w of r.substance) expect(lines.substance).toContain(w);
          expect(lines.substance).toContain(`${pct(r.substanceShare!)} of the shorter claim’s substance`);
        }
        if (r.restatement) restatements++;
        const d = r.denial;
        if (d) {
          denials++;
          expect(lines.denial).toContain(
            d.byKey === row.fromKey ? 'The “from” claim rejects' : 'The “to” claim rejects',
          );
          expect(lines.denial).toContain(
            `rejects: ${d.target.join(', ')}; at its heart: ${d.head.join(', ')}.`,
          );
          if (d.putsForward)
            expect(lines.denial).toContain(
              `puts it forward (${d.putsForward}) and says ${d.covered.join(', ')}: ${pct(d.headShare)} of what is rejected`,
            );
          else expect(lines.denial).toContain('puts nothing forward');
        }
        // The wording itself, on a party's denial of a demand that reporters tell of.
        if (
          r.classes?.from === 'DENIAL' &&
          r.classes.to === 'STANCE' &&
          r.voices?.from === 'PARTY' &&
          r.voices.to === 'REPORTER'
        ) {
          exact++;
          expect(lines.kinds).toBe(
            'From: a denial or rejection, voiced by a party (a named actor, or an unnamed source tied to one). ' +
              'To: a party’s demand, proposal or position, voiced by a reporter (an outlet, a wire, or unnamed sources tied to no party).',
          );
        }
      });
    }
    // The checks above met each kind of line on these three reports.
    expect(denials).toBeGreaterThan(0);
    expect(restatements).toBeGreaterThan(0);
    expect(exact).toBeGreaterThan(0);

    // A proposal stored by an earlier matcher (no finer reasons) says so instead.
    const [older] = await waiting('CONTRADICTS');
    const [stored] = await graph.db.read((tx) =>
      tx.rows('MATCH (p:LinkProposal {key: $k}) RETURN p.reasons AS reasons', { k: older!.key }),
    );
    const { classes, voices, substance, substanceShare, denial, ...earlier } = JSON.parse(
      String(stored!.reasons),
    );
    expect([classes, voices, substance, substanceShare, denial].every((x) => x !== undefined)).toBe(true);
    const setReasons = (reasons: string) =>
      graph.db.write((tx) =>
        tx.rows('MATCH (p:LinkProposal {key: $k}) SET p.reasons = $r RETURN p.key AS key', {
          k: older!.key,
          r: reasons,
        }),
      );
    await setReasons(JSON.stringify(earlier));
    try {
      await shownDetails('SUPPORTS');
      const shown = await shownDetails('CONTRADICTS');
      expect(shown.find((x) => x.key === older!.key)?.lines).toEqual({
        older: 'Proposed by an earlier matcher: kinds, voices and shared substance were not recorded.',
      });
    } finally {
      await setReasons(String(stored!.reasons));
    }
    expect(pageErrors).toEqual([]);
  });
});
