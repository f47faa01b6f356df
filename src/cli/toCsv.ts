/** How {@link toCsv} writes text fields. */
export interface CsvWriteOptions {
  /**
   * Prefix text beginning with = + - @ tab or carriage return with ' so spreadsheet programs show it as text
   * instead of running it as a formula (OWASP "CSV injection"); numbers are never changed. Default true.
   */
  escapeFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Writes rows as RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; lines
 * end with \n. Text that a spreadsheet would run as a formula gets a leading ' unless turned off.
 *
 * @example
 * toCsv([['a', 'b,c'], [1, 'say "hi"']]) // => 'a,"b,c"\n1,"say ""hi"""\n'
 * toCsv([['=1+1', -2]]) // => "'=1+1,-2\n"
 */
export function toCsv(rows: readonly (readonly (string | number)[])[], options: CsvWriteOptions = {}): string {
  const escape = options.escapeFormulas ?? true;
  const lines = rows.map((row) =>
    row
      .map((value) => {
        // A number's text never holds a delimiter, quote or line break, and is never escaped.
        if (typeof value === 'number') return String(value);
        let text = value;
        if (escape && FORMULA_START.test(text)) text = `'${text}`;
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(','),
  );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
