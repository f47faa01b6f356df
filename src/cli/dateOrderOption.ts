import { AnalyticsError, isAmbiguousDateText } from '../core';
import type { DateOrder, DateTextOptions } from '../core';
import { choiceOption } from './parseArguments';
import type { ParsedArguments } from './parseArguments';

/** The --date-order line of the segment and fit help. */
export const DATE_ORDER_USAGE = `  --date-order O     ymd | mdy | dmy: how to read dates such as 12/1/2010 (mdy = 1 December, dmy = 12 January);
                     default ymd, where those are refused rather than guessed. Numbers such as 1 are never dates
                     in a CSV file (only yyyymmdd, e.g. 20101201)`;

/**
 * How the command line reads the date column of a CSV: the --date-order choice, and no Excel serials (a CSV
 * file has none, so a bare "1" is a bad date, not 1900-01-01).
 *
 * @throws AnalyticsError BAD_ARGUMENT for a --date-order other than ymd, mdy or dmy.
 * @example
 * dateTextOf({ positionals: ['f.csv'], options: new Map([['date-order', 'dmy']]) }) // => { dateOrder: 'dmy', textSerials: false }
 */
export function dateTextOf(parsed: ParsedArguments): DateTextOptions {
  const dateOrder: DateOrder = choiceOption(parsed, 'date-order', ['ymd', 'mdy', 'dmy'], 'ymd');
  return { dateOrder, textSerials: false };
}

/** How many date fields are looked at for a day-month-year text before the run. */
const PROBE_ROWS = 1000;

/**
 * Stops before the run when the date column holds day-month-year texts such as `12/1/2010 8:26` (the Online
 * Retail export) and no --date-order says how to read them: otherwise every row would be skipped as a bad date.
 * Looks at the first 1,000 fields: O(1,000).
 *
 * @throws AnalyticsError BAD_DATE naming the first such value and the option.
 */
export function requireDateOrder(dates: readonly unknown[], dateText: DateTextOptions): void {
  if ((dateText.dateOrder ?? 'ymd') !== 'ymd') return;
  const limit = Math.min(dates.length, PROBE_ROWS);
  for (let row = 0; row < limit; row++) {
    const value = dates[row];
    if (typeof value === 'string' && isAmbiguousDateText(value)) {
      throw new AnalyticsError(
        'BAD_DATE',
        `Dates such as '${value.trim()}' (data row ${row + 1}) can be day-month or month-day: give --date-order mdy ` +
          '(12/1/2010 = 1 December 2010) or --date-order dmy (12 January 2010).',
        { argument: 'date-order' },
      );
    }
  }
}
