import path from 'node:path';
import type { Page } from 'playwright-core';
import { dayToExcelSerial, parseDate, segmentCustomers } from '../../src/core';
import type { SegmentOptions } from '../../src/core';
import { DEMO_CSV, demoSession } from './demoSession';
import { labelSegmentation, type LabelledSegmentation } from '../../src/messages/labelSegmentation';

jest.setTimeout(240_000);

const session = demoSession();

/** Core's result for the demo data, computed here in Node from the CSV, independently of the page. */
function expectedResult(
  language: 'en' | 'zh',
  clv: SegmentOptions['clv'] = { method: 'historic' },
): LabelledSegmentation {
  const lines = DEMO_CSV.trim().split('\n').slice(1);
  const cells = lines.map((line) => line.split(','));
  const result = segmentCustomers(
    {
      customer: cells.map((row) => row[0]),
      date: cells.map((row) => dayToExcelSerial(parseDate(row[1]) ?? Number.NaN)),
      quantity: cells.map((row) => Number(row[2])),
      amount: cells.map((row) => Number(row[3])),
      firstRowNumber: 2,
    },
    {
      tierScheme: 'pyramid',
      segmentMap: 'default',
      bins: 5,
      lifecycle: { periodDays: 90, churnDays: 365 },
      clv,
      language,
    },
  );
  return labelSegmentation(result);
}

