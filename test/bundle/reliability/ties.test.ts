/*
 * Class 9: tied customers never get contradictory labels, and the reason is said.
 */
import { call, col, errorOf, serial } from './callBundle';

describe('ties in the functions', () => {
  it('ten identical customers who bought yesterday are all 555 Champions and all Platinum, with warnings', () => {
    const ids = Array.from({ length: 10 }, (_, index) => `C${index}`);
    const dates = ids.flatMap(() => [serial('2024-05-01'), serial('2024-05-15'), serial('2024-05-30')]);
    const table = call(
      'RFM_TABLE',
      col(ids.flatMap((id) => [id, id, id])),
      col(dates),
      col(dates.map(() => 300)),
      serial('2024-05-31'),
      null,
      null,
      'en',
    ) as unknown[][];
    const header = table[0] as string[];
    const customers = table.filter((row) => ids.includes(row[0] as string));
    expect(customers).toHaveLength(10);
    for (const row of customers) {
      expect(row[header.indexOf('rfm_code')]).toBe(555);
      expect(row[header.indexOf('segment')]).toBe('Champions');
      expect(row[header.indexOf('value_tier')]).toBe('Platinum');
    }
    const warnings = table.filter((row) => row[0] === 'warning').map((row) => row[1]);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'frequency has 1 distinct value for 5 bins: every customer ties on it and gets score 5.',
      ]),
    );
  });

  it('a lone customer is 555 in RFM_SCORE (not 111 Hibernating beside a Platinum tier)', () => {
    expect(call('RFM_SCORE', 1, 3, 900, col([1]), col([3]), col([900]), null, null)).toEqual([[555]]);
    expect(call('VALUE_TIER', col([900]), null, null, 'en')).toEqual([['Platinum']]);
  });

  it('RFM_CUTS refuses a population of one value, pointing at RFM_SCORE', () => {
    const error = errorOf('RFM_CUTS', col([1, 2]), col([3, 3, 3]), col([5, 9]), null);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/one value cannot be cut into scores/);
  });
});
