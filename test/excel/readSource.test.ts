import { previewSource, readSource, sheetOfAddress } from '../../src/excel/readSource';
import { ExcelReadError } from '../../src/excel';
import { PAYLOAD_LIMIT_BYTES, StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';

function transactions(count: number): (string | number)[][] {
  const rows: (string | number)[][] = [['customer_id', 'date', 'quantity', 'amount']];
  for (let index = 0; index < count; index++) {
    rows.push([
      String((index % 23570) + 1).padStart(5, '0'),
      35431 + (index % 546),
      1 + (index % 7),
      10 + (index % 97) * 1.37,
    ]);
  }
  return rows;
}

describe('readSource', () => {
  test('readSource(selection) trims a whole-column selection to the used cells and reports sheet rows', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Data', transactions(10));
    book.select('Data', { row: 0, column: 0, rowCount: 1_048_576, columnCount: 6 });
    const data = await readSource(asExcelContext(new StandinRequestContext(book)), { kind: 'selection' });
    expect(data.sheetName).toBe('Data');
    expect(data.address).toBe('Data!A1:D11');
    expect(data.headers).toEqual(['customer_id', 'date', 'quantity', 'amount']);
    expect(data.rows).toHaveLength(10);
    expect(data.rows[0]).toEqual(['00001', 35431, 1, 10]);
    expect(data.firstRowNumber).toBe(2);
    expect(data.dateSystem).toBe('1900');
  });

  test('readSource reads 1,048,575 data rows in blocks, no response over 5 MB, blocks of 5k–20k rows', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Big', transactions(1_048_575));
    book.select('Big', { row: 0, column: 0, rowCount: 1_048_576, columnCount: 4 });
    const context = new StandinRequestContext(book);
    const progress: number[] = [];
    const data = await readSource(
      asExcelContext(context),
      { kind: 'selection' },
      { onProgress: (read) => progress.push(read) },
    );
    expect(data.rows).toHaveLength(1_048_575);
    expect(data.rows[1_048_574]).toEqual(transactions(1_048_575)[1_048_575]);
    // Every sync succeeded (the stand-in throws above 5 MB); 1,048,576 rows / 20,000 per block + locate + sample.
    const reads = book.log.filter((entry) => entry.operation === 'Range.load(values,valueTypes)');
    expect(reads.length).toBeGreaterThanOrEqual(Math.ceil(1_048_576 / 20_000));
    expect(data.syncs).toBe(reads.length + 1);
    expect(data.syncs).toBeLessThan(70);
    expect(progress.at(-1)).toBe(1_048_575);
    expect(PAYLOAD_LIMIT_BYTES).toBe(5 * 1024 * 1024);
  });

  test('readSource shrinks blocks when rows are wide (long texts) instead of exceeding 5 MB', async () => {
    const book = new StandinWorkbook();
    const rows = transactions(30_000).map((row, index) => [
      ...row,
      index === 0 ? 'note' : 'n'.repeat(index < 200 ? 5 : 400),
    ]);
    book.addSheet('Wide', rows);
    book.select('Wide', { row: 0, column: 0, rowCount: 30_001, columnCount: 5 });
    const data = await readSource(asExcelContext(new StandinRequestContext(book)), { kind: 'selection' });
    expect(data.rows).toHaveLength(30_000);
  });

  test('readSource detects a 1904 workbook', async () => {
    const book = new StandinWorkbook();
    book.date1904 = true;
    book.addSheet('Data', transactions(3));
    book.select('Data', { row: 0, column: 0, rowCount: 4, columnCount: 4 });
    const data = await readSource(asExcelContext(new StandinRequestContext(book)), { kind: 'selection' });
    expect(data.dateSystem).toBe('1904');
  });

  test('readSource(regionAroundActiveCell) finds the block around one selected cell', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Data', [['title only'], [], ...transactions(4)]);
    book.select('Data', { row: 3, column: 2, rowCount: 1, columnCount: 1 });
    const data = await readSource(asExcelContext(new StandinRequestContext(book)), { kind: 'regionAroundActiveCell' });
    expect(data.address).toBe('Data!A3:D7');
    expect(data.firstRowNumber).toBe(4);
  });

  test('readSource(table) reads a named table', async () => {
    const book = new StandinWorkbook();
    const sheet = book.addSheet('My data', transactions(3));
    book.tables.push({
      id: 't',
      name: 'Sales',
      sheet,
      rect: { row: 0, column: 0, rowCount: 4, columnCount: 4 },
      hasHeaders: true,
      style: '',
    });
    const data = await readSource(asExcelContext(new StandinRequestContext(book)), { kind: 'table', name: 'Sales' });
    expect(data.sheetName).toBe('My data');
    expect(data.rows).toHaveLength(3);
  });

  test('readSource rejects an empty selection and a header-only range with clear codes', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Data', [['customer', 'date']]);
    book.addSheet('Empty');
    book.select('Empty', { row: 0, column: 0, rowCount: 10, columnCount: 2 });
    await expect(readSource(asExcelContext(new StandinRequestContext(book)), { kind: 'selection' })).rejects.toEqual(
      expect.objectContaining({ code: 'EMPTY_SOURCE' }),
    );
    book.select('Data', { row: 0, column: 0, rowCount: 10, columnCount: 2 });
    await expect(
      readSource(asExcelContext(new StandinRequestContext(book)), { kind: 'selection' }),
    ).rejects.toBeInstanceOf(ExcelReadError);
  });

  test('previewSource reads the header and 50 rows of a 1,048,575-row selection in two syncs, and counts the rows', async () => {
    const book = new StandinWorkbook();
    const rows = transactions(1_048_575);
    book.addSheet('Big', rows);
    book.select('Big', { row: 0, column: 0, rowCount: 1_048_576, columnCount: 4 });
    const preview = await previewSource(asExcelContext(new StandinRequestContext(book)), { kind: 'selection' });
    expect(preview).toMatchObject({ sheetName: 'Big', address: 'Big!A1:D1048576', rowCount: 1_048_575, syncs: 2 });
    expect(preview.headers).toEqual(rows[0]);
    expect(preview.sampleRows).toEqual(rows.slice(1, 51));
    expect(book.syncCount).toBe(2);
    expect(book.cellsRead).toBe(51 * 4);
  });

  test('previewSource of a short range reads all of it; empty and header-only ranges are the same errors as readSource', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Data', transactions(3));
    book.addSheet('Header', [['customer', 'date']]);
    book.addSheet('Empty');
    book.select('Data', { row: 0, column: 0, rowCount: 4, columnCount: 4 });
    const context = (): Excel.RequestContext => asExcelContext(new StandinRequestContext(book));
    const preview = await previewSource(context(), { kind: 'selection' });
    expect(preview.sampleRows).toEqual(transactions(3).slice(1));
    expect(preview.rowCount).toBe(3);
    expect(preview.dateSystem).toBe('1900');
    book.select('Header', { row: 0, column: 0, rowCount: 10, columnCount: 2 });
    await expect(previewSource(context(), { kind: 'selection' })).rejects.toMatchObject({ code: 'NO_DATA_ROWS' });
    book.select('Empty', { row: 0, column: 0, rowCount: 10, columnCount: 2 });
    await expect(previewSource(context(), { kind: 'selection' })).rejects.toMatchObject({ code: 'EMPTY_SOURCE' });
  });

  test("sheetOfAddress unquotes Excel's quoted sheet names", () => {
    expect(sheetOfAddress('Data!A1:B2')).toBe('Data');
    expect(sheetOfAddress("'Q1 ''24'!A1")).toBe("Q1 '24");
  });
});
