import fc from 'fast-check';
import { excelErrorOf } from './customFunctionsStandIn';
import { rfmCuts, rfmScore, rfmScoreCuts } from '../../src/functions/library';

/** Excel passes a column range as rows of one cell. */
const col = (values: readonly unknown[]): unknown[][] => values.map((value) => [value]);
/** A fresh copy of a range, as Excel deserialises one for every call. */
const fresh = (range: readonly (readonly unknown[])[]): unknown[][] => range.map((row) => [...row]);
/** Money to 6 decimals (DOMAIN §7.3), written here rather than imported from the code under test. */
const money = (value: number): number => Math.round(value * 1e6) / 1e6;

type Direction = 'lower' | 'higher';

/**
 * COUNTIF for one value, brute force: 1 + INT(bins × L / N), L = members strictly worse; a value better than
 * every member (L = N, only possible for an outsider) takes the top score, bins.
 */
function countif(value: number, population: readonly number[], bins: number, direction: Direction): number {
  const worse = population.filter((other) => (direction === 'lower' ? other > value : other < value)).length;
  return Math.min(bins, 1 + Math.floor((bins * worse) / population.length));
}

/**
 * The cut for score k, brute force: the best member that still scores below k. A value beats the cut exactly
 * when it scores ≥ k (any member better than the cut has at least as many members worse than it).
 */
function bruteCut(population: readonly number[], bins: number, direction: Direction, score: number): number {
  const below = population.filter((value) => countif(value, population, bins, direction) < score);
  return direction === 'lower' ? Math.min(...below) : Math.max(...below);
}

describe('CRM.RFM_CUTS and CRM.RFM_SCORE_CUTS: the worked example of docs/functions.md', () => {
  // 8 customers; with 5 bins the cuts are the 2nd, 4th, 5th and 7th value from the worse end (worked by hand).
  const recency = [5, 30, 30, 90, 200, 365, 12, 45];
  const frequency = [10, 4, 4, 2, 1, 1, 7, 3];
  const monetary = [900, 250.5, 250.5, 80, 20, 15, 600, 120];
  const table = rfmCuts(col(recency), col(frequency), col(monetary));

  it('RFM_CUTS spills a header and one row per score 2 … 5', () => {
    expect(table).toEqual([
      ['score', 'recency_days_below', 'frequency_above', 'monetary_above'],
      [2, 200, 1, 20],
      [3, 45, 3, 120],
      [4, 30, 4, 250.5],
      [5, 12, 7, 600],
    ]);
  });

  it('RFM_SCORE_CUTS gives 555 for the first customer and 333 for the second, as RFM_SCORE and COUNTIF', () => {
    expect(rfmScoreCuts(5, 10, 900, table)).toBe(555);
    expect(rfmScoreCuts(30, 4, 250.5, table)).toBe(333);
    recency.forEach((_, row) => {
      const code =
        100 * countif(recency[row] as number, recency, 5, 'lower') +
        10 * countif(frequency[row] as number, frequency, 5, 'higher') +
        countif(monetary[row] as number, monetary, 5, 'higher');
      const args = [recency[row], frequency[row], monetary[row]] as const;
      expect(rfmScoreCuts(...args, table)).toBe(code);
      expect(rfmScoreCuts(...args, table.slice(1))).toBe(code);
      expect(rfmScore([[args[0]]], [[args[1]]], [[args[2]]], col(recency), col(frequency), col(monetary))).toEqual([
        [code],
      ]);
    });
  });

  it('part "R", "F" or "M" gives one score; text numbers are read', () => {
    expect(rfmScoreCuts('30', '4', '250.50', table, 'R')).toBe(3);
    expect(rfmScoreCuts(30, 1, 250.5, table, 'f')).toBe(1);
    expect(rfmScoreCuts(30, 4, 600.0000001, table, 'M')).toBe(4);
    expect(rfmScoreCuts(30, 4, 600.000001, table, 'M')).toBe(5);
  });
});

const SEED = 20_261_204;

