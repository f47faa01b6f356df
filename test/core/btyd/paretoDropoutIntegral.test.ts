import { logHypergeometric2F1 } from '../../../src/core/btyd/hypergeometric2F1';
import { paretoDropoutIntegral } from '../../../src/core/btyd/paretoDropoutIntegral';
import { readCdnowSample } from './cdnowSample';

/**
 * The same integral the old way, as an independent reference: ∫_t^∞ (α+u)^(−a) (β+u)^(−b) du =
 * (M+t)^(−p)/p · ₂F₁(p, c; p+1; |α−β|/(M+t)), p = a+b−1, M = max(α, β), c = b when α ≥ β else a (Fader & Hardie
 * 2005 note, eq. 19–22), so ln ∫_{t_x}^{T} is the log of a difference of two Gauss series. Accurate where the
 * series converges fast and the two terms do not nearly cancel.
 */
function seriesLogIntegral(a: number, alpha: number, b: number, beta: number, tx: number, T: number): number {
  const p = a + b - 1;
  const high = Math.max(alpha, beta);
  const c = alpha >= beta ? b : a;
  const gap = Math.abs(alpha - beta);
  const tail = (t: number) =>
    logHypergeometric2F1(p, c, p + 1, gap / (high + t)) - p * Math.log(high + t) - Math.log(p);
  const first = tail(tx);
  return first + Math.log1p(-Math.exp(tail(T) - first));
}

