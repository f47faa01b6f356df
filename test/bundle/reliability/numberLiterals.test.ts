/*
 * Class 4, functions side: hexadecimal, binary and octal texts are not numbers; a numeric id is the same
 * customer however it is written.
 */
import { call, col, errorOf, serial } from './callBundle';

describe('number conventions in function arguments', () => {
  it.each(['0x1F', '0b101', '0o17', 'Infinity'])(
    'CLV refuses the profit %s rather than reading it as a number',
    (text) => {
      const error = errorOf('CLV', col([100, text]), 0.1, null, null, null);
      expect(error).toEqual({ code: '#VALUE!', message: `profits: row 2 is '${text}', not a number.` });
    },
  );

  it('RETENTION_CLV refuses a margin typed as 0x64 (it is not 100)', () => {
    expect(errorOf('RETENTION_CLV', '0x64', 0.8, 0.1, null, null).code).toBe('#VALUE!');
  });

  it('17850 and "17850.0" (a pandas export of numeric ids) are one customer in RFM_TABLE', () => {
    const table = call(
      'RFM_TABLE',
      col([17850, '17850.0', 13047]),
      col([serial('2024-01-05'), serial('2024-03-01'), serial('2024-03-02')]),
      col([10, 20, 40]),
      null,
      null,
      null,
      null,
    ) as unknown[][];
    const header = table[0] as string[];
    const customers = table.filter((row) => row[0] === '17850' || row[0] === '13047');
    expect(customers.map((row) => row[0])).toEqual(['13047', '17850']);
    expect(customers[1]?.[header.indexOf('frequency')]).toBe(2);
    expect(customers[1]?.[header.indexOf('monetary')]).toBe(30);
  });

  it('LIFECYCLE_STAGE finds customer 17850 by the id 17850 in a column holding "17850.0"', () => {
    const dates = col([serial('2024-01-05'), serial('2024-03-01')]);
    const stage = call(
      'LIFECYCLE_STAGE',
      dates,
      col([10, 20]),
      17850,
      col(['17850.0', '13047']),
      serial('2024-03-10'),
      null,
      null,
      'en',
    );
    expect(typeof stage).toBe('string');
    expect(
      errorOf('LIFECYCLE_STAGE', dates, col([10, 20]), 99999, col(['17850.0', '13047']), null, null, null, 'en').code,
    ).toBe('#N/A');
  });
});
