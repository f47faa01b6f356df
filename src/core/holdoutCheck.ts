import { calibrationHoldout } from './btyd';
import { DAYS_PER_UNIT, dayToIso } from './dates';
import { AnalyticsError } from './errors';
import type { HoldoutCheck, HoldoutSkipReason } from './segmentTypes';
import type { TimeUnit } from './dates';
import type { Transactions } from './transactions';

/**
 * The default holdout length: a third of the days from the first purchase to the as-of date, in whole weeks
 * (at least 1), so two thirds of the history are left to calibrate on. O(1).
 * @example
 * defaultHoldoutWeeks(dayOf('1997-01-01'), dayOf('1998-07-01')) // => 26 (546 days / 3 = 182 days)
 */
export function defaultHoldoutWeeks(firstDay: number, asOf: number): number {
  return Math.max(1, Math.round((asOf - firstDay) / 3 / DAYS_PER_UNIT.weeks));
}

const REASONS: Partial<Record<string, HoldoutSkipReason>> = {
  EMPTY_INPUT: 'calibrationEmpty',
  NO_REPEAT_CUSTOMERS: 'noRepeatBuyers',
  NOT_CONVERGED: 'notConverged',
};

/**
 * The holdout check of the probabilistic method, which must never fail the segmentation: the calibration
 * period ends `holdoutWeeks` weeks before `asOf` (the holdout runs to `asOf`, inclusive, like the main fit's
 * as-of date), the chosen model is refitted on it with {@link calibrationHoldout}, and any problem becomes a
 * `skipped` outcome with a reason code (nobody to calibrate on, no repeat buyer, no convergence, no purchase
 * in the holdout) and core's message as detail.
 *
 * Cost: that of {@link calibrationHoldout}.
 * @example
 * holdoutCheck(transactions, { asOf: dayOf('1998-06-30'), holdoutWeeks: 39, unit: 'weeks', model: 'bgnbd' }).status
 * // => 'fitted'
 */
export function holdoutCheck(
  transactions: Transactions,
  options: { asOf: number; holdoutWeeks: number; unit: TimeUnit; model: 'bgnbd' | 'mbgnbd' | 'pareto' },
): HoldoutCheck {
  const holdoutEnd = options.asOf;
  const calibrationEnd = holdoutEnd - options.holdoutWeeks * DAYS_PER_UNIT.weeks;
  const period = {
    calibrationEnd: dayToIso(calibrationEnd),
    holdoutEnd: dayToIso(holdoutEnd),
    holdoutWeeks: options.holdoutWeeks,
  };
  const skipped = (reason: HoldoutSkipReason, detail: string): HoldoutCheck => ({
    ...period,
    status: 'skipped',
    reason,
    detail,
  });
  try {
    const split = calibrationHoldout(transactions, {
      calibrationEnd,
      holdoutEnd,
      unit: options.unit,
      model: options.model,
    });
    if (!split.model.converged) {
      return skipped('notConverged', `The ${options.model} fit on the calibration period did not converge.`);
    }
    const { byCalibrationFrequency, totals } = split.diagnostics;
    if (totals.actual === 0) {
      return skipped(
        'holdoutEmpty',
        `None of the ${split.customers.length} calibration customers bought between ${period.calibrationEnd} and ` +
          `${period.holdoutEnd}.`,
      );
    }
    return {
      ...period,
      status: 'fitted',
      model: split.model,
      rows: byCalibrationFrequency,
      totals: { customers: split.customers.length, actual: totals.actual, predicted: totals.predicted },
    };
  } catch (error) {
    // A diagnostic: whatever went wrong is reported beside the results, never instead of them.
    const reason = (error instanceof AnalyticsError && REASONS[error.code]) || 'fitFailed';
    return skipped(reason, error instanceof Error ? error.message : String(error));
  }
}
