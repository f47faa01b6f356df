import { AnalyticsError } from '../errors';
import { conditionalExpectedPurchases } from './conditionalExpectedPurchases';
import type { BtydCustomer, PurchaseModel } from './types';

/** The economic settings of {@link predictedClv}. */
export interface PredictedClvOptions {
  /** Horizon H in months (a month is 30.4375 days). */
  horizonMonths: number;
  /** Discount rate per month d, e.g. 0.01. */
  monthlyDiscount: number;
  /** Profit margin as a fraction of spend, e.g. 0.3; 1 gives discounted revenue. */
  margin: number;
}

/** Checks the CLV settings; shared with predictCustomerValues. */
export function checkClvOptions(options: PredictedClvOptions): void {
  const { horizonMonths, monthlyDiscount, margin } = options;
  if (!Number.isInteger(horizonMonths) || horizonMonths < 1 || horizonMonths > 1200) {
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      `The CLV horizon must be a whole number of months from 1 to 1200, got ${horizonMonths}.`,
      { argument: 'horizonMonths' },
    );
  }
  if (!Number.isFinite(monthlyDiscount) || monthlyDiscount <= -1) {
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      `The monthly discount rate must be above −100 %, got ${monthlyDiscount}.`,
      { argument: 'monthlyDiscount' },
    );
  }
  // A margin is a share of spend; above 100 % the value would exceed the revenue it comes from.
  if (!Number.isFinite(margin) || margin > 1) {
    throw new AnalyticsError('OUT_OF_RANGE', `The margin must be a share of spend up to 100 %, got ${margin}.`, {
      argument: 'margin',
    });
  }
}

/**
 * Predicted customer lifetime value over H months (DOMAIN §7.5):
 * Σ_{i=1..H} (E[X(i·u)] − E[X((i−1)·u)]) · E[M] · margin / (1+d)^i,
 * with E[X(t)] the customer's conditional expected purchases under the fitted model, E[M] the expected average
 * purchase value (e.g. from the Gamma–Gamma model), and u one month (30.4375 days) in the model's unit — the
 * conversion is done by the horizon's unit, so a weekly and a daily fit of the same data agree.
 *
 * Cost: O(H) conditional expectations.
 * @throws AnalyticsError `OUT_OF_RANGE` / `BAD_NUMBER` for bad settings or spend.
 * @example
 * predictedClv(cdnowModel, { x: 26, tx: 30.85714, T: 31 }, 35.17, { horizonMonths: 12, monthlyDiscount: 0.01, margin: 1 });
 */
export function predictedClv(
  model: PurchaseModel,
  customer: BtydCustomer,
  expectedSpend: number,
  options: PredictedClvOptions,
): number {
  checkClvOptions(options);
  if (!Number.isFinite(expectedSpend)) {
    throw new AnalyticsError('BAD_NUMBER', `expected spend must be a number, got ${expectedSpend}.`, {
      argument: 'expectedSpend',
    });
  }
  return discountedExpectedPurchases(model, customer, options) * expectedSpend * options.margin;
}

/**
 * Σ_{i=1..H} (E[X(i·u)] − E[X((i−1)·u)]) / (1+d)^i: the discounted expected purchases over H months, the
 * part of {@link predictedClv} that does not depend on spend (so customers sharing (x, t_x, T) share it).
 *
 * Cost: O(H) conditional expectations.
 */
export function discountedExpectedPurchases(
  model: PurchaseModel,
  customer: BtydCustomer,
  options: Pick<PredictedClvOptions, 'horizonMonths' | 'monthlyDiscount'>,
): number {
  let value = 0;
  let previous = 0;
  for (let month = 1; month <= options.horizonMonths; month++) {
    const cumulative = conditionalExpectedPurchases(model, { value: month, unit: 'months' }, customer);
    value += (cumulative - previous) / (1 + options.monthlyDiscount) ** month;
    previous = cumulative;
  }
  return value;
}
