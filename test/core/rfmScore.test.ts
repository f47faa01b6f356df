import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  fixedThresholdScore,
  parseTransactions,
  rfmCode,
  rfmScores,
  roundMoney,
  scoreAgainstSorted,
  summarizeCustomers,
} from '../../src/core';

/** The COUNTIF rule written the slow, obvious way: for each value count the strictly worse ones. */
function bruteForceScores(values: readonly number[], bins: number, lowerIsBetter: boolean): number[] {
  return values.map((value) => {
    let worse = 0;
    for (const other of values) if (lowerIsBetter ? other > value : other < value) worse += 1;
    return 1 + Math.floor((bins * worse) / values.length);
  });
}

describe('rfmScores(values, bins, direction)', () => {
  test('the COUNTIF rule: 1 + floor(bins × L / N)', () => {
    expect(Array.from(rfmScores([10, 20, 20, 40], 5, 'higherIsBetter').scores)).toEqual([1, 2, 2, 4]);
    expect(Array.from(rfmScores([1, 5, 5, 30], 5, 'lowerIsBetter').scores)).toEqual([4, 2, 2, 1]);
  });
  test('all ties get the lowest score', () => {
    expect(Array.from(rfmScores([7, 7, 7], 5, 'higherIsBetter').scores)).toEqual([1, 1, 1]);
  });
  test('one customer scores 1', () => {
    expect(Array.from(rfmScores([123], 5, 'higherIsBetter').scores)).toEqual([1]);
  });
  test('empty input gives no scores', () => {
    expect(rfmScores([], 5, 'higherIsBetter').scores.length).toBe(0);
  });
  test('cut points are the least favourable values that reach each score', () => {
    const { cutPoints, scores } = rfmScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5, 'higherIsBetter');
    expect(cutPoints).toEqual([3, 5, 7, 9]);
    expect(Array.from(scores)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(rfmScores([10, 20, 30, 40, 50], 5, 'lowerIsBetter').cutPoints).toEqual([40, 30, 20, 10]);
    expect(rfmScores([1, 1, 1, 1, 2], 5, 'higherIsBetter').cutPoints).toEqual([2, 2, 2, 2]);
    expect(rfmScores([1, 1, 1, 1, 1], 5, 'higherIsBetter').cutPoints).toEqual([null, null, null, null]);
  });
  test('bins outside 2 … 10 and non-finite values are refused', () => {
    expect(() => rfmScores([1], 11, 'higherIsBetter')).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => rfmScores([1], 1, 'higherIsBetter')).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => rfmScores([1, Number.NaN], 5, 'higherIsBetter')).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER' }),
    );
  });
  test('the input is not mutated', () => {
    const values = Object.freeze([3, 1, 2]);
    rfmScores(values, 5, 'higherIsBetter');
    expect(values).toEqual([3, 1, 2]);
  });
});

test('roundMoney(value) makes sums in another order tie', () => {
  expect(0.1 + 0.2 === 0.3).toBe(false);
  expect(roundMoney(0.1 + 0.2)).toBe(roundMoney(0.3));
});

describe('scoreAgainstSorted(value, sorted, bins, direction)', () => {
  test('agrees with the population scores for members; an outsider better than all scores bins', () => {
    const values = [5, 3, 3, 9, 1, 7, 7, 7, 2];
    const sorted = Float64Array.from(values).sort();
    const population = rfmScores(values, 4, 'higherIsBetter').scores;
    values.forEach((value, index) =>
      expect(scoreAgainstSorted(value, sorted, 4, 'higherIsBetter')).toBe(population[index]),
    );
    // L = N would give 1 + floor(4 × 9 / 9) = 5, beyond the 4 levels: the top score instead.
    expect(scoreAgainstSorted(100, sorted, 4, 'higherIsBetter')).toBe(4);
    expect(scoreAgainstSorted(0, sorted, 4, 'lowerIsBetter')).toBe(4);
    expect(scoreAgainstSorted(9, sorted, 4, 'higherIsBetter')).toBe(4);
    expect(scoreAgainstSorted(10, Float64Array.of(10), 5, 'lowerIsBetter')).toBe(1);
  });
  test('an empty population is EMPTY_INPUT', () => {
    expect(() => scoreAgainstSorted(1, [], 5, 'higherIsBetter')).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });
});

