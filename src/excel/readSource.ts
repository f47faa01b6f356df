import { blockRows, jsonBytes } from './blockRows';
import { queueDateSystemProbe } from './detectDateSystem';
import { ExcelReadError } from './excelReadError';
import { cellError, excelErrorCodeOf } from '../core';
import type { DateSystem } from '../core';
import type { CellValue, ReadProgress, SourceCell, SourceChoice, SourceData, SourcePreview } from './sourceData';

/** Rows read first to measure row size. */
const SAMPLE_ROWS = 200;
/** Rows the preview reads for column detection (core's detectColumns looks at the first 50). */
const PREVIEW_ROWS = 50;

/** Options for {@link readSource}. */
export interface ReadOptions {
  onProgress?: ReadProgress;
  signal?: AbortSignal;
}

/**
 * Reads the transactions the user picked (selection, region around the active cell, or a named table),
 * trimmed to used cells, in row blocks that keep every response under 5 MB.
 *
 * Why blocks: Excel on the web fails a response over 5 MB, and a 1,048,575-row sheet is ~40 MB of JSON.
 * `values` and `valueTypes` are read (blank cells are '' and core treats '' as blank); a cell whose value type
 * is Error becomes a CellError, so core skips its row as an error value while the text "#N/A" typed into a
 * cell stays text. Cost: one sync to locate,
 * one for a 200-row sample, then ceil(rows / blockRows) syncs.
 * @throws ExcelReadError EMPTY_SOURCE (no values), NO_DATA_ROWS (header only), CANCELLED
 * @example
 * const data = await readSource(context, { kind: 'selection' });
 * data.rows.length // => 6919
 */
export async function readSource(
  context: Excel.RequestContext,
  choice: SourceChoice,
  options: ReadOptions = {},
): Promise<SourceData> {
  const located = await locateSource(context, choice);
  let syncs = 1;
  const { rowIndex, columnIndex, rowCount: total, columnCount, sheet } = located;

  const rows: SourceCell[][] = [];
  let next = 0;
  let size = Math.min(SAMPLE_ROWS, total);
  options.onProgress?.(0, total - 1);
  while (next < total) {
    if (options.signal?.aborted) throw new ExcelReadError('CANCELLED', 'Reading was cancelled.');
    const block = sheet.getRangeByIndexes(rowIndex + next, columnIndex, size, columnCount);
    block.load('values,valueTypes');
    try {
      // Reading in blocks is the point: each sync is one bounded round trip (Office's guidance for large ranges).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      syncs++;
      // Rows longer than the sample predicted: halve the block and try again.
      if (isPayloadError(error) && size > 1) {
        size = Math.ceil(size / 2);
        continue;
      }
      throw error;
    }
    syncs++;
    const values = block.values as CellValue[][];
    const types = block.valueTypes as string[][];
    values.forEach((row, index) => rows.push(withErrors(row, types[index])));
    next += size;
    const bytes = jsonBytes(values) + jsonBytes(types);
    size = Math.min(blockRows(bytes / Math.max(1, values.length)), total - next);
    options.onProgress?.(next - 1, total - 1);
  }
  const [headerRow = [], ...dataRows] = rows;
  const headers = headerRow.map((cell) => (typeof cell === 'object' ? cell.excelError : cell));
  return {
    sheetName: located.sheetName,
    address: located.address,
    headers,
    rows: dataRows,
    firstRowNumber: rowIndex + 2,
    dateSystem: located.dateSystem,
    syncs,
  };
}

/** A row of values with its error cells (value type Error) replaced by CellErrors; O(columns). */
function withErrors(values: CellValue[], types: readonly string[] | undefined): SourceCell[] {
  if (types === undefined || !types.includes('Error')) return values;
  return values.map((value, column) => {
    if (types[column] !== 'Error') return value;
    // Excel gives the error's text as its value; an unknown code still is an error, never data.
    return cellError(excelErrorCodeOf(String(value)) ?? '#VALUE!');
  });
}

/** Where the chosen data is: its used range, sheet and the workbook's date system. */
interface LocatedSource {
  sheet: Excel.Worksheet;
  sheetName: string;
  address: string;
  rowIndex: number;
  columnIndex: number;
  /** Rows including the header row. */
  rowCount: number;
  columnCount: number;
  dateSystem: DateSystem;
}

/**
 * Finds the used part of the chosen range, in one sync that also probes the date system.
 * @throws ExcelReadError EMPTY_SOURCE (no values), NO_DATA_ROWS (header only)
 */
async function locateSource(context: Excel.RequestContext, choice: SourceChoice): Promise<LocatedSource> {
  const picked = pickRange(context, choice);
  const used = picked.getUsedRangeOrNullObject(true);
  used.load('address,rowIndex,columnIndex,rowCount,columnCount');
  const dateSystem = queueDateSystemProbe(context);
  await context.sync();
  if (used.isNullObject) throw new ExcelReadError('EMPTY_SOURCE', 'The chosen range has no values.');
  const { address, rowIndex, columnIndex, rowCount, columnCount } = used;
  if (rowCount < 2) throw new ExcelReadError('NO_DATA_ROWS', `${address} has a header row but no data rows.`);
  const sheetName = sheetOfAddress(address);
  return {
    sheet: context.workbook.worksheets.getItem(sheetName),
    sheetName,
    address,
    rowIndex,
    columnIndex,
    rowCount,
    columnCount,
    dateSystem: dateSystem(),
  };
}

/**
 * The header and the first rows of the chosen data, with its size: what the pane shows and detects columns
 * from when the user picks the data.
 *
 * Why not {@link readSource}: picking must not read a million rows that the run will read again; the run
 * reads the whole range once, in blocks. Cost: two syncs, at most `sampleRows + 1` rows moved.
 * @throws ExcelReadError EMPTY_SOURCE, NO_DATA_ROWS
 * @example
 * const preview = await previewSource(context, { kind: 'selection' });
 * preview.rowCount // => 6919 (data rows, header excluded)
 */
export async function previewSource(
  context: Excel.RequestContext,
  choice: SourceChoice,
  sampleRows = PREVIEW_ROWS,
): Promise<SourcePreview> {
  const located = await locateSource(context, choice);
  const size = Math.min(located.rowCount, sampleRows + 1);
  const block = located.sheet.getRangeByIndexes(located.rowIndex, located.columnIndex, size, located.columnCount);
  block.load('values');
  await context.sync();
  const [headers = [], ...rows] = block.values as CellValue[][];
  return {
    sheetName: located.sheetName,
    address: located.address,
    headers,
    sampleRows: rows,
    rowCount: located.rowCount - 1,
    dateSystem: located.dateSystem,
    syncs: 2,
  };
}

function pickRange(context: Excel.RequestContext, choice: SourceChoice): Excel.Range {
  switch (choice.kind) {
    case 'selection':
      return context.workbook.getSelectedRange();
    case 'regionAroundActiveCell':
      return context.workbook.getActiveCell().getSurroundingRegion();
    case 'table':
      return context.workbook.tables.getItem(choice.name).getRange();
  }
}

function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ResponsePayloadSizeLimitExceeded' || code === 'RequestPayloadSizeLimitExceeded';
}

/**
 * The sheet name of an A1 address as Excel formats it ("Data!A1:B2", "'My data'!A1").
 * @example
 * sheetOfAddress("'Q1 ''24'!A1:B2") // => "Q1 '24"
 */
export function sheetOfAddress(address: string): string {
  const sheet = address.slice(0, address.lastIndexOf('!'));
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}
