// The demo page: a stand-in workbook of CDNOW transactions beside the real task pane, for a browser with no Excel.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { installStandinGlobals } from '../standin';
import { mountOfficePane } from '../taskpane/mountPane';
import csv from './cdnowSample.csv';
import { DemoGrid } from './DemoGrid';
import { DemoIntro } from './DemoIntro';
import { languageOfLocale } from '../core';
import { SAMPLE_ATTRIBUTION, sampleWorkbook } from './sampleWorkbook';

const parameters = new URLSearchParams(window.location.search);
const book = sampleWorkbook(csv);
installStandinGlobals(book, {
  displayLanguage: parameters.get('lang') ?? navigator.language,
  bodyBackgroundColor: parameters.get('theme') === 'dark' ? '#262626' : '#ffffff',
  // ?excelApi=1.6 simulates an older Excel, to show what the pane says there.
  ...(parameters.get('excelApi') === null ? {} : { excelApiVersion: parameters.get('excelApi') ?? '' }),
});
// Browser tests read the stand-in workbook through this handle.
Object.assign(window, { demoWorkbook: book });

const gridElement = document.getElementById('grid');
const paneElement = document.getElementById('pane');
if (gridElement && paneElement) {
  createRoot(gridElement).render(
    <FluentProvider
      theme={webLightTheme}
      style={{ height: '100%', display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}
    >
      <DemoIntro language={languageOfLocale(parameters.get('lang') ?? navigator.language)} />
      <DemoGrid book={book} attribution={SAMPLE_ATTRIBUTION} />
    </FluentProvider>,
  );
  void Office.onReady(() => mountOfficePane(paneElement));
}
