import { cohortCellValue, dayToIso } from '../core';
import type { CohortMeasure, CohortTable, Language } from '../core';

/** Header labels of a cohort triangle's table, by language (a triangle read back is recognised by the first). */
export const COHORT_HEADERS: Readonly<Record<Language, { cohort: string; customers: string; partial: string }>> = {
  en: { cohort: 'Cohort', customers: 'Customers', partial: 'Partial period' },
  zh: { cohort: '同期群', customers: '客户数', partial: '未完整期间' },
};

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
