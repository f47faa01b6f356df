import { AnalyticsError } from '../core';

/** One record of a {@link CsvRecordSplitter}, valid only during the callback (the object is reused). */
export interface CsvRecord {
  /** Number of fields. */
  readonly length: number;
  /** Field i as text (quotes removed, doubled quotes undone); '' past the last field. */
  field(index: number): string;
}

const QUOTE = 34;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/**
 * Splits decoded CSV text, given in chunks of any size, into RFC 4180 records: quoted fields may hold the
 * delimiter, doubled quotes and line breaks; lines end with LF or CRLF; empty lines are skipped; a quote
 * inside an unquoted field is kept as text. Fields are not copied until asked for, and nothing is allocated
 * per record, so the cost is one pass over the characters plus the fields the caller reads.
 *
 * Why not a library: csv-parse (which the `fit` command still uses) builds an array of strings per record
 * and spends about twice the CPU on Online Retail; uDSV 0.7.3 is as fast as this but mis-splits a CRLF
 * that falls across two chunks and needs the whole header in its first chunk; Papa Parse is slower than
 * csv-parse; DuckDB's reader is a native binary that cannot decode GBK. The measurements are in the commit
 * that introduced this file.
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
    const delimiter = this.delimiter;
    let recordStart = 0;
    while (recordStart < size) {
      let fields = 0;
      let position = recordStart;
      let complete = false;
      for (;;) {
        if (fields === this.starts.length) this.grow();
        const fieldStart = position;
        let quoted = 0;
        if (text.charCodeAt(position) === QUOTE) {
          // A quoted field: up to the quote not followed by another quote.
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
          quoted = 1;
          const next = text.charCodeAt(position);
          if (position < size && next !== delimiter && next !== LINE_FEED && next !== CARRIAGE_RETURN) {
            throw new AnalyticsError(
              'BAD_ARGUMENT',
              `record ${this.records + 1} has text after the closing quote of field ${fields + 1}.`,
              { row: this.records + 1 },
            );
          }
        }
        // To the end of the field: the next delimiter or line break.
        let code = 0;
        while (position < size) {
          code = text.charCodeAt(position);
          if (code === delimiter || code === LINE_FEED) break;
          position += 1;
        }
        if (position >= size && !final) return recordStart;
        let fieldEnd = position;
        if (code === LINE_FEED || position >= size) {
          if (fieldEnd > fieldStart && text.charCodeAt(fieldEnd - 1) === CARRIAGE_RETURN) fieldEnd -= 1;
        }
        this.starts[fields] = fieldStart;
        this.ends[fields] = fieldEnd;
        this.quoted[fields] = quoted;
        fields += 1;
        if (position >= size || code === LINE_FEED) {
          complete = true;
          position += 1;
          break;
        }
        position += 1; // past the delimiter
        if (position >= size && !final) return recordStart;
        if (position >= size) {
          // A trailing delimiter at the very end: one more empty field.
          this.starts[fields] = position;
          this.ends[fields] = position;
          this.quoted[fields] = 0;
          fields += 1;
          complete = true;
          break;
        }
      }
      if (complete) {
        this.length = fields;
        // An empty line (one empty unquoted field) is not a record.
        if (!(fields === 1 && this.quoted[0] === 0 && this.ends[0] === this.starts[0])) {
          this.records += 1;
          this.onRecord(this);
        }
      }
      recordStart = position;
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
