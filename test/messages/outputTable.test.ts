import { segmentCustomers } from '../../src/core';
import { labelSegmentation } from '../../src/messages/labelSegmentation';
import { OUTPUT_COLUMNS, toOutputRows } from '../../src/messages/outputTable';

describe('OUTPUT_COLUMNS and toOutputRows(result)', () => {
  test('the contract columns are present with their snake_case headers', () => {
    const headers = OUTPUT_COLUMNS.map((column) => column.header);
    for (const required of [
      'customer_id',
      'first_purchase',
      'last_purchase',
      'recency_days',
      'frequency',
      'monetary',
      'r_score',
      'f_score',
      'm_score',
      'rfm_code',
      'segment',
      'lifecycle_stage',
      'lifecycle_pattern',
      'historic_value',
      'value_tier',
      'x',
      't_x',
      'T',
    ]) {
      expect(headers).toContain(required);
    }
    expect(new Set(headers).size).toBe(headers.length);
  });
  test('a header row, then one row per customer in column order', () => {
    const result = segmentCustomers({ customer: ['b', 'a'], date: ['2024-01-01', '2024-01-02'], amount: [3, 4] });
    const rows = toOutputRows(result);
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[0]).toBe('a');
    expect(rows[2]?.[OUTPUT_COLUMNS.findIndex((column) => column.header === 'first_purchase')]).toBe('2024-01-01');
  });
});

test('toOutputRows words keys as labelSegmentation does, in the language asked for', () => {
  const result = segmentCustomers({
    customer: ['a', 'b', 'a', 'c'],
    date: ['2024-01-01', '2024-02-01', '2024-03-01', '2023-06-01'],
    amount: [30, 4, 20, 9],
  });
  const at = (header: string): number => OUTPUT_COLUMNS.findIndex((column) => column.header === header);
  for (const language of ['en', 'zh'] as const) {
    const labelled = labelSegmentation(result, language).customers;
    const rows = toOutputRows(result, language).slice(1);
    expect(rows.map((row) => row[at('segment')])).toEqual(labelled.map((customer) => customer.segment));
    expect(rows.map((row) => row[at('lifecycle_stage')])).toEqual(labelled.map((customer) => customer.lifecycleStage));
    expect(rows.map((row) => row[at('lifecycle_pattern')])).toEqual(
      labelled.map((customer) => customer.lifecyclePattern),
    );
    expect(rows.map((row) => row[at('value_tier')])).toEqual(labelled.map((customer) => customer.valueTier));
  }
  expect(toOutputRows(result, 'zh')[1]?.[at('value_tier')]).toMatch(/[\u4e00-\u9fff]/);
});
