// The task pane entry: Office.onReady bootstraps the pane in Excel (no Office.initialize).
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
  });
});
