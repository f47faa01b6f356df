import type { ColumnMapping, SkipReason } from '../../core';
import { dayToIso, isSummaryHeader, parseDate, parseTransactions, transactionDayRange } from '../../core';
import { readSource } from '../../excel';
import type { SourceChoice, SourceData } from '../../excel';
import type { FormOptions } from '../state/formOptions';
import { mappingProblems } from '../state/mappingProblems';
import type { ExcelRun } from './excelHost';
import { buildTransactionInput } from './buildTransactionInput';

/** Above this share of skipped rows the pane warns and asks for an explicit "Run anyway". */
export const PREFLIGHT_WARN_SHARE = 0.05;

/** One reason rows would be skipped: how many, the first rows and the first offending value. */
export interface SkipLine {
  reason: SkipReason;
  count: number;
  firstRows: number[];
  firstValue?: string;
}

/** What the whole source would give a run, checked by core's own row parser before anything is written. */
export interface PreflightSummary {
  rowsRead: number;
  rowsUsable: number;
  customers: number;
  /** First and last purchase day of the usable rows (yyyy-mm-dd), absent when no row is usable. */
  firstDate?: string;
  lastDate?: string;
  skipped: SkipLine[];
  skippedShare: number;
  /** True when more than {@link PREFLIGHT_WARN_SHARE} of the rows would be skipped. */
  needsConfirmation: boolean;
}

/** The preflight check as the pane holds it: not started, reading all rows, or done (null: nothing to check). */
export type PreflightState =
  { status: 'none' } | { status: 'checking' } | { status: 'done'; summary: PreflightSummary | null };

/**
 * Reads every row of the chosen data once, for the preflight check (the run reads it again so that it always
 * uses what the workbook holds at that moment).
 */
export function readForPreflight(source: SourceChoice, excelRun: ExcelRun): Promise<SourceData> {
  return excelRun((context) => readSource(context, source));
}

/**
 * Checks all rows with core's `parseTransactions` under the current columns, date order and as-of date: rows
 * usable, skipped by reason (with the first value), distinct customers and the date range. Returns null when
 * the columns are not complete yet or the source is a customer summary (segmented as it is, nothing to parse).
 * O(rows).
 * @example
 * preflight(data, { customer: 0, date: 1, amount: 2 }, options)?.needsConfirmation // false when ≤ 5 % are skipped
 */
export function preflight(
  data: Pick<SourceData, 'headers' | 'rows' | 'firstRowNumber' | 'dateSystem'>,
  mapping: ColumnMapping,
  options: Pick<FormOptions, 'dateOrder' | 'asOf'>,
): PreflightSummary | null {
  const headers = data.headers.map((header) => String(header));
  if (isSummaryHeader(headers) || mappingProblems(mapping, headers).length > 0) return null;
  const input = buildTransactionInput(data.rows, mapping, data.firstRowNumber, data.dateSystem);
  if (options.dateOrder !== 'ymd') input.dateText = { dateOrder: options.dateOrder };
  const asOf = options.asOf.trim() === '' ? null : parseDate(options.asOf.trim());
  let transactions;
  try {
    transactions = parseTransactions(input, asOf ?? undefined);
  } catch {
    return null;
  }
  const range = transactionDayRange(transactions);
  const skipped = (Object.entries(transactions.skipped.reasons) as [SkipReason, SkipLine | undefined][]).flatMap(
    ([reason, entry]) =>
      entry === undefined
        ? []
        : [
            {
              reason,
              count: entry.count,
              firstRows: entry.firstRows,
              ...(entry.firstValue === undefined ? {} : { firstValue: entry.firstValue }),
            },
          ],
  );
  const skippedShare = transactions.rowsRead === 0 ? 0 : transactions.skipped.total / transactions.rowsRead;
  return {
    rowsRead: transactions.rowsRead,
    rowsUsable: transactions.length,
    customers: transactions.customerIds.length,
    ...(range === null ? {} : { firstDate: dayToIso(range.first), lastDate: dayToIso(range.last) }),
    skipped,
    skippedShare,
    needsConfirmation: skippedShare > PREFLIGHT_WARN_SHARE,
  };
}
