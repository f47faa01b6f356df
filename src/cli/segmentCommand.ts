import type { ClvOptions, SegmentOptions } from '../core';
import {
  AnalyticsError,
  dayToIso,
  describeNumberRule,
  OPTION_RULES,
  requireDate,
  segmentPurchaseGroups,
} from '../core';
import { DATE_ORDER_USAGE } from './dateOrderOption';
import { EXIT_CODES } from './exitCodes';
import { checkOutputPath, writeOutputFile } from './outputFile';
import type { ParsedArguments } from './parseArguments';
import { fileReadingOf, streamOptionsOf, TRANSACTION_FILE_OPTIONS } from './transactionFile';
import { choiceOption, fileArgument, numberFlag, textOption } from './parseArguments';
import { readPurchaseGroups } from './streamTransactionsCsv';
import { csvLine } from './toCsv';
import { describeSkipped } from '../messages/coreMessages';
import { reportWarnings } from './reportWarnings';
import { stageClock } from './stageClock';
import { eachOutputRow, toOutputRows } from '../messages/outputTable';

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
${DATE_ORDER_USAGE}
  --unit U           ${OPTION_RULES.unit.choices.join(' | ')}, the unit of x, t_x and T (default ${OPTION_RULES.unit.default})
  --bins N           RFM levels, ${describeNumberRule(OPTION_RULES.bins)} (default ${OPTION_RULES.bins.default}). Tied
                     customers share a score; with fewer distinct values than levels some scores are unused,
                     and when every customer has the same value they all get the top score N (as tied
                     customers share the higher value tier); a warning says so
  --predict          also fit BG/NBD + Gamma–Gamma on the data up to the as-of date (inclusive) and add
                     p_alive, expected_purchases, expected_avg_value, predicted_clv; value tiers then use
                     predicted_clv. With --predict:
    --model M          ${OPTION_RULES.model.choices.join(' | ')}, the purchase model (default ${OPTION_RULES.model.default})
    --horizon N        expected_purchases over N units of --unit (default: the CLV horizon)
    --months M         predicted_clv over M months of 30.4375 days, ${describeNumberRule(OPTION_RULES.horizonMonths)} (default ${OPTION_RULES.horizonMonths.default})
    --monthly-discount D  discount rate per month, ${describeNumberRule(OPTION_RULES.monthlyDiscount)} (default ${OPTION_RULES.monthlyDiscount.default})
    --margin F         profit margin applied to spend, ${describeNumberRule(OPTION_RULES.margin)} (default ${OPTION_RULES.margin.default})
  --summary FILE     segment a customer summary exported from a warehouse (the columns of crm-analytics sql)
                     instead of a transaction file; --unit is the summary's unit
  --format F         csv | json (default csv)
  --out FILE         write to FILE instead of standard output (never the input file; written to a
                     temporary file first, so a failure leaves no half file)
  --no-escape-formulas  write ids beginning with = + - @ tab or CR as they are; by default they get a
                     leading ' so Excel shows them as text instead of running them (CSV only)
  --encoding E       utf-8 | utf-16le | utf-16be | gb18030 (gbk) | windows-1252 (default: detected)
  --decimal M        , or . — the decimal mark of the file's numbers (default: detected from the values;
                     semicolon files without evidence use a comma)
  --help             show this help

Comma, semicolon and tab delimiters are recognised; UTF-8 with or without BOM and UTF-16 by their marks;
other files as GB18030/GBK (Excel's CSV on Chinese Windows) or Windows-1252 from their bytes. Skipped
rows are reported on standard error.

${EXIT_CODES}`;

/** Options that never take a value. */
export const SEGMENT_FLAGS: ReadonlySet<string> = new Set(['help', 'predict', 'no-escape-formulas']);

const PREDICT_OPTIONS = ['model', 'horizon', 'months', 'monthly-discount', 'margin'] as const;

const KNOWN_OPTIONS = new Set<string>([
  ...TRANSACTION_FILE_OPTIONS,
  'predict',
  ...PREDICT_OPTIONS,
  'unit',
  'bins',
  'format',
  'out',
  'no-escape-formulas',
]);

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
  const model = choiceOption(parsed, 'model', OPTION_RULES.model.choices, OPTION_RULES.model.default);
  const horizon = numberFlag(parsed, 'horizon', 'purchaseHorizon');
  const months = numberFlag(parsed, 'months', 'horizonMonths');
  const monthlyDiscount = numberFlag(parsed, 'monthly-discount', 'monthlyDiscount');
  const margin = numberFlag(parsed, 'margin', 'margin');
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
  const file = fileArgument(parsed, 'segment', KNOWN_OPTIONS);
  const unit = choiceOption(parsed, 'unit', OPTION_RULES.unit.choices, OPTION_RULES.unit.default);
  const bins = numberFlag(parsed, 'bins', 'bins') ?? OPTION_RULES.bins.default;
  const format = choiceOption(parsed, 'format', ['csv', 'json'], 'csv');
  const asOf = textOption(parsed, 'as-of');
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    throw new AnalyticsError('BAD_DATE', `--as-of must be a date yyyy-mm-dd, got ${asOf}.`, { argument: 'as-of' });
  }
  const reading = fileReadingOf(parsed);
  const out = textOption(parsed, 'out');
  const clv = predictOptions(parsed);
  const escapeFormulas = !parsed.options.has('no-escape-formulas');
  // Before any computing: an --out that would overwrite the input or cannot be written stops now.
  if (out !== undefined) checkOutputPath(out, file);

  const clock = stageClock(io.stderr);
  const options: SegmentOptions = { unit, bins, ...(clv === undefined ? {} : { clv }) };
  if (asOf !== undefined) options.asOf = asOf;
  const streamed = readPurchaseGroups(
    file,
    streamOptionsOf(reading, asOf === undefined ? undefined : Math.floor(requireDate(asOf, '--as-of'))),
  );
  clock.lap('read');
  // Core names each phase as it begins: a lap is timed up to the next one.
  let phase = 'core';
  const result = segmentPurchaseGroups(streamed.groups, options, (next) => {
    clock.lap(phase);
    phase = `core: ${next}`;
  });
  clock.lap(phase);
  if (streamed.encoding !== 'utf-8') io.stderr(`Read ${file} as ${streamed.encoding.toUpperCase()} text.\n`);
  const used = Object.entries(streamed.mapping)
    .map(([role, index]) => `${role} = ${streamed.headers[index] ?? index}`)
    .join(', ');
  io.stderr(
    `Read ${result.rowsRead} rows (${used}); ${result.customers.length} customers as of ${dayToIso(result.asOf)}.\n`,
  );
  if (result.skipped.total > 0) io.stderr(`${describeSkipped(result.skipped, 'en')}\n`);
  reportWarnings(io, result.warnings);

  // CSV and JSON carry the same columns: the core's output table (probabilistic columns when predicted).
  const language = result.options.language;
  let text: string;
  if (format === 'csv') {
    // Each row becomes its line at once: no table of values is kept for Online Retail's 4,339 rows × 27 cells.
    const lines: string[] = [];
    eachOutputRow(result, language, (row) => lines.push(csvLine(row, escapeFormulas)));
    text = `${lines.join('\n')}\n`;
  } else {
    const [header = [], ...body] = toOutputRows(result, language);
    const rows = body.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
    text = `${JSON.stringify(rows, null, 2)}\n`;
  }
  clock.lap('format');
  if (out === undefined) io.stdout(text);
  else writeOutputFile(out, text);
  clock.lap('write');
  clock.end();
  return 0;
}
