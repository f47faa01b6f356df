import type { Language, SkippedRows } from '../../core';
import { describeSkipped } from '../../messages/coreMessages';
import type { MessageKey } from '../i18n/en';
import type { PaneEvent } from '../state/paneReducer';

/**
 * Core's error codes, grouped by what the user can do about them: each group gets a sentence in the pane's
 * language, followed by core's detail (which names the column, row or option).
 */
const CORE_FAILURES: Readonly<Record<string, MessageKey>> = {
  EMPTY_INPUT: 'error.noUsableRows',
  BAD_DATE: 'error.badOption',
  BAD_NUMBER: 'error.badOption',
  BAD_ARGUMENT: 'error.badOption',
  OUT_OF_RANGE: 'error.badOption',
  NO_REPEAT_CUSTOMERS: 'error.modelFit',
  FLAT_LIKELIHOOD: 'error.modelFit',
  NOT_CONVERGED: 'error.modelFit',
};

/**
 * The pane event for a failed or cancelled run: known codes get a translated message, others the raw text; a
 * run where every row was skipped gives its skip report in `language`.
 */
export function failureEvent(error: unknown, language: Language = 'en'): Extract<PaneEvent, { type: 'runFailed' }> {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const skipped =
    typeof error === 'object' && error !== null && 'skipped' in error
      ? (error.skipped as SkippedRows | undefined)
      : undefined;
  const detail =
    skipped !== undefined ? describeSkipped(skipped, language) : error instanceof Error ? error.message : String(error);
  if (code === 'CANCELLED') return { type: 'runFailed', message: 'error.CANCELLED' };
  if (code === 'EMPTY_SOURCE' || code === 'NO_DATA_ROWS' || code === 'TOO_MANY_ROWS') {
    return { type: 'runFailed', message: `error.${code}` };
  }
  return { type: 'runFailed', message: CORE_FAILURES[code] ?? 'error.generic', detail };
}
