/** Runs a batch against the workbook: `Excel.run` in Office, the stand-in in the demo and tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The real host: Office's global `Excel.run`. */
export const officeExcelRun: ExcelRun = (batch) => Excel.run(batch);
