import { AnalyticsError, COHORT_MEASURES, cohortTable, dayToIso, requireDate, summarizeCustomers } from '../core';
import type { CohortTable } from '../core';
import { DATE_ORDER_USAGE } from './dateOrderOption';
import { EXIT_CODES } from './exitCodes';
import { checkOutputPath, writeOutputFile } from './outputFile';
import type { ParsedArguments } from './parseArguments';
import { fileReadingOf, readTransactionFile, TRANSACTION_FILE_OPTIONS } from './transactionFile';
import { choiceOption, fileArgument, textOption } from './parseArguments';
import type { CommandIo } from './segmentCommand';
import { toCsv } from './toCsv';
import { describeSkipped } from '../messages/coreMessages';
import { cohortRows } from '../messages/cohortRows';

export const COHORTS_USAGE = `Usage: crm-analytics cohorts <file.csv> [options]

Builds the cohort triangle of a transaction CSV: customers grouped by the calendar period of their first
purchase (rows), periods since acquisition (columns). The period containing the day before the as-of date is
partial unless that day is its last: the "Partial period" column names it, and JSON marks the cell.

Options:
  --customer COL     customer id column   (default: detected, as for segment)
  --date COL         transaction date     (default: detected)
  --amount COL       amount               (default: detected; or Quantity × UnitPrice)
  --order COL        order / invoice id   (default: detected)
  --as-of yyyy-mm-dd the date D the data run to (default: the day after the latest transaction)
  --period P         month | week | quarter (default month; weeks are ISO, Monday to Sunday)
  --measure M        the CSV's cell value: ${COHORT_MEASURES.join(' | ')} (default share)
  --format F         csv (one measure, the triangle) | json (every measure per cell) (default csv)
${DATE_ORDER_USAGE}
  --encoding E       utf-8 | utf-16le | utf-16be | gb18030 (gbk) | windows-1252 (default: detected)
  --decimal M        , or . — the file's decimal mark (default: detected from the values)
  --out FILE         write to FILE instead of standard output (never the input file; written whole or not at all)
  --no-escape-formulas  write fields that begin with = + - @ as they are (default: prefixed with ')
  --help             show this help

${EXIT_CODES}`;

/** Options that never take a value. */
export const COHORTS_FLAGS: ReadonlySet<string> = new Set(['help', 'no-escape-formulas']);

const KNOWN_OPTIONS = new Set<string>([
  ...TRANSACTION_FILE_OPTIONS,
  'period',
  'measure',
  'format',
  'out',
  'no-escape-formulas',
]);

function round(value: number): number {
  return Number(value.toPrecision(12));
}

/** The JSON form: every measure of every cell, with snake_case names as the CSV columns of segment. */
function cohortJson(table: CohortTable): object {
  return {
    period: table.period,
    asOf: dayToIso(table.asOf),
    partialPeriod: table.lastPeriodPartial ? table.partialLabel : null,
    customers: table.customers,
    cohorts: table.cohorts.map((row) => ({
      cohort: row.label,
      customers: row.size,
      cells: row.cells.map((cell) => ({
        age: cell.age,
        active: cell.active,
        share: round(cell.share),
        survivors: cell.alive,
        revenue: round(cell.revenue),
        revenue_per_customer: round(cell.revenuePerCustomer),
        cumulative_revenue_per_customer: round(cell.cumulativeRevenuePerCustomer),
        partial: cell.partial,
      })),
    })),
  };
}

/**
 * Runs `crm-analytics cohorts`: reads the CSV with the column handling of `segment`, builds core's cohort table
 * and writes the triangle of one measure as CSV, or every measure as JSON. Skipped rows go to stderr.
 *
 * @throws AnalyticsError for bad options or unusable data; `main` prints the message and exits non-zero.
 * @example
 * await runCohortsCommand(parseArguments(['orders.csv', '--period', 'quarter']), io); // prints the triangle, returns 0
 */
export async function runCohortsCommand(parsed: ParsedArguments, io: CommandIo): Promise<number> {
  if (parsed.options.has('help')) {
    io.stdout(`${COHORTS_USAGE}\n`);
    return 0;
  }
  const file = fileArgument(parsed, 'cohorts', KNOWN_OPTIONS);
  const period = choiceOption(parsed, 'period', ['month', 'week', 'quarter'], 'month');
  const measure = choiceOption(parsed, 'measure', COHORT_MEASURES, 'share');
  const format = choiceOption(parsed, 'format', ['csv', 'json'], 'csv');
  const asOfText = textOption(parsed, 'as-of');
  if (asOfText !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOfText)) {
    throw new AnalyticsError('BAD_DATE', `--as-of must be a date yyyy-mm-dd, got ${asOfText}.`, { argument: 'as-of' });
  }
  const reading = fileReadingOf(parsed);
  const out = textOption(parsed, 'out');
  // Before any computing: an --out that would overwrite the input or cannot be written stops now.
  if (out !== undefined) checkOutputPath(out, file);
  // The same reader as segment and fit.
  const transactions = readTransactionFile(file, reading, io);
  const summary = summarizeCustomers(
    transactions,
    asOfText === undefined ? {} : { asOf: requireDate(asOfText, 'as-of') },
  );
  const table = cohortTable(summary, { period });
  io.stderr(
    `Read ${transactions.rowsRead} rows; ${table.customers} customers in ${table.cohorts.length} cohorts by ${period}` +
      (table.lastPeriodPartial ? `; ${table.partialLabel} is partial (data to ${dayToIso(table.asOf - 1)}).\n` : '.\n'),
  );
  if (summary.skipped.total > 0) io.stderr(`${describeSkipped(summary.skipped, 'en')}\n`);
  const text =
    format === 'csv'
      ? toCsv(cohortRows(table, measure, 'en'), { escapeFormulas: !parsed.options.has('no-escape-formulas') })
      : `${JSON.stringify(cohortJson(table), null, 2)}\n`;
  if (out === undefined) io.stdout(text);
  else writeOutputFile(out, text);
  return 0;
}
