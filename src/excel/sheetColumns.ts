import type { LabelledCustomer } from '../messages/labelSegmentation';

/**
 * What a column holds, which alone decides its Excel format (never its header or label): an id kept as text, a
 * calendar day, money, a whole count (purchases, days, scores), a share or probability (percent), a model
 * quantity with decimals, or plain text.
 */
export type ColumnKind = 'id' | 'text' | 'day' | 'money' | 'count' | 'share' | 'probability' | 'decimal';

/** The Excel number format of each kind. '@' keeps ids such as 00001 as text. */
export const KIND_FORMATS: Readonly<Record<ColumnKind, string>> = Object.freeze({
  id: '@',
  text: 'General',
  day: 'yyyy-mm-dd',
  money: '#,##0.00',
  count: '#,##0',
  share: '0.0%',
  probability: '0.0%',
  decimal: '0.00',
});

/** The result fields the customer sheet writes. */
export type SheetColumnKey = Exclude<
  keyof LabelledCustomer,
  'segmentKey' | 'lifecycleStageKey' | 'lifecyclePatternKey' | 'valueTierKey'
>;

/** One column of the customer sheet: the result field, its kind, and whether it is a model internal. */
export interface SheetColumn {
  key: SheetColumnKey;
  kind: ColumnKind;
  /** Model internals (x, t_x, T …): written at the right, in an outline group the reader can collapse. */
  model?: boolean;
  /** Only present after the probabilistic method. */
  probabilistic?: boolean;
}

/**
 * The customer sheet's columns in the order a manager reads them: who (id), which group (segment, tier,
 * lifecycle stage), what they are worth (CLV first), then the purchase history, the RFM scores, and the model
 * internals last. The CSV and CLI keep core's snake_case order (a contract for scripts); only the sheet differs.
 */
export const SHEET_COLUMNS: readonly SheetColumn[] = Object.freeze([
  { key: 'customerId', kind: 'id' },
  { key: 'segment', kind: 'text' },
  { key: 'valueTier', kind: 'text' },
  { key: 'lifecycleStage', kind: 'text' },
  { key: 'clv', kind: 'money' },
  { key: 'predictedClv', kind: 'money', probabilistic: true },
  { key: 'pAlive', kind: 'probability', probabilistic: true },
  { key: 'historicValue', kind: 'money' },
  { key: 'frequency', kind: 'count' },
  { key: 'monetary', kind: 'money' },
  { key: 'monetaryAvg', kind: 'money' },
  { key: 'returnsValue', kind: 'money' },
  { key: 'firstPurchase', kind: 'day' },
  { key: 'lastPurchase', kind: 'day' },
  { key: 'recencyDays', kind: 'count' },
  { key: 'tenureDays', kind: 'count' },
  { key: 'rfmCode', kind: 'text' },
  { key: 'rScore', kind: 'count' },
  { key: 'fScore', kind: 'count' },
  { key: 'mScore', kind: 'count' },
  { key: 'lifecyclePattern', kind: 'text' },
  { key: 'expectedPurchases', kind: 'decimal', model: true, probabilistic: true },
  { key: 'expectedAvgValue', kind: 'money', model: true, probabilistic: true },
  { key: 'x', kind: 'count', model: true },
  { key: 'tx', kind: 'decimal', model: true },
  { key: 'T', kind: 'decimal', model: true },
  { key: 'monetaryRepeatAvg', kind: 'money', model: true },
] satisfies SheetColumn[]);

/**
 * The columns for one result: the probabilistic ones only when the customers have predictions. O(columns).
 * @example
 * sheetColumns(false)[0].key // => 'customerId'
 */
export function sheetColumns(probabilistic: boolean): SheetColumn[] {
  return SHEET_COLUMNS.filter((column) => probabilistic || column.probabilistic !== true);
}