describe(`RFM_SCORE_CUTS(value, RFM_CUTS(population)) = RFM_SCORE(value, population) = COUNTIF (fast-check, seed ${SEED})`, () => {
  const population = fc.oneof(
    // Many ties: a handful of distinct values.
    fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 300 }),
    fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 300 }),
    // Fewer customers than bins.
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 9 }),
  );
  const customers = fc.record({
    recency: population,
    frequency: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 300 }),
    // Cents, and sums that need the 6-decimal rounding to tie (0.1 + 0.2 against 0.3).
    monetary: fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 2000 }).map((cents) => cents / 100),
        fc.constantFrom(0.3, 0.1 + 0.2, 1.15, 0.15 + 1),
      ),
      { minLength: 1, maxLength: 60 },
    ),
    bins: fc.integer({ min: 2, max: 10 }),
  });

  it('for members, cuts, values beside the cuts and values outside the population', () => {
    fc.assert(
      fc.property(customers, fc.boolean(), ({ recency, frequency, monetary, bins }, withHeader) => {
        // A population of one distinct value has no cuts (RFM_CUTS refuses it; tested under errors).
        const varied = (values: readonly number[]): boolean => new Set(values).size > 1;
        fc.pre(varied(recency) && varied(frequency) && varied(monetary.map(money)));
        // Populations as Excel passes them: a column with blank cells (skipped) and numbers stored as text.
        const recencyRange = col([...recency.map(String), null]);
        const frequencyRange = col(['', ...frequency]);
        const monetaryRange = col(monetary);
        const table = rfmCuts(fresh(recencyRange), fresh(frequencyRange), fresh(monetaryRange), bins);
        expect(table).toHaveLength(bins);
        const rows = table.slice(1) as number[][];
        const cuts = { r: rows.map((row) => row[1] as number), f: rows.map((row) => row[2] as number) };
        const m = rows.map((row) => row[3] as number);
        const rounded = monetary.map(money);
        expect(rows.map((row) => row[0])).toEqual(rows.map((_, index) => index + 2));
        expect(cuts.r).toEqual(rows.map((_, index) => bruteCut(recency, bins, 'lower', index + 2)));
        expect(cuts.f).toEqual(rows.map((_, index) => bruteCut(frequency, bins, 'higher', index + 2)));
        expect(m).toEqual(rows.map((_, index) => bruteCut(rounded, bins, 'higher', index + 2)));

        const probes = (values: readonly number[], cutList: readonly number[]): number[] => [
          ...values.slice(0, 8),
          ...cutList,
          ...cutList.flatMap((cut) => [cut - 0.5, cut + 0.5]),
          Math.min(...values) - 1,
          Math.max(...values) + 1,
        ];
        const r = probes(recency, cuts.r);
        const f = probes(frequency, cuts.f);
        const mv = [...probes(monetary, m), 0.1 + 0.2, 0.3];
        const length = Math.max(r.length, f.length, mv.length);
        for (let index = 0; index < length; index++) {
          const value = [r[index % r.length], f[index % f.length], mv[index % mv.length]] as [number, number, number];
          const expected =
            100 * countif(value[0], recency, bins, 'lower') +
            10 * countif(value[1], frequency, bins, 'higher') +
            countif(money(value[2]), rounded, bins, 'higher');
          const cutsRange = withHeader ? fresh(table) : fresh(table.slice(1));
          expect([value, rfmScoreCuts(...value, cutsRange)]).toEqual([value, expected]);
          const scored = rfmScore(
            [[value[0]]],
            [[value[1]]],
            [[value[2]]],
            fresh(recencyRange),
            fresh(frequencyRange),
            fresh(monetaryRange),
            null,
            bins,
          );
          expect([value, scored]).toEqual([value, [[expected]]]);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});

describe('errors', () => {
  const table = rfmCuts(col([5, 30, 90, 200]), col([10, 4, 2, 1]), col([900, 250, 80, 20]));

  it('RFM_CUTS: text in a column → #VALUE! naming the row; no numbers → #N/A; bins 11 → #NUM!', () => {
    expect(excelErrorOf(() => rfmCuts(col([5, 'soon']), col([1]), col([1])))).toEqual({
      code: '#VALUE!',
      message: "recency_days: row 2 is 'soon', not a number.",
    });
    expect(excelErrorOf(() => rfmCuts(col([5, 6]), col([null, '']), col([1])))).toEqual({
      code: '#N/A',
      message: 'frequency has no numbers to score against.',
    });
    // Ten identical customers: no cut can make their one value score the top, as RFM_SCORE does.
    expect(excelErrorOf(() => rfmCuts(col([5, 6]), col(Array.from({ length: 10 }, () => 3)), col([1, 2])))).toEqual({
      code: '#VALUE!',
      message:
        'Every value of the population is 3: one value cannot be cut into scores. Score against the population ' +
        'itself (CRM.RFM_SCORE), where tied customers share the top score.',
    });
    expect(excelErrorOf(() => rfmCuts(col([5]), col([1]), col([1]), 11)).code).toBe('#NUM!');
  });

  it('RFM_SCORE_CUTS: a cuts range of the wrong shape → #VALUE! saying what RFM_CUTS spills', () => {
    const expectShape = (cuts: unknown, detail: string): void =>
      expect(excelErrorOf(() => rfmScoreCuts(5, 10, 900, cuts as unknown[][]))).toEqual({
        code: '#VALUE!',
        message:
          'cuts must be the range spilled by CRM.RFM_CUTS (4 columns: score, recency_days_below, frequency_above, ' +
          `monetary_above; one row per score from 2), ${detail}.`,
      });
    expectShape(
      table.map((row) => row.slice(1)),
      'got 3 column(s)',
    );
    expectShape(table.slice(0, 1), 'got 0 row(s) of cuts (RFM_CUTS spills 1 to 9)');
    expectShape(
      [table[0], ...Array.from({ length: 10 }, (_, index) => [index + 2, 1, 1, 1])],
      'got 10 row(s) of cuts (RFM_CUTS spills 1 to 9)',
    );
    expectShape(7, 'got 1 column(s)');
    // A range that starts below score 2 would silently change bins: refused.
    expectShape(table.slice(2), 'but row 1 is for score 3 where score 2 belongs');
  });

  it('RFM_SCORE_CUTS: a text or empty cut → #VALUE! naming its row and column', () => {
    const withText = fresh(table);
    (withText[2] as unknown[])[3] = 'lots';
    expect(excelErrorOf(() => rfmScoreCuts(5, 10, 900, withText))).toEqual({
      code: '#VALUE!',
      message: "cuts: row 3, column 4 is 'lots', not a number.",
    });
    const withBlank = fresh(table);
    (withBlank[1] as unknown[])[2] = null;
    expect(excelErrorOf(() => rfmScoreCuts(5, 10, 900, withBlank))).toEqual({
      code: '#VALUE!',
      message: 'cuts: row 2, column 3 is empty.',
    });
  });

  it('RFM_SCORE_CUTS: a column of cuts out of order → #VALUE! naming the column', () => {
    const swapped = fresh(table);
    (swapped[1] as unknown[])[1] = 1;
    expect(excelErrorOf(() => rfmScoreCuts(5, 10, 900, swapped))).toEqual({
      code: '#VALUE!',
      message:
        'cuts, recency_days_below column: the cut for score 3 (90) is out of order after 1; they must not increase from score 2 to 5.',
    });
  });

  it('RFM_SCORE_CUTS: a customer value that is missing, text or a range → #VALUE! naming it', () => {
    expect(excelErrorOf(() => rfmScoreCuts(null, 10, 900, table))).toEqual({
      code: '#VALUE!',
      message: 'recency_days is required.',
    });
    expect(excelErrorOf(() => rfmScoreCuts(5, 'many', 900, table))).toEqual({
      code: '#VALUE!',
      message: "frequency must be a number, got 'many'.",
    });
    expect(excelErrorOf(() => rfmScoreCuts(5, 10, [[900], [1]], table)).message).toBe(
      'monetary must be a single value, got a range of 2 × 1 cells.',
    );
    expect(excelErrorOf(() => rfmScoreCuts(5, 10, 900, table, 'X')).code).toBe('#VALUE!');
  });

  it('the cuts range is not mutated', () => {
    const before = JSON.stringify(table);
    rfmScoreCuts(5, 10, 900, table);
    expect(JSON.stringify(table)).toBe(before);
  });
});
