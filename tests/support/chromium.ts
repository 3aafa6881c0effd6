/**
 * Debian's headless Chromium for the browser tests, driven by playwright-core. Without Chromium a
 * browser test fails under CI (CI=true) and is skipped with a message elsewhere;
 * scripts/install-chromium.sh installs it.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
const inCI = Boolean(process.env.CI) && process.env.CI !== 'false';

/** True when the browser tests should run (here, or in CI where a missing browser is a failure). */
export function browserTestsRun(name: string): boolean {
  if (!haveChromium && !inCI)
    console.warn(`[${name}] skipped: no Chromium at ${CHROMIUM} (run scripts/install-chromium.sh)`);
  return haveChromium || inCI;
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh browser profile (so session storage starts empty), closed and removed by `close`. */
export async function launchChromium(viewport = { width: 1600, height: 1100 }): Promise<Browser> {
  if (!haveChromium) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}; CI needs it for the browser tests: run scripts/install-chromium.sh`,
    );
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'chromium-test-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport,
    deviceScaleFactor: 1,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
