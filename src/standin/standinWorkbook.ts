import type { CellRect } from './address';
import { MAX_COLUMNS, MAX_ROWS } from './address';
import { sheetNameProblem } from './sheetName';
import { StandinError } from './standinError';

/** A cell value as Office.js returns it: blank cells are ''. */
export type CellValue = string | number | boolean;

/** One worksheet's contents and the formatting applied to it, kept so tests can inspect it. */
export interface SheetModel {
  readonly id: string;
  name: string;
  /** Rows of cells; a missing row or cell is blank. */
  cells: CellValue[][];
  numberFormats: { rect: CellRect; format: string | string[][] }[];
  fills: { rect: CellRect; color: string }[];
  boldRanges: CellRect[];
  autofitted: CellRect[];
  frozenRows: number;
  /**
   * Cells holding an Excel error value, by "row,column" → code (the cell's value is the code's text, as
   * Office.js returns it; `valueTypes` says Error), so a test can tell an error cell from the text "#N/A".
   */
  errors: Map<string, string>;
  /**
   * Cells that became formulas, by "row,column" → formula: a text starting with "=" written to a cell whose
   * number format is not text ('@') is a formula in Excel, so an id such as =HYPERLINK(…) would run.
   */
  formulas: Map<string, string>;
  /** Conditional formats in the order added (only three-colour and two-colour scales are modelled). */
  conditionalFormats: ConditionalFormatModel[];
  /** Outline groups (Range.group, ExcelApi 1.10): rows or columns, and whether their details are hidden. */
  outline: OutlineGroupModel[];
}

/** One outline group of a sheet: a span of rows or columns that the reader can collapse with the [-] button. */
export interface OutlineGroupModel {
  by: 'ByRows' | 'ByColumns';
  start: number;
  count: number;
  hidden: boolean;
}

/** One colour-scale criterion, as Office.js's `ConditionalColorScaleCriterion`. */
export interface ColorScaleCriterion {
  type: 'LowestValue' | 'HighestValue' | 'Number' | 'Percent' | 'Percentile';
  formula: string | null;
  color: string;
}

/** A conditional format of a range: a colour scale with its criteria. */
export interface ConditionalFormatModel {
  readonly id: string;
  rect: CellRect;
  type: 'ColorScale';
  criteria: { minimum: ColorScaleCriterion; midpoint?: ColorScaleCriterion; maximum: ColorScaleCriterion } | null;
}

/** The key of one cell in {@link SheetModel.errors} and {@link SheetModel.formulas}. */
export function cellKey(row: number, column: number): string {
  return `${row},${column}`;
}

export interface TableModel {
  readonly id: string;
  name: string;
  sheet: SheetModel;
  rect: CellRect;
  hasHeaders: boolean;
  style: string;
}

export interface ChartModel {
  readonly id: string;
  name: string;
  sheet: SheetModel;
  type: string;
  source: CellRect;
  seriesBy: string;
  title: string;
  position?: { start: string; end?: string };
}

/** One operation executed by `sync`, in order, for tests to inspect. */
export interface OperationRecord {
  sync: number;
  kind: 'read' | 'write';
  operation: string;
}

/** The Office.js response limit on Excel on the web: 5 MB per request and per response. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel refuses to return the values of ranges with more than 5,000,000 cells. */
export const READ_CELL_LIMIT = 5_000_000;
/** Excel's outline depth: at most eight nested groups of rows or of columns. */
export const OUTLINE_LEVELS = 8;

/**
 * The in-memory workbook behind one or more stand-in request contexts.
 *
 * Why: it is the persistent document (like the file open in Excel); request contexts are the
 * batches of API calls made against it. Tests build one, run the adapter, and inspect it.
 * @example
 * const book = new StandinWorkbook();
 * book.addSheet('Data', [['customer', 'date'], ['c1', 35000]]);
 */
