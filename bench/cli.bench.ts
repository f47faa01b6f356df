/*
 * Command-line benchmark (issue 12): `crm-analytics segment` end to end through the BUILT CLI
 * (dist/cli/crm-analytics.js, a child process per run, median of BENCH_RUNS runs, default 3) on Online
 * Retail (541,909 rows), with and without --predict, beside the pandas scripts of bench/pandas that do the
 * same work; then the time of each stage as the CLI itself measures it (CRM_ANALYTICS_TIMINGS) with its share;
 * then the floors (Node's start, pandas' imports, a bare byte scan of the file, a bare pass over its columns);
 * then a generated file of BENCH_BIG_ROWS rows (default 5,000,000), with and without a cost column, for CPU
 * time and peak RSS; with BENCH_HUGE_MB (e.g. 1000) also a file of that size under the default heap.
 * Targets: ≥ 3× faster than pandas on both lines; the big file in ≤ 8 s and ≤ 500 MB; the huge file completes.
 * "Faster" is judged as the issue measured it, in wall seconds with both programs timed in the same run; the
 * ratio in CPU seconds (user + system of the child) is printed beside it, with how far it is from 3× and why.
 * The big-file limits are checked in CPU seconds: wall time on a shared machine measures the neighbours too.
 * Needs `npm run build` (or `npx webpack --mode production --config-name cli`) first.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { CsvRecordSplitter } from '../src/cli/csvRecords';
import { eachLineChunk, readPurchaseGroups } from '../src/cli/streamTransactionsCsv';
import type { Encoding } from '../src/cli/textEncoding';
import type { ColumnMapping } from '../src/core';
import { dataFilePath } from '../test/data/dataFiles';
import { mulberry32 } from '../test/seededRandom';

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'crm-analytics.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const BIG_ROWS = Number(process.env.BENCH_BIG_ROWS ?? 5_000_000);
// About 40.5 bytes a generated row.
const HUGE_ROWS = Math.round((Number(process.env.BENCH_HUGE_MB ?? 0) * 1e6) / 40.5);
const PREDICT = ['--predict', '--unit', 'weeks', '--horizon', '26', '--months', '12'];

interface Timed {
  seconds: number;
  /** The CLI's own stage times (CRM_ANALYTICS_TIMINGS lines on stderr): name → [CPU, wall] seconds. */
  stages: Map<string, [number, number]>;
  /** CPU seconds (user + system) of the child: steadier than wall time on a shared machine. */
  cpu: number;
  rssMb: number;
  code: number | null;
  stderr: string;
}

// For a Node child (`node -e`: argv[1] is the script, as when it is run directly): run it, and write its peak
// resident memory (KB) and CPU seconds to BENCH_RSS_FILE on exit, so no /usr/bin/time is needed.
const RSS_WRAPPER =
  "process.on('exit',()=>{const u=process.resourceUsage();require('node:fs').writeFileSync(process.env.BENCH_RSS_FILE," +
  "u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime)/1e6)});require(process.argv[1]);";

// The same for a Python child: run the script, then write its peak RSS (ru_maxrss is KB on Linux) and CPU.
const PYTHON_RSS_WRAPPER =
  'import os, resource, runpy, sys\nsys.argv = sys.argv[1:]\ntry:\n    runpy.run_path(sys.argv[0], run_name="__main__")\n' +
  'finally:\n    u = resource.getrusage(resource.RUSAGE_SELF)\n' +
  '    open(os.environ["BENCH_RSS_FILE"], "w").write(f"{u.ru_maxrss} {u.ru_utime + u.ru_stime}")\n';

/** The stage lines the CLI prints with CRM_ANALYTICS_TIMINGS set ("timing read 0.310 s CPU 0.300 s wall"). */
function stagesOf(stderr: string): Map<string, [number, number]> {
  const stages = new Map<string, [number, number]>();
  for (const match of stderr.matchAll(/^timing (.+) (\d+\.\d+) s CPU (\d+\.\d+) s wall$/gm)) {
    stages.set(match[1] as string, [Number(match[2]), Number(match[3])]);
  }
  return stages;
}

