/**
 * The Excel JavaScript API level the task pane needs: 1.7 for `getActiveCell`, `getSurroundingRegion`,
 * `getRangeByIndexes` and `freezePanes` (the rest is 1.1–1.6). Excel 2019 and later, Microsoft 365 and
 * Excel on the web have it; Excel 2016 does not. The custom functions need only SharedRuntime 1.1 (manifest).
 */
export const REQUIRED_EXCEL_API = '1.7';

/** The part of `Office.context.requirements` the check uses, so it can be tested without Office. */
export interface RequirementSetSupport {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** True when the host runs the Excel API level the task pane's reads and writes use. */
export function taskPaneApiSupported(requirements: RequirementSetSupport): boolean {
  return requirements.isSetSupported('ExcelApi', REQUIRED_EXCEL_API);
}

/**
 * Outline groups (Range.group / hideGroupDetails) are ExcelApi 1.10, above the pane's level: the writer groups the
 * model columns only where the host has them, and otherwise leaves them as the last columns.
 */
export const OUTLINE_EXCEL_API = '1.10';

/** True when the host can group and collapse columns (ExcelApi 1.10). */
export function outlineGroupsSupported(requirements: RequirementSetSupport): boolean {
  return requirements.isSetSupported('ExcelApi', OUTLINE_EXCEL_API);
}
