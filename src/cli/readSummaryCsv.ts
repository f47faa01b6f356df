import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { SummaryTable } from '../core';
import { AnalyticsError, readSummaryTable } from '../core';
import { detectDelimiter } from './readTransactionsCsv';

/**
 * Reads a customer summary CSV (the columns of `crm-analytics sql`, or the collapsed (x, t_x, T, customers)
 * table) exported from a warehouse. A summary has one row per customer, so it is read whole.
 *
 * Cost O(file size).
 * @throws AnalyticsError NOT_FOUND when the file cannot be read; the codes of {@link readSummaryTable}.
 */
export function readSummaryCsv(path: string): SummaryTable {
  let text: string;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AnalyticsError('NOT_FOUND', `Cannot open ${path}: ${reason}`, { argument: 'summary' });
  }
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const records = parse(text, {
    delimiter: detectDelimiter(firstLine),
    skip_empty_lines: true,
    relax_column_count: true,
  }) as string[][];
  const [headers = [], ...rows] = records;
  return readSummaryTable(headers, rows);
}
