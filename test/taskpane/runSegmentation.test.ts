import { SETTINGS_KEY } from '../../src/excel';
import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';
import type { Compute } from '../../src/taskpane/run/compute';
import type { ExcelRun } from '../../src/taskpane/run/excelHost';
import { runSegmentation } from '../../src/taskpane/run/runSegmentation';
import { DEFAULT_FORM_OPTIONS } from '../../src/taskpane/state/formOptions';
import type { PaneEvent } from '../../src/taskpane/state/paneReducer';
import { pickData } from '../../src/taskpane/run/pickData';
import type { SummaryInput, TransactionInput } from '../../src/core';
import { segmentInput } from '../../src/core';
import { mappingProblems } from '../../src/taskpane/state/mappingProblems';
import { sampleResult } from '../excel/fixtures';

function setup(): { book: StandinWorkbook; excelRun: ExcelRun } {
  const book = new StandinWorkbook();
  book.addSheet('Data', [
    ['customer_id', 'date', 'amount'],
    ['00001', 35431, 11.77],
    ['00002', 35442, 12],
  ]);
  book.select('Data', { row: 0, column: 0, rowCount: 3, columnCount: 3 });
  const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
  return { book, excelRun };
}

/** The run the pane starts on the selection of {@link setup}, with the default options. */
const SELECTION_REQUEST = {
  source: { kind: 'selection' as const },
  mapping: { customer: 0, date: 1, amount: 2 },
  options: DEFAULT_FORM_OPTIONS,
  addinVersion: '0.1.0',
};

describe('runSegmentation', () => {
  test('runSegmentation reads, computes, writes, saves settings and reports phases in order', async () => {
    const { book, excelRun } = setup();
    const seen: unknown[] = [];
    const compute: Compute = async (input, options) => {
      seen.push(input, options);
      return sampleResult(3);
    };
    const events: PaneEvent[] = [];
    await runSegmentation(
      SELECTION_REQUEST,
      { excelRun, compute },
      (event) => events.push(event),
      new AbortController().signal,
    );
    expect(seen[0]).toEqual({
      customer: ['00001', '00002'],
      date: [35431, 35442],
      amount: [11.77, 12],
      firstRowNumber: 2,
      dateSystem: '1900',
    });
    const phases = events.flatMap((event) => (event.type === 'runProgress' ? [event.phase] : []));
    expect([...new Set(phases)]).toEqual(['reading', 'computing', 'writing']);
    expect(events.at(-1)).toMatchObject({
      type: 'runFinished',
      summary: { customers: 3, segmentsSheet: 'Customer Segments' },
    });
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Data', 'Customer Segments', 'Segment Summary']);
    expect(book.settings.get(SETTINGS_KEY)).toMatchObject({ version: 1, mapping: { customer: 0, date: 1, amount: 2 } });
  });

  test('runSegmentation writes Chinese sheet names when the output language is Chinese', async () => {
    const { book, excelRun } = setup();
    await runSegmentation(
      { ...SELECTION_REQUEST, options: { ...DEFAULT_FORM_OPTIONS, outputLanguage: 'zh' } },
      { excelRun, compute: async () => sampleResult(2) },
      () => undefined,
      new AbortController().signal,
    );
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Data', '客户分群', '分群汇总']);
  });

  test('a cancel during computing ends the run with nothing written', async () => {
    const { book, excelRun } = setup();
    const controller = new AbortController();
    const events: PaneEvent[] = [];
    await runSegmentation(
      SELECTION_REQUEST,
      {
        excelRun,
        compute: async () => {
          controller.abort();
          return sampleResult(2);
        },
      },
      (event) => events.push(event),
      controller.signal,
    );
    expect(events.at(-1)).toEqual({ type: 'runFailed', message: 'error.CANCELLED' });
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Data']);
  });

  test('a failure while saving the settings or the output record removes the sheets the run wrote', async () => {
    const { book, excelRun } = setup();
    const clean = setup();
    const request = SELECTION_REQUEST;
    await runSegmentation(
      request,
      { excelRun: clean.excelRun, compute: async () => sampleResult(2) },
      () => undefined,
      new AbortController().signal,
    );
    // The settings, then the record of the sheets written, are the last writes of a run.
    expect(
      clean.book.log
        .filter((entry) => entry.kind === 'write')
        .slice(-2)
        .map((entry) => entry.operation),
    ).toEqual(['SettingCollection.add(crmAnalytics.run)', 'SettingCollection.add(crmAnalytics.outputs)']);
    book.failAtWrite = clean.book.writeCount - 1;
    const events: PaneEvent[] = [];
    await runSegmentation(
      request,
      { excelRun, compute: async () => sampleResult(2) },
      (event) => events.push(event),
      new AbortController().signal,
    );
    expect(events.at(-1)).toMatchObject({ type: 'runFailed', message: 'error.generic' });
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Data']);
    expect(book.settings.size).toBe(0);
  });

  test('picking the data reads a sample; the run then reads the whole range once, in row blocks', async () => {
    const book = new StandinWorkbook();
    const rows: (string | number)[][] = [['customer_id', 'date', 'amount']];
    for (let index = 0; index < 45_000; index++)
      rows.push([`c${index % 5000}`, 35431 + (index % 500), 10 + (index % 7)]);
    book.addSheet('Data', rows);
    book.select('Data', { row: 0, column: 0, rowCount: rows.length, columnCount: 3 });
    const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
    const events: PaneEvent[] = [];
    await pickData({ kind: 'selection' }, excelRun, (event) => events.push(event));
    expect(events.at(-1)).toMatchObject({ type: 'dataLoaded', data: { rowCount: 45_000 } });
    // The header and 50 rows for column detection, not the 45,000.
    expect(book.cellsRead).toBe(51 * 3);
    const afterPick = { cells: book.cellsRead, syncs: book.syncCount };

    let input: TransactionInput | SummaryInput | undefined;
    await runSegmentation(
      SELECTION_REQUEST,
      {
        excelRun,
        compute: async (given) => {
          input = given;
          return sampleResult(3);
        },
      },
      (event) => events.push(event),
      new AbortController().signal,
    );
    expect(events.at(-1)?.type).toBe('runFinished');
    expect(input !== undefined && 'customer' in input ? input.customer : []).toHaveLength(45_000);
    // Every cell's value and value type exactly once, in more than one block (a 200-row sample, then blocks of
    // ≤ 20,000); the type tells an error cell from the text "#N/A".
    expect(book.cellsRead - afterPick.cells).toBe(45_001 * 3 * 2);
    const reads = book.log.filter(
      (entry) => entry.sync > afterPick.syncs && entry.operation === 'Range.load(values,valueTypes)',
    );
    expect(reads.length).toBeGreaterThanOrEqual(1 + Math.ceil(45_000 / 20_000));
  });
});

