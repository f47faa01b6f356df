import type { SegmentationResult } from '../../core';
import type { Compute } from './compute';
import type { WorkerReply, WorkerRequest } from './workerMessages';

/**
 * Runs the segmentation in a Web Worker (webpack 5 bundles `new URL('./…', import.meta.url)` workers).
 * Cancel terminates the worker, which is the only way to stop a synchronous computation.
 */
export const computeInWorker: Compute = (input, options, onProgress, signal) =>
  new Promise<SegmentationResult>((resolve, reject) => {
    const worker = new Worker(new URL('./segmentationWorker.ts', import.meta.url));
    const stop = (): void => {
      worker.terminate();
      reject(Object.assign(new Error('The computation was cancelled.'), { code: 'CANCELLED' }));
    };
    signal?.addEventListener('abort', stop, { once: true });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress(reply.fraction);
        return;
      }
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.result);
      else reject(Object.assign(new Error(reply.message), { code: reply.code, skipped: reply.skipped }));
    };
    worker.onerror = (event) => {
      signal?.removeEventListener('abort', stop);
      worker.terminate();
      reject(new Error(event.message || 'The segmentation worker failed to start.'));
    };
    const request: WorkerRequest = { input, options };
    worker.postMessage(request);
  });
