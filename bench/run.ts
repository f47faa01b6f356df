/*
 * `npm run bench`: runs every benchmark and prints what it measured. Speed and memory targets are
 * checked here, never in unit tests. The functions benchmark needs the production build (dist/).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

interface BenchModule {
  file: string;
  exportName: string;
}

const benches: BenchModule[] = [
  { file: 'core.bench.ts', exportName: 'runCoreBench' },
  { file: 'btyd.bench.ts', exportName: 'runBtydBench' },
  { file: 'functions.bench.ts', exportName: 'runFunctionsBench' },
  { file: 'cli.bench.ts', exportName: 'runCliBench' },
  { file: 'warehouse.bench.ts', exportName: 'runWarehouseBench' },
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const bench of benches) {
    if (only.length > 0 && !only.some((name) => bench.file.startsWith(name))) continue;
    const file = path.join(__dirname, bench.file);
    if (!existsSync(file)) {
      console.log(`\n== ${bench.file}: not present, skipped`);
      continue;
    }
    console.log(`\n== ${bench.file}`);
    const module = (await import(file)) as Record<string, () => Promise<void>>;
    const run = module[bench.exportName];
    if (typeof run !== 'function') throw new Error(`${bench.file} does not export ${bench.exportName}()`);
    await run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
