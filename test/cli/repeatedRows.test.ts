import fc from 'fast-check';
import { CsvRecordSplitter } from '../../src/cli/csvRecords';
import { withErrorTexts } from '../../src/cli/errorTexts';
import { readTransactionsCsv } from '../../src/cli/readTransactionsCsv';
import { readPurchaseGroups } from '../../src/cli/streamTransactionsCsv';
import { segmentCustomers, segmentPurchaseGroups } from '../../src/core';
import { scratchFolder } from './cliHarness';

const files = scratchFolder('crm-repeated-');
// Named, so a sample whose ids are all blank still finds its customer column.
const COLUMNS = { customer: 'CustomerID', date: 'InvoiceDate', order: 'InvoiceNo' };

/** The splitter's view of the one record of `line`, handed to `check` while it is valid. */
function withRecord(line: string, check: (record: CsvRecordSplitter) => void): void {
  const splitter = new CsvRecordSplitter(',', (record) => check(record as CsvRecordSplitter));
  splitter.push(`${line}\n`);
  splitter.end();
}

describe('the fast paths of the streaming reader read what the general path reads', () => {
  test('plainNumber equals Number() to the last bit for plain numbers, and is NaN for anything else', () => {
    const plain = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,9}$/), fc.option(fc.stringMatching(/^\d{1,8}$/)))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === null ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(plain, (text) => {
        withRecord(`x,${text}`, (record) => {
          const digits = text.replace(/[-.]/g, '').length;
          expect(Object.is(record.plainNumber(1, true), digits <= 15 ? Number(text) : Number.NaN)).toBe(true);
          expect(Object.is(record.plainNumber(1, false), text.includes('.') ? Number.NaN : Number(text))).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
    for (const text of ['', '-', '.5', '5.', '1;5', '1.2.3', '+1', ' 1', '1e3', '"1"', '1234567890123456', '#N/A']) {
      withRecord(`x,${text}`, (record) => expect(record.plainNumber(1, true)).toBeNaN());
    }
  });

  test('fieldIs compares an unquoted field in place; a quoted field is never "the same"', () => {
    withRecord('abc,"abc",,ab', (record) => {
      expect([record.fieldIs(0, 'abc'), record.fieldIs(0, 'ab'), record.fieldIs(1, 'abc')]).toEqual([
        true,
        false,
        false,
      ]);
      expect([record.fieldIsEmpty(2), record.fieldIsEmpty(3), record.fieldIsEmpty(9), record.fieldIs(9, '')]).toEqual([
        true,
        false,
        true,
        true,
      ]);
    });
  });

  test('invoices of several lines (repeated customer, date and order id) with blank customers, bad and error amounts, give the row path result', async () => {
    const line = fc.record({
      customer: fc.constantFrom('17850', '', ' 17850', '13047', '#N/A'),
      day: fc.constantFrom('2011-01-02 08:26:00', '2011-01-02 09:00:00', '2011-02-03 10:00:00'),
      quantity: fc.constantFrom('6', '-2', '0', '12', 'x', '1.5', '#REF!', '"3"'),
      price: fc.constantFrom('2.55', '0.1', '3', '-1.25', '', '1e2', '7.000'),
    });
    const invoice = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.array(line, { minLength: 1, maxLength: 4 }));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(invoice, { minLength: 1, maxLength: 12 }), async (invoices) => {
        // A first good row, so the columns are found from any sample.
        const rows = ['InvoiceNo,InvoiceDate,Quantity,UnitPrice,CustomerID', '536364,2011-01-01 08:00:00,1,1.00,12345'];
        invoices.forEach(([repeat, lines], number) => {
          // Each invoice's first line repeated `repeat` times: runs of rows with the same customer, date and order.
          for (const entry of lines) {
            for (let copy = 0; copy < repeat; copy++) {
              rows.push(`${536365 + number},${entry.day},${entry.quantity},${entry.price},${entry.customer}`);
            }
          }
        });
        const file = files.write(`repeated-${run++}.csv`, `${rows.join('\n')}\n`);
        const csv = await readTransactionsCsv(file, COLUMNS);
        const streamed = readPurchaseGroups(file, { columns: COLUMNS });
        if (streamed === null) throw new Error('the streaming path declined the file');
        let expected: unknown;
        try {
          expected = segmentCustomers(withErrorTexts(csv.input));
        } catch (error) {
          expect(() => segmentPurchaseGroups(streamed.groups)).toThrow((error as Error).message);
          return;
        }
        expect(segmentPurchaseGroups(streamed.groups)).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
