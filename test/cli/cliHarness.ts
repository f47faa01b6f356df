import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';

/** Runs the command line in-process, capturing what it prints and its exit code. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
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

/** A temporary folder for one test file's inputs, removed after its tests; `write` puts a file in it. */
export function scratchFolder(prefix: string): {
  write: (name: string, content: string | Buffer) => string;
  folder: () => string;
} {
  let directory = '';
  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), prefix));
  });
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });
  return {
    write: (name, content) => {
      const target = path.join(directory, name);
      writeFileSync(target, content);
      return target;
    },
    folder: () => directory,
  };
}

/** The rows of a CSV the command wrote (simple: the test data has no quoted fields unless said). */
export function csvRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split('\n');
  const names = (header ?? '').split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((value, index) => [names[index], value])));
}
