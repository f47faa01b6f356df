import { StandinRequestContext } from './standinContext';
import type { StandinWorkbook } from './standinWorkbook';

/** What the demo tells the pane about "Office": language, theme and the API levels of the simulated host. */
export interface StandinOfficeInfo {
  displayLanguage: string;
  bodyBackgroundColor: string;
  /** The highest ExcelApi requirement set the simulated host supports; default 1.17 (a current Excel). */
  excelApiVersion?: string;
}

/** Compares dotted versions numerically ('1.10' is after '1.7'). */
function versionAtMost(wanted: string, available: string): boolean {
  const a = wanted.split('.').map(Number);
  const b = available.split('.').map(Number);
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference < 0;
  }
  return true;
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
      // Office.context.requirements.isSetSupported as Office answers it: by requirement set name and minimum version.
      requirements: {
        isSetSupported: (name: string, minVersion = '1.1'): boolean => {
          const available: Record<string, string> = {
            ExcelApi: office.excelApiVersion ?? '1.17',
            SharedRuntime: '1.1',
          };
          const version = available[name];
          return version !== undefined && versionAtMost(minVersion, version);
        },
      },
      displayLanguage: office.displayLanguage,
      officeTheme: { bodyBackgroundColor: office.bodyBackgroundColor },
    },
  };
  Object.assign(globalThis, { Excel: excel, Office: officeGlobal });
}
