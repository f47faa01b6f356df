import { collapseCustomers } from '../../../src/core/btyd/collapseCustomers';
import { bgnbdObjective, fitBgNbd } from '../../../src/core/btyd/fitBgNbd';
import { readCdnowSample } from './cdnowSample';

const cdnow = readCdnowSample();

/** Inverse of a small matrix by Gauss–Jordan elimination (independent of the library's Cholesky). */
function inverse(matrix: number[][]): number[][] {
  const n = matrix.length;
  const work = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(work[row]![col]!) > Math.abs(work[pivot]![col]!)) pivot = row;
    [work[col], work[pivot]] = [work[pivot]!, work[col]!];
    const scale = work[col]![col]!;
    work[col] = work[col]!.map((v) => v / scale);
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const factor = work[row]![col]!;
      work[row] = work[row]!.map((v, j) => v - factor * work[col]![j]!);
    }
  }
  return work.map((row) => row.slice(n));
}

describe('BG/NBD standard errors', () => {
  test('equal the inverse observed information on the natural scale, by second differences of the LL values', () => {
    const model = fitBgNbd(cdnow, { unit: 'weeks' });
    const data = collapseCustomers(cdnow);
    const objective = bgnbdObjective(data, false);
    const scratch = [0, 0, 0, 0];
    // Total log-likelihood as a function of the natural parameters, values only (no analytic gradient).
    const ll = (theta: number[]) => -objective(theta.map(Math.log), scratch) * data.total;
    const theta = [model.params.r, model.params.alpha, model.params.a, model.params.b];
    const h = theta.map((t) => t * 1e-4);
    const information = theta.map((_, i) =>
      theta.map((__, j) => {
        const at = (di: number, dj: number) => {
          const point = theta.slice();
          point[i]! += di * h[i]!;
          point[j]! += dj * h[j]!;
          return ll(point);
        };
        return -(at(1, 1) - at(1, -1) - at(-1, 1) + at(-1, -1)) / (4 * h[i]! * h[j]!);
      }),
    );
    const covariance = inverse(information);
    const se = model.standardErrors!;
    expect(se.r).toBeCloseTo(Math.sqrt(covariance[0]![0]!), 4);
    expect(se.alpha).toBeCloseTo(Math.sqrt(covariance[1]![1]!), 3);
    expect(se.a).toBeCloseTo(Math.sqrt(covariance[2]![2]!), 3);
    expect(se.b).toBeCloseTo(Math.sqrt(covariance[3]![3]!), 3);
  });
});
