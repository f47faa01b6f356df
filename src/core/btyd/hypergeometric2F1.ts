import { AnalyticsError } from '../errors';

// Module-local copies: hot loops then avoid a global lookup per call (slow in Jest's vm sandbox).
const { abs, exp, log, log1p } = Math;

const MAX_TERMS = 1_000_000;

/**
 * Sums the Gauss series Σ (a)_n (b)_n / ((c)_n n!) zⁿ for 0 ≤ z < 1, stopping once the geometric bound on
 * the tail is below the rounding level of the sum.
 */
function gaussSeries(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    // Once the term ratio is below 1 for good (it increases towards z), the tail is at most term·ρ/(1−ρ).
    const nextRatio = abs((((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z);
    if (nextRatio < 1 && n > abs(a) + abs(b)) {
      const tail = (abs(term) * nextRatio) / (1 - nextRatio);
      if (tail <= 1e-16 * abs(sum)) return sum;
    }
  }
  throw new AnalyticsError(
    'NOT_CONVERGED',
    'The forecast did not converge for this horizon: try a shorter horizon or a coarser time unit.',
  );
}

/**
 * The natural logarithm of Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1, c > 0,
 * in the positive cases the BTYD models need.
 *
 * When c − a − b < 0 the series grows like (1 − z)^(c−a−b) near z = 1 and can overflow, so Euler's
 * transformation ₂F₁(a, b; c; z) = (1 − z)^(c−a−b) ₂F₁(c − a, c − b; c; z) is applied first; the
 * transformed series then converges even at z = 1 (Abramowitz & Stegun 15.3.3). The same remedy is used by
 * BTYD's `h2f1` and SciPy's `hyp2f1`.
 *
 * Cost: O(n) terms, n ≈ log(ε) / log(z); a few dozen for z ≤ 0.5.
 * @throws AnalyticsError `OUT_OF_RANGE` if z is outside [0, 1) or the value is not positive,
 *   `NOT_CONVERGED` if a million terms do not suffice.
 * @example
 * Math.exp(logHypergeometric2F1(1, 1, 2, 0.5)); // => 1.3862943611198906 (2 ln 2)
 */
export function logHypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(c > 0)) {
    // Reached with a horizon so long that t / (α + T + t) rounds to 1, or parameters with a + b ≤ 1.
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      'The forecast cannot be computed for this horizon and these parameters: use a shorter horizon.',
    );
  }
  const excess = c - a - b;
  const useEuler = excess < 0;
  const series = useEuler ? gaussSeries(c - a, c - b, c, z) : gaussSeries(a, b, c, z);
  if (!(series > 0) || !Number.isFinite(series)) {
    throw new AnalyticsError(
      'OUT_OF_RANGE',
      'The forecast cannot be computed for this horizon and these parameters: use a shorter horizon.',
    );
  }
  return log(series) + (useEuler ? excess * log1p(-z) : 0);
}

/**
 * Gauss's hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 (see {@link logHypergeometric2F1}).
 * @example
 * hypergeometric2F1(1, 1, 2, 0.5); // => 1.3862943611198906
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  return exp(logHypergeometric2F1(a, b, c, z));
}
