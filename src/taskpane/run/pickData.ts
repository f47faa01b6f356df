import { detectColumns } from '../../core';
import { readSource } from '../../excel';
import type { SourceChoice } from '../../excel';
import type { PaneEvent } from '../state/paneReducer';
import type { ExcelRun } from './excelHost';
import { failureEvent } from './failureEvent';

/**
 * Reads the chosen data once to show its size and headers, and lets core detect the columns from the
 * headers and the first rows.
 */
export async function pickData(
  source: SourceChoice,
  excelRun: ExcelRun,
  dispatch: (event: PaneEvent) => void,
): Promise<void> {
  dispatch({ type: 'dataLoading' });
  try {
    const data = await excelRun((context) => readSource(context, source));
    const headers = data.headers.map((header) => String(header));
    dispatch({
      type: 'dataLoaded',
      data: {
        sheetName: data.sheetName,
        address: data.address,
        rowCount: data.rows.length,
        headers,
        dateSystem: data.dateSystem,
      },
      mapping: detectColumns(data.headers, data.rows.slice(0, 50)),
    });
  } catch (error) {
    const failure = failureEvent(error);
    dispatch({ type: 'dataFailed', message: failure.message, detail: failure.detail });
  }
}
