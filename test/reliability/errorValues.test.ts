/*
 * Class 3 (pane, stand-in, core): an Excel error cell in any role is skipped and counted under its own reason,
 * while the text "#N/A" typed into a cell stays text. The stand-in models error cells (valueTypes 'Error').
 */
import { EXCEL_ERROR_CODES, cellError, parseTransactions } from '../../src/core';
import { StandinRequestContext, StandinWorkbook, asExcelContext } from '../../src/standin';
import { cli, csvFile, csvRows } from './cliRun';
import { byHeader, runPane } from './paneRun';

const HEADER = ['customer', 'date', 'amount'];
const ROWS = [HEADER, ['A', 45300, 10], ['A', 45310, 20], ['B', 45305, 5], ['C', 45306, 7]];

describe('error cells in the pane', () => {
  test('the stand-in reports an error cell as valueTypes Error, and the text "#N/A" as String', async () => {
    const book = new StandinWorkbook();
    book.addSheet('Data', [['#N/A', '#N/A']]);
    book.setError('Data', 0, 0, '#N/A');
    const context = asExcelContext(new StandinRequestContext(book));
    const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1');
    range.load('values,valueTypes');
    await context.sync();
    expect(range.values).toEqual([['#N/A', '#N/A']]);
    expect(range.valueTypes).toEqual([['Error', 'String']]);
  });

  test('a failed lookup (#N/A) as customer id is skipped and counted, never a customer "#N/A"', async () => {
    const rows = [...ROWS, ['#N/A', 45307, 999]];
    const run = await runPane(rows, [{ row: 5, column: 0, code: '#N/A' }]);
    expect(run.events.at(-1)?.type).toBe('runFinished');
    expect(
      byHeader(run.segments)
        .map((row) => row.customer_id)
        .sort(),
    ).toEqual(['A', 'B', 'C']);
    expect(run.result?.skipped.reasons.errorValue).toEqual({ count: 1, firstRows: [6] });
  });

  test('the text "#N/A" typed as a customer id is a customer (it is text, not an error)', async () => {
    const run = await runPane([...ROWS, ['#N/A', 45307, 999]]);
    expect(byHeader(run.segments).map((row) => row.customer_id)).toContain('#N/A');
    expect(run.result?.skipped.total).toBe(0);
  });

  test('#REF! as amount and #DIV/0! as date are skipped under their own reason in the run information', async () => {
    const rows = [...ROWS, ['A', 45320, '#REF!'], ['B', '#DIV/0!', 50]];
    const run = await runPane(rows, [
      { row: 5, column: 2, code: '#REF!' },
      { row: 6, column: 1, code: '#DIV/0!' },
    ]);
    const customers = byHeader(run.segments);
    expect(customers.find((row) => row.customer_id === 'A')?.monetary).toBe(30);
    expect(customers.find((row) => row.customer_id === 'B')?.monetary).toBe(5);
    expect(run.result?.skipped.reasons).toEqual({ errorValue: { count: 2, firstRows: [6, 7] } });
    const summary = run.book.sheetValues('Segment Summary').flat();
    expect(summary).toContain('  Excel error value (#N/A, #REF! …)');
  });
});

describe('error cells in core', () => {
  test.each(EXCEL_ERROR_CODES.map((code) => [code]))('%s in any column is skipped as errorValue', (code) => {
    const error = cellError(code);
    const parsed = parseTransactions({
      customer: ['a', error, 'b', 'c', 'd'],
      date: ['2024-01-01', '2024-01-01', error, '2024-01-01', '2024-01-01'],
      amount: [1, 2, 3, error, 4],
      order: ['o1', 'o2', 'o3', 'o4', error],
    });
    expect(parsed.customerIds).toEqual(['a']);
    expect(parsed.skipped).toEqual({ total: 4, reasons: { errorValue: { count: 4, firstRows: [2, 3, 4, 5] } } });
  });
});

describe('error texts in a CSV file (Excel saves an error cell as its text)', () => {
  test('a #N/A customer and a #VALUE! amount are skipped as error values, not a customer "#N/A"', async () => {
    const file = csvFile(
      'errors.csv',
      'customer,date,amount\na,2024-01-05,10\n#N/A,2024-01-06,99\nb,2024-01-07,#VALUE!\nb,2024-01-08,20\n',
    );
    const { code, stdout, stderr } = await cli(['segment', file]);
    expect(code).toBe(0);
    expect(csvRows(stdout).map((row) => [row.customer_id, row.monetary])).toEqual([
      ['a', '10'],
      ['b', '20'],
    ]);
    expect(stderr).toMatch(/2 rows skipped: Excel error value \(#N\/A, #REF! …\) 2 \(first at rows 3, 4\)\./);
  });
});
