import { OPTION_RULES, segmentCustomers } from '../../src/core';
import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';
import { fieldProblemText } from '../../src/taskpane/i18n/fieldProblemText';
import { optionRows } from '../../src/taskpane/i18n/optionRows';
import { createTranslator } from '../../src/taskpane/i18n/translator';
import type { ExcelRun } from '../../src/taskpane/run/excelHost';
import { preflight, readForPreflight } from '../../src/taskpane/run/preflight';
import { runSegmentation } from '../../src/taskpane/run/runSegmentation';
import { workbookTables } from '../../src/taskpane/run/workbookActions';
import { DEFAULT_FORM_OPTIONS } from '../../src/taskpane/state/formOptions';
import { NUMBER_FIELDS, fieldProblem, formProblems } from '../../src/taskpane/state/optionFields';
import type { NumberFieldKey } from '../../src/taskpane/state/optionFields';
import { paneReducer } from '../../src/taskpane/state/paneReducer';
import { initialPaneState } from '../../src/taskpane/state/paneState';
import type { PaneState } from '../../src/taskpane/state/paneState';
import { runBlock } from '../../src/taskpane/state/runReadiness';
import { toSegmentOptions } from '../../src/taskpane/state/toSegmentOptions';

const field = (key: NumberFieldKey) => NUMBER_FIELDS.find((candidate) => candidate.key === key)!;
const en = createTranslator('en');
const zh = createTranslator('zh-CN');

/** Four rows as the issue found them: three day-month texts that the default date order refuses. */
const TEXT_DATES = [
  ['customer', 'date', 'amount'],
  ['a', '03/04/2024', 10],
  ['b', '04/04/2024', 20],
  ['c', '2024-04-05', 30],
  ['d', '05/04/2024', 40],
];

function book(rows: (string | number)[][]): { excelRun: ExcelRun; workbook: StandinWorkbook } {
  const workbook = new StandinWorkbook();
  workbook.addSheet('Data', rows);
  workbook.select('Data', { row: 0, column: 0, rowCount: rows.length, columnCount: 3 });
  return { workbook, excelRun: (batch) => batch(asExcelContext(new StandinRequestContext(workbook))) };
}

