import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { AnalyticsError } from '../core';

/** The output cannot be written (missing or read-only folder, full disk, closed pipe): exit code 3. */
export class OutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputError';
  }
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Checks `--out` before any computing: it must not be the input file (under any spelling or link), must not
 * be a folder, and its folder must exist and be writable.
 *
 * @throws AnalyticsError BAD_ARGUMENT when it names the input; OutputError when it cannot be written.
 * @example
 * checkOutputPath('customers.csv', 'orders.csv') // passes in a writable folder
 */
export function checkOutputPath(out: string, input: string): void {
  const target = realPath(out);
  if (existsSync(input) && target === realPath(input)) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `--out ${out} is the input file; give another file name so the data is kept.`,
      {
        argument: 'out',
      },
    );
  }
  if (existsSync(target) && statSync(target).isDirectory()) {
    throw new OutputError(`--out ${out} is a folder; give a file name, e.g. ${path.join(out, 'customers.csv')}.`);
  }
  const folder = path.dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new OutputError(`Cannot write --out ${out}: the folder ${folder} does not exist.`);
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new OutputError(`Cannot write --out ${out}: the folder ${folder} is not writable.`);
  }
}

/**
 * Writes `text` to `out` through a temporary file in the same folder, renamed over `out` once complete, so
 * a failure (a full disk, an interruption) never leaves a half-written file or destroys an older one.
 *
 * @throws OutputError naming the file and the reason.
 */
export function writeOutputFile(out: string, text: string): void {
  const target = realPath(out);
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.partial`);
  try {
    const descriptor = openSync(temporary, 'w');
    try {
      writeSync(descriptor, text, null, 'utf8');
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new OutputError(`Cannot write --out ${out}: ${reason}. Nothing was written.`);
  }
}
