import { AnalyticsError } from '../errors';
import type { BtydCustomer } from './types';
import { lexicographicOrder } from '../lexicographicOrder';

/** Distinct (x, t_x, T) rows with how many customers share each, as columns. */
export interface CollapsedCustomers {
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  weight: Float64Array;
  /** Index into `distinctX` for each row. */
  xIndex: Int32Array;
  distinctX: number[];
  /** Index into `distinctT` / `distinctTx` for each row: T and t_x take few values (whole days), so a
   *  likelihood can compute its ln(α + T) terms once per value instead of once per row. */
  TIndex: Int32Array;
  distinctT: Float64Array;
  txIndex: Int32Array;
  distinctTx: Float64Array;
  /** Total number of customers (sum of weights). */
  total: number;
}

/**
 * Checks the (x, t_x, T) summaries and collapses identical rows into weights, so that the likelihood is
 * evaluated once per distinct row (STYLE §10; DOMAIN §1.2: "collapsing identical rows makes fitting fast").
 * A row's `count` (default 1) is its weight, so an already collapsed table (x, t_x, T, customers) collapses
 * to the same weights as the customers it counts.
 *
 * Cost: O(n) with a hash map.
 * @throws AnalyticsError `EMPTY_INPUT` for no customers; `BAD_NUMBER` (with the 1-based row) when x is not
 *   a whole number ≥ 0, t_x < 0, T < t_x, or a value is not finite.
 * @example
 * collapseCustomers([{ x: 1, tx: 2, T: 5 }, { x: 1, tx: 2, T: 5 }]).weight; // => [2] (a Float64Array)
 */
export function collapseCustomers(customers: readonly BtydCustomer[]): CollapsedCustomers {
  if (customers.length === 0) {
    throw new AnalyticsError('EMPTY_INPUT', 'No customers to fit: the summary is empty.', { argument: 'customers' });
  }
  const index = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  let total = 0;
  customers.forEach((customer, i) => {
    const where = { row: i + 1, argument: 'customers' };
    if (!Number.isFinite(customer.x) || !Number.isFinite(customer.tx) || !Number.isFinite(customer.T)) {
      throw new AnalyticsError('BAD_NUMBER', `Customer ${i + 1}: x, t_x and T must be finite numbers.`, where);
    }
    if (customer.x < 0 || !Number.isInteger(customer.x)) {
      throw new AnalyticsError('BAD_NUMBER', `Customer ${i + 1}: x = ${customer.x} is not a whole number ≥ 0.`, where);
    }
    // Allow rounding noise (t_x and T computed as day differences / 7) but not a real inversion.
    if (customer.tx < 0 || customer.T < customer.tx - 1e-9 * (1 + customer.T)) {
      throw new AnalyticsError(
        'BAD_NUMBER',
        `Customer ${i + 1}: needs 0 ≤ t_x ≤ T, got t_x = ${customer.tx}, T = ${customer.T}.`,
        where,
      );
    }
    if (customer.x === 0 && customer.tx !== 0) {
      throw new AnalyticsError('BAD_NUMBER', `Customer ${i + 1}: t_x must be 0 when x = 0.`, where);
    }
    const count = customer.count ?? 1;
    if (!Number.isInteger(count) || count < 1) {
      throw new AnalyticsError(
        'BAD_NUMBER',
        `Row ${i + 1}: the number of customers must be a whole number ≥ 1, got ${count}.`,
        where,
      );
    }
    total += count;
    const recency = Math.min(customer.tx, customer.T);
    const key = `${customer.x}|${recency}|${customer.T}`;
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, x.length);
      x.push(customer.x);
      tx.push(recency);
      T.push(customer.T);
      weight.push(count);
    } else {
      weight[at] = (weight[at] ?? 0) + count;
    }
  });
  // Distinct rows in (x, T, t_x) order: the likelihood then sums in the same order whatever the order of the
  // input, so customers and their collapsed table (or a shuffled copy) give the same fit to the last bit.
  const order = lexicographicOrder([x, T, tx], 0, x.length);
  const sortedX = order.map((i) => x[i] as number);
  const sortedTx = order.map((i) => tx[i] as number);
  const sortedT = order.map((i) => T[i] as number);
  const sortedWeight = order.map((i) => weight[i] as number);
  return collapsedFrom(sortedX, sortedTx, sortedT, sortedWeight, total);
}

function collapsedFrom(x: number[], tx: number[], T: number[], weight: number[], total: number): CollapsedCustomers {
  const distinctX = [...new Set(x)].sort((p, q) => p - q);
  const position = new Map(distinctX.map((value, i) => [value, i]));
  const [distinctT, TIndex] = indexValues(T);
  const [distinctTx, txIndex] = indexValues(tx);
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    xIndex: Int32Array.from(x.map((value) => position.get(value) ?? 0)),
    distinctX,
    TIndex,
    distinctT,
    txIndex,
    distinctTx,
    total,
  };
}

/** The distinct values of a column and, per row, the index of its value among them. */
function indexValues(values: readonly number[]): [Float64Array, Int32Array] {
  const where = new Map<number, number>();
  const distinct: number[] = [];
  const index = new Int32Array(values.length);
  values.forEach((value, row) => {
    let at = where.get(value);
    if (at === undefined) {
      at = distinct.length;
      where.set(value, at);
      distinct.push(value);
    }
    index[row] = at;
  });
  return [Float64Array.from(distinct), index];
}

/** What a purchase-model fit needs to know of the data before it starts (weighted over customers). */
export interface PurchaseDataShape {
  /** Customers with at least one repeat purchase. */
  repeaters: number;
  meanT: number;
  meanX: number;
  longestT: number;
}

/**
 * Checks that a purchase model (BG/NBD, MBG/NBD, Pareto/NBD) can be fitted to the data and returns the
 * averages its starting points are scaled by.
 *
 * Cost: O(distinct rows).
 * @throws AnalyticsError `NO_REPEAT_CUSTOMERS` when nobody bought twice; `FLAT_LIKELIHOOD` when every T is 0.
 */
export function checkPurchaseData(data: CollapsedCustomers): PurchaseDataShape {
  let repeaters = 0;
  let meanT = 0;
  let meanX = 0;
  let longestT = 0;
  for (let i = 0; i < data.x.length; i++) {
    const w = data.weight[i] as number;
    if ((data.x[i] as number) > 0) repeaters += w;
    longestT = Math.max(longestT, data.T[i] as number);
    meanT += (w * (data.T[i] as number)) / data.total;
    meanX += (w * (data.x[i] as number)) / data.total;
  }
  if (repeaters === 0) {
    throw new AnalyticsError(
      'NO_REPEAT_CUSTOMERS',
      'No customer bought more than once, so the purchase rates and dropout cannot be estimated. ' +
        'Use a longer calibration period or more customers.',
      { argument: 'customers' },
    );
  }
  if (!(meanT > 0)) {
    throw new AnalyticsError('FLAT_LIKELIHOOD', 'Every customer has T = 0: no time has been observed.', {
      argument: 'customers',
    });
  }
  return { repeaters, meanT, meanX, longestT };
}
