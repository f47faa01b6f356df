import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CDNOW_SAMPLE_PATH } from '../core/btyd/cdnowSample';

/**
 * Writes the CDNOW sample as a transaction CSV (customer = the sample id of the second column, ISO dates,
 * amount), independently of core's readers, so the command line reads it as a user's file.
 */
export function writeCdnowCsv(file: string): void {
  const lines = ['customer,date,cds,amount'];
  for (const line of readFileSync(CDNOW_SAMPLE_PATH, 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const [, id, date, cds, value] = fields as [string, string, string, string, string];
    lines.push(`${id},${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)},${cds},${value}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** The CDNOW CSV in a temporary folder for the tests of one file: written before them, removed after. */
export function cdnowCsvForTests(): { path: () => string } {
  let directory = '';
  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'cli-cdnow-'));
    writeCdnowCsv(path.join(directory, 'cdnow.csv'));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  return { path: () => path.join(directory, 'cdnow.csv') };
}

/** A command's standard output and error, captured. */
export function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) }, out, err };
}
