/** An objective that returns its value and writes its gradient into `gradient`. */
export type ObjectiveWithGradient = (point: readonly number[], gradient: number[]) => number;

/** Outcome of {@link minimizeBfgs}. */
export interface MinimizeResult {
  point: number[];
  value: number;
  iterations: number;
  converged: boolean;
  gradientNorm: number;
  /** Calls of the objective. */
  evaluations: number;
  /** True when the run stopped because `maxEvaluations` was reached. */
  exhausted: boolean;
}

/** Options of {@link minimizeBfgs}. */
export interface MinimizeOptions {
  maxIterations?: number;
  /** Converged when the largest absolute gradient component is below this. */
  gradientTolerance?: number;
  /** Largest step length (in the parameters' units; log-parameters here) so exp() never overflows. */
  maxStep?: number;
  /**
   * Most calls of the objective (each gives a value and a gradient), a bound on the work that does not depend on
   * how the iterations go: line searches that keep halving cost evaluations, not iterations. Default unbounded.
   */
  maxEvaluations?: number;
}

function dot(u: readonly number[], v: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += (u[i] ?? 0) * (v[i] ?? 0);
  return s;
}

function maxAbs(v: readonly number[]): number {
  let m = 0;
  for (const value of v) m = Math.max(m, Math.abs(value));
  return m;
}

/**
 * Minimises a smooth function with the BFGS quasi-Newton method and a backtracking (Armijo) line search.
 *
 * Chosen over Nelder–Mead (the `fmin` package) because the BTYD likelihoods have cheap analytic
 * gradients: BFGS needs a few dozen gradient evaluations where Nelder–Mead needs hundreds of function
 * evaluations and stops short of 4-significant-digit agreement with the published estimates. Non-finite
 * values are treated as "step too long", so the search never leaves the region where the likelihood exists,
 * and the iteration count is bounded, so it never hangs; `maxEvaluations` also bounds the objective calls, which
 * long line searches can multiply. Nocedal & Wright (2006), Numerical Optimization, algorithm 6.1.
 *
 * Cost: O(iterations · (evaluations + d²)).
 * @example
 * minimizeBfgs((p, g) => { g[0] = 2 * (p[0]! - 3); return (p[0]! - 3) ** 2; }, [0]).point; // => [3]
 */
export function minimizeBfgs(
  objective: ObjectiveWithGradient,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.gradientTolerance ?? 1e-9;
  const maxStep = options.maxStep ?? 2;
  const maxEvaluations = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  const d = start.length;
  let point = start.slice();
  let gradient = new Array<number>(d).fill(0);
  let value = objective(point, gradient);
  let evaluations = 1;
  if (!Number.isFinite(value) || !gradient.every(Number.isFinite)) {
    return {
      point,
      value: Number.POSITIVE_INFINITY,
      iterations: 0,
      converged: false,
      gradientNorm: Infinity,
      evaluations,
      exhausted: false,
    };
  }
  // Inverse Hessian approximation, starting from the identity.
  let inverse: number[][] = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j ? 1 : 0)));
  let iterations = 0;
  let stalled = 0;
  const stop = (converged: boolean, exhausted = false): MinimizeResult => ({
    point,
    value,
    iterations,
    converged,
    gradientNorm: maxAbs(gradient),
    evaluations,
    exhausted,
  });
  for (; iterations < maxIterations; iterations++) {
    if (maxAbs(gradient) < tolerance) return stop(true);
    if (evaluations >= maxEvaluations) return stop(false, true);
    let direction = inverse.map((row) => -dot(row, gradient));
    let slope = dot(direction, gradient);
    if (!(slope < 0)) {
      // Lost descent: restart from steepest descent.
      inverse = inverse.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      direction = gradient.map((g) => -g);
      slope = dot(direction, gradient);
    }
    const length = maxAbs(direction);
    let step = length > maxStep ? maxStep / length : 1;
    const nextGradient = new Array<number>(d).fill(0);
    let nextPoint = point;
    let nextValue = Number.POSITIVE_INFINITY;
    let accepted = false;
    for (let halving = 0; halving < 40 && evaluations < maxEvaluations; halving++) {
      nextPoint = point.map((p, i) => p + step * (direction[i] ?? 0));
      nextValue = objective(nextPoint, nextGradient);
      evaluations++;
      if (
        Number.isFinite(nextValue) &&
        nextGradient.every(Number.isFinite) &&
        nextValue <= value + 1e-4 * step * slope
      ) {
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) {
      if (evaluations >= maxEvaluations) return stop(false, true);
      // No decrease is possible along the direction: we are at the optimum to rounding precision.
      return stop(maxAbs(gradient) < Math.sqrt(tolerance));
    }
    const s = nextPoint.map((p, i) => p - (point[i] ?? 0));
    const y = nextGradient.map((g, i) => g - (gradient[i] ?? 0));
    const sy = dot(s, y);
    if (sy > 1e-14) {
      // Standard BFGS update of the inverse Hessian: H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ.
      const rho = 1 / sy;
      const hy = inverse.map((row) => dot(row, y));
      const yhy = dot(y, hy);
      inverse = inverse.map((row, i) =>
        row.map(
          (h, j) =>
            h -
            rho * ((hy[i] ?? 0) * (s[j] ?? 0) + (s[i] ?? 0) * (hy[j] ?? 0)) +
            (rho * rho * yhy + rho) * (s[i] ?? 0) * (s[j] ?? 0),
        ),
      );
    }
    // Rounding noise near the optimum can keep the line search "succeeding" by 1e-16 forever: stop when the
    // value has not moved for a few iterations, and judge convergence by a looser gradient test.
    stalled = value - nextValue <= 1e-14 * (1 + Math.abs(value)) ? stalled + 1 : 0;
    point = nextPoint;
    value = nextValue;
    gradient = nextGradient;
    if (stalled >= 5) {
      iterations++;
      return stop(maxAbs(gradient) < Math.sqrt(tolerance));
    }
  }
  return stop(maxAbs(gradient) < tolerance);
}

