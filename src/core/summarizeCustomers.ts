import type { TimeUnit } from './dates';
import { DAYS_PER_UNIT } from './dates';
import { AnalyticsError } from './errors';
import type { SkippedRows, Transactions } from './transactions';
import { copySkippedRows, recordSkip } from './transactions';
import { lostInAddition } from './compensatedSum';
import { lexicographicOrder } from './lexicographicOrder';

/**
 * Per-customer facts of DOMAIN §7.2 in columnar form (index i = customer i, customers sorted by id), plus
 * each customer's purchase groups for the lifecycle rules. All day counts are whole days.
 */
export interface CustomerSummary {
  readonly count: number;
  readonly customerIds: readonly string[];
  /** The as-of day D (whole day number). */
  readonly asOf: number;
  readonly unit: TimeUnit;
  /** Whole day numbers of the first and last purchase occasion. */
  readonly first: Float64Array;
  readonly last: Float64Array;
  /** D − last and D − first, in days. */
  readonly recencyDays: Float64Array;
  readonly tenureDays: Float64Array;
  /** Purchase occasions (groups with net amount ≥ 0). */
  readonly frequency: Int32Array;
  /** BTYD x: distinct days with an occasion − 1. */
  readonly repeatPurchases: Int32Array;
  /** BTYD t_x and T in `unit`. */
  readonly recencyInUnit: Float64Array;
  readonly ageInUnit: Float64Array;
  /** Net value: all amounts, returns included. */
  readonly monetary: Float64Array;
  /** monetary / frequency. */
  readonly monetaryAvg: Float64Array;
  /** Mean value of the repeat purchase days (0 when x = 0): the Gamma–Gamma input. */
  readonly monetaryRepeatAvg: Float64Array;
  /** Value of the returns as a positive number. */
  readonly returnsValue: Float64Array;
  /** Sum of margins (or amount − cost) when given, else the net value. */
  readonly historicValue: Float64Array;
  /** Customer i's groups are groupDay/groupAmount[groupStart[i] … groupStart[i + 1]), sorted by day. */
  readonly groupStart: Int32Array;
  readonly groupDay: Float64Array;
  readonly groupAmount: Float64Array;
  /** The transactions' skip report plus rows after D and rows of customers with returns only. */
  readonly skipped: SkippedRows;
  readonly rowsUsed: number;
}

const INTEGER_TEXT = /^-?\d{1,15}$/;

/**
 * The default as-of day (DOMAIN §7.2): the whole day after the latest transaction, so the same data gives the
 * same result whenever it is run, and a purchase on the latest day has recency 1.
 * @example
 * defaultAsOfDay(19787.75) // => 19788
 */
export function defaultAsOfDay(latestDay: number): number {
  return Math.floor(latestDay) + 1;
}

/**
 * Turns transactions into the per-customer facts of DOMAIN §7.2 as of day D (default: the day after the
 * latest transaction). Lines are grouped per customer by order id when orders are given, else by calendar
 * day; a group with net amount ≥ 0 is a purchase occasion, one < 0 a return (it lowers the value but moves
 * neither first nor last purchase). Customers with returns only are skipped and reported. Sums run in a
 * canonical order (rows sorted by customer, group, day, amount), so shuffled rows give identical numbers.
 *
 * Cost O(n log n) worst case, O(n) when each customer's rows are already in date order; typed arrays only.
 * @throws AnalyticsError BAD_DATE when `asOf` is not a finite day number.
 * @example
 * summarizeCustomers(parseTransactions({ customer: ['a', 'a'], date: ['2024-01-01', '2024-01-11'], amount: [10, 30] }))
 *   .repeatPurchases[0] // => 1
 */
