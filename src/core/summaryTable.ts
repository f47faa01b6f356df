import type { DateSystem } from './dates';
import { parseDate } from './dates';
import { AnalyticsError } from './errors';
import { customerKey, parseAmount } from './transactions';

/** The columns that make a table a customer summary the pane and `segment --summary` can segment. */
export const SUMMARY_TABLE_COLUMNS = ['customer_id', 'recency_days', 'frequency', 'monetary', 'x', 't_x', 'T'] as const;

/**
 * Whether a header row is a customer summary (the columns of `crm-analytics sql`) rather than transactions:
 * it has every one of {@link SUMMARY_TABLE_COLUMNS}.
 *
 * Cost O(headers).
 * @example
 * isSummaryHeader(['customer_id', 'recency_days', 'frequency', 'monetary', 'x', 't_x', 'T']) // => true
 */
export function isSummaryHeader(headers: readonly unknown[]): boolean {
  const indexOf = locate(headers);
  return SUMMARY_TABLE_COLUMNS.every((name) => indexOf(name) >= 0);
}

/**
 * A customer summary read from a table (one row per customer, the columns of `crm-analytics sql`, exported
 * from any warehouse), or a collapsed table (x, t_x, T, customers). Columns that are absent are null.
 */
export interface SummaryTable {
  /** Data rows. */
  readonly length: number;
  /** True when a `customers` column gives how many customers each row stands for. */
  readonly collapsed: boolean;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Customers per row (all 1 without a `customers` column). */
  readonly count: Float64Array;
  readonly customerId: readonly string[] | null;
  /** Day numbers. */
  readonly firstPurchase: readonly number[] | null;
  readonly lastPurchase: readonly number[] | null;
  /** The as-of day number of the summary's as_of column. */
  readonly asOf: number | null;
  readonly recencyDays: Float64Array | null;
  readonly tenureDays: Float64Array | null;
  readonly frequency: Float64Array | null;
  readonly monetary: Float64Array | null;
  readonly monetaryAvg: Float64Array | null;
  readonly monetaryRepeatAvg: Float64Array | null;
  readonly returnsValue: Float64Array | null;
  readonly historicValue: Float64Array | null;
  /** period_0_net … period_3_net per row (the lifecycle rule's sums), or null. */
  readonly periodNet: readonly Float64Array[] | null;
}

type NumericColumn =
  | 'x'
  | 't_x'
  | 'T'
  | 'customers'
  | 'recency_days'
  | 'tenure_days'
  | 'frequency'
  | 'monetary'
  | 'monetary_avg'
  | 'monetary_repeat_avg'
  | 'returns_value'
  | 'historic_value'
  | 'period_0_net'
  | 'period_1_net'
  | 'period_2_net'
  | 'period_3_net';

/** Where each named column is: exact name first, then case-insensitive (T and t_x differ either way). */
function locate(headers: readonly unknown[]): (name: string) => number {
  const texts = headers.map((header) => (typeof header === 'string' ? header.trim() : String(header ?? '')));
  return (name) => {
    const exact = texts.indexOf(name);
    if (exact >= 0) return exact;
    return texts.findIndex((text) => text.toLowerCase() === name.toLowerCase());
  };
}

/**
 * Reads a customer summary table from its header row and data rows (raw cell values, as from a sheet range or
 * a CSV file). Needs x, t_x and T; reads the other columns of `crm-analytics sql` when present, and
 * `customers` (a collapsed table). Values may be numbers or numeric text; dates Excel serials (of
 * `dateSystem`) or date texts.
 *
 * Cost O(rows × columns).
 * @throws AnalyticsError MISSING_COLUMN naming the column; BAD_NUMBER naming the row and column of a value
 *   that is not a number (or, for x and customers, not a whole number ≥ 0 / ≥ 1); EMPTY_INPUT without rows.
 * @example
 * readSummaryTable(['x', 't_x', 'T', 'customers'], [[0, 0, 39, 1411]]).count[0] // => 1411
 */
