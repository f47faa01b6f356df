import { AnalyticsError } from './errors';

/**
 * Excel's two date systems: '1900' (serial 1 = 1900-01-01, with the fictitious 1900-02-29 at serial 60) and
 * '1904' (serial 0 = 1904-01-01, older Mac workbooks).
 */
export type DateSystem = '1900' | '1904';

/**
 * How to read a day-month-year text such as `12/1/2010 8:26` (the Online Retail export): 'mdy' (US, 1 December),
 * 'dmy' (most of the world, 12 January) or 'ymd' (the default: only year-first texts are dates, and the
 * ambiguous forms are refused rather than guessed).
 */
export type DateOrder = 'ymd' | 'mdy' | 'dmy';

/** How {@link parseDate} reads text, beyond the date system. */
export interface DateTextOptions {
  /** How to read `a/b/yyyy` texts (default 'ymd': refused). */
  dateOrder?: DateOrder;
  /**
   * Whether a numeric text such as "45356" is an Excel serial (default true, as in a sheet). A CSV file has no
   * serials: there "1" is not 1900-01-01, so the command line turns this off (8-digit yyyymmdd texts stay dates).
   */
  textSerials?: boolean;
}

/** The date texts every entry point accepts, for messages that say what a bad date should look like. */
export const ACCEPTED_DATE_FORMATS = 'yyyy-mm-dd [hh:mm[:ss]], yyyy/m/d, yyyy年m月d日, yyyymmdd or a date cell';

/** The unit of a BTYD summary or a horizon. */
export type TimeUnit = 'days' | 'weeks' | 'months';

/** Days per unit: a month is 365.25 / 12 = 30.4375 days (DOMAIN §7.1), not 30. */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = Object.freeze({
  days: 1,
  weeks: 7,
  months: 30.4375,
});

