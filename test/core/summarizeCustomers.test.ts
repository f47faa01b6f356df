import type { TransactionInput } from '../../src/core';
import { parseTransactions, summarizeCustomers } from '../../src/core';

const utcDay = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const summarize = (input: TransactionInput, options: { asOf?: number; unit?: 'days' | 'weeks' | 'months' } = {}) =>
  summarizeCustomers(parseTransactions(input), options);

describe('summarizeCustomers(transactions) by DOMAIN §7.2', () => {
  // Customer a: two lines on 01-01 (one occasion), one on 01-11, a return on 01-21, one on 01-31.
  const input: TransactionInput = {
    customer: ['a', 'a', 'a', 'a', 'a', 'b'],
    date: ['2024-01-01', '2024-01-01 15:00', '2024-01-11', '2024-01-21', '2024-01-31', '2024-01-31'],
    amount: [10, 5, 20, -8, 40, 7],
  };
  const summary = summarize(input);
  test('default as-of is the day after the latest transaction: a purchase on that day has recency 1', () => {
    expect(summary.asOf).toBe(utcDay('2024-02-01'));
    expect(Array.from(summary.recencyDays)).toEqual([1, 1]);
  });
  test('lines of one calendar day are one occasion; a negative day is a return, not an occasion', () => {
    expect(summary.frequency[0]).toBe(3);
    expect(summary.repeatPurchases[0]).toBe(2);
    expect(summary.returnsValue[0]).toBe(8);
  });
  test('first, last, tenure, t_x and T in days', () => {
    expect(summary.first[0]).toBe(utcDay('2024-01-01'));
    expect(summary.last[0]).toBe(utcDay('2024-01-31'));
    expect(summary.tenureDays[0]).toBe(31);
    expect(summary.recencyInUnit[0]).toBe(30);
    expect(summary.ageInUnit[0]).toBe(31);
  });
  test('monetary is net of returns; average over occasions; repeat average over repeat days', () => {
    expect(summary.monetary[0]).toBe(67);
    expect(summary.monetaryAvg[0]).toBeCloseTo(67 / 3, 12);
    expect(summary.monetaryRepeatAvg[0]).toBe((20 + 40) / 2);
    expect(summary.monetaryRepeatAvg[1]).toBe(0);
  });
  test('t_x and T in weeks and months (30.4375 days)', () => {
    const weeks = summarize(input, { unit: 'weeks' });
    expect(weeks.recencyInUnit[0]).toBeCloseTo(30 / 7, 12);
    const months = summarize(input, { unit: 'months' });
    expect(months.ageInUnit[0]).toBeCloseTo(31 / 30.4375, 12);
  });
  test('an explicit as-of ignores later transactions and reports them', () => {
    const early = summarize(input, { asOf: utcDay('2024-01-11') });
    expect(early.count).toBe(1);
    expect(early.frequency[0]).toBe(2);
    expect(early.recencyDays[0]).toBe(0);
    expect(early.skipped.reasons.afterAsOf?.count).toBe(3);
  });
});

describe('summarizeCustomers with order ids', () => {
  test('lines are grouped by order; a cancellation invoice is a return; two orders on one day are two occasions but one day', () => {
    const summary = summarize({
      customer: [1, 1, 1, 1, 1],
      date: ['2024-01-01', '2024-01-01', '2024-01-01', '2024-01-05', '2024-01-07'],
      amount: [10, 5, 30, -5, 12],
      order: ['A1', 'A1', 'A2', 'C-A1', 'A3'],
    });
    expect(summary.frequency[0]).toBe(3);
    expect(summary.repeatPurchases[0]).toBe(1);
    expect(summary.monetary[0]).toBe(52);
    expect(summary.returnsValue[0]).toBe(5);
    expect(summary.monetaryRepeatAvg[0]).toBe(12);
  });
  test('a free order (net 0) counts as an occasion', () => {
    const summary = summarize({
      customer: ['a', 'a'],
      date: ['2024-01-01', '2024-01-02'],
      amount: [10, 0],
      order: [1, 2],
    });
    expect(summary.frequency[0]).toBe(2);
  });
});

describe('summarizeCustomers edge cases', () => {
  test('empty input gives no customers', () => {
    expect(summarize({ customer: [], date: [], amount: [] }).count).toBe(0);
  });
  test('a customer with returns only is skipped and reported with the rows', () => {
    const summary = summarize({
      customer: ['a', 'b', 'b'],
      date: [45356, 45356, 45357],
      amount: [10, -5, -3],
      firstRowNumber: 2,
    });
    expect(summary.customerIds).toEqual(['a']);
    expect(summary.skipped.reasons.returnsOnly).toEqual({ count: 2, firstRows: [3, 4] });
  });
  test('a customer whose net value is negative is kept', () => {
    const summary = summarize({ customer: ['a', 'a'], date: [45356, 45357], amount: [10, -25] });
    expect(summary.monetary[0]).toBe(-15);
    expect(summary.frequency[0]).toBe(1);
  });
  test('a return does not move first or last purchase', () => {
    const summary = summarize({ customer: ['a', 'a', 'a'], date: [45350, 45356, 45360], amount: [-1, 10, -2] });
    expect(summary.first[0]).toBe(summary.last[0]);
  });
  test('customers come out sorted by id: numbers numerically, then text', () => {
    const summary = summarize({
      customer: ['b', 10, 9, 'a'],
      date: [45356, 45356, 45356, 45356],
      amount: [1, 1, 1, 1],
    });
    expect(summary.customerIds).toEqual(['9', '10', 'a', 'b']);
  });
  test('a profit column makes historic value the sum of margins', () => {
    const summary = summarizeCustomers(
      parseTransactions({ customer: ['a', 'a'], date: [45356, 45357], amount: [10, 20], margin: [3, 4] }),
    );
    expect(summary.historicValue[0]).toBe(7);
  });
});