/**
 * Runs a program to completion, output to a file, and returns its wall time, CPU time and peak RSS, and for our
 * CLI the stage times it prints itself.
 */
function timeChild(command: string, args: string[], node: boolean, nodeFlags: string[] = []): Timed {
  const rssFile = path.join(tmpdir(), `crm-bench-rss-${process.pid}`);
  rmSync(rssFile, { force: true });
  const start = performance.now();
  const child = spawnSync(
    command,
    [...nodeFlags, node ? '-e' : '-c', node ? RSS_WRAPPER : PYTHON_RSS_WRAPPER, ...args],
    {
      env: { ...process.env, BENCH_RSS_FILE: rssFile, CRM_ANALYTICS_TIMINGS: '1' },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  const seconds = (performance.now() - start) / 1000;
  const [rssKb, cpu] = existsSync(rssFile) ? readFileSync(rssFile, 'utf8').split(' ').map(Number) : [];
  rmSync(rssFile, { force: true });
  return {
    seconds,
    stages: stagesOf(child.stderr ?? ''),
    cpu: cpu ?? Number.NaN,
    rssMb: (rssKb ?? Number.NaN) / 1024,
    code: child.status,
    stderr: child.stderr ?? '',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

interface MedianRun {
  seconds: number;
  cpu: number;
  rssMb: number;
  /** Per stage of our CLI, the median CPU and wall seconds over the runs (in the order the CLI ran them). */
  stages: [string, number, number][];
}

/** Median wall and CPU time of RUNS runs (and the peak RSS of the largest), failing loudly when a run fails. */
function medianRun(command: string, args: string[], node: boolean): MedianRun {
  const runs: Timed[] = [];
  // (spawned children are measured one at a time, so they never compete with each other)
  for (let run = 0; run < RUNS; run++) {
    const timed = timeChild(command, args, node);
    if (timed.code !== 0) throw new Error(`${command} ${args.join(' ')} failed (${timed.code}): ${timed.stderr}`);
    runs.push(timed);
  }
  const names = [...(runs[0]?.stages.keys() ?? [])];
  return {
    seconds: median(runs.map((run) => run.seconds)),
    cpu: median(runs.map((run) => run.cpu)),
    rssMb: Math.max(...runs.map((run) => run.rssMb)),
    stages: names.map((name) => [
      name,
      median(runs.map((run) => run.stages.get(name)?.[0] ?? Number.NaN)),
      median(runs.map((run) => run.stages.get(name)?.[1] ?? Number.NaN)),
    ]),
  };
}

/** python3 with pandas, or null (the pandas lines are then skipped with a message). */
function pandasPython(): string | null {
  for (const candidate of ['python3', '/usr/bin/python3']) {
    const probe = spawnSync(candidate, ['-c', 'import pandas, scipy'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** Bare byte scan: read the file in 1 MB chunks and count line feeds — no tool reads a file faster. */
function byteScan(file: string): { seconds: number; lines: number } {
  const start = performance.now();
  const buffer = Buffer.allocUnsafe(1 << 20);
  const descriptor = openSync(file, 'r');
  let lines = 0;
  let read: number;
  while ((read = readSync(descriptor, buffer, 0, buffer.length, null)) > 0) {
    for (let index = buffer.indexOf(10, 0); index >= 0 && index < read; index = buffer.indexOf(10, index + 1)) {
      lines += 1;
    }
  }
  closeSync(descriptor);
  return { seconds: (performance.now() - start) / 1000, lines };
}

const format = (seconds: number): string => `${seconds.toFixed(3)} s`;

/** Wall and CPU seconds since a start mark. */
interface Mark {
  wall: number;
  cpu: number;
}
function mark(): Mark {
  const usage = process.cpuUsage();
  return { wall: performance.now() / 1000, cpu: (usage.user + usage.system) / 1e6 };
}

/**
 * Prints the built CLI's own stage times (medians over the runs: read + parse + group, each core phase, the
 * output table, CSV text, writing), each with its share of the in-process CPU, then the floor over columns: the
 * file decoded and split into records with three fields read, no conversion or grouping (in this process,
 * under tsx). Returns the CPU seconds of reading, of all stages, of the column floor, and the largest other stage.
 */
function printStages(
  file: string,
  encoding: Encoding,
  delimiter: string,
  mapping: ColumnMapping,
  stages: [string, number, number][],
): { read: number; total: number; columnFloor: number; next: [string, number] } {
  const totalCpu = stages.reduce((sum, [, cpu]) => sum + cpu, 0);
  const totalWall = stages.reduce((sum, [, , wall]) => sum + wall, 0);
  let next: [string, number] = ['none', 0];
  console.log(`  ${"stage (the CLI's own timings)".padEnd(30)} ${'CPU'.padStart(9)} share ${'wall'.padStart(9)}`);
  for (const [name, cpu, wall] of stages) {
    if (name !== 'read' && cpu > next[1]) next = [name, cpu];
    if (cpu < 0.0005 && wall < 0.0005) continue;
    const share = ((100 * cpu) / totalCpu).toFixed(0).padStart(3);
    console.log(`  ${name.padEnd(30)} ${format(cpu).padStart(9)}  ${share} % ${format(wall).padStart(9)}`);
  }
  console.log(
    `  ${'in-process total'.padEnd(30)} ${format(totalCpu).padStart(9)}        ${format(totalWall).padStart(9)}`,
  );
  const { customer = 0, date = 0, amount = mapping.quantity ?? 0 } = mapping;
  const columnStart = mark();
  let characters = 0;
  const splitter = new CsvRecordSplitter(delimiter, (record) => {
    characters += record.field(customer).length + record.field(date).length + record.field(amount).length;
  });
  eachLineChunk(
    file,
    encoding,
    () => undefined,
    (text) => splitter.push(text),
  );
  splitter.end();
  const columnEnd = mark();
  console.log(
    `  floor: bare column pass ${format(columnEnd.cpu - columnStart.cpu)} CPU, ${format(columnEnd.wall - columnStart.wall)} wall ` +
      `(decode, split records, read 3 fields: ${characters} characters; in this process)`,
  );
  return {
    read: stages.find(([name]) => name === 'read')?.[1] ?? Number.NaN,
    total: totalCpu,
    columnFloor: columnEnd.cpu - columnStart.cpu,
    next,
  };
}

/** Writes a seeded Online-Retail-shaped file of `rows` rows (about 40 bytes a row). */
export function generateBigFile(target: string, rows: number, cost = false): void {
  const random = mulberry32(20_251_202);
  const customers = Math.max(1, Math.floor(rows / 120));
  const descriptor = openSync(target, 'w');
  writeSync(descriptor, `InvoiceNo,InvoiceDate,Quantity,UnitPrice,CustomerID${cost ? ',Cost' : ''}\n`);
  const startDay = Date.UTC(2019, 0, 1) / 86_400_000;
  let invoice = 100_000;
  let chunk = '';
  for (let row = 0; row < rows;) {
    const customer = 10_000 + Math.floor(customers * random() ** 2);
    const day = startDay + Math.floor(1460 * random());
    const date = new Date(day * 86_400_000 + Math.floor(random() * 36_000) * 1000).toISOString();
    const lines = 1 + Math.floor(random() * 12);
    invoice += 1;
    for (let line = 0; line < lines && row < rows; line++, row++) {
      const quantity = random() < 0.02 ? -1 : 1 + Math.floor(random() * 6);
      const price = (Math.round(random() * 2000) / 100 + 0.1).toFixed(2);
      const costText = cost ? `,${((quantity * Number(price) * 6) / 10).toFixed(2)}` : '';
      chunk += `${invoice},${date.slice(0, 10)} ${date.slice(11, 19)},${quantity},${price},${customer}${costText}\n`;
    }
    if (chunk.length > 1 << 20) {
      writeSync(descriptor, chunk);
      chunk = '';
    }
  }
  writeSync(descriptor, chunk);
  closeSync(descriptor);
}

/** Runs the CLI on a generated file and says how it did against `limits` (CPU seconds, MB), or that it failed. */
function bigRun(
  file: string,
  output: string,
  cpuLimit: number | null,
  rssLimit: number | null,
  nodeFlags: string[] = [],
): string {
  const run = timeChild(process.execPath, [CLI, 'segment', file, '--out', output], true, nodeFlags);
  rmSync(output, { force: true });
  const figures = `${format(run.cpu)} CPU, ${format(run.seconds)} wall, peak RSS ${run.rssMb.toFixed(0)} MB`;
  if (run.code !== 0)
    return `${figures} — FAILED (exit ${run.code}): ${run.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
  const verdicts: string[] = ['completes'];
  if (cpuLimit !== null) {
    verdicts.push(
      run.cpu <= cpuLimit
        ? `time target ≤ ${cpuLimit} s CPU met`
        : `time target ≤ ${cpuLimit} s CPU NOT met (${(run.cpu / cpuLimit).toFixed(2)}× over)`,
    );
  }
  if (rssLimit !== null) {
    verdicts.push(
      run.rssMb <= rssLimit ? `memory target ≤ ${rssLimit} MB met` : `memory target ≤ ${rssLimit} MB NOT met`,
    );
  }
  return `${figures} — ${verdicts.join(', ')}`;
}

/** Runs the CLI benchmark and prints every figure it measured. */
export async function runCliBench(): Promise<void> {
  if (!existsSync(CLI)) {
    console.log(`${CLI} is missing: run npm run build first. CLI bench skipped.`);
    return;
  }
  const retail = dataFilePath('onlineretail.csv');
  const output = path.join(tmpdir(), `crm-bench-${process.pid}.csv`);
  const python = pandasPython();
  console.log(
    `Online Retail (${(statSync(retail).size / 1e6).toFixed(1)} MB), median of ${RUNS} runs, built CLI; ` +
      "pandas/ours in wall seconds (the issue's measure) and in CPU seconds (steadier on a shared machine)",
  );
  const startup = medianRun(process.execPath, [CLI, '--help'], true);
  console.log(
    `  floor: Node start + loading the CLI (--help) ${format(startup.cpu)} CPU, ${format(startup.seconds)} wall`,
  );
  if (python !== null) {
    const imports = path.join(tmpdir(), `crm-bench-imports-${process.pid}.py`);
    writeFileSync(imports, 'import pandas, scipy.optimize, scipy.special\n');
    const pandasStart = medianRun(python, [imports], false);
    rmSync(imports, { force: true });
    console.log(`  pandas' floor: Python start + import pandas, scipy ${format(pandasStart.cpu)} CPU`);
  }
  const lines: [string, string[], string][] = [
    ['segment (default)', [], 'rfm.py'],
    ['segment --predict --unit weeks --horizon 26 --months 12', PREDICT, 'clv.py'],
  ];
  const scan = byteScan(retail);
  console.log(`  floor: bare byte scan ${format(scan.seconds)} (${scan.lines} lines)`);
  const probe = readPurchaseGroups(retail);
  for (const [name, extra, script] of lines) {
    const ours = medianRun(process.execPath, [CLI, 'segment', retail, ...extra, '--out', output], true);
    console.log(`${name}: ours ${format(ours.cpu)} CPU, ${format(ours.seconds)} wall (${ours.rssMb.toFixed(0)} MB)`);
    const stages = printStages(retail, probe.encoding, probe.delimiter, probe.mapping, ours.stages);
    if (python === null) {
      console.log('  pandas not installed (python3 -c "import pandas, scipy" failed): comparison skipped');
      continue;
    }
    const theirs = medianRun(python, [path.join(__dirname, 'pandas', script), retail, output], false);
    const wallRatio = theirs.seconds / ours.seconds;
    const cpuRatio = theirs.cpu / ours.cpu;
    console.log(
      `  pandas (${script}) ${format(theirs.cpu)} CPU, ${format(theirs.seconds)} wall (${theirs.rssMb.toFixed(0)} MB); ` +
        `pandas/ours ${wallRatio.toFixed(2)}× wall, ${cpuRatio.toFixed(2)}× CPU`,
    );
    // The issue states the goal in elapsed time (its table: medians of wall seconds, both programs in one run);
    // CPU seconds are printed beside it because they are steadier on a shared machine, and they are stricter:
    // V8 compiles and collects garbage on helper threads, so our CPU exceeds our wall time, pandas' does not.
    console.log(
      `  target ≥ 3× in wall time (the issue's measure): ${wallRatio >= 3 ? 'met' : 'NOT met'} (${wallRatio.toFixed(2)}×)`,
    );
    if (cpuRatio >= 3) {
      console.log(`  3× in CPU time: met (${cpuRatio.toFixed(2)}×)`);
      continue;
    }
    // How far, and where the distance is: what 3× allows, against what the process must spend before any work.
    const allowed = theirs.cpu / 3;
    console.log(
      `  3× in CPU time: NOT met (${cpuRatio.toFixed(2)}×; 3× needs ≤ ${format(allowed)} CPU, ours is ` +
        `${format(ours.cpu - allowed)} over). Of ours, Node start + loading the CLI take ${format(startup.cpu)}; ` +
        `in-process, reading takes ${format(stages.read)} of ${format(stages.total)} (the bare column pass alone ` +
        `${format(stages.columnFloor)}, so reading is bound by splitting the text and the per-row work above it); ` +
        `the largest other stage is ${stages.next[0]} (${format(stages.next[1])}).`,
    );
  }
  rmSync(output, { force: true });

  if (BIG_ROWS > 0) {
    const big = path.join(tmpdir(), `crm-bench-big-${BIG_ROWS}.csv`);
    if (!existsSync(big)) generateBigFile(big, BIG_ROWS);
    const bigScan = byteScan(big);
    console.log(
      `Generated file ${BIG_ROWS} rows (${(statSync(big).size / 1e6).toFixed(0)} MB, byte scan ${format(bigScan.seconds)}): ` +
        `segment ${bigRun(big, output, 8, 500)}`,
    );
  }
  if (BIG_ROWS > 0) {
    // The same rows with a cost column: profit is summed per purchase as the file streams, memory as above.
    const withCost = path.join(tmpdir(), `crm-bench-big-cost-${BIG_ROWS}.csv`);
    if (!existsSync(withCost)) generateBigFile(withCost, BIG_ROWS, true);
    console.log(`Generated file ${BIG_ROWS} rows with a cost column: segment ${bigRun(withCost, output, 8, 500)}`);
  }
  if (HUGE_ROWS > 0) {
    const huge = path.join(tmpdir(), `crm-bench-huge-${HUGE_ROWS}.csv`);
    if (!existsSync(huge)) generateBigFile(huge, HUGE_ROWS);
    const heapMb = (getHeapStatistics().heap_size_limit / 1e6).toFixed(0);
    console.log(
      `Generated file ${HUGE_ROWS} rows (${(statSync(huge).size / 1e9).toFixed(2)} GB), default heap (${heapMb} MB here): ` +
        `segment ${bigRun(huge, output, null, null)}`,
    );
    // The heap the issue saw the old reader die in ("heap out of memory" with a 400 MB heap, on 212 MB).
    console.log(
      `  the same file with a 400 MB heap: segment ${bigRun(huge, output, null, null, ['--max-old-space-size=400'])}`,
    );
  }
}
