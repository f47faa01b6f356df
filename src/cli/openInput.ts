import { closeSync, fstatSync, openSync } from 'node:fs';
import { AnalyticsError } from '../core';

/**
 * Opens an input file for reading, with the two refusals every reader gives in the same words: a path that
 * cannot be opened, and a folder given where a file is meant.
 * @throws AnalyticsError NOT_FOUND naming the path.
 */
export function openInput(path: string): number {
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AnalyticsError('NOT_FOUND', `Cannot open ${path}: ${reason}`, { argument: 'file' });
  }
  if (fstatSync(descriptor).isDirectory()) {
    closeSync(descriptor);
    throw new AnalyticsError('NOT_FOUND', `${path} is a folder, not a CSV file. Give the path of the file.`, {
      argument: 'file',
    });
  }
  return descriptor;
}
