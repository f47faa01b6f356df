import { readFileSync } from 'node:fs';
import path from 'node:path';
import { segmentCustomers } from '../../src/core';
import { StandinRequestContext, asExcelContext } from '../../src/standin';
import { sampleWorkbook } from '../../src/demo/sampleWorkbook';
import type { Compute } from '../../src/taskpane/run/compute';
import type { ExcelRun } from '../../src/taskpane/run/excelHost';
import { runSegmentation } from '../../src/taskpane/run/runSegmentation';
import { DEFAULT_FORM_OPTIONS } from '../../src/taskpane/state/formOptions';
import type { FormOptions } from '../../src/taskpane/state/formOptions';
import type { PaneEvent } from '../../src/taskpane/state/paneReducer';

const CSV = readFileSync(path.resolve('src/demo/cdnowSample.csv'), 'utf8');
const inProcess: Compute = async (input, options, onProgress) =>
  segmentCustomers(input, options, (_phase, fraction) => onProgress(fraction));

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

  test('the probabilistic CLV method adds the p_alive and predicted_clv columns and the model-fit chart', async () => {
    const { values, events, charts } = await run(false, { ...DEFAULT_FORM_OPTIONS, clvMethod: 'probabilistic' });
    expect(events.at(-1)?.type).toBe('runFinished');
    expect(values[0]).toEqual(expect.arrayContaining(['p_alive', 'predicted_clv']));
    expect(charts).toEqual([
      'Revenue by value tier',
      'Customers by lifecycle stage',
      'Model fit: customers by repeat purchases, actual vs BG/NBD',
    ]);
  });
});