export function summarizeCustomers(
  transactions: Transactions,
  options: { asOf?: number; unit?: TimeUnit } = {},
): CustomerSummary {
  const unit = options.unit ?? 'days';
  const unitDays = DAYS_PER_UNIT[unit];
  const rows = transactions.length;
  const { day, amount, order, profit, rowNumber } = transactions;
  let latest = -Infinity;
  for (let row = 0; row < rows; row++) if ((day[row] as number) > latest) latest = day[row] as number;
  if (options.asOf !== undefined && !Number.isFinite(options.asOf)) {
    throw new AnalyticsError('BAD_DATE', `The as-of date is not a date: ${options.asOf}.`, { argument: 'asOf' });
  }
  const asOf = options.asOf !== undefined ? Math.floor(options.asOf) : rows === 0 ? 0 : defaultAsOfDay(latest);
  const skipped = copySkippedRows(transactions.skipped);

  // Canonical customer order: rank of each dictionary entry among the sorted ids.
  const ids = transactions.customerIds;
  const customerCount = ids.length;
  const { rank, order: byId } = canonicalRanks(ids);

  // Rows on or before D, then a stable two-pass counting sort: by group key (order, else calendar day),
  // then by customer rank, giving rows ordered by (customer, group key, original position).
  const lastWholeDay = asOf + 1;
  const wholeDay = new Float64Array(rows);
  let kept0 = 0;
  const usable = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    const rowDay = day[row] as number;
    wholeDay[row] = Math.floor(rowDay);
    if (rowDay >= lastWholeDay) {
      recordSkip(skipped, 'afterAsOf', rowNumber[row] as number);
      continue;
    }
    usable[kept0] = row;
    kept0 += 1;
  }
  const used = kept0;
  // One concrete array type on the hot path (a union of typed arrays makes every read megamorphic).
  const groupKey: Float64Array = order === null ? wholeDay : Float64Array.from(order);
  const customerOf = transactions.customer;
  const byKey = sortRowsByKey(usable.subarray(0, used), groupKey);
  const slotStart = new Int32Array(customerCount + 1);
  for (let index = 0; index < used; index++) {
    const slot = (rank[customerOf[usable[index] as number] as number] as number) + 1;
    slotStart[slot] = (slotStart[slot] as number) + 1;
  }
  for (let position = 0; position < customerCount; position++) {
    slotStart[position + 1] = (slotStart[position + 1] as number) + (slotStart[position] as number);
  }
  // Scatter into customer order, gathering (day, amount) pairs into one interleaved array: this pass is
  // bound by random writes, so one cache line per row instead of one per column.
  const cursor = slotStart.slice(0, customerCount);
  const lines = new Float64Array(2 * used);
  const lineKey = order === null ? null : new Float64Array(used);
  const lineProfit = profit === null ? null : new Float64Array(used);
  for (let index = 0; index < used; index++) {
    const row = byKey[index] as number;
    const position = rank[customerOf[row] as number] as number;
    const target = cursor[position] as number;
    cursor[position] = target + 1;
    lines[2 * target] = day[row] as number;
    lines[2 * target + 1] = amount[row] as number;
    if (lineKey !== null) lineKey[target] = groupKey[row] as number;
    if (lineProfit !== null && profit !== null) lineProfit[target] = profit[row] as number;
  }
  const returnsOnly = new Uint8Array(customerCount);
  let returnsOnlyCount = 0;

  const first = new Float64Array(customerCount);
  const last = new Float64Array(customerCount);
  const recencyDays = new Float64Array(customerCount);
  const tenureDays = new Float64Array(customerCount);
  const frequency = new Int32Array(customerCount);
  const repeatPurchases = new Int32Array(customerCount);
  const recencyInUnit = new Float64Array(customerCount);
  const ageInUnit = new Float64Array(customerCount);
  const monetary = new Float64Array(customerCount);
  const monetaryAvg = new Float64Array(customerCount);
  const monetaryRepeatAvg = new Float64Array(customerCount);
  const returnsValue = new Float64Array(customerCount);
  const historicValue = new Float64Array(customerCount);
  const groupStart = new Int32Array(customerCount + 1);
  const groupDay = new Float64Array(used);
  const groupAmount = new Float64Array(used);
  const groupProfit = lineProfit === null ? null : new Float64Array(used);
  const keptIds: string[] = [];
  let kept = 0;
  let groups = 0;
  let rowsUsed = 0;

  for (let position = 0; position < customerCount; position++) {
    const sliceStart = slotStart[position] as number;
    const sliceEnd = slotStart[position + 1] as number;
    if (sliceStart === sliceEnd) continue;
    const customerGroupStart = groups;
    // Build the groups: consecutive rows with one key; dated by their earliest day.
    for (let index = sliceStart; index < sliceEnd;) {
      const key = lineKey === null ? Math.floor(lines[2 * index] as number) : (lineKey[index] as number);
      let groupEnd = index + 1;
      if (lineKey === null) {
        while (groupEnd < sliceEnd && Math.floor(lines[2 * groupEnd] as number) === key) groupEnd += 1;
      } else {
        while (groupEnd < sliceEnd && lineKey[groupEnd] === key) groupEnd += 1;
      }
      if (lineProfit !== null && groupProfit !== null) {
        // A group's profit, summed as the streaming builder sums it: compensated, lines in row order (the
        // scatter kept it; the sort below moves day-amount pairs only), so purchase groups read from a file
        // carry this very number.
        let profitSum = 0;
        let profitCompensation = 0;
        for (let line = index; line < groupEnd; line++) {
          const value = lineProfit[line] as number;
          const total = profitSum + value;
          profitCompensation += lostInAddition(profitSum, value, total);
          profitSum = total;
        }
        groupProfit[groups] = profitSum + profitCompensation;
      }
      // Lines of a group by exact time then amount: sums run in a canonical order whatever the row order.
      sortInterleaved(lines, index, groupEnd);
      const groupFirstDay = Math.floor(lines[2 * index] as number);
      let sum = 0;
      let compensation = 0;
      for (; index < groupEnd; index++) {
        const value = lines[2 * index + 1] as number;
        // Neumaier summation: money totals do not drift with many small lines.
        const total = sum + value;
        compensation += lostInAddition(sum, value, total);
        sum = total;
      }
      groupDay[groups] = groupFirstDay;
      groupAmount[groups] = sum + compensation;
      groups += 1;
    }
    if (groupProfit !== null) sortTriples(groupDay, groupAmount, groupProfit, customerGroupStart, groups);
    else if (order !== null) sortPairs(groupDay, groupAmount, customerGroupStart, groups);
    // Walk the groups in day order.
    let occasions = 0;
    let distinctDays = 0;
    let firstDay = 0;
    let lastDay = 0;
    let previousOccasionDay = Number.NaN;
    let net = 0;
    let returns = 0;
    let repeatValue = 0;
    let profitSum = 0;
    let profitCompensation = 0;
    for (let group = customerGroupStart; group < groups; group++) {
      const value = groupAmount[group] as number;
      const groupDate = groupDay[group] as number;
      net += value;
      if (groupProfit !== null) {
        const profit = groupProfit[group] as number;
        const total = profitSum + profit;
        profitCompensation += lostInAddition(profitSum, profit, total);
        profitSum = total;
      }
      if (value < 0) {
        returns -= value;
        continue;
      }
      if (occasions === 0) firstDay = groupDate;
      occasions += 1;
      lastDay = groupDate;
      if (groupDate !== previousOccasionDay) {
        distinctDays += 1;
        previousOccasionDay = groupDate;
      }
      if (groupDate !== firstDay) repeatValue += value;
    }
    if (occasions === 0) {
      // Reported after the loop, in row order, from the original rows.
      returnsOnly[position] = 1;
      returnsOnlyCount += 1;
      groups = customerGroupStart;
      continue;
    }
    rowsUsed += sliceEnd - sliceStart;
    keptIds.push(ids[byId[position] as number] as string);
    first[kept] = firstDay;
    last[kept] = lastDay;
    recencyDays[kept] = asOf - lastDay;
    tenureDays[kept] = asOf - firstDay;
    frequency[kept] = occasions;
    repeatPurchases[kept] = distinctDays - 1;
    recencyInUnit[kept] = (lastDay - firstDay) / unitDays;
    ageInUnit[kept] = (asOf - firstDay) / unitDays;
    monetary[kept] = net;
    monetaryAvg[kept] = net / occasions;
    monetaryRepeatAvg[kept] = distinctDays > 1 ? repeatValue / (distinctDays - 1) : 0;
    returnsValue[kept] = returns;
    historicValue[kept] = profit === null ? net : profitSum + profitCompensation;
    groupStart[kept] = customerGroupStart;
    kept += 1;
    groupStart[kept] = groups;
  }
  if (returnsOnlyCount > 0) {
    for (let row = 0; row < rows; row++) {
      if ((day[row] as number) < lastWholeDay && returnsOnly[rank[customerOf[row] as number] as number] === 1) {
        recordSkip(skipped, 'returnsOnly', rowNumber[row] as number);
      }
    }
  }
  return {
    count: kept,
    customerIds: keptIds,
    asOf,
    unit,
    first: first.subarray(0, kept),
    last: last.subarray(0, kept),
    recencyDays: recencyDays.subarray(0, kept),
    tenureDays: tenureDays.subarray(0, kept),
    frequency: frequency.subarray(0, kept),
    repeatPurchases: repeatPurchases.subarray(0, kept),
    recencyInUnit: recencyInUnit.subarray(0, kept),
    ageInUnit: ageInUnit.subarray(0, kept),
    monetary: monetary.subarray(0, kept),
    monetaryAvg: monetaryAvg.subarray(0, kept),
    monetaryRepeatAvg: monetaryRepeatAvg.subarray(0, kept),
    returnsValue: returnsValue.subarray(0, kept),
    historicValue: historicValue.subarray(0, kept),
    groupStart: groupStart.subarray(0, kept + 1),
    groupDay: groupDay.subarray(0, groups),
    groupAmount: groupAmount.subarray(0, groups),
    skipped,
    rowsUsed,
  };
}

