import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { detectDelimiter, readTransactionsCsv, resolveColumns } from '../../src/cli/readTransactionsCsv';

let directory: string;
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'crm-read-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

test('detectDelimiter(firstLine) ignores delimiters inside quotes', () => {
  expect(detectDelimiter('a,b,c')).toBe(',');
  expect(detectDelimiter('a;b;"c,d,e"')).toBe(';');
  expect(detectDelimiter('a\tb\tc')).toBe('\t');
  expect(detectDelimiter('single')).toBe(',');
});

test('resolveColumns(headers, names) prefers the named column and detects the rest', () => {
  expect(resolveColumns(['date', 'buyer', 'amount'], { customer: 'BUYER' })).toEqual({
    customer: 1,
    date: 0,
    amount: 2,
  });
});

describe('readTransactionsCsv(path, columns)', () => {
  test('keeps only the needed columns as text, quoted fields included; row numbers count the header as 1', async () => {
    const file = path.join(directory, 'quoted.csv');
    writeFileSync(file, 'customer,note,date,amount\n"a, inc.","x ""y""",2024-01-01,5\nb,,2024-01-02,"1,000.5"\n');
    const csv = await readTransactionsCsv(file);
    expect(csv.input.customer).toEqual(['a, inc.', 'b']);
    expect(csv.input.amount).toEqual(['5', '1,000.5']);
    expect(csv.input.firstRowNumber).toBe(2);
    expect(csv.records).toBe(2);
    expect(csv.mapping).toEqual({ customer: 0, date: 2, amount: 3 });
  });
  test('an empty file is EMPTY_INPUT', async () => {
    const file = path.join(directory, 'empty.csv');
    writeFileSync(file, '');
    await expect(readTransactionsCsv(file)).rejects.toMatchObject({ code: 'EMPTY_INPUT' });
  });
  test('a header-only file gives empty columns', async () => {
    const file = path.join(directory, 'header.csv');
    writeFileSync(file, 'customer,date,amount\n');
    const csv = await readTransactionsCsv(file);
    expect(csv.input.customer).toEqual([]);
  });
});
