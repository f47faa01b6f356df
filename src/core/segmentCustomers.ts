import { AnalyticsError } from './errors';
import type { SegmentationResult, SegmentOptions } from './segmentTypes';
import type { TransactionInput } from './transactions';

/** Placeholder until the implementation lands. */
export function segmentCustomers(
  input: TransactionInput,
  options: SegmentOptions = {},
  onProgress?: (phase: string, fraction: number) => void,
): SegmentationResult {
  void input;
  void options;
  void onProgress;
  throw new AnalyticsError('NOT_FOUND', 'segmentCustomers is not implemented yet.');
}