/**
 * Ranks customer ids in canonical order (whole-number ids numerically and first, the rest by code unit), so
 * the output never depends on row order; rank[i] = position of ids[i].
 * Numeric ids are parsed once, not per comparison.
 */
function canonicalRanks(ids: readonly string[]): { rank: Int32Array; order: number[] } {
  const count = ids.length;
  const numeric = new Float64Array(count);
  for (let index = 0; index < count; index++) {
    const id = ids[index] as string;
    numeric[index] = INTEGER_TEXT.test(id) ? Number(id) : Number.NaN;
  }
  let allNumeric = true;
  let noneNumeric = true;
  for (let index = 0; index < count; index++) {
    if (numeric[index] === numeric[index]) noneNumeric = false;
    else allNumeric = false;
  }
  let order: number[];
  if (allNumeric || noneNumeric) {
    // Fast paths without a comparator: a native numeric sort, or the default code-unit sort of strings.
    const keys: (number | string)[] = allNumeric ? Array.from(Float64Array.from(numeric).sort()) : [...ids].sort();
    const position = new Map<number | string, number>();
    keys.forEach((key, index) => {
      if (!position.has(key)) position.set(key, index);
    });
    const taken = new Int32Array(count);
    order = new Array<number>(count);
    for (let index = 0; index < count; index++) {
      const key = allNumeric ? (numeric[index] as number) : (ids[index] as string);
      const base = position.get(key) as number;
      // Equal numbers ("7" and "07") occupy consecutive places; the comparator below breaks such ties.
      order[base + (taken[base] as number)] = index;
      taken[base] = (taken[base] as number) + 1;
    }
    const hasNumericTies = allNumeric && position.size < count;
    if (!hasNumericTies) {
      const rank = new Int32Array(count);
      for (let place = 0; place < count; place++) rank[order[place] as number] = place;
      return { rank, order };
    }
  }
  order = Array.from({ length: count }, (_, index) => index).sort((left, right) => {
    const leftNumber = numeric[left] as number;
    const rightNumber = numeric[right] as number;
    const leftNumeric = leftNumber === leftNumber;
    const rightNumeric = rightNumber === rightNumber;
    if (leftNumeric && rightNumeric && leftNumber !== rightNumber) return leftNumber - rightNumber;
    if (leftNumeric !== rightNumeric) return leftNumeric ? -1 : 1;
    const leftId = ids[left] as string;
    const rightId = ids[right] as string;
    return leftId < rightId ? -1 : leftId > rightId ? 1 : 0;
  });
  const rank = new Int32Array(count);
  for (let position = 0; position < count; position++) rank[order[position] as number] = position;
  return { rank, order };
}

