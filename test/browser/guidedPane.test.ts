/*
 * The pane a manager meets at 350 px, in English and Chinese: the preflight check and "Run anyway", inline
 * validation, replacing the previous results, no English sentence in the Chinese pane after a run with warnings,
 * and the screenshots of the pane (both languages, light and dark) and of both output sheets.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO_CSV, demoSession } from './demoSession';

jest.setTimeout(240_000);

const session = demoSession();

/** The demo at a task pane width of 350 px (Excel's narrowest pane), in a language and theme. */
async function openPane(lang: 'en-US' | 'zh-CN', options: { dark?: boolean; height?: number } = {}): Promise<Page> {
  const page = await session.browser().newPage({ viewport: { width: 1100, height: options.height ?? 1000 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${session.url()}demo.html?lang=${lang}${options.dark === true ? '&theme=dark' : ''}`);
  await page.addStyleTag({ content: '#pane { width: 350px !important; }' });
  await page.getByTestId('use-data').waitFor();
  return page;
}

interface DemoBook {
  demoWorkbook: {
    sheets: { name: string; cells: unknown[][] }[];
    tables: { name: string }[];
    charts: { title: string; sheet: { name: string } }[];
    sheetValues: (name: string) => unknown[][];
  };
}

/** Writes `text` into the date cell of the first `count` transactions of the demo sheet. */
async function spoilDates(page: Page, count: number, text: string): Promise<void> {
  await page.evaluate(
    ([rows, value]) => {
      const sheet = (window as unknown as DemoBook).demoWorkbook.sheets[0];
      if (sheet === undefined) throw new Error('no sheet');
      for (let row = 1; row <= Number(rows); row++) (sheet.cells[row] as unknown[])[1] = value;
    },
    [count, text] as const,
  );
}

const ROWS = DEMO_CSV.trim().split('\n').length - 1;

/** Three or more English words in a row: a sentence left untranslated. */
const ENGLISH_SENTENCE = /[A-Za-z]{2,}(?:[ ,'-]+[A-Za-z]{2,}){2,}/g;

describe('the guided pane at 350 px', () => {
  for (const lang of ['en-US', 'zh-CN'] as const) {
    test(`${lang}: the check of all rows warns past 5 % skipped; Run waits for "Run anyway"`, async () => {
      const page = await openPane(lang);
      await spoilDates(page, 250, 'n/a');
      await page.getByTestId('use-data').click();
      const warning = page.getByTestId('preflight-warning');
      await warning.waitFor();
      const number = (value: number): string => value.toLocaleString(lang);
      await expect(page.getByTestId('preflight-usable').textContent()).resolves.toContain(number(ROWS - 250));
      await expect(warning.textContent()).resolves.toContain(number(250));
      await expect(warning.textContent()).resolves.toContain('7.5%');
      // The reason with its first value, in the pane's language.
      await expect(page.getByTestId('preflight-skipped').textContent()).resolves.toContain(
        lang === 'en-US' ? "bad date: 250 (first at rows 2, 3, 4, 5, 6) — the first is 'n/a'." : '日期无效：250 行',
      );
      await expect(page.getByTestId('run').getAttribute('aria-disabled')).resolves.toBe('true');
      await expect(page.getByTestId('run-blocked').textContent()).resolves.toContain(
        lang === 'en-US' ? 'Run anyway' : '仍然运行',
      );
      // Nothing was written by the check.
      await expect(page.evaluate(() => (window as unknown as DemoBook).demoWorkbook.sheets.length)).resolves.toBe(1);
      if (lang === 'zh-CN') {
        // A run with warnings: an "analyse up to" date after the data's end makes core warn.
        await page.getByTestId('option-asOf').fill('1998-12-31');
      }
      await page.getByTestId('run-anyway').click();
      await page.getByTestId('result').waitFor({ timeout: 180_000 });
      await expect(page.getByTestId('result-skipped').textContent()).resolves.toContain(number(250));
      if (lang === 'zh-CN') {
        await expect(page.getByTestId('result-warnings').textContent()).resolves.toContain('分析截止日期');
        const text = await page.locator('#pane').innerText();
        expect(text.match(ENGLISH_SENTENCE)).toBeNull();
      }
      await page.close();
    });

    test(`${lang}: number fields keep what is typed and say what is wrong, from the option table; Run says why it waits`, async () => {
      const page = await openPane(lang);
      await page.getByTestId('use-data').click();
      await page.getByTestId('preflight').waitFor();
      await page.getByTestId('more-options').click();
      const bins = page.getByTestId('option-bins');
      await bins.fill('');
      // Cleared is cleared, not 0; the field and the Run button say what is missing.
      await expect(bins.inputValue()).resolves.toBe('');
      await expect(page.getByText(lang === 'en-US' ? 'Enter a value.' : '请输入数值。').count()).resolves.toBe(1);
      await bins.fill('11');
      await expect(
        page.getByText(lang === 'en-US' ? 'Enter a whole number from 2 to 10.' : '请输入 2 到 10 之间的整数。').count(),
      ).resolves.toBe(1);
      await expect(page.getByTestId('run').getAttribute('aria-disabled')).resolves.toBe('true');
      await expect(page.getByTestId('run-blocked').textContent()).resolves.toContain(
        lang === 'en-US' ? 'Score levels' : '评分等级数',
      );
      await bins.fill('4');
      await expect(page.getByTestId('run').getAttribute('aria-disabled')).resolves.toBeNull();
      // Rates are percentages, and ".7" stays ".7" while typed.
      await page.getByTestId('option-clvMethod').selectOption('probabilistic');
      const margin = page.getByTestId('option-margin');
      await expect(margin.inputValue()).resolves.toBe('100');
      await margin.fill('.7');
      await expect(margin.inputValue()).resolves.toBe('.7');
      await expect(page.getByTestId('run').getAttribute('aria-disabled')).resolves.toBeNull();
      // The value matrix is not offered with historic value: it cannot be chosen into a contradiction.
      await page.getByTestId('option-clvMethod').selectOption('historic');
      await expect(page.locator('[data-testid="option-tierScheme"] option[value="matrix"]').isDisabled()).resolves.toBe(
        true,
      );
      await page.close();
    });
  }

  test('text dates such as 03/04/1997 are skipped until the date order is given, right beside the check', async () => {
    const page = await openPane('en-US');
    await spoilDates(page, 300, '03/04/1997');
    await page.getByTestId('use-data').click();
    await page.getByTestId('preflight-warning').waitFor();
    const order = page.getByTestId('option-dateOrder');
    await expect(order.inputValue()).resolves.toBe('ymd');
    await order.selectOption('dmy');
    // Read as 3 April 1997, every row is usable: the warning and the block on Run go.
    await expect(page.getByTestId('preflight-usable').textContent()).resolves.toContain(
      `${ROWS.toLocaleString('en')} of ${ROWS.toLocaleString('en')} rows usable`,
    );
    await expect(page.getByTestId('preflight-warning').count()).resolves.toBe(0);
    await expect(page.getByTestId('run').getAttribute('aria-disabled')).resolves.toBeNull();
    await page.close();
  });

  test('replacing the previous results leaves exactly one set of output sheets, the user’s own sheets untouched', async () => {
    const page = await openPane('en-US');
    await page.getByTestId('use-data').click();
    await page.getByTestId('preflight').waitFor();
    await page.getByTestId('run').click();
    await page.getByTestId('result').waitFor({ timeout: 180_000 });
    await page.getByTestId('run').click();
    await page.getByTestId('result').waitFor({ timeout: 180_000 });
    const names = (): Promise<string[]> =>
      page.evaluate(() => (window as unknown as DemoBook).demoWorkbook.sheets.map((sheet) => sheet.name));
    await expect(names()).resolves.toEqual([
      'Transactions',
      'Customer Segments',
      'Segment Summary',
      'Customer Segments (2)',
      'Segment Summary (2)',
    ]);
    await page.getByTestId('option-replacePrevious').check();
    await page.getByTestId('run').click();
    await page.getByTestId('run-status').filter({ hasText: 'Done' }).waitFor({ timeout: 180_000 });
    await expect(names()).resolves.toEqual(['Transactions', 'Customer Segments', 'Segment Summary']);
    const charts = await page.evaluate(() =>
      (window as unknown as DemoBook).demoWorkbook.charts.map((chart) => chart.sheet.name),
    );
    expect(charts).toEqual(['Segment Summary', 'Segment Summary', 'Segment Summary']);
    await expect(
      page.evaluate(() => (window as unknown as DemoBook).demoWorkbook.tables.map((table) => table.name)),
    ).resolves.toHaveLength(1);
    await page.close();
  });

  test('the table choice is a list of the workbook’s tables', async () => {
    const page = await openPane('en-US');
    await page.getByTestId('source-table').check();
    const dropdown = page.getByTestId('table-name');
    await dropdown.waitFor();
    // The demo workbook has no Excel table yet: the pane says so instead of a free-text box.
    await expect(page.getByText('This workbook has no Excel tables.', { exact: false }).count()).resolves.toBe(1);
    await page.close();
  });

  test('screenshots: the pane in English and Chinese, light and dark; both output sheets with their charts', async () => {
    for (const [lang, dark, file] of [
      ['en-US', false, 'taskpane.png'],
      ['zh-CN', false, 'taskpane.zh-CN.png'],
      ['en-US', true, 'taskpane.dark.png'],
      ['zh-CN', true, 'taskpane.zh-CN.dark.png'],
    ] as const) {
      const page = await openPane(lang, { dark, height: 2700 });
      await page.getByTestId('use-data').click();
      await page.getByTestId('preflight').waitFor();
      await page.getByTestId('run').click();
      await page.getByTestId('result').waitFor({ timeout: 180_000 });
      await page.locator('#pane').screenshot({ path: path.resolve('docs/screenshots', file) });
      if (lang === 'en-US' && !dark) {
        await page.setViewportSize({ width: 1600, height: 1000 });
        await page.getByTestId('sheet-tab-Customer Segments').click();
        // The model columns are grouped and collapsed (the demo's host has ExcelApi 1.10): one "+" in their place.
        await expect(page.getByTestId('collapsed-columns').count()).resolves.toBe(1);
        await page.locator('#grid').screenshot({ path: path.resolve('docs/screenshots/segments-sheet.png') });
        await page.getByTestId('sheet-tab-Segment Summary').click();
        await page.locator('#grid').screenshot({ path: path.resolve('docs/screenshots/summary-sheet.png') });
      }
      await page.close();
    }
  });
});
