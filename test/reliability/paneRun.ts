/*
 * Runs the task pane's segmentation against the stand-in workbook with the real core, for the reliability
 * tests: a "Data" sheet from rows (header first), optional error cells, the whole range selected.
 */
import { segmentInput } from '../../src/core';
import { OUTPUT_COLUMNS, PROBABILISTIC_COLUMNS } from '../../src/messages/outputTable';
import type { SegmentationResult } from '../../src/core';
import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';
import type { CellValue } from '../../src/standin';
import { outputLabels } from '../../src/taskpane/i18n/outputLabels';
import { createTranslator } from '../../src/taskpane/i18n/translator';
import type { Compute } from '../../src/taskpane/run/compute';
import type { ExcelRun } from '../../src/taskpane/run/excelHost';
import { runSegmentation } from '../../src/taskpane/run/runSegmentation';
import { DEFAULT_FORM_OPTIONS } from '../../src/taskpane/state/formOptions';
import type { FormOptions } from '../../src/taskpane/state/formOptions';
import type { PaneEvent } from '../../src/taskpane/state/paneReducer';

/** What a pane run left behind. */
export interface PaneRun {
  book: StandinWorkbook;
  events: PaneEvent[];
  /** The result core computed (captured on its way to the sheet). */
  result: SegmentationResult | undefined;
  /** The Customer Segments sheet (header row first), or [] when the run failed. */
  segments: CellValue[][];
}

/**
 * Runs the pane on `rows` (header: customer, date, amount[, order]) with error cells put at the given
 * (row, column) positions of the sheet (0-based, header = row 0).
 */
export async function runPane(
  rows: readonly (readonly CellValue[])[],
  errors: readonly { row: number; column: number; code: string }[] = [],
  options: Partial<FormOptions> = {},
): Promise<PaneRun> {
  const book = new StandinWorkbook();
  book.addSheet('Data', rows);
  for (const error of errors) book.setError('Data', error.row, error.column, error.code);
  const width = Math.max(...rows.map((row) => row.length));
  book.select('Data', { row: 0, column: 0, rowCount: rows.length, columnCount: width });
  let result: SegmentationResult | undefined;
  const compute: Compute = async (input, options, onProgress) => {
    result = segmentInput(input, options, (_phase, fraction) => onProgress(fraction));
    return result;
  };
  const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
  const events: PaneEvent[] = [];
  await runSegmentation(
    {
      source: { kind: 'selection' },
      mapping: width > 3 ? { customer: 0, date: 1, amount: 2, order: 3 } : { customer: 0, date: 1, amount: 2 },
      options: { ...DEFAULT_FORM_OPTIONS, ...options },
      addinVersion: 'test',
    },
    { excelRun, compute },
    (event) => events.push(event),
    new AbortController().signal,
  );
  const segments = book.findSheet('Customer Segments') ? book.sheetValues('Customer Segments') : [];
  return { book, events, result, segments };
}

/** The sheet's English headers (words for people) → core's CSV column names (snake_case, the scripts' contract). */
const CSV_NAME_OF_HEADER = new Map(
  Object.entries(outputLabels(createTranslator('en')).columns).map(([key, label]) => [
    label,
    [...OUTPUT_COLUMNS, ...PROBABILISTIC_COLUMNS].find((column) => column.key === key)?.header ?? key,
  ]),
);

/** The rows of the Customer Segments sheet as objects by core's CSV column name (customer_id, monetary …). */
export function byHeader(segments: readonly (readonly CellValue[])[]): Record<string, CellValue>[] {
  const [header = [], ...body] = segments;
  const names = header.map((name) => CSV_NAME_OF_HEADER.get(String(name)) ?? String(name));
  return body.map((row) => Object.fromEntries(names.map((name, index) => [name, row[index] ?? ''])));
}