export function readSummaryTable(
  headers: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  firstRowNumber = 2,
  dateSystem: DateSystem = '1900',
): SummaryTable {
  const indexOf = locate(headers);
  for (const required of ['x', 't_x', 'T']) {
    if (indexOf(required) < 0) {
      throw new AnalyticsError(
        'MISSING_COLUMN',
        `The summary has no ${required} column (it needs x, t_x and T, as written by crm-analytics sql).`,
        { column: required },
      );
    }
  }
  if (rows.length === 0) throw new AnalyticsError('EMPTY_INPUT', 'The summary has no data rows.');
  const numeric = (name: NumericColumn, integer: 'whole' | 'count' | null = null): Float64Array | null => {
    const at = indexOf(name);
    if (at < 0) return null;
    const values = new Float64Array(rows.length);
    rows.forEach((row, index) => {
      const value = parseAmount(row[at]);
      const where = { row: firstRowNumber + index, column: name };
      if (value === null) {
        throw new AnalyticsError(
          'BAD_NUMBER',
          `Row ${firstRowNumber + index}, column ${name}: ${JSON.stringify(row[at] ?? '')} is not a number.`,
          where,
        );
      }
      if (
        (integer === 'whole' && !(Number.isInteger(value) && value >= 0)) ||
        (integer === 'count' && !(Number.isInteger(value) && value >= 1))
      ) {
        throw new AnalyticsError(
          'BAD_NUMBER',
          `Row ${firstRowNumber + index}, column ${name}: ${value} is not a whole number ≥ ${integer === 'count' ? 1 : 0}.`,
          where,
        );
      }
      values[index] = value;
    });
    return values;
  };
  const text = (name: string): string[] | null => {
    const at = indexOf(name);
    if (at < 0) return null;
    return rows.map((row, index) => {
      const value = customerKey(row[at]);
      if (value === null) {
        throw new AnalyticsError('BAD_ARGUMENT', `Row ${firstRowNumber + index}, column ${name} is blank.`, {
          row: firstRowNumber + index,
          column: name,
        });
      }
      return value;
    });
  };
  const counts = numeric('customers', 'count');
  const periods = [numeric('period_0_net'), numeric('period_1_net'), numeric('period_2_net'), numeric('period_3_net')];
  // Dates as yyyy-mm-dd whatever the source wrote (an Excel serial, an ISO text).
  const date = (name: string): number[] | null =>
    text(name)?.map((value, index) => {
      const day = parseDate(/^\d+(\.\d+)?$/.test(value) ? Number(value) : value, dateSystem);
      if (day === null) {
        throw new AnalyticsError('BAD_DATE', `Row ${firstRowNumber + index}, column ${name}: ${value} is not a date.`, {
          row: firstRowNumber + index,
          column: name,
        });
      }
      return Math.floor(day);
    }) ?? null;
  const asOfColumn = date('as_of');
  return {
    length: rows.length,
    collapsed: counts !== null,
    x: numeric('x', 'whole') as Float64Array,
    tx: numeric('t_x') as Float64Array,
    T: numeric('T') as Float64Array,
    count: counts ?? new Float64Array(rows.length).fill(1),
    customerId: text('customer_id'),
    firstPurchase: date('first_purchase'),
    lastPurchase: date('last_purchase'),
    asOf: asOfColumn === null ? null : (asOfColumn[0] as number),
    recencyDays: numeric('recency_days', 'whole'),
    tenureDays: numeric('tenure_days', 'whole'),
    frequency: numeric('frequency', 'whole'),
    monetary: numeric('monetary'),
    monetaryAvg: numeric('monetary_avg'),
    monetaryRepeatAvg: numeric('monetary_repeat_avg'),
    returnsValue: numeric('returns_value'),
    historicValue: numeric('historic_value'),
    periodNet: periods.every((column) => column !== null) ? (periods as Float64Array[]) : null,
  };
}
