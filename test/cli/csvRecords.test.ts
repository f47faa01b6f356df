import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvRecordSplitter } from '../../src/cli/csvRecords';

/** Every record of `text` split by the splitter, the text given in the chunks `cuts` makes. */
function split(text: string, cuts: number[] = [], delimiter = ','): string[][] {
  const records: string[][] = [];
  const splitter = new CsvRecordSplitter(delimiter, (record) => {
    const fields: string[] = [];
    for (let index = 0; index < record.length; index++) fields.push(record.field(index));
    records.push(fields);
  });
  let start = 0;
  for (const cut of [...cuts].sort((left, right) => left - right)) {
    splitter.push(text.slice(start, cut));
    start = cut;
  }
  splitter.push(text.slice(start));
  splitter.end();
  return records;
}

// Fields as spreadsheet exports write them: plain, or quoted with delimiters, doubled quotes and line breaks.
const plainField = fc.stringMatching(/^[a-z0-9 .\-é张]{0,6}$/);
const quotedText = fc.stringMatching(/^[a-z,;"\r\n张]{0,6}$/);
const csvText = fc
  .tuple(
    fc.array(fc.array(fc.oneof(plainField, quotedText), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 6,
    }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([records, lineEnd]) => ({
    records,
    text:
      records
        .map((fields) =>
          fields
            .map((field) => (/[",\r\n]/.test(field) || field === '' ? `"${field.replace(/"/g, '""')}"` : field))
            .join(','),
        )
        .join(lineEnd) + lineEnd,
  }));

describe('CsvRecordSplitter: RFC 4180 records from text in chunks of any size', () => {
  test('splits what a spreadsheet writes exactly as csv-parse does, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(), { maxLength: 5 }), ({ text, records }, cuts) => {
        const expected = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
        expect(expected).toEqual(records);
        expect(
          split(
            text,
            cuts.map((cut) => cut % (text.length + 1)),
          ),
        ).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  test('a CRLF cut between its CR and LF, a quote cut before its double, and no final line break', () => {
    const text = 'a,"x""y"\r\nb,"2\r\n3"\r\nc,4';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(split(text, [cut])).toEqual([
        ['a', 'x"y'],
        ['b', '2\r\n3'],
        ['c', '4'],
      ]);
    }
  });

  test('empty lines are skipped, a quote inside an unquoted field is text (12" pizza), a trailing delimiter is an empty field', () => {
    expect(split('a;b\n\n12" pizza;\r\n', [], ';')).toEqual([
      ['a', 'b'],
      ['12" pizza', ''],
    ]);
  });

  test('a quote never closed, or text after a closing quote, is an error naming the record', () => {
    expect(() => split('a,b\n"open,1\n')).toThrow(/record 2 opens a quoted field that is never closed/);
    expect(() => split('a,b\n"x"y,1\n')).toThrow(/record 2 has text after the closing quote of field 1/);
  });
});
