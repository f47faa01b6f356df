import type { DateTextOptions, Transactions } from '../core';
import { dateTextOf } from './dateOrderOption';
import type { DecimalMark } from './decimalMark';
import { decimalOption } from './decimalMark';
import type { ParsedArguments } from './parseArguments';
import { textOption } from './parseArguments';
import type { ColumnOptions } from './readTransactionsCsv';
import type { StreamOptions } from './streamTransactionsCsv';
import { readPurchaseGroups } from './streamTransactionsCsv';
import type { Encoding } from './textEncoding';
import { encodingOption } from './textEncoding';

/** How every command reads a transaction file: its columns, date order, text encoding and decimal mark. */
/** The flags of every command that reads a transaction file: which columns, which dates, which bytes. */
export const TRANSACTION_FILE_OPTIONS = [
  'customer',
  'date',
  'amount',
  'order',
  'as-of',
  'date-order',
  'encoding',
  'decimal',
  'help',
] as const;

export interface FileReading {
  columns: ColumnOptions;
  dateText: DateTextOptions;
  encoding?: Encoding;
  decimal?: DecimalMark;
}

/**
 * The reading options of a command line: --customer/--date/--amount/--order, --date-order, --encoding and
 * --decimal, checked once for segment, fit and cohorts alike.
 * @throws AnalyticsError BAD_ARGUMENT for an unknown date order, encoding or decimal mark.
 */
export function fileReadingOf(parsed: ParsedArguments): FileReading {
  const columns: ColumnOptions = {};
  for (const role of ['customer', 'date', 'amount', 'order'] as const) {
    const name = textOption(parsed, role);
    if (name !== undefined) columns[role] = name;
  }
  const encodingText = textOption(parsed, 'encoding');
  const decimal = decimalOption(parsed);
  return {
    columns,
    dateText: dateTextOf(parsed),
    ...(encodingText === undefined ? {} : { encoding: encodingOption(encodingText) }),
    ...(decimal === undefined ? {} : { decimal }),
  };
}

/** The options of the streaming reader for a file reading, with an optional as-of day. */
export function streamOptionsOf(reading: FileReading, asOf?: number): StreamOptions {
  return { ...reading, ...(asOf === undefined ? {} : { asOf }) };
}

/**
 * A transaction file as core's Transactions, through the streaming reader (encodings, decimal marks, error
 * cells, date order; memory by purchases; margin and cost summed per purchase). It gives core the same
 * purchases as reading the rows whole (test/cli/streamingPath.test.ts). Says on stderr when the file was not
 * UTF-8.
 */
export function readTransactionFile(
  file: string,
  reading: FileReading,
  io: { stderr: (text: string) => void },
): Transactions {
  const streamed = readPurchaseGroups(file, streamOptionsOf(reading));
  if (streamed.encoding !== 'utf-8') io.stderr(`Read ${file} as ${streamed.encoding.toUpperCase()} text.\n`);
  return streamed.groups.transactions;
}
