import type { ColumnMapping, SegmentOptions } from '../core';
import type { SourceChoice } from './sourceData';

/** The workbook setting that holds the pane's choices; one key so a colleague's copy carries them all. */
export const SETTINGS_KEY = 'crmAnalytics.run';

/** What the pane saves in the workbook so "Run again" (or a colleague) reproduces the same result. */
export interface SavedRun {
  version: 1;
  source: SourceChoice;
  mapping: ColumnMapping;
  options: SegmentOptions;
}

/**
 * Saves the column mapping and options in `workbook.settings` (stored in the document).
 * One sync.
 */
export async function saveRunSettings(context: Excel.RequestContext, saved: SavedRun): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, saved);
  await context.sync();
}

/**
 * Loads the saved choices, or null when the workbook has none or they are from an unknown version.
 * One sync.
 */
export async function loadRunSettings(context: Excel.RequestContext): Promise<SavedRun | null> {
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  await context.sync();
  if (setting.isNullObject) return null;
  const value: unknown = typeof setting.value === 'string' ? JSON.parse(setting.value) : setting.value;
  if (typeof value !== 'object' || value === null || (value as { version?: unknown }).version !== 1) return null;
  return value as SavedRun;
}
