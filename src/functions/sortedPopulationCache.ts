import { AnalyticsError, roundMoney } from '../core';
import { cellsOf, numberAt, widthOf } from './coerce';

/** A population column read once: its values in row order and the same values sorted ascending. */
export interface SortedPopulation {
  values: Float64Array;
  sorted: Float64Array;
}

const LIMIT = 16;
/** Entries by the identity of the range object, for runtimes that pass the same array to every call. */
let byIdentity = new WeakMap<object, SortedPopulation>();
/** Entries by content, most recently used last; at most {@link LIMIT}. */
const byContent = new Map<string, SortedPopulation>();

// Globals read once: in a vm context (the bundle test and benchmark) every global lookup is slow.
const imul = Math.imul;

function hashOf(values: Float64Array): string {
  // FNV-1a over the 8 bytes of each double: exact content, so an edited cell always gives a new key.
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (let index = 0; index < bytes.length; index++) {
    low = imul(low ^ (bytes[index] as number), 0x01000193);
    high = imul(high ^ low, 0x5bd1e995);
  }
  return `${values.length}:${(low >>> 0).toString(36)}:${(high >>> 0).toString(36)}`;
}

function sameValues(left: Float64Array, right: Float64Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) {
    const a = left[index] as number;
    const b = right[index] as number;
    if (a !== b && !(a !== a && b !== b)) return false;
  }
  return true;
}

/**
 * Reads a population column (a range, blanks skipped, money rounded to 6 decimals as DOMAIN §7.3 asks) and
 * returns it sorted, from a bounded cache: a formula filled down 20,000 rows against the same column sorts
 * it once, and every call then answers by binary search. Keys are the range object itself when the runtime
 * reuses it, else a hash of the exact values (checked value by value, so a collision cannot give a wrong
 * score); at most 16 populations are kept, least recently used dropped first.
 *
 * Cost O(1) on an identity hit; O(N) to read and hash otherwise; O(N log N) on a miss.
 * @throws AnalyticsError BAD_NUMBER naming the argument and row of a cell that is not a number; EMPTY_INPUT
 *   for a column without numbers.
 */
export function sortedPopulation(range: unknown, name: string, round: boolean): SortedPopulation {
  const identity = typeof range === 'object' && range !== null ? range : null;
  if (identity !== null) {
    const hit = byIdentity.get(identity);
    if (hit !== undefined) return hit;
  }
  const cells = cellsOf(range);
  const width = widthOf(range);
  const read: number[] = [];
  for (let index = 0; index < cells.length; index++) {
    const number = numberAt(cells, index, width, name);
    if (number !== null) read.push(round ? roundMoney(number) : number);
  }
  if (read.length === 0) {
    throw new AnalyticsError('EMPTY_INPUT', `${name} has no numbers to score against.`, { argument: name });
  }
  const values = Float64Array.from(read);
  const key = hashOf(values);
  let entry = byContent.get(key);
  if (entry !== undefined && sameValues(entry.values, values)) {
    byContent.delete(key);
  } else {
    entry = { values, sorted: Float64Array.from(values).sort() };
  }
  byContent.set(key, entry);
  if (byContent.size > LIMIT) {
    const oldest = byContent.keys().next();
    if (oldest.done !== true) byContent.delete(oldest.value);
  }
  if (identity !== null) byIdentity.set(identity, entry);
  return entry;
}

/** Empties the cache (for tests and benchmarks that must measure a cold start). */
export function clearSortedPopulations(): void {
  byContent.clear();
  byIdentity = new WeakMap<object, SortedPopulation>();
}
