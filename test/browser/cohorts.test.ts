/*
 * The "Cohorts and retention" option in the demo page, in English and Chinese: the cohort sheet's triangle (an Excel
 * table), its three-colour scale, the retention chart and the sBG projection; screenshots for docs/screenshots.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { cohortTable, dayToExcelSerial, parseDate, parseTransactions, summarizeCustomers } from '../../src/core';
import { DEMO_CSV, demoSession } from './demoSession';

jest.setTimeout(240_000);

const session = demoSession();

interface CohortWindow {
  demoWorkbook: {
    sheetValues: (name: string) => (string | number | boolean)[][];
    sheets: { name: string; conditionalFormats: { criteria: unknown }[] }[];
    tables: { name: string; sheet: { name: string } }[];
    charts: { title: string; type: string; seriesBy: string; sheet: { name: string } }[];
  };
}

/** The demo data's monthly triangle (share still a customer, the contract reading), computed in Node from the CSV. */
function expectedSurvival(): number[][] {
  const cells = DEMO_CSV.trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
  const summary = summarizeCustomers(
    parseTransactions({
      customer: cells.map((row) => row[0]),
      date: cells.map((row) => dayToExcelSerial(parseDate(row[1]) ?? Number.NaN)),
      amount: cells.map((row) => Number(row[3])),
    }),
  );
  return cohortTable(summary).cohorts.map((row) => row.cells.map((cell) => cell.alive / row.size));
}

async function runWithCohorts(lang: string): Promise<Page> {
  const page = await session.browser().newPage({ viewport: { width: 1600, height: 1300 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${session.url()}demo.html?lang=${lang}`);
  await page.getByTestId('use-data').click();
  await page.getByTestId('data-summary').waitFor();
  await page.getByTestId('option-cohorts').check();
  await page.getByTestId('option-contractual').check();
  await page.getByTestId('run').click();
  await page.getByTestId('result').waitFor({ timeout: 180_000 });
  return page;
}

async function objects(page: Page, sheetName: string) {
  return page.evaluate((name) => {
    const book = (window as unknown as CohortWindow).demoWorkbook;
    return {
      values: book.sheetValues(name),
      tables: book.tables.filter((table) => table.sheet.name === name).map((table) => table.name),
      scales: book.sheets.find((sheet) => sheet.name === name)?.conditionalFormats.map((format) => format.criteria),
      charts: book.charts
        .filter((chart) => chart.sheet.name === name)
        .map((chart) => ({ title: chart.title, type: chart.type, seriesBy: chart.seriesBy })),
    };
  }, sheetName);
}

describe('Cohorts and retention in the demo page', () => {
  test.each([
    ['en-US', 'Cohorts', 'Cohort', 'Retention by period since acquisition, per cohort and on average', 'cohorts.png'],
    ['zh-CN', '同期群', '同期群', '按获客后期数的保留率：各同期群与平均', 'cohorts.zh-CN.png'],
  ])('%s: the cohort sheet has the triangle table, a three-colour scale and the retention chart', async (...args) => {
    const [lang, sheetName, cohortHeader, chartTitle, screenshot] = args;
    const page = await runWithCohorts(lang);
    const found = await objects(page, sheetName);
    expect(found.tables).toEqual(['CohortTriangle']);
    expect(found.scales).toEqual([
      {
        minimum: { formula: null, type: 'LowestValue', color: '#F8696B' },
        midpoint: { formula: '50', type: 'Percentile', color: '#FFEB84' },
        maximum: { formula: null, type: 'HighestValue', color: '#63BE7B' },
      },
    ]);
    expect(found.charts).toEqual([{ title: chartTitle, type: 'Line', seriesBy: 'Rows' }]);
    // The retention curves block holds the observed survival shares computed in Node: rows 1997-01 … 1997-03.
    const values = found.values;
    const header = values.findIndex((row) => row[0] === cohortHeader);
    expect(values.slice(header + 1, header + 4).map((row) => row[0])).toEqual(['1997-01', '1997-02', '1997-03']);
    const curves = values.findIndex((row, index) => index > header + 4 && row[0] === '1997-01');
    const survival = expectedSurvival();
    for (let cohort = 0; cohort < 3; cohort++) {
      const row = values[curves + cohort] ?? [];
      (survival[cohort] ?? []).forEach((share, age) => expect(row[1 + age]).toBeCloseTo(share, 12));
    }
    // Contract reading: the empty corner carries projected values and the legend explains the mark.
    const march = values[header + 3] ?? [];
    expect(typeof march[2 + 17]).toBe('number');
    expect(values.some((row) => String(row[0]).startsWith('* '))).toBe(true);
    // The grid shows the cohort sheet with its colour scale: a cell of the triangle has a background colour.
    await page.getByTestId(`sheet-tab-${sheetName}`).click();
    const background = await page
      .getByTestId('grid')
      .locator('tbody tr')
      .nth(header + 1)
      .locator('td')
      .nth(3)
      .evaluate((cell) => getComputedStyle(cell).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    await page.screenshot({ path: path.resolve('docs/screenshots', screenshot) });
    await page.close();
  });
});
