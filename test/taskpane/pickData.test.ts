import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';
import type { CellValue } from '../../src/standin';
import type { ExcelRun } from '../../src/taskpane/run/excelHost';
import { pickData } from '../../src/taskpane/run/pickData';
import type { PaneEvent } from '../../src/taskpane/state/paneReducer';

async function pick(rows: CellValue[][]): Promise<PaneEvent[]> {
  const book = new StandinWorkbook();
  book.addSheet('Data', rows);
  book.select('Data', { row: 0, column: 0, rowCount: rows.length, columnCount: rows[0]?.length ?? 1 });
  const excelRun: ExcelRun = (batch) => batch(asExcelContext(new StandinRequestContext(book)));
  const events: PaneEvent[] = [];
  await pickData({ kind: 'selection' }, excelRun, (event) => events.push(event));
  return events;
}

describe('pickData', () => {
  test('pickData detects English headers and reports the row count', async () => {
    const events = await pick([
      ['Customer ID', 'Order Date', 'Amount'],
      ['c1', 35431, 10],
      ['c2', 35432, 20],
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'dataLoaded',
      data: { rowCount: 2, headers: ['Customer ID', 'Order Date', 'Amount'], address: 'Data!A1:C3' },
      mapping: { customer: 0, date: 1, amount: 2 },
    });
  });

  test('pickData detects Chinese headers, quantity × unit price in place of amount', async () => {
    const events = await pick([
      ['订单号', '客户编号', '下单日期', '数量', '单价'],
      ['o1', 'c1', '2024年1月5日', 2, 9.5],
    ]);
    expect(events.at(-1)).toMatchObject({
      type: 'dataLoaded',
      mapping: { order: 0, customer: 1, date: 2, quantity: 3, unitPrice: 4 },
    });
  });

  test('pickData on a header-only selection says so instead of loading', async () => {
    const events = await pick([['customer', 'date', 'amount']]);
    expect(events.at(-1)).toEqual({ type: 'dataFailed', message: 'error.NO_DATA_ROWS', detail: undefined });
  });
});