describe('paretoDropoutIntegral', () => {
  test('paretoDropoutIntegral(a, α, b, α, t_x, T) is ((α+t_x)^(−p) − (α+T)^(−p))/p when α = β, p = a+b−1', () => {
    for (const [a, b, alpha, tx, T] of [
      [1, 1, 1, 0, 1],
      [0.3, 1.2, 1e-6, 0, 500],
      [150, 1.5, 10, 29, 30],
      [2.5, 1.6, 1e5, 3, 40],
    ] as const) {
      const p = a + b - 1;
      const expected = Math.log((alpha + tx) ** -p - (alpha + T) ** -p) - Math.log(p);
      expect(Math.abs(paretoDropoutIntegral(a, alpha, b, alpha, tx, T) - expected)).toBeLessThan(1e-12);
    }
  });

  test('paretoDropoutIntegral(1, α, 1, β, t_x, T) is the partial-fraction closed form, α and β up to 10¹² apart', () => {
    // ∫ du / ((α+u)(β+u)) = [ln((α+u)/(β+u))] / (β−α).
    for (const [alpha, beta, tx, T] of [
      [1e-6, 1e6, 0, 30],
      [1e6, 1e-6, 2, 30],
      [10, 12, 1, 39],
      [0.5, 3e4, 29.5, 30],
    ] as const) {
      const at = (u: number) => Math.log(alpha + u) - Math.log(beta + u);
      const expected = Math.log((at(T) - at(tx)) / (beta - alpha));
      expect(Math.abs(paretoDropoutIntegral(1, alpha, 1, beta, tx, T) - expected)).toBeLessThan(1e-12);
    }
  });

  test('agrees with 60-digit mpmath values on extreme parameters, where the ₂F₁ argument is within 1e-7 of 1', () => {
    // Reference: mpmath 1.3 at mp.dps = 60 on the exact binary values of the inputs (mpf(float)),
    // ln(tail(t_x) − tail(T)) with tail(t) = (M+t)^(−p)/p · hyp2f1(c, p, p+1, |α−β|/(M+t)); each also checked
    // against mpmath.quad of the integral. Columns: a, α, b, β, t_x, T, ln ∫.
    const cases: [number, number, number, number, number, number, number][] = [
      [0.05, 1e6, 51, 1e-6, 0, 0.5, 686.1727293648873],
      [0.7444261391, 9.048052443, 1.00000083, 17708.91683, 0, 30, -8.646976135185426],
      [5.7444261391, 9.048052443, 1.00000083, 17708.91683, 12, 30, -25.849843659395525],
      [0.7444261391, 9.048052443, 1.000000007, 97078, 0, 30, -10.347843635584681],
      [2.5, 1e-3, 1.6, 1e4, 1, 30, -15.150016993726217],
      [3.5, 1e5, 1.2, 0.01, 2, 40, -39.62388169302376],
      [200.5, 10, 1.6, 12, 29, 30, -742.1318600068021],
      [26.553, 10.578, 1.606, 11.669, 30.85714285714286, 31, -106.90343430175557],
      [3.553, 10.578, 1.606, 11.669, 30, 30.000000001, -39.870818362165],
      [0.01, 1e-6, 1.01, 1e6, 0, 1000, -7.105439854323455],
      [0.553, 10.578, 1.606, 11.669, 0, 38.857142857142854, -3.1634558506714616],
    ];
    for (const [a, alpha, b, beta, tx, T, expected] of cases) {
      expect(Math.abs(paretoDropoutIntegral(a, alpha, b, beta, tx, T) - expected)).toBeLessThan(1e-12);
    }
  });

  test('agrees with the ₂F₁ series to 1e-12 on every CDNOW customer at the published and at degenerate estimates', () => {
    const cdnow = readCdnowSample();
    for (const [r, alpha, s, beta] of [
      [0.553, 10.578, 0.606, 11.669],
      [0.2, 3, 2, 40],
      [1.5, 30, 0.1, 5],
    ] as const) {
      for (const { x, tx, T } of cdnow) {
        if (!(T - tx > 0.2)) continue; // the reference loses digits to cancellation when t_x is close to T
        const ours = paretoDropoutIntegral(r + x, alpha, s + 1, beta, tx, T);
        expect(Math.abs(ours - seriesLogIntegral(r + x, alpha, s + 1, beta, tx, T))).toBeLessThan(1e-12);
      }
    }
  });

  test('the weighted means are the derivatives of ln ∫ in a, b, α and β (central differences of the ₂F₁ series)', () => {
    const means = new Float64Array(4);
    for (const [a, alpha, b, beta, tx, T] of [
      [2.553, 10.578, 1.606, 11.669, 4, 38],
      [0.3, 2, 1.1, 60, 0, 30],
      [7, 40, 3, 0.8, 20, 39],
    ] as const) {
      paretoDropoutIntegral(a, alpha, b, beta, tx, T, means);
      const h = 1e-5;
      const slope = (f: (e: number) => number) => (f(h) - f(-h)) / (2 * h);
      // d/da ln ∫ = −⟨ln(α+u)⟩, d/db = −⟨ln(β+u)⟩, d/dα = −a⟨1/(α+u)⟩, d/dβ = −b⟨1/(β+u)⟩.
      const derivatives = [
        slope((e) => seriesLogIntegral(a + e, alpha, b, beta, tx, T)),
        slope((e) => seriesLogIntegral(a, alpha, b + e, beta, tx, T)),
        slope((e) => seriesLogIntegral(a, alpha + e, b, beta, tx, T)),
        slope((e) => seriesLogIntegral(a, alpha, b, beta + e, tx, T)),
      ];
      const fromMeans = [-means[0]!, -means[1]!, -a * means[2]!, -b * means[3]!];
      fromMeans.forEach((value, i) => expect(value).toBeCloseTo(derivatives[i]!, 7));
    }
  });

  test('paretoDropoutIntegral is −∞ when t_x = T (no time to die after the last purchase), with zero means', () => {
    const means = new Float64Array([1, 2, 3, 4]);
    expect(paretoDropoutIntegral(1.5, 10, 1.6, 12, 30, 30, means)).toBe(Number.NEGATIVE_INFINITY);
    expect([...means]).toEqual([0, 0, 0, 0]);
  });

  test('stays finite and fast for parameters e^±40 apart that a line search may try', () => {
    const start = performance.now();
    for (const alpha of [Math.exp(-40), 1, Math.exp(40)]) {
      for (const beta of [Math.exp(-40), 1, Math.exp(40)]) {
        for (const a of [1e-3, 0.5, 300]) {
          for (const b of [1 + 1e-9, 2, 300]) {
            const value = paretoDropoutIntegral(a, alpha, b, beta, 0, 1000);
            expect(Number.isFinite(value)).toBe(true);
          }
        }
      }
    }
    // 81 calls of at most 200 panels × 12 points each: well under a second even in a slow sandbox.
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