/**
 * Stable sort of row indices by an integer key: a counting sort when the key range is at most a few times
 * the row count (calendar days, order numbers), else a comparison sort.
 */
function sortRowsByKey(rows: Int32Array, key: Float64Array): Int32Array {
  const count = rows.length;
  if (count === 0) return rows;
  let lowest = Infinity;
  let highest = -Infinity;
  for (let index = 0; index < count; index++) {
    const value = key[rows[index] as number] as number;
    if (value < lowest) lowest = value;
    if (value > highest) highest = value;
  }
  const range = highest - lowest + 1;
  if (range > 4 * count + 1024) {
    return Int32Array.from(
      Array.from(rows).sort((left, right) => (key[left] as number) - (key[right] as number) || left - right),
    );
  }
  const start = new Int32Array(range + 1);
  for (let index = 0; index < count; index++) {
    const slot = (key[rows[index] as number] as number) - lowest + 1;
    start[slot] = (start[slot] as number) + 1;
  }
  for (let slot = 0; slot < range; slot++) start[slot + 1] = (start[slot + 1] as number) + (start[slot] as number);
  const sorted = new Int32Array(count);
  for (let index = 0; index < count; index++) {
    const row = rows[index] as number;
    const slot = (key[row] as number) - lowest;
    sorted[start[slot] as number] = row;
    start[slot] = (start[slot] as number) + 1;
  }
  return sorted;
}

