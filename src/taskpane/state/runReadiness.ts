import type { MessageKey } from '../i18n/en';
import type { PreflightState } from '../run/preflight';
import { mappingProblems } from './mappingProblems';
import { formProblems } from './optionFields';
import type { PaneState } from './paneState';

/** Why Run is not offered yet, as a message key (and the option fields at fault), or null when it is. */
export type RunBlock =
  { key: Exclude<MessageKey, 'run.blockedOptions'> } | { key: 'run.blockedOptions'; fields: MessageKey[] };

/**
 * What stands between the pane and a run, first thing first: data, columns, the row check, the options, and a
 * high share of skipped rows (the one block "Run anyway" lifts). O(fields).
 * @example
 * runBlock(initialPaneState('en'), { status: 'none' }) // { key: 'run.blockedData' }: no data picked yet
 */
export function runBlock(state: PaneState, preflight: PreflightState): RunBlock | null {
  if (state.data.status !== 'loaded') return { key: 'run.blockedData' };
  if (mappingProblems(state.mapping, state.data.data.headers).length > 0) return { key: 'run.blockedColumns' };
  if (preflight.status === 'checking') return { key: 'run.blockedChecking' };
  const summary = preflight.status === 'done' ? preflight.summary : null;
  if (summary !== null && summary.rowsUsable === 0) return { key: 'run.blockedNoRows' };
  const problems = formProblems(state.options);
  if (problems.length > 0) {
    return { key: 'run.blockedOptions', fields: problems.map(({ field }) => `option.${field.key}` as MessageKey) };
  }
  if (summary?.needsConfirmation === true) return { key: 'run.blockedSkipped' };
  return null;
}
