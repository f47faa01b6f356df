import type { HoldoutSkipReason, SkipReason } from '../core';

/**
 * The words written into the output sheets, supplied by the pane in the user's language.
 *
 * Why here: the adapter writes, the pane translates (taskpane → excel → core); the pane builds
 * this from its `t(key)` table.
 */
export interface OutputLabels {
  segmentsSheet: string;
  summarySheet: string;
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
}
