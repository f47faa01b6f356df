/**
 * Writes rows as RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; lines
 * end with \n.
 *
 * @example
 * toCsv([['a', 'b,c'], [1, 'say "hi"']]) // => 'a,"b,c"\n1,"say ""hi"""\n'
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const lines = rows.map((row) =>
    row
      .map((value) => {
        const text = typeof value === 'number' ? String(value) : value;
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(','),
  );
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
