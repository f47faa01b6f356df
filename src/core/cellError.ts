/**
 * Excel's error values, as they reach core from any entry point. A cell holding an error (`#N/A`, `#REF!`, …)
 * is never an id, an order, a date or an amount (DOMAIN §7.2): bulk paths skip its row and count it under
 * the reason `errorValue`.
 *
 * How each entry point hands one over:
 * - the task pane reads `range.valueTypes` and passes an error cell as a `CellError` object, so the text
 *   "#N/A" typed into a cell (value type String) stays text;
 * - a CSV file cannot tell the two apart (Excel writes an error cell as its text), so the command line
 *   treats a field that is exactly one of these codes as an error value;
 * - custom functions receive error cells as `Error` objects from Excel and are refused by the runner before
 *   core is called.
 */
export const EXCEL_ERROR_CODES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#PYTHON!',
] as const;

export type ExcelErrorCode = (typeof EXCEL_ERROR_CODES)[number];

/** A cell that holds an Excel error value, as an entry point hands it to core. */
export interface CellError {
  readonly excelError: ExcelErrorCode;
}

const CODES: ReadonlySet<string> = new Set(EXCEL_ERROR_CODES);

/** The error code when `text` is exactly an Excel error value (case-insensitive, spaces trimmed), else null. */
export function excelErrorCodeOf(text: string): ExcelErrorCode | null {
  const candidate = text.trim().toUpperCase();
  return CODES.has(candidate) ? (candidate as ExcelErrorCode) : null;
}

/** Wraps an error code as the cell value core recognises. */
export function cellError(code: ExcelErrorCode): CellError {
  return { excelError: code };
}

/** Whether a raw cell value is an Excel error handed over by an entry point. */
export function isCellError(value: unknown): value is CellError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { excelError?: unknown }).excelError === 'string' &&
    CODES.has((value as { excelError: string }).excelError)
  );
}
