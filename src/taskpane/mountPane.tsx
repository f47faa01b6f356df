import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import type { AppProps } from './components/App';

/** Renders the pane into `element`; used by the Office entry and by the demo page. */
export function mountPane(element: HTMLElement, props: AppProps): void {
  createRoot(element).render(<App {...props} />);
}
