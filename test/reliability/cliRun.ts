/*
 * Runs the command line in process (src/cli/main, the entry point of the built CLI) on a CSV written to a
 * temporary folder, for the reliability tests.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { writeCdnowCsv } from '../cli/cdnowCsv';

// One temporary folder per test file: created on import, removed after the file's tests.
const directory = mkdtempSync(path.join(tmpdir(), 'crm-reliability-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Writes `content` to a file of the test file's temporary folder and returns its path. */
export function csvFile(name: string, content: string): string {
  const target = path.join(directory, name);
  writeFileSync(target, content);
  return target;
}

/** The CDNOW sample as a transaction CSV (customer,date,cds,amount) followed by `extra` lines. */
export function cdnowWith(name: string, extra: string): string {
  const target = path.join(directory, name);
  writeCdnowCsv(target);
  appendFileSync(target, extra);
  return target;
}

/** Runs `crm-analytics …argv` and returns its exit code and output. */
export async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** The CSV on standard output as objects by header (the test's own reader: plain commas, no quotes). */
export function csvRows(text: string): Record<string, string>[] {
  const [header = '', ...lines] = text.trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [names[index], value])));
}
