import { createRoot } from 'react-dom/client';
import { REQUIRED_EXCEL_API, outlineGroupsSupported, taskPaneApiSupported } from '../excel';
import { ADDIN_VERSION } from './addinVersion';
import { App } from './components/App';
import type { AppProps } from './components/App';
import { languageFromOffice } from './i18n/translator';
import { isDarkBackground } from './officeTheme';
import { computeInWorker } from './run/computeInWorker';
import { officeExcelRun } from './run/excelHost';

/** Renders the pane into `element` with the given host functions and settings. */
export function mountPane(element: HTMLElement, props: AppProps): void {
  createRoot(element).render(<App {...props} />);
}

/**
 * Renders the pane as Office runs it, after `Office.onReady`: Excel.run, the worker, and the language, theme
 * and API level the host reports. The Excel entry and the demo (on the stand-in's Office) both use it.
 */
export function mountOfficePane(element: HTMLElement): void {
  mountPane(element, {
    excelRun: officeExcelRun,
    compute: computeInWorker,
    initialLanguage: languageFromOffice(Office.context.displayLanguage),
    dark: isDarkBackground(Office.context.officeTheme?.bodyBackgroundColor),
    addinVersion: ADDIN_VERSION,
    outlineGroups: outlineGroupsSupported(Office.context.requirements),
    // Checked at run time: the manifest asks only for SharedRuntime 1.1 so the functions load on older hosts.
    ...(taskPaneApiSupported(Office.context.requirements) ? {} : { unsupportedExcelApi: REQUIRED_EXCEL_API }),
  });
}
