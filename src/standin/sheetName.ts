/** Characters Excel refuses in sheet names. */
const FORBIDDEN = /[[\]:*?/\\]/;

/**
 * Returns why Excel would refuse this sheet name, or null when it is acceptable.
 *
 * Excel's rules: 1–31 characters, none of `[ ] : * ? / \`, not starting or ending with an apostrophe,
 * and unique among the workbook's sheets ignoring case. O(sheets).
 * @example
 * sheetNameProblem('Q1/Q2', []) // => 'contains one of [ ] : * ? / \\'
 */
export function sheetNameProblem(name: string, existing: readonly string[]): string | null {
  if (name.length === 0) return 'is empty';
  if (name.length > 31) return 'is longer than 31 characters';
  if (FORBIDDEN.test(name)) return 'contains one of [ ] : * ? / \\';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  const lower = name.toLocaleLowerCase();
  if (existing.some((other) => other.toLocaleLowerCase() === lower)) return 'is already used by another sheet';
  return null;
}