describe('fixedThresholdScore(value, thresholds, direction)', () => {
  test('frequency thresholds [2, 3, 5, 10]', () => {
    expect([1, 2, 4, 5, 12].map((value) => fixedThresholdScore(value, [2, 3, 5, 10], 'higherIsBetter'))).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });
  test('recency thresholds [30, 90, 180, 365] days', () => {
    expect(
      [20, 30, 45, 200, 400].map((value) => fixedThresholdScore(value, [30, 90, 180, 365], 'lowerIsBetter')),
    ).toEqual([5, 5, 4, 2, 1]);
  });
  test('thresholds not ascending are BAD_ARGUMENT', () => {
    expect(() => fixedThresholdScore(1, [3, 2], 'higherIsBetter')).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT' }),
    );
  });
});

test('rfmCode(5, 4, 5) is 545', () => {
  expect(rfmCode(5, 4, 5)).toBe(545);
});

describe('RFM on CDNOW_master.txt (23,570 customers)', () => {
  const text = readFileSync(path.resolve(__dirname, '../../../shared/data/CDNOW_master.txt'), 'utf8');
  const lines = text.trim().split('\n').slice(1);
  const customer: string[] = [];
  const date: string[] = [];
  const amount: number[] = [];
  for (const line of lines) {
    const [id, yyyymmdd, , dollars] = line.trim().split(/\s+/);
    customer.push(id as string);
    date.push(`${yyyymmdd?.slice(0, 4)}-${yyyymmdd?.slice(4, 6)}-${yyyymmdd?.slice(6, 8)}`);
    amount.push(Number(dollars));
  }
  const summary = summarizeCustomers(parseTransactions({ customer, date, amount }));

  test('the summary has every customer', () => {
    expect(summary.count).toBe(23_570);
  });

  test.each([5, 3, 10])('with %i bins, scores match a brute-force COUNTIF on R, F and M', (bins) => {
    const money = Array.from(summary.monetary, roundMoney);
    const recency = Array.from(summary.recencyDays);
    const frequency = Array.from(summary.frequency);
    // The brute force is O(N²): check a seeded sample of customers against the whole population.
    let seed = 12_345 + bins;
    const sample: number[] = [];
    for (let draw = 0; draw < 400; draw++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      sample.push(seed % summary.count);
    }
    const scoreR = rfmScores(recency, bins, 'lowerIsBetter').scores;
    const scoreF = rfmScores(frequency, bins, 'higherIsBetter').scores;
    const scoreM = rfmScores(money, bins, 'higherIsBetter').scores;
    const countif = (values: number[], index: number, lowerIsBetter: boolean): number => {
      const value = values[index] as number;
      let worse = 0;
      for (const other of values) if (lowerIsBetter ? other > value : other < value) worse += 1;
      return 1 + Math.floor((bins * worse) / values.length);
    };
    for (const index of sample) {
      expect(scoreR[index]).toBe(countif(recency, index, true));
      expect(scoreF[index]).toBe(countif(frequency, index, false));
      expect(scoreM[index]).toBe(countif(money, index, false));
    }
  });

  test('the brute force agrees on a full small population too', () => {
    const money = Array.from(summary.monetary.subarray(0, 2000), roundMoney);
    expect(Array.from(rfmScores(money, 5, 'higherIsBetter').scores)).toEqual(bruteForceScores(money, 5, false));
  });

  test('as of 1998-07-01: one-time buyers all have F = 1 and ties share a score', () => {
    expect(summary.asOf).toBe(Date.UTC(1998, 6, 1) / 86_400_000);
    const frequencies = Array.from(summary.frequency);
    const scores = rfmScores(frequencies, 5, 'higherIsBetter').scores;
    const oneTimers = frequencies
      .map((value, index) => (value === 1 ? scores[index] : 0))
      .filter((score) => score !== 0);
    expect(new Set(oneTimers)).toEqual(new Set([1]));
  });
});
