/*
 * The real data sets the tests, benchmarks and scripts read, all kept in this folder (provenance, licences and
 * checksums in SOURCES.md). Large files are stored gzipped; callers name the plain file and never see the
 * difference: a `.gz` copy is decompressed once per machine into the system's temporary folder.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The data sets in this folder, by the names SOURCES.md gives them. */
export const DATA_SETS = ['CDNOW_sample.txt', 'CDNOW_master.txt', 'onlineretail.csv'] as const;
export type DataFileName = (typeof DATA_SETS)[number];

const DATA_FOLDER = __dirname;

/**
 * Path of a plain (uncompressed) copy of a data set. Reads `test/data/NAME` when it is there, else decompresses
 * `test/data/NAME.gz` into a cache keyed by the compressed file's size and time, written to a temporary name and
 * renamed so parallel test workers never read half a file.
 */
export function dataFilePath(name: DataFileName): string {
  const plain = path.join(DATA_FOLDER, name);
  if (existsSync(plain)) return plain;
  const compressed = `${plain}.gz`;
  if (!existsSync(compressed)) {
    throw new Error(`Data set ${name} is missing: expected ${plain} or ${compressed} (see test/data/SOURCES.md).`);
  }
  const { size, mtimeMs } = statSync(compressed);
  const cacheFolder = path.join(tmpdir(), 'crm-analytics-test-data');
  const cached = path.join(cacheFolder, `${size}-${Math.round(mtimeMs)}-${name}`);
  if (!existsSync(cached)) {
    mkdirSync(cacheFolder, { recursive: true });
    const partial = `${cached}.${process.pid}.partial`;
    writeFileSync(partial, gunzipSync(readFileSync(compressed)));
    renameSync(partial, cached);
  }
  return cached;
}

/** The text of a data set (UTF-8), decompressed when it is stored gzipped. */
export function readDataText(name: DataFileName): string {
  return readFileSync(dataFilePath(name), 'utf8');
}