/**
 * The Hessian of a function at a point by central differences of its analytic gradient, symmetrised.
 * Cost: 2d gradient evaluations.
 */
export function numericHessian(objective: ObjectiveWithGradient, point: readonly number[], step = 1e-5): number[][] {
  const d = point.length;
  const columns: number[][] = [];
  for (let j = 0; j < d; j++) {
    const plus = point.slice();
    const minus = point.slice();
    plus[j] = (plus[j] ?? 0) + step;
    minus[j] = (minus[j] ?? 0) - step;
    const gPlus = new Array<number>(d).fill(0);
    const gMinus = new Array<number>(d).fill(0);
    objective(plus, gPlus);
    objective(minus, gMinus);
    columns.push(gPlus.map((g, i) => (g - (gMinus[i] ?? 0)) / (2 * step)));
  }
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => ((columns[j]?.[i] ?? 0) + (columns[i]?.[j] ?? 0)) / 2),
  );
}

/**
 * Inverts a symmetric positive-definite matrix by Cholesky factorisation; `null` when it is not positive
 * definite (then standard errors do not exist). Cost: O(d³).
 */
export function invertPositiveDefinite(matrix: readonly (readonly number[])[]): number[][] | null {
  const d = matrix.length;
  const lower: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]?.[j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (lower[i]?.[k] ?? 0) * (lower[j]?.[k] ?? 0);
      if (i === j) {
        if (!(sum > 0)) return null;
        (lower[i] as number[])[i] = Math.sqrt(sum);
      } else {
        (lower[i] as number[])[j] = sum / (lower[j]?.[j] ?? 1);
      }
    }
  }
  // Solve L Lᵀ X = I column by column.
  const inverse: number[][] = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let col = 0; col < d; col++) {
    const y = new Array<number>(d).fill(0);
    for (let i = 0; i < d; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) sum -= (lower[i]?.[k] ?? 0) * (y[k] ?? 0);
      y[i] = sum / (lower[i]?.[i] ?? 1);
    }
    for (let i = d - 1; i >= 0; i--) {
      let sum = y[i] ?? 0;
      for (let k = i + 1; k < d; k++) sum -= (lower[k]?.[i] ?? 0) * (inverse[k]?.[col] ?? 0);
      (inverse[i] as number[])[col] = sum / (lower[i]?.[i] ?? 1);
    }
  }
  return inverse;
}
