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
  test('receipt numbers that restart each day are separate purchases, and the reused ids are counted', () => {
    const input: TransactionInput = {
      customer: ['a', 'a', 'a', 'b', 'b'],
      date: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-01', '2024-01-01'],
      amount: [10, 20, 30, 5, 6],
      order: ['R1', 'R1', 'R1', 'R2', 'R2'],
    };
    const transactions = parseTransactions(input);
    expect(transactions.ordersOnSeveralDays).toBe(1);
    const summary = summarizeCustomers(transactions);
    expect(Array.from(summary.frequency)).toEqual([3, 1]);
    expect(Array.from(summary.repeatPurchases)).toEqual([2, 0]);
    expect(summary.monetaryRepeatAvg[0]).toBe(25);
  });
  test('lines with a blank order id are one purchase per day, not one per line', () => {
    const summary = summarize({
      customer: ['a', 'a', 'a', 'a'],
      date: ['2024-01-01', '2024-01-01', '2024-01-01', '2024-01-04'],
      amount: [10, 20, 30, 7],
      order: ['', null, '  ', 'X9'],
    });
    expect(summary.frequency[0]).toBe(2);
    expect(summary.monetaryAvg[0]).toBe(33.5);
  });
  test('an order without reuse is not reported', () => {
    expect(
      parseTransactions({ customer: ['a', 'b'], date: [45356, 45357], amount: [1, 2], order: ['A', 'B'] })
        .ordersOnSeveralDays,
    ).toBe(0);
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

describe('summarizeCustomers agrees with a naive reference implementation of DOMAIN §7.2', () => {
  interface Line {
    customer: string;
    day: number;
    amount: number;
    order: string;
  }
  /** Written the obvious way with Maps and sorts, independently of the typed-array hot path. */
  function reference(lines: readonly Line[], byOrder: boolean) {
    const asOf = Math.floor(Math.max(...lines.map((line) => line.day))) + 1;
    const perCustomer = new Map<string, Map<string, { day: number; amount: number }>>();
    for (const line of lines) {
      const groups = perCustomer.get(line.customer) ?? new Map<string, { day: number; amount: number }>();
      perCustomer.set(line.customer, groups);
      // §7.2: (order id, calendar day); a blank order id falls back to the day.
      const day = String(Math.floor(line.day));
      const key = byOrder && line.order !== '' ? `${line.order}@${day}` : day;
      const group = groups.get(key) ?? { day: Infinity, amount: 0 };
      group.day = Math.min(group.day, Math.floor(line.day));
      group.amount += line.amount;
      groups.set(key, group);
    }
    const result = new Map<string, Record<string, number>>();
    for (const [customer, groups] of perCustomer) {
      const all = [...groups.values()];
      const occasions = all.filter((group) => group.amount >= 0);
      if (occasions.length === 0) continue;
      const days = [...new Set(occasions.map((group) => group.day))].sort((a, b) => a - b);
      const first = days[0] as number;
      const last = days[days.length - 1] as number;
      const repeatDays = days.slice(1);
      const repeatTotal = occasions
        .filter((group) => group.day !== first)
        .reduce((sum, group) => sum + group.amount, 0);
      result.set(customer, {
        frequency: occasions.length,
        x: days.length - 1,
        first,
        last,
        recency: asOf - last,
        monetary: all.reduce((sum, group) => sum + group.amount, 0),
        returns: -all.filter((group) => group.amount < 0).reduce((sum, group) => sum + group.amount, 0),
        repeatAverage: repeatDays.length === 0 ? 0 : repeatTotal / repeatDays.length,
      });
    }
    return result;
  }

  // Seeded linear congruential generator: the test prints nothing random it cannot reproduce.
  let seed = 424_242;
  const random = (): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const lines: Line[] = Array.from({ length: 3000 }, () => ({
    customer: `c${Math.floor(random() * 200)}`,
    day: 19_000 + Math.floor(random() * 400) + Math.floor(random() * 4) / 4,
    amount: Math.round((random() < 0.1 ? -30 : 60) * random() * 100) / 100,
    order: random() < 0.1 ? '' : `o${Math.floor(random() * 1500)}`,
  }));

  test.each([false, true])('with order ids: %p', (byOrder) => {
    const input: TransactionInput = {
      customer: lines.map((line) => line.customer),
      date: lines.map((line) => new Date(line.day * 86_400_000)),
      amount: lines.map((line) => line.amount),
    };
    if (byOrder) input.order = lines.map((line) => line.order);
    const summary = summarize(input);
    const expected = reference(lines, byOrder);
    expect(summary.count).toBe(expected.size);
    summary.customerIds.forEach((id, index) => {
      const want = expected.get(id) as Record<string, number>;
      expect(summary.frequency[index]).toBe(want.frequency);
      expect(summary.repeatPurchases[index]).toBe(want.x);
      expect(summary.first[index]).toBe(want.first);
      expect(summary.last[index]).toBe(want.last);
      expect(summary.recencyDays[index]).toBe(want.recency);
      expect(summary.monetary[index]).toBeCloseTo(want.monetary as number, 8);
      expect(summary.returnsValue[index]).toBeCloseTo(want.returns as number, 8);
      expect(summary.monetaryRepeatAvg[index]).toBeCloseTo(want.repeatAverage as number, 8);
    });
  });
});
