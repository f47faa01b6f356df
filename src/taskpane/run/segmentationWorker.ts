// The Web Worker that runs core's segmentation (of transactions or of a customer summary) off the UI thread, so Excel and the pane stay responsive.
import { AnalyticsError, segmentInput } from '../../core';
import type { WorkerReply, WorkerRequest } from './workerMessages';

interface WorkerScope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (message: WorkerReply) => void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  try {
    const result = segmentInput(event.data.input, event.data.options, (phase, fraction) =>
      scope.postMessage({ type: 'progress', phase, fraction }),
    );
    scope.postMessage({ type: 'done', result });
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'UNKNOWN';
    const message = error instanceof Error ? error.message : String(error);
    // The skip report crosses the worker boundary so the pane can word it in its own language.
    const skipped = error instanceof AnalyticsError ? error.skipped : undefined;
    scope.postMessage({ type: 'error', code, message, ...(skipped === undefined ? {} : { skipped }) });
  }
};
