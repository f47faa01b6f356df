import type { SkippedRows } from '../transactions';
import type { CustomerSummary } from '../summarizeCustomers';
import { AnalyticsError } from '../errors';
import { calendarPeriodDays, calendarPeriodIndex, calendarPeriodLabel } from './calendarPeriod';
import type { CohortPeriod } from './calendarPeriod';

/** One cell of a cohort triangle: a cohort at age k (k whole periods after its acquisition period). */
export interface CohortCell {
  readonly age: number;
  /** Customers of the cohort with a purchase occasion in this calendar period. */
  readonly active: number;
  /** active / cohort size. */
  readonly share: number;
  /** Contractual survival: customers whose last active period is at age ≥ k (a lost customer never returns). */
  readonly alive: number;
  /** Net revenue of the cohort's customers in this period, returns included. */
  readonly revenue: number;
  /** revenue / cohort size. */
  readonly revenuePerCustomer: number;
  /** Σ revenue of ages 0…k / cohort size. */
  readonly cumulativeRevenuePerCustomer: number;
  /** True for the period that contains D − 1: not over yet, so a low value is not a drop. */
  readonly partial: boolean;
}

/** One row of a cohort triangle: the customers first bought in one calendar period. */
export interface CohortRow {
  /** `2024-03`, `2024-Q1` or the Monday of the week (`2024-03-04`). */
  readonly label: string;
  /** First day of the acquisition period (day number). */
  readonly firstDay: number;
  /** Customers in the cohort. */
  readonly size: number;
  /** Ages 0 … the period containing D − 1, in order. */
  readonly cells: readonly CohortCell[];
}

/** A cohort triangle (DOMAIN §7.8 as restated in docs/cohorts.md). */
export interface CohortTable {
  readonly period: CohortPeriod;
  /** The as-of day D of the summary. */
  readonly asOf: number;
  /** Label of the period containing D − 1 (the partial one, the last column of every row). */
  readonly partialLabel: string;
  /** Whether that last period is partial: false only when D − 1 is its last day (the data cover it whole). */
  readonly lastPeriodPartial: boolean;
  /** Most ages of any row (the oldest cohort's cells). */
  readonly ages: number;
  readonly cohorts: readonly CohortRow[];
  readonly customers: number;
  readonly skipped: SkippedRows;
}

/** Options of {@link cohortTable}. */
export interface CohortTableOptions {
  /** Month (default), ISO week or quarter. */
  period?: CohortPeriod;
}

/**
 * Builds the cohort triangle analysts build by hand with MINIFS and a pivot table: cohorts by the calendar period of
 * each customer's first purchase occasion, ages across, and per cell the active customers, their share of the
 * cohort, contractual survivors, revenue, revenue per original customer and its running sum. The period containing
 * D − 1 (D = the summary's as-of day) is kept, marked `partial`, and must not be read as a drop nor fitted — unless
 * D − 1 is the last day of its period, when the data cover it whole.
 *
 * Active means a purchase occasion (a group with net amount ≥ 0) in the period; revenue is net (returns lower it,
 * in the period they happen, and a return before the first purchase counts at age 0). Takes the customer summary,
 * so cohorts use exactly the purchase occasions and the as-of date of the rest of the add-in.
 *
 * Cost O(groups) plus O(cohorts × ages) for the cells.
 * @throws AnalyticsError EMPTY_INPUT when the summary has no customer.
 * @example
 * const input = { customer: ['a', 'a', 'b'], date: ['2024-01-05', '2024-02-05', '2024-01-09'], amount: [9, 9, 9] };
 * const table = cohortTable(summarizeCustomers(parseTransactions(input)), { period: 'month' });
 * table.cohorts[0].cells[1].share; // => 0.5 (one of the two January customers bought again in February)
 */
