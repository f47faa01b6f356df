import fc from 'fast-check';
import type { SegmentationResult, TransactionInput } from '../../src/core';
import { readDataText } from '../data/dataFiles';
import { segmentCustomers } from '../../src/core';
import { englishWarnings } from '../messages/englishWarnings';
import { describeFailure } from '../../src/messages/coreMessages';
import { labelSegmentation } from '../../src/messages/labelSegmentation';

const SEED = 20_261_122;
const RUNS = { seed: SEED, numRuns: 60 };

interface Row {
  customer: string | number;
  day: number;
  amount: number;
}
const rowArbitrary = fc.record({
  customer: fc.oneof(fc.constantFrom('a', 'b', ' c', 'd'), fc.integer({ min: 1, max: 6 })),
  day: fc.integer({ min: 45_000, max: 45_400 }),
  amount: fc.integer({ min: -50, max: 500 }),
});
function toInput(rows: readonly Row[], orders?: readonly string[]): TransactionInput {
  const input: TransactionInput = {
    customer: rows.map((row) => row.customer),
    date: rows.map((row) => row.day),
    amount: rows.map((row) => row.amount),
  };
  if (orders !== undefined) input.order = orders;
  return input;
}
function trySegment(input: TransactionInput): SegmentationResult | null {
  try {
    return segmentCustomers(input);
  } catch (error) {
    if ((error as { code?: string }).code === 'EMPTY_INPUT') return null;
    throw error;
  }
}

describe('segmentCustomers — properties (fast-check, seed 20261122)', () => {
  test('shuffling rows never changes any output', () => {
    fc.assert(
      fc.property(
        fc
          .array(rowArbitrary, { minLength: 1, maxLength: 60 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
          ),
        ([rows, shuffled]) => {
          const original = trySegment(toInput(rows));
          const reordered = trySegment(toInput(shuffled));
          if (original === null || reordered === null) return original === reordered;
          expect(reordered.customers).toEqual(original.customers);
          expect(reordered.totals).toEqual(original.totals);
          expect(reordered.asOf).toBe(original.asOf);
          expect(reordered.skipped.total).toBe(original.skipped.total);
          return true;
        },
      ),
      RUNS,
    );
  });

  test('shuffling rows with order ids never changes any output either', () => {
    const orderOf = (row: Row): string => `o${(row.day + row.amount) % 5}`;
    fc.assert(
      fc.property(
        fc
          .array(rowArbitrary, { minLength: 1, maxLength: 60 })
          .chain((rows) =>
            fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
          ),
        ([rows, shuffled]) => {
          const original = trySegment(toInput(rows, rows.map(orderOf)));
          const reordered = trySegment(toInput(shuffled, shuffled.map(orderOf)));
          if (original === null || reordered === null) return original === reordered;
          expect(reordered.customers).toEqual(original.customers);
          expect(reordered.totals).toEqual(original.totals);
          return true;
        },
      ),
      RUNS,
    );
  });

  test('duplicating the whole data set (as new orders) doubles F and M but keeps every score', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { minLength: 1, maxLength: 50 }), (rows) => {
        const orders = rows.map((_, index) => `o${index}`);
        const once = trySegment(toInput(rows, orders));
        const twice = trySegment(toInput([...rows, ...rows], [...orders, ...orders.map((order) => `${order}-copy`)]));
        if (once === null || twice === null) return once === twice;
        expect(twice.customers.length).toBe(once.customers.length);
        twice.customers.forEach((customer, index) => {
          const single = once.customers[index];
          expect(customer.frequency).toBe(2 * (single?.frequency ?? Number.NaN));
          expect(customer.monetary).toBe(2 * (single?.monetary ?? Number.NaN));
          expect([customer.rScore, customer.fScore, customer.mScore]).toEqual([
            single?.rScore,
            single?.fScore,
            single?.mScore,
          ]);
        });
        return true;
      }),
      RUNS,
    );
  });

  test('scaling amounts by a positive factor keeps the M scores', () => {
    fc.assert(
      fc.property(
        fc.array(rowArbitrary, { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 2, max: 1000 }),
        (rows, factor) => {
          const base = trySegment(toInput(rows));
          const scaled = trySegment(toInput(rows.map((row) => ({ ...row, amount: row.amount * factor }))));
          if (base === null || scaled === null) return base === scaled;
          expect(scaled.customers.map((customer) => customer.mScore)).toEqual(
            base.customers.map((customer) => customer.mScore),
          );
          return true;
        },
      ),
      RUNS,
    );
  });
});

