import { bgnbdTracking, dayToIso, fitBgNbd, parseDate, parseTransactions, summarizeCustomers } from '../../../src/core';
import type { BgNbdModel } from '../../../src/core';
import { errorOf } from '../../analyticsErrors';
import { readDataText } from '../../data/dataFiles';
import { readCdnowSample } from './cdnowSample';
import { mulberry32, sampleBeta, sampleGamma } from './simulate';

const day = (iso: string): number => parseDate(iso)!;
const CALIBRATION_END = day('1997-09-30');
const HOLDOUT_END = day('1998-06-30');

function cdnowSampleSummary(): ReturnType<typeof summarizeCustomers> {
  const customer: string[] = [];
  const date: number[] = [];
  const amount: number[] = [];
  for (const line of readDataText('CDNOW_sample.txt').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    customer.push(fields[1]!);
    date.push(Number(fields[2]));
    amount.push(Number(fields[4]));
  }
  return summarizeCustomers(parseTransactions({ customer, date, amount }), { asOf: HOLDOUT_END });
}

describe('bgnbdTracking', () => {
  const reference = readCdnowSample();
  const model = fitBgNbd(reference, { unit: 'weeks' });

  test('bgnbdTracking(CDNOW sample) counts the actual repeat transactions of Fader, Hardie & Lee (2005), weeks 1–78', () => {
    const tracking = bgnbdTracking(model, cdnowSampleSummary(), { calibrationEnd: CALIBRATION_END });
    expect(tracking.customers).toBe(2357);
    expect(tracking.rows).toHaveLength(78);
    expect(tracking.calibrationPeriods).toBe(39);
    const calibrationRepeats = reference.reduce((sum, customer) => sum + customer.x, 0);
    const holdoutRepeats = reference.reduce((sum, customer) => sum + customer.holdoutPurchases, 0);
    expect(tracking.rows[38]!.actualCumulative).toBe(calibrationRepeats);
    expect(tracking.rows[77]!.actualCumulative).toBe(calibrationRepeats + holdoutRepeats);
    // At the end of calibration the expected curve is Σ_i E[X(T_i)], T_i as in Hardie's cdnowSummary.
    const expectedCalibration = reference.reduce(
      (sum, customer) => sum + bgnbdExpectedPurchasesAt(model, customer.T),
      0,
    );
    expect(tracking.rows[38]!.expectedCumulative).toBeCloseTo(expectedCalibration, 6);
    // Incremental rows add up to the cumulative ones.
    const expectedSum = tracking.rows.reduce((sum, row) => sum + row.expected, 0);
    expect(expectedSum).toBeCloseTo(tracking.rows[77]!.expectedCumulative, 8);
  });

  test('the expected curve agrees with a simulation of the BG/NBD at the CDNOW parameters (seed printed)', () => {
    const seed = 2005;
    const random = mulberry32(seed);
    const params = { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 };
    const simulated: BgNbdModel = { ...model, params };
    const start = day('1997-01-01');
    const customer: string[] = [];
    const date: string[] = [];
    const amount: number[] = [];
    const customers = 20_000;
    for (let i = 0; i < customers; i++) {
      const first = start + Math.floor(random() * 84);
      const id = `c${i}`;
      customer.push(id);
      date.push(dayToIso(first));
      amount.push(10);
      const lambda = sampleGamma(random, params.r, params.alpha);
      const p = sampleBeta(random, params.a, params.b);
      let weeks = 0;
      for (;;) {
        weeks += -Math.log(1 - random()) / lambda;
        // The purchase lands in a day: whole days after the first, so it is a repeat only from the next day on.
        const purchaseDay = first + Math.floor(weeks * 7);
        if (purchaseDay > HOLDOUT_END) break;
        customer.push(id);
        date.push(dayToIso(purchaseDay));
        amount.push(10);
        if (random() < p) break;
      }
    }
    const summary = summarizeCustomers(parseTransactions({ customer, date, amount }), { asOf: HOLDOUT_END });
    const tracking = bgnbdTracking(simulated, summary, { calibrationEnd: CALIBRATION_END });
    for (const week of [20, 39, 60, 78]) {
      const row = tracking.rows[week - 1]!;
      const gap = Math.abs(row.actualCumulative / row.expectedCumulative - 1);
      const message = `seed ${seed}, week ${week}: actual ${row.actualCumulative}, expected ${row.expectedCumulative}`;
      // 20,000 customers, ~35,000 repeat transactions: the total's relative standard deviation is below 1 %.
      expect([message, gap < 0.025]).toEqual([message, true]);
    }
  });

  test('customers who first buy after calibration are left out and counted; bad options are refused', () => {
    const summary = summarizeCustomers(
      parseTransactions({
        customer: ['a', 'a', 'b'],
        date: ['2024-01-01', '2024-01-20', '2024-02-15'],
        amount: [1, 1, 1],
      }),
      { asOf: day('2024-02-29') },
    );
    const tracking = bgnbdTracking(model, summary, { calibrationEnd: day('2024-01-31') });
    expect([tracking.customers, tracking.newAfterCalibration]).toEqual([1, 1]);
    expect(tracking.rows.reduce((sum, row) => sum + row.actual, 0)).toBe(1);
    expect(errorOf(() => bgnbdTracking(model, summary, { calibrationEnd: day('2023-01-01') })).code).toBe(
      'EMPTY_INPUT',
    );
    expect(errorOf(() => bgnbdTracking(model, summary, { calibrationEnd: day('2025-01-01') })).code).toBe(
      'OUT_OF_RANGE',
    );
    expect(
      errorOf(() => bgnbdTracking(model, summary, { calibrationEnd: day('2024-01-31'), periodDays: 0 })).code,
    ).toBe('OUT_OF_RANGE');
  });
});

function bgnbdExpectedPurchasesAt(model: BgNbdModel, weeks: number): number {
  // E[X(t)] of Fader, Hardie & Lee (2005) eq. 9, summed directly here from its series so the check does not reuse
  // the library's 2F1: Σ_n (r)_n (b)_n / ((a+b−1)_n n!) zⁿ.
  const { r, alpha, a, b } = model.params;
  if (weeks <= 0) return 0;
  const z = weeks / (alpha + weeks);
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n++) {
    term *= ((r + n) * (b + n) * z) / ((a + b - 1 + n) * (n + 1));
    sum += term;
    if (Math.abs(term) < 1e-17 * sum) break;
  }
  return ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + weeks)) ** r * sum);
}