const MS_PER_DAY = 86_400_000;
/** Day number of 1899-12-30, the zero of the 1900 system for serials ≥ 61 (it absorbs the fictitious leap day). */
const EPOCH_1900 = -25_569;
/** Day number of 1904-01-01, serial 0 of the 1904 system. */
const EPOCH_1904 = -24_107;
/** Serials outside 1 … 2,958,465 (9999-12-31) are not dates in Excel. */
const MAX_SERIAL_1900 = 2_958_465;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Day number (days since 1970-01-01 UTC) of a calendar date, or null when the date does not exist
 * (2023-02-29, 2024-04-31). Integer arithmetic only (H. Hinnant's days_from_civil), no Date object: it runs
 * once per row.
 */
function dayFromParts(year: number, month: number, day: number, hours = 0, minutes = 0, seconds = 0): number | null {
  if (month < 1 || month > 12 || day < 1 || hours > 23 || minutes > 59 || seconds >= 60) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return null;
  const shiftedYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(shiftedYear / 400);
  const yearOfEra = shiftedYear - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468 + (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/**
 * Converts an Excel serial number to a day number (days since 1970-01-01 UTC; the fraction is the time of day).
 * In the 1900 system serials 1–59 are 1900-01-01 … 1900-02-28, serial 60 is Excel's fictitious 1900-02-29,
 * which we place on 1900-03-01 (the day it stands for in practice), and serials ≥ 61 are exact.
 *
 * Cost O(1).
 * @example
 * excelSerialToDay(45356) // => 19787 (2024-03-05)
 */
export function excelSerialToDay(serial: number, dateSystem: DateSystem = '1900'): number | null {
  if (!Number.isFinite(serial)) return null;
  if (dateSystem === '1904') {
    if (serial < 0 || serial > MAX_SERIAL_1900 - 1462) return null;
    return EPOCH_1904 + serial;
  }
  if (serial < 1 || serial >= MAX_SERIAL_1900 + 1) return null;
  // Before 1900-03-01 Excel counts one day too many (the fictitious leap day), so serial 1 = 1899-12-31 + 1.
  if (serial < 60) return EPOCH_1900 + 1 + serial;
  if (serial < 61) return EPOCH_1900 + 61 + (serial - 60);
  return EPOCH_1900 + serial;
}

/**
 * Converts a day number back to an Excel serial (for writing dates into a sheet).
 *
 * Cost O(1).
 * @example
 * dayToExcelSerial(19787) // => 45356
 */
export function dayToExcelSerial(day: number, dateSystem: DateSystem = '1900'): number {
  if (dateSystem === '1904') return day - EPOCH_1904;
  const serial = day - EPOCH_1900;
  return serial < 61 ? serial - 1 : serial;
}

const ISO_PATTERN = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(Z|[+-]00:?00)?)?$/;
const SLASH_PATTERN = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;
const CHINESE_PATTERN = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/;
/** `a/b/yyyy`, `a.b.yyyy` or `a-b-yyyy`, optionally with a time: day-month or month-day, by the date order. */
const DAY_MONTH_PATTERN = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;

/**
 * Whether a text has the ambiguous day-month-year shape (`12/1/2010`) that only a date order can read.
 * @example
 * isAmbiguousDateText('12/1/2010 8:26') // => true
 */
export function isAmbiguousDateText(text: string): boolean {
  return DAY_MONTH_PATTERN.test(text.trim());
}

/**
 * Parses a date text: ISO `yyyy-mm-dd[ hh:mm[:ss]]` (also with `T` and a `Z`), `yyyy/m/d[ hh:mm[:ss]]` or
 * `yyyy年m月d日`. A numeric text is read as an Excel serial. Returns null when it is not one of these.
 */
/** Two or four ASCII digits at a position as a number, or −1. */
function digitsAt(text: string, position: number, count: number): number {
  let value = 0;
  for (let index = position; index < position + count; index++) {
    const code = text.charCodeAt(index) - 48;
    if (code < 0 || code > 9) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * Fast path for the commonest machine format, `yyyy-mm-dd` optionally followed by ` hh:mm:ss` or
 * `Thh:mm:ss` (what CSV exports and ERP systems write): fixed positions, no regular expression.
 * Returns undefined when the text is not exactly that shape, so the general parser decides. parseDate tries
 * it first for every text, so a caller may too without changing any result.
 */
export function parseIsoFixed(text: string): number | null | undefined {
  const length = text.length;
  if ((length !== 10 && length !== 19) || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  if (length === 10) return dayFromParts(year, month, day);
  const separator = text.charCodeAt(10);
  if ((separator !== 32 && separator !== 84) || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58)
    return undefined;
  const hours = digitsAt(text, 11, 2);
  const minutes = digitsAt(text, 14, 2);
  const seconds = digitsAt(text, 17, 2);
  if (hours < 0 || minutes < 0 || seconds < 0) return undefined;
  return dayFromParts(year, month, day, hours, minutes, seconds);
}

function parseDateText(text: string, dateSystem: DateSystem, options: DateTextOptions): number | null {
  const fixed = parseIsoFixed(text);
  if (fixed !== undefined) return fixed;
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const order = options.dateOrder ?? 'ymd';
  if (order !== 'ymd') {
    const dayMonth = DAY_MONTH_PATTERN.exec(trimmed);
    if (dayMonth !== null) {
      const first = Number(dayMonth[1]);
      const second = Number(dayMonth[3]);
      return dayFromParts(
        Number(dayMonth[4]),
        order === 'mdy' ? first : second,
        order === 'mdy' ? second : first,
        dayMonth[5] === undefined ? 0 : Number(dayMonth[5]),
        dayMonth[6] === undefined ? 0 : Number(dayMonth[6]),
        dayMonth[7] === undefined ? 0 : Number(dayMonth[7]),
      );
    }
  }
  const match = ISO_PATTERN.exec(trimmed) ?? SLASH_PATTERN.exec(trimmed);
  if (match !== null) {
    return dayFromParts(
      Number(match[1]),
      Number(match[2]),
      Number(match[3]),
      match[4] === undefined ? 0 : Number(match[4]),
      match[5] === undefined ? 0 : Number(match[5]),
      match[6] === undefined ? 0 : Number(match[6]),
    );
  }
  const chinese = CHINESE_PATTERN.exec(trimmed);
  if (chinese !== null) return dayFromParts(Number(chinese[1]), Number(chinese[2]), Number(chinese[3]));
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const number = Number(trimmed);
    // Without serials (a CSV file) only an 8-digit yyyymmdd is a date: "1" is not 1900-01-01.
    if (options.textSerials === false && !/^\d{8}$/.test(trimmed)) return null;
    return parseDate(number, dateSystem);
  }
  return null;
}

/**
 * Converts a cell value to a day number (days since 1970-01-01 UTC, fraction = time of day), or null when it
 * is not a date. Accepts Excel serials (1900 or 1904 system), ISO, `yyyy/m/d` and `yyyy年m月d日` texts and JS
 * `Date` objects (read in UTC), and 8-digit `yyyymmdd` numbers or texts (beyond any Excel serial). Ambiguous forms
 * such as `3/5/2024` are refused rather than guessed, unless `options.dateOrder` says how to read them ('mdy' or
 * 'dmy'); `options.textSerials: false` refuses numeric texts other than yyyymmdd (a CSV file has no serials).
 *
 * Cost O(1) per value.
 * @example
 * parseDate('2024-03-05') // => 19787
 * parseDate(45356)        // => 19787
 * parseDate('2024年3月5日') // => 19787
 */
export function parseDate(
  value: unknown,
  dateSystem: DateSystem = '1900',
  options: DateTextOptions = {},
): number | null {
  if (typeof value === 'number') {
    // 19970101 is far beyond the last Excel serial (9999-12-31), so an 8-digit whole number is yyyymmdd.
    if (Number.isInteger(value) && value >= 10_000_101 && value <= 99_991_231) {
      return dayFromParts(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
    }
    return excelSerialToDay(value, dateSystem);
  }
  if (typeof value === 'string') return parseDateText(value, dateSystem, options);
  if (value instanceof Date) {
    const ms = value.getTime();
    return Number.isFinite(ms) ? ms / MS_PER_DAY : null;
  }
  return null;
}

/**
 * Like {@link parseDate} but throws a BAD_DATE error naming the argument, for single-value arguments.
 *
 * @throws AnalyticsError BAD_DATE
 */
export function requireDate(value: unknown, argument: string, dateSystem: DateSystem = '1900'): number {
  const day = parseDate(value, dateSystem);
  if (day === null) {
    throw new AnalyticsError(
      'BAD_DATE',
      `${argument} is not a date: ${String(value)}. Use a date cell, an Excel serial or a yyyy-mm-dd text.`,
      { argument },
    );
  }
  return day;
}

/**
 * Formats the calendar day of a day number as `yyyy-mm-dd` (the time of day is dropped).
 *
 * Cost O(1).
 * @example
 * dayToIso(19787.75) // => '2024-03-05'
 */
export function dayToIso(day: number): string {
  // Civil date from a day count (H. Hinnant, "chrono-compatible low-level date algorithms"): integer
  // arithmetic only, no Date object per call, since this runs twice per customer.
  const shifted = Math.floor(day) + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}