export function cohortTable(summary: CustomerSummary, options: CohortTableOptions = {}): CohortTable {
  const period = options.period ?? 'month';
  if (summary.count === 0) {
    throw new AnalyticsError('EMPTY_INPUT', 'There is no customer with a purchase to build cohorts from.');
  }
  const lastDay = summary.asOf - 1;
  const lastIndex = calendarPeriodIndex(lastDay, period);
  // The data end on D − 1: its period is complete only when D − 1 is the period's last day.
  const lastPeriodPartial = lastDay < calendarPeriodDays(lastIndex, period).last;
  // Periods are looked up per distinct day: a day's period index is computed once.
  const indexOfDay = new Map<number, number>();
  const periodOf = (day: number): number => {
    const whole = Math.floor(day);
    let index = indexOfDay.get(whole);
    if (index === undefined) {
      index = calendarPeriodIndex(whole, period);
      indexOfDay.set(whole, index);
    }
    return index;
  };
  interface Accumulator {
    size: number;
    active: Float64Array;
    lastActive: Float64Array; // customers whose last active age is k
    revenue: Float64Array;
  }
  const rows = new Map<number, Accumulator>();
  const { groupStart, groupDay, groupAmount, first } = summary;
  for (let customer = 0; customer < summary.count; customer++) {
    const cohort = periodOf(first[customer] as number);
    const ages = lastIndex - cohort + 1;
    let row = rows.get(cohort);
    if (row === undefined) {
      row = {
        size: 0,
        active: new Float64Array(ages),
        lastActive: new Float64Array(ages),
        revenue: new Float64Array(ages),
      };
      rows.set(cohort, row);
    }
    row.size += 1;
    let previousAge = -1;
    let lastAge = 0;
    for (let group = groupStart[customer] as number; group < (groupStart[customer + 1] as number); group++) {
      const age = Math.max(0, Math.min(ages - 1, periodOf(groupDay[group] as number) - cohort));
      const amount = groupAmount[group] as number;
      row.revenue[age] = (row.revenue[age] as number) + amount;
      if (amount < 0) continue;
      // Groups are sorted by day, so a customer's occasions in one period are consecutive.
      if (age !== previousAge) row.active[age] = (row.active[age] as number) + 1;
      previousAge = age;
      lastAge = Math.max(lastAge, age);
    }
    row.lastActive[lastAge] = (row.lastActive[lastAge] as number) + 1;
  }
  const cohorts: CohortRow[] = [...rows.entries()]
    .sort(([left], [right]) => left - right)
    .map(([index, row]) => {
      const cells: CohortCell[] = [];
      let alive = row.size;
      let cumulative = 0;
      const ages = row.active.length;
      for (let age = 0; age < ages; age++) {
        const revenue = row.revenue[age] as number;
        cumulative += revenue;
        cells.push(
          Object.freeze({
            age,
            active: row.active[age] as number,
            share: (row.active[age] as number) / row.size,
            alive,
            revenue,
            revenuePerCustomer: revenue / row.size,
            cumulativeRevenuePerCustomer: cumulative / row.size,
            partial: lastPeriodPartial && age === ages - 1,
          }),
        );
        alive -= row.lastActive[age] as number;
      }
      return Object.freeze({
        label: calendarPeriodLabel(index, period),
        firstDay: calendarPeriodDays(index, period).first,
        size: row.size,
        cells: Object.freeze(cells),
      });
    });
  const firstIndex = rows.size === 0 ? lastIndex : Math.min(...rows.keys());
  return Object.freeze({
    period,
    asOf: summary.asOf,
    partialLabel: calendarPeriodLabel(lastIndex, period),
    lastPeriodPartial,
    ages: lastIndex - firstIndex + 1,
    cohorts: Object.freeze(cohorts),
    customers: summary.count,
    skipped: summary.skipped,
  });
}

/**
 * The contractual survivor series of a cohort table, complete periods only (the partial last period is left out),
 * ready for {@link fitSbg}: one series per cohort, alive at ages 0 … its last complete age. Cohorts with no complete
 * period after acquisition are dropped (they carry no information about churn).
 *
 * Cost O(cells).
 * @example
 * fitSbg(cohortSurvivors(cohortTable(summary)));
 */
export function cohortSurvivors(table: CohortTable): number[][] {
  return table.cohorts
    .map((row) => row.cells.filter((cell) => !cell.partial).map((cell) => cell.alive))
    .filter((series) => series.length >= 2);
}
