import { readFileSync } from 'node:fs';
import path from 'node:path';
import { segmentInput } from '../../src/core';
import { loadRunSettings } from '../../src/excel';
import { StandinRequestContext, asExcelContext } from '../../src/standin';
import { sampleWorkbook } from '../../src/demo/sampleWorkbook';
import type { Compute } from '../../src/taskpane/run/compute';
import type { ExcelRun } from '../../src/taskpane/run/excelHost';
import { runSegmentation } from '../../src/taskpane/run/runSegmentation';
import { DEFAULT_FORM_OPTIONS } from '../../src/taskpane/state/formOptions';
import type { FormOptions } from '../../src/taskpane/state/formOptions';
import { paneReducer } from '../../src/taskpane/state/paneReducer';
import type { PaneEvent } from '../../src/taskpane/state/paneReducer';
import { initialPaneState } from '../../src/taskpane/state/paneState';

const CSV = readFileSync(path.resolve('src/demo/cdnowSample.csv'), 'utf8');
const inProcess: Compute = async (input, options, onProgress) =>
  segmentInput(input, options, (_phase, fraction) => onProgress(fraction));

async function run(
  date1904: boolean,
  options: FormOptions,
): Promise<{ values: (string | number | boolean)[][]; events: PaneEvent[]; charts: string[] }> {
  const book = sampleWorkbook(CSV);
  if (date1904) {
    // The same dates typed into a 1904 workbook are stored as serials 1,462 days smaller.
    book.date1904 = true;
    const sheet = book.sheets[0];
    for (const row of sheet?.cells.slice(1) ?? []) row[1] = Number(row[1]) - 1462;
  }
  const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
  const events: PaneEvent[] = [];
  await runSegmentation(
    {
      source: { kind: 'selection' },
      mapping: { customer: 0, date: 1, quantity: 2, amount: 3 },
      options,
      addinVersion: 'test',
    },
    { excelRun, compute: inProcess },
    (event) => events.push(event),
    new AbortController().signal,
  );
  return {
    values: book.findSheet('Customer Segments') ? book.sheetValues('Customer Segments') : [],
    events,
    charts: book.charts.map((chart) => chart.title),
  };
}

