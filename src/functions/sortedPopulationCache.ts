import { AnalyticsError, roundMoney } from '../core';
import { cellsOf, numberAt, widthOf } from './coerce';

/** A population column read once: its values in row order and the same values sorted ascending. */
export interface SortedPopulation {
  values: Float64Array;
  sorted: Float64Array;
}

interface Entry {
  /** The cells exactly as Excel passed them (row-major), the key an equal range is recognised by. */
  cells: unknown[];
  round: boolean;
  population: SortedPopulation;
}

const LIMIT = 16;
/** Entries by the identity of the range object, for runtimes that pass the same array to every call. */
let byIdentity = new WeakMap<object, Entry>();
/** Entries by content, most recently used first; at most {@link LIMIT}. */
let entries: Entry[] = [];

// Globals read once: in a vm context (the bundle test and benchmark) every global lookup is slow.
const isArray = Array.isArray;

/**
 * True when `range` holds exactly `cells`, cell for cell, compared as Excel passed them (so `"20"` and `20`
 * differ, and an edited cell anywhere is a mismatch). Stops at the first difference.
 *
 * Cost O(cells) at worst: one strict comparison per cell and no allocation, the least a content key can cost.
 */
function holdsCells(range: unknown, cells: readonly unknown[]): boolean {
  if (!isArray(range)) return cells.length === 1 && cells[0] === range;
  let index = 0;
  const rows = range as readonly unknown[];
  for (let row = 0; row < rows.length; row++) {
    const line = rows[row];
    if (isArray(line)) {
      const width = (line as readonly unknown[]).length;
      if (index + width > cells.length) return false;
      for (let column = 0; column < width; column++) {
        if ((line as readonly unknown[])[column] !== cells[index++]) return false;
      }
    } else if (index >= cells.length || line !== cells[index++]) {
      return false;
    }
  }
  return index === cells.length;
}

function readPopulation(cells: readonly unknown[], width: number, name: string, round: boolean): SortedPopulation {
  const read: number[] = [];
  for (let index = 0; index < cells.length; index++) {
    const number = numberAt(cells, index, width, name);
    if (number !== null) read.push(round ? roundMoney(number) : number);
  }
  if (read.length === 0) {
    throw new AnalyticsError('EMPTY_INPUT', `${name} has no numbers to score against.`, { argument: name });
  }
  const values = Float64Array.from(read);
  return { values, sorted: Float64Array.from(values).sort() };
}

/**
 * Reads a population column (a range, blanks skipped, money rounded to 6 decimals as DOMAIN §7.3 asks) and
 * returns it sorted, from a bounded cache: a formula filled down 20,000 rows against the same column sorts
 * it once, and every call then answers by binary search.
 *
 * Excel deserialises every call's arguments afresh, so a hit is found by content: the cells are compared
 * with each cached population's cells one by one (exact, so an edited cell can never give a stale score).
 * The range object itself is tried first, for runtimes that reuse it. At most 16 populations are kept, least
 * recently used dropped first.
 *
 * Cost O(1) on an identity hit; O(cells) comparisons on a content hit; O(N log N) on a miss.
 * @throws AnalyticsError BAD_NUMBER naming the argument and row of a cell that is not a number; EMPTY_INPUT
 *   for a column without numbers.
 */
export function sortedPopulation(range: unknown, name: string, round: boolean): SortedPopulation {
  const identity = typeof range === 'object' && range !== null ? range : null;
  if (identity !== null) {
    const hit = byIdentity.get(identity);
    if (hit !== undefined && hit.round === round) return hit.population;
  }
  let entry: Entry | undefined;
  for (let index = 0; index < entries.length; index++) {
    const candidate = entries[index] as Entry;
    if (candidate.round === round && holdsCells(range, candidate.cells)) {
      entry = candidate;
      entries.splice(index, 1);
      break;
    }
  }
  if (entry === undefined) {
    const cells = cellsOf(range);
    entry = { cells, round, population: readPopulation(cells, widthOf(range), name, round) };
  }
  entries.unshift(entry);
  if (entries.length > LIMIT) entries.length = LIMIT;
  if (identity !== null) byIdentity.set(identity, entry);
  return entry.population;
}

/** Empties the cache (for tests and benchmarks that must measure a cold start). */
export function clearSortedPopulations(): void {
  entries = [];
  byIdentity = new WeakMap<object, Entry>();
}
