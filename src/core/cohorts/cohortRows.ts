import { dayToIso } from '../dates';
import type { Language } from '../labels';
import type { CohortCell, CohortTable } from './cohortTable';

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

/** Header labels of a cohort triangle's table, by language (a triangle read back is recognised by the first). */
export const COHORT_HEADERS: Readonly<Record<Language, { cohort: string; customers: string; partial: string }>> = {
  en: { cohort: 'Cohort', customers: 'Customers', partial: 'Partial period' },
  zh: { cohort: '同期群', customers: '客户数', partial: '未完整期间' },
};

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

/**
 * A cohort triangle as rows of one measure, the layout of CRM.COHORT_TABLE, the CLI's CSV and the pane's sheet:
 * a header (cohort, customers, ages 0…K, partial period), then one row per cohort, cells beyond its age `''`, and the
 * last column naming the partial period on the rows whose last cell it is (so it is never read as a drop).
 *
 * Cost O(cohorts × ages).
 * @example
 * const summary = summarizeCustomers(
 *   parseTransactions({ customer: ['a', 'a', 'b'], date: ['2024-01-05', '2024-02-05', '2024-01-09'], amount: [9, 9, 9] }),
 *   { asOf: requireDate('2024-03-01', 'as_of') },
 * );
 * cohortRows(cohortTable(summary), 'share', 'en'); // => [['Cohort', 'Customers', 0, 1, 'Partial period'], ['2024-01', 2, 1, 0.5, '']]
 */
export function cohortRows(table: CohortTable, measure: CohortMeasure, language: Language): (string | number)[][] {
  const headers = COHORT_HEADERS[language];
  const ages = Array.from({ length: table.ages }, (_, age) => age);
  const to = dayToIso(table.asOf - 1);
  const partialNote = language === 'zh' ? `${table.partialLabel}（截至 ${to}）` : `${table.partialLabel} (to ${to})`;
  const rows: (string | number)[][] = [[headers.cohort, headers.customers, ...ages, headers.partial]];
  for (const row of table.cohorts) {
    const values = ages.map((age) => {
      const cell = row.cells[age];
      return cell === undefined ? '' : cohortCellValue(cell, measure);
    });
    const last = row.cells[row.cells.length - 1];
    rows.push([row.label, row.size, ...values, last?.partial === true ? partialNote : '']);
  }
  return rows;
}
