import { AnalyticsError } from '../core';

/** One record of a {@link CsvRecordSplitter}, valid only during the callback (the object is reused). */
export interface CsvRecord {
  /** Number of fields. */
  readonly length: number;
  /** Field i as text (quotes removed, doubled quotes undone); '' past the last field. */
  field(index: number): string;
}

const QUOTE = 34;
const CARRIAGE_RETURN = 13;
const MINUS = 45;
const POINT = 46;
const ZERO = 48;

/**
 * Splits decoded CSV text, given in chunks of any size, into RFC 4180 records: quoted fields may hold the
 * delimiter, doubled quotes and line breaks; lines end with LF or CRLF; empty lines are skipped; a quote
 * inside an unquoted field is kept as text. Fields are not copied until asked for, and nothing is allocated
 * per record, so the cost is one pass over the characters plus the fields the caller reads.
 *
 * Why not a library: csv-parse (which reads summary files, and the tests' reference row reader) builds an
 * array of strings per record and spends about twice the CPU on Online Retail; uDSV 0.7.3 is as fast as this
 * but mis-splits a CRLF that falls across two chunks and needs the whole header in its first chunk; Papa Parse
 * is slower than csv-parse; DuckDB's reader is a native binary that cannot decode GBK. The measurements are in
 * the commit that introduced this file.
 *
 * @example
 * const fields: string[] = [];
 * const splitter = new CsvRecordSplitter(',', (record) => fields.push(record.field(1)));
 * splitter.push('a,"b ""c"""\r\n1,');
 * splitter.push('2\n');
 * splitter.end(); // fields => ['b "c"', '2']
 */
export class CsvRecordSplitter implements CsvRecord {
  private readonly delimiter: number;
  private readonly delimiterText: string;
  private readonly onRecord: (record: CsvRecord) => void;
  private carry = '';
  private text = '';
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private quoted = new Uint8Array(64);
  length = 0;
  /** Records delivered so far (empty lines not counted). */
  records = 0;

  constructor(delimiter: string, onRecord: (record: CsvRecord) => void) {
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
    this.onRecord = onRecord;
  }

  field(index: number): string {
    if (index >= this.length) return '';
    const start = this.starts[index] as number;
    const end = this.ends[index] as number;
    if (this.quoted[index] === 0) return this.text.slice(start, end);
    const inner = this.text.slice(start + 1, end - 1);
    return inner.includes('"') ? inner.replace(/""/g, '"') : inner;
  }

  /**
   * True when field `index` is unquoted and reads exactly `text`: compares in place, with no string made, so a
   * caller can tell a field repeated from the previous record almost for free.
   */
  fieldIs(index: number, text: string): boolean {
    if (index >= this.length) return text === '';
    const start = this.starts[index] as number;
    return (
      this.quoted[index] === 0 &&
      (this.ends[index] as number) - start === text.length &&
      this.text.startsWith(text, start)
    );
  }

  /** True when field `index` is empty and unquoted. */
  fieldIsEmpty(index: number): boolean {
    return index >= this.length || (this.quoted[index] === 0 && this.ends[index] === this.starts[index]);
  }

  /**
   * Field `index` as a number when it is written `-?\d+` (or `-?\d+\.\d+` when `fraction`) with at most 15
   * digits, else NaN; read from the characters, no string made. Equal to Number() of the text to the last bit:
   * the digits form an exact integer below 2^53 and the power of ten is exact, so the one division rounds the
   * true value correctly, as Number() does.
   */
  plainNumber(index: number, fraction: boolean): number {
    if (index >= this.length || this.quoted[index] !== 0) return Number.NaN;
    const text = this.text;
    const end = this.ends[index] as number;
    let position = this.starts[index] as number;
    const negative = text.charCodeAt(position) === MINUS;
    if (negative) position += 1;
    const digitsStart = position;
    let whole = 0;
    let scale = 1;
    let point = -1;
    for (; position < end; position++) {
      const digit = text.charCodeAt(position) - ZERO;
      if (digit >= 0 && digit <= 9) {
        whole = whole * 10 + digit;
        if (point >= 0) scale *= 10;
      } else if (digit === POINT - ZERO && fraction && point < 0 && position > digitsStart) {
        point = position;
      } else {
        return Number.NaN;
      }
    }
    const digits = end - digitsStart - (point < 0 ? 0 : 1);
    if (digits === 0 || digits > 15 || point === end - 1) return Number.NaN;
    const value = point < 0 ? whole : whole / scale;
    return negative ? -value : value;
  }

