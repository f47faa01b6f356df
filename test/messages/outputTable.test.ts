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
    const rows = toOutputRows(labelSegmentation(result));
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[0]).toBe('a');
    expect(rows[2]?.[OUTPUT_COLUMNS.findIndex((column) => column.header === 'first_purchase')]).toBe('2024-01-01');
  });
});