describe('segmentCustomers — examples and edge cases', () => {
  const input: TransactionInput = {
    customer: [1001, '1001 ', 'B7', 'B7', 'B7', 'C', 'D'],
    date: [
      '2024-01-05',
      45300,
      '2024/2/1',
      '2024年3月1日',
      '2024-03-30 10:00',
      new Date(Date.UTC(2024, 2, 30)),
      '2024-03-01',
    ],
    amount: [100, '50', 10, 20, 30, 5, -20],
    firstRowNumber: 2,
  };
  const result = segmentCustomers(input);

  test('mixed id types, date forms and number texts are read; a returns-only customer is reported', () => {
    expect(result.customers.map((customer) => customer.customerId)).toEqual(['1001', 'B7', 'C']);
    expect(result.skipped.reasons.returnsOnly).toEqual({ count: 1, firstRows: [8] });
    expect(result.rowsRead).toBe(7);
    expect(result.rowsUsed).toBe(6);
  });
  test('default as-of is the day after the latest transaction and is in the options', () => {
    expect(result.asOf).toBe(Date.UTC(2024, 2, 31) / 86_400_000); // the day number of 2024-03-31
    expect(result.options.asOf).toBe('2024-03-31');
  });
  test('per-customer facts (serial 45300 = 2024-01-09)', () => {
    const first = result.customers[0];
    expect(first).toMatchObject({
      // Day numbers: days since 1970-01-01.
      firstPurchase: Date.UTC(2024, 0, 5) / 86_400_000,
      lastPurchase: Date.UTC(2024, 0, 9) / 86_400_000,
      recencyDays: 82,
      tenureDays: 86,
      frequency: 2,
      monetary: 150,
      x: 1,
      tx: 4,
      T: 86,
    });
  });
  test('scores follow the COUNTIF rule over the three customers', () => {
    // N = 3, score = 1 + floor(5 · L / 3). Recency 82, 1, 1 → L = 0, 1, 1 → R = 1, 2, 2.
    // F 2, 3, 1 → L = 1, 2, 0 → 2, 4, 1. M 150, 60, 5 → L = 2, 1, 0 → 4, 2, 1.
    expect(result.customers.map((customer) => customer.rfmCode)).toEqual([124, 242, 211]);
  });
  test('totals add up to all customers and revenue', () => {
    const sum = (values: number[]): number => values.reduce((total, value) => total + value, 0);
    expect(sum(result.totals.byTier.map((group) => group.customers))).toBe(3);
    expect(sum(result.totals.bySegment.map((group) => group.revenue))).toBe(215);
    expect(sum(result.totals.byStage.map((group) => group.customerShare))).toBeCloseTo(1, 12);
    expect(result.totals.all).toEqual({ customers: 3, revenue: 215 });
  });
  test('the cut points are part of the result', () => {
    // M values 150, 60, 5 (N = 3): score ≥ 2 needs L ≥ 1 → 60; ≥ 3 needs L ≥ 2 → 150; 4 likewise; 5 nobody.
    expect(result.cutPoints?.monetary).toEqual([60, 150, 150, null]);
    // Recency 82, 1, 1: score ≥ 2 needs one customer with a longer recency → 1 day.
    expect(result.cutPoints?.recency).toEqual([1, null, null, null]);
  });
  test('passing the resolved options back reproduces the result exactly', () => {
    expect(segmentCustomers(input, result.options)).toEqual(result);
  });
  test('Chinese labels (worded by the message catalogue from the keys, in the run language)', () => {
    const zh = labelSegmentation(segmentCustomers(input, { language: 'zh' }));
    expect(zh.customers[0]?.lifecycleStage).toBe('考察期');
    // C: 2 of 3 customers are worth more, s = 0.67 < 0.8 → Iron.
    expect(zh.customers[2]?.valueTier).toBe('铁质');
  });
  test('the input is not mutated', () => {
    const copy = { ...input, customer: [...input.customer], amount: [...(input.amount ?? [])] };
    segmentCustomers(input, { tierScheme: 'abc' });
    expect(input.customer).toEqual(copy.customer);
    expect(input.amount).toEqual(copy.amount);
  });
  test('empty input is EMPTY_INPUT', () => {
    expect(() => segmentCustomers({ customer: [], date: [], amount: [] })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });
  test('no usable row is EMPTY_INPUT and the message gives the reasons', () => {
    let failure: unknown;
    try {
      segmentCustomers({ customer: ['a', ''], date: ['never', 45300], amount: [1, 2] });
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({
      code: 'EMPTY_INPUT',
      skipped: {
        total: 2,
        reasons: {
          badDate: { count: 1, firstRows: [1], firstValue: 'never' },
          blankCustomer: { count: 1, firstRows: [2] },
        },
      },
    });
    expect(describeFailure(failure, 'en')).toMatch(
      /2 rows skipped: bad date 1 \(first at row 1, the first is 'never'; dates must be yyyy-mm-dd .*\); blank customer 1 \(first at row 2\)/,
    );
  });
  test('only returns is EMPTY_INPUT', () => {
    expect(() => segmentCustomers({ customer: ['a', 'b'], date: [45300, 45301], amount: [-1, -2] })).toThrow(
      expect.objectContaining({ code: 'EMPTY_INPUT' }),
    );
  });
  test('one customer: 555 Champions and Platinum (labels agree), with a warning per dimension', () => {
    const single = segmentCustomers({ customer: ['x'], date: ['2024-01-01'], amount: [10] });
    expect(single.customers).toHaveLength(1);
    expect(single.customers[0]).toMatchObject({
      rfmCode: 555,
      segmentKey: 'champions',
      valueTierKey: 'platinum',
      recencyDays: 1,
      lifecycleStageKey: 'exploration',
    });
    expect(englishWarnings(single.warnings)).toEqual(
      expect.arrayContaining([
        'recency has 1 distinct value for 5 bins: every customer ties on it and gets score 5.',
        'frequency has 1 distinct value for 5 bins: every customer ties on it and gets score 5.',
        'monetary has 1 distinct value for 5 bins: every customer ties on it and gets score 5.',
      ]),
    );
  });
  test('all ties: every customer gets the same scores', () => {
    const ties = segmentCustomers({ customer: ['a', 'b', 'c'], date: [45300, 45300, 45300], amount: [5, 5, 5] });
    expect(new Set(ties.customers.map((customer) => customer.rfmCode))).toEqual(new Set([555]));
  });
  test('negative net value: kept, lowest M, a warning, and Lead', () => {
    const negative = segmentCustomers({ customer: ['a', 'a', 'b'], date: [45300, 45301, 45300], amount: [10, -30, 5] });
    expect(negative.customers[0]).toMatchObject({ monetary: -20, mScore: 1, valueTierKey: 'lead' });
    expect(englishWarnings(negative.warnings).join(' ')).toMatch(/net value ≤ 0/);
  });
  test('1904 dates', () => {
    const result1904 = segmentCustomers({ customer: ['a'], date: [0], amount: [1], dateSystem: '1904' });
    expect(result1904.customers[0]?.firstPurchase).toBe(Date.UTC(1904, 0, 1) / 86_400_000);
  });
  test('an explicit as-of as text or day number', () => {
    const asOf = segmentCustomers(input, { asOf: '2024-02-15' });
    expect(asOf.asOf).toBe(Date.UTC(2024, 1, 15) / 86_400_000);
    expect(asOf.skipped.reasons.afterAsOf?.count).toBe(4);
    expect(segmentCustomers(input, { asOf: Date.UTC(2024, 1, 15) / 86_400_000 }).customers).toEqual(asOf.customers);
  });
  test('bad options name themselves', () => {
    expect(() => segmentCustomers(input, { bins: 12 })).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => segmentCustomers(input, { asOf: 'someday' })).toThrow(expect.objectContaining({ code: 'BAD_DATE' }));
    expect(() => segmentCustomers(input, { unit: 'years' as 'days' })).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT' }),
    );
  });
  test('retention CLV: yearly profit (at least one year of tenure) through the seed formula', () => {
    const retention = segmentCustomers(input, { clv: { method: 'retention', retention: 0.8, discount: 0.1 } });
    expect(retention.customers[0]?.clv).toBeCloseTo(150 / (1 + 0.1 - 0.8), 9);
  });
  test('the grid map and other tier schemes', () => {
    const grid = segmentCustomers(input, { segmentMap: 'grid', tierScheme: 'abc' });
    // Values 150, 60, 5 of 215: shares before 0, 0.70, 0.98 → A, A, C.
    expect(grid.customers.map((customer) => customer.valueTierKey)).toEqual(['A', 'A', 'C']);
    expect(labelSegmentation(grid).customers.every((customer) => customer.segment.length > 0)).toBe(true);
    const matrix = segmentCustomers(input, { tierScheme: 'matrix' });
    expect(englishWarnings(matrix.warnings).join(' ')).toMatch(/forward-looking/);
  });
  test('custom grid rules with their own labels; unmatched customers are Others', () => {
    const custom = segmentCustomers(input, {
      segmentMap: 'grid',
      segmentRules: [{ key: 'bigSpender', label: { en: 'Big spender', zh: '大客户' }, monetary: [4, 5] }],
    });
    expect(labelSegmentation(custom).customers.map((customer) => customer.segment)).toEqual([
      'Big spender',
      'Others',
      'Others',
    ]);
    expect(custom.totals.bySegment.map((group) => [group.key, group.customers])).toEqual([
      ['others', 2],
      ['bigSpender', 1],
    ]);
  });
  test('fixed RFM thresholds instead of quantiles', () => {
    const fixed = segmentCustomers(input, {
      rfmThresholds: { recency: [7, 30, 60, 90], frequency: [2, 3, 4, 5], monetary: [10, 50, 100, 500] },
    });
    // 1001: recency 82 → 2, F 2 → 2, M 150 → 4. B7: 1 day → 5, F 3 → 3, M 60 → 3. C: 1 → 5, 1 → 1, 5 → 1.
    expect(fixed.customers.map((customer) => customer.rfmCode)).toEqual([224, 533, 511]);
    expect(fixed.cutPoints?.recency).toEqual([90, 60, 30, 7]);
    expect(() => segmentCustomers(input, { rfmThresholds: { recency: [1, 2] } })).toThrow(
      expect.objectContaining({ code: 'BAD_ARGUMENT' }),
    );
  });
  test('progress is reported from 0 to 1', () => {
    const fractions: number[] = [];
    segmentCustomers(input, {}, (_, fraction) => fractions.push(fraction));
    expect(fractions[0]).toBe(0);
    expect(fractions[fractions.length - 1]).toBe(1);
  });
});

