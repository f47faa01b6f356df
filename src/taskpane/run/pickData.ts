import { detectColumns, isAmbiguousDateText } from '../../core';
import { previewSource } from '../../excel';
import type { SourceChoice } from '../../excel';
import type { PaneEvent } from '../state/paneReducer';
import type { ExcelRun } from './excelHost';
import { failureEvent } from './failureEvent';

/**
 * Reads the header and the first rows of the chosen data to show its size and headers, and lets core
 * detect the columns from them. Only a sample: the preflight check and the run read the whole range. Resolves
 * true when the data loaded.
 */
export async function pickData(
  source: SourceChoice,
  excelRun: ExcelRun,
  dispatch: (event: PaneEvent) => void,
): Promise<boolean> {
  dispatch({ type: 'dataLoading' });
  try {
    const data = await excelRun((context) => previewSource(context, source));
    const headers = data.headers.map((header) => String(header));
    // Day-month-year texts cannot be read without the user's word on the order: find one to show.
    const ambiguousDate = data.sampleRows
      .flat()
      .find((cell): cell is string => typeof cell === 'string' && isAmbiguousDateText(cell));
    dispatch({
      type: 'dataLoaded',
      data: {
        sheetName: data.sheetName,
        address: data.address,
        rowCount: data.rowCount,
        headers,
        dateSystem: data.dateSystem,
        ...(ambiguousDate === undefined ? {} : { ambiguousDate: ambiguousDate.trim() }),
      },
      mapping: detectColumns(data.headers, data.sampleRows),
    });
    return true;
  } catch (error) {
    const failure = failureEvent(error);
    dispatch({ type: 'dataFailed', message: failure.message, detail: failure.detail });
    return false;
  }
}
