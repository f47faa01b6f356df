import { excelErrorOf, standIn } from './customFunctionsStandIn';
import { FUNCTIONS_BY_ID } from '../../src/functions/functions';
import {
  bgnbdFit,
  clv,
  deliveredValueFunction as deliveredValue,
  expectedPurchases,
  experienceGapFunction as experienceGap,
  gammaGammaFit as ggFit,
  lifecycleStage,
  lifecyclePattern,
  pAlive,
  predictedClvFunction as predictedClv,
  retentionClvFunction as retentionClv,
  rfmScore,
  rfmSegment,
  rfmTable,
  valueMatrix,
  valueTier,
} from '../../src/functions/library';
import { readCdnowSample } from '../core/btyd/cdnowSample';

/** Excel passes a column range as rows of one cell. */
const col = (values: readonly unknown[]): unknown[][] => values.map((value) => [value]);
/** Excel's NPV, written independently: Σ value_t / (1 + rate)^t. */
const npv = (rate: number, values: readonly number[]): number =>
  values.reduce((sum, value, index) => sum + value / Math.pow(1 + rate, index + 1), 0);
/** Excel passes null for an omitted range argument; the TypeScript signature (read by the metadata tool) says `?`. */
const NO_RANGE = null as unknown as undefined;
const excelSerial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;

describe('registration', () => {
  it('associates every function id with its function', () => {
    expect([...standIn.associations.keys()].sort()).toEqual(Object.keys(FUNCTIONS_BY_ID).sort());
    for (const [id, fn] of Object.entries(FUNCTIONS_BY_ID))
      expect([id, standIn.associations.get(id)]).toEqual([id, fn]);
  });
});

describe('CRM.CLV', () => {
  const profits = [120, 80, 150, 60, 200];

  it('CLV(B2:B6, 10%) equals NPV(10%, B2:B6)', () => {
    expect(clv(col(profits), 0.1)).toBeCloseTo(npv(0.1, profits), 10);
    expect(clv([profits], '10%')).toBeCloseTo(npv(0.1, profits), 10);
  });

  it('applies retention r^(t−1) and subtracts the acquisition cost once', () => {
    const expected = profits.reduce((sum, p, i) => sum + (p * 0.8 ** i) / 1.1 ** (i + 1), 0) - 50;
    expect(clv(col(profits), 0.1, 0.8, null, 50)).toBeCloseTo(expected, 10);
  });

  it('a single profit with retention < 1 and no periods is the perpetuity m / (1 + d − r)', () => {
    expect(clv([[100]], 0.1, 0.8)).toBeCloseTo(100 / 0.3, 10);
    expect(clv([[100]], 0.1, 1, 3)).toBeCloseTo(npv(0.1, [100, 100, 100]), 10);
  });

  it('skips empty cells (null on the web, "" as text) and reads numbers stored as text', () => {
    expect(clv(col([120, null, '80', '', 150]), 0.1)).toBeCloseTo(npv(0.1, [120, 80, 150]), 10);
  });

  it('errors: bad rate → #VALUE! naming it; rate ≤ −100 % or retention > 100 % → #NUM!; infinite → #VALUE!', () => {
    expect(excelErrorOf(() => clv(col(profits), 'abc'))).toEqual({
      code: '#VALUE!',
      message: "discount_rate must be a number, got 'abc'.",
    });
    expect(excelErrorOf(() => clv(col(profits), -1)).code).toBe('#NUM!');
    expect(excelErrorOf(() => clv(col(profits), 0.1, 1.5)).code).toBe('#NUM!');
    expect(excelErrorOf(() => clv([[100]], 0.1)).code).toBe('#VALUE!');
    expect(excelErrorOf(() => clv(col([1, 'x']), 0.1)).message).toBe("profits: row 2 is 'x', not a number.");
  });
});

