import { readSummaryTable, segmentCustomers, segmentSummary } from '../../src/core';
import { toOutputRows } from '../../src/messages/outputTable';
import { readDataText } from '../data/dataFiles';
import { errorOf } from '../analyticsErrors';
import { englishWarnings } from '../messages/englishWarnings';

test('reads the columns of crm-analytics sql by name, numbers or numeric text, any column order', () => {
  const table = readSummaryTable(
    ['T', 'customer_id', 'x', 't_x', 'recency_days', 'frequency', 'monetary'],
    [
      [10, ' a ', 1, '4', 6, 2, '30.5'],
      ['12', 'b', 0, 0, 12, 1, 10],
    ],
  );
  expect(table.length).toBe(2);
  expect(table.collapsed).toBe(false);
  expect(Array.from(table.T)).toEqual([10, 12]);
  expect(table.customerId).toEqual(['a', 'b']);
  expect(Array.from(table.count)).toEqual([1, 1]);
  expect(table.periodNet).toBeNull();
});

test('a customers column makes it a collapsed table whose rows are weights', () => {
  const table = readSummaryTable(['x', 't_x', 'T', 'customers'], [[0, 0, 39, 1411]]);
  expect(table.collapsed).toBe(true);
  expect(table.count[0]).toBe(1411);
  expect(errorOf(() => segmentSummary(table)).message).toMatch(/collapsed table/);
});

test('errors name the row (as in the file, header = row 1) and the column', () => {
  expect(errorOf(() => readSummaryTable(['x', 't_x'], [[1, 2]])).code).toBe('MISSING_COLUMN');
  expect(
    errorOf(() =>
      readSummaryTable(
        ['x', 't_x', 'T'],
        [
          [1, 2, 3],
          [1.5, 2, 3],
        ],
      ),
    ).message,
  ).toBe('Row 3, column x: 1.5 is not a whole number ≥ 0.');
  expect(errorOf(() => readSummaryTable(['x', 't_x', 'T', 'customers'], [[1, 2, 3, 0]])).message).toMatch(
    /Row 2, column customers: 0 is not a whole number ≥ 1/,
  );
  expect(errorOf(() => readSummaryTable(['x', 't_x', 'T'], [])).code).toBe('EMPTY_INPUT');
});

test('segmentSummary scores by the COUNTIF rule and says the lifecycle pattern is not available', () => {
  const table = readSummaryTable(
    ['customer_id', 'x', 't_x', 'T', 'recency_days', 'frequency', 'monetary'],
    [
      ['a', 1, 3, 10, 7, 2, 40],
      ['b', 0, 0, 5, 5, 1, 10],
      ['c', 3, 9, 12, 3, 4, 90],
      ['d', 0, 0, 20, 20, 1, 10],
    ],
  );
  const result = segmentSummary(table, { bins: 4 });
  // F: values 2, 1, 4, 1 → L = 2, 0, 3, 0 → 1 + floor(4L/4) = 3, 1, 4, 1.
  expect(result.customers.map((customer) => customer.fScore)).toEqual([3, 1, 4, 1]);
  // R (lower is better): 7, 5, 3, 20 → L = customers with more days = 1, 2, 3, 0.
  expect(result.customers.map((customer) => customer.rScore)).toEqual([2, 3, 4, 1]);
  expect(result.customers.every((customer) => customer.lifecyclePatternKey === '')).toBe(true);
  expect(englishWarnings(result.warnings).join(' ')).toMatch(/no lifecycle stage/);
});

test('on the grid map with other than 5 levels a summary gets the segments of the transactions it came from', () => {
  // CDNOW sample: customer, date (yyyymmdd), units, dollars; the summary is the transactions' own output table.
  const lines = readDataText('CDNOW_sample.txt')
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/));
  const input = {
    customer: lines.map((line) => line[0] as string),
    date: lines.map((line) => line[2] as string),
    amount: lines.map((line) => Number(line[4])),
  };
  for (const bins of [3, 5, 7]) {
    const options = { bins, segmentMap: 'grid' as const };
    const fromTransactions = segmentCustomers(input, options);
    const [headers = [], ...rows] = toOutputRows(fromTransactions);
    const fromSummary = segmentSummary(readSummaryTable(headers, rows), options);
    const keys = (result: typeof fromTransactions): string[] => result.customers.map((c) => c.segmentKey);
    expect(keys(fromSummary)).toEqual(keys(fromTransactions));
    expect(new Set(keys(fromSummary)).size).toBeGreaterThan(3);
  }
});
