/*
 * Test helper: a tiny seeded generator (mulberry32) with gamma and beta sampling, and BTYD simulators,
 * so that recovery tests are reproducible. Marsaglia & Tsang (2000) for the gamma distribution.
 */
import type { BtydCustomer } from '../../../src/core/btyd/types';
import { mulberry32 } from '../../seededRandom';

export type Random = () => number;

export { mulberry32 };

function normal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, rate) by Marsaglia & Tsang, with the shape < 1 boost U^(1/shape). */
export function sampleGamma(random: Random, shape: number, rate: number): number {
  if (shape < 1) return sampleGamma(random, shape + 1, rate) * (1 - random()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = normal(random);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function sampleBeta(random: Random, a: number, b: number): number {
  const x = sampleGamma(random, a, 1);
  const y = sampleGamma(random, b, 1);
  return x / (x + y);
}

/** Customers from the BG/NBD story (Fader, Hardie & Lee 2005, §3) observed for T ~ Uniform(minT, maxT). */
export function simulateBgNbd(
  random: Random,
  count: number,
  params: { r: number; alpha: number; a: number; b: number },
  minT: number,
  maxT: number,
): (BtydCustomer & { lambda: number })[] {
  const out: (BtydCustomer & { lambda: number })[] = [];
  for (let i = 0; i < count; i++) {
    const lambda = sampleGamma(random, params.r, params.alpha);
    const p = sampleBeta(random, params.a, params.b);
    const T = minT + (maxT - minT) * random();
    let time = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      time += -Math.log(1 - random()) / lambda;
      if (time > T) break;
      x++;
      tx = time;
      if (random() < p) break;
    }
    out.push({ x, tx, T, lambda });
  }
  return out;
}

/**
 * Customers from the Pareto/NBD story (Schmittlein, Morrison & Colombo 1987): Poisson(λ) purchases while alive,
 * λ ~ Gamma(r, α), an exponential lifetime with rate μ ~ Gamma(s, β), observed for T ~ Uniform(minT, maxT).
 * `s: 0` means nobody ever drops out (μ = 0): the plain NBD.
 */
export function simulateParetoNbd(
  random: Random,
  count: number,
  params: { r: number; alpha: number; s: number; beta: number },
  minT: number,
  maxT: number,
): BtydCustomer[] {
  const out: BtydCustomer[] = [];
  for (let i = 0; i < count; i++) {
    const lambda = sampleGamma(random, params.r, params.alpha);
    const mu = params.s === 0 ? 0 : sampleGamma(random, params.s, params.beta);
    const T = minT + (maxT - minT) * random();
    const end = Math.min(T, mu === 0 ? Infinity : -Math.log(1 - random()) / mu);
    let time = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      time += -Math.log(1 - random()) / lambda;
      if (time > end) break;
      x++;
      tx = time;
    }
    out.push({ x, tx, T });
  }
  return out;
}
