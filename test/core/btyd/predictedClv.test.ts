import { bgnbdConditionalExpected } from '../../../src/core/btyd/bgnbdPredictions';
import { fitBgNbd } from '../../../src/core/btyd/fitBgNbd';
import { gammaGammaExpectedSpend } from '../../../src/core/btyd/fitGammaGamma';
import { predictCustomerValues } from '../../../src/core/btyd/predictCustomerValues';
import { predictedClv } from '../../../src/core/btyd/predictedClv';
import type { BgNbdModel } from '../../../src/core/btyd/types';
import { AnalyticsError } from '../../../src/core/errors';
import { readCdnowSample } from './cdnowSample';
import { englishWarnings } from '../../messages/englishWarnings';

const cdnow = readCdnowSample();
const weekly = fitBgNbd(cdnow, { unit: 'weeks' });
const customer = { x: 26, tx: 30.85714, T: 31 };

describe('predictedClv (DOMAIN §7.5)', () => {
  test('sums monthly increments of the conditional expectation at 30.4375/7 weeks per month, discounted', () => {
    const weeksPerMonth = 30.4375 / 7; // 4.348 weeks
    let expected = 0;
    for (let i = 1; i <= 6; i++) {
      const now = bgnbdConditionalExpected(weekly, { value: i * weeksPerMonth, unit: 'weeks' }, customer);
      const before = bgnbdConditionalExpected(weekly, { value: (i - 1) * weeksPerMonth, unit: 'weeks' }, customer);
      expected += ((now - before) * 40 * 0.3) / 1.01 ** i;
    }
    expect(predictedClv(weekly, customer, 40, { horizonMonths: 6, monthlyDiscount: 0.01, margin: 0.3 })).toBeCloseTo(
      expected,
      10,
    );
  });

  test('without discount it telescopes to E[X(H months)] · spend · margin', () => {
    const months12 = bgnbdConditionalExpected(weekly, { value: (12 * 30.4375) / 7, unit: 'weeks' }, customer);
    expect(predictedClv(weekly, customer, 50, { horizonMonths: 12, monthlyDiscount: 0, margin: 1 })).toBeCloseTo(
      months12 * 50,
      9,
    );
  });

  test('a weekly model and the same model stated in days give the same CLV (the unit travels with the model)', () => {
    const daily: BgNbdModel = {
      ...weekly,
      unit: 'days',
      params: { ...weekly.params, alpha: weekly.params.alpha * 7 },
    };
    const inDays = { x: customer.x, tx: customer.tx * 7, T: customer.T * 7 };
    const options = { horizonMonths: 24, monthlyDiscount: 0.01, margin: 0.25 };
    expect(predictedClv(daily, inDays, 40, options)).toBeCloseTo(predictedClv(weekly, customer, 40, options), 8);
    // Reading the weekly model as if it were daily would give a very different (wrong) number.
    const misread: BgNbdModel = { ...weekly, unit: 'days' };
    expect(
      Math.abs(predictedClv(misread, customer, 40, options) - predictedClv(weekly, customer, 40, options)),
    ).toBeGreaterThan(10);
  });

  test('bad settings are errors that name the argument', () => {
    const settings = { horizonMonths: 0, monthlyDiscount: 0.01, margin: 1 };
    expect(() => predictedClv(weekly, customer, 40, settings)).toThrow(AnalyticsError);
    try {
      predictedClv(weekly, customer, 40, { ...settings, horizonMonths: 12, monthlyDiscount: -2 });
    } catch (error) {
      expect((error as AnalyticsError).where?.argument).toBe('monthlyDiscount');
    }
    expect.assertions(2);
  });
});

describe('predictCustomerValues', () => {
  const result = predictCustomerValues(cdnow, { unit: 'weeks', horizonMonths: 12, monthlyDiscount: 0.01, margin: 0.3 });

  test('fits BG/NBD and Gamma–Gamma and returns one prediction per customer in input order', () => {
    expect(result.perCustomer).toHaveLength(cdnow.length);
    expect(result.model.kind).toBe('bgnbd');
    expect(result.gammaGamma.params.p).toBeCloseTo(6.25, 2);
    const i = cdnow.findIndex((c) => c.x === 5);
    const c = cdnow[i]!;
    const row = result.perCustomer[i]!;
    expect(row.expectedAvgValue).toBeCloseTo(gammaGammaExpectedSpend(result.gammaGamma, c.x, c.meanSpend), 10);
    expect(row.expectedPurchases).toBeCloseTo(
      bgnbdConditionalExpected(result.model as BgNbdModel, { value: (12 * 30.4375) / 7, unit: 'weeks' }, c),
      10,
    );
    expect(row.pAlive).toBeGreaterThan(0);
    expect(row.pAlive).toBeLessThanOrEqual(1);
    expect(row.predictedClv).toBeCloseTo(
      predictedClv(result.model, c, row.expectedAvgValue, { horizonMonths: 12, monthlyDiscount: 0.01, margin: 0.3 }),
      10,
    );
    expect(row.predictedClv).toBeGreaterThan(0);
    expect(row.predictedClv).toBeLessThan(row.expectedPurchases * row.expectedAvgValue * 0.3);
  });

  test('warns about one-time buyers under BG/NBD; MBG/NBD and Pareto/NBD are offered through `model`', () => {
    expect(englishWarnings(result.warnings).join(' ')).toMatch(/P\(alive\) = 1/);
    const modified = predictCustomerValues(cdnow.slice(0, 600), {
      unit: 'weeks',
      horizonMonths: 3,
      monthlyDiscount: 0,
      margin: 1,
      model: 'mbgnbd',
    });
    expect(modified.model.kind).toBe('mbgnbd');
    expect(englishWarnings(modified.warnings).join(' ')).not.toMatch(/P\(alive\) = 1/);
    const oneTime = modified.perCustomer.filter((_, i) => cdnow[i]!.x === 0);
    expect(oneTime.every((p) => p.pAlive < 1)).toBe(true);
  });
});

describe('predictCustomerValues with fixed prices', () => {
  test('falls back to a penalised spend fit when every purchase costs the same, and says so', () => {
    const fixedPrice = cdnow.map((c) => ({ x: c.x, tx: c.tx, T: c.T, meanSpend: c.x > 0 ? 12.5 : 0 }));
    const result = predictCustomerValues(fixedPrice, {
      unit: 'weeks',
      horizonMonths: 6,
      monthlyDiscount: 0.01,
      margin: 1,
    });
    expect(englishWarnings(result.warnings).join(' ')).toMatch(/Spend hardly varies/);
    const repeat = result.perCustomer.filter((_, i) => cdnow[i]!.x > 0);
    // Within 5 % of the fixed price: the small penalty shrinks a little towards the population mean.
    expect(repeat.every((row) => Math.abs(row.expectedAvgValue - 12.5) < 0.05 * 12.5)).toBe(true);
  });
});
