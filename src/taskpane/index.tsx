// The task pane entry: Office.onReady bootstraps the pane in Excel (no Office.initialize).
import { REQUIRED_EXCEL_API, taskPaneApiSupported } from '../excel';
import { ADDIN_VERSION } from './addinVersion';
import { languageFromOffice } from './i18n/translator';
import { mountPane } from './mountPane';
import { isDarkBackground } from './officeTheme';
import { computeInWorker } from './run/computeInWorker';
import { officeExcelRun } from './run/excelHost';

void Office.onReady(() => {
  const element = document.getElementById('root');
  if (!element) return;
  mountPane(element, {
    excelRun: officeExcelRun,
    compute: computeInWorker,
    initialLanguage: languageFromOffice(Office.context.displayLanguage),
    dark: isDarkBackground(Office.context.officeTheme?.bodyBackgroundColor),
    addinVersion: ADDIN_VERSION,
    // Checked at run time: the manifest asks only for SharedRuntime 1.1 so the functions load on older hosts.
    ...(taskPaneApiSupported(Office.context.requirements) ? {} : { unsupportedExcelApi: REQUIRED_EXCEL_API }),
  });
});