export class StandinWorkbook {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly charts: ChartModel[] = [];
  /** workbook.settings; survives across request contexts like a saved document. */
  readonly settings = new Map<string, unknown>();
  readonly log: OperationRecord[] = [];
  /** Whether the workbook uses the 1904 date system (Excel for Mac's old default). */
  date1904 = false;
  /** The sync numbers during which API calculation was suspended. */
  readonly calculationSuspendedSyncs: number[] = [];
  selection: { sheet: SheetModel; rect: CellRect } | null = null;
  activeSheet: SheetModel | null = null;
  syncCount = 0;
  writeCount = 0;
  /** Cells whose values, texts, types or formats loads asked for (a retried block counts again). */
  cellsRead = 0;
  /** When set, the write operation with this 1-based ordinal (across syncs) fails once. */
  failAtWrite: number | null = null;
  /**
   * When set, every sync awaits it before running its batch: a test holds a run at a chosen round trip (to
   * press Cancel mid-write, say) and lets it go on. Real syncs are too quick on a small sample to do that.
   */
  beforeSync: (() => Promise<void>) | null = null;
  private nextId = 1;
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` after every sync (the demo's grid redraws then). Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells subscribers the workbook may have changed (internal to the stand-in's sync). */
  notifyChanged(): void {
    for (const listener of this.listeners) listener();
  }

  /** Adds a sheet holding `rows` from A1; checks Excel's sheet-name rules. */
  addSheet(name: string, rows: readonly (readonly CellValue[])[] = []): SheetModel {
    const problem = sheetNameProblem(
      name,
      this.sheets.map((sheet) => sheet.name),
    );
    if (problem) throw new StandinError('InvalidArgument', `The sheet name "${name}" ${problem}.`);
    if (rows.length > MAX_ROWS) throw new StandinError('InvalidArgument', `A sheet holds at most ${MAX_ROWS} rows.`);
    const sheet: SheetModel = {
      id: `{sheet-${this.nextId++}}`,
      name,
      cells: rows.map((row) => [...row]),
      numberFormats: [],
      fills: [],
      boldRanges: [],
      autofitted: [],
      frozenRows: 0,
      errors: new Map(),
      formulas: new Map(),
      conditionalFormats: [],
      outline: [],
    };
    this.sheets.push(sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /** Finds a sheet by name, ignoring case as Excel does. */
  findSheet(name: string): SheetModel | undefined {
    const lower = name.toLocaleLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLocaleLowerCase() === lower);
  }

  /** Removes a sheet with its tables and charts. */
  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) throw new StandinError('InvalidOperation', 'A workbook must keep one sheet.');
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let index = this.tables.length - 1; index >= 0; index--) {
      if (this.tables[index]?.sheet === sheet) this.tables.splice(index, 1);
    }
    for (let index = this.charts.length - 1; index >= 0; index--) {
      if (this.charts[index]?.sheet === sheet) this.charts.splice(index, 1);
    }
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
    if (this.selection?.sheet === sheet) this.selection = null;
  }

  /** Selects a range (and makes its sheet active), as a user would before opening the pane. */
  select(sheetName: string, rect: CellRect): void {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new StandinError('ItemNotFound', `No sheet named "${sheetName}".`);
    this.selection = { sheet, rect };
    this.activeSheet = sheet;
  }

  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  /** Reads a rectangle of values, blank cells as ''. O(cells). */
  readCells(sheet: SheetModel, rect: CellRect): CellValue[][] {
    const out: CellValue[][] = new Array<CellValue[]>(rect.rowCount);
    for (let r = 0; r < rect.rowCount; r++) {
      const source = sheet.cells[rect.row + r];
      const row = new Array<CellValue>(rect.columnCount);
      for (let c = 0; c < rect.columnCount; c++) row[c] = source?.[rect.column + c] ?? '';
      out[r] = row;
    }
    return out;
  }

  /**
   * Puts an Excel error value into one cell (as a formula such as =NA() or a broken lookup would): its value
   * reads as the code's text and its value type as Error.
   */
  setError(sheetName: string, row: number, column: number, code: string): void {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new StandinError('ItemNotFound', `No sheet named "${sheetName}".`);
    const cells = (sheet.cells[row] ??= []);
    cells[column] = code;
    sheet.errors.set(cellKey(row, column), code);
  }

  /**
   * Writes a rectangle of values. As in Excel, a text starting with "=" written to a cell not formatted as
   * text becomes a formula (recorded in `sheet.formulas`); any write replaces an error value.
   */
  writeCells(sheet: SheetModel, rect: CellRect, values: readonly (readonly CellValue[])[]): void {
    for (let r = 0; r < rect.rowCount; r++) {
      const rowIndex = rect.row + r;
      const target = (sheet.cells[rowIndex] ??= []);
      const source = values[r] ?? [];
      for (let c = 0; c < rect.columnCount; c++) {
        const column = rect.column + c;
        const value = source[c] ?? '';
        target[column] = value;
        const key = cellKey(rowIndex, column);
        if (sheet.errors.size > 0) sheet.errors.delete(key);
        if (
          typeof value === 'string' &&
          value.startsWith('=') &&
          this.numberFormatAt(sheet, rowIndex, column) !== '@'
        ) {
          sheet.formulas.set(key, value);
        } else if (sheet.formulas.size > 0) {
          sheet.formulas.delete(key);
        }
      }
    }
  }

  /** The value type Office.js reports for one cell: Empty, Double, Boolean, String or Error. */
  valueTypeAt(sheet: SheetModel, row: number, column: number): string {
    if (sheet.errors.size > 0 && sheet.errors.has(cellKey(row, column))) return 'Error';
    const value = sheet.cells[row]?.[column] ?? '';
    if (value === '') return 'Empty';
    if (typeof value === 'number') return 'Double';
    if (typeof value === 'boolean') return 'Boolean';
    return 'String';
  }

  /** The smallest rectangle holding every non-blank cell, or null for an empty sheet. O(cells). */
  usedRect(sheet: SheetModel): CellRect | null {
    let top = -1;
    let bottom = -1;
    let left = MAX_COLUMNS;
    let right = -1;
    sheet.cells.forEach((row, rowIndex) => {
      if (!row) return;
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (value === undefined || value === '') continue;
        if (top < 0) top = rowIndex;
        bottom = rowIndex;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    });
    if (top < 0) return null;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  /** The values of a whole sheet trimmed to its used range, for assertions. */
  sheetValues(name: string): CellValue[][] {
    const sheet = this.findSheet(name);
    if (!sheet) throw new StandinError('ItemNotFound', `No sheet named "${name}".`);
    const used = this.usedRect(sheet);
    return used
      ? this.readCells(sheet, {
          ...used,
          row: 0,
          column: 0,
          rowCount: used.row + used.rowCount,
          columnCount: used.column + used.columnCount,
        })
      : [];
  }

  /** The last number format applied to one cell, or 'General'. */
  numberFormatAt(sheet: SheetModel, row: number, column: number): string {
    for (let index = sheet.numberFormats.length - 1; index >= 0; index--) {
      const entry = sheet.numberFormats[index];
      if (!entry || !contains(entry.rect, row, column)) continue;
      if (typeof entry.format === 'string') return entry.format;
      return entry.format[row - entry.rect.row]?.[column - entry.rect.column] ?? 'General';
    }
    return 'General';
  }

  /**
   * The colour a cell shows through a colour-scale conditional format, as Excel computes it: the cell's number placed
   * between the criteria values of the numbers in the format's range (lowest, highest, a percentile, a percent of the
   * span or a number), the colour interpolated linearly in RGB (lower-case #rrggbb); null when no scale covers a
   * number there.
   */
  conditionalFillAt(sheet: SheetModel, row: number, column: number): string | null {
    const value = sheet.cells[row]?.[column];
    if (typeof value !== 'number') return null;
    for (let index = sheet.conditionalFormats.length - 1; index >= 0; index--) {
      const format = sheet.conditionalFormats[index];
      if (!format?.criteria || !contains(format.rect, row, column)) continue;
      const numbers = this.readCells(sheet, format.rect)
        .flat()
        .filter((cell): cell is number => typeof cell === 'number')
        .sort((a, b) => a - b);
      const low = numbers[0] ?? 0;
      const high = numbers[numbers.length - 1] ?? 0;
      const at = (criterion: ColorScaleCriterion): number => {
        const number = Number(criterion.formula);
        switch (criterion.type) {
          case 'LowestValue':
            return low;
          case 'HighestValue':
            return high;
          case 'Number':
            return number;
          case 'Percent':
            return low + ((high - low) * number) / 100;
          case 'Percentile': {
            const position = ((numbers.length - 1) * number) / 100;
            const below = numbers[Math.floor(position)] ?? low;
            const above = numbers[Math.ceil(position)] ?? high;
            return below + (above - below) * (position - Math.floor(position));
          }
        }
      };
      const stops = [format.criteria.minimum, format.criteria.midpoint, format.criteria.maximum]
        .filter((criterion): criterion is ColorScaleCriterion => criterion !== undefined)
        .map((criterion) => ({ value: at(criterion), color: criterion.color.toLowerCase() }));
      const first = stops[0] as { value: number; color: string };
      if (value <= first.value) return first.color;
      for (let stop = 1; stop < stops.length; stop++) {
        const left = stops[stop - 1] as { value: number; color: string };
        const right = stops[stop] as { value: number; color: string };
        if (value <= right.value) {
          const share = right.value === left.value ? 1 : (value - left.value) / (right.value - left.value);
          return mixColors(left.color, right.color, share);
        }
      }
      return (stops[stops.length - 1] as { color: string }).color;
    }
    return null;
  }

  /** The last fill colour applied to one cell, or null. */
  fillAt(sheet: SheetModel, row: number, column: number): string | null {
    for (let index = sheet.fills.length - 1; index >= 0; index--) {
      const entry = sheet.fills[index];
      if (entry && contains(entry.rect, row, column)) return entry.color;
    }
    return null;
  }
}

function contains(rect: CellRect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.rowCount &&
    column >= rect.column &&
    column < rect.column + rect.columnCount
  );
}

/** Linear RGB interpolation between two #rrggbb colours. */
function mixColors(from: string, to: string, share: number): string {
  const channel = (color: string, index: number): number => parseInt(color.slice(1 + 2 * index, 3 + 2 * index), 16);
  const parts = [0, 1, 2].map((index) =>
    Math.round(channel(from, index) + (channel(to, index) - channel(from, index)) * share)
      .toString(16)
      .padStart(2, '0'),
  );
  return `#${parts.join('')}`;
}
