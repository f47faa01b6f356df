import { defaultSegment, gridSegment, RFM_PACKAGE_GRID } from '../../src/core';
import { SEGMENT_LABELS, segmentLabel } from '../../src/messages/labels';

describe('defaultSegment(R, F) — the map of DOMAIN §7.4', () => {
  // The table of DOMAIN §7.4 typed in again, rows R = 5 … 1.
  const table = [
    ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
    ['Promising', 'Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'Loyal Customers'],
    ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
    ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
    ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  ];
  test('every cell of the 5 × 5 table', () => {
    for (let recency = 5; recency >= 1; recency--) {
      for (let frequency = 1; frequency <= 5; frequency++) {
        expect(segmentLabel(defaultSegment(recency, frequency), 'en')).toBe(table[5 - recency]?.[frequency - 1]);
      }
    }
  });
  test('10 bins are brought to 5 levels with ceil(score / 2)', () => {
    expect(defaultSegment(10, 9, 10)).toBe('champions');
    expect(defaultSegment(1, 10, 10)).toBe('cantLoseThem');
  });
  test('a score outside 1 … bins is OUT_OF_RANGE', () => {
    expect(() => defaultSegment(6, 1)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
  });
});

describe('gridSegment(R, F, M, rules) — the R package rfm grid', () => {
  test('first match wins, else others', () => {
    expect(gridSegment(5, 5, 5)).toBe('champions');
    expect(gridSegment(5, 1, 1)).toBe('potentialLoyalists');
    expect(gridSegment(1, 1, 1)).toBe('lost');
    expect(gridSegment(1, 3, 1)).toBe('others');
  });
  test('custom rules with their own labels', () => {
    const rules = [{ key: 'vip', label: { en: 'VIP', zh: '贵宾' }, monetary: [5, 5] as const }];
    expect(gridSegment(1, 1, 5, rules)).toBe('vip');
    expect(segmentLabel('vip', 'zh', rules)).toBe('贵宾');
    expect(gridSegment(1, 1, 4, rules)).toBe('others');
  });
  test('the grid has the ten segments of the rfm example', () => {
    expect(RFM_PACKAGE_GRID.map((rule) => rule.key)).toHaveLength(10);
  });
});

test('every segment label exists in English and Chinese', () => {
  for (const label of Object.values(SEGMENT_LABELS)) {
    expect(label.en.length).toBeGreaterThan(0);
    expect(label.zh).toMatch(/[\u4e00-\u9fff]/);
  }
  expect(segmentLabel('champions', 'zh')).toBe('冠军客户');
  expect(segmentLabel('unknownKey', 'en')).toBe('unknownKey');
});
