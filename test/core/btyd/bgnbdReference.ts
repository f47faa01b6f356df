/*
 * BG/NBD formulas written out in the tests, independently of core's implementation, so core's predictions
 * can be checked against them (Fader, Hardie & Lee 2005).
 */

/** The BG/NBD parameters. */
export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * Gauss's hypergeometric 2F1(a, b; c; z) by its plain power series; used with |z| < 0.6, where summation
 * converges quickly.
 */
export function seriesHypergeometric(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 10_000 && Math.abs(term) > 1e-16 * Math.abs(sum); n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    sum += term;
  }
  return sum;
}

/** BG/NBD conditional expectation E[Y(t) | x, t_x, T] (Fader, Hardie & Lee 2005, equation 10). */
export function conditionalExpectation(
  params: BgNbdParameters,
  t: number,
  customer: { x: number; tx: number; T: number },
): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  const z = t / (alpha + T + t);
  const bracket = 1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * seriesHypergeometric(r + x, b + x, a + b + x - 1, z);
  const numerator = ((a + b + x - 1) / (a - 1)) * bracket;
  const denominator = 1 + (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0);
  return numerator / denominator;
}

/** BG/NBD P(alive | x, t_x, T) (Fader, Hardie & Lee 2005, "Computing P(alive)"): 1 for x = 0. */
export function probabilityAlive(params: BgNbdParameters, customer: { x: number; tx: number; T: number }): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  if (x === 0) return 1;
  return 1 / (1 + (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x));
}
