/** Bytes we allow one response or request to use: below Excel on the web's 5 MB limit with headroom. */
export const BLOCK_BYTE_BUDGET = 3_500_000;
/** The most rows one `sync` moves, so progress stays visible and memory bounded. */
export const MAX_BLOCK_ROWS = 20_000;

/**
 * How many rows fit in one `sync` given the measured JSON size of a typical row.
 *
 * Why: Excel on the web refuses requests or responses over 5 MB; block size follows the data's width
 * (a 4-column CDNOW row is ~40 bytes → 20,000 rows; a row of long texts gets fewer). O(1).
 * @example
 * blockRows(40) // => 20000
 * blockRows(1000) // => 3500
 */
export function blockRows(bytesPerRow: number): number {
  const rows = Math.floor(BLOCK_BYTE_BUDGET / Math.max(1, bytesPerRow));
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, rows));
}

const encoder = new TextEncoder();

/** The UTF-8 size of a value's JSON, how Office.js measures payloads. O(size). */
export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}
