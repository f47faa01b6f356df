/*
 * The built command line (dist/cli/crm-analytics.js) as a separate process, for what only a real process
 * shows: a reader that closes the pipe early, and what reaches the terminal when something goes wrong.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeCdnowCsv } from '../cli/cdnowCsv';
import { DIST_DIR } from './loadFunctionsBundle';

const CLI = path.join(DIST_DIR, 'cli', 'crm-analytics.js');
let directory = '';
beforeAll(() => {
  directory = mkdtempSync(path.join(tmpdir(), 'crm-cli-process-'));
});
afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** A file of 6,000 customers: its output (about 700 KB) is far more than a pipe holds. */
function manyCustomers(): string {
  const lines = ['customer,date,amount'];
  for (let customer = 0; customer < 6000; customer++) {
    lines.push(`C${customer},2024-0${1 + (customer % 9)}-1${customer % 10},${10 + (customer % 97)}`);
  }
  const file = path.join(directory, 'many.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('the built crm-analytics as a process', () => {
  test('the compiler budget it sets (src/cli/compilerBudget.ts) changes no output byte and prints nothing', () => {
    // The CDNOW sample with --predict: the reader, core and both model fits run long enough to be optimized.
    const file = path.join(directory, 'cdnow.csv');
    writeCdnowCsv(file);
    const run = (defaults: string) =>
      spawnSync(process.execPath, [CLI, 'segment', file, '--predict', '--unit', 'weeks'], {
        encoding: 'utf8',
        env: { ...process.env, CRM_ANALYTICS_V8_DEFAULTS: defaults },
        maxBuffer: 1 << 24,
      });
    const tuned = run('');
    const untouched = run('1');
    expect(tuned.status).toBe(0);
    expect(tuned.stdout.split('\n')).toHaveLength(2357 + 2); // the CDNOW sample's 2,357 customers, the header and the final line break
    expect(tuned.stdout).toBe(untouched.stdout);
    expect(tuned.stderr).toBe(untouched.stderr);
    expect(tuned.stderr).not.toMatch(/flag|Error/i);
  }, 60_000);

  test('`segment many.csv | head -1`: the header reaches the reader, then one line about the closed pipe and exit 3, no stack trace', async () => {
    const child = spawn(process.execPath, [CLI, 'segment', manyCustomers()], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const firstLine = await new Promise<string>((resolve) => {
      child.stdout.once('data', (chunk: Buffer) => {
        resolve(chunk.toString().split('\n')[0] ?? '');
        child.stdout.destroy(); // what head does after its first line
      });
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(firstLine).toMatch(/^customer_id,first_purchase,/);
    expect(code).toBe(3);
    expect(stderr).toMatch(/the output was closed before everything was written \(a closed pipe\)/);
    expect(stderr).not.toMatch(/\n\s+at |EPIPE/);
  });

  test('a folder as the input: one line on stderr, exit 1, no stack trace', () => {
    const run = spawnSync(process.execPath, [CLI, 'segment', directory], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/is a folder, not a CSV file/)]);
  });

  test('no file named: usage error, exit 2', () => {
    const run = spawnSync(process.execPath, [CLI, 'segment'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Give exactly one CSV file/);
  });
});