describe('preflight before anything is written', () => {
  test('core checks every row: usable rows, skips by reason with the first value, customers, date range', async () => {
    const { excelRun } = book(TEXT_DATES);
    const data = await readForPreflight({ kind: 'selection' }, excelRun);
    const mapping = { customer: 0, date: 1, amount: 2 };
    const refused = preflight(data, mapping, DEFAULT_FORM_OPTIONS);
    expect(refused).toEqual({
      rowsRead: 4,
      rowsUsable: 1,
      customers: 1,
      firstDate: '2024-04-05',
      lastDate: '2024-04-05',
      skipped: [{ reason: 'badDate', count: 3, firstRows: [2, 3, 5], firstValue: '03/04/2024' }],
      skippedShare: 0.75,
      needsConfirmation: true,
    });
    // Answering the date order question makes every row usable; the figures are core's own.
    const read = preflight(data, mapping, { ...DEFAULT_FORM_OPTIONS, dateOrder: 'dmy' });
    expect(read).toMatchObject({ rowsUsable: 4, customers: 4, firstDate: '2024-04-03', lastDate: '2024-04-05' });
    expect(read?.needsConfirmation).toBe(false);
    const result = segmentCustomers(
      {
        customer: ['a', 'b', 'c', 'd'],
        date: ['03/04/2024', '04/04/2024', '2024-04-05', '05/04/2024'],
        amount: [10, 20, 30, 40],
      },
      { dateOrder: 'dmy' },
    );
    expect(read?.rowsUsable).toBe(result.rowsUsed);
  });

  test('an incomplete column choice or a customer summary has nothing to check', () => {
    const data = {
      headers: ['customer', 'date', 'amount'],
      rows: [['a', 45000, 1]],
      firstRowNumber: 2,
      dateSystem: '1900' as const,
    };
    expect(preflight(data, { customer: 0 }, DEFAULT_FORM_OPTIONS)).toBeNull();
  });

  test('Run waits for the check and, past 5 % skipped, for an explicit "Run anyway"', () => {
    const state: PaneState = {
      ...initialPaneState('en'),
      data: {
        status: 'loaded',
        data: {
          sheetName: 'Data',
          address: 'Data!A1:C5',
          rowCount: 4,
          headers: ['customer', 'date', 'amount'],
          dateSystem: '1900',
        },
      },
      mapping: { customer: 0, date: 1, amount: 2 },
    };
    expect(runBlock(initialPaneState('en'), { status: 'none' })).toEqual({ key: 'run.blockedData' });
    expect(runBlock(state, { status: 'checking' })).toEqual({ key: 'run.blockedChecking' });
    const summary = {
      rowsRead: 100,
      rowsUsable: 94,
      customers: 9,
      skipped: [],
      skippedShare: 0.06,
      needsConfirmation: true,
    };
    expect(runBlock(state, { status: 'done', summary })).toEqual({ key: 'run.blockedSkipped' });
    expect(
      runBlock(state, { status: 'done', summary: { ...summary, skippedShare: 0.05, needsConfirmation: false } }),
    ).toBeNull();
    expect(runBlock(state, { status: 'done', summary: { ...summary, rowsUsable: 0 } })).toEqual({
      key: 'run.blockedNoRows',
    });
    const typo = { ...state, options: { ...state.options, bins: '11' } };
    expect(runBlock(typo, { status: 'done', summary: null })).toEqual({
      key: 'run.blockedOptions',
      fields: ['option.bins'],
    });
  });
});

describe('inline validation from core’s option table', () => {
  test('the text stays as typed; blank and out-of-range values are told in the field, in words', () => {
    expect(fieldProblem(field('bins'), '')).toEqual({ kind: 'required' });
    expect(fieldProblem(field('bins'), '5')).toBeNull();
    expect(fieldProblemText(en, fieldProblem(field('bins'), '11')!)).toBe('Enter a whole number from 2 to 10.');
    expect(fieldProblemText(zh, fieldProblem(field('bins'), '11')!)).toBe('请输入 2 到 10 之间的整数。');
    expect(fieldProblemText(en, fieldProblem(field('bins'), 'abc')!)).toBe('"abc" is not a number.');
    // Rates are percentages: the margin's rule (0 … 1) reads 0 … 100, and ".7" is 0.7 %.
    expect(fieldProblemText(en, fieldProblem(field('margin'), '120')!)).toBe('Enter a percentage from 0 to 100.');
    expect(fieldProblem(field('margin'), '.7')).toBeNull();
    expect(toSegmentOptions({ ...DEFAULT_FORM_OPTIONS, clvMethod: 'probabilistic', margin: '.7' }).clv).toMatchObject({
      margin: 0.007,
    });
    expect(fieldProblemText(en, fieldProblem(field('retention'), '0')!)).toBe(
      'Enter a percentage above 0 and at most 100.',
    );
    expect(fieldProblemText(en, fieldProblem(field('periodDays'), '0')!)).toBe('Enter a whole number of at least 1.');
    // Blank holdout means core's default.
    expect(fieldProblem(field('holdoutWeeks'), '')).toBeNull();
    expect(OPTION_RULES.margin.max).toBe(1);
  });

  test('only the shown fields count, and the field list covers every number of the form', () => {
    expect(formProblems({ ...DEFAULT_FORM_OPTIONS, retention: '' })).toEqual([]);
    expect(
      formProblems({ ...DEFAULT_FORM_OPTIONS, clvMethod: 'retention', retention: '' }).map((entry) => entry.field.key),
    ).toEqual(['retention']);
    const numberKeys = Object.entries(DEFAULT_FORM_OPTIONS)
      .filter(([key, value]) => typeof value === 'string' && !['asOf'].includes(key) && /^[\d.]*$/.test(value))
      .map(([key]) => key)
      .sort();
    expect(NUMBER_FIELDS.map((entry) => entry.key).sort()).toEqual(numberKeys);
  });

  test('the value matrix cannot be combined with historic CLV: the change is refused as it is chosen', () => {
    const state = initialPaneState('en');
    expect(paneReducer(state, { type: 'optionsChanged', patch: { tierScheme: 'matrix' } }).options.tierScheme).toBe(
      'pyramid',
    );
    const forward = paneReducer(state, { type: 'optionsChanged', patch: { clvMethod: 'probabilistic' } });
    const matrix = paneReducer(forward, { type: 'optionsChanged', patch: { tierScheme: 'matrix' } });
    expect(matrix.options.tierScheme).toBe('matrix');
    expect(paneReducer(matrix, { type: 'optionsChanged', patch: { clvMethod: 'historic' } }).options.clvMethod).toBe(
      'probabilistic',
    );
  });

  test('the options are written as readable rows in the output language', () => {
    const rows = optionRows(zh, toSegmentOptions({ ...DEFAULT_FORM_OPTIONS, clvMethod: 'retention' }));
    expect(rows).toContainEqual(['客户价值（CLV）', '按年保留率估算']);
    expect(rows).toContainEqual(['每年留住的客户比例', '80 %']);
  });
});

