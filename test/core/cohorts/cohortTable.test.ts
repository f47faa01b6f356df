import {
  calendarPeriodDays,
  calendarPeriodIndex,
  calendarPeriodLabel,
  cohortSurvivors,
  cohortTable,
  fitSbg,
  parseCohortPeriod,
  parseDate,
  parseTransactions,
  summarizeCustomers,
} from '../../../src/core';
import { errorOf } from '../../analyticsErrors';
import { readDataText } from '../../data/dataFiles';

// These tests read the 69,659 rows of CDNOW master: seconds each on a busy machine, more than Jest's default 5 s.
jest.setTimeout(60_000);

function cdnowMaster(): { customer: string[]; date: number[]; amount: number[] } {
  const customer: string[] = [];
  const date: number[] = [];
  const amount: number[] = [];
  for (const line of readDataText('CDNOW_master.txt').split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    customer.push(fields[0]!);
    date.push(Number(fields[1]));
    amount.push(Number(fields[3]));
  }
  return { customer, date, amount };
}

const day = (iso: string): number => parseDate(iso)!;

describe('calendar periods', () => {
  test('months, quarters and ISO weeks have consecutive indexes, first and last days and sortable labels', () => {
    const march = calendarPeriodIndex(day('2024-03-05'), 'month');
    expect(march - calendarPeriodIndex(day('2023-12-31'), 'month')).toBe(3);
    expect(calendarPeriodDays(march, 'month')).toEqual({ first: day('2024-03-01'), last: day('2024-03-31') });
    expect(calendarPeriodLabel(march, 'month')).toBe('2024-03');
    const q1 = calendarPeriodIndex(day('2024-02-29'), 'quarter');
    expect(calendarPeriodDays(q1, 'quarter')).toEqual({ first: day('2024-01-01'), last: day('2024-03-31') });
    expect(calendarPeriodLabel(q1, 'quarter')).toBe('2024-Q1');
    // 2024-03-05 is a Tuesday: its ISO week starts on Monday 2024-03-04.
    const week = calendarPeriodIndex(day('2024-03-05'), 'week');
    expect(calendarPeriodLabel(week, 'week')).toBe('2024-03-04');
    expect(calendarPeriodIndex(day('2024-03-10'), 'week')).toBe(week);
    expect(calendarPeriodIndex(day('2024-03-11'), 'week')).toBe(week + 1);
    expect(parseCohortPeriod(' Quarters ')).toBe('quarter');
    expect(errorOf(() => parseCohortPeriod('year')).code).toBe('BAD_ARGUMENT');
  });
});

describe('cohortTable', () => {
  test('cohortTable(CDNOW master) matches a pandas groupby of first-purchase month × months since', () => {
    // Expected values: pandas 1.5 on test/data/CDNOW_master.txt, customer-days grouped, occasions = net ≥ 0.
    const table = cohortTable(summarizeCustomers(parseTransactions(cdnowMaster())));
    expect(table.cohorts.map((row) => [row.label, row.size])).toEqual([
      ['1997-01', 7846],
      ['1997-02', 8476],
      ['1997-03', 7248],
    ]);
    expect(table.ages).toBe(18);
    // Data end on 1998-06-30, the last day of June: June is complete.
    expect(table.lastPeriodPartial).toBe(false);
    const [january, february, march] = table.cohorts as [
      (typeof table.cohorts)[0],
      (typeof table.cohorts)[0],
      (typeof table.cohorts)[0],
    ];
    expect(january.cells.slice(0, 4).map((cell) => cell.active)).toEqual([7846, 1157, 964, 810]);
    expect(march.cells.slice(0, 4).map((cell) => cell.active)).toEqual([7248, 1032, 752, 756]);
    expect(january.cells.length).toBe(18);
    expect(february.cells.length).toBe(17);
    expect(january.cells[17]!.active).toBe(498);
    expect(january.cells[1]!.share).toBeCloseTo(1157 / 7846, 12);
    expect(january.cells[0]!.revenue).toBeCloseTo(299060.17, 2);
    expect(february.cells[1]!.revenue).toBeCloseTo(62587.03, 2);
    expect(march.cells[15]!.revenue).toBeCloseTo(21509.67, 2);
    expect(january.cells[1]!.cumulativeRevenuePerCustomer).toBeCloseTo((299060.17 + 61041.69) / 7846, 6);
    expect(january.cells.map((cell) => cell.alive).filter((_, age) => [0, 1, 5, 15].includes(age))).toEqual([
      7846, 3654, 2842, 1086,
    ]);
    expect(february.cells[15]!.alive).toBe(928);
  });

  test('the period containing D − 1 is marked partial on every row and left out of the survivor series', () => {
    const input = {
      customer: ['a', 'a', 'b', 'b', 'c', 'c', 'd'],
      date: ['2024-01-05', '2024-02-10', '2024-01-20', '2024-03-02', '2024-02-01', '2024-03-01', '2024-03-03'],
      amount: [10, 20, 5, 7, 8, -3, 4],
    };
    // As of 2024-03-04: March is under way.
    const table = cohortTable(summarizeCustomers(parseTransactions(input), { asOf: day('2024-03-04') }));
    expect(table.lastPeriodPartial).toBe(true);
    expect(table.partialLabel).toBe('2024-03');
    const [january, february, march] = table.cohorts;
    expect(january!.cells.map((cell) => [cell.active, cell.alive, cell.partial])).toEqual([
      [2, 2, false],
      // b skipped February but bought in March: in the contractual reading it was alive in February.
      [1, 2, false],
      [1, 1, true],
    ]);
    // c's March group is a return: revenue falls, nobody active.
    expect(february!.cells.map((cell) => [cell.active, cell.revenue, cell.partial])).toEqual([
      [1, 8, false],
      [0, -3, true],
    ]);
    expect(march!.cells).toHaveLength(1);
    expect(march!.cells[0]!.partial).toBe(true);
    expect(cohortSurvivors(table)).toEqual([[2, 2]]);
  });

  test('weeks and quarters, and the input summary is not mutated', () => {
    const summary = summarizeCustomers(
      parseTransactions({
        customer: ['a', 'a', 'b'],
        date: ['2024-03-04', '2024-03-12', '2024-03-10'],
        amount: [1, 2, 3],
      }),
    );
    const before = Array.from(summary.groupAmount);
    const weekly = cohortTable(summary, { period: 'week' });
    expect(weekly.cohorts.map((row) => [row.label, row.size, row.cells.map((cell) => cell.active)])).toEqual([
      ['2024-03-04', 2, [2, 1]],
    ]);
    expect(cohortTable(summary, { period: 'quarter' }).cohorts[0]!.label).toBe('2024-Q1');
    expect(Array.from(summary.groupAmount)).toEqual(before);
  });

  test('cohort survivors of CDNOW feed the sBG fit (descriptive only: retail data, not contracts)', () => {
    const table = cohortTable(summarizeCustomers(parseTransactions(cdnowMaster())));
    const model = fitSbg(cohortSurvivors(table));
    expect(model.cohorts).toBe(3);
    expect(model.params.alpha).toBeGreaterThan(0);
  });

  test('an empty summary is refused', () => {
    const empty = summarizeCustomers(parseTransactions({ customer: [], date: [], amount: [] }));
    expect(errorOf(() => cohortTable(empty)).code).toBe('EMPTY_INPUT');
  });
});
