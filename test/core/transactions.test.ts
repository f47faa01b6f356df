import { customerKey, parseAmount, parseTransactions } from '../../src/core';

describe('parseAmount(value)', () => {
  test.each([
    [12.5, 12.5],
    ['12.5', 12.5],
    [' -3 ', -3],
    ['1,234.50', 1234.5],
    ['¥12', 12],
    ['$1,000', 1000],
  ])('%p → %p', (value, expected) => {
    expect(parseAmount(value)).toBe(expected);
  });
  test.each(['', 'abc', '1,2', null, undefined, true, Number.NaN, Infinity])('%p is not an amount', (value) => {
    expect(parseAmount(value)).toBeNull();
  });
});

test('customerKey(value) trims text and turns numbers into their text', () => {
  expect(customerKey(1042)).toBe('1042');
  expect(customerKey(' 1042 ')).toBe('1042');
  expect(customerKey('  ')).toBeNull();
  expect(customerKey(null)).toBeNull();
});

describe('parseTransactions(input)', () => {
  test('a number id in one row and text in another are the same customer', () => {
    const parsed = parseTransactions({
      customer: [17850, ' 17850', '17850 '],
      date: [45356, 45357, 45358],
      amount: [1, 2, 3],
    });
    expect(parsed.customerIds).toEqual(['17850']);
    expect(Array.from(parsed.customer)).toEqual([0, 0, 0]);
  });
  test('large inputs (direct id table): numbers and their texts are one customer, other numbers still work', () => {
    const count = 5000;
    const customer = Array.from({ length: count }, (_, row) => (row % 2 === 0 ? row % 100 : ` ${row % 100} `));
    const parsed = parseTransactions({
      customer,
      date: new Array(count).fill(45356),
      amount: new Array(count).fill(1),
    });
    expect(parsed.customerIds).toHaveLength(100);
    for (let row = 0; row < count; row++)
      expect(parsed.customerIds[parsed.customer[row] as number]).toBe(String(row % 100));
    const fractional = parseTransactions({
      customer: [...customer.slice(0, count - 1), 2.5],
      date: new Array(count).fill(45356),
      amount: new Array(count).fill(1),
    });
    expect(fractional.customerIds).toContain('2.5');
    expect(fractional.customerIds).toHaveLength(101);
  });
  test('skips and counts unusable rows by reason with their row numbers', () => {
    const parsed = parseTransactions(
      {
        customer: ['a', '', 'b', 'c', null, 'd'],
        date: ['2024-01-01', '2024-01-01', 'soon', '2024-01-02', '2024-01-02', '2024-01-09'],
        amount: [1, 2, 3, 'n/a', 5, 6],
        firstRowNumber: 2,
      },
      19_730, // 2024-01-08: the row of 2024-01-09 is after it
    );
    expect(parsed.length).toBe(1);
    expect(parsed.skipped).toEqual({
      total: 5,
      reasons: {
        blankCustomer: { count: 2, firstRows: [3, 6] },
        badDate: { count: 1, firstRows: [4], firstValue: 'soon' },
        badAmount: { count: 1, firstRows: [5], firstValue: 'n/a' },
        afterAsOf: { count: 1, firstRows: [7] },
      },
    });
  });
  test('amount = quantity × unit price when there is no amount column', () => {
    const parsed = parseTransactions({
      customer: ['a', 'a'],
      date: [45356, 45356],
      quantity: [2, '3'],
      unitPrice: ['1.5', 'x'],
    });
    expect(Array.from(parsed.amount)).toEqual([3]);
    expect(parsed.skipped.reasons.badAmount?.count).toBe(1);
  });
  test('margin, else amount − cost, is the profit column', () => {
    expect(
      Array.from(parseTransactions({ customer: ['a'], date: [45356], amount: [10], margin: [4] }).profit ?? []),
    ).toEqual([4]);
    expect(
      Array.from(parseTransactions({ customer: ['a'], date: [45356], amount: [10], cost: [7] }).profit ?? []),
    ).toEqual([3]);
  });
  test('columns of different length are a SHAPE_MISMATCH; no amount is MISSING_COLUMN', () => {
    expect(() => parseTransactions({ customer: ['a', 'b'], date: [1], amount: [1, 2] })).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH' }),
    );
    expect(() => parseTransactions({ customer: ['a'], date: [1] })).toThrow(
      expect.objectContaining({ code: 'MISSING_COLUMN' }),
    );
  });
  test('the input is not mutated', () => {
    const input = Object.freeze({
      customer: Object.freeze([' a ', 'b']),
      date: Object.freeze(['2024-01-01', 45356]),
      amount: Object.freeze(['1', 2]),
    });
    const copy = JSON.parse(JSON.stringify(input)) as unknown;
    parseTransactions(input);
    expect(JSON.parse(JSON.stringify(input))).toEqual(copy);
  });
  test('1904 dates when the workbook uses that system', () => {
    const parsed = parseTransactions({ customer: ['a'], date: [0], amount: [1], dateSystem: '1904' });
    expect(parsed.day[0]).toBe(Date.UTC(1904, 0, 1) / 86_400_000);
  });
});
