import {
  cohortAnalysis,
  fitSbg,
  parseDate,
  parseTransactions,
  sbgLifetime,
  sbgSurvival,
  segmentCustomers,
  summarizeCustomers,
} from '../../../src/core';
import { errorOf } from '../../analyticsErrors';
import { mulberry32, sampleBeta } from '../btyd/simulate';

const day = (iso: string): number => parseDate(iso)!;

/** Monthly subscriptions: 12 cohorts of 200 from 2023-01, each paying 10 on the 5th while subscribed (sBG churn). */
function subscriptions(seed: number): { customer: string[]; date: string[]; amount: number[] } {
  const random = mulberry32(seed);
  const customer: string[] = [];
  const date: string[] = [];
  const amount: number[] = [];
  for (let cohort = 0; cohort < 12; cohort++) {
    for (let index = 0; index < 200; index++) {
      const id = `c${cohort}-${index}`;
      const theta = sampleBeta(random, 0.7, 2.5);
      for (let month = cohort; month < 12; month++) {
        customer.push(id);
        date.push(`2023-${String(month + 1).padStart(2, '0')}-05`);
        amount.push(10);
        if (random() < theta) break;
      }
    }
  }
  return { customer, date, amount };
}

describe('cohortAnalysis', () => {
  const data = subscriptions(7);
  // As of 2023-12-20: December is under way, so each cohort's last cell is partial.
  const summary = summarizeCustomers(parseTransactions(data), { asOf: day('2023-12-20') });

  test('retail reading: the triangle and average curves, no sBG', () => {
    const analysis = cohortAnalysis(summary);
    expect(analysis.contractual).toBe(false);
    expect(analysis.projection).toBeUndefined();
    expect(analysis.table.cohorts).toHaveLength(12);
    expect(analysis.averageShare[0]).toBe(1);
    // Age 11 exists only for the January cohort, and there it is the partial December: no average.
    expect(analysis.averageShare[11]).toBeNull();
    const january = analysis.table.cohorts[0]!;
    const pooled = analysis.table.cohorts.filter((row) => row.cells[1] && !row.cells[1].partial);
    const alive = pooled.reduce((sum, row) => sum + row.cells[1]!.alive, 0);
    const size = pooled.reduce((sum, row) => sum + row.size, 0);
    expect(analysis.averageSurvival[1]).toBeCloseTo(alive / size, 12);
    expect(january.cells[0]!.alive).toBe(200);
  });

  test('contract reading: the sBG fit of the complete cells, the projected corner and the CLV per cohort', () => {
    const analysis = cohortAnalysis(summary, { contractual: true, yearlyDiscount: 0.1 });
    const projection = analysis.projection!;
    const direct = fitSbg(
      analysis.table.cohorts
        .map((row) => row.cells.filter((cell) => !cell.partial).map((cell) => cell.alive))
        .filter((series) => series.length >= 2),
    );
    expect(projection.model.params.alpha).toBeCloseTo(direct.params.alpha, 8);
    // The February cohort: ages 0–9 complete, 10 (December) partial and projected.
    const february = analysis.table.cohorts[1]!;
    const row = projection.projected[1]!;
    expect(row.slice(0, 10).every((value) => value === null)).toBe(true);
    const observed = february.cells[9]!.alive / february.size;
    const { params } = projection.model;
    expect(row[10]).toBeCloseTo((observed * sbgSurvival(params, 10)) / sbgSurvival(params, 9), 12);
    // Monthly rate from 10 % a year; DERL after 9 renewals; every survivor pays 10 a month.
    expect(projection.discountPerPeriod).toBeCloseTo(1.1 ** (1 / 12) - 1, 12);
    const value = projection.cohorts[1]!;
    expect(value.renewals).toBe(9);
    expect(value.marginPerPeriod).toBeCloseTo(10, 10);
    expect(value.derl).toBeCloseTo(
      sbgLifetime(params, { discount: projection.discountPerPeriod, renewals: 9 }).value,
      12,
    );
    expect(value.clvPerCustomer).toBeCloseTo(10 * value.derl, 10);
  });

  test('a fit that cannot be made is reported, not thrown; a bad discount is refused', () => {
    const one = summarizeCustomers(
      parseTransactions({ customer: ['a', 'a'], date: ['2024-01-05', '2024-02-05'], amount: [1, 1] }),
      { asOf: day('2024-02-10') },
    );
    const analysis = cohortAnalysis(one, { contractual: true });
    expect(analysis.projection).toBeUndefined();
    expect(analysis.projectionError).toMatch(/complete period after its acquisition/);
    expect(analysis.projectionProblem).toBe('noCompletePeriod');
    expect(errorOf(() => cohortAnalysis(one, { yearlyDiscount: 0 })).code).toBe('OUT_OF_RANGE');
  });

  test('segmentCustomers carries the option through, resolved, and returns the analysis', () => {
    const result = segmentCustomers(data, { asOf: '2023-12-20', cohorts: { contractual: true } });
    expect(result.options.cohorts).toEqual({ period: 'month', contractual: true, yearlyDiscount: 0.1 });
    expect(result.cohorts?.projection?.model.params.alpha).toBeGreaterThan(0);
    expect(segmentCustomers(data).cohorts).toBeUndefined();
  });
});
