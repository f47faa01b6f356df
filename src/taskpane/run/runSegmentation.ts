import type { ColumnMapping, SummaryInput, TransactionInput } from '../../core';
import { isSummaryHeader } from '../../core';
import {
  loadOutputRecord,
  readSource,
  recordOutputs,
  removeSheets,
  replacePreviousOutputs,
  saveRunSettings,
  writeResults,
} from '../../excel';
import type { SourceChoice } from '../../excel';
import { optionRows } from '../i18n/optionRows';
import { outputLabels } from '../i18n/outputLabels';
import { createTranslator, uiLanguageOf } from '../i18n/translator';
import type { FormOptions } from '../state/formOptions';
import type { PaneEvent } from '../state/paneReducer';
import { runSummary } from '../state/runSummary';
import { toSegmentOptions } from '../state/toSegmentOptions';
import { buildTransactionInput } from './buildTransactionInput';
import type { Compute } from './compute';
import { labelSegmentation } from '../../messages/labelSegmentation';
import type { ExcelRun } from './excelHost';
import { failureEvent } from './failureEvent';

/** What one run needs from the pane. */
export interface RunRequest {
  source: SourceChoice;
  mapping: ColumnMapping;
  options: FormOptions;
  addinVersion: string;
  /** The host has outline groups (ExcelApi 1.10); default false. */
  outlineGroups?: boolean;
}

/**
 * One run from the pane: read the source in blocks, compute in the worker, write the output sheets,
 * save the choices in the workbook; reports progress and the outcome as pane events.
 *
 * Why one function: it is the only place the three layers meet, so cancel and failure handling are
 * in one place (the adapter already removes what it created).
 */
export async function runSegmentation(
  request: RunRequest,
  host: { excelRun: ExcelRun; compute: Compute },
  dispatch: (event: PaneEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  dispatch({ type: 'runStarted' });
  try {
    const data = await host.excelRun((context) =>
      readSource(context, request.source, {
        signal,
        onProgress: (done, total) => dispatch({ type: 'runProgress', phase: 'reading', done, total }),
      }),
    );
    dispatch({ type: 'runProgress', phase: 'computing', done: 0, total: 1 });
    const options = toSegmentOptions(request.options);
    // A customer summary exported from a warehouse is segmented as it is; anything else is transactions.
    const input: TransactionInput | SummaryInput = isSummaryHeader(data.headers)
      ? {
          summary: {
            headers: data.headers,
            rows: data.rows,
            firstRowNumber: data.firstRowNumber,
            dateSystem: data.dateSystem,
          },
        }
      : buildTransactionInput(data.rows, request.mapping, data.firstRowNumber, data.dateSystem);
    // Core gives keys; the output sheets and the pane read them in the run's output language.
    const result = labelSegmentation(
      await host.compute(
        input,
        options,
        (fraction) => dispatch({ type: 'runProgress', phase: 'computing', done: fraction, total: 1 }),
        signal,
      ),
    );
    if (signal.aborted) throw Object.assign(new Error('Cancelled'), { code: 'CANCELLED' });
    dispatch({ type: 'runProgress', phase: 'writing', done: 0, total: 1 });
    const t = createTranslator(uiLanguageOf(request.options.outputLanguage));
    const labels = outputLabels(t);
    const outcome = await host.excelRun(async (context) => {
      // What this add-in wrote before, as recorded in the workbook (by sheet id, never by name).
      const previous = await loadOutputRecord(context);
      const written = await writeResults(context, result, {
        labels,
        optionRows: optionRows(t, result.options),
        outlineGroups: request.outlineGroups ?? false,
        source: { sheetName: data.sheetName, address: data.address },
        dateSystem: data.dateSystem,
        addinVersion: request.addinVersion,
        createdAt: new Date(),
        signal,
        onProgress: (fraction) => dispatch({ type: 'runProgress', phase: 'writing', done: fraction, total: 1 }),
      });
      const sheets = [
        { name: written.segmentsSheet, base: labels.segmentsSheet },
        { name: written.summarySheet, base: labels.summarySheet },
        ...(written.cohortSheet === undefined ? [] : [{ name: written.cohortSheet, base: labels.cohorts.sheet }]),
      ];
      const replace = request.options.replacePrevious;
      try {
        await saveRunSettings(context, {
          version: 1,
          source: request.source,
          mapping: request.mapping,
          options: result.options,
        });
        await recordOutputs(
          context,
          sheets.map((sheet) => sheet.name),
          replace ? [] : previous,
        );
      } catch (error) {
        // The run is all or nothing: without saved choices "Run again" could not reproduce it.
        await removeSheets(
          context,
          sheets.map((sheet) => sheet.name),
        );
        throw error;
      }
      // Only once the new results are complete are the previous ones removed, so a failed run loses nothing.
      if (!replace || previous.length === 0) return written;
      const [segmentsSheet = written.segmentsSheet, summarySheet = written.summarySheet, cohortSheet] =
        await replacePreviousOutputs(context, previous, sheets);
      return {
        ...written,
        segmentsSheet,
        summarySheet,
        ...(written.cohortSheet === undefined || cohortSheet === undefined ? {} : { cohortSheet }),
      };
    });
    dispatch({ type: 'runFinished', summary: runSummary(result, outcome) });
  } catch (error) {
    dispatch(failureEvent(error, request.options.outputLanguage));
  }
}
