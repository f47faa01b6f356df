import type { CohortCell } from './cohortTable';

/** The measures a cohort triangle can show, spelled as the function argument and the CLI option spell them. */
export const COHORT_MEASURES = [
  'share',
  'active',
  'survivors',
  'revenue',
  'revenue_per_customer',
  'cumulative_revenue_per_customer',
] as const;
export type CohortMeasure = (typeof COHORT_MEASURES)[number];

/**
 * The value of one measure in a cell.
 *
 * Cost O(1).
 * @example
 * cohortCellValue({ age: 1, active: 3, share: 0.3, alive: 5, revenue: 30, revenuePerCustomer: 3, cumulativeRevenuePerCustomer: 9, partial: false }, 'survivors'); // => 5
 */
export function cohortCellValue(cell: CohortCell, measure: CohortMeasure): number {
  switch (measure) {
    case 'share':
      return cell.share;
    case 'active':
      return cell.active;
    case 'survivors':
      return cell.alive;
    case 'revenue':
      return cell.revenue;
    case 'revenue_per_customer':
      return cell.revenuePerCustomer;
    case 'cumulative_revenue_per_customer':
      return cell.cumulativeRevenuePerCustomer;
  }
}
