import { AnalyticsError } from '../errors';
import { checkNumberOption } from '../optionTable';
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
  checkNumberOption('horizonMonths', options.horizonMonths, 'The CLV horizon in months');
  checkNumberOption('monthlyDiscount', options.monthlyDiscount, 'The monthly discount rate');
  checkNumberOption('margin', options.margin, 'The profit margin');
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
