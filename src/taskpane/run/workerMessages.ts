import type { SegmentationResult, SegmentOptions, SkippedRows, SummaryInput, TransactionInput } from '../../core';

/** Sent to the segmentation worker. */
export interface WorkerRequest {
  input: TransactionInput | SummaryInput;
  options: SegmentOptions;
}

/** Sent back by the segmentation worker. */
export type WorkerReply =
  | { type: 'progress'; phase: string; fraction: number }
  | { type: 'done'; result: SegmentationResult }
  | { type: 'error'; code: string; message: string; skipped?: SkippedRows };