describe('CRM.RETENTION_CLV', () => {
  it('RETENTION_CLV(150, 55%, 10%, 100) = 50.00 (DOMAIN §7.5)', () => {
    expect(retentionClv(150, '55%', '10%', 100)).toBeCloseTo(50, 10);
  });

  it('r = 80 %, d = 10 % gives the margin multiple 2.67; a finite horizon sums m·r^t/(1+d)^t', () => {
    expect(retentionClv(1, 0.8, 0.1)).toBeCloseTo(2.6667, 4);
    expect(retentionClv(100, 0.8, 0.1, null, 2)).toBeCloseTo(100 * (0.8 / 1.1 + (0.8 / 1.1) ** 2), 10);
  });

  it('retention outside 0–100 % is #NUM!', () => {
    expect(excelErrorOf(() => retentionClv(150, 1.2, 0.1)).code).toBe('#NUM!');
  });
});

describe('CRM.RFM_SCORE', () => {
  const recency = [5, 30, 30, 90, 200, 365, 12, 45];
  const frequency = [10, 4, 4, 2, 1, 1, 7, 3];
  const monetary = [900, 250.5, 250.5, 80, 20, 15, 600, 120];
  /** The COUNTIF rule of DOMAIN §7.3, written out; a value better than all (not a member) takes the top score, 5. */
  const countifScore = (value: number, population: readonly number[], lowerIsBetter: boolean): number =>
    Math.min(
      5,
      1 +
        Math.floor(
          (5 * population.filter((other) => (lowerIsBetter ? other > value : other < value)).length) /
            population.length,
        ),
    );

  it('per row: the code 100R + 10F + M by COUNTIF, and one part when asked', () => {
    for (let row = 0; row < recency.length; row++) {
      const r = countifScore(recency[row] as number, recency, true);
      const f = countifScore(frequency[row] as number, frequency, false);
      const m = countifScore(monetary[row] as number, monetary, false);
      const args = [
        [[recency[row]]],
        [[frequency[row]]],
        [[monetary[row]]],
        col(recency),
        col(frequency),
        col(monetary),
      ];
      expect(
        rfmScore(...(args as [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]])),
      ).toEqual([[100 * r + 10 * f + m]]);
      expect(
        rfmScore(
          [[recency[row]]],
          [[frequency[row]]],
          [[monetary[row]]],
          col(recency),
          col(frequency),
          col(monetary),
          'R',
        ),
      ).toEqual([[r]]);
    }
  });

  it('spilled: a column of codes equal to the per-row codes, "" for blank rows', () => {
    const spilled = rfmScore(col([...recency, null]), col([...frequency, null]), col([...monetary, '']));
    expect(spilled).toHaveLength(recency.length + 1);
    expect(spilled[recency.length]).toEqual(['']);
    for (let row = 0; row < recency.length; row++) {
      expect(spilled[row]).toEqual(
        rfmScore(
          [[recency[row]]],
          [[frequency[row]]],
          [[monetary[row]]],
          col(recency),
          col(frequency),
          col(monetary),
        )[0],
      );
    }
  });

  it('an edited population gives a new score (the cache is keyed by content)', () => {
    const before = rfmScore([[100]], [[1]], [[1]], col(recency), col(frequency), col(monetary), 'M');
    const changed = monetary.map((value) => value / 1000);
    const after = rfmScore([[100]], [[1]], [[1]], col(recency), col(frequency), col(changed), 'M');
    expect(before).toEqual([[countifScore(1, monetary, false)]]);
    expect(after).toEqual([[countifScore(1, changed, false)]]);
  });

  it('errors: only some populations → #VALUE!; text in a population names the row; bins 11 → #NUM!', () => {
    expect(excelErrorOf(() => rfmScore([[1]], [[1]], [[1]], col(recency))).code).toBe('#VALUE!');
    expect(
      excelErrorOf(() => rfmScore([[1]], [[1]], [[1]], col(recency), col(frequency), col([1, 'n/a']))).message,
    ).toBe("monetary_population: row 2 is 'n/a', not a number.");
    expect(
      excelErrorOf(() => rfmScore(col(recency), col(frequency), col(monetary), NO_RANGE, NO_RANGE, NO_RANGE, null, 11))
        .code,
    ).toBe('#NUM!');
  });
});

