import { PAYLOAD_LIMIT_BYTES, StandinRequestContext, StandinWorkbook, sheetNameProblem } from '../../src/standin';
import type { StandinError } from '../../src/standin';

function bookWithData(): StandinWorkbook {
  const book = new StandinWorkbook();
  book.addSheet('Data', [
    ['customer', 'amount'],
    ['c1', 10],
    ['c2', 20],
  ]);
  return book;
}

async function errorOf(promise: Promise<unknown>): Promise<StandinError> {
  try {
    await promise;
  } catch (error) {
    return error as StandinError;
  }
  throw new Error('expected the promise to reject');
}

describe('StandinRequestContext', () => {
  test('a property read before load and sync throws PropertyNotLoaded', async () => {
    const context = new StandinRequestContext(bookWithData());
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:B3');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    range.load('values');
    expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(range.values).toEqual([
      ['customer', 'amount'],
      ['c1', 10],
      ['c2', 20],
    ]);
    expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });

  test('writes happen only at sync, in order', async () => {
    const book = bookWithData();
    const context = new StandinRequestContext(book);
    const sheet = context.workbook.worksheets.add('Out');
    sheet.getRange('A1:B1').values = [['x', 1]];
    expect(book.findSheet('Out')).toBeUndefined();
    await context.sync();
    expect(book.sheetValues('Out')).toEqual([['x', 1]]);
  });

  test('getUsedRangeOrNullObject trims a whole-column selection to used cells', async () => {
    const book = bookWithData();
    book.select('Data', { row: 0, column: 0, rowCount: 1_048_576, columnCount: 2 });
    const context = new StandinRequestContext(book);
    const used = context.workbook.getSelectedRange().getUsedRangeOrNullObject(true);
    used.load('address,rowCount');
    await context.sync();
    expect(used.isNullObject).toBe(false);
    expect(used.address).toBe('Data!A1:B3');
    expect(used.rowCount).toBe(3);
  });

  test('a response over 5 MB fails with ResponsePayloadSizeLimitExceeded', async () => {
    const book = new StandinWorkbook();
    const rows = Array.from({ length: 80_000 }, (_, index) => [
      `customer-${index}-padding-padding`,
      index * 1.5,
      'x'.repeat(40),
    ]);
    book.addSheet('Big', rows);
    const context = new StandinRequestContext(book);
    const range = context.workbook.worksheets.getItem('Big').getRange('A1:C80000');
    range.load('values');
    const error = await errorOf(context.sync());
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
    expect(JSON.stringify(rows).length).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  test('a request over 5 MB fails with RequestPayloadSizeLimitExceeded and writes nothing', async () => {
    const book = bookWithData();
    const context = new StandinRequestContext(book);
    const values = Array.from({ length: 100_000 }, () => ['a long text cell of some forty characters..', 123456.789]);
    context.workbook.worksheets.getItem('Data').getRange('D1:E100000').values = values;
    const error = await errorOf(context.sync());
    expect(error.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(book.sheetValues('Data')[0]).toEqual(['customer', 'amount']);
  });

  test('reading more than 5,000,000 cells fails', async () => {
    const context = new StandinRequestContext(bookWithData());
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:E1048576');
    range.load('values');
    const error = await errorOf(context.sync());
    expect(error.code).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test('sheet names follow Excel rules: 31 characters, no []:*?/\\, unique ignoring case', async () => {
    expect(sheetNameProblem('a'.repeat(31), [])).toBeNull();
    expect(sheetNameProblem('a'.repeat(32), [])).toMatch(/31/);
    for (const bad of ['a[b', 'a]b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b'])
      expect(sheetNameProblem(bad, [])).not.toBeNull();
    expect(sheetNameProblem('DATA', ['Data'])).toMatch(/already/);
    const context = new StandinRequestContext(bookWithData());
    context.workbook.worksheets.add('data');
    expect((await errorOf(context.sync())).code).toBe('ItemAlreadyExists');
  });

  test('ranges beyond row 1,048,576 are refused', async () => {
    const context = new StandinRequestContext(bookWithData());
    const range = context.workbook.worksheets.getItem('Data').getRangeByIndexes(1_048_575, 0, 2, 1);
    range.load('address');
    expect((await errorOf(context.sync())).code).toBe('InvalidArgument');
  });

  test('getItemOrNullObject reports isNullObject after sync', async () => {
    const context = new StandinRequestContext(bookWithData());
    const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
    const present = context.workbook.worksheets.getItemOrNullObject('data');
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
  });

  test('an injected failure stops the batch at the Nth write; earlier writes stay, later ones do not', async () => {
    const book = bookWithData();
    book.failAtWrite = 2;
    const context = new StandinRequestContext(book);
    context.workbook.worksheets.add('One');
    context.workbook.worksheets.add('Two');
    context.workbook.worksheets.add('Three');
    expect((await errorOf(context.sync())).code).toBe('GeneralException');
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(['Data', 'One']);
  });

  test('settings persist across contexts on the same workbook', async () => {
    const book = bookWithData();
    const first = new StandinRequestContext(book);
    first.workbook.settings.add('mapping', { customer: 0 });
    await first.sync();
    const second = new StandinRequestContext(book);
    const setting = second.workbook.settings.getItemOrNullObject('mapping');
    setting.load('value');
    await second.sync();
    expect(setting.isNullObject).toBe(false);
    expect(setting.value).toEqual({ customer: 0 });
  });

  test('functions.date(1904,1,1) is 0 in a 1904 workbook and 1462 in a 1900 workbook', async () => {
    const book = bookWithData();
    const context = new StandinRequestContext(book);
    const in1900 = context.workbook.functions.date(1904, 1, 1);
    in1900.load('value');
    await context.sync();
    expect(in1900.value).toBe(1462);
    book.date1904 = true;
    const in1904 = context.workbook.functions.date(1904, 1, 1);
    in1904.load('value');
    await context.sync();
    expect(in1904.value).toBe(0);
  });

  test('getSurroundingRegion finds the block around the active cell', async () => {
    const book = bookWithData();
    book.select('Data', { row: 1, column: 1, rowCount: 1, columnCount: 1 });
    const context = new StandinRequestContext(book);
    const region = context.workbook.getActiveCell().getSurroundingRegion();
    region.load('address');
    await context.sync();
    expect(region.address).toBe('Data!A1:B3');
  });

  test('valueTypes tells a blank cell from text', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Data', [['a', '', 1, true]]);
    const context = new StandinRequestContext(book);
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:D1');
    range.load('valueTypes');
    await context.sync();
    expect(range.valueTypes).toEqual([['String', 'Empty', 'Double', 'Boolean']]);
  });

  test('beforeSync holds a sync: its batch runs only when the hold is released', async () => {
    const book = bookWithData();
    let release: () => void = () => undefined;
    book.beforeSync = () => new Promise<void>((resolve) => (release = resolve));
    const context = new StandinRequestContext(book);
    context.workbook.worksheets.getItem('Data').getRange('C1').values = [['held']];
    let done = false;
    const syncing = context.sync().then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(false);
    expect(book.sheetValues('Data')[0]).toEqual(['customer', 'amount']);
    release();
    await syncing;
    expect(book.sheetValues('Data')[0]).toEqual(['customer', 'amount', 'held']);
  });

  test('cellsRead counts the cells that loads of values ask for', async () => {
    const book = bookWithData();
    const context = new StandinRequestContext(book);
    context.workbook.worksheets.getItem('Data').getRange('A1:B3').load('values');
    context.workbook.worksheets.getItem('Data').getRange('A1:B1').load('address');
    await context.sync();
    expect(book.cellsRead).toBe(6);
  });

  test('outline groups (ExcelApi 1.10): grouped, collapsed, at most eight levels, collapse needs a group', async () => {
    const book = bookWithData();
    const context = new StandinRequestContext(book);
    const range = context.workbook.worksheets.getItem('Data').getRange('B1:B3');
    await expect(
      (async () => {
        range.hideGroupDetails('ByColumns');
        await context.sync();
      })(),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    range.group('ByColumns');
    range.hideGroupDetails('ByColumns');
    await context.sync();
    expect(book.findSheet('Data')?.outline).toEqual([{ by: 'ByColumns', start: 1, count: 1, hidden: true }]);
    for (let level = 2; level <= 8; level++) range.group('ByColumns');
    await context.sync();
    range.group('ByColumns');
    expect((await errorOf(context.sync())).code).toBe('InvalidOperation');
  });

  test('the table list is read after load and sync, as Office.js does', async () => {
    const book = bookWithData();
    const context = new StandinRequestContext(book);
    context.workbook.worksheets.getItem('Data').tables.add('A1:B3', true).name = 'Sales';
    await context.sync();
    const tables = context.workbook.tables;
    expect(() => tables.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    tables.load('items/name');
    await context.sync();
    expect(tables.items.map((table) => table.name)).toEqual(['Sales']);
  });
});
