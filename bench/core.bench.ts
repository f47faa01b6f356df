/*
 * Core benchmark: time and peak memory of segmentCustomers on seeded synthetic data (10k, 100k, 1M
 * transactions) and on the real Online Retail file, against a bare single pass over the same columns that
 * groups amounts by customer (the floor). Peak RSS is the process high-water mark so far (inputs included). Targets (2-core machine): 1M transactions in < 1 s and < 400 MB, within 10× of the bare pass.
 */
import { readTransactionsCsv } from '../src/cli/readTransactionsCsv';
import type { SegmentOptions, TransactionInput } from '../src/core';
import { segmentCustomers } from '../src/core';
import { labelSegmentation } from '../src/messages/labelSegmentation';
import { dataFilePath } from '../test/data/dataFiles';
import { mulberry32 } from '../test/seededRandom';

/** n transactions of n/8 customers over two years, as a sheet would give them: numbers and Excel serials. */
function syntheticTransactions(count: number, seed: number): TransactionInput {
  const random = mulberry32(seed);
  const customers = Math.max(1, Math.floor(count / 8));
  const customer: number[] = new Array<number>(count);
  const date: number[] = new Array<number>(count);
  const amount: number[] = new Array<number>(count);
  for (let row = 0; row < count; row++) {
    // Skewed customer activity: a few customers buy much more often.
    customer[row] = 10_000 + Math.floor(customers * random() ** 2);
    date[row] = 44_927 + Math.floor(730 * random()) + Math.round(random() * 96) / 96;
    amount[row] = Math.round(100 * (random() < 0.03 ? -20 : 5 + 200 * random() ** 3)) / 100;
  }
  return { customer, date, amount };
}

/**
 * The floor: one pass over the same columns doing the least any per-customer analysis must do — read
 * each cell and add the amount to its customer's total in a Map. (A pass that only reads the cells is
 * printed too; it is a few milliseconds and not a meaningful floor for grouping work.)
 */
function barePass(input: TransactionInput): { grouped: number; readOnly: number } {
  const amounts = input.amount ?? [];
  const rows = input.customer.length;
  const readStart = performance.now();
  let checksum = 0;
  for (let row = 0; row < rows; row++) {
    const amount = amounts[row];
    if (input.customer[row] !== null && input.date[row] !== null && typeof amount === 'number') checksum += amount;
  }
  const readOnly = performance.now() - readStart;
  const groupStart = performance.now();
  const totals = new Map<unknown, number>();
  const quantities = input.quantity ?? [];
  const prices = input.unitPrice ?? [];
  const hasAmount = input.amount !== undefined;
  for (let row = 0; row < rows; row++) {
    const amount = amounts[row];
    const value = hasAmount
      ? typeof amount === 'number'
        ? amount
        : Number(amount)
      : Number(quantities[row]) * Number(prices[row]);
    const customer = input.customer[row];
    totals.set(customer, (totals.get(customer) ?? 0) + value);
  }
  const grouped = performance.now() - groupStart;
  if (Number.isNaN(checksum) && totals.size < 0) console.log('unreachable');
  return { grouped, readOnly };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(0)} MB`;
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc !== undefined) gc();
}

function measure(label: string, input: TransactionInput, options: SegmentOptions = {}): void {
  collectGarbage();
  const floor = barePass(input);
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = segmentCustomers(input, options);
  const time = performance.now() - start;
  // What the pane and the Excel writer do next: the words of the keys on every customer.
  const labelStart = performance.now();
  labelSegmentation(result);
  const labelTime = performance.now() - labelStart;
  const heapAfter = process.memoryUsage().heapUsed;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    `${label.padEnd(28)} rows ${String(input.customer.length).padStart(9)}  customers ${String(result.customers.length).padStart(7)}  ` +
      `segmentCustomers ${time.toFixed(0).padStart(6)} ms  bare grouping pass ${floor.grouped.toFixed(0).padStart(5)} ms ` +
      `(${(time / Math.max(floor.grouped, 0.001)).toFixed(1)}×; read-only pass ${floor.readOnly.toFixed(1)} ms)  ` +
      `labelSegmentation ${labelTime.toFixed(0)} ms  heap +${megabytes(heapAfter - heapBefore)}  process peak RSS ${megabytes(peakRss)}`,
  );
}

/** Prints time and memory of segmentCustomers at 10k, 100k, 1M synthetic rows and on onlineretail.csv. */
export async function runCoreBench(): Promise<void> {
  if ((globalThis as { gc?: () => void }).gc === undefined) {
    console.log('(run with --expose-gc for comparable memory figures)');
  }
  // Warm the JIT so the figures are steady-state (the first call of a cold process is slower).
  for (let round = 0; round < 3; round++) segmentCustomers(syntheticTransactions(50_000, round + 1));
  for (const count of [10_000, 100_000, 1_000_000]) {
    const input = syntheticTransactions(count, 20_261_122 + count);
    measure(`synthetic (seed ${20_261_122 + count})`, input);
  }
  const file = dataFilePath('onlineretail.csv');
  const parseStart = performance.now();
  const csv = await readTransactionsCsv(file);
  console.log(`onlineretail.csv parsed in ${(performance.now() - parseStart).toFixed(0)} ms (not timed below)`);
  measure('onlineretail.csv', csv.input);
  console.log('Targets: 1M rows < 1000 ms and < 400 MB peak, within 10× of the bare pass.');
  // The task pane's probabilistic method: BG/NBD + Gamma–Gamma predictions plus the holdout check's refit.
  const million = syntheticTransactions(1_000_000, 20_261_122 + 1_000_000);
  measure('1M, BG/NBD + holdout check', million, {
    unit: 'weeks',
    clv: { method: 'probabilistic', holdoutWeeks: 'auto' },
  });
  console.log('(no target for the probabilistic run; it adds two model fits and a second summary pass)');
}

if (require.main === module) void runCoreBench();
