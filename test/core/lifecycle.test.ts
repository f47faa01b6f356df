import { historyFromTransactions, lifecycleOf, lifecycleStageAt, resolveLifecycleOptions } from '../../src/core';

const D = 20_000; // the as-of day; all days below are relative to it
/** One purchase of `amount` every `step` days over the given day window [from, to] before D. */
function purchases(from: number, to: number, step: number, amount: number): [number[], number[]] {
  const days: number[] = [];
  const amounts: number[] = [];
  for (let ago = from; ago >= to; ago -= step) {
    days.push(D - ago);
    amounts.push(amount);
  }
  return [days, amounts];
}
function history(...parts: [number[], number[]][]) {
  return historyFromTransactions(
    parts.flatMap((part) => part[0]),
    parts.flatMap((part) => part[1]),
  );
}

describe('lifecycleStageAt(history, D) — DOMAIN §7.6', () => {
  test('Lost: last purchase more than 365 days ago', () => {
    expect(lifecycleStageAt(history(purchases(800, 400, 30, 100)), D)).toBe('lost');
  });
  test('Exploration: fewer than 3 occasions', () => {
    expect(lifecycleStageAt(history(purchases(300, 10, 290, 100)), D)).toBe('exploration');
  });
  test('Exploration: tenure shorter than one period', () => {
    expect(lifecycleStageAt(history(purchases(80, 0, 10, 100)), D)).toBe('exploration');
  });
  test('Stability: the latest period holds the baseline', () => {
    expect(lifecycleStageAt(history(purchases(359, 0, 30, 100)), D)).toBe('stability');
  });
  test('Decline: latest period below 70 % of the baseline', () => {
    // 300 per period for three periods, then 100 in the latest: 100 < 0.7 · 300.
    expect(lifecycleStageAt(history(purchases(359, 90, 30, 100), purchases(60, 60, 30, 100)), D)).toBe('decline');
  });
  test('Formation: latest period above 120 % of the baseline', () => {
    expect(lifecycleStageAt(history(purchases(359, 90, 30, 100), purchases(89, 0, 10, 100)), D)).toBe('formation');
  });
  test('Formation: baseline ≤ 0 and a positive latest period', () => {
    // Three purchases 361–364 days ago (period 4) keep the tenure; periods 1–3 are empty, so b = 0.
    const fromNothing = history([
      [D - 364, D - 362, D - 361, D - 80, D - 40],
      [100, 100, 100, 50, 50],
    ]);
    expect(lifecycleStageAt(fromNothing, D)).toBe('formation');
  });
  test('the baseline uses only the periods that exist (K − 1 < 3)', () => {
    // Tenure 100 days → K = 2: baseline = v_1 alone.
    expect(
      lifecycleStageAt(
        history([
          [D - 100, D - 95, D - 5],
          [100, 100, 200],
        ]),
        D,
      ),
    ).toBe('stability');
    expect(
      lifecycleStageAt(
        history([
          [D - 100, D - 95, D - 5],
          [100, 100, 100],
        ]),
        D,
      ),
    ).toBe('decline');
  });
  test('a transaction on D counts; one after D is ignored; no occasion by D gives null', () => {
    // v_1 = 2 (days D − 100, D − 95); v_0 = 1 + 1 with the purchase on D itself → Stability.
    const withD = history([
      [D - 100, D - 95, D - 50, D],
      [1, 1, 1, 1],
    ]);
    expect(lifecycleStageAt(withD, D)).toBe('stability');
    // As of D − 1 the purchase on D is in the future: v_0 = 1 < 0.7 · 2 → Decline.
    expect(lifecycleStageAt(withD, D - 1)).toBe('decline');
    expect(lifecycleStageAt(history([[D + 1], [1]]), D)).toBeNull();
  });
  test('thresholds are options', () => {
    const h = history(purchases(359, 0, 30, 100));
    expect(lifecycleStageAt(h, D, resolveLifecycleOptions({ minOccasions: 20 }))).toBe('exploration');
    expect(
      lifecycleStageAt(history(purchases(800, 400, 30, 100)), D, resolveLifecycleOptions({ churnDays: 1000 })),
    ).not.toBe('lost');
    expect(() => resolveLifecycleOptions({ periodDays: 0 })).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
  });
});

describe('lifecycleOf(history, D) — patterns', () => {
  test('long-term retention: stable for a year and still stable', () => {
    expect(lifecycleOf(history(purchases(720, 0, 30, 100)), D).pattern).toBe('longTermRetention');
  });
  test('early exit: was stable, now declining', () => {
    expect(lifecycleOf(history(purchases(720, 90, 30, 100), purchases(60, 60, 30, 100)), D)).toEqual({
      stage: 'decline',
      pattern: 'earlyExit',
    });
  });
  test('mid-way break: grew (formation), never stable, now lost', () => {
    // Growing volume per quarter, then nothing for more than a year.
    const days = [D - 800, D - 780, D - 760, D - 700, D - 690, D - 680, D - 670, D - 660, D - 650, D - 640];
    const result = lifecycleOf(history([days, days.map(() => 100)]), D);
    expect(result.stage).toBe('lost');
    expect(result.pattern).toBe('midwayBreak');
  });
  test('early abort: a trial and gone', () => {
    expect(lifecycleOf(history([[D - 500], [30]]), D)).toEqual({ stage: 'lost', pattern: 'earlyAbort' });
  });
  test('ongoing: still exploring', () => {
    expect(lifecycleOf(history([[D - 10], [30]]), D)).toEqual({ stage: 'exploration', pattern: 'ongoing' });
  });
  test('a customer with no purchase by D is NOT_FOUND', () => {
    expect(() => lifecycleOf(history([[D + 3], [1]]), D)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
