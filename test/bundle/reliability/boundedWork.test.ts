/*
 * Class 13: every function's work is bounded by its input, not by a number typed into it. Each function is
 * called with its worst arguments; the bound (1 s for all of them together) is far above what they need and far
 * below the seconds to days the loops took.
 */
import { readCdnowSample } from '../../core/btyd/cdnowSample';
import { call, col, errorOf, serial } from './callBundle';

const block = [
  ['r', 0.2426],
  ['alpha', 4.4136],
  ['a', 0.7929],
  ['b', 2.4259],
  ['unit', 'weeks'],
];
const gg = [
  ['p', 6.25],
  ['q', 3.74],
  ['gamma', 15.44],
];

function timed(run: () => unknown): number {
  const start = performance.now();
  try {
    run();
  } catch {
    // A refusal is a bounded answer too.
  }
  return performance.now() - start;
}

describe('bounded work with the worst arguments', () => {
  it('CLV({100}, 0, 1, 1E9) is 1E11 at once (it looped a billion times, 9 s)', () => {
    expect(call('CLV', [[100]], 0, 1, 1e9, null)).toBeCloseTo(1e11, -1);
  });

  it('RETENTION_CLV(100, 90%, 10%, , 1E15) equals the infinite-horizon value 450 at once (it would have taken days)', () => {
    // Σ 100·0.9^t/1.1^t for t = 1 … 1E15 is 100 · q / (1 − q), q = 0.9/1.1, to double precision.
    expect(call('RETENTION_CLV', 100, '90%', '10%', null, 1e15)).toBeCloseTo(450, 9);
  });

  it('the closed form agrees with the sum written out for a short horizon', () => {
    let sum = 0;
    for (let t = 1; t <= 7; t++) sum += (120 * 0.8 ** (t - 1)) / 1.1 ** t;
    expect(call('CLV', [[120]], 0.1, 0.8, 7, 50)).toBeCloseTo(sum - 50, 10);
  });

  it('every function answers its worst arguments within 1 s in total', () => {
    const cdnow = readCdnowSample().slice(0, 200);
    const dates = [serial('1900-01-01'), serial('9999-12-31')];
    const worst: [string, unknown[]][] = [
      ['CLV', [[[100]], 0, 1, 1e15, null]],
      ['CLV', [[[100]], -0.999999, 1, 1e15, null]],
      ['RETENTION_CLV', [100, 1, 0, null, 1e15]],
      ['LIFECYCLE_STAGE', [col(dates), col([1, 1]), null, null, null, 1, 0, null]],
      ['LIFECYCLE_PATTERN', [col(dates), col([1, 1]), null, null, null, 1, 0, null]],
      ['RFM_TABLE', [col(['a', 'b']), col(dates), col([1, 2]), null, null, null, null]],
      ['EXPECTED_PURCHASES', [block, 1e308, 5, 30, 38]],
      ['EXPECTED_PURCHASES', [block, 1e15, null, null, null]],
      ['P_ALIVE', [block, 1e9, 1e9, 1e9]],
      ['PREDICTED_CLV', [block, gg, 1e6, 1e6, 1e6, 1e6, null, 1200, null, null]],
      [
        'BGNBD_FIT',
        [col(cdnow.map((c) => c.x)), col(cdnow.map((c) => c.tx)), col(cdnow.map((c) => c.T)), null, null, null],
      ],
    ];
    let total = 0;
    for (const [id, args] of worst) total += timed(() => call(id, ...args));
    expect(total).toBeLessThan(1000);
  });

  it("an endless forecast horizon is refused in the user's words, not with series notation", () => {
    const error = errorOf('EXPECTED_PURCHASES', block, 1e308, 5, 30, 38);
    expect(error.message).not.toMatch(/2F1|z </);
  });
});
