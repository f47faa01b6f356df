/**
 * A sheet name not yet used in the workbook: `base`, else `base (2)`, `base (3)`, …, cut to Excel's
 * 31-character limit. Comparison ignores case, as Excel does.
 *
 * Why: the add-in never overwrites a sheet the user may have edited. O(existing × attempts).
 * @example
 * uniqueSheetName('Customer Segments', ['customer segments']) // => 'Customer Segments (2)'
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLocaleLowerCase()));
  const clean = base.replace(/[[\]:*?/\\]/g, ' ').trim() || 'Sheet';
  for (let attempt = 1; ; attempt++) {
    const suffix = attempt === 1 ? '' : ` (${attempt})`;
    const candidate = clean.slice(0, 31 - suffix.length) + suffix;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
