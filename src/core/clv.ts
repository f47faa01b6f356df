import { AnalyticsError } from './errors';
import { checkNumberOption } from './optionTable';

/** Retention, discount, horizon and acquisition cost of the seed CLV formula. */
export interface ClvTerms {
  /** Retention rate r per period, 0 < r ≤ 1 (default 1). */
  retention?: number;
  /** Discount rate d per period, > −1. */
  discount: number;
  /** Number of periods T; required when profit is a single number and r = 1. */
  periods?: number;
  /** Acquisition cost AC (default 0), subtracted once. */
  acquisitionCost?: number;
}

/**
 * Σ_{k=0..T−1} q^k for q = r / (1+d), in closed form: (q^T − 1) / (q − 1), evaluated as expm1(T·log1p(g)) / g
 * with g = q − 1 = (r − 1 − d) / (1 + d), so it stays exact when q is near 1 and costs O(1) whatever T is
 * (a loop over a typed-in T = 1E9 periods froze Excel's shared runtime).
 */
function geometricSum(retention: number, discount: number, periods: number): number {
  const g = (retention - 1 - discount) / (1 + discount);
  if (g === 0) return periods;
  return Math.expm1(periods * Math.log1p(g)) / g;
}

/** Retention, discount and the number of periods, checked against the option table. */
function checkTerms(retention: number, discount: number, periods: number | undefined): void {
  checkNumberOption('retention', retention);
  checkNumberOption('discount', discount);
  if (periods !== undefined) checkNumberOption('periods', periods);
}

/**
 * Customer lifetime value by the seed formula (DOMAIN §1.1, §7.5):
 * `CLV = Σ_{t=1..T} RP_t · r^(t−1) / (1+d)^t − AC`. The first period's profit is earned for sure (r^0 = 1).
 * `profit` is one per-period profit (then T = `periods`, or T = ∞ when r < 1 and periods is omitted, giving
 * `m / (1+d−r) − AC`) or a list of per-period profits RP_1 … RP_T. With r = 1 and AC = 0 it equals Excel's
 * `NPV(d, RP_1..RP_T)`.
 *
 * Cost O(1) for one profit (closed form of the geometric sum, whatever T), O(T) for a list of T profits.
 * @throws AnalyticsError OUT_OF_RANGE for r outside (0, 1], d ≤ −1 or a bad T; BAD_ARGUMENT when the sum is
 *   infinite (r = 1 without T) or a profit is not a number.
 * @example
 * clvSeed([100, 100, 100], { discount: 0.1 }) // => 248.685… (= NPV(10%, 100, 100, 100))
 * clvSeed(100, { retention: 0.8, discount: 0.1 }) // => 333.33… (= 100 / (1.1 − 0.8))
 */
export function clvSeed(profit: number | readonly number[], terms: ClvTerms): number {
  const retention = terms.retention ?? 1;
  const { discount } = terms;
  const acquisitionCost = terms.acquisitionCost ?? 0;
  checkTerms(retention, discount, terms.periods);
  if (!Number.isFinite(acquisitionCost)) {
    throw new AnalyticsError('BAD_NUMBER', 'acquisitionCost must be a number.', { argument: 'acquisitionCost' });
  }
  if (typeof profit === 'number') {
    if (!Number.isFinite(profit)) {
      throw new AnalyticsError('BAD_NUMBER', `profit must be a number, got ${profit}.`, { argument: 'profit' });
    }
    if (terms.periods === undefined) {
      if (retention >= 1 + discount || retention === 1) {
        throw new AnalyticsError(
          'BAD_ARGUMENT',
          'With retention 1 (or ≥ 1 + discount) the lifetime value is infinite: give the number of periods.',
          { argument: 'periods' },
        );
      }
      return profit / (1 + discount - retention) - acquisitionCost;
    }
    return (profit / (1 + discount)) * geometricSum(retention, discount, terms.periods) - acquisitionCost;
  }
  if (profit.length === 0) throw new AnalyticsError('EMPTY_INPUT', 'Give at least one period profit.');
  const periods = terms.periods ?? profit.length;
  if (periods > profit.length) {
    throw new AnalyticsError('SHAPE_MISMATCH', `periods is ${periods} but only ${profit.length} profits are given.`, {
      argument: 'periods',
    });
  }
  let value = 0;
  for (let period = 1; period <= periods; period++) {
    const amount = profit[period - 1] as number;
    if (!Number.isFinite(amount)) {
      throw new AnalyticsError('BAD_NUMBER', `Profit ${period} is not a number: ${amount}.`, { row: period });
    }
    value += (amount * retention ** (period - 1)) / (1 + discount) ** period;
  }
  return value - acquisitionCost;
}

/**
 * The Gupta–Lehmann retention "margin multiple": `r / (1+d−r)` for an infinite horizon, or
 * `Σ_{t=1..T} r^t / (1+d)^t` for T periods. Convention r^t: the first margin is earned only if the customer
 * is retained (Gupta & Lehmann 2003, "Customers as assets", J. Interactive Marketing 17(1)).
 *
 * Cost O(1) (closed form of the geometric sum for a finite T).
 * @throws AnalyticsError OUT_OF_RANGE for r outside (0, 1], d ≤ −1 or a bad T; BAD_ARGUMENT for r = 1 and T = ∞.
 * @example
 * marginMultiple(0.8, 0.1) // => 2.666…
 */
export function marginMultiple(retention: number, discount: number, periods?: number): number {
  checkTerms(retention, discount, periods);
  if (periods === undefined) {
    if (retention >= 1 + discount || retention === 1) {
      throw new AnalyticsError(
        'BAD_ARGUMENT',
        'With retention 1 the multiple is infinite: give the number of periods.',
        {
          argument: 'periods',
        },
      );
    }
    return retention / (1 + discount - retention);
  }
  return (retention / (1 + discount)) * geometricSum(retention, discount, periods);
}

/**
 * Lifetime value by the margin multiple: `m · r / (1+d−r) − AC` (T = ∞) or `Σ_{t=1..T} m·r^t/(1+d)^t − AC`.
 *
 * Cost O(1).
 * @throws AnalyticsError as {@link marginMultiple}; BAD_NUMBER for a non-numeric margin.
 * @example
 * retentionClv(150, 0.55, 0.1, { acquisitionCost: 100 }) // => 50
 */
export function retentionClv(
  margin: number,
  retention: number,
  discount: number,
  options: { periods?: number; acquisitionCost?: number } = {},
): number {
  if (!Number.isFinite(margin)) {
    throw new AnalyticsError('BAD_NUMBER', `margin must be a number, got ${margin}.`, { argument: 'margin' });
  }
  return margin * marginMultiple(retention, discount, options.periods) - (options.acquisitionCost ?? 0);
}
