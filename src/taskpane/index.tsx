// The task pane entry: Office.onReady bootstraps the pane in Excel (no Office.initialize).
import { mountOfficePane } from './mountPane';

void Office.onReady(() => {
  const element = document.getElementById('root');
  if (element) mountOfficePane(element);
});
