import type { SegmentationResult, SkipReason } from '../../core';

/** What the pane shows after a run: figures taken from core's result as they are, no arithmetic. */
export interface RunSummary {
  customers: number;
  revenue: number;
  asOf: string;
  rowsRead: number;
  rowsUsed: number;
  tiers: { label: string; customers: number; revenue: number; revenueShare: number }[];
  skipped: { reason: SkipReason; count: number; firstRows: number[] }[];
  warnings: string[];
  segmentsSheet: string;
  summarySheet: string;
}

/** Picks the pane's figures out of core's result and the names of the sheets written. */
export function runSummary(
  result: SegmentationResult,
  sheets: { segmentsSheet: string; summarySheet: string },
): RunSummary {
  return {
    customers: result.totals.all.customers,
    revenue: result.totals.all.revenue,
    asOf: result.asOf,
    rowsRead: result.rowsRead,
    rowsUsed: result.rowsUsed,
    tiers: result.totals.byTier.map(({ label, customers, revenue, revenueShare }) => ({
      label,
      customers,
      revenue,
      revenueShare,
    })),
    skipped: Object.entries(result.skipped.reasons).flatMap(([reason, detail]) =>
      detail ? [{ reason: reason as SkipReason, count: detail.count, firstRows: detail.firstRows }] : [],
    ),
    warnings: result.warnings,
    ...sheets,
  };
}
