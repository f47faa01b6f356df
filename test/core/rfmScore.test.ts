import fc from 'fast-check';
import {
  checkScoreCuts,
  fixedThresholdScore,
  parseTransactions,
  rfmCode,
  rfmScores,
  tieWarning,
  roundMoney,
  scoreAgainstCuts,
  scoreAgainstSorted,
  scoreCuts,
  summarizeCustomers,
} from '../../src/core';
import type { ScoreDirection } from '../../src/core';
import { readDataText } from '../data/dataFiles';
import type { CoreWarning } from '../../src/core';
import { describeWarning } from '../../src/messages/coreMessages';

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
  test('ten identical customers all tie: they share the top score, as tied customers share the higher tier', () => {
    const result = rfmScores(
      Array.from({ length: 10 }, () => 7),
      5,
      'higherIsBetter',
    );
    expect(Array.from(result.scores)).toEqual(Array.from({ length: 10 }, () => 5));
    expect(result.distinctValues).toBe(1);
    expect(Array.from(rfmScores([3, 3, 3], 5, 'lowerIsBetter').scores)).toEqual([5, 5, 5]);
  });
  test('a lone customer scores bins, not 1 (nobody is worse than anybody)', () => {
    expect(Array.from(rfmScores([123], 5, 'higherIsBetter').scores)).toEqual([5]);
  });
  test('fewer distinct values than bins: the COUNTIF rule, ties share a score, some scores unused, with a warning', () => {
    const result = rfmScores([1, 1, 1, 1, 2], 5, 'higherIsBetter');
    expect(Array.from(result.scores)).toEqual([1, 1, 1, 1, 5]);
    expect(result.distinctValues).toBe(2);
    const sentence = (warning: CoreWarning | null): string | null =>
      warning === null ? null : describeWarning(warning, 'en');
    expect(sentence(tieWarning('frequency', 2, 5))).toBe(
      'frequency has 2 distinct values for 5 bins: tied customers share a score and some scores are not used.',
    );
    expect(sentence(tieWarning('frequency', 1, 5))).toBe(
      'frequency has 1 distinct value for 5 bins: every customer ties on it and gets score 5.',
    );
    expect(tieWarning('frequency', 5, 5)).toBeNull();
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
    expect(rfmScores([1, 1, 1, 1, 1], 5, 'higherIsBetter').cutPoints).toEqual([1, 1, 1, 1]);
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
    // A population of one value: that value scores the top (see rfmScores); a worse one still scores 1.
    expect(scoreAgainstSorted(10, Float64Array.of(10), 5, 'lowerIsBetter')).toBe(5);
    expect(scoreAgainstSorted(11, Float64Array.of(10), 5, 'lowerIsBetter')).toBe(1);
  });
  test('an empty population is EMPTY_INPUT', () => {
    expect(() => scoreAgainstSorted(1, [], 5, 'higherIsBetter')).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });
});

/**
 * COUNTIF for one value, brute force: L = members strictly worse, 1 + floor(bins × L / N), and the top score
 * for a value better than every member (L = N, only for an outsider), where the bare rule gives bins + 1.
 */
function countifScore(value: number, population: readonly number[], bins: number, direction: ScoreDirection): number {
  // One distinct value: its members share the top score (documented exception to the bare rule).
  if (population.every((member) => member === value)) return bins;
  let worse = 0;
  for (const other of population) if (direction === 'lowerIsBetter' ? other > value : other < value) worse += 1;
  return Math.min(bins, 1 + Math.floor((bins * worse) / population.length));
}

const ascending = (values: readonly number[]): Float64Array => Float64Array.from(values).sort();

