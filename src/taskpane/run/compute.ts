import type { SegmentationResult, SegmentOptions, TransactionInput } from '../../core';

/** Runs core's segmentation somewhere (a Web Worker in the pane, in-process in tests). */
export type Compute = (
  input: TransactionInput,
  options: SegmentOptions,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
) => Promise<SegmentationResult>;