describe('replace or keep, and the table list', () => {
  test('replace removes exactly the sheets the add-in recorded, by id, and never a same-named sheet of the user', async () => {
    const { workbook, excelRun } = book([
      ['customer', 'date', 'amount'],
      ['a', 45000, 10],
      ['b', 45001, 20],
      ['a', 45030, 5],
    ]);
    const request = {
      source: { kind: 'selection' as const },
      mapping: { customer: 0, date: 1, amount: 2 },
      options: DEFAULT_FORM_OPTIONS,
      addinVersion: 'test',
    };
    const compute = async (
      input: Parameters<typeof segmentCustomers>[0],
      options: Parameters<typeof segmentCustomers>[1],
    ) => segmentCustomers(input, options);
    const run = (replacePrevious: boolean) =>
      runSegmentation(
        { ...request, options: { ...DEFAULT_FORM_OPTIONS, replacePrevious } },
        { excelRun, compute: (input, options) => compute(input as Parameters<typeof segmentCustomers>[0], options) },
        () => undefined,
        new AbortController().signal,
      );
    await run(false);
    await run(false);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual([
      'Data',
      'Customer Segments',
      'Segment Summary',
      'Customer Segments (2)',
      'Segment Summary (2)',
    ]);
    // The user renames one output and makes a sheet of their own with an output's name.
    workbook.findSheet('Segment Summary')!.name = 'Q1 summary';
    workbook.addSheet('Segment Summary', [['mine']]);
    await run(true);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual([
      'Data',
      'Segment Summary',
      'Customer Segments',
      'Segment Summary (2)',
    ]);
    expect(workbook.sheetValues('Segment Summary')).toEqual([['mine']]);
    // One set of outputs, recorded as the only one.
    await run(true);
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual([
      'Data',
      'Segment Summary',
      'Customer Segments',
      'Segment Summary (2)',
    ]);
  });

  test('the table choice lists the workbook’s Excel tables', async () => {
    const { workbook, excelRun } = book(TEXT_DATES);
    expect(await workbookTables(excelRun)).toEqual([]);
    workbook.tables.push({
      id: 't1',
      name: 'Sales',
      sheet: workbook.sheets[0]!,
      rect: { row: 0, column: 0, rowCount: 5, columnCount: 3 },
      hasHeaders: true,
      style: 'TableStyleMedium2',
    });
    expect(await workbookTables(excelRun)).toEqual(['Sales']);
  });
});