describe('CRM.RFM_SEGMENT', () => {
  it('default map (DOMAIN §7.4) in English and Chinese', () => {
    expect(rfmSegment(5, 4)).toBe('Champions');
    expect(rfmSegment(5, 4, null, null, null, 'zh')).toBe('冠军客户');
    expect(rfmSegment(1, 5)).toBe("Can't Lose Them");
    expect(rfmSegment(3, 1)).toBe('About to Sleep');
  });

  it('grid map needs the monetary score', () => {
    expect(rfmSegment(5, 5, 5, 'grid')).toBe('Champions');
    expect(excelErrorOf(() => rfmSegment(5, 5, null, 'grid')).code).toBe('#VALUE!');
    expect(excelErrorOf(() => rfmSegment(6, 1)).code).toBe('#NUM!');
  });
});

describe('CRM.LIFECYCLE_STAGE and CRM.LIFECYCLE_PATTERN', () => {
  // 100 every 30 days for a year, then one purchase of 20 in the last quarter: the latest 90-day period
  // holds 20, the three before about 300 each, so 20 < 0.7 × baseline → Decline (DOMAIN §7.6).
  const start = excelSerial('2023-01-01');
  const dates: number[] = [];
  const amounts: number[] = [];
  for (let day = 0; day < 360; day += 30) {
    dates.push(start + day);
    amounts.push(100);
  }
  dates.push(start + 400);
  amounts.push(20);
  const asOf = start + 420;

  it("one customer's dates and amounts (form a)", () => {
    expect(lifecycleStage(col(dates), col(amounts), null, NO_RANGE, asOf)).toBe('Decline');
    expect(lifecycleStage(col(dates), col(amounts), null, NO_RANGE, asOf, null, null, 'zh')).toBe('退化期');
    expect(lifecyclePattern(col(dates), col(amounts), null, NO_RANGE, asOf)).toBe('Early exit');
  });

  it('customer id + table columns (form b, SUMIFS-style); the other customers do not matter', () => {
    const customers = [...dates.map(() => 'C1'), 'C2', 'C2'];
    const allDates = [...dates, start + 410, start + 415];
    const allAmounts = [...amounts, 5, 5];
    expect(lifecycleStage(col(allDates), col(allAmounts), 'C1', col(customers), asOf)).toBe('Decline');
    expect(lifecycleStage(col(allDates), col(allAmounts), 'C2', col(customers), asOf)).toBe('Exploration');
  });

  it('more than 365 days without purchase is Lost; 3 recent purchases within 90 days are Exploration', () => {
    expect(lifecycleStage(col(dates), col(amounts), null, NO_RANGE, start + 400 + 366)).toBe('Lost');
    expect(lifecycleStage(col([start, start + 10, start + 20]), col([1, 1, 1]))).toBe('Exploration');
  });

  it('errors: unknown customer → #N/A; unequal columns → #VALUE!; bad date text → #VALUE!', () => {
    expect(
      excelErrorOf(() => lifecycleStage(col(dates), col(amounts), 'nobody', col(dates.map(() => 'C1')))).code,
    ).toBe('#N/A');
    expect(excelErrorOf(() => lifecycleStage(col(dates), col([1]))).code).toBe('#VALUE!');
    expect(excelErrorOf(() => lifecycleStage(col(['soon']), col([1]))).code).toBe('#VALUE!');
  });
});