describe('a customer summary as the source', () => {
  // Four customers as a warehouse exports them (dates as Excel serials once pasted into a sheet).
  const SUMMARY = [
    [
      'customer_id',
      'first_purchase',
      'last_purchase',
      'recency_days',
      'tenure_days',
      'frequency',
      'monetary',
      'x',
      't_x',
      'T',
    ],
    ['a', 45292, 45300, 7, 15, 2, 40, 1, 8, 15],
    ['b', 45302, 45302, 5, 5, 1, 10, 0, 0, 5],
    ['c', 45295, 45304, 3, 12, 4, 90, 3, 9, 12],
    ['d', 45287, 45287, 20, 20, 1, 10, 0, 0, 20],
  ];

  test('needs no column choice, and is segmented as it is by core', async () => {
    expect(mappingProblems({ customer: 0 }, SUMMARY[0] as string[])).toEqual([]);
    expect(mappingProblems({ customer: 0 }, ['customer_id', 'x'])).toEqual(['problem.date', 'problem.amount']);
    const book = new StandinWorkbook();
    book.addSheet('Summary', SUMMARY);
    book.select('Summary', { row: 0, column: 0, rowCount: 5, columnCount: 10 });
    const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
    const given: unknown[] = [];
    const events: PaneEvent[] = [];
    await runSegmentation(
      { ...SELECTION_REQUEST, mapping: { customer: 0 }, options: { ...DEFAULT_FORM_OPTIONS, bins: '4' } },
      {
        excelRun,
        compute: async (input, options, onProgress) => {
          given.push(input);
          return segmentInput(input, options, (_phase, fraction) => onProgress(fraction));
        },
      },
      (event) => events.push(event),
      new AbortController().signal,
    );
    expect(given[0]).toMatchObject({ summary: { headers: SUMMARY[0], firstRowNumber: 2 } });
    expect(events.at(-1)).toMatchObject({ type: 'runFinished', summary: { customers: 4 } });
    const values = book.sheetValues('Customer Segments');
    const header = values[0] as string[];
    const fScores = ['a', 'b', 'c', 'd'].map(
      (id) => values.find((row) => row[0] === id)?.[header.indexOf('Frequency score')],
    );
    // F: frequencies 2, 1, 4, 1 → L = 2, 0, 3, 0 customers strictly fewer → 1 + floor(4L / 4) = 3, 1, 4, 1.
    expect(header).toContain('Frequency score');
    expect(fScores).toEqual([3, 1, 4, 1]);
  });
});
