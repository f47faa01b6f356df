import type { CustomerResult, Language, SegmentationResult } from '../core';
import { dayToIso } from '../core';
import type { KeyWords, LabelledCustomer } from './labelSegmentation';
import { keyWordsOf } from './labelSegmentation';

/** One output column: the result field and its snake_case header. */
export interface OutputColumn {
  key: keyof LabelledCustomer;
  header: string;
  /** A day number, written as yyyy-mm-dd (blank when unknown). */
  day?: true;
}

/**
 * The one definition of the per-customer output columns, shared by the command line, CRM.RFM_TABLE and the
 * task pane, so every surface writes the same table. Headers are a contract: scripts read them.
 */
export const OUTPUT_COLUMNS: readonly OutputColumn[] = Object.freeze([
  { key: 'customerId', header: 'customer_id' },
  { key: 'firstPurchase', header: 'first_purchase', day: true },
  { key: 'lastPurchase', header: 'last_purchase', day: true },
  { key: 'recencyDays', header: 'recency_days' },
  { key: 'tenureDays', header: 'tenure_days' },
  { key: 'frequency', header: 'frequency' },
  { key: 'monetary', header: 'monetary' },
  { key: 'monetaryAvg', header: 'monetary_avg' },
  { key: 'returnsValue', header: 'returns_value' },
  { key: 'rScore', header: 'r_score' },
  { key: 'fScore', header: 'f_score' },
  { key: 'mScore', header: 'm_score' },
  { key: 'rfmCode', header: 'rfm_code' },
  { key: 'segment', header: 'segment' },
  { key: 'lifecycleStage', header: 'lifecycle_stage' },
  { key: 'lifecyclePattern', header: 'lifecycle_pattern' },
  { key: 'historicValue', header: 'historic_value' },
  { key: 'clv', header: 'clv' },
  { key: 'valueTier', header: 'value_tier' },
  { key: 'x', header: 'x' },
  { key: 'tx', header: 't_x' },
  { key: 'T', header: 'T' },
  { key: 'monetaryRepeatAvg', header: 'monetary_repeat_avg' },
]);

/** The probabilistic columns, written only when the result has them. */
export const PROBABILISTIC_COLUMNS: readonly OutputColumn[] = Object.freeze([
  { key: 'pAlive', header: 'p_alive' },
  { key: 'expectedPurchases', header: 'expected_purchases' },
  { key: 'expectedAvgValue', header: 'expected_avg_value' },
  { key: 'predictedClv', header: 'predicted_clv' },
]);

type CellOf = (customer: CustomerResult) => string | number;

/** How one column's cell is read from a customer: a word for a key, a date for a day number, else the field. */
function cellReader(column: OutputColumn, words: KeyWords): CellOf {
  switch (column.key) {
    case 'segment':
      return (customer) => words.segment(customer.segmentKey);
    case 'lifecycleStage':
      return (customer) => words.stage(customer.lifecycleStageKey);
    case 'lifecyclePattern':
      return (customer) => words.pattern(customer.lifecyclePatternKey);
    case 'valueTier':
      return (customer) => words.tier(customer.valueTierKey);
    default: {
      const key = column.key;
      if (column.day === true) {
        return (customer) => {
          const value = customer[key];
          return typeof value === 'number' && Number.isFinite(value) ? dayToIso(value) : '';
        };
      }
      return (customer) => customer[key] ?? '';
    }
  }
}

/**
 * The segmentation as a table, its words in `language` (the run's own by default), handed to `onRow` one row
 * at a time: the header row, then one row per customer in the order of `result.customers`. The probabilistic
 * columns are appended when the first customer has them. Reads core's result directly: no labelled copy of each
 * customer is made (on Online Retail the copies cost more than computing the table), and a writer that turns
 * each row into text at once keeps no table of values.
 *
 * Cost O(customers × columns).
 * @example
 * eachOutputRow(result, 'en', (row) => lines.push(row.join(','))); // lines[0] starts 'customer_id,first_purchase'
 */
export function eachOutputRow(
  result: SegmentationResult,
  language: Language,
  onRow: (row: (string | number)[]) => void,
): void {
  const first = result.customers[0];
  const columns =
    first !== undefined && first.predictedClv !== undefined
      ? [...OUTPUT_COLUMNS, ...PROBABILISTIC_COLUMNS]
      : OUTPUT_COLUMNS;
  const words = keyWordsOf(result, language);
  const readers = columns.map((column) => cellReader(column, words));
  onRow(columns.map((column) => column.header));
  for (const customer of result.customers) {
    const row: (string | number)[] = new Array<string | number>(readers.length);
    for (let index = 0; index < readers.length; index++) row[index] = (readers[index] as CellOf)(customer);
    onRow(row);
  }
}

/**
 * The segmentation as a table ({@link eachOutputRow}'s rows in one array): the header row, then one row per
 * customer.
 *
 * Cost O(customers × columns).
 * @example
 * toOutputRows(result)[0].slice(0, 3) // => ['customer_id', 'first_purchase', 'last_purchase']
 */
export function toOutputRows(
  result: SegmentationResult,
  language: Language = result.options.language,
): (string | number)[][] {
  const rows: (string | number)[][] = [];
  eachOutputRow(result, language, (row) => rows.push(row));
  return rows;
}
