import type { CoreWarning, HoldoutSkipReason, SegmentationResult, SkipReason } from '../../core';
import { dayToIso } from '../../core';
import type { LabelledSegmentation } from '../../messages/labelSegmentation';

/** What the pane shows after a run: figures taken from core's result as they are, no arithmetic. */
export interface RunSummary {
  customers: number;
  revenue: number;
  asOf: string;
  rowsRead: number;
  rowsUsed: number;
  tiers: { label: string; customers: number; revenue: number; revenueShare: number }[];
  /** Per reason: the count, the first rows, and for bad dates and amounts the first offending value. */
  skipped: { reason: SkipReason; count: number; firstRows: number[]; firstValue?: string }[];
  /** Core's warnings as codes: the pane words them in its own language. */
  warnings: readonly CoreWarning[];
  /** The probabilistic method's holdout check: its totals, or why it was not done. */
  holdout?:
    | { status: 'fitted'; calibrationEnd: string; weeks: number; actual: number; predicted: number }
    | { status: 'skipped'; calibrationEnd: string; weeks: number; reason: HoldoutSkipReason };
  segmentsSheet: string;
  summarySheet: string;
  /** The cohort sheet, when the run had the "Cohorts and retention" option. */
  cohortSheet?: string;
}

/** Picks the pane's figures out of core's result and the names of the sheets written. */
export function runSummary(
  result: LabelledSegmentation,
  sheets: { segmentsSheet: string; summarySheet: string; cohortSheet?: string },
): RunSummary {
  return {
    customers: result.totals.all.customers,
    revenue: result.totals.all.revenue,
    asOf: dayToIso(result.asOf),
    rowsRead: result.rowsRead,
    rowsUsed: result.rowsUsed,
    tiers: result.totals.byTier.map(({ label, customers, revenue, revenueShare }) => ({
      label,
      customers,
      revenue,
      revenueShare,
    })),
    skipped: Object.entries(result.skipped.reasons).flatMap(([reason, detail]) =>
      detail
        ? [
            {
              reason: reason as SkipReason,
              count: detail.count,
              firstRows: detail.firstRows,
              ...(detail.firstValue === undefined ? {} : { firstValue: detail.firstValue }),
            },
          ]
        : [],
    ),
    warnings: result.warnings,
    ...holdoutSummary(result.holdout),
    segmentsSheet: sheets.segmentsSheet,
    summarySheet: sheets.summarySheet,
    ...(sheets.cohortSheet === undefined ? {} : { cohortSheet: sheets.cohortSheet }),
  };
}

function holdoutSummary(holdout: SegmentationResult['holdout']): Pick<RunSummary, 'holdout'> {
  if (!holdout) return {};
  const period = { calibrationEnd: holdout.calibrationEnd, weeks: holdout.holdoutWeeks };
  return {
    holdout:
      holdout.status === 'fitted'
        ? { status: 'fitted', ...period, actual: holdout.totals.actual, predicted: holdout.totals.predicted }
        : { status: 'skipped', ...period, reason: holdout.reason },
  };
}
