import { writeFileSync } from 'node:fs';
import type { ClvOptions, SegmentOptions } from '../core';
import { AnalyticsError, describeSkipped, segmentCustomers, toOutputRows } from '../core';
import type { ParsedArguments } from './parseArguments';
import { choiceOption, fileArgument, textOption } from './parseArguments';
import type { ColumnOptions } from './readTransactionsCsv';
import { readTransactionsCsv } from './readTransactionsCsv';
import { runSegmentSummary } from './segmentSummaryCommand';
import { toCsv } from './toCsv';

/** Where the command writes: injectable so tests can capture the output. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const SEGMENT_USAGE = `Usage: crm-analytics segment <file.csv> [options]

Segments every customer of a transaction CSV (RFM scores and segment, lifecycle stage and pattern,
historic value and value tier, BTYD summary x / t_x / T) and writes one row per customer.

Options:
  --customer COL     customer id column   (default: detected, e.g. CustomerID, customer, 客户编号)
  --date COL         transaction date     (default: detected, e.g. InvoiceDate, date, 交易日期)
  --amount COL       amount               (default: detected, e.g. amount, sales, 金额; or Quantity × UnitPrice)
  --order COL        order / invoice id   (default: detected, e.g. InvoiceNo, 订单号); lines of one order are one purchase
  --as-of yyyy-mm-dd analysis date        (default: the day after the latest transaction)
  --unit U           days | weeks | months, the unit of x, t_x and T (default days)
  --bins N           RFM levels, 2 to 10 (default 5)
  --predict          also fit BG/NBD + Gamma–Gamma on the data up to the as-of date (inclusive) and add
                     p_alive, expected_purchases, expected_avg_value, predicted_clv; value tiers then use
                     predicted_clv. With --predict:
    --model M          bgnbd | mbgnbd | pareto, the purchase model (default bgnbd)
    --horizon N        expected_purchases over N units of --unit (default: the CLV horizon)
    --months M         predicted_clv over M months of 30.4375 days (default 12)
    --monthly-discount D  discount rate per month, e.g. 0.01 (default 0.01)
    --margin F         profit margin applied to spend, 0 to 1 (default 1)
  --summary FILE     segment a customer summary exported from a warehouse (the columns of crm-analytics sql)
                     instead of a transaction file; --unit is the summary's unit
  --format F         csv | json (default csv)
  --out FILE         write to FILE instead of standard output
  --help             show this help

Comma, semicolon and tab delimiters and UTF-8 with or without BOM are recognised. Skipped rows are
reported on standard error.`;

/** Options that never take a value. */
export const SEGMENT_FLAGS: ReadonlySet<string> = new Set(['help', 'predict']);

const PREDICT_OPTIONS = ['model', 'horizon', 'months', 'monthly-discount', 'margin'] as const;

const KNOWN_OPTIONS = new Set([
  'predict',
  ...PREDICT_OPTIONS,
  'customer',
  'date',
  'amount',
  'order',
  'as-of',
  'unit',
  'bins',
  'format',
  'out',
  'help',
]);

