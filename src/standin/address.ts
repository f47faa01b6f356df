/** A rectangle of cells by zero-based indexes, the stand-in's only notion of a range. */
export interface CellRect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** Excel's grid size: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/**
 * Converts a zero-based column index to Excel letters.
 * @example
 * columnLetters(27) // => 'AB'
 */
export function columnLetters(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/**
 * Formats a rectangle as an A1 address, quoting the sheet name as Excel does.
 * @example
 * formatAddress('Data', { row: 0, column: 0, rowCount: 2, columnCount: 2 }) // => 'Data!A1:B2'
 */
export function formatAddress(sheetName: string, rect: CellRect): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  const start = `${columnLetters(rect.column)}${rect.row + 1}`;
  if (rect.rowCount === 1 && rect.columnCount === 1) return `${quoted}!${start}`;
  const end = `${columnLetters(rect.column + rect.columnCount - 1)}${rect.row + rect.rowCount}`;
  return `${quoted}!${start}:${end}`;
}

/**
 * Parses an A1 address ("B2", "A1:D10", "Sheet1!A:A" is not supported) into a rectangle.
 * @throws StandinError-compatible RangeError when the text is not an address
 * @example
 * parseAddress('B2:C3') // => { row: 1, column: 1, rowCount: 2, columnCount: 2 }
 */
export function parseAddress(address: string): CellRect | null {
  const local = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(local.trim());
  if (!match) return null;
  const start = { column: lettersToIndex(match[1] ?? 'A'), row: Number(match[2]) - 1 };
  const end = match[3] ? { column: lettersToIndex(match[3]), row: Number(match[4]) - 1 } : start;
  const row = Math.min(start.row, end.row);
  const column = Math.min(start.column, end.column);
  const rect = {
    row,
    column,
    rowCount: Math.abs(end.row - start.row) + 1,
    columnCount: Math.abs(end.column - start.column) + 1,
  };
  if (row < 0 || row + rect.rowCount > MAX_ROWS || column + rect.columnCount > MAX_COLUMNS) return null;
  return rect;
}

function lettersToIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}
