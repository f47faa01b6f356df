import type { ColumnMapping, DateSystem } from '../../core';
import type { SourceChoice } from '../../excel';
import type { MessageKey } from '../i18n/en';
import type { UiLanguage } from '../i18n/translator';
import { labelLanguageOf } from '../i18n/translator';
import type { FormOptions } from './formOptions';
import { DEFAULT_FORM_OPTIONS } from './formOptions';
import type { RunSummary } from './runSummary';

/** The data the user picked, without the rows (those stay out of React state). */
export interface PickedData {
  sheetName: string;
  address: string;
  rowCount: number;
  headers: string[];
  dateSystem: DateSystem;
  /** The first day-month-year date text of the sample (e.g. '12/1/2010 8:26'), when there is one: the pane then asks how to read such dates. */
  ambiguousDate?: string;
}

export type DataState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'loaded'; data: PickedData }
  | { status: 'failed'; message: MessageKey; detail?: string };

export type RunPhase = 'reading' | 'computing' | 'writing';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; phase: RunPhase; done: number; total: number; cancelling: boolean }
  | { status: 'done'; summary: RunSummary }
  | { status: 'failed'; message: MessageKey; detail?: string };

/** Everything the pane shows; changed only by `paneReducer`. */
export interface PaneState {
  language: UiLanguage;
  sourceKind: SourceChoice['kind'];
  tableName: string;
  data: DataState;
  mapping: ColumnMapping;
  options: FormOptions;
  run: RunState;
}

/** The pane when it opens: English unless Office says otherwise, the selection as source. */
export function initialPaneState(language: UiLanguage): PaneState {
  return {
    language,
    // The whole table around the active cell: one click works whether the user selected the table, one cell of
    // it or nothing (a single selected cell would otherwise be read as a header without data).
    sourceKind: 'regionAroundActiveCell',
    tableName: '',
    data: { status: 'none' },
    mapping: {},
    options: { ...DEFAULT_FORM_OPTIONS, outputLanguage: labelLanguageOf(language) },
    run: { status: 'idle' },
  };
}
