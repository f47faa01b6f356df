import { SETTINGS_KEY } from '../../src/excel';
import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';
import type { Compute } from '../../src/taskpane/run/compute';
import type { ExcelRun } from '../../src/taskpane/run/excelHost';
import { runSegmentation } from '../../src/taskpane/run/runSegmentation';
import { DEFAULT_FORM_OPTIONS } from '../../src/taskpane/state/formOptions';
import type { PaneEvent } from '../../src/taskpane/state/paneReducer';
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
      {
        source: { kind: 'selection' },
        mapping: { customer: 0, date: 1, amount: 2 },
        options: DEFAULT_FORM_OPTIONS,
        addinVersion: '0.1.0',
      },
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
      {
        source: { kind: 'selection' },
        mapping: { customer: 0, date: 1, amount: 2 },
        options: { ...DEFAULT_FORM_OPTIONS, outputLanguage: 'zh' },
        addinVersion: '0.1.0',
      },
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
      {
        source: { kind: 'selection' },
        mapping: { customer: 0, date: 1, amount: 2 },
        options: DEFAULT_FORM_OPTIONS,
        addinVersion: '0.1.0',
      },
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

  test('a failure while saving the settings removes the sheets the run wrote', async () => {
    const { book, excelRun } = setup();
    const clean = setup();
    const request = {
      source: { kind: 'selection' as const },
      mapping: { customer: 0, date: 1, amount: 2 },
      options: DEFAULT_FORM_OPTIONS,
      addinVersion: '0.1.0',
    };
    await runSegmentation(
      request,
      { excelRun: clean.excelRun, compute: async () => sampleResult(2) },
      () => undefined,
      new AbortController().signal,
    );
    // The settings write is the last write of a run.
    expect(clean.book.log.filter((entry) => entry.kind === 'write').at(-1)?.operation).toBe(
      'SettingCollection.add(crmAnalytics.run)',
    );
    book.failAtWrite = clean.book.writeCount;
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
});
