/*
 * Benchmark: BG/NBD + Gamma–Gamma fit on 100k synthetic customers (target < 1 s on one core), and the
 * Pareto/NBD fit on the same customers and on the Online Retail summary through 2011-06-30 (it took 8–11
 * minutes before the quadrature likelihood; target: a few seconds).
 * Customers are drawn from known parameters with a seeded generator; purchase times are whole days, as
 * real summaries are, so identical (x, t_x, T) rows collapse into weights.
 */
import { readTransactionsCsv } from '../src/cli/readTransactionsCsv';
import { parseDate, parseTransactions, summarizeCustomers } from '../src/core';
import { btydCustomersOf, fitBgNbd, fitGammaGamma, fitParetoNbd, predictCustomerValues } from '../src/core/btyd';
import type { BtydCustomer } from '../src/core/btyd';
import { AnalyticsError } from '../src/core/errors';
import { dataFilePath } from '../test/data/dataFiles';
import { mulberry32, sampleGamma } from '../test/core/btyd/simulate';

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
  timeParetoFit('Pareto/NBD fit, the synthetic customers above', customers);
  const file = dataFilePath('onlineretail.csv');
  const asOf = parseDate('2011-06-30') ?? Number.NaN;
  const transactions = parseTransactions((await readTransactionsCsv(file)).input);
  timeParetoFit(
    'Pareto/NBD fit, Online Retail through 2011-06-30 in weeks (CSV parse not timed)',
    btydCustomersOf(summarizeCustomers(transactions, { asOf, unit: 'weeks' })),
  );
}

/** Times one Pareto/NBD fit and prints its outcome: the estimates, or the error (FLAT_LIKELIHOOD is expected on data without dropout). */
function timeParetoFit(label: string, customers: readonly BtydCustomer[]): void {
  const start = performance.now();
  let outcome: string;
  try {
    const model = fitParetoNbd(customers, { unit: 'weeks' });
    const { r, alpha, s, beta } = model.params;
    outcome =
      `r ${r.toFixed(3)}, α ${alpha.toFixed(2)}, s ${s.toFixed(3)}, β ${beta.toFixed(2)}, LL ${model.logLikelihood.toFixed(2)}, ` +
      `${model.iterations} iterations${model.converged ? '' : ', not converged'}`;
  } catch (error) {
    if (!(error instanceof AnalyticsError)) throw error;
    outcome = `${error.code}: ${error.message.slice(0, 100)}…`;
  }
  console.log(`${label} (${customers.length} customers): ${(performance.now() - start).toFixed(0)} ms; ${outcome}`);
}