describe('CRM.VALUE_TIER and CRM.VALUE_MATRIX', () => {
  it('pyramid: s = share with a strictly higher value; Platinum < 20 %, Gold < 50 %, Iron < 80 %, ≤ 0 Lead', () => {
    expect(valueTier(col([100, 50, 20, 10, 0]))).toEqual(col(['Platinum', 'Gold', 'Gold', 'Iron', 'Lead']));
    expect(valueTier([[20]], col([100, 50, 20, 10, 0]))).toEqual([['Gold']]);
    expect(valueTier([[20]], col([100, 50, 20, 10, 0]), null, 'zh')).toEqual([['黄金']]);
  });

  it('ABC by cumulative share before the customer: A < 80 %, B < 95 %', () => {
    // Total 100: 50 (0 % before) A, 30 (50 %) A, 10 (80 %) B, 5 (90 %) B, 5 tied with it B.
    expect(valueTier(col([50, 30, 10, 5, 5]), NO_RANGE, 'abc')).toEqual(col(['A', 'A', 'B', 'B', 'B']));
  });

  it('a value that is not in the column is #N/A, as RANK.EQ', () => {
    expect(excelErrorOf(() => valueTier([[7]], col([1, 2]))).code).toBe('#N/A');
  });

  it('value matrix: split at the medians, or at given thresholds for one customer', () => {
    expect(valueMatrix(col([10, 10, 1, 1]), col([10, 1, 10, 1]))).toEqual(col(['Platinum', 'Iron', 'Gold', 'Lead']));
    expect(valueMatrix([[5]], [[50]], 10, 20)).toEqual([['Gold']]);
    expect(excelErrorOf(() => valueMatrix([[5]], [[50]])).code).toBe('#VALUE!');
  });
});

