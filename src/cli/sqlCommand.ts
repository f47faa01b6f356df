import { writeOutputFile } from './outputFile';
import type { CustomerSummaryQuerySpec, LifecycleOptions, WarehouseColumns } from '../core';
import { AnalyticsError, customerSummarySql, describeNumberRule, DIALECT_NAMES, OPTION_RULES } from '../core';
import type { ParsedArguments } from './parseArguments';
import { choiceOption, textOption } from './parseArguments';
import type { CommandIo } from './segmentCommand';

export const SQL_USAGE = `Usage: crm-analytics sql --dialect D --customer COL --date COL --amount COL [options]

Prints one SQL query that turns a transaction table in a warehouse into the customer summary of
'crm-analytics segment' (same definitions, same numbers): first and last purchase, recency and tenure in
days, purchase occasions, monetary totals and averages, returns, x / t_x / T, lifecycle period sums and
stage, RFM scores, segment key and value tier. Run it in the warehouse; see docs/warehouse.md.

Options:
  --dialect D        ${DIALECT_NAMES.join(' | ')}   (required)
  --table NAME       the transaction table, e.g. sales.transactions (default transactions)
  --customer COL     customer id column (required)
  --date COL         purchase date or timestamp column (required)
  --amount COL       line amount; or both of:
  --quantity COL     quantity, and
  --unit-price COL   unit price (amount = quantity × unit price)
  --order COL        order / invoice id; lines are grouped by (order id, calendar day)
  --as-of yyyy-mm-dd analysis date (default: the day after the latest transaction)
  --unit U           days | weeks | months, the unit of t_x and T (default days)
  --bins N           RFM levels, ${describeNumberRule(OPTION_RULES.bins)} (default ${OPTION_RULES.bins.default})
  --period-days P    lifecycle period in days (default 90)
  --churn-days C     lifecycle churn window in days (default 365)
  --decline F        lifecycle decline threshold (default 0.3)
  --growth F         lifecycle growth threshold (default 0.2)
  --min-occasions N  purchase occasions before a customer leaves exploration (default 3)
  --collapsed        emit (x, t_x, T, customers) instead: the input of 'crm-analytics fit --summary'
  --out FILE         write to FILE instead of standard output
  --help             show this help`;

/** Options of `sql` that never take a value. */
export const SQL_FLAGS: ReadonlySet<string> = new Set(['help', 'collapsed']);

const KNOWN = new Set([
  'dialect',
  'table',
  'customer',
  'date',
  'amount',
  'quantity',
  'unit-price',
  'order',
  'as-of',
  'unit',
  'bins',
  'period-days',
  'churn-days',
  'decline',
  'growth',
  'min-occasions',
  'collapsed',
  'out',
  'help',
]);

function numberOf(parsed: ParsedArguments, name: string, integer: boolean): number | undefined {
  const text = textOption(parsed, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      `--${name} must be ${integer ? 'a whole number' : 'a number'} ≥ 0, got ${text}.`,
      { argument: name },
    );
  }
  return value;
}

/**
 * Runs `crm-analytics sql`: checks the options and prints the customer-summary query of the chosen dialect
 * (or writes it to --out). Returns the exit code.
 *
 * @throws AnalyticsError BAD_ARGUMENT / MISSING_COLUMN / OUT_OF_RANGE / BAD_DATE naming the option.
 */
export function runSqlCommand(parsed: ParsedArguments, io: CommandIo): number {
  if (parsed.options.has('help')) {
    io.stdout(`${SQL_USAGE}\n`);
    return 0;
  }
  for (const name of parsed.options.keys()) {
    if (!KNOWN.has(name)) {
      throw new AnalyticsError('BAD_ARGUMENT', `Unknown option --${name}. Run crm-analytics sql --help.`, {
        argument: name,
      });
    }
  }
  if (parsed.positionals.length > 0) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `sql takes no file (${parsed.positionals.join(' ')}): name the table with --table.`,
      { argument: 'table' },
    );
  }
  if (!parsed.options.has('dialect')) {
    throw new AnalyticsError('BAD_ARGUMENT', `Give --dialect: ${DIALECT_NAMES.join(', ')}.`, { argument: 'dialect' });
  }
  const dialect = choiceOption(parsed, 'dialect', DIALECT_NAMES, 'duckdb');
  const columns: Partial<WarehouseColumns> = {};
  const roles: [keyof WarehouseColumns, string][] = [
    ['customer', 'customer'],
    ['date', 'date'],
    ['amount', 'amount'],
    ['quantity', 'quantity'],
    ['unitPrice', 'unit-price'],
    ['order', 'order'],
  ];
  for (const [role, option] of roles) {
    const name = textOption(parsed, option);
    if (name !== undefined) columns[role] = name;
  }
  for (const [role, option] of [
    ['customer', 'customer'],
    ['date', 'date'],
  ] as const) {
    if (columns[role] === undefined) {
      throw new AnalyticsError('MISSING_COLUMN', `Give the ${role} column of the table with --${option} COL.`, {
        column: role,
      });
    }
  }
  if (columns.amount === undefined && (columns.quantity === undefined || columns.unitPrice === undefined)) {
    throw new AnalyticsError('MISSING_COLUMN', 'Give --amount COL, or --quantity COL and --unit-price COL.', {
      column: 'amount',
    });
  }
  const lifecycle: LifecycleOptions = {};
  const periodDays = numberOf(parsed, 'period-days', true);
  if (periodDays !== undefined) lifecycle.periodDays = periodDays;
  const churnDays = numberOf(parsed, 'churn-days', false);
  if (churnDays !== undefined) lifecycle.churnDays = churnDays;
  const decline = numberOf(parsed, 'decline', false);
  if (decline !== undefined) lifecycle.declineThreshold = decline;
  const growth = numberOf(parsed, 'growth', false);
  if (growth !== undefined) lifecycle.growthThreshold = growth;
  const minOccasions = numberOf(parsed, 'min-occasions', true);
  if (minOccasions !== undefined) lifecycle.minOccasions = minOccasions;
  const bins = numberOf(parsed, 'bins', true);
  const asOf = textOption(parsed, 'as-of');
  if (parsed.options.has('collapsed') && parsed.options.get('collapsed') !== true) {
    throw new AnalyticsError('BAD_ARGUMENT', '--collapsed takes no value.', { argument: 'collapsed' });
  }
  const spec: CustomerSummaryQuerySpec = {
    table: textOption(parsed, 'table') ?? 'transactions',
    columns: columns as WarehouseColumns,
    unit: choiceOption(parsed, 'unit', ['days', 'weeks', 'months'] as const, 'days'),
    lifecycle,
    output: parsed.options.has('collapsed') ? 'collapsed' : 'customers',
    ...(bins === undefined ? {} : { bins }),
    ...(asOf === undefined ? {} : { asOf }),
  };
  const sql = customerSummarySql(spec, dialect);
  const out = textOption(parsed, 'out');
  if (out === undefined) io.stdout(sql);
  else writeOutputFile(out, sql);
  return 0;
}
