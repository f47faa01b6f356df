import type { CustomerResult, FrequencyHistogramRow, SegmentationResult } from '../core';
import { frequencyHistogram } from '../core';

/**
 * The model-fit rows for the summary chart when the result carries a fitted BG/NBD or MBG/NBD model:
 * customers with 0, 1, …, 7+ repeat purchases, actual vs the model's expectation (core's
 * `frequencyHistogram`, Fader, Hardie & Lee 2005, figure 2). Null for other methods and for Pareto/NBD,
 * whose P(X(t) = k) core does not provide. O(customers).
 */
export function modelFitRows(
  model: SegmentationResult['model'],
  customers: readonly CustomerResult[],
): FrequencyHistogramRow[] | null {
  const purchase = model?.purchase;
  if (purchase === undefined || (purchase.kind !== 'bgnbd' && purchase.kind !== 'mbgnbd')) return null;
  return frequencyHistogram(
    purchase,
    customers.map(({ x, tx, T }) => ({ x, tx, T })),
  );
}
