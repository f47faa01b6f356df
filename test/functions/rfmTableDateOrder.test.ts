import { excelErrorOf } from './customFunctionsStandIn';
import { rfmTable } from '../../src/functions/library';
import { buildFunctionsMetadata } from '../../src/functions/functionsMetadata';

const col = (values: readonly unknown[]): unknown[][] => values.map((value) => [value]);
const customers = col(['A', 'A', 'B']);
// Day first these are 3 April, 5 April and 4 April 2024; month first 4 March, 4 May and 4 April.
const dates = col(['03/04/2024', '05/04/2024', '04/04/2024']);
const amounts = col([10, 20, 5]);

function firstAndLast(table: unknown[][], customer: string): unknown[] {
  const header = table[0] as string[];
  const row = table.find((cells) => cells[0] === customer) as unknown[];
  return [row[header.indexOf('first_purchase')], row[header.indexOf('last_purchase')]];
}

describe('CRM.RFM_TABLE date_order', () => {
  it('reads the same text dates day first or month first', () => {
    const dayFirst = rfmTable(customers, dates, amounts, null, null, null, 'en', 'dmy') as unknown[][];
    const monthFirst = rfmTable(customers, dates, amounts, null, null, null, 'en', 'mdy') as unknown[][];
    expect(firstAndLast(dayFirst, 'A')).toEqual(['2024-04-03', '2024-04-05']);
    expect(firstAndLast(monthFirst, 'A')).toEqual(['2024-03-04', '2024-05-04']);
  });

  it('without it such dates are unreadable (#N/A naming the bad date), and a wrong word is #VALUE!', () => {
    expect(excelErrorOf(() => rfmTable(customers, dates, amounts))).toMatchObject({
      code: '#N/A',
      message: expect.stringContaining("bad date 3 (first at rows 1, 2, 3, the first is '03/04/2024'"),
    });
    expect(excelErrorOf(() => rfmTable(customers, dates, amounts, null, null, null, 'en', 'dm'))).toEqual({
      code: '#VALUE!',
      message: 'date_order must be one of "ymd", "mdy", "dmy", got \'dm\'.',
    });
  });

  it('is the last, optional parameter in functions.json, so existing formulas keep their meaning', () => {
    const entry = buildFunctionsMetadata('en', 'https://example.test/').functions.find((f) => f.id === 'RFM_TABLE');
    expect(entry?.parameters.at(-1)).toMatchObject({ name: 'date_order', optional: true });
  });
});