async function openDemo(query = '', height = 1000): Promise<Page> {
  const page = await session.browser().newPage({ viewport: { width: 1400, height } });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${session.url()}demo.html${query}`);
  await page.getByTestId('use-data').waitFor();
  return page;
}

/** What the tests reach in the page: the demo's stand-in workbook and the syncs a test is holding. */
interface DemoWindow {
  demoWorkbook: {
    sheetValues: (name: string) => (string | number | boolean)[][];
    sheets: { name: string }[];
    tables: { name: string }[];
    charts: { title: string; type: string; sheet: { name: string } }[];
    beforeSync: (() => Promise<void>) | null;
  };
  heldSyncs: (() => void)[];
}

async function sheet(page: Page, name: string): Promise<(string | number | boolean)[][]> {
  return page.evaluate((sheetName) => (window as unknown as DemoWindow).demoWorkbook.sheetValues(sheetName), name);
}

/** Sheets, tables and charts of the demo workbook: what a run may leave behind. */
async function workbookObjects(
  page: Page,
): Promise<{ sheets: string[]; tables: string[]; charts: { title: string; type: string; sheet: string }[] }> {
  return page.evaluate(() => {
    const book = (window as unknown as DemoWindow).demoWorkbook;
    return {
      sheets: book.sheets.map((entry) => entry.name),
      tables: book.tables.map((entry) => entry.name),
      charts: book.charts.map((chart) => ({ title: chart.title, type: chart.type, sheet: chart.sheet.name })),
    };
  });
}

describe('demo page in Chromium', () => {
  test('a mouse run writes one row per customer and summary totals equal core’s totals; charts screenshot saved', async () => {
    // Tall enough that the whole pane, result included, is in the screenshot.
    const page = await openDemo('?lang=en-US', 1900);
    await page.getByTestId('use-data').click();
    await expect(page.getByTestId('data-summary').textContent()).resolves.toContain('3,316 rows');
    await expect(page.getByTestId('column-customer').inputValue()).resolves.toBe('0');
    await page.getByTestId('run').click();
    await page.getByTestId('result').waitFor({ timeout: 180_000 });

    const expected = expectedResult('en');
    const segments = await sheet(page, 'Customer Segments');
    expect(segments).toHaveLength(expected.customers.length + 1);
    // Headers for people, the id first, then segment, tier and stage.
    expect(segments[0]?.slice(0, 4)).toEqual(['Customer', 'RFM segment', 'Value tier', 'Lifecycle stage']);
    expect(
      segments
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(expected.customers.map((row) => row.customerId).sort());

    const summary = await sheet(page, 'Segment Summary');
    const tierRows = new Map(summary.map((row) => [row[0], row]));
    for (const tier of expected.totals.byTier) {
      // Every block: label, customer share, revenue share, customers, revenue, average CLV.
      expect(tierRows.get(tier.label)?.slice(1, 5)).toEqual([
        tier.customerShare,
        tier.revenueShare,
        tier.customers,
        tier.revenue,
      ]);
    }
    const total = summary.find((row) => row[0] === 'Total');
    expect(total?.[4]).toBe(expected.totals.all.revenue);
    // Independent of core: the CDNOW sample's dollar values add up to the revenue when no row is skipped.
    const plainSum = DEMO_CSV.trim()
      .split('\n')
      .slice(1)
      .reduce((sum, line) => sum + Number(line.split(',')[3]), 0);
    if (expected.skipped.total === 0) expect(expected.totals.all.revenue).toBeCloseTo(plainSum, 6);

    await expect(page.getByTestId('result-customers').textContent()).resolves.toBe(
      expected.totals.all.customers.toLocaleString('en'),
    );
    // The end of the run is announced, and focus moves to the result so keyboard and screen-reader users land there.
    await expect(page.getByTestId('run-status').textContent()).resolves.toBe(
      `Done: ${expected.totals.all.customers.toLocaleString('en')} customers in ${expected.totals.byTier.length} tiers.`,
    );
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('result-title');

    // The demo draws each chart of the summary sheet as Excel would, one point per group of its block.
    await page.getByTestId('sheet-tab-Segment Summary').click();
    const drawn = page.getByTestId('chart');
    await expect(drawn.count()).resolves.toBe(3);
    const points = await drawn.evaluateAll((items) =>
      items.map((item) => ({
        type: item.querySelector('svg')?.getAttribute('data-chart-type'),
        points: item.querySelectorAll('[data-point]').length,
      })),
    );
    // Two series per chart (share of customers, share of revenue): two points per group.
    expect(points).toEqual([
      { type: 'ColumnClustered', points: 2 * expected.totals.byTier.length },
      { type: 'BarClustered', points: 2 * expected.totals.bySegment.length },
      { type: 'ColumnClustered', points: 2 * expected.totals.byStage.length },
    ]);
    await page.getByTestId('charts').screenshot({ path: path.resolve('docs/screenshots/summary-charts.png') });
    await page.close();
  });

  test('the demo says what is selected; a range dragged with the mouse, or grown with Shift+arrows, is the data used', async () => {
    const page = await openDemo('?lang=en-US');
    await expect(page.getByTestId('demo-intro').textContent()).resolves.toContain('already selected');
    // Drag from A1 (the header) down to D11: a header and ten transactions.
    const cell = (row: number, column: number) =>
      page.locator(`[data-testid="grid"] tbody tr:nth-child(${row}) td:nth-child(${column + 1})`);
    await cell(1, 1).hover();
    await page.mouse.down();
    await cell(6, 3).hover();
    await cell(11, 4).hover();
    await page.mouse.up();
    await expect(page.getByTestId('grid').getAttribute('data-selection')).resolves.toBe('Transactions!A1:D11');
    await expect(page.locator('[data-testid="grid"] td[aria-selected="true"]').count()).resolves.toBe(44);
    await page.getByLabel('Current selection').check();
    await page.getByTestId('use-data').click();
    await expect(page.getByTestId('data-summary').textContent()).resolves.toContain('10 rows');

    // The keyboard: from the focused cell (D11), Shift+Down twice grows the selection by two rows.
    await page.getByTestId('grid').focus();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(page.getByTestId('grid').getAttribute('data-selection')).resolves.toBe('Transactions!A1:D13');
    await page.getByTestId('use-data').click();
    await expect(page.getByTestId('data-summary').textContent()).resolves.toContain('12 rows');
    await page.close();
  });

  test('a keyboard-only run reaches Run and finishes', async () => {
    const page = await openDemo('?lang=en-US');
    const pressUntilFocused = async (testId: string): Promise<void> => {
      for (let presses = 0; presses < 80; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
        if (focused === testId) return;
      }
      throw new Error(`Tab never reached ${testId}`);
    };
    await pressUntilFocused('use-data');
    await page.keyboard.press('Enter');
    await page.getByTestId('preflight').waitFor();
    await pressUntilFocused('run');
    await page.keyboard.press('Enter');
    await page.getByTestId('result').waitFor({ timeout: 180_000 });
    expect((await sheet(page, 'Customer Segments')).length).toBeGreaterThan(1);
    await page.close();
  });

  test('the Chinese UI follows the display language and writes Chinese sheets', async () => {
    const page = await openDemo('?lang=zh-CN');
    await expect(page.getByTestId('use-data').textContent()).resolves.toBe('使用这些数据');
    await page.getByTestId('use-data').click();
    await page.getByTestId('data-summary').waitFor();
    await expect(page.getByTestId('run').textContent()).resolves.toBe('运行');
    await page.getByTestId('run').click();
    await page.getByTestId('result').waitFor({ timeout: 180_000 });
    const expected = expectedResult('zh');
    const segments = await sheet(page, '客户分群');
    expect(segments).toHaveLength(expected.customers.length + 1);
    const summary = await sheet(page, '分群汇总');
    expect(summary.find((row) => row[0] === '合计')?.[4]).toBe(expected.totals.all.revenue);
    await expect(page.getByTestId('run-status').textContent()).resolves.toBe(
      `完成：${expected.totals.all.customers.toLocaleString('zh-CN')} 位客户，分为 ${expected.totals.byTier.length} 个价值层级。`,
    );
    await page.close();
  });

  test('a run with BG/NBD + Gamma–Gamma writes the holdout chart and block on the summary sheet', async () => {
    const page = await openDemo('?lang=en-US');
    await page.getByTestId('use-data').click();
    await page.getByTestId('data-summary').waitFor();
    await page.getByTestId('option-clvMethod').selectOption('probabilistic');
    await page.getByTestId('more-options').click();
    // Blank: core's default, a third of the history.
    await expect(page.getByTestId('option-holdoutWeeks').inputValue()).resolves.toBe('');
    await page.getByTestId('run').click();
    await page.getByTestId('result').waitFor({ timeout: 180_000 });

    const { charts } = await workbookObjects(page);
    expect(charts).toContainEqual({
      title: 'Holdout: actual vs predicted purchases',
      type: 'LineMarkers',
      sheet: 'Segment Summary',
    });
    // The block holds the same figures as core computes in Node from the CSV.
    const expected = expectedResult('en', {
      method: 'probabilistic',
      horizonMonths: 12,
      monthlyDiscount: 0.01,
      margin: 1,
      holdoutWeeks: 'auto',
    }).holdout;
    if (expected?.status !== 'fitted') throw new Error('core did not fit the holdout check on the demo data');
    const summary = await sheet(page, 'Segment Summary');
    const top = summary.findIndex((row) => row[0] === 'Repeat purchases in calibration');
    expect(top).toBeGreaterThan(0);
    const rows = summary.slice(top + 1, top + 9);
    expect(rows.map((row) => [row[0], row[1], row[3]])).toEqual(
      expected.rows.map((row) => [row.label, row.actual, row.customers]),
    );
    // Predictions come out of an iterative fit that stops at gradient 1e-8, and Chromium's V8 may differ from
    // Node's in the last bit of Math.exp or Math.log1p: the two agree to ~1e-9, not to the last digit.
    rows.forEach((row, k) => expect(row[2]).toBeCloseTo(expected.rows[k]?.predicted ?? NaN, 6));
    const info = Object.fromEntries(summary.map((row) => [row[0], row[1]]));
    expect(info).toMatchObject({ 'Calibration end': expected.calibrationEnd, 'Holdout period (weeks)': 26 });
    await expect(page.getByTestId('result-holdout').textContent()).resolves.toContain(
      `Holdout check: fitted to ${expected.calibrationEnd}, then 26 weeks`,
    );
    await page.close();
  });

  test('Cancel while the output is being written removes it; the source is unchanged and the pane says so', async () => {
    const page = await openDemo('?lang=en-US');
    await page.getByTestId('use-data').click();
    await page.getByTestId('data-summary').waitFor();
    const source = await sheet(page, 'Transactions');
    const before = await workbookObjects(page);
    expect(before).toEqual({ sheets: ['Transactions'], tables: [], charts: [] });

    // A run on the 3,316-row demo takes a moment, too short to press Cancel at a known point. The stand-in
    // can hold each sync until the test lets it go, so the run is stopped exactly mid-write.
    await page.evaluate(() => {
      const demo = window as unknown as DemoWindow;
      demo.heldSyncs = [];
      demo.demoWorkbook.beforeSync = () => new Promise<void>((resolve) => demo.heldSyncs.push(resolve));
    });
    const nextHeldSync = async (): Promise<void> => {
      await page.waitForFunction(() => (window as unknown as DemoWindow).heldSyncs.length > 0, undefined, {
        timeout: 120_000,
      });
    };
    await page.getByTestId('run').click();
    // Let syncs through one at a time until the output sheets exist (the writer adds both in one sync).
    for (let released = 0; !(await workbookObjects(page)).sheets.includes('Customer Segments'); released++) {
      if (released > 20) throw new Error('the run never created its output sheets');
      await nextHeldSync();
      await page.evaluate(() => (window as unknown as DemoWindow).heldSyncs.shift()?.());
    }
    // The writer is now waiting on its next round trip (the customer rows), with both sheets in the workbook.
    await nextHeldSync();
    expect((await workbookObjects(page)).sheets).toEqual(['Transactions', 'Customer Segments', 'Segment Summary']);
    await expect(page.getByTestId('run-status').textContent()).resolves.toBe('Writing');

    // Cancel by keyboard, as a keyboard user would; then let the held and later syncs run freely.
    await page.getByTestId('cancel').press('Enter');
    await expect(page.getByTestId('run-status').textContent()).resolves.toBe('Cancelling…');
    await page.evaluate(() => {
      const demo = window as unknown as DemoWindow;
      demo.demoWorkbook.beforeSync = null;
      for (const release of demo.heldSyncs.splice(0)) release();
    });

    await page.getByTestId('run-failed').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('run-failed').textContent()).resolves.toBe(
      'Cancelled. Nothing was changed in the workbook.',
    );
    expect(await workbookObjects(page)).toEqual(before);
    expect(await sheet(page, 'Transactions')).toEqual(source);
    await expect(page.getByTestId('result').count()).resolves.toBe(0);
    await page.close();
  });
  test('an Excel without ExcelApi 1.7 gets a clear message in its language instead of a pane that would fail', async () => {
    for (const [query, phrase] of [
      ['?lang=en-US&excelApi=1.6', 'needs the Excel JavaScript API 1.7'],
      ['?lang=zh-CN&excelApi=1.6', '需要 Excel JavaScript API 1.7'],
    ] as const) {
      const page = await session.browser().newPage();
      await page.goto(`${session.url()}demo.html${query}`);
      const message = page.getByTestId('unsupported-excel');
      await message.waitFor();
      await expect(message.textContent()).resolves.toContain(phrase);
      await expect(page.getByTestId('use-data').count()).resolves.toBe(0);
      await expect(page.getByTestId('run').count()).resolves.toBe(0);
      await page.close();
    }
    // Exactly at the required level the pane is there.
    const page = await openDemo('?lang=en-US&excelApi=1.7');
    await expect(page.getByTestId('unsupported-excel').count()).resolves.toBe(0);
    await page.close();
  });
});
