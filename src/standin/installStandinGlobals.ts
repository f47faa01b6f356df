import { StandinRequestContext } from './standinContext';
import type { StandinWorkbook } from './standinWorkbook';

/** What the demo tells the pane about "Office": language and theme. */
export interface StandinOfficeInfo {
  displayLanguage: string;
  bodyBackgroundColor: string;
}

/**
 * Installs global `Excel.run` and `Office.onReady`/`Office.context` backed by a stand-in workbook,
 * so the real task pane code runs unchanged in a plain browser page (the demo) or a test.
 *
 * Why globals: the pane's Office entry calls `Excel.run`; the demo proves that same path.
 */
export function installStandinGlobals(book: StandinWorkbook, office: StandinOfficeInfo): void {
  const excel = {
    run: <T>(batch: (context: StandinRequestContext) => Promise<T>): Promise<T> =>
      batch(new StandinRequestContext(book)),
  };
  const officeGlobal = {
    onReady: (callback?: (info: { host: string; platform: string }) => void) => {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: office.displayLanguage,
      officeTheme: { bodyBackgroundColor: office.bodyBackgroundColor },
    },
  };
  Object.assign(globalThis, { Excel: excel, Office: officeGlobal });
}