/** A numeric option: a finite number within [min, max] (an exclusive lower bound when `above` is set). */
function numberOption(
  parsed: ParsedArguments,
  name: string,
  bounds: { min?: number; above?: number; max?: number; integer?: boolean },
  described: string,
): number | undefined {
  const text = textOption(parsed, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  const valid =
    text.trim() !== '' &&
    Number.isFinite(value) &&
    (bounds.min === undefined || value >= bounds.min) &&
    (bounds.above === undefined || value > bounds.above) &&
    (bounds.max === undefined || value <= bounds.max) &&
    (bounds.integer !== true || Number.isInteger(value));
  if (!valid) {
    throw new AnalyticsError('OUT_OF_RANGE', `--${name} must be ${described}, got ${text}.`, { argument: name });
  }
  return value;
}

/** The CLV options of `--predict` and its companions; undefined (historic value) without --predict. */
export function predictOptions(parsed: ParsedArguments): ClvOptions | undefined {
  if (!parsed.options.has('predict')) {
    const stray = PREDICT_OPTIONS.find((name) => parsed.options.has(name));
    if (stray !== undefined) {
      throw new AnalyticsError('BAD_ARGUMENT', `--${stray} only applies with --predict.`, { argument: stray });
    }
    return undefined;
  }
  if (parsed.options.get('predict') !== true) {
    throw new AnalyticsError('BAD_ARGUMENT', '--predict takes no value.', { argument: 'predict' });
  }
  const model = choiceOption(parsed, 'model', ['bgnbd', 'mbgnbd', 'pareto'], 'bgnbd');
  const horizon = numberOption(parsed, 'horizon', { min: 0 }, 'a number ≥ 0');
  const months = numberOption(parsed, 'months', { min: 0 }, 'a number of months ≥ 0');
  const monthlyDiscount = numberOption(parsed, 'monthly-discount', { above: -1 }, 'a rate above −1, e.g. 0.01');
  const margin = numberOption(parsed, 'margin', { min: 0, max: 1 }, 'a fraction from 0 to 1');
  return {
    method: 'probabilistic',
    model,
    ...(months === undefined ? {} : { horizonMonths: months }),
    ...(horizon === undefined ? {} : { purchaseHorizon: horizon }),
    ...(monthlyDiscount === undefined ? {} : { monthlyDiscount }),
    ...(margin === undefined ? {} : { margin }),
  };
}

/**
 * Runs `crm-analytics segment`: reads the CSV, segments with core, writes CSV or JSON (snake_case columns of
 * OUTPUT_COLUMNS) and reports skipped rows and warnings on stderr. Returns the exit code.
 *
 * @throws AnalyticsError for unusable input; the caller prints the message and exits non-zero.
 */
export async function runSegmentCommand(parsed: ParsedArguments, io: CommandIo): Promise<number> {
  if (parsed.options.has('help')) {
    io.stdout(`${SEGMENT_USAGE}\n`);
    return 0;
  }
  if (parsed.options.has('summary')) return runSegmentSummary(parsed, io);
  const file = fileArgument(parsed, 'segment', KNOWN_OPTIONS);
  const unit = choiceOption(parsed, 'unit', ['days', 'weeks', 'months'], 'days');
  const binsText = textOption(parsed, 'bins') ?? '5';
  const bins = Number(binsText);
  if (!/^\d+$/.test(binsText) || bins < 2 || bins > 10) {
    throw new AnalyticsError('OUT_OF_RANGE', `--bins must be a whole number from 2 to 10, got ${binsText}.`, {
      argument: 'bins',
    });
  }
  const format = choiceOption(parsed, 'format', ['csv', 'json'], 'csv');
  const asOf = textOption(parsed, 'as-of');
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new AnalyticsError('BAD_DATE', `--as-of must be a date yyyy-mm-dd, got ${asOf}.`, { argument: 'as-of' });
  }
  const columns: ColumnOptions = {};
  for (const role of ['customer', 'date', 'amount', 'order'] as const) {
    const name = textOption(parsed, role);
    if (name !== undefined) columns[role] = name;
  }
  const out = textOption(parsed, 'out');
  const clv = predictOptions(parsed);

  const csv = await readTransactionsCsv(file, columns);
  const options: SegmentOptions = { unit, bins, ...(clv === undefined ? {} : { clv }) };
  if (asOf !== undefined) options.asOf = asOf;
  const result = segmentCustomers(csv.input, options);
  const used = Object.entries(csv.mapping)
    .map(([role, index]) => `${role} = ${csv.headers[index] ?? index}`)
    .join(', ');
  io.stderr(`Read ${result.rowsRead} rows (${used}); ${result.customers.length} customers as of ${result.asOf}.\n`);
  if (result.skipped.total > 0) io.stderr(`${describeSkipped(result.skipped)}\n`);
  for (const warning of result.warnings) io.stderr(`Warning: ${warning}\n`);

  // CSV and JSON carry the same columns: the core's output table (probabilistic columns when predicted).
  const table = toOutputRows(result);
  let text: string;
  if (format === 'csv') {
    text = toCsv(table);
  } else {
    const [header = [], ...body] = table;
    const rows = body.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
    text = `${JSON.stringify(rows, null, 2)}\n`;
  }
  if (out === undefined) io.stdout(text);
  else writeFileSync(out, text, 'utf8');
  return 0;
}
