import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './launchChromium';
import { serveFolder } from './staticServer';

/** The demo's transactions, as the page loads them: tests compute their expectations from it in Node. */
export const DEMO_CSV = readFileSync(path.resolve('src/demo/cdnowSample.csv'), 'utf8');

/**
 * Serves the production build (npm run build; DIST_DIR lets a partial local build be tested too) and starts
 * Chromium for one test file, both closed after its tests.
 */
export function demoSession(): { browser: () => Browser; url: () => string } {
  let browser: Browser | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    server = await serveFolder(path.resolve(process.env.DIST_DIR ?? 'dist'));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    browser: () => browser as Browser,
    url: () => (server as { url: string }).url,
  };
}
