/*
 * Class 7: Excel desktop passes the empty cells of a range as 0. Where 0 is impossible for a real customer
 * (frequency 0 in an RFM population, a transaction row of 0, 0, 0) it is read as blank.
 */
import { call, col, serial } from './callBundle';

const recency = [5, 30, 30, 90, 200, 365, 12, 45];
const frequency = [10, 4, 4, 2, 1, 1, 7, 3];
const monetary = [900, 250.5, 250.5, 80, 20, 15, 600, 120];
const zeros = (count: number): number[] => Array.from({ length: count }, () => 0);

describe('a range selected past the data on Excel desktop (trailing empty cells arrive as 0)', () => {
  it('RFM_SCORE of every customer is unchanged by ten trailing rows of 0, 0, 0', () => {
    const population = [col(recency), col(frequency), col(monetary)];
    const padded = [
      col([...recency, ...zeros(10)]),
      col([...frequency, ...zeros(10)]),
      col([...monetary, ...zeros(10)]),
    ];
    recency.forEach((_, row) => {
      const one = [recency[row], frequency[row], monetary[row]];
      const expected = call('RFM_SCORE', ...one, ...population, null, null);
      expect(call('RFM_SCORE', ...one, ...padded, null, null)).toEqual(expected);
    });
    // The first customer of the worked example in docs/functions.md stays 555.
    expect(call('RFM_SCORE', 5, 10, 900, ...padded, null, null)).toEqual([[555]]);
  });

  it('the spilled RFM_SCORE leaves the 0-frequency rows blank and scores the others as without them', () => {
    const plain = call(
      'RFM_SCORE',
      col(recency),
      col(frequency),
      col(monetary),
      null,
      null,
      null,
      null,
      null,
    ) as unknown[][];
    const padded = call(
      'RFM_SCORE',
      col([...recency, 0, 0]),
      col([...frequency, 0, 0]),
      col([...monetary, 0, 0]),
      null,
      null,
      null,
      null,
      null,
    ) as unknown[][];
    expect(padded).toEqual([...plain, [''], ['']]);
  });

  it('RFM_CUTS is unchanged by trailing 0 rows', () => {
    const plain = call('RFM_CUTS', col(recency), col(frequency), col(monetary), null);
    expect(call('RFM_CUTS', col([...recency, 0]), col([...frequency, 0]), col([...monetary, 0]), null)).toEqual(plain);
  });

  it('RFM_TABLE ignores trailing 0, 0, 0 rows instead of reporting them as bad dates', () => {
    const args = [col(['A', 'B']), col([serial('2024-01-02'), serial('2024-01-03')]), col([10, 20])];
    const plain = call('RFM_TABLE', ...args, null, null, null, null);
    const padded = call(
      'RFM_TABLE',
      col(['A', 'B', 0, 0]),
      col([serial('2024-01-02'), serial('2024-01-03'), 0, 0]),
      col([10, 20, 0, 0]),
      null,
      null,
      null,
      null,
    );
    expect(padded).toEqual(plain);
  });

  it('LIFECYCLE_STAGE ignores trailing 0 rows', () => {
    const dates = [serial('2023-01-01'), serial('2023-04-01'), serial('2023-07-01')];
    const plain = call(
      'LIFECYCLE_STAGE',
      col(dates),
      col([10, 20, 30]),
      null,
      null,
      serial('2023-08-01'),
      null,
      null,
      'en',
    );
    const padded = call(
      'LIFECYCLE_STAGE',
      col([...dates, 0, 0]),
      col([10, 20, 30, 0, 0]),
      null,
      null,
      serial('2023-08-01'),
      null,
      null,
      'en',
    );
    expect(padded).toBe(plain);
  });
});