  /** Adds the next chunk of text; every record completed by it is delivered. */
  push(chunk: string): void {
    const text = this.carry === '' ? chunk : this.carry + chunk;
    this.carry = text.slice(this.split(text, false));
  }

  /** Delivers the last record (a file need not end with a line break). */
  end(): void {
    const text = this.carry;
    this.carry = '';
    if (text !== '') this.split(text, true);
  }

  /** Delivers the complete records of `text`; returns where the incomplete rest starts. */
  private split(text: string, final: boolean): number {
    this.text = text;
    const size = text.length;
    const delimiter = this.delimiterText;
    let recordStart = 0;
    // Native indexOf finds the line ends and delimiters: much faster than a loop over every character.
    let lineEnd = text.indexOf('\n');
    while (recordStart < size) {
      if (lineEnd < recordStart && lineEnd !== -1) lineEnd = text.indexOf('\n', recordStart);
      if (lineEnd === -1 && !final) return recordStart;
      const end = lineEnd === -1 ? size : lineEnd;
      let fields = 0;
      let position = recordStart;
      let recordEnd = end;
      for (;;) {
        if (fields === this.starts.length) this.grow();
        const fieldStart = position;
        if (text.charCodeAt(position) === QUOTE) {
          // A quoted field: up to the quote not followed by another quote; it may hold line breaks.
          let search = position + 1;
          for (;;) {
            const close = text.indexOf('"', search);
            if (close < 0 || (close === size - 1 && !final)) {
              if (!final) return recordStart;
              throw new AnalyticsError(
                'BAD_ARGUMENT',
                `record ${this.records + 1} opens a quoted field that is never closed.`,
                { row: this.records + 1 },
              );
            }
            if (text.charCodeAt(close + 1) === QUOTE) {
              search = close + 2;
              continue;
            }
            position = close + 1;
            break;
          }
          if (position > recordEnd) {
            // The quotes held a line break: the record ends at the first line break after them.
            lineEnd = text.indexOf('\n', position);
            if (lineEnd === -1 && !final) return recordStart;
            recordEnd = lineEnd === -1 ? size : lineEnd;
          }
          const next = text.charCodeAt(position);
          const closesField =
            position >= size ||
            position === recordEnd ||
            next === this.delimiter ||
            (next === CARRIAGE_RETURN && position + 1 === recordEnd);
          if (!closesField) {
            throw new AnalyticsError(
              'BAD_ARGUMENT',
              `record ${this.records + 1} has text after the closing quote of field ${fields + 1}.`,
              { row: this.records + 1 },
            );
          }
          this.starts[fields] = fieldStart;
          this.ends[fields] = position;
          this.quoted[fields] = 1;
          fields += 1;
          if (next === this.delimiter && position < recordEnd) {
            position += 1;
            continue;
          }
          break;
        }
        const nextDelimiter = text.indexOf(delimiter, position);
        if (nextDelimiter !== -1 && nextDelimiter < recordEnd) {
          this.starts[fields] = fieldStart;
          this.ends[fields] = nextDelimiter;
          this.quoted[fields] = 0;
          fields += 1;
          position = nextDelimiter + 1;
          continue;
        }
        // The last field: to the line end, without the CR of a CRLF.
        let fieldEnd = recordEnd;
        if (fieldEnd > fieldStart && text.charCodeAt(fieldEnd - 1) === CARRIAGE_RETURN) fieldEnd -= 1;
        this.starts[fields] = fieldStart;
        this.ends[fields] = fieldEnd;
        this.quoted[fields] = 0;
        fields += 1;
        break;
      }
      this.length = fields;
      // An empty line (one empty unquoted field) is not a record.
      if (!(fields === 1 && this.quoted[0] === 0 && this.ends[0] === this.starts[0])) {
        this.records += 1;
        this.onRecord(this);
      }
      recordStart = recordEnd + 1;
    }
    return size;
  }

  private grow(): void {
    const size = this.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    const quoted = new Uint8Array(size);
    starts.set(this.starts);
    ends.set(this.ends);
    quoted.set(this.quoted);
    this.starts = starts;
    this.ends = ends;
    this.quoted = quoted;
  }
}