describe('pane run against the stand-in with the real core', () => {
  test('a 1904 workbook gives the same customers, dates and values as the 1900 one', async () => {
    const in1900 = await run(false, DEFAULT_FORM_OPTIONS);
    const in1904 = await run(true, DEFAULT_FORM_OPTIONS);
    expect(in1900.events.at(-1)).toMatchObject({ type: 'runFinished', summary: { customers: 1000 } });
    expect(in1904.values).toHaveLength(1001);
    const header = in1900.values[0] ?? [];
    const first = header.indexOf('first_purchase');
    const monetary = header.indexOf('monetary');
    in1900.values.slice(1).forEach((row, index) => {
      const other = in1904.values[index + 1] ?? [];
      expect([other[0], other[monetary]]).toEqual([row[0], row[monetary]]);
      // Written as serials in each workbook's own system.
      expect(Number(other[first])).toBe(Number(row[first]) - 1462);
    });
  });

  test('the probabilistic CLV method adds the predicted value and P(alive) columns, the holdout chart and the model-fit chart', async () => {
    const { values, events, charts } = await run(false, { ...DEFAULT_FORM_OPTIONS, clvMethod: 'probabilistic' });
    expect(events.at(-1)?.type).toBe('runFinished');
    expect(values[0]).toEqual(expect.arrayContaining(['Chance still active', 'Predicted value']));
    expect(charts).toEqual([
      'Customers and revenue by value tier (share)',
      'Customers and revenue by RFM segment (share)',
      'Customers and revenue by lifecycle stage (share)',
      'Holdout: actual vs predicted purchases',
      'Model fit: customers by repeat purchases, actual vs BG/NBD',
      'Tracking: cumulative repeat transactions, actual vs model (last calibration week: 52)',
    ]);
  });

  test('the tracking block ends on every repeat purchase day of the CSV, counted here independently', async () => {
    const book = sampleWorkbook(CSV);
    const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
    await runSegmentation(
      {
        source: { kind: 'selection' },
        mapping: { customer: 0, date: 1, quantity: 2, amount: 3 },
        options: { ...DEFAULT_FORM_OPTIONS, clvMethod: 'probabilistic' },
        addinVersion: 'test',
      },
      { excelRun, compute: inProcess },
      () => undefined,
      new AbortController().signal,
    );
    const summary = book.sheetValues('Segment Summary');
    const header = summary.findIndex((row) => row[0] === 'Week');
    expect(summary[header]?.slice(0, 4)).toEqual([
      'Week',
      'Repeat transactions (actual, cumulative)',
      'Model, calibration (cumulative)',
      'Model, holdout (cumulative)',
    ]);
    const lines = CSV.trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    const days = new Set(lines.map((cells) => `${cells[0]}|${cells[1]}`));
    const customers = new Set(lines.map((cells) => cells[0]));
    const last = summary[header + 78];
    expect(last?.[0]).toBe(78);
    expect(last?.[1]).toBe(days.size - customers.size);
    // The model's two series meet at the last calibration week and only there.
    const boundary = summary[header + 52];
    expect(boundary?.[2]).toBe(boundary?.[3]);
    expect(summary[header + 53]?.[2]).toBe('');
    expect(summary[header + 51]?.[3]).toBe('');
  });

  test('the cohort option writes a cohort sheet: triangle table, three-colour scale, retention chart; descriptive for retail', async () => {
    const book = sampleWorkbook(CSV);
    const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
    const events: PaneEvent[] = [];
    await runSegmentation(
      {
        source: { kind: 'selection' },
        mapping: { customer: 0, date: 1, quantity: 2, amount: 3 },
        options: { ...DEFAULT_FORM_OPTIONS, cohorts: true },
        addinVersion: 'test',
      },
      { excelRun, compute: inProcess },
      (event) => events.push(event),
      new AbortController().signal,
    );
    expect(events.at(-1)?.type).toBe('runFinished');
    const sheet = book.findSheet('Cohorts')!;
    const values = book.sheetValues('Cohorts');
    const top = values.findIndex((row) => row[0] === 'Cohort');
    expect(values[top]?.slice(0, 4)).toEqual(['Cohort', 'Customers', '0', '1']);
    // The demo data: first purchases in January to March 1997, each cohort's age 0 is 100 % active.
    expect(values.slice(top + 1, top + 4).map((row) => [row[0], row[2]])).toEqual([
      ['1997-01', 1],
      ['1997-02', 1],
      ['1997-03', 1],
    ]);
    expect(book.tables.map((table) => table.name)).toContain('CohortTriangle');
    expect(sheet.conditionalFormats).toHaveLength(1);
    expect(sheet.conditionalFormats[0]?.criteria).toMatchObject({
      minimum: { type: 'LowestValue' },
      midpoint: { type: 'Percentile', formula: '50' },
      maximum: { type: 'HighestValue' },
    });
    expect(book.charts.find((chart) => chart.sheet === sheet)).toMatchObject({ type: 'Line', seriesBy: 'Rows' });
    expect(values.some((row) => String(row[0]).startsWith('Descriptive only'))).toBe(true);
  });

  test('contract data: the corner is projected by the sBG model, marked by number format and legend, with CLV per cohort', async () => {
    const book = sampleWorkbook(CSV);
    const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
    await runSegmentation(
      {
        source: { kind: 'selection' },
        mapping: { customer: 0, date: 1, quantity: 2, amount: 3 },
        options: { ...DEFAULT_FORM_OPTIONS, cohorts: true, contractual: true },
        addinVersion: 'test',
      },
      { excelRun, compute: inProcess },
      () => undefined,
      new AbortController().signal,
    );
    const sheet = book.findSheet('Cohorts')!;
    const values = book.sheetValues('Cohorts');
    const top = values.findIndex((row) => row[0] === 'Cohort');
    // Monthly cohorts 1997-01 … 1997-03 observed to June 1998 (complete): February's age 17 and March's ages 16–17
    // form the empty corner, projected and marked "*" by number format; January is observed throughout.
    const format = (row: number, age: number): string => book.numberFormatAt(sheet, top + row, 2 + age);
    expect([format(1, 17), format(2, 16), format(2, 17), format(3, 15), format(3, 16), format(3, 17)]).toEqual([
      '0.0%',
      '0.0%',
      '0.0%"*"',
      '0.0%',
      '0.0%"*"',
      '0.0%"*"',
    ]);
    const projected = values[top + 3]?.[2 + 16];
    const observed = values[top + 3]?.[2 + 15];
    expect(typeof projected).toBe('number');
    expect(projected as number).toBeLessThanOrEqual(observed as number);
    expect(values.some((row) => row[0] === 'alpha')).toBe(true);
    expect(values.some((row) => String(row[0]).startsWith('* projected by the sBG model'))).toBe(true);
  });

  test('the holdout block holds the actual purchases counted from the CSV, and Run again repeats the same check', async () => {
    const book = sampleWorkbook(CSV);
    const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
    const request = {
      source: { kind: 'selection' as const },
      mapping: { customer: 0, date: 1, quantity: 2, amount: 3 },
      addinVersion: 'test',
    };
    const events: PaneEvent[] = [];
    await runSegmentation(
      { ...request, options: { ...DEFAULT_FORM_OPTIONS, clvMethod: 'probabilistic' } },
      { excelRun, compute: inProcess },
      (event) => events.push(event),
      new AbortController().signal,
    );
    expect(events.at(-1)).toMatchObject({
      type: 'runFinished',
      summary: { holdout: { status: 'fitted', calibrationEnd: '1997-12-31', weeks: 26 } },
    });

    // Independently of core: the demo data runs 1997-01-01 … 1998-06-30, so the as-of date is 1998-07-01 and a
    // third of the 546 days is 26 weeks; the calibration ends 182 days earlier, on 1997-12-31.
    const calibrationEnd = '1997-12-31';
    const days = new Map<string, Set<string>>();
    for (const line of CSV.trim().split('\n').slice(1)) {
      const [id = '', date = ''] = line.split(',');
      days.set(id, (days.get(id) ?? new Set()).add(date));
    }
    const groups = Array.from({ length: 8 }, () => ({ customers: 0, holdout: 0 }));
    for (const set of days.values()) {
      const before = [...set].filter((date) => date <= calibrationEnd).length;
      if (before === 0) continue;
      const group = groups[Math.min(before - 1, 7)];
      if (!group) continue;
      group.customers += 1;
      group.holdout += set.size - before;
    }
    const summary = book.sheetValues('Segment Summary');
    const top = summary.findIndex((row) => row[0] === 'Repeat purchases in calibration');
    const rows = summary.slice(top + 1, top + 9);
    expect(rows.map((row) => row[0])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(rows.map((row) => row[3])).toEqual(groups.map((group) => group.customers));
    rows.forEach((row, k) => expect(row[1]).toBeCloseTo((groups[k]?.holdout ?? 0) / (groups[k]?.customers ?? 1), 12));
    const info = Object.fromEntries(summary.map((row) => [row[0], row[1]]));
    expect(info).toMatchObject({ 'Calibration end': calibrationEnd, 'Holdout period (weeks)': 26 });

    // Run again from the saved settings, as a colleague opening the workbook would.
    const saved = await excelRun((context) => loadRunSettings(context));
    if (!saved) throw new Error('no saved settings');
    const restored = paneReducer(initialPaneState('en'), { type: 'savedRunLoaded', ...saved });
    expect(restored.options.holdoutWeeks).toBe('26');
    await runSegmentation(
      { ...request, options: restored.options },
      { excelRun, compute: inProcess },
      () => undefined,
      new AbortController().signal,
    );
    const again = book.sheetValues('Segment Summary (2)');
    const againTop = again.findIndex((row) => row[0] === 'Repeat purchases in calibration');
    expect(again.slice(againTop, againTop + 9)).toEqual(summary.slice(top, top + 9));
  });
});
