// The public barrel of the analytics engine: other layers import core only from here.
export * from './errors';
export * from './dates';
export * from './columns';
export * from './transactions';
export * from './summarizeCustomers';
export * from './rfmScore';
export * from './labels';
export * from './rfmSegment';
export * from './clv';
export * from './lifecycle';
export * from './valueTiers';
export * from './experienceGap';
export * from './segmentTypes';
export * from './segmentCustomers';
export * from './holdoutCheck';
export * from './outputTable';
export * from './btyd';
