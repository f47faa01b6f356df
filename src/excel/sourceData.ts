import type { CellError, DateSystem } from '../core';

/** A cell value as Office.js returns it (blank cells are ''). */
export type CellValue = string | number | boolean;

/**
 * A data cell as the pane hands it to core: its value, or a {@link CellError} when Excel's `valueTypes` says the
 * cell holds an error (so an error cell is told apart from the text "#N/A").
 */
export type SourceCell = CellValue | CellError;

/** Where the transactions come from, as the pane offers it. */
export type SourceChoice = { kind: 'selection' } | { kind: 'regionAroundActiveCell' } | { kind: 'table'; name: string };

/**
 * The transactions read from the workbook as plain data: what the pane shows and the worker consumes.
 */
export interface SourceData {
  sheetName: string;
  /** A1 address of the range read, header row included, e.g. "Data!A1:D6920". */
  address: string;
  headers: CellValue[];
  rows: SourceCell[][];
  /** The sheet row number (1-based) of `rows[0]`, so skipped-row reports point at real rows. */
  firstRowNumber: number;
  dateSystem: DateSystem;
  /** How many `context.sync()` calls the read took (each one a round trip to Excel). */
  syncs: number;
}

/** The header, the first rows and the size of the chosen data, read without reading all of it. */
export interface SourcePreview {
  sheetName: string;
  address: string;
  headers: CellValue[];
  /** The first data rows (at most the preview size), for column detection. */
  sampleRows: CellValue[][];
  /** Data rows in the range, header excluded. */
  rowCount: number;
  dateSystem: DateSystem;
  syncs: number;
}

/** Reported while reading: rows read so far out of the total. */
export type ReadProgress = (rowsRead: number, totalRows: number) => void;
