/*
 * Warehouse benchmark: the same 5M-row transaction file summarised two ways, each in its own process so the
 * peak memory (maxRSS) is that path's alone: DuckDB loading the CSV and running the generated query (what a
 * warehouse does, here embedded), beside the CLI's own path (crm-analytics segment reading the CSV). Rows:
 * 625k customers over two years, 3 % returns, order ids. Set WAREHOUSE_BENCH_ROWS to change the size.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dayToIso } from '../src/core';
import { mulberry32 } from '../test/seededRandom';

async function writeTransactions(file: string, rows: number): Promise<void> {
  const random = mulberry32(16);
  const customers = Math.max(1, Math.floor(rows / 8));
  const stream = createWriteStream(file);
  const write = (text: string): Promise<void> =>
    stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', () => resolve()));
  await write('customer,date,amount,order\n');
  let chunk = '';
  for (let row = 0; row < rows; row++) {
    const customer = 10_000 + Math.floor(customers * random() ** 2);
    const day = 19_358 + Math.floor(730 * random());
    const amount = Math.round(100 * (random() < 0.03 ? -20 : 5 + 200 * random() ** 3)) / 100;
    chunk += `${customer},${dayToIso(day)},${amount},${customer}-${day % 97}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((resolve) => stream.end(() => resolve()));
}

function runChild(mode: 'duckdb' | 'cli', file: string, out: string): string {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'warehouseChild.ts'), mode, file, out],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (child.status !== 0) throw new Error(`${mode} path failed: ${child.stderr}`);
  return child.stdout.trim();
}

export async function runWarehouseBench(): Promise<void> {
  const rows = Number(process.env.WAREHOUSE_BENCH_ROWS ?? 5_000_000);
  const folder = mkdtempSync(path.join(tmpdir(), 'crm-warehouse-bench-'));
  try {
    const file = path.join(folder, 'transactions.csv');
    const started = performance.now();
    await writeTransactions(file, rows);
    console.log(
      `generated ${rows.toLocaleString('en')} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    console.log(runChild('duckdb', file, path.join(folder, 'duckdb-summary.csv')));
    console.log(runChild('cli', file, path.join(folder, 'cli-segments.csv')));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
