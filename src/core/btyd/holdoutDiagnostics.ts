import { AnalyticsError } from '../errors';
import { conditionalExpectedPurchases } from './conditionalExpectedPurchases';
import { frequencyHistogram } from './frequencyHistogram';
import type { FrequencyHistogramRow } from './frequencyHistogram';
import type { BtydCustomer, Horizon, PurchaseModel } from './types';

/** A calibration customer with the number of repeat purchases actually made in the holdout period. */
export interface HoldoutCustomer extends BtydCustomer {
  holdoutPurchases: number;
}

/** One bar group of a diagnostic chart: `label` is '0', '1', … or '7+'. */
export interface ConditionalExpectationRow {
  label: string;
  customers: number;
  /** Mean holdout purchases of the customers with this calibration frequency. */
  actual: number;
  /** Mean conditional expected purchases over the holdout for the same customers. */
  predicted: number;
}

/** Chart-ready calibration/holdout diagnostics. */
export interface HoldoutDiagnostics {
  unit: PurchaseModel['unit'];
  holdoutLength: number;
  byCalibrationFrequency: ConditionalExpectationRow[];
  frequencyHistogram: FrequencyHistogramRow[];
  totals: { actual: number; predicted: number };
}

/**
 * The two standard checks of a BTYD model fitted on a calibration period (Fader, Hardie & Lee 2005, figures 2
 * and 4): (1) actual vs predicted mean holdout purchases grouped by calibration frequency 0, 1, …, 7+, and
 * (2) the calibration frequency histogram, actual vs the model's expected number of customers
 * Σ_i P(X(T_i) = k). Returned as plain rows the task pane can chart.
 *
 * Cost: O(n · buckets).
 * @throws AnalyticsError `EMPTY_INPUT`, `BAD_NUMBER` (bad holdout count, with its row).
 * @example
 * holdoutDiagnostics(model, calibrationWithHoldout, { value: 39, unit: 'weeks' }).byCalibrationFrequency[0];
 * // => { label: '0', customers: 1411, actual: 0.24, predicted: 0.23 }
 */
export function holdoutDiagnostics(
  model: PurchaseModel,
  customers: readonly HoldoutCustomer[],
  holdoutLength: Horizon,
  buckets = 8,
): HoldoutDiagnostics {
  if (customers.length === 0) {
    throw new AnalyticsError('EMPTY_INPUT', 'No customers for the holdout diagnostics.', { argument: 'customers' });
  }
  const label = (k: number): string => (k === buckets - 1 ? `${k}+` : String(k));
  const count = new Array<number>(buckets).fill(0);
  const actualSum = new Array<number>(buckets).fill(0);
  const predictedSum = new Array<number>(buckets).fill(0);
  let totalActual = 0;
  let totalPredicted = 0;
  customers.forEach((customer, i) => {
    if (!Number.isInteger(customer.holdoutPurchases) || customer.holdoutPurchases < 0) {
      throw new AnalyticsError(
        'BAD_NUMBER',
        `Customer ${i + 1}: holdout purchases must be a whole number ≥ 0, got ${customer.holdoutPurchases}.`,
        { row: i + 1, argument: 'customers' },
      );
    }
    const k = Math.min(customer.x, buckets - 1);
    const predicted = conditionalExpectedPurchases(model, holdoutLength, customer);
    count[k] = (count[k] ?? 0) + 1;
    actualSum[k] = (actualSum[k] ?? 0) + customer.holdoutPurchases;
    predictedSum[k] = (predictedSum[k] ?? 0) + predicted;
    totalActual += customer.holdoutPurchases;
    totalPredicted += predicted;
  });
  return {
    unit: model.unit,
    holdoutLength: holdoutLength.value,
    byCalibrationFrequency: count.map((n, k) => ({
      label: label(k),
      customers: n,
      actual: n > 0 ? (actualSum[k] ?? 0) / n : 0,
      predicted: n > 0 ? (predictedSum[k] ?? 0) / n : 0,
    })),
    frequencyHistogram: frequencyHistogram(model, customers, buckets),
    totals: { actual: totalActual, predicted: totalPredicted },
  };
}