describe('segmentCustomers with probabilistic CLV on the CDNOW sample', () => {
  test('adds P(alive), expected purchases and predicted CLV per customer, and the model', () => {
    const text = readDataText('CDNOW_sample.txt');
    const rows = text
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/));
    const result = segmentCustomers(
      {
        customer: rows.map((row) => row[0]),
        date: rows.map((row) => Number(row[2])),
        amount: rows.map((row) => Number(row[4])),
      },
      { asOf: '1997-09-30', unit: 'weeks', clv: { method: 'probabilistic', horizonMonths: 12 } },
    );
    expect(result.customers).toHaveLength(2357);
    const customer = result.customers[0];
    expect(customer?.pAlive).toBeGreaterThan(0);
    expect(customer?.pAlive).toBeLessThanOrEqual(1);
    expect(customer?.predictedClv).toBe(customer?.clv);
    expect(result.model).toBeDefined();
  });
});

describe('segmentCustomers holdout check (clv.holdoutWeeks)', () => {
  const text = readDataText('CDNOW_sample.txt');
  const rows = text
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const iso = (yyyymmdd: string): string => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  const cdnow: TransactionInput = {
    customer: rows.map((row) => row[1]),
    date: rows.map((row) => iso(row[2] ?? '')),
    amount: rows.map((row) => Number(row[4])),
  };

  test('39 weeks before 1998-06-30 is the CDNOW calibration end 1997-09-30: the published holdout means by frequency', () => {
    const result = segmentCustomers(cdnow, {
      asOf: '1998-06-30',
      unit: 'weeks',
      clv: { method: 'probabilistic', holdoutWeeks: 39 },
    });
    const holdout = result.holdout;
    if (holdout?.status !== 'fitted') throw new Error(`holdout not fitted: ${JSON.stringify(holdout)}`);
    expect(holdout).toMatchObject({ calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', holdoutWeeks: 39 });
    // Fader, Hardie & Lee (2005): 2,357 customers; actual weeks 40–78 means 0.237 … 6.359 by x = 0 … 7+.
    expect(holdout.totals.customers).toBe(2357);
    expect(holdout.rows.map((row) => row.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(holdout.rows.map((row) => Number(row.actual.toFixed(3)))).toEqual([
      0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359,
    ]);
    expect(holdout.model.params).toMatchObject({ r: expect.closeTo(0.2426, 4), a: expect.closeTo(0.7929, 4) });
    // The per-customer predictions are still fitted on all the data to the as-of date: a different model.
    const full = (result.model as { purchase: { customers: number } }).purchase;
    expect(full.customers).toBe(2357);
    expect(result.customers.every((customer) => customer.pAlive !== undefined)).toBe(true);
  });

  test("'auto' is a third of the span from the first purchase, in whole weeks, and is resolved in the options", () => {
    // 1997-01-01 to 1998-06-30 is 545 days; 545 / 3 / 7 = 25.95 → 26 weeks.
    const result = segmentCustomers(cdnow, {
      asOf: '1998-06-30',
      clv: { method: 'probabilistic', holdoutWeeks: 'auto' },
    });
    expect(result.options.clv).toMatchObject({ method: 'probabilistic', holdoutWeeks: 26 });
    expect(result.holdout).toMatchObject({ holdoutWeeks: 26, calibrationEnd: '1997-12-30', status: 'fitted' });
    // Passing the resolved options back reproduces the check exactly.
    expect(segmentCustomers(cdnow, result.options).holdout).toEqual(result.holdout);
  });

  test('without holdoutWeeks there is no check and the options stay as they were', () => {
    const result = segmentCustomers(cdnow, { asOf: '1997-09-30', clv: { method: 'probabilistic' } });
    expect(result.holdout).toBeUndefined();
    expect(result.options.clv).not.toHaveProperty('holdoutWeeks');
  });

  test('a check that cannot be done is reported with its reason and the segmentation still succeeds', () => {
    const asOf = '1998-06-30';
    const probabilistic = (holdoutWeeks: number) =>
      segmentCustomers(cdnow, { asOf, clv: { method: 'probabilistic', holdoutWeeks } });
    // 100 weeks before 1998-06-30 is before the first purchase.
    const tooLong = probabilistic(100);
    expect(tooLong.customers).toHaveLength(2357);
    expect(tooLong.holdout).toMatchObject({ status: 'skipped', reason: 'calibrationEmpty' });
    // 77 weeks back is 1997-01-07: nobody has bought twice within the first week.
    expect(probabilistic(77).holdout).toMatchObject({ status: 'skipped', reason: 'noRepeatBuyers' });
    // An as-of date 30 weeks after the last purchase with a 10-week holdout: nobody bought in it.
    const late = segmentCustomers(cdnow, {
      asOf: '1999-01-26',
      clv: { method: 'probabilistic', holdoutWeeks: 10 },
    });
    expect(late.holdout).toMatchObject({ status: 'skipped', reason: 'holdoutEmpty' });
    expect(late.customers).toHaveLength(2357);
  });

  test('a holdout period that is not a whole number of weeks ≥ 1 is OUT_OF_RANGE', () => {
    for (const holdoutWeeks of [0, 2.5, -1, Number.NaN]) {
      expect(() => segmentCustomers(cdnow, { clv: { method: 'probabilistic', holdoutWeeks } })).toThrow(
        expect.objectContaining({ code: 'OUT_OF_RANGE' }),
      );
    }
  });
});