describe('probabilistic functions', () => {
  const cdnow = readCdnowSample();
  const fit = bgnbdFit(col(cdnow.map((c) => c.x)), col(cdnow.map((c) => c.tx)), col(cdnow.map((c) => c.T)));

  it('BGNBD_FIT with a customers column fits the collapsed table (x, t_x, T, customers) like the customers', () => {
    const counts = new Map<string, { x: number; tx: number; T: number; customers: number }>();
    for (const c of cdnow) {
      const key = `${c.x}|${c.tx}|${c.T}`;
      const row = counts.get(key) ?? { x: c.x, tx: c.tx, T: c.T, customers: 0 };
      row.customers += 1;
      counts.set(key, row);
    }
    const rows = [...counts.values()].reverse(); // another row order than the customers'
    expect(rows.length).toBeLessThan(cdnow.length / 2);
    const collapsed = bgnbdFit(
      col(rows.map((row) => row.x)),
      col(rows.map((row) => row.tx)),
      col(rows.map((row) => row.T)),
      null,
      null,
      null,
      col(rows.map((row) => row.customers)),
    );
    expect(collapsed).toEqual(fit);
    const unweighted = bgnbdFit(
      col(rows.map((row) => row.x)),
      col(rows.map((row) => row.tx)),
      col(rows.map((row) => row.T)),
    );
    expect(Math.abs((unweighted[0]?.[1] as number) / (fit[0]?.[1] as number) - 1)).toBeGreaterThan(0.05);
    const zeroCustomers = excelErrorOf(() =>
      bgnbdFit(col([1, 0]), col([2, 0]), col([5, 5]), null, null, null, col([2, 0])),
    );
    expect(zeroCustomers.code).toBe('#VALUE!');
    expect(zeroCustomers.message).toMatch(/number of customers must be a whole number ≥ 1/);
  });

  it('BGNBD_FIT(CDNOW sample, weeks) spills the published estimates (Fader, Hardie & Lee 2005)', () => {
    expect(fit.map((row) => row[0])).toEqual(['r', 'alpha', 'a', 'b', 'log-likelihood']);
    const value = (label: string): number => fit.find((row) => row[0] === label)?.[1] as number;
    expect(value('r')).toBeCloseTo(0.2426, 3);
    expect(value('alpha')).toBeCloseTo(4.4136, 2);
    expect(value('a')).toBeCloseTo(0.7929, 3);
    expect(value('b')).toBeCloseTo(2.4259, 2);
    expect(value('log-likelihood')).toBeCloseTo(-9582.43, 1);
  });

  it('GG_FIT(CDNOW repeaters) spills p = 6.25, q = 3.74, gamma = 15.44 (Fader & Hardie 2013)', () => {
    const repeaters = cdnow.filter((c) => c.x > 0);
    const gg = ggFit(col(repeaters.map((c) => c.x)), col(repeaters.map((c) => c.meanSpend)));
    expect(gg.map((row) => row[0])).toEqual(['p', 'q', 'gamma', 'log-likelihood']);
    expect(gg[0]?.[1] as number).toBeCloseTo(6.25, 1);
    expect(gg[1]?.[1] as number).toBeCloseTo(3.74, 1);
    expect(gg[2]?.[1] as number).toBeCloseTo(15.44, 0);
  });

  const params = [
    ['r', 0.2426],
    ['alpha', 4.4136],
    ['a', 0.7929],
    ['b', 2.4259],
    ['log-likelihood', -9582.43],
  ];
  /** FHL (2005) eq. for P(alive), written out: 1 / (1 + [x>0] · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x)). */
  const pAliveByHand = (x: number, tx: number, T: number): number =>
    x === 0 ? 1 : 1 / (1 + (0.7929 / (2.4259 + x - 1)) * ((4.4136 + T) / (4.4136 + tx)) ** (0.2426 + x));

  it('P_ALIVE from the spilled block or from the four numbers matches the closed form', () => {
    expect(pAlive(params, 2, 30.43, 38.86)).toBeCloseTo(pAliveByHand(2, 30.43, 38.86), 12);
    expect(pAlive([[0.2426, 4.4136, 0.7929, 2.4259]], '4', '20', '38')).toBeCloseTo(pAliveByHand(4, 20, 38), 12);
    expect(pAlive(params, 0, 0, 38)).toBe(1);
  });

  it('EXPECTED_PURCHASES for a new customer matches FHL eq. 9 with a series for 2F1', () => {
    const [r, alpha, a, b] = [0.2426, 4.4136, 0.7929, 2.4259];
    const t = 39;
    const z = t / (alpha + t);
    let term = 1;
    let sum = 1;
    for (let n = 0; n < 2000; n++) {
      term *= ((r + n) * (b + n) * z) / ((a + b - 1 + n) * (n + 1));
      sum += term;
    }
    const expected = ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * sum);
    expect(expectedPurchases(params, t)).toBeCloseTo(expected, 6);
    expect(expectedPurchases(params, t, 2, 30.43, 38.86)).toBeGreaterThan(0);
  });

  it('PREDICTED_CLV is positive and scales linearly with the margin', () => {
    const gg = [
      ['p', 6.25],
      ['q', 3.74],
      ['gamma', 15.44],
    ];
    const full = predictedClv(params, gg, 2, 30.43, 38.86, 40, 'weeks', 12, 0.01, 1);
    expect(full).toBeGreaterThan(0);
    expect(predictedClv(params, gg, 2, 30.43, 38.86, 40, 'weeks', 12, 0.01, 0.5)).toBeCloseTo(full / 2, 10);
  });

  it('PREDICTED_CLV refuses a margin above 100 % (30 typed for 30 %) instead of multiplying the value by 30', () => {
    const gg = [
      ['p', 6.25],
      ['q', 3.74],
      ['gamma', 15.44],
    ];
    const error = excelErrorOf(() => predictedClv(params, gg, 2, 30.43, 38.86, 40, 'weeks', 12, 0.01, 30));
    expect(error.code).toBe('#NUM!');
    expect(error.message).toMatch(/margin must be a fraction from 0 to 1, got 30/);
  });

  it('errors: missing parameter → #VALUE!; non-positive parameter or t_x > T → #NUM!', () => {
    expect(excelErrorOf(() => pAlive([['r', 1]], 1, 1, 2)).code).toBe('#VALUE!');
    expect(excelErrorOf(() => pAlive([[0.2, -1, 0.7, 2]], 1, 1, 2)).code).toBe('#NUM!');
    expect(excelErrorOf(() => pAlive(params, 1, 5, 2)).code).toBe('#NUM!');
    // x = 0 (no repeat purchase) with t_x > 0 is inconsistent input, not a customer to score.
    expect(excelErrorOf(() => pAlive(params, 0, 5, 20)).code).toBe('#NUM!');
    expect(excelErrorOf(() => pAlive(params, 0, 5, 20)).message).toMatch(/x = 0.*t_x = 0/);
    expect(excelErrorOf(() => bgnbdFit(col([0, 0]), col([0, 0]), col([5, 5]))).code).toBe('#N/A');
  });
});