/**
 * Sorts records i in [start, end) of an interleaved array (day at 2i, amount at 2i + 1) by day then amount,
 * in place: insertion sort for short runs, else through {@link sortPairs}.
 */
function sortInterleaved(lines: Float64Array, start: number, end: number): void {
  const length = end - start;
  if (length < 2) return;
  if (length > 32) {
    const days = new Float64Array(length);
    const amounts = new Float64Array(length);
    for (let offset = 0; offset < length; offset++) {
      days[offset] = lines[2 * (start + offset)] as number;
      amounts[offset] = lines[2 * (start + offset) + 1] as number;
    }
    sortPairs(days, amounts, 0, length);
    for (let offset = 0; offset < length; offset++) {
      lines[2 * (start + offset)] = days[offset] as number;
      lines[2 * (start + offset) + 1] = amounts[offset] as number;
    }
    return;
  }
  for (let index = start + 1; index < end; index++) {
    const dayValue = lines[2 * index] as number;
    const amountValue = lines[2 * index + 1] as number;
    let hole = index - 1;
    while (
      hole >= start &&
      ((lines[2 * hole] as number) > dayValue ||
        ((lines[2 * hole] as number) === dayValue && (lines[2 * hole + 1] as number) > amountValue))
    ) {
      lines[2 * hole + 2] = lines[2 * hole] as number;
      lines[2 * hole + 3] = lines[2 * hole + 1] as number;
      hole -= 1;
    }
    lines[2 * hole + 2] = dayValue;
    lines[2 * hole + 3] = amountValue;
  }
}

/**
 * {@link sortPairs} for groups that also carry a profit: by day, then amount, then profit, so groups that tie on
 * day and amount are still summed in one order whichever path built them. Few groups per customer: a sort of
 * indices is enough.
 */
function sortTriples(
  days: Float64Array,
  amounts: Float64Array,
  profits: Float64Array,
  start: number,
  end: number,
): void {
  if (end - start < 2) return;
  const order = lexicographicOrder([days, amounts, profits], start, end);
  for (const column of [days, amounts, profits]) {
    column.set(
      order.map((index) => column[index] as number),
      start,
    );
  }
}

/**
 * Sorts the pairs (days[i], amounts[i]) for i in [start, end) by day then amount, in place: insertion sort
 * for short or nearly sorted runs (the usual case: data in date order), else a comparison sort.
 */
function sortPairs(days: Float64Array, amounts: Float64Array, start: number, end: number): void {
  const length = end - start;
  if (length < 2) return;
  if (length > 32) {
    let inOrder = true;
    for (let index = start + 1; index < end && inOrder; index++) {
      const previous = days[index - 1] as number;
      const current = days[index] as number;
      if (previous > current || (previous === current && (amounts[index - 1] as number) > (amounts[index] as number))) {
        inOrder = false;
      }
    }
    if (inOrder) return;
    const pairs = Array.from({ length }, (_, offset) => [
      days[start + offset] as number,
      amounts[start + offset] as number,
    ]);
    pairs.sort(
      (left, right) => (left[0] as number) - (right[0] as number) || (left[1] as number) - (right[1] as number),
    );
    pairs.forEach((pair, offset) => {
      days[start + offset] = pair[0] as number;
      amounts[start + offset] = pair[1] as number;
    });
    return;
  }
  for (let index = start + 1; index < end; index++) {
    const dayValue = days[index] as number;
    const amountValue = amounts[index] as number;
    let hole = index - 1;
    while (
      hole >= start &&
      ((days[hole] as number) > dayValue ||
        ((days[hole] as number) === dayValue && (amounts[hole] as number) > amountValue))
    ) {
      days[hole + 1] = days[hole] as number;
      amounts[hole + 1] = amounts[hole] as number;
      hole -= 1;
    }
    days[hole + 1] = dayValue;
    amounts[hole + 1] = amountValue;
  }
}
