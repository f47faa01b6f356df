import { isAscii, isUtf8 } from 'node:buffer';
import { closeSync, readSync } from 'node:fs';
import type { ColumnMapping, DateTextOptions, PurchaseGroups } from '../core';
import { AnalyticsError, PurchaseGroupBuilder, rowProfit } from '../core';
import type { CsvRecord } from './csvRecords';
import { CsvRecordSplitter } from './csvRecords';
import type { DecimalMark } from './decimalMark';
import { decimalEvidence, toDecimalPoint } from './decimalMark';
import { PROBE_ROWS, requireDateOrderOf } from './dateOrderOption';
import { errorCellOf } from './errorTexts';
import { FILE_CONTENTS } from './exitCodes';
import { openInput } from './openInput';
import type { ColumnOptions } from './readTransactionsCsv';
import { detectDelimiter, resolveColumns } from './readTransactionsCsv';
import type { Encoding, LegacyByteCounts } from './textEncoding';
import { countLegacyBytes, encodingFromStart, guessLegacyEncoding, undecodableMessage } from './textEncoding';

/** How to read the file; every field may be left out (detected). */
export interface StreamOptions {
  columns?: ColumnOptions;
  encoding?: Encoding;
  decimal?: DecimalMark;
  /** Whole day number of the as-of date: later rows are skipped as they are read. */
  asOf?: number;
  /** How date texts are read (--date-order; a CSV has no Excel serials). */
  dateText?: DateTextOptions;
}

/** A transaction file gathered into purchase groups, with what was detected on the way. */
export interface StreamedTransactions {
  groups: PurchaseGroups;
  headers: string[];
  mapping: ColumnMapping;
  delimiter: string;
  encoding: Encoding;
  decimal: DecimalMark;
  /** Data records read (the header excluded). */
  records: number;
}

const CHUNK_BYTES = 1 << 20;
const SAMPLE_RECORDS = 20;

/** Thrown inside the reader when the file must be read again with what was learnt (never escapes). */
class ReadAgain {
  constructor(
    readonly encoding: Encoding | undefined,
    readonly decimal: DecimalMark | undefined,
  ) {}
}