describe('CRM.EXPERIENCE_GAP and CRM.DELIVERED_VALUE', () => {
  it('experience − expectation, × importance, or − ideal', () => {
    expect(experienceGap([[5]], [[7]])).toEqual([[-2]]);
    expect(experienceGap([[5]], [[7]], [[9]])).toEqual([[-18]]);
    expect(experienceGap([[5]], [[10]], NO_RANGE, 'ideal')).toEqual([[-5]]);
    expect(experienceGap(col([5, 8]), col([7, 6]))).toEqual(col([-2, 2]));
  });

  it('TCV − TCC or TCV / TCC; a ratio with cost ≤ 0 is #NUM!', () => {
    expect(deliveredValue(120, 80)).toBe(40);
    expect(deliveredValue('120', '80', 'ratio')).toBe(1.5);
    expect(excelErrorOf(() => deliveredValue(120, 0, 'ratio')).code).toBe('#NUM!');
  });
});

describe('CRM.RFM_TABLE', () => {
  it('spills the header row then one row per customer, without null cells', () => {
    const table = rfmTable(
      col(['A', 'A', 'B', 'C']),
      col(['2024-01-02', '2024-02-01', '2024-01-15', 45300]),
      col([10, 20, 5, '7.5']),
    );
    expect(table[0]?.[0]).toBe('customer_id');
    // Three customers for 5 bins: each dimension's tie warning follows the customers, one row each.
    expect(table.map((row) => row[0])).toEqual(['customer_id', 'A', 'B', 'C', 'warning', 'warning', 'warning']);
    expect(table[4]?.[1]).toBe(
      'recency has 3 distinct values for 5 bins: tied customers share a score and some scores are not used.',
    );
    for (const row of table) for (const cell of row) expect(cell).not.toBeNull();
  });
});

describe('the worked examples of docs/functions.md return the values printed there', () => {
  // These keep the reference in step with the code; correctness is checked independently above.
  const params = [[0.2426], [4.4136], [0.7929], [2.4259]];
  const gg = [[6.25], [3.74], [15.44]];

  it('RFM_SCORE of the first of 8 customers is 555', () => {
    const recency = col([5, 30, 30, 90, 200, 365, 12, 45]);
    const frequency = col([10, 4, 4, 2, 1, 1, 7, 3]);
    const monetary = col([900, 250.5, 250.5, 80, 20, 15, 600, 120]);
    expect(rfmScore([[5]], [[10]], [[900]], recency, frequency, monetary)).toEqual([[555]]);
  });

  it('labels in Chinese', () => {
    expect(valueTier(col([100, 50, 20, 10, 0]), NO_RANGE, null, 'zh')).toEqual(
      col(['白金', '黄金', '黄金', '铁质', '铅质']),
    );
    expect(valueMatrix([[5]], [[50]], 10, 20, 'zh')).toEqual([['黄金']]);
  });

  it('probabilistic examples with the CDNOW parameters', () => {
    expect(pAlive(params, 2, 30.43, 38.86)).toBeCloseTo(0.7266, 4);
    expect(expectedPurchases(params, 39)).toBeCloseTo(1.195, 4);
    expect(expectedPurchases(params, 39, 2, 30.43, 38.86)).toBeCloseTo(1.2259, 4);
    expect(predictedClv(params, gg, 2, 30.43, 38.86, 40, 'weeks')).toBeCloseTo(57.62, 2);
  });
});