describe('scoreCuts(sorted, bins, direction) and scoreAgainstCuts(value, cuts, direction)', () => {
  // The 8 customers of the RFM_SCORE example in docs/functions.md. N = 8, bins = 5: the k-th cut is the
  // m-th value from the worse end, m = ceil((k − 1)·8/5) = 2, 4, 5, 7 (worked by hand).
  const recency = [5, 30, 30, 90, 200, 365, 12, 45];
  const frequency = [10, 4, 4, 2, 1, 1, 7, 3];
  const monetary = [900, 250.5, 250.5, 80, 20, 15, 600, 120];

  test('the worked example: cuts are the 2nd, 4th, 5th and 7th value from the worse end', () => {
    // Sorted ascending: frequency 1 1 2 3 4 4 7 10, money 15 20 80 120 250.5 250.5 600 900, recency
    // 5 12 30 30 45 90 200 365 (recency counts from the large end: 200, 45, 30, 12).
    expect(scoreCuts(ascending(frequency), 5, 'higherIsBetter')).toEqual([1, 3, 4, 7]);
    expect(scoreCuts(ascending(monetary), 5, 'higherIsBetter')).toEqual([20, 120, 250.5, 600]);
    expect(scoreCuts(ascending(recency), 5, 'lowerIsBetter')).toEqual([200, 45, 30, 12]);
  });

  test('the worked example: every customer scores as COUNTIF does (555 for the first, 333 for the second)', () => {
    const cuts = {
      r: scoreCuts(ascending(recency), 5, 'lowerIsBetter'),
      f: scoreCuts(ascending(frequency), 5, 'higherIsBetter'),
      m: scoreCuts(ascending(monetary), 5, 'higherIsBetter'),
    };
    const codes = recency.map(
      (_, row) =>
        100 * scoreAgainstCuts(recency[row] as number, cuts.r, 'lowerIsBetter') +
        10 * scoreAgainstCuts(frequency[row] as number, cuts.f, 'higherIsBetter') +
        scoreAgainstCuts(monetary[row] as number, cuts.m, 'higherIsBetter'),
    );
    const countif = recency.map(
      (_, row) =>
        100 * countifScore(recency[row] as number, recency, 5, 'lowerIsBetter') +
        10 * countifScore(frequency[row] as number, frequency, 5, 'higherIsBetter') +
        countifScore(monetary[row] as number, monetary, 5, 'higherIsBetter'),
    );
    expect(codes).toEqual(countif);
    expect(codes.slice(0, 2)).toEqual([555, 333]);
  });

  test('fewer customers than bins: cuts repeat and scores are skipped, as in the rule', () => {
    // N = 3, bins = 5: m = ceil(3/5), ceil(6/5), ceil(9/5), ceil(12/5) = 1, 2, 2, 3.
    const cuts = scoreCuts(ascending([30, 10, 20]), 5, 'higherIsBetter');
    expect(cuts).toEqual([10, 20, 20, 30]);
    // 10: L = 0 → 1; 20: L = 1 → 1 + floor(5/3) = 2; 30: L = 2 → 1 + floor(10/3) = 4; 31 better than all → 5.
    expect([9, 10, 15, 20, 25, 30, 31].map((value) => scoreAgainstCuts(value, cuts, 'higherIsBetter'))).toEqual([
      1, 1, 2, 2, 4, 4, 5,
    ]);
    // One distinct value cannot be cut so that it scores the top: refused, with the way out.
    expect(() => scoreCuts(Float64Array.of(7), 10, 'lowerIsBetter')).toThrow(/one value cannot be cut into scores/);
    expect(() => scoreCuts(Float64Array.of(7, 7, 7), 5, 'higherIsBetter')).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT' }),
    );
  });

  const SEED = 20_261_203;
  test(`property (fast-check, seed ${SEED}): scoreAgainstCuts = scoreAgainstSorted = brute-force COUNTIF`, () => {
    // Few distinct values (many ties) or many; probes at members, cuts, just around them and outside.
    const population = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 300 }),
      fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 300 }),
      fc.array(
        fc.integer({ min: 0, max: 40 }).map((cents) => cents / 4),
        { minLength: 1, maxLength: 40 },
      ),
    );
    fc.assert(
      fc.property(
        population,
        fc.integer({ min: 2, max: 10 }),
        fc.constantFrom<ScoreDirection>('higherIsBetter', 'lowerIsBetter'),
        fc.array(
          fc.integer({ min: -3000, max: 3000 }).map((tenths) => tenths / 10),
          { maxLength: 10 },
        ),
        (values, bins, direction, extra) => {
          const sorted = ascending(values);
          // One distinct value has no cuts (scoreCuts refuses it; tested above).
          fc.pre(sorted[0] !== sorted[sorted.length - 1]);
          const cuts = scoreCuts(sorted, bins, direction);
          expect(cuts).toHaveLength(bins - 1);
          const low = sorted[0] as number;
          const high = sorted[sorted.length - 1] as number;
          const probes = [
            ...values,
            ...cuts,
            ...extra,
            low - 1,
            high + 1,
            ...cuts.flatMap((cut) => [cut - 0.5, cut + 0.5]),
          ];
          for (const value of probes) {
            const expected = countifScore(value, values, bins, direction);
            expect([value, scoreAgainstCuts(value, cuts, direction)]).toEqual([value, expected]);
            expect([value, scoreAgainstSorted(value, sorted, bins, direction)]).toEqual([value, expected]);
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  test(`property (seed ${SEED}): rfmScores cut points are the least favourable data values reaching each score`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 10 }),
        fc.constantFrom<ScoreDirection>('higherIsBetter', 'lowerIsBetter'),
        (values, bins, direction) => {
          const expected: (number | null)[] = [];
          for (let score = 2; score <= bins; score++) {
            const reaching = values.filter((value) => countifScore(value, values, bins, direction) >= score);
            const pick = direction === 'higherIsBetter' ? Math.min : Math.max;
            expected.push(reaching.length === 0 ? null : pick(...reaching));
          }
          expect(rfmScores(values, bins, direction).cutPoints).toEqual(expected);
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  test('cuts out of order, too many or too few, or not numbers are BAD_ARGUMENT naming the cut', () => {
    expect(() => scoreAgainstCuts(1, [3, 2], 'higherIsBetter')).toThrow(
      'cuts: the cut for score 3 (2) is out of order after 3; they must not decrease from score 2 to 3.',
    );
    expect(() => checkScoreCuts([10, 20], 'lowerIsBetter', 'cuts, recency column')).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT', message: expect.stringMatching(/^cuts, recency column: /) }),
    );
    expect(() => scoreAgainstCuts(1, [], 'higherIsBetter')).toThrow(expect.objectContaining({ code: 'BAD_ARGUMENT' }));
    expect(() => scoreAgainstCuts(1, new Array<number>(10).fill(1), 'higherIsBetter')).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT' }),
    );
    expect(() => scoreAgainstCuts(1, [1, Number.NaN], 'higherIsBetter')).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT' }),
    );
    // Equal neighbouring cuts are allowed: they come from ties.
    expect(scoreAgainstCuts(2, [1, 1, 1, 1], 'higherIsBetter')).toBe(5);
  });

  test('an empty population is EMPTY_INPUT; bins outside 2 … 10 are OUT_OF_RANGE', () => {
    expect(() => scoreCuts([], 5, 'higherIsBetter')).toThrow(expect.objectContaining({ code: 'EMPTY_INPUT' }));
    expect(() => scoreCuts([1], 11, 'higherIsBetter')).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
  });

  test('the inputs are not mutated', () => {
    const sorted = Object.freeze([1, 2, 2, 5]);
    const cuts = Object.freeze(scoreCuts(sorted, 4, 'higherIsBetter'));
    scoreAgainstCuts(2, cuts, 'higherIsBetter');
    expect(sorted).toEqual([1, 2, 2, 5]);
    expect(cuts).toEqual([1, 2, 2]);
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
  const text = readDataText('CDNOW_master.txt');
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