/** Calls `onChunk` with each chunk of the file's bytes (the buffer is reused between calls). */
function eachChunk(path: string, onChunk: (bytes: Buffer, first: boolean) => void): void {
  const descriptor = openInput(path);
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let first = true;
    let read: number;
    while ((read = readSync(descriptor, buffer, 0, CHUNK_BYTES, null)) > 0) {
      onChunk(buffer.subarray(0, read), first);
      first = false;
    }
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Calls `onText` with the file's text in chunks of whole lines. The encoding is `given`, or read from the first
 * bytes ({@link encodingFromStart}, else UTF-8, decoded strictly so invalid bytes throw). In every encoding but
 * UTF-16 a line feed byte is always a line feed, so chunks are cut after the last one and decoded on their own:
 * each chunk is then one flat string (text glued to a carried tail is a rope that V8 searches 3× slower).
 *
 * Cost O(file size); memory one 1 MB buffer (more only for a longer line).
 * @example
 * eachLineChunk('orders.csv', undefined, () => undefined, (text) => splitter.push(text));
 */
export function eachLineChunk(
  path: string,
  given: Encoding | undefined,
  onEncoding: (encoding: Encoding) => void,
  onText: (text: string) => void,
): void {
  const descriptor = openInput(path);
  try {
    let buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    let filled = 0; // bytes read but not yet decoded
    let decoder: TextDecoder | null = null;
    let wholeLines = true;
    for (;;) {
      if (filled === buffer.length) {
        // A line longer than the buffer: read on into a bigger one.
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const read = readSync(descriptor, buffer, filled, buffer.length - filled, null);
      filled += read;
      if (decoder === null) {
        if (filled === 0) return; // an empty file
        const encoding = given ?? encodingFromStart(buffer.subarray(0, filled)) ?? 'utf-8';
        onEncoding(encoding);
        wholeLines = !encoding.startsWith('utf-16');
        // Chunks decoded on their own would each drop a leading U+FEFF: the BOM is removed here, once.
        decoder = new TextDecoder(encoding, {
          fatal: encoding === 'utf-8' && given === undefined,
          ignoreBOM: wholeLines,
        });
        if (encoding === 'utf-8' && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
          buffer.copy(buffer, 0, 3, filled);
          filled -= 3;
        }
      }
      if (read === 0) {
        if (!wholeLines) onText(decoder.decode(buffer.subarray(0, filled)));
        else if (filled > 0) emitLines(decoder, buffer.subarray(0, filled), onText);
        return;
      }
      if (!wholeLines) {
        onText(decoder.decode(buffer.subarray(0, filled), { stream: true }));
        filled = 0;
        continue;
      }
      const lastLineFeed = buffer.lastIndexOf(10, filled - 1);
      if (lastLineFeed < 0) continue;
      emitLines(decoder, buffer.subarray(0, lastLineFeed + 1), onText);
      buffer.copy(buffer, 0, lastLineFeed + 1, filled);
      filled -= lastLineFeed + 1;
    }
  } finally {
    closeSync(descriptor);
  }
}

const PIECE_BYTES = 1 << 16;

/**
 * Hands whole lines of bytes to `onText` as text, in pieces of about 64 KB. TextDecoder costs about 4 ns a byte
 * even for ASCII; Buffer's latin1 decoder a tenth of that. ASCII bytes mean the same in every encoding read
 * here but UTF-16, and valid UTF-8 decodes to one text whoever decodes it, so only pieces with other bytes go
 * to the TextDecoder (which throws for invalid UTF-8 when fatal, as before). Small pieces keep the rare
 * non-ASCII byte from sending a whole megabyte to the slow decoder, and stay out of V8's large-object space.
 */
function emitLines(decoder: TextDecoder, bytes: Buffer, onText: (text: string) => void): void {
  const utf8 = decoder.encoding === 'utf-8';
  for (let start = 0; start < bytes.length;) {
    let end = bytes.length;
    if (end - start > PIECE_BYTES) {
      const lineFeed = bytes.lastIndexOf(10, start + PIECE_BYTES - 1);
      if (lineFeed >= start) end = lineFeed + 1;
    }
    const piece = bytes.subarray(start, end);
    if (isAscii(piece)) onText(piece.toString('latin1'));
    else if (utf8 && isUtf8(piece)) onText(piece.toString('utf8'));
    else onText(decoder.decode(piece));
    start = end;
  }
}

/**
 * Streams a transaction CSV into purchase groups (DOMAIN §7.2) without keeping its rows: bytes are read in
 * 1 MB chunks, decoded (UTF-8 with or without BOM, UTF-16 by BOM or zero bytes; a file that is not valid
 * UTF-8 is read again as GB18030/GBK or Windows-1252 from how its bytes fall, or stops with a message),
 * split into RFC 4180 records (comma, semicolon or tab, detected from the header), and each row's customer,
 * date, amount (or quantity × unit price), order id, margin and cost handed to core's {@link PurchaseGroupBuilder}.
 * The decimal mark comes from `options.decimal` or from the values themselves (a file that mixes `3,5` and
 * `2.50` stops, naming both rows); without evidence, semicolon files use a decimal comma.
 *
 * With margin or cost columns each purchase group also sums its profit (compensated, as amounts are, so the
 * summary equals that of the rows).
 *
 * Cost O(file size) time; memory O(customers + purchase groups + distinct order ids and date texts).
 * @throws AnalyticsError NOT_FOUND (missing file, a folder), EMPTY_INPUT (no header), MISSING_COLUMN,
 *   BAD_ARGUMENT (malformed CSV, undecodable text, mixed decimal marks), BAD_NUMBER (a sum too large).
 * @example
 * const streamed = readPurchaseGroups('orders.csv', { columns: { customer: 'Client' } });
 * segmentPurchaseGroups(streamed.groups);
 */
export function readPurchaseGroups(path: string, options: StreamOptions = {}): StreamedTransactions {
  let encoding = options.encoding;
  let learntDecimal: DecimalMark | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      return readOnce(path, options, encoding, options.decimal, learntDecimal);
    } catch (error) {
      if (!(error instanceof ReadAgain) || attempt > 3) throw error;
      encoding = error.encoding ?? encoding;
      learntDecimal = error.decimal ?? learntDecimal;
    }
  }
}

