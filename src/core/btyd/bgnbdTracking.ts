import { DAYS_PER_UNIT } from '../dates';
import { AnalyticsError } from '../errors';
import type { CustomerSummary } from '../summarizeCustomers';
import { bgnbdExpectedPurchases } from './bgnbdPredictions';
import type { BgNbdModel } from './types';

/** One period of a tracking chart: repeat transactions of the whole customer base, actual against the model. */
export interface TrackingRow {
  /** 1-based period number. */
  readonly period: number;
  /** Last day of the period (day number). */
  readonly lastDay: number;
  /** True when the period ends on or before the end of calibration. */
  readonly calibration: boolean;
  readonly actual: number;
  readonly expected: number;
  readonly actualCumulative: number;
  readonly expectedCumulative: number;
}

/** A tracking chart's data (Fader, Hardie & Lee 2005, Figure 4). */
export interface BgNbdTracking {
  readonly rows: readonly TrackingRow[];
  /** Customers tracked: first purchase on or before the end of calibration. */
  readonly customers: number;
  /** Customers left out because they first bought after calibration (the model was not fitted on them). */
  readonly newAfterCalibration: number;
  /** Periods in calibration (the boundary lies after this many rows). */
  readonly calibrationPeriods: number;
  readonly periodDays: number;
}

/** Options of {@link bgnbdTracking}. */
export interface BgNbdTrackingOptions {
  /** Last day of the calibration period (day number), the boundary marked on the chart. */
  calibrationEnd: number;
  /** Length of a period in days (default 7, a week). */
  periodDays?: number;
}

/**
 * The tracking plot of a BG/NBD model: expected and actual repeat transactions of the whole customer base, period by
 * period across calibration and holdout, each customer contributing from its own first purchase (Fader, Hardie & Lee
 * 2005, "Counting your customers the easy way", Figure 4): expected cumulative at the end of period j is
 * Σ_i E[X(t_j − s_i)] over the customers with first purchase s_i ≤ t_j, E[X(t)] of eq. 9. Actual repeat transactions
 * follow the model's convention: days with a purchase occasion after the first one.
 *
 * Periods start on the earliest first purchase and run to the summary's as-of day D (the last may be shorter); times
 * follow the summary's T = D − first, so t_j = last day of period j − s_i. Customers are grouped by first day, so the
 * cost is one E[X(t)] per distinct first day and period.
 *
 * Cost O(groups + distinct first days × periods × series terms).
 * @throws AnalyticsError EMPTY_INPUT when nobody bought by `calibrationEnd`; OUT_OF_RANGE for a period length < 1 or
 *   a calibration end after D.
 * @example
 * bgnbdTracking(cdnowModel, summaryToJune1998, { calibrationEnd: day('1997-09-30') }).rows[77].expectedCumulative;
 */
export function bgnbdTracking(
  model: BgNbdModel,
  summary: CustomerSummary,
  options: BgNbdTrackingOptions,
): BgNbdTracking {
  const periodDays = options.periodDays ?? 7;
  if (!Number.isInteger(periodDays) || periodDays < 1) {
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      `The period length must be a whole number of days ≥ 1, got ${periodDays}.`,
      {
        argument: 'periodDays',
      },
    );
  }
  const calibrationEnd = Math.floor(options.calibrationEnd);
  const end = summary.asOf;
  if (!(calibrationEnd <= end)) {
    throw new AnalyticsError('OUT_OF_RANGE', 'The calibration period must end on or before the as-of date.', {
      argument: 'calibrationEnd',
    });
  }
  const firstCounts = new Map<number, number>();
  let start = Infinity;
  let customers = 0;
  let newAfterCalibration = 0;
  const repeatDays: number[] = [];
  const { first, groupStart, groupDay, groupAmount } = summary;
  for (let customer = 0; customer < summary.count; customer++) {
    const firstDay = first[customer] as number;
    if (firstDay > calibrationEnd) {
      newAfterCalibration += 1;
      continue;
    }
    customers += 1;
    start = Math.min(start, firstDay);
    firstCounts.set(firstDay, (firstCounts.get(firstDay) ?? 0) + 1);
    let previous = firstDay;
    for (let group = groupStart[customer] as number; group < (groupStart[customer + 1] as number); group++) {
      const groupDayValue = Math.floor(groupDay[group] as number);
      // One repeat transaction per later day with an occasion (x = purchase days − 1).
      if ((groupAmount[group] as number) < 0 || groupDayValue <= previous || groupDayValue > end) continue;
      repeatDays.push(groupDayValue);
      previous = groupDayValue;
    }
  }
  if (customers === 0) {
    throw new AnalyticsError('EMPTY_INPUT', 'No customer made a first purchase by the end of calibration.', {
      argument: 'calibrationEnd',
    });
  }
  const periods = Math.ceil((end - start + 1) / periodDays);
  const actual = new Float64Array(periods);
  for (const repeatDay of repeatDays) {
    const index = Math.floor((repeatDay - start) / periodDays);
    actual[index] = (actual[index] as number) + 1;
  }
  const unitDays = DAYS_PER_UNIT[model.unit];
  const rows: TrackingRow[] = [];
  let actualCumulative = 0;
  let previousExpected = 0;
  let calibrationPeriods = 0;
  for (let j = 0; j < periods; j++) {
    const lastDay = Math.min(start + (j + 1) * periodDays - 1, end);
    let expectedCumulative = 0;
    for (const [firstDay, count] of firstCounts) {
      if (firstDay >= lastDay) continue;
      expectedCumulative +=
        count * bgnbdExpectedPurchases(model, { value: (lastDay - firstDay) / unitDays, unit: model.unit });
    }
    actualCumulative += actual[j] as number;
    const calibration = lastDay <= calibrationEnd;
    if (calibration) calibrationPeriods += 1;
    rows.push(
      Object.freeze({
        period: j + 1,
        lastDay,
        calibration,
        actual: actual[j] as number,
        expected: expectedCumulative - previousExpected,
        actualCumulative,
        expectedCumulative,
      }),
    );
    previousExpected = expectedCumulative;
  }
  return Object.freeze({
    rows: Object.freeze(rows),
    customers,
    newAfterCalibration,
    calibrationPeriods,
    periodDays,
  });
}
