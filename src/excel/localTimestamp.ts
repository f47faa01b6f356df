const two = (value: number): string => String(value).padStart(2, '0');

/**
 * A moment in the reader's local time with its offset from UTC, e.g. "2026-12-02 14:05 (UTC+01:00)": what a
 * colleague reads on the summary sheet, instead of a UTC ISO timestamp.
 * @param offsetMinutes minutes east of UTC (default: this computer's offset at that moment).
 * @example
 * localTimestamp(new Date(Date.UTC(2026, 11, 2, 13, 5)), 60) // => '2026-12-02 14:05 (UTC+01:00)'
 */
export function localTimestamp(moment: Date, offsetMinutes: number = -moment.getTimezoneOffset()): string {
  const local = new Date(moment.getTime() + offsetMinutes * 60_000);
  const date = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`;
  const time = `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const size = Math.abs(offsetMinutes);
  return `${date} ${time} (UTC${sign}${two(Math.floor(size / 60))}:${two(size % 60)})`;
}
