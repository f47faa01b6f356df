import { dayToExcelSerial, parseDate } from '../core';
import { StandinWorkbook } from '../standin';
import type { CellValue } from '../standin';

/** The attribution shown under the demo grid (the data set's source, SOURCES.md). */
export const SAMPLE_ATTRIBUTION =
  'Data: CDNOW customers 00001–01000 (3,316 transactions), from Bruce Hardie’s data sets (brucehardie.com/datasets); ' +
  'Fader, Hardie & Lee (2005), Marketing Science 24(2), 275–284.';

/**
 * A stand-in workbook with one "Transactions" sheet built from the bundled CDNOW CSV: ids as text,
 * dates as Excel serials (as Excel stores typed dates), numbers as numbers; the data is selected.
 */
export function sampleWorkbook(csv: string): StandinWorkbook {
  const lines = csv.trim().split(/\r?\n/);
  const rows: CellValue[][] = lines.map((line, index) => {
    const [id = '', date = '', quantity = '', amount = ''] = line.split(',');
    if (index === 0) return [id, date, quantity, amount];
    const day = parseDate(date);
    if (day === null) throw new Error(`Demo data line ${index + 1}: "${date}" is not a date.`);
    return [id, dayToExcelSerial(day), Number(quantity), Number(amount)];
  });
  const book = new StandinWorkbook();
  const sheet = book.addSheet('Transactions', rows);
  sheet.numberFormats.push(
    { rect: { row: 1, column: 0, rowCount: rows.length - 1, columnCount: 1 }, format: '@' },
    { rect: { row: 1, column: 1, rowCount: rows.length - 1, columnCount: 1 }, format: 'yyyy-mm-dd' },
    { rect: { row: 1, column: 3, rowCount: rows.length - 1, columnCount: 1 }, format: '#,##0.00' },
  );
  book.select('Transactions', { row: 0, column: 0, rowCount: rows.length, columnCount: 4 });
  return book;
}
