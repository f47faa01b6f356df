import { cohortAnalysis, parseDate, parseTransactions, summarizeCustomers } from '../../src/core';
import type { CohortAnalysis } from '../../src/core';
import { localTimestamp, sheetColumns, writeResults } from '../../src/excel';
import type { WriteOptions } from '../../src/excel';
import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';
import { FITTED_HOLDOUT, LABELS, probabilisticResult, sampleResult } from './fixtures';

const SOURCE_ROWS = [
  ['customer_id', 'date', 'amount'],
  ['00001', 35431, 11.77],
  ['00002', 35442, 12],
];

function options(overrides: Partial<WriteOptions> = {}): WriteOptions {
  return {
    labels: LABELS,
    source: { sheetName: 'Data', address: 'Data!A1:C3' },
    dateSystem: '1900',
    addinVersion: '0.1.0',
    createdAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    ...overrides,
  };
}

function workbook(): StandinWorkbook {
  const book = new StandinWorkbook();
  book.addSheet('Data', SOURCE_ROWS);
  return book;
}

/** Everything observable about a workbook, to prove a failed run left no trace. */
function state(book: StandinWorkbook): string {
  return JSON.stringify({
    sheets: book.sheets.map((sheet) => ({
      name: sheet.name,
      values: book.sheetValues(sheet.name),
      fills: sheet.fills,
    })),
    tables: book.tables.map((table) => table.name),
    charts: book.charts.length,
    settings: [...book.settings],
  });
}

