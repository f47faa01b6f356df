import { AnalyticsError } from '../errors';

/** The calendar period of a cohort table: ISO weeks (Monday to Sunday), calendar months or calendar quarters. */
export type CohortPeriod = 'week' | 'month' | 'quarter';

/** The periods a cohort table accepts, for argument checks and menus. */
export const COHORT_PERIODS: readonly CohortPeriod[] = Object.freeze(['week', 'month', 'quarter']);

const MS_PER_DAY = 86_400_000;
// 1970-01-05, day 4, was a Monday: weeks are counted from it.
const FIRST_MONDAY = 4;

function civil(day: number): { year: number; month: number } {
  const date = new Date(Math.floor(day) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
}

/**
 * The index of the calendar period that contains a day (days since 1970-01-01 UTC): consecutive periods have
 * consecutive indexes, so the age of a cell is a difference of indexes.
 *
 * Cost O(1).
 * @example
 * calendarPeriodIndex(19787, 'month') - calendarPeriodIndex(19723, 'month'); // => 2 (2024-03-05 vs 2024-01-01)
 */
export function calendarPeriodIndex(day: number, period: CohortPeriod): number {
  if (period === 'week') return Math.floor((Math.floor(day) - FIRST_MONDAY) / 7);
  const { year, month } = civil(day);
  return period === 'month' ? year * 12 + month - 1 : year * 4 + Math.floor((month - 1) / 3);
}

/**
 * The first and last day of the calendar period with the given index (inverse of {@link calendarPeriodIndex}).
 *
 * Cost O(1).
 * @example
 * calendarPeriodDays(calendarPeriodIndex(19787, 'month'), 'month'); // => { first: 19783, last: 19813 } (March 2024)
 */
export function calendarPeriodDays(index: number, period: CohortPeriod): { first: number; last: number } {
  if (period === 'week') {
    const first = FIRST_MONDAY + index * 7;
    return { first, last: first + 6 };
  }
  const months = period === 'month' ? 1 : 3;
  const monthIndex = period === 'month' ? index : index * 3;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12;
  const first = Date.UTC(year, month, 1) / MS_PER_DAY;
  const next = Date.UTC(year, month + months, 1) / MS_PER_DAY;
  return { first, last: next - 1 };
}

/**
 * The label of a calendar period: `2024-03` for a month, `2024-Q1` for a quarter, and the Monday it starts on
 * (`2024-03-04`) for a week — labels that sort in time order as text.
 *
 * Cost O(1).
 * @example
 * calendarPeriodLabel(calendarPeriodIndex(19787, 'quarter'), 'quarter'); // => '2024-Q1'
 */
export function calendarPeriodLabel(index: number, period: CohortPeriod): string {
  if (period === 'month') {
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    return `${year}-${month < 10 ? '0' : ''}${month}`;
  }
  if (period === 'quarter') {
    const year = Math.floor(index / 4);
    return `${year}-Q${index - year * 4 + 1}`;
  }
  const date = new Date(calendarPeriodDays(index, 'week').first * MS_PER_DAY);
  return date.toISOString().slice(0, 10);
}

/**
 * Reads a period name ("week", "month", "quarter", any case, singular or plural).
 *
 * @throws AnalyticsError BAD_ARGUMENT for another word.
 * @example
 * parseCohortPeriod('Months'); // => 'month'
 */
export function parseCohortPeriod(text: string): CohortPeriod {
  const word = text.trim().toLowerCase().replace(/s$/, '');
  const match = COHORT_PERIODS.find((period) => period === word);
  if (match === undefined) {
    throw new AnalyticsError('BAD_ARGUMENT', `period must be "week", "month" or "quarter", got "${text}".`, {
      argument: 'period',
    });
  }
  return match;
}
