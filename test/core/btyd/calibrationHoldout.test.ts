import { readFileSync } from 'node:fs';
import { calibrationHoldout } from '../../../src/core/btyd/calibrationHoldout';
import { parseTransactions } from '../../../src/core/transactions';
import type { TransactionInput } from '../../../src/core/transactions';
import { conditionalExpectation } from './bgnbdReference';
import { CALIBRATION_END, CDNOW_SAMPLE_PATH, HOLDOUT_END, readCdnowSample } from './cdnowSample';
import { codeOf } from '../../analyticsErrors';

/** The CDNOW sample as raw columns, as the CLI or the task pane would pass them (customer = second column). */
function cdnowInput(extra: { customer: string; date: string; amount: number }[] = []): TransactionInput {
  const customer: string[] = [];
  const date: string[] = [];
  const amount: number[] = [];
  for (const line of readFileSync(CDNOW_SAMPLE_PATH, 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const [, id, yyyymmdd, , value] = fields as [string, string, string, string, string];
    customer.push(id);
    date.push(`${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`);
    amount.push(Number(value));
  }
  for (const row of extra) {
    customer.push(row.customer);
    date.push(row.date);
    amount.push(row.amount);
  }
  return { customer, date, amount };
}

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('calibrationHoldout', () => {
  const input = cdnowInput();
  const check = calibrationHoldout(parseTransactions(input), {
    calibrationEnd: dayOf('1997-09-30'),
    holdoutEnd: dayOf('1998-06-30'),
    unit: 'weeks',
  });
  // Independent of core's transform: the test helper reads the file on its own (one purchase per customer-day).
  const reference = readCdnowSample().sort((p, q) => Number(p.id) - Number(q.id));

  test('calibrationHoldout(CDNOW sample, to 1997-09-30) fits on the calibration weeks only: Fader, Hardie & Lee (2005) estimates', () => {
    expect(CALIBRATION_END).toBe(dayOf('1997-09-30'));
    expect(HOLDOUT_END).toBe(dayOf('1998-06-30'));
    expect(check.model.kind).toBe('bgnbd');
    expect(check.model.converged).toBe(true);
    expect(check.model.params).toMatchObject({ r: expect.closeTo(0.2426, 4), a: expect.closeTo(0.7929, 4) });
    expect((check.model.params as { alpha: number }).alpha).toBeCloseTo(4.4136, 3);
    expect((check.model.params as { b: number }).b).toBeCloseTo(2.4259, 3);
    expect(check.model.logLikelihood).toBeCloseTo(-9582.43, 2);
    // Weeks 40–78: 273 days.
    expect(check.holdoutLength).toEqual({ value: 39, unit: 'weeks' });
  });

  test('per customer: x, t_x, T and holdout purchase days equal an independent count of distinct purchase days', () => {
    expect(check.customers).toHaveLength(2357);
    expect(check.customerIds).toEqual(reference.map((customer) => customer.id));
    check.customers.forEach((customer, index) => {
      const expected = reference[index];
      expect(customer.x).toBe(expected?.x);
      expect(customer.tx).toBeCloseTo(expected?.tx ?? NaN, 10);
      expect(customer.T).toBeCloseTo(expected?.T ?? NaN, 10);
      expect(customer.holdoutPurchases).toBe(expected?.holdoutPurchases);
    });
  });

  test('actual holdout means by calibration repeat purchases: the published CDNOW figures 0.237 … 6.359 and an independent count', () => {
    const rows = check.diagnostics.byCalibrationFrequency;
    expect(rows.map((row) => row.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7+']);
    expect(rows.map((row) => row.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(rows.map((row) => Number(row.actual.toFixed(3)))).toEqual([
      0.237, 0.697, 1.393, 1.56, 2.532, 2.947, 3.862, 6.359,
    ]);
    for (const [k, row] of rows.entries()) {
      const group = reference.filter((customer) => Math.min(customer.x, 7) === k);
      const mean = group.reduce((sum, customer) => sum + customer.holdoutPurchases, 0) / group.length;
      expect(row.actual).toBeCloseTo(mean, 12);
    }
    const total = reference.reduce((sum, customer) => sum + customer.holdoutPurchases, 0);
    expect(check.diagnostics.totals.actual).toBe(total);
  });

  test('predicted holdout means equal equation 10 of Fader, Hardie & Lee (2005) at the fitted parameters, per group and in total', () => {
    const params = check.model.params as { r: number; alpha: number; a: number; b: number };
    const predicted = reference.map((customer) => conditionalExpectation(params, 39, customer));
    for (const [k, row] of check.diagnostics.byCalibrationFrequency.entries()) {
      const inGroup = predicted.filter((_, index) => Math.min(reference[index]?.x ?? 0, 7) === k);
      const mean = inGroup.reduce((sum, value) => sum + value, 0) / inGroup.length;
      expect(row.predicted).toBeCloseTo(mean, 8);
    }
    const total = predicted.reduce((sum, value) => sum + value, 0);
    expect(check.diagnostics.totals.predicted).toBeCloseTo(total, 6);
  });

  test('a customer whose first purchase is in the holdout is left out; the input is not mutated', () => {
    const withLate = cdnowInput([
      { customer: '99999', date: '1997-12-01', amount: 10 },
      { customer: '99999', date: '1998-01-15', amount: 12 },
    ]);
    const copy = JSON.stringify(withLate);
    const result = calibrationHoldout(parseTransactions(withLate), {
      calibrationEnd: dayOf('1997-09-30'),
      holdoutEnd: dayOf('1998-06-30'),
      unit: 'weeks',
    });
    expect(result.customers).toHaveLength(2357);
    expect(result.customerIds).not.toContain('99999');
    expect(JSON.stringify(withLate)).toBe(copy);
  });

  test('the model choice is honoured: Pareto/NBD on the calibration weeks has the published log-likelihood −9594.98', () => {
    const pareto = calibrationHoldout(parseTransactions(input), {
      calibrationEnd: dayOf('1997-09-30'),
      holdoutEnd: dayOf('1998-06-30'),
      unit: 'weeks',
      model: 'pareto',
    });
    expect(pareto.model.kind).toBe('pareto');
    expect(Math.abs(pareto.model.logLikelihood - -9594.98)).toBeLessThan(0.01);
  });

  test('a holdout in days gives the same actual counts and a 273-day length', () => {
    const inDays = calibrationHoldout(parseTransactions(input), {
      calibrationEnd: dayOf('1997-09-30'),
      holdoutEnd: dayOf('1998-06-30'),
      unit: 'days',
    });
    expect(inDays.holdoutLength).toEqual({ value: 273, unit: 'days' });
    expect(inDays.diagnostics.totals.actual).toBe(check.diagnostics.totals.actual);
    expect(inDays.diagnostics.totals.predicted).toBeCloseTo(check.diagnostics.totals.predicted, 4);
  });

  test('bad periods and unusable calibration data are AnalyticsErrors with their codes', () => {
    const transactions = parseTransactions(input);
    const split = (calibrationEnd: number, holdoutEnd: number) => () =>
      calibrationHoldout(transactions, { calibrationEnd, holdoutEnd, unit: 'weeks' });
    expect(codeOf(split(dayOf('1998-06-30'), dayOf('1997-09-30')))).toBe('OUT_OF_RANGE');
    expect(codeOf(split(Number.NaN, dayOf('1997-09-30')))).toBe('BAD_DATE');
    // Before the first CDNOW purchase (1997-01-01): nobody to fit.
    expect(codeOf(split(dayOf('1996-12-31'), dayOf('1998-06-30')))).toBe('EMPTY_INPUT');
    // Only the first day: every customer has one purchase day, x = 0.
    expect(codeOf(split(dayOf('1997-01-01'), dayOf('1998-06-30')))).toBe('NO_REPEAT_CUSTOMERS');
  });
});
