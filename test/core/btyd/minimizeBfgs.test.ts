import { minimizeBfgs } from '../../../src/core/btyd/minimizeBfgs';
import type { ObjectiveWithGradient } from '../../../src/core/btyd/minimizeBfgs';

/** Rosenbrock's banana, minimum 0 at (1, 1) (Nocedal & Wright 2006, eq. 2.22), counting its calls. */
function rosenbrock(): { objective: ObjectiveWithGradient; calls: () => number } {
  let calls = 0;
  const objective: ObjectiveWithGradient = (p, g) => {
    calls++;
    const [x, y] = p as [number, number];
    g[0] = -400 * x * (y - x * x) - 2 * (1 - x);
    g[1] = 200 * (y - x * x);
    return 100 * (y - x * x) ** 2 + (1 - x) ** 2;
  };
  return { objective, calls: () => calls };
}

describe('minimizeBfgs', () => {
  test('minimizeBfgs(Rosenbrock, [−1.2, 1]) reaches (1, 1) and counts its evaluations', () => {
    const { objective, calls } = rosenbrock();
    const result = minimizeBfgs(objective, [-1.2, 1], { gradientTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    expect(result.exhausted).toBe(false);
    expect(result.point[0]).toBeCloseTo(1, 6);
    expect(result.point[1]).toBeCloseTo(1, 6);
    expect(result.evaluations).toBe(calls());
  });

  test('minimizeBfgs stops at maxEvaluations, says so, and never calls the objective more often', () => {
    for (const budget of [1, 2, 7, 30]) {
      const { objective, calls } = rosenbrock();
      const result = minimizeBfgs(objective, [-1.2, 1], { maxEvaluations: budget });
      expect(calls()).toBeLessThanOrEqual(budget);
      expect(result.evaluations).toBe(calls());
      expect(result.exhausted).toBe(true);
      expect(result.converged).toBe(false);
      expect(Number.isFinite(result.value)).toBe(true);
    }
  });

  test('a budget that is not reached changes nothing', () => {
    const free = minimizeBfgs(rosenbrock().objective, [-1.2, 1]);
    const bounded = minimizeBfgs(rosenbrock().objective, [-1.2, 1], { maxEvaluations: free.evaluations + 1 });
    expect(bounded).toEqual(free);
  });

  test('line searches into non-finite values cost evaluations, so the budget bounds them too', () => {
    // Finite only near the start: every step from there is rejected until the steps are tiny.
    let calls = 0;
    const cliff: ObjectiveWithGradient = (p, g) => {
      calls++;
      const x = p[0] ?? 0;
      g[0] = -1;
      return x > 1e-3 ? Number.NaN : -x;
    };
    const result = minimizeBfgs(cliff, [0], { maxEvaluations: 25 });
    expect(calls).toBeLessThanOrEqual(25);
    expect(result.converged).toBe(false);
  });
});