function legacyEncodingOf(path: string): Encoding {
  const counts: LegacyByteCounts = { high: 0, inChinesePairs: 0, alone: 0 };
  eachChunk(path, (bytes) => countLegacyBytes(bytes, counts));
  const guess = guessLegacyEncoding(counts);
  if (guess === null || guess === 'utf-8') {
    throw new AnalyticsError('BAD_ARGUMENT', undecodableMessage(path, 'UTF-8'), { argument: FILE_CONTENTS });
  }
  return guess;
}

function readOnce(
  path: string,
  options: StreamOptions,
  givenEncoding: Encoding | undefined,
  givenDecimal: DecimalMark | undefined,
  learntDecimal: DecimalMark | undefined,
): StreamedTransactions {
  let encoding: Encoding = givenEncoding ?? 'utf-8';
  let splitter: CsvRecordSplitter | null = null;
  let delimiter = ',';
  let headers: string[] | null = null;
  let mapping: ColumnMapping | null = null;
  const pending: string[][] = [];
  const dateText = options.dateText ?? {};
  const asOf = { ...(options.asOf === undefined ? {} : { asOf: options.asOf }), dateText };
  let groupBuilder = new PurchaseGroupBuilder({ hasOrder: false, ...asOf });
  let customerColumn = -1;
  let dateColumn = -1;
  let amountColumn = -1;
  let quantityColumn = -1;
  let priceColumn = -1;
  let orderColumn = -1;
  let marginColumn = -1;
  let costColumn = -1;

  // The decimal mark: given, or fixed by the first value that shows it; until then ambiguous values are read
  // with the assumed one, and a file that proves the assumption wrong is read again.
  // (A mark learnt on a first reading starts as the assumption, so its evidence row is found again.)
  let mark: DecimalMark | null = givenDecimal ?? null;
  let assumed: DecimalMark = givenDecimal ?? learntDecimal ?? '.';
  let usedAssumption = false;
  let markRow = 0;
  let markText = '';
  const numberText = (text: string, row: number): string => {
    if (mark === '.' && text.indexOf(',') < 0) return text;
    const evidence = decimalEvidence(text);
    if (mark !== null) {
      if (evidence !== null && evidence !== mark) {
        const source = givenDecimal !== undefined ? `--decimal ${givenDecimal}` : `row ${markRow} ("${markText}")`;
        throw new AnalyticsError(
          'BAD_ARGUMENT',
          `${path} mixes decimal marks: row ${row} has "${text.trim()}" (decimal ${evidence === ',' ? 'comma' : 'point'}) ` +
            `but ${source} uses a decimal ${mark === ',' ? 'comma' : 'point'}. Make the column consistent, ` +
            `or say which is right with --decimal , or --decimal .`,
          { row },
        );
      }
      return toDecimalPoint(text, mark);
    }
    if (evidence === null) {
      if (text.indexOf('.') >= 0 || text.indexOf(',') >= 0) usedAssumption = true;
      return toDecimalPoint(text, assumed);
    }
    mark = evidence;
    markRow = row;
    markText = text.trim();
    if (evidence !== assumed && usedAssumption) throw new ReadAgain(encoding, evidence);
    return toDecimalPoint(text, evidence);
  };

  // A field that is exactly an Excel error value (#N/A, #REF! … as Excel saves an error cell) is an error cell,
  // counted apart, never an id, a date or an amount: the same rule as the row reader's withErrorTexts.
  const cell = (text: string): unknown => errorCellOf(text) ?? text;
  const amountCell = (text: string, row: number): unknown => errorCellOf(text) ?? numberText(text, row);
  // The customer, date and order id texts of the last row, kept while the builder used that row: a row that
  // repeats all three (the lines of one order) joins its group with no text made and no lookup.
  let lastCustomer = '';
  let lastDate = '';
  let lastOrder = '';
  const addRepeatedRow = (record: CsvRecordSplitter, row: number): boolean => {
    if (
      !record.fieldIs(customerColumn, lastCustomer) ||
      !record.fieldIs(dateColumn, lastDate) ||
      (orderColumn >= 0 && !record.fieldIs(orderColumn, lastOrder))
    ) {
      return false;
    }
    // Numbers written plainly only, read as numberText and parseAmount would read them: a fraction once the
    // decimal point is known (whole numbers say nothing about the mark).
    const fraction = mark === '.';
    let amount: number;
    if (amountColumn >= 0) {
      amount = record.plainNumber(amountColumn, fraction);
    } else {
      amount = record.plainNumber(quantityColumn, fraction) * record.plainNumber(priceColumn, fraction);
    }
    if (amount !== amount) return false;
    if (marginColumn < 0 && costColumn < 0) return groupBuilder.addToLastGroup(amount, row);
    // Profit by core's rule, from plain numbers only: a blank or otherwise written margin or cost (NaN here)
    // takes the full path, which reads it as parseAmount does.
    const margin = marginColumn >= 0 ? record.plainNumber(marginColumn, fraction) : undefined;
    const cost = costColumn >= 0 ? record.plainNumber(costColumn, fraction) : undefined;
    if (Number.isNaN(margin) || Number.isNaN(cost)) return false;
    return groupBuilder.addToLastGroup(amount, row, rowProfit(margin, cost, amount));
  };
  const addRecord = (record: CsvRecord, row: number): void => {
    if (record instanceof CsvRecordSplitter) {
      if (addRepeatedRow(record, row)) return;
      // A blank customer skips the row; its amounts, written plainly, would teach nothing about the decimal mark.
      if (record.fieldIsEmpty(customerColumn) && row - 1 > PROBE_ROWS && mark === '.' && plainAmounts(record)) {
        groupBuilder.addRow('', undefined, undefined, undefined, row);
        return;
      }
    }
    const orderField = orderColumn >= 0 ? record.field(orderColumn) : '';
    const customerField = record.field(customerColumn);
    const dateField = record.field(dateColumn);
    addCells(record, row, orderField, customerField, dateField);
    lastCustomer = customerField;
    lastDate = dateField;
    lastOrder = orderField;
  };
  const plainAmounts = (record: CsvRecordSplitter): boolean =>
    (amountColumn >= 0
      ? !Number.isNaN(record.plainNumber(amountColumn, true))
      : !Number.isNaN(record.plainNumber(quantityColumn, true) + record.plainNumber(priceColumn, true))) &&
    (marginColumn < 0 || !Number.isNaN(record.plainNumber(marginColumn, true))) &&
    (costColumn < 0 || !Number.isNaN(record.plainNumber(costColumn, true)));
  const addCells = (
    record: CsvRecord,
    row: number,
    orderField: string,
    customerField: string,
    dateField: string,
  ): void => {
    const order = orderColumn >= 0 ? cell(orderField) : undefined;
    const customer = cell(customerField);
    const date = cell(dateField);
    // File row `row` is data row row − 1: day-month texts without --date-order stop the run, as in the row reader.
    if (row - 1 <= PROBE_ROWS) requireDateOrderOf(date, row - 1, dateText);
    const margin = marginColumn >= 0 ? amountCell(record.field(marginColumn), row) : undefined;
    const cost = costColumn >= 0 ? amountCell(record.field(costColumn), row) : undefined;
    if (amountColumn >= 0) {
      groupBuilder.addRow(customer, date, amountCell(record.field(amountColumn), row), order, row, margin, cost);
    } else {
      const quantity = amountCell(record.field(quantityColumn), row);
      const price = amountCell(record.field(priceColumn), row);
      groupBuilder.addQuantityRow(customer, date, quantity, price, order, row, margin, cost);
    }
  };

  const settle = (): void => {
    if (headers === null || mapping !== null) return;
    mapping = resolveColumns(headers, options.columns ?? {}, pending);
    customerColumn = mapping.customer as number;
    dateColumn = mapping.date as number;
    amountColumn = mapping.amount ?? -1;
    quantityColumn = mapping.quantity ?? -1;
    priceColumn = mapping.unitPrice ?? -1;
    orderColumn = mapping.order ?? -1;
    marginColumn = mapping.margin ?? -1;
    costColumn = mapping.cost ?? -1;
    const hasProfit = marginColumn >= 0 || costColumn >= 0;
    if (orderColumn >= 0 || hasProfit) {
      groupBuilder = new PurchaseGroupBuilder({ hasOrder: orderColumn >= 0, hasProfit, ...asOf });
    }
    pending.forEach((values, index) =>
      addRecord({ length: values.length, field: (at) => values[at] ?? '' }, index + 2),
    );
    pending.length = 0;
  };

  const onRecord = (record: CsvRecord): void => {
    if (headers === null) {
      headers = [];
      for (let index = 0; index < record.length; index++) headers.push(record.field(index).trim());
      return;
    }
    const row = (splitter as CsvRecordSplitter).records;
    if (mapping === null) {
      const values: string[] = [];
      for (let index = 0; index < record.length; index++) values.push(record.field(index));
      pending.push(values);
      if (pending.length >= SAMPLE_RECORDS) settle();
      return;
    }
    addRecord(record, row);
  };

  const push = (text: string): void => {
    if (splitter === null) {
      if (text === '') return;
      const lineEnd = text.indexOf('\n');
      delimiter = detectDelimiter(lineEnd < 0 ? text : text.slice(0, lineEnd));
      if (givenDecimal === undefined && learntDecimal === undefined) assumed = delimiter === ';' ? ',' : '.';
      splitter = new CsvRecordSplitter(delimiter, onRecord);
    }
    splitter.push(text);
  };

  try {
    eachLineChunk(path, givenEncoding, (detected) => (encoding = detected), push);
    (splitter as CsvRecordSplitter | null)?.end();
  } catch (error) {
    // Node's code for bytes a fatal TextDecoder cannot decode (a code, not instanceof: realms differ in tests).
    const invalidText = (error as { code?: unknown } | null)?.code === 'ERR_ENCODING_INVALID_ENCODED_DATA';
    if (invalidText && encoding === 'utf-8' && givenEncoding === undefined) {
      // Not UTF-8: read again in the legacy encoding its bytes point to.
      throw new ReadAgain(legacyEncodingOf(path), undefined);
    }
    if (error instanceof AnalyticsError && error.code === 'BAD_ARGUMENT' && error.message.startsWith('record ')) {
      // The splitter's message, said of this file.
      throw new AnalyticsError('BAD_ARGUMENT', `${path} is not a readable CSV file: ${error.message}`, error.where);
    }
    throw error;
  }
  if (headers === null) throw new AnalyticsError('EMPTY_INPUT', `${path} is empty: it has no header line.`);
  settle();
  const finalMapping = mapping as ColumnMapping | null;
  if (finalMapping === null) throw new AnalyticsError('EMPTY_INPUT', `${path} has no header line.`);
  return {
    groups: groupBuilder.finish(),
    headers: headers as string[],
    mapping: finalMapping,
    delimiter,
    encoding,
    decimal: mark ?? assumed,
    records: Math.max(0, ((splitter as CsvRecordSplitter | null)?.records ?? 1) - 1),
  };
}
