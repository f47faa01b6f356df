/*
 * Benchmark: BG/NBD + Gamma–Gamma fit on 100k synthetic customers (target < 1 s on one core).
 * Customers are drawn from known parameters with a seeded generator; purchase times are whole days, as
 * real summaries are, so identical (x, t_x, T) rows collapse into weights.
 */
import { fitBgNbd, fitGammaGamma, predictCustomerValues } from '../src/core/btyd';

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleGamma(random: () => number, shape: number, rate: number): number {
  if (shape < 1) return sampleGamma(random, shape + 1, rate) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const u1 = 1 - random();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random());
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(1 - random()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** 100k customers from BG/NBD (r 0.25, α 4.4, a 0.8, b 2.4, weeks) with Gamma–Gamma spend (p 6, q 3.7, γ 15). */
export function syntheticCustomers(
  count: number,
  seed: number,
): { x: number; tx: number; T: number; meanSpend: number }[] {
  const random = mulberry32(seed);
  const out: { x: number; tx: number; T: number; meanSpend: number }[] = [];
  for (let i = 0; i < count; i++) {
    const lambda = sampleGamma(random, 0.25, 4.4);
    const a = sampleGamma(random, 0.8, 1);
    const p = a / (a + sampleGamma(random, 2.4, 1));
    const days = 1 + Math.floor(random() * 272); // first purchase within a 39-week cohort window
    const T = days / 7;
    let time = 0;
    let x = 0;
    let lastDay = 0;
    for (;;) {
      time += -Math.log(1 - random()) / lambda;
      const day = Math.round(time * 7);
      if (day > days) break;
      if (day === lastDay) continue; // same-day purchases are one purchase
      x++;
      lastDay = day;
      if (random() < p) break;
    }
    const nu = sampleGamma(random, 3.7, 15);
    let spend = 0;
    for (let j = 0; j < x; j++) spend += sampleGamma(random, 6, nu);
    out.push({ x, tx: lastDay / 7, T, meanSpend: x > 0 ? spend / x : 0 });
  }
  return out;
}

export async function runBtydBench(): Promise<void> {
  const customers = syntheticCustomers(100_000, 20240601);
  for (let run = 1; run <= 3; run++) {
    const start = performance.now();
    const bgnbd = fitBgNbd(customers, { unit: 'weeks' });
    const middle = performance.now();
    const spend = fitGammaGamma(customers);
    const end = performance.now();
    console.log(
      `run ${run}: BG/NBD ${(middle - start).toFixed(0)} ms (r ${bgnbd.params.r.toFixed(3)}, α ${bgnbd.params.alpha.toFixed(2)}, ` +
        `a ${bgnbd.params.a.toFixed(3)}, b ${bgnbd.params.b.toFixed(3)}, ${bgnbd.iterations} iterations), ` +
        `Gamma–Gamma ${(end - middle).toFixed(0)} ms (p ${spend.params.p.toFixed(2)}, q ${spend.params.q.toFixed(2)}, ` +
        `γ ${spend.params.gamma.toFixed(2)}, ${spend.customers} repeaters); total ${(end - start).toFixed(0)} ms ` +
        `(target < 1000 ms)`,
    );
  }
  const start = performance.now();
  const predictions = predictCustomerValues(customers, {
    unit: 'weeks',
    horizonMonths: 12,
    monthlyDiscount: 0.01,
    margin: 1,
  });
  console.log(
    `predictCustomerValues (both fits + P(alive), 12-month expectations and CLV for ${predictions.perCustomer.length} ` +
      `customers): ${(performance.now() - start).toFixed(0)} ms`,
  );
  await Promise.resolve();
}
