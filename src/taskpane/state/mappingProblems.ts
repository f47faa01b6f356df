import type { ColumnMapping } from '../../core';
import { isSummaryHeader } from '../../core';
import type { MessageKey } from '../i18n/en';

/**
 * What stops a run with this column mapping, as message keys: a customer, a date, and an amount
 * (or quantity and unit price) are needed. Empty when the mapping is usable, or when the headers are a
 * customer summary (the columns of `crm-analytics sql`), which needs no mapping. O(headers).
 * @example
 * mappingProblems({ customer: 0, date: 1 }) // => ['problem.amount']
 */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[] = []): MessageKey[] {
  if (isSummaryHeader(headers)) return [];
  const problems: MessageKey[] = [];
  if (mapping.customer === undefined) problems.push('problem.customer');
  if (mapping.date === undefined) problems.push('problem.date');
  if (mapping.amount === undefined && (mapping.quantity === undefined || mapping.unitPrice === undefined)) {
    problems.push('problem.amount');
  }
  return problems;
}
