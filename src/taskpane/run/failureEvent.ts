import type { PaneEvent } from '../state/paneReducer';

/** The pane event for a failed or cancelled run: known codes get a translated message, others the raw text. */
export function failureEvent(error: unknown): Extract<PaneEvent, { type: 'runFailed' }> {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'CANCELLED') return { type: 'runFailed', message: 'error.CANCELLED' };
  if (code === 'EMPTY_SOURCE' || code === 'NO_DATA_ROWS' || code === 'TOO_MANY_ROWS') {
    return { type: 'runFailed', message: `error.${code}` };
  }
  return { type: 'runFailed', message: 'error.generic', detail };
}
