import type { HoldoutSkipReason, SkipReason } from '../core';
import type { SheetColumnKey } from './sheetColumns';

/**
 * The words written into the output sheets, supplied by the pane in the user's language.
 *
 * Why here: the adapter writes, the pane translates (taskpane → excel → core); the pane builds
 * this from its `t(key)` table.
 */
export interface OutputLabels {
  segmentsSheet: string;
  summarySheet: string;
  /** The customer sheet's column headers, in words (the CSV keeps core's snake_case names). */
  columns: Record<SheetColumnKey, string>;
  summaryTitle: string;
  tier: string;
  segment: string;
  stage: string;
  customers: string;
  revenue: string;
  customerShare: string;
  revenueShare: string;
  averageClv: string;
  total: string;
  runInformation: string;
  source: string;
  rowsRead: string;
  rowsUsed: string;
  rowsSkipped: string;
  firstRows: string;
  skipReasons: Record<SkipReason, string>;
  options: string;
  asOf: string;
  dateSystem: string;
  addinVersion: string;
  createdAt: string;
  revenueByTierChart: string;
  customersByStageChart: string;
  customersBySegmentChart: string;
  modelFitChart: string;
  repeatPurchases: string;
  actualCustomers: string;
  modelCustomers: string;
  /** The holdout check of the probabilistic method: block headers, chart title, run-information lines. */
  holdoutChart: string;
  holdoutRepeatPurchases: string;
  holdoutActual: string;
  holdoutPredicted: string;
  calibrationEnd: string;
  holdoutWeeks: string;
  holdoutCheck: string;
  holdoutDone: string;
  /** Full sentences: why the check was not done. */
  holdoutReasons: Record<HoldoutSkipReason, string>;
  /** The tracking chart of the probabilistic method (summary sheet). */
  tracking: {
    chart: string;
    period: string;
    actual: string;
    modelCalibration: string;
    modelHoldout: string;
    lastCalibrationWeek: string;
  };
  /** The cohort sheet of the "Cohorts and retention" option. */
  cohorts: {
    sheet: string;
    title: string;
    cohort: string;
    customers: string;
    partialPeriod: string;
    shareActive: string;
    shareSurviving: string;
    partialLegend: string;
    projectedLegend: string;
    curveTitle: string;
    average: string;
    curveChart: string;
    sbgTitle: string;
    logLikelihood: string;
    standardError: string;
    survivors: string;
    renewals: string;
    marginPerPeriod: string;
    derl: string;
    clvPerCustomer: string;
    clvTotal: string;
    discountPerPeriod: string;
    noProjection: string;
    retailNote: string;
    /** Full sentences: why there is no sBG projection. */
    problems: Record<'noCompletePeriod' | 'noChurn' | 'fitFailed', string>;
  };
}
