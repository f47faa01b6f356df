import { bgnbdProbabilityOfPurchases } from './bgnbdPredictions';
import type { BtydCustomer, PurchaseModel } from './types';

/** Actual and model numbers of customers with 0, 1, …, 7+ calibration repeat purchases. */
export interface FrequencyHistogramRow {
  label: string;
  actual: number;
  /** Σ over customers of P(X(T) = k); `null` for Pareto/NBD, whose P(X(t) = k) is not implemented. */
  model: number | null;
}

/**
 * The calibration-period frequency histogram, actual vs model: for k = 0, 1, …, 7+, the number of customers
 * with k repeat purchases and the model's expectation Σ_i P(X(T_i) = k) (Fader, Hardie & Lee 2005, figure 2).
 *
 * Cost: O(n + distinct T · buckets); customers sharing T share the probabilities.
 * @example
 * frequencyHistogram(cdnowModel, cdnowCalibration)[0]; // => { label: '0', actual: 1411, model: 1407.7 }
 */
export function frequencyHistogram(
  model: PurchaseModel,
  customers: readonly BtydCustomer[],
  buckets = 8,
): FrequencyHistogramRow[] {
  const label = (k: number): string => (k === buckets - 1 ? `${k}+` : String(k));
  const actual = new Array<number>(buckets).fill(0);
  const expected = new Array<number>(buckets).fill(0);
  const byT = new Map<number, number>();
  for (const customer of customers) {
    // A row of a collapsed table stands for `count` customers.
    const weight = customer.count ?? 1;
    const k = Math.min(customer.x, buckets - 1);
    actual[k] = (actual[k] ?? 0) + weight;
    byT.set(customer.T, (byT.get(customer.T) ?? 0) + weight);
  }
  if (model.kind !== 'pareto') {
    for (const [T, weight] of byT) {
      let below = 0;
      for (let k = 0; k < buckets - 1; k++) {
        const p = bgnbdProbabilityOfPurchases(model, { value: T, unit: model.unit }, k);
        below += p;
        expected[k] = (expected[k] ?? 0) + weight * p;
      }
      expected[buckets - 1] = (expected[buckets - 1] ?? 0) + weight * Math.max(0, 1 - below);
    }
  }
  return actual.map((n, k) => ({
    label: label(k),
    actual: n,
    model: model.kind === 'pareto' ? null : (expected[k] ?? 0),
  }));
}
