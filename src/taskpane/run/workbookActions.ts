import { activateSheet, listTables, loadRunSettings } from '../../excel';
import type { SavedRun } from '../../excel';
import type { ExcelRun } from './excelHost';

/** Shows an output sheet the run created (the pane's "open sheet" buttons). */
export function showSheet(excelRun: ExcelRun, sheet: string): Promise<void> {
  return excelRun((context) => activateSheet(context, sheet));
}

/** The options and columns of the previous run saved in this workbook, or null: they travel with the file. */
export function savedRunSettings(excelRun: ExcelRun): Promise<SavedRun | null> {
  return excelRun((context) => loadRunSettings(context));
}

/** The names of the workbook's Excel tables, for the pane's table dropdown. */
export function workbookTables(excelRun: ExcelRun): Promise<string[]> {
  return excelRun((context) => listTables(context));
}
