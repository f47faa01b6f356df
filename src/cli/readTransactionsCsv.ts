import { closeSync, createReadStream, readSync } from 'node:fs';
import { parse } from 'csv-parse';
import type { ColumnMapping, ColumnRole, TransactionInput } from '../core';
import { AnalyticsError, detectColumns } from '../core';
import { FILE_CONTENTS } from './exitCodes';
import { openInput } from './openInput';

/** Column names given by the user (header text, matched case-insensitively); the rest are auto-detected. */
export type ColumnOptions = Partial<Record<ColumnRole, string>>;

/** A CSV file read into core's columnar input, with what was detected on the way. */
export interface CsvTransactions {
  input: TransactionInput;
  headers: string[];
  mapping: ColumnMapping;
  delimiter: string;
  /** Data records read (the header excluded). */
  records: number;
}

const DELIMITERS = [',', ';', '\t'] as const;
const DECIMAL_COMMA = /^\s*-?(\d{1,3}(\.\d{3})+|\d+),\d+\s*$/;

/**
 * Guesses the delimiter from the first line: the most frequent of comma, semicolon and tab outside quotes
 * (comma when none appears).
 */
export function detectDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of firstLine) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) as number) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [delimiter, count] of counts) {
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

function readFirstLine(path: string): string {
  const buffer = Buffer.alloc(65_536);
  const descriptor = openInput(path);
  try {
    const length = readSync(descriptor, buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, length)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const end = text.search(/\r?\n/);
    return end < 0 ? text : text.slice(0, end);
  } finally {
    closeSync(descriptor);
  }
}

function normalise(header: string): string {
  return header.trim().toLowerCase();
}

/**
 * Resolves the column of every role: the user's names first (an unknown name is an error that lists the
 * headers), then {@link detectColumns} for the rest.
 *
 * @throws AnalyticsError MISSING_COLUMN for a named column that does not exist, or when no customer, date or
 *   amount (nor quantity × unit price) column can be found.
 */
export function resolveColumns(
  headers: readonly string[],
  columns: ColumnOptions,
  sampleRows: readonly (readonly string[])[] = [],
): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const [role, name] of Object.entries(columns) as [ColumnRole, string | undefined][]) {
    if (name === undefined) continue;
    const index = headers.findIndex((header) => normalise(header) === normalise(name));
    if (index < 0) {
      throw new AnalyticsError(
        'MISSING_COLUMN',
        `No column named "${name}" (for --${role === 'unitPrice' ? 'unit-price' : role}). The columns are: ${headers.join(', ')}.`,
        { column: name },
      );
    }
    mapping[role] = index;
    taken.add(index);
  }
  const detected = detectColumns(headers, sampleRows);
  for (const [role, index] of Object.entries(detected) as [ColumnRole, number][]) {
    if (mapping[role] === undefined && !taken.has(index)) {
      mapping[role] = index;
      taken.add(index);
    }
  }
  const missing: string[] = [];
  if (mapping.customer === undefined) missing.push('customer (--customer)');
  if (mapping.date === undefined) missing.push('date (--date)');
  if (mapping.amount === undefined && (mapping.quantity === undefined || mapping.unitPrice === undefined)) {
    missing.push('amount (--amount), or quantity and unit price');
  }
  if (missing.length > 0) {
    throw new AnalyticsError(
      'MISSING_COLUMN',
      `Could not find the ${missing.join(', ')} column. The columns are: ${headers.join(', ')}. Name them with the options in brackets.`,
      { column: missing[0] },
    );
  }
  return mapping;
}

/**
 * The reference row reader: every command reads transaction files with the streaming reader
 * (streamTransactionsCsv.ts); the tests and the benchmark read the same files with this one, built on a
 * different CSV parser and keeping every row, and check both give core the same purchases.
 *
 * Streams a transaction CSV into core's columnar input: UTF-8 with or without BOM, comma, semicolon or tab
 * (detected from the header line), quoted fields by csv-parse. Only the needed columns are kept, as text;
 * core converts them. Row numbers in skip reports are record numbers with the header as row 1.
 *
 * Cost O(file size) time, O(rows × needed columns) memory.
 * @throws AnalyticsError NOT_FOUND when the file cannot be opened, EMPTY_INPUT without a header,
 *   MISSING_COLUMN (see {@link resolveColumns}), BAD_ARGUMENT for malformed CSV (with the line).
 * @example
 * const { input } = await readTransactionsCsv('orders.csv', { customer: 'Client' });
 * segmentCustomers(input);
 */
export async function readTransactionsCsv(path: string, columns: ColumnOptions = {}): Promise<CsvTransactions> {
  const delimiter = detectDelimiter(readFirstLine(path));
  const parser = createReadStream(path).pipe(
    parse({ delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }),
  );
  let headers: string[] | null = null;
  let mapping: ColumnMapping | null = null;
  const roles: ColumnRole[] = [];
  const values: string[][] = [];
  const pending: string[][] = [];
  let records = 0;
  const SAMPLE = 20;

  const keep = (record: readonly string[]): void => {
    for (let role = 0; role < roles.length; role++) {
      const column = mapping?.[roles[role] as ColumnRole] as number;
      (values[role] as string[]).push(record[column] ?? '');
    }
  };
  const settle = (): void => {
    if (headers === null || mapping !== null) return;
    mapping = resolveColumns(headers, columns, pending);
    for (const role of Object.keys(mapping) as ColumnRole[]) {
      roles.push(role);
      values.push([]);
    }
    for (const record of pending) keep(record);
    pending.length = 0;
  };
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (headers === null) {
        headers = record.map((header) => header.trim());
        continue;
      }
      records += 1;
      if (mapping === null) {
        pending.push(record);
        if (pending.length >= SAMPLE) settle();
      } else {
        keep(record);
      }
    }
  } catch (error) {
    if (error instanceof AnalyticsError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AnalyticsError('BAD_ARGUMENT', `${path} is not a readable CSV file: ${reason}`, {
      argument: FILE_CONTENTS,
    });
  }
  if (headers === null) throw new AnalyticsError('EMPTY_INPUT', `${path} is empty: it has no header line.`);
  settle();
  const finalMapping = mapping as ColumnMapping | null;
  if (finalMapping === null) throw new AnalyticsError('EMPTY_INPUT', `${path} has no header line.`);
  const byRole = new Map<ColumnRole, string[]>();
  roles.forEach((role, index) => byRole.set(role, values[index] as string[]));
  const input: TransactionInput = {
    customer: byRole.get('customer') ?? [],
    date: byRole.get('date') ?? [],
    firstRowNumber: 2,
  };
  for (const role of ['amount', 'order', 'quantity', 'unitPrice', 'margin', 'cost'] as const) {
    const column = byRole.get(role);
    if (column !== undefined) input[role] = column;
  }
  // Semicolon files come from locales with a decimal comma: "3,5" is 3.5 there ("1.234,5" is 1234.5).
  if (delimiter === ';') {
    for (const role of ['amount', 'quantity', 'unitPrice', 'margin', 'cost'] as const) {
      const column = input[role] as string[] | undefined;
      if (column !== undefined) {
        for (let index = 0; index < column.length; index++) {
          const text = column[index] as string;
          if (DECIMAL_COMMA.test(text)) column[index] = text.trim().replace(/\./g, '').replace(',', '.');
        }
      }
    }
  }
  // With an amount column, quantity × unit price is not used; drop them so core reads the amount.
  if (input.amount !== undefined) {
    delete input.quantity;
    delete input.unitPrice;
  }
  return { input, headers, mapping: finalMapping, delimiter, records };
}