describe('writeResults', () => {
  test('writeResults writes one row per customer in a table, grouped by tier, ids as text, dates as serials', async () => {
    const book = workbook();
    const result = sampleResult(5);
    const outcome = await writeResults(asExcelContext(new StandinRequestContext(book)), result, options());
    expect(outcome).toMatchObject({ segmentsSheet: 'Customer Segments', summarySheet: 'Segment Summary' });
    const values = book.sheetValues('Customer Segments');
    // Words for people, in the order a manager reads them: id, segment, tier, stage, value first.
    const columns = sheetColumns(false);
    expect(values[0]).toEqual(columns.map((column) => LABELS.columns[column.key]));
    expect(values[0]?.slice(0, 5)).toEqual([
      'Customer',
      'RFM segment',
      'Value tier',
      'Lifecycle stage',
      'Customer value (CLV)',
    ]);
    expect(values).toHaveLength(6);
    const idColumn = 0;
    const tierColumn = columns.findIndex((column) => column.key === 'valueTier');
    const firstPurchase = columns.findIndex((column) => column.key === 'firstPurchase');
    const frequency = columns.findIndex((column) => column.key === 'frequency');
    // Gold (customers 2 and 4) first, then Iron (1, 3, 5): core's order kept within a tier.
    expect(values.slice(1).map((row) => row[idColumn])).toEqual(['00002', '00004', '00001', '00003', '00005']);
    expect(values.slice(1).map((row) => row[tierColumn])).toEqual(['Gold', 'Gold', 'Iron', 'Iron', 'Iron']);
    // 1997-01-01 is serial 35431 in the 1900 system.
    expect(values[1]?.[firstPurchase]).toBe(35431);
    const sheet = book.findSheet('Customer Segments');
    if (!sheet) throw new Error('sheet missing');
    // Formats follow each column's kind: id text, days as dates, counts whole.
    expect(book.numberFormatAt(sheet, 1, idColumn)).toBe('@');
    expect(book.numberFormatAt(sheet, 1, firstPurchase)).toBe('yyyy-mm-dd');
    expect(book.numberFormatAt(sheet, 1, frequency)).toBe('#,##0');
    // Without outline groups (an ExcelApi below 1.10) the model columns are simply the last ones.
    expect(columns.slice(-4).map((column) => column.key)).toEqual(['x', 'tx', 'T', 'monetaryRepeatAvg']);
    expect(sheet.outline).toEqual([]);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.autofitted.length).toBeGreaterThan(0);
    expect(book.fillAt(sheet, 1, tierColumn)).not.toBe(book.fillAt(sheet, 3, tierColumn));
    expect(book.fillAt(sheet, 1, tierColumn)).toBe(book.fillAt(sheet, 2, tierColumn));
    expect(book.tables).toHaveLength(1);
    expect(book.tables[0]).toMatchObject({ name: 'CustomerSegments', rect: { row: 0, column: 0, rowCount: 6 } });
    expect(book.activeSheet?.name).toBe('Customer Segments');
    expect(book.calculationSuspendedSyncs.length).toBeGreaterThan(0);
  });

  test('writeResults writes the summary blocks, three charts (tiers, segments, stages) and the run information', async () => {
    const book = workbook();
    await writeResults(asExcelContext(new StandinRequestContext(book)), sampleResult(5), options());
    const values = book.sheetValues('Segment Summary');
    // One column order in every block: shares (charted side by side), then counts and money.
    const header = ['Share of customers', 'Share of revenue', 'Customers', 'Revenue', 'Average CLV'];
    for (const title of ['Value tier', 'Segment', 'Lifecycle stage']) {
      expect(values.find((row) => row[0] === title)?.slice(1, 6)).toEqual(header);
    }
    // Gold = customers 2 and 4 with monetary 11 + 13 = 24, out of 10+11+12+13+14 = 60.
    expect(values[3]?.slice(0, 5)).toEqual(['Gold', 0.4, 0.4, 2, 24]);
    expect(values[5]?.slice(0, 5)).toEqual(['Total', 1, 1, 5, 60]);
    const sheet = book.findSheet('Segment Summary');
    if (!sheet) throw new Error('sheet missing');
    expect(book.numberFormatAt(sheet, 3, 3)).toBe('#,##0');
    expect(book.numberFormatAt(sheet, 3, 1)).toBe('0.0%');
    const info = Object.fromEntries(values.map((row) => [row[0], row[1]]));
    expect(info).toMatchObject({
      Source: 'Data!A1:C3',
      'Rows read': 12,
      'Rows skipped': 2,
      '  bad date': '2 (first rows: 7, 9)',
      'As of': '1997-04-01',
      'Add-in version': '0.1.0',
      'Date system': '1900',
      // Local time with its offset, not a UTC ISO timestamp.
      Created: expect.stringMatching(/^2026-01-02 \d\d:\d\d \(UTC[+-]\d\d:\d\d\)$/),
    });
    // No JSON cell: the options are label/value rows (the pane words them; none were given here).
    expect(values.some((row) => row.some((cell) => typeof cell === 'string' && cell.startsWith('{')))).toBe(false);
    expect(book.charts.map((chart) => [chart.type, chart.title])).toEqual([
      ['ColumnClustered', 'Revenue by value tier'],
      ['BarClustered', 'Customers by RFM segment'],
      ['ColumnClustered', 'Customers by lifecycle stage'],
    ]);
    // Each chart sits beside its block (from column H, level with the block's header) and plots both shares.
    const tierTop = values.findIndex((row) => row[0] === 'Value tier');
    expect(book.charts[0]?.position).toEqual({ start: `H${tierTop + 1}`, end: `O${tierTop + 15}` });
    expect(book.charts[0]?.source).toEqual({ row: tierTop, column: 0, rowCount: 3, columnCount: 3 });
  });

  test('the probabilistic method writes the holdout block with its line chart, then the model-fit histogram', async () => {
    const book = workbook();
    await writeResults(
      asExcelContext(new StandinRequestContext(book)),
      probabilisticResult(5, FITTED_HOLDOUT),
      options(),
    );
    const values = book.sheetValues('Segment Summary');
    const top = values.findIndex((row) => row[0] === 'Repeat purchases in calibration');
    expect(values[top]?.slice(0, 4)).toEqual([
      'Repeat purchases in calibration',
      'Holdout purchases per customer (actual)',
      'Holdout purchases per customer (predicted)',
      'Customers',
    ]);
    // Label, mean actual, mean predicted, customers: the fixture's rows as given, 0 … 7+.
    expect(values.slice(top + 1, top + 9).map((row) => row.slice(0, 4))).toEqual(
      FITTED_HOLDOUT.status === 'fitted'
        ? FITTED_HOLDOUT.rows.map((row) => [row.label, row.actual, row.predicted, row.customers])
        : [],
    );
    expect(book.charts.map((chart) => [chart.type, chart.title])).toEqual([
      ['ColumnClustered', 'Revenue by value tier'],
      ['BarClustered', 'Customers by RFM segment'],
      ['ColumnClustered', 'Customers by lifecycle stage'],
      ['LineMarkers', 'Holdout: actual vs predicted purchases'],
      ['ColumnClustered', 'Model fit'],
    ]);
    // The chart plots two series (actual, predicted) over the 0 … 7+ labels: header row + 8 rows, 3 columns.
    expect(book.charts.find((chart) => chart.type === 'LineMarkers')?.source).toEqual({
      row: top,
      column: 0,
      rowCount: 9,
      columnCount: 3,
    });
    expect(book.charts.find((chart) => chart.type === 'LineMarkers')?.seriesBy).toBe('Columns');
    const sheet = book.findSheet('Segment Summary');
    if (!sheet) throw new Error('sheet missing');
    expect(book.numberFormatAt(sheet, top + 1, 0)).toBe('@');
    expect(book.numberFormatAt(sheet, top + 1, 1)).toBe('0.00');
    const info = Object.fromEntries(values.map((row) => [row[0], row[1]]));
    expect(info).toMatchObject({
      'Calibration end': '1997-09-30',
      'Holdout period (weeks)': 39,
      'Holdout check': 'Done',
    });
  });

  test('a holdout check that was not done writes no holdout chart and says why in the run information', async () => {
    const book = workbook();
    const skipped = probabilisticResult(5, {
      calibrationEnd: '1997-01-07',
      holdoutEnd: '1998-06-30',
      holdoutWeeks: 77,
      status: 'skipped',
      reason: 'noRepeatBuyers',
      detail: 'No customer bought more than once.',
    });
    await writeResults(asExcelContext(new StandinRequestContext(book)), skipped, options());
    expect(book.charts.map((chart) => chart.title)).toEqual([
      'Revenue by value tier',
      'Customers by RFM segment',
      'Customers by lifecycle stage',
      'Model fit',
    ]);
    const values = book.sheetValues('Segment Summary');
    expect(values.some((row) => row[0] === 'Repeat purchases in calibration')).toBe(false);
    const info = Object.fromEntries(values.map((row) => [row[0], row[1]]));
    expect(info).toMatchObject({
      'Calibration end': '1997-01-07',
      'Holdout period (weeks)': 77,
      'Holdout check': 'Not done: too few repeat buyers.',
    });
  });

  test('with outline groups (ExcelApi 1.10) the model columns are grouped and collapsed at the right', async () => {
    const book = workbook();
    const result = probabilisticResult(5, FITTED_HOLDOUT);
    const predicted = {
      ...result,
      customers: result.customers.map((customer) => ({
        ...customer,
        pAlive: 0.5,
        expectedPurchases: 1.5,
        expectedAvgValue: 10,
        predictedClv: 15,
      })),
    };
    await writeResults(asExcelContext(new StandinRequestContext(book)), predicted, options({ outlineGroups: true }));
    const columns = sheetColumns(true);
    const first = columns.findIndex((column) => column.model === true);
    expect(columns.slice(first).every((column) => column.model === true)).toBe(true);
    expect(book.findSheet('Customer Segments')?.outline).toEqual([
      { by: 'ByColumns', start: first, count: columns.length - first, hidden: true },
    ]);
    expect(book.sheetValues('Customer Segments')[0]?.slice(4, 7)).toEqual([
      'Customer value (CLV)',
      'Predicted value',
      'Chance still active',
    ]);
  });

  test('the options are written as label/value rows, numbers as numbers', async () => {
    const book = workbook();
    await writeResults(asExcelContext(new StandinRequestContext(book)), sampleResult(3), {
      ...options(),
      optionRows: [
        ['Customer value (CLV)', 'Money spent so far'],
        ['Score levels', 5],
      ],
    });
    const values = book.sheetValues('Segment Summary');
    const at = values.findIndex((row) => row[0] === 'Options');
    expect(values.slice(at + 1, at + 3).map((row) => row.slice(0, 2))).toEqual([
      ['  Customer value (CLV)', 'Money spent so far'],
      ['  Score levels', 5],
    ]);
  });

  test('writeResults never overwrites: taken names get " (2)", ignoring case', async () => {
    const book = workbook();
    book.addSheet('customer segments', [['mine']]);
    const outcome = await writeResults(asExcelContext(new StandinRequestContext(book)), sampleResult(3), options());
    expect(outcome.segmentsSheet).toBe('Customer Segments (2)');
    expect(book.sheetValues('customer segments')).toEqual([['mine']]);
    const again = await writeResults(asExcelContext(new StandinRequestContext(book)), sampleResult(3), options());
    expect(again.segmentsSheet).toBe('Customer Segments (3)');
    expect(again.summarySheet).toBe('Segment Summary (2)');
    expect(again.tableName).toBe('CustomerSegments2');
  });

  test('writeResults writes 1904 serials in a 1904 workbook', async () => {
    const book = workbook();
    book.date1904 = true;
    await writeResults(
      asExcelContext(new StandinRequestContext(book)),
      sampleResult(1),
      options({ dateSystem: '1904' }),
    );
    const firstPurchase = sheetColumns(false).findIndex((column) => column.key === 'firstPurchase');
    expect(book.sheetValues('Customer Segments')[1]?.[firstPurchase]).toBe(35431 - 1462);
  });

  test.each([
    [
      'historic',
      () => sampleResult(4),
      [
        'ChartCollection.add(ColumnClustered)',
        'ChartCollection.add(BarClustered)',
        'ChartCollection.add(ColumnClustered)',
      ],
    ],
    [
      'probabilistic with the holdout check',
      () => probabilisticResult(4, FITTED_HOLDOUT),
      [
        'ChartCollection.add(ColumnClustered)',
        'ChartCollection.add(BarClustered)',
        'ChartCollection.add(ColumnClustered)',
        'ChartCollection.add(LineMarkers)',
        'ChartCollection.add(ColumnClustered)',
      ],
    ],
    [
      'with the cohort sheet of contract data',
      () => ({ ...sampleResult(4), cohorts: contractCohorts() }),
      [
        'ChartCollection.add(ColumnClustered)',
        'ChartCollection.add(BarClustered)',
        'ChartCollection.add(ColumnClustered)',
        'ChartCollection.add(Line)',
      ],
    ],
  ])(
    'a failure injected at every write step (%s) leaves nothing behind and the source unchanged',
    async (_, make, charts) => {
      const clean = workbook();
      const before = state(clean);
      await writeResults(asExcelContext(new StandinRequestContext(clean)), make(), options());
      const totalWrites = clean.writeCount;
      expect(totalWrites).toBeGreaterThan(20);
      const operations = clean.log.filter((entry) => entry.kind === 'write').map((entry) => entry.operation);
      expect(operations).toHaveLength(totalWrites);
      // The steps covered include every chart (add, then title and position) of this kind of result.
      expect(operations.filter((operation) => operation.startsWith('ChartCollection.add'))).toEqual(charts);
      for (let step = 1; step <= totalWrites; step++) {
        const book = workbook();
        book.failAtWrite = step;
        await expect(
          writeResults(asExcelContext(new StandinRequestContext(book)), make(), options()),
        ).rejects.toMatchObject({ code: 'GeneralException' });
        expect({ step, operation: operations[step - 1], state: state(book) }).toEqual({
          step,
          operation: operations[step - 1],
          state: before,
        });
      }
    },
  );

  test('the cohort sheet of contract data: triangle table, colour scale, projected cells marked, sBG block', async () => {
    const book = workbook();
    const cohorts = contractCohorts();
    expect(cohorts.projection).toBeDefined();
    const outcome = await writeResults(
      asExcelContext(new StandinRequestContext(book)),
      { ...sampleResult(4), cohorts },
      options(),
    );
    expect(outcome.cohortSheet).toBe('Cohorts');
    const sheet = book.findSheet('Cohorts')!;
    const values = book.sheetValues('Cohorts');
    const top = values.findIndex((row) => row[0] === 'Cohort');
    expect(values[top]).toEqual(['Cohort', 'Customers', '0', '1', '2', '3', 'Partial period']);
    // April is partial (as of 04-15): the March cohort's age 1 is projected, not shown as a drop.
    expect(values[top + 3]?.[0]).toBe('2024-03');
    expect(book.numberFormatAt(sheet, top + 3, 3)).toBe('0.0%"*"');
    expect(book.numberFormatAt(sheet, top + 1, 2)).toBe('0.0%');
    expect(book.tables.find((table) => table.sheet === sheet)?.rect).toEqual({
      row: top,
      column: 0,
      rowCount: 4,
      columnCount: 7,
    });
    expect(sheet.conditionalFormats[0]?.rect).toEqual({ row: top + 1, column: 2, rowCount: 3, columnCount: 4 });
    expect(values.some((row) => row[0] === 'alpha')).toBe(true);
  });

  test('a cancel during writing removes what was created', async () => {
    const book = workbook();
    const before = state(book);
    const controller = new AbortController();
    const run = writeResults(asExcelContext(new StandinRequestContext(book)), sampleResult(4), {
      ...options(),
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(state(book)).toBe(before);
  });

  test('writeResults writes 60,000 customers in blocks, every request under the 5 MB limit', async () => {
    const book = workbook();
    const outcome = await writeResults(
      asExcelContext(new StandinRequestContext(book)),
      sampleResult(60_000),
      options(),
    );
    expect(book.sheetValues('Customer Segments')).toHaveLength(60_001);
    const valueBlocks = book.log.filter((entry) => entry.operation === 'Range.values').map((entry) => entry.sync);
    // Several syncs carry customer rows (the stand-in rejects any request over 5 MB).
    expect(new Set(valueBlocks).size).toBeGreaterThan(3);
    expect(outcome.syncs).toBe(book.syncCount);
  });
});

/** Three monthly subscription cohorts (8, 5, 4 subscribers), as of mid-April: the sBG fits them and projects the corner. */
function contractCohorts(): CohortAnalysis {
  const customer: string[] = [];
  const date: string[] = [];
  const months = ['2024-01-05', '2024-02-05', '2024-03-05', '2024-04-05'];
  const lastMonth = [0, 0, 0, 1, 2, 3, 3, 3, 1, 1, 2, 3, 3, 2, 3, 3, 3];
  const firstMonth = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2];
  firstMonth.forEach((first, index) => {
    for (let month = first; month <= (lastMonth[index] as number); month++) {
      customer.push(`s${index}`);
      date.push(months[month] as string);
    }
  });
  const summary = summarizeCustomers(parseTransactions({ customer, date, amount: customer.map(() => 9) }), {
    asOf: parseDate('2024-04-15') ?? 0,
  });
  return cohortAnalysis(summary, { contractual: true });
}

describe('localTimestamp', () => {
  test('the creation time is local time with its offset from UTC', () => {
    const moment = new Date(Date.UTC(2026, 11, 2, 13, 5));
    expect(localTimestamp(moment, 60)).toBe('2026-12-02 14:05 (UTC+01:00)');
    expect(localTimestamp(moment, 8 * 60)).toBe('2026-12-02 21:05 (UTC+08:00)');
    expect(localTimestamp(moment, -(5 * 60 + 30))).toBe('2026-12-02 07:35 (UTC-05:30)');
  });
});
