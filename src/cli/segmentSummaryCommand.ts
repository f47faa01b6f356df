import { checkOutputPath, writeOutputFile } from './outputFile';
import type { SegmentOptions } from '../core';
import { AnalyticsError, dayToIso, OPTION_RULES, segmentSummary } from '../core';
import type { ParsedArguments } from './parseArguments';
import { choiceOption, numberFlag, textOption } from './parseArguments';
import { readSummaryCsv } from './readSummaryCsv';
import type { CommandIo } from './segmentCommand';
import { predictOptions } from './segmentCommand';
import { toCsv } from './toCsv';
import { reportWarnings } from './reportWarnings';
import { toOutputRows } from '../messages/outputTable';

const KNOWN = new Set([
  'summary',
  'unit',
  'bins',
  'predict',
  'model',
  'horizon',
  'months',
  'monthly-discount',
  'margin',
  'format',
  'out',
  'help',
]);

/**
 * Runs `crm-analytics segment --summary FILE`: segments a customer summary exported from a warehouse (the
 * columns of `crm-analytics sql`) and writes the same table as `segment` (the lifecycle pattern blank).
 * Returns the exit code.
 *
 * @throws AnalyticsError for bad options or an unusable summary.
 */
export function runSegmentSummary(parsed: ParsedArguments, io: CommandIo): number {
  for (const name of parsed.options.keys()) {
    if (!KNOWN.has(name)) {
      throw new AnalyticsError(
        'BAD_ARGUMENT',
        `--${name} does not apply to segment --summary: the summary already fixes columns and the as-of date.`,
        { argument: name },
      );
    }
  }
  if (parsed.positionals.length > 0) {
    throw new AnalyticsError('BAD_ARGUMENT', 'segment --summary FILE takes no transaction file as well.', {
      argument: 'file',
    });
  }
  const file = textOption(parsed, 'summary');
  if (file === undefined) {
    throw new AnalyticsError('BAD_ARGUMENT', '--summary needs a file.', { argument: 'summary' });
  }
  // Before any computing: --out must not overwrite the summary, and must be writable.
  const out = textOption(parsed, 'out');
  if (out !== undefined) checkOutputPath(out, file);
  const unit = choiceOption(parsed, 'unit', ['days', 'weeks', 'months'] as const, 'days');
  const bins = numberFlag(parsed, 'bins', 'bins') ?? OPTION_RULES.bins.default;
  const format = choiceOption(parsed, 'format', ['csv', 'json'], 'csv');
  const clv = predictOptions(parsed);
  const options: SegmentOptions = { unit, bins, ...(clv === undefined ? {} : { clv }) };
  const result = segmentSummary(readSummaryCsv(file), options);
  io.stderr(
    `Read ${result.rowsRead} summary rows; ${result.customers.length} customers${Number.isFinite(result.asOf) ? ` as of ${dayToIso(result.asOf)}` : ''}.\n`,
  );
  reportWarnings(io, result.warnings);
  const table = toOutputRows(result);
  let text: string;
  if (format === 'csv') {
    text = toCsv(table, { escapeFormulas: !parsed.options.has('no-escape-formulas') });
  } else {
    const [header = [], ...body] = table;
    text = `${JSON.stringify(
      body.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]]))),
      null,
      2,
    )}\n`;
  }
  if (out === undefined) io.stdout(text);
  else writeOutputFile(out, text);
  return 0;
}
