/*
 * Chinese must render as Chinese. Without a CJK font, Chromium draws every Chinese character as the same
 * ".notdef" box, and a test that compares text cannot notice. These tests compare pixels: the pane's Chinese
 * heading is drawn on a canvas in the heading's own font, beside a string of as many characters that no font
 * has (U+10FFFD, private use), which is always drawn as boxes. Equal pixels mean boxes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './launchChromium';
import { serveFolder } from './staticServer';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');

jest.setTimeout(240_000);

let server: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  server = await serveFolder(DIST);
});

afterAll(async () => {
  await server?.close();
});

/** How the page draws the heading's text, against the same number of characters that can only be boxes. */
async function headingGlyphs(page: Page): Promise<{ text: string; font: string; sameAsBoxes: boolean }> {
  return page.evaluate(() => {
    const heading = document.querySelector('h1');
    if (heading === null) throw new Error('the pane has no heading');
    const text = heading.textContent ?? '';
    const font = getComputedStyle(heading).font;
    const draw = (value: string): Uint8ClampedArray => {
      const canvas = document.createElement('canvas');
      canvas.width = 600;
      canvas.height = 60;
      const context = canvas.getContext('2d');
      if (context === null) throw new Error('no 2d canvas');
      context.font = font;
      context.fillStyle = '#000';
      context.textBaseline = 'top';
      context.fillText(value, 4, 8);
      return context.getImageData(0, 0, canvas.width, canvas.height).data;
    };
    const glyphs = draw(text);
    const boxes = draw('\u{10FFFD}'.repeat([...text].length));
    return { text, font, sameAsBoxes: glyphs.every((value, index) => value === boxes[index]) };
  });
}

async function openChinesePane(browser: Browser, height = 1000): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height } });
  await page.goto(`${server.url}demo.html?lang=zh-CN`);
  await page.getByTestId('use-data').waitFor();
  return page;
}

describe('Chinese text in Chromium', () => {
  test('the Chinese pane is drawn with CJK glyphs, not boxes, through a run', async () => {
    const browser = await launchChromium();
    try {
      const page = await openChinesePane(browser, 1900);
      const heading = await headingGlyphs(page);
      expect(heading.text).toMatch(/[\u4e00-\u9fff]/);
      if (heading.sameAsBoxes) {
        throw new Error(
          `The Chinese heading "${heading.text}" is drawn as boxes (font ${heading.font}): install CJK fonts ` +
            '(Debian/Ubuntu: apt-get install fonts-noto-cjk).',
        );
      }
      await page.getByTestId('use-data').click();
      await page.getByTestId('data-summary').waitFor();
      await page.getByTestId('run').click();
      await page.getByTestId('result').waitFor({ timeout: 180_000 });
      // Its screenshot, with the others of the pane, is taken by guidedPane.test.ts.
    } finally {
      await browser.close();
    }
  });

  // The check above must be able to fail: hide the CJK fonts from a second browser (fontconfig reads only
  // Debian's TrueType folder, where no CJK font lives) and the same heading must be reported as boxes.
  const debianTrueType = '/usr/share/fonts/truetype';
  (existsSync(debianTrueType) ? test : test.skip)('without CJK fonts the check reports boxes', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'no-cjk-fonts-'));
    const config = path.join(folder, 'fonts.conf');
    writeFileSync(
      config,
      `<?xml version="1.0"?>\n<fontconfig><dir>${debianTrueType}</dir><cachedir>${folder}</cachedir></fontconfig>\n`,
    );
    const previous = process.env.FONTCONFIG_FILE;
    process.env.FONTCONFIG_FILE = config;
    const browser = await launchChromium();
    try {
      const heading = await headingGlyphs(await openChinesePane(browser));
      expect(heading.text).toMatch(/[\u4e00-\u9fff]/);
      expect(heading.sameAsBoxes).toBe(true);
    } finally {
      await browser.close();
      if (previous === undefined) delete process.env.FONTCONFIG_FILE;
      else process.env.FONTCONFIG_FILE = previous;
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
