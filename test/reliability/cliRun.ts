/*
 * Runs the command line in process (src/cli/main, the entry point of the built CLI) on a CSV written to a
 * temporary folder, for the reliability tests.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
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

// Runs `crm-analytics …argv` in process and reads the CSV it prints: the command-line tests' own helpers.
export { runCli as cli, csvRows } from '../cli/cliHarness';
