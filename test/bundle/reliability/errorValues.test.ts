/*
 * Class 3 (functions): Excel error values inside ranges are never an id, a date or an amount.
 */
import { call, col, errorCell, errorOf, serial } from './callBundle';

const customers = ['A', 'A', 'B', 'C'];
const dates = [serial('2024-01-02'), serial('2024-02-01'), serial('2024-01-15'), serial('2024-01-20')];
const amounts = [10, 20, 5, 7.5];

describe('error values in ranges passed to the CRM functions', () => {
  it('RFM_TABLE skips a row whose customer is #N/A (a failed VLOOKUP) and says so in its rows-skipped row', () => {
    const clean = call('RFM_TABLE', col(customers), col(dates), col(amounts), null, null, null, null) as unknown[][];
    const withError = call(
      'RFM_TABLE',
      col([...customers, errorCell('#N/A')]),
      col([...dates, serial('2024-01-25')]),
      col([...amounts, 999]),
      null,
      null,
      null,
      null,
    ) as unknown[][];
    // The customers are exactly those of the clean table: #N/A did not become a customer named "#N/A".
    const customersOf = (table: unknown[][]): unknown[][] =>
      table.filter((row) => ['A', 'B', 'C'].includes(row[0] as string));
    expect(customersOf(withError)).toEqual(customersOf(clean));
    expect(withError.map((row) => row[0])).not.toContain('#N/A');
    const skipped = withError.find((row) => row[0] === 'rows skipped');
    expect(skipped?.slice(0, 3)).toEqual([
      'rows skipped',
      1,
      '1 row skipped: Excel error value (#N/A, #REF! …) 1 (first at row 5).',
    ]);
  });

  it('RFM_TABLE skips #REF! in the amount column and #DIV/0! in the date column, counting both', () => {
    const table = call(
      'RFM_TABLE',
      col([...customers, 'A', 'B']),
      col([...dates, serial('2024-03-01'), errorCell('#DIV/0!')]),
      col([...amounts, errorCell('#REF!'), 5]),
      null,
      null,
      null,
      null,
    ) as unknown[][];
    const a = table.find((row) => row[0] === 'A');
    const header = table[0] as string[];
    expect(a?.[header.indexOf('monetary')]).toBe(30);
    expect(table.find((row) => row[0] === 'rows skipped')?.[1]).toBe(2);
  });

  it('CLV names the cell that holds #DIV/0! instead of reading it as a profit', () => {
    expect(errorOf('CLV', col([100, errorCell('#DIV/0!'), 100]), 0.1, null, null, null)).toEqual({
      code: '#VALUE!',
      message: 'profits: row 2 is the error #DIV/0!, not a number.',
    });
  });

  it('LIFECYCLE_STAGE stops at an error in the history, naming the row, rather than guessing a stage', () => {
    const error = errorOf(
      'LIFECYCLE_STAGE',
      col(dates),
      col([10, errorCell('#N/A'), 5, 7]),
      null,
      null,
      null,
      null,
      null,
      null,
    );
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('Row 2 holds the error #N/A: fix it or leave the row out of the ranges.');
  });

  it('VALUE_TIER refuses a #N/A in values, naming it, so a tier is never computed on a shrunken column', () => {
    expect(errorOf('VALUE_TIER', col([100, errorCell('#N/A'), 20]), null, null, null).message).toBe(
      'value row 2 must be a number, got the error #N/A.',
    );
  });
});
