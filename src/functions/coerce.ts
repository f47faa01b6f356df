import { AnalyticsError, cellError, excelErrorCodeOf, isCellError, parseAmount, parseDate } from '../core';
import type { CellError, ExcelErrorCode } from '../core';

// Globals read once: hot loops over ranges should not look them up per cell (slow in vm contexts).
const isArray = Array.isArray;
const isFiniteNumber = Number.isFinite;

/**
 * The Excel error code of a cell a range argument passed in: Excel hands error cells (#N/A, #REF! …) inside a
 * range to a custom function as `CustomFunctions.Error` objects, whose `code` is the error's text. Null for any
 * other value. Cost O(1).
 * @example
 * errorCodeOfCell({ code: '#N/A' }) // => '#N/A'
 */
export function errorCodeOfCell(value: unknown): ExcelErrorCode | null {
  if (typeof value !== 'object' || value === null) return null;
  if (isCellError(value)) return value.excelError;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' ? excelErrorCodeOf(code) : null;
}

/**
 * A range's cells with Excel error cells turned into core's CellError, so core skips and counts their rows as
 * error values instead of reading them as ids or amounts. O(cells); the input is not changed.
 */
export function withCellErrors(cells: readonly unknown[]): (unknown | CellError)[] {
  return cells.map((cell) => {
    const code = errorCodeOfCell(cell);
    return code === null ? cell : cellError(code);
  });
}

/** How a cell value is quoted in a message: texts in quotes, booleans as Excel writes them, errors by code. */
export function describeCell(value: unknown): string {
  const error = errorCodeOfCell(value);
  if (error !== null) return `the error ${error}`;
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value === null || value === undefined) return 'an empty cell';
  return String(value);
}

/** True for what Excel passes for an omitted argument or an empty cell (null, undefined, blank text). */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Reads a single-value argument: a 1 × 1 range counts as its cell, a larger range is refused, because
 * Excel passes a range to an `any` parameter as a 2-D array.
 *
 * @throws AnalyticsError BAD_ARGUMENT for a range of more than one cell.
 */
export function scalarOf(value: unknown, name: string): unknown {
  if (!isArray(value)) return value;
  const rows = value as unknown[];
  const first = rows[0];
  if (rows.length === 1 && (!isArray(first) || first.length === 1)) {
    return isArray(first) ? first[0] : first;
  }
  const columns = isArray(first) ? first.length : 1;
  throw new AnalyticsError(
    'BAD_ARGUMENT',
    `${name} must be a single value, got a range of ${rows.length} × ${columns} cells.`,
    { argument: name },
  );
}

/**
 * Reads a cell as a number the way an analyst types it: numbers, numbers stored as text (`"1,234.5"`,
 * `"¥12"`), and percentages (`"10%"` = 0.1). Blank gives null.
 *
 * @throws AnalyticsError BAD_NUMBER for any other text or a boolean, naming the argument.
 * @example
 * cellNumber('10%', 'discount_rate') // => 0.1
 */
export function cellNumber(value: unknown, name: string): number | null {
  if (isBlank(value)) return null;
  if (typeof value === 'number' && isFiniteNumber(value)) return value;
  if (typeof value === 'string') {
    const text = value.trim();
    const percent = text.endsWith('%');
    const number = parseAmount(percent ? text.slice(0, -1) : text);
    if (number !== null) return percent ? number / 100 : number;
  }
  throw new AnalyticsError('BAD_NUMBER', `${name} must be a number, got ${describeCell(value)}.`, { argument: name });
}

const CURRENCY = /[$€£¥￥]|\b(?:USD|EUR|GBP|CNY|RMB)\b/i;

/**
 * Reads a rate (discount, retention, margin): like {@link cellNumber}, but a text with a currency sign such as
 * "¥12" is refused rather than read as 12 = 1200 %.
 *
 * @throws AnalyticsError BAD_NUMBER naming the argument.
 * @example
 * cellRate('10%', 'discount_rate') // => 0.1
 */
export function cellRate(value: unknown, name: string): number | null {
  if (typeof value === 'string' && CURRENCY.test(value)) {
    throw new AnalyticsError(
      'BAD_NUMBER',
      `${name} is a rate such as 10% or 0.1, got ${describeCell(value)}, which is an amount of money.`,
      { argument: name },
    );
  }
  return cellNumber(value, name);
}

/**
 * Flattens a range row by row (Excel passes ranges as row-major 2-D arrays); a single value is a list of one.
 *
 * Cost O(cells).
 */
export function cellsOf(value: unknown): unknown[] {
  if (!isArray(value)) return [value];
  const cells: unknown[] = [];
  for (const row of value as unknown[]) {
    if (isArray(row)) for (const cell of row as unknown[]) cells.push(cell);
    else cells.push(row);
  }
  return cells;
}

/** The width of a range (1 for a single value), for messages that name a cell by row and column. */
export function widthOf(value: unknown): number {
  if (!isArray(value)) return 1;
  const first = (value as unknown[])[0];
  return isArray(first) ? Math.max(1, first.length) : 1;
}

/**
 * Reads a range of numbers (row by row), skipping blank cells the way `NPV` and `SUM` do.
 *
 * Cost O(cells).
 * @throws AnalyticsError BAD_NUMBER naming the argument, row and column of a cell that is not a number.
 * @example
 * numbersOf([[100], [null], ['200']], 'profits') // => [100, 200]
 */
export function numbersOf(value: unknown, name: string): number[] {
  const width = widthOf(value);
  const cells = cellsOf(value);
  const numbers: number[] = [];
  for (let index = 0; index < cells.length; index++) {
    const number = numberAt(cells, index, width, name);
    if (number !== null) numbers.push(number);
  }
  return numbers;
}

/**
 * Reads one cell of a range as a number, naming the row and column in the error.
 *
 * @throws AnalyticsError BAD_NUMBER
 */
export function numberAt(cells: readonly unknown[], index: number, width: number, name: string): number | null {
  const cell = cells[index];
  try {
    return cellNumber(cell, name);
  } catch {
    const row = Math.floor(index / width) + 1;
    const column = (index % width) + 1;
    const where = width === 1 ? `row ${row}` : `row ${row}, column ${column}`;
    throw new AnalyticsError('BAD_NUMBER', `${name}: ${where} is ${describeCell(cell)}, not a number.`, {
      argument: name,
      row,
    });
  }
}

/**
 * Reads a date argument: an Excel serial, a date cell, or text such as `2024-03-05`, `2024/3/5`, `2024年3月5日`;
 * returns a day number (days since 1970-01-01 UTC), or null when blank.
 *
 * @throws AnalyticsError BAD_DATE naming the argument.
 */
export function cellDate(value: unknown, name: string): number | null {
  if (isBlank(value)) return null;
  const day = parseDate(typeof value === 'string' ? value.trim() : value);
  if (day === null) {
    throw new AnalyticsError(
      'BAD_DATE',
      `${name} must be a date (a date cell, a serial or yyyy-mm-dd text), got ${describeCell(value)}.`,
      { argument: name },
    );
  }
  return day;
}
