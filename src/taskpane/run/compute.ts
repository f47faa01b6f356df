import type { SegmentationResult, SegmentOptions, SummaryInput, TransactionInput } from '../../core';

/** Runs core's segmentation somewhere (a Web Worker in the pane, in-process in tests). */
export type Compute = (
  input: TransactionInput | SummaryInput,
  options: SegmentOptions,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) => Promise<SegmentationResult>;
