import type { ColumnMapping, ColumnRole, SegmentOptions } from '../../core';
import type { SourceChoice } from '../../excel';
import type { MessageKey } from '../i18n/en';
import type { UiLanguage } from '../i18n/translator';
import type { FormOptions } from './formOptions';
import type { PaneState, PickedData, RunPhase } from './paneState';
import type { RunSummary } from './runSummary';
import { matrixNeedsForwardClv } from './optionFields';
import { fromSegmentOptions } from './toSegmentOptions';

/** Everything that can happen to the pane: user actions and host/worker reports. */
export type PaneEvent =
  | { type: 'languageChanged'; language: UiLanguage }
  | { type: 'sourceKindChanged'; kind: SourceChoice['kind'] }
  | { type: 'tableNameChanged'; name: string }
  | { type: 'dataLoading' }
  | { type: 'dataLoaded'; data: PickedData; mapping: ColumnMapping }
  | { type: 'dataFailed'; message: MessageKey; detail?: string }
  | { type: 'mappingChanged'; role: ColumnRole; column: number | undefined }
  | { type: 'optionsChanged'; patch: Partial<FormOptions> }
  | { type: 'savedRunLoaded'; source: SourceChoice; mapping: ColumnMapping; options: SegmentOptions }
  | { type: 'runStarted' }
  | { type: 'runProgress'; phase: RunPhase; done: number; total: number }
  | { type: 'cancelRequested' }
  | { type: 'runFinished'; summary: RunSummary }
  | { type: 'runFailed'; message: MessageKey; detail?: string };

/**
 * The pane's state machine: a pure `(state, event) => state`, so every UI behaviour is unit-tested
 * without React or Excel. Events that make no sense in the current state return the state unchanged.
 * @example
 * paneReducer(state, { type: 'languageChanged', language: 'zh-CN' }).language // => 'zh-CN'
 */
export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  const running = state.run.status === 'running';
  switch (event.type) {
    case 'languageChanged':
      return { ...state, language: event.language };
    case 'sourceKindChanged':
      return running ? state : { ...state, sourceKind: event.kind };
    case 'tableNameChanged':
      return running ? state : { ...state, tableName: event.name };
    case 'dataLoading':
      return running ? state : { ...state, data: { status: 'loading' }, run: { status: 'idle' } };
    case 'dataLoaded':
      return { ...state, data: { status: 'loaded', data: event.data }, mapping: event.mapping };
    case 'dataFailed':
      return { ...state, data: { status: 'failed', message: event.message, detail: event.detail } };
    case 'mappingChanged': {
      if (running) return state;
      const mapping: ColumnMapping = {};
      for (const [role, column] of Object.entries(state.mapping) as [ColumnRole, number][]) {
        // A column serves one role: choosing it for this role frees it elsewhere.
        if (role !== event.role && column !== event.column) mapping[role] = column;
      }
      if (event.column !== undefined) mapping[event.role] = event.column;
      return { ...state, mapping };
    }
    case 'optionsChanged': {
      if (running) return state;
      const options = { ...state.options, ...event.patch };
      // Prevented as chosen: the value matrix with historic CLV would give only two tiers.
      return matrixNeedsForwardClv(options) ? state : { ...state, options };
    }
    case 'savedRunLoaded':
      return {
        ...state,
        sourceKind: event.source.kind,
        tableName: event.source.kind === 'table' ? event.source.name : state.tableName,
        mapping: event.mapping,
        options: fromSegmentOptions(event.options, state.options),
      };
    case 'runStarted':
      return running
        ? state
        : { ...state, run: { status: 'running', phase: 'reading', done: 0, total: 0, cancelling: false } };
    case 'runProgress':
      return state.run.status === 'running'
        ? { ...state, run: { ...state.run, phase: event.phase, done: event.done, total: event.total } }
        : state;
    case 'cancelRequested':
      return state.run.status === 'running' ? { ...state, run: { ...state.run, cancelling: true } } : state;
    case 'runFinished':
      return { ...state, run: { status: 'done', summary: event.summary } };
    case 'runFailed':
      return { ...state, run: { status: 'failed', message: event.message, detail: event.detail } };
  }
}
