import type { TimeUnit } from '../dates';
import { DAYS_PER_UNIT, dayToIso } from '../dates';
import { AnalyticsError } from '../errors';
import { summarizeCustomers } from '../summarizeCustomers';
import type { Transactions } from '../transactions';
import { btydCustomersOf } from './btydCustomersOf';
import type { SpendingBtydCustomer } from './btydCustomersOf';
import { fitBgNbd } from './fitBgNbd';
import { fitParetoNbd } from './fitParetoNbd';
import { holdoutDiagnostics } from './holdoutDiagnostics';
import type { HoldoutCustomer, HoldoutDiagnostics } from './holdoutDiagnostics';
import type { Horizon, PurchaseModel } from './types';

/** Options of {@link calibrationHoldout}. */
export interface CalibrationHoldoutOptions {
  /** Last day of the calibration period (day number, inclusive): the model sees purchases up to this day. */
  calibrationEnd: number;
  /** Last day of the holdout period (day number, inclusive); must be after `calibrationEnd`. */
  holdoutEnd: number;
  /** Time unit of the model's x, t_x, T and of the holdout length. */
  unit: TimeUnit;
  /** Purchase model fitted on the calibration period; default 'bgnbd'. */
  model?: 'bgnbd' | 'mbgnbd' | 'pareto';
  /** L2 penalty of the fit (lifetimes' `penalizer_coef`); default 0. */
  penalty?: number;
}

/** A calibration customer: BTYD summary, mean repeat spend, and repeat purchase days in the holdout. */
export type CalibrationCustomer = SpendingBtydCustomer & HoldoutCustomer;

/** What {@link calibrationHoldout} returns: the calibration fit and the chart-ready holdout comparison. */
export interface CalibrationHoldout {
  calibrationEnd: number;
  holdoutEnd: number;
  /** holdoutEnd − calibrationEnd in the model's unit. */
  holdoutLength: Horizon;
  /** Customers with a purchase on or before the calibration end, sorted by id as in `summarizeCustomers`. */
  customerIds: readonly string[];
  customers: readonly CalibrationCustomer[];
  /** The purchase model fitted on the calibration period only. */
  model: PurchaseModel;
  diagnostics: HoldoutDiagnostics;
}

/**
 * The standard out-of-sample check of a BTYD model: splits the transactions at `calibrationEnd`, fits the
 * purchase model to the calibration period, and compares each customer's actual repeat purchase days in
 * (calibrationEnd, holdoutEnd] with the model's conditional expectation for that length of time, grouped by
 * calibration repeat purchases 0, 1, …, 7+ (Fader, Hardie & Lee 2005, section 4 and figure 4).
 *
 * A holdout purchase is counted as the model counts purchases: a new purchase day, so holdout purchases =
 * x at the holdout end − x at the calibration end. Customers whose first purchase falls in the holdout are
 * not in the comparison (the model knows nothing of them). A fit that does not converge is returned with
 * `converged: false`; the caller decides whether to show it.
 *
 * Cost: two O(n) summaries, one model fit on the calibration period, O(customers · series terms) predictions.
 * @throws AnalyticsError `BAD_DATE` / `OUT_OF_RANGE` for bad dates, `EMPTY_INPUT` when nobody bought on or
 *   before the calibration end, and the fit's codes (`NO_REPEAT_CUSTOMERS`, `FLAT_LIKELIHOOD`, `NOT_CONVERGED`).
 * @example
 * const check = calibrationHoldout(parseTransactions(cdnow), {
 *   calibrationEnd: requireDate('1997-09-30', 'calibrationEnd'),
 *   holdoutEnd: requireDate('1998-06-30', 'holdoutEnd'),
 *   unit: 'weeks',
 * });
 * check.diagnostics.byCalibrationFrequency[7].actual; // => 6.359
 */
export function calibrationHoldout(transactions: Transactions, options: CalibrationHoldoutOptions): CalibrationHoldout {
  const { calibrationEnd, holdoutEnd, unit } = options;
  if (!Number.isFinite(calibrationEnd) || !Number.isFinite(holdoutEnd)) {
    throw new AnalyticsError('BAD_DATE', 'The calibration end and the holdout end must be dates.', {
      argument: Number.isFinite(calibrationEnd) ? 'holdoutEnd' : 'calibrationEnd',
    });
  }
  if (!(holdoutEnd > calibrationEnd)) {
    throw new AnalyticsError('OUT_OF_RANGE', 'The holdout end must be after the calibration end.', {
      argument: 'holdoutEnd',
    });
  }
  const calibration = summarizeCustomers(transactions, { asOf: calibrationEnd, unit });
  if (calibration.count === 0) {
    throw new AnalyticsError(
      'EMPTY_INPUT',
      `Nobody bought on or before the calibration end ${dayToIso(calibrationEnd)}: choose a later calibration ` +
        'end (a shorter holdout period).',
      { argument: 'calibrationEnd' },
    );
  }
  const atHoldoutEnd = summarizeCustomers(transactions, { asOf: holdoutEnd, unit });
  const position = new Map(atHoldoutEnd.customerIds.map((id, index) => [id, index]));
  const customers = btydCustomersOf(calibration).map((customer, index): CalibrationCustomer => {
    const at = position.get(calibration.customerIds[index] as string);
    const later = at === undefined ? customer.x : (atHoldoutEnd.repeatPurchases[at] as number);
    // A return booked under a calibration order can turn that order's net value negative later: never below 0.
    return { ...customer, holdoutPurchases: Math.max(0, later - customer.x) };
  });
  const penalty = options.penalty ?? 0;
  const kind = options.model ?? 'bgnbd';
  const model: PurchaseModel =
    kind === 'pareto'
      ? fitParetoNbd(customers, { unit, penalty })
      : fitBgNbd(customers, { unit, penalty, modified: kind === 'mbgnbd' });
  const holdoutLength: Horizon = { value: (holdoutEnd - calibrationEnd) / DAYS_PER_UNIT[unit], unit };
  return {
    calibrationEnd,
    holdoutEnd,
    holdoutLength,
    customerIds: calibration.customerIds,
    customers,
    model,
    diagnostics: holdoutDiagnostics(model, customers, holdoutLength),
  };
}
