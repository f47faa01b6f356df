import type { TimeUnit } from './dates';
import { DAYS_PER_UNIT } from './dates';
import { AnalyticsError } from './errors';
import type { SkippedRows, Transactions } from './transactions';
import { recordSkip } from './transactions';

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
 * Orders customer ids so the output never depends on row order: ids that are whole numbers numerically and
 * before other ids, the rest by code unit.
 */
export function compareCustomerIds(left: string, right: string): number {
  const leftNumeric = INTEGER_TEXT.test(left);
  const rightNumeric = INTEGER_TEXT.test(right);
  if (leftNumeric && rightNumeric) {
    const difference = Number(left) - Number(right);
    if (difference !== 0) return difference;
  } else if (leftNumeric !== rightNumeric) {
    return leftNumeric ? -1 : 1;
  }
  return left < right ? -1 : left > right ? 1 : 0;
}

function copySkipped(skipped: SkippedRows): SkippedRows {
  const reasons: SkippedRows['reasons'] = {};
  for (const [reason, entry] of Object.entries(skipped.reasons) as [
    keyof SkippedRows['reasons'],
    { count: number; firstRows: number[] },
  ][]) {
    reasons[reason] = { count: entry.count, firstRows: [...entry.firstRows] };
  }
  return { total: skipped.total, reasons };
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
  const asOf = options.asOf !== undefined ? Math.floor(options.asOf) : rows === 0 ? 0 : Math.floor(latest) + 1;
  const skipped = copySkipped(transactions.skipped);

  // Canonical customer order: rank of each dictionary entry among the sorted ids.
  const ids = transactions.customerIds;
  const customerCount = ids.length;
  const byId = Array.from({ length: customerCount }, (_, index) => index).sort((left, right) =>
    compareCustomerIds(ids[left] as string, ids[right] as string),
  );
  const rank = new Int32Array(customerCount);
  for (let position = 0; position < customerCount; position++) rank[byId[position] as number] = position;

  // Counting sort of the usable rows by customer rank (stable).
  const slotStart = new Int32Array(customerCount + 1);
  let used = 0;
  const lastWholeDay = asOf + 1;
  for (let row = 0; row < rows; row++) {
    if ((day[row] as number) >= lastWholeDay) {
      recordSkip(skipped, 'afterAsOf', rowNumber[row] as number);
      continue;
    }
    const slot = (rank[transactions.customer[row] as number] as number) + 1;
    slotStart[slot] = (slotStart[slot] as number) + 1;
    used += 1;
  }
  for (let position = 0; position < customerCount; position++) {
    slotStart[position + 1] = (slotStart[position + 1] as number) + (slotStart[position] as number);
  }
  const cursor = slotStart.slice(0, customerCount);
  const sortedRows = new Int32Array(used);
  const wholeDay = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const rowDay = day[row] as number;
    wholeDay[row] = Math.floor(rowDay);
    if (rowDay >= lastWholeDay) continue;
    const position = rank[transactions.customer[row] as number] as number;
    sortedRows[cursor[position] as number] = row;
    cursor[position] = (cursor[position] as number) + 1;
  }

  // Group key: the order, else the calendar day; ties broken by exact time then amount for a canonical order.
  const groupKey = order ?? wholeDay;
  const compareRows = (left: number, right: number): number =>
    (groupKey[left] as number) - (groupKey[right] as number) ||
    (day[left] as number) - (day[right] as number) ||
    (amount[left] as number) - (amount[right] as number);

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
  const keptIds: string[] = [];
  let kept = 0;
  let groups = 0;
  let rowsUsed = 0;

  for (let position = 0; position < customerCount; position++) {
    const sliceStart = slotStart[position] as number;
    const sliceEnd = slotStart[position + 1] as number;
    if (sliceStart === sliceEnd) continue;
    sortSlice(sortedRows, sliceStart, sliceEnd, compareRows);
    const customerGroupStart = groups;
    // Build the groups: consecutive rows with one key; dated by their earliest day.
    let profitSum = 0;
    for (let index = sliceStart; index < sliceEnd;) {
      const row = sortedRows[index] as number;
      const key = groupKey[row] as number;
      let sum = 0;
      let compensation = 0;
      const groupFirstDay = wholeDay[row] as number;
      while (index < sliceEnd && groupKey[sortedRows[index] as number] === key) {
        const line = sortedRows[index] as number;
        const value = amount[line] as number;
        // Neumaier summation: money totals do not drift with many small lines.
        const total = sum + value;
        compensation += Math.abs(sum) >= Math.abs(value) ? sum - total + value : value - total + sum;
        sum = total;
        if (profit !== null) profitSum += profit[line] as number;
        index += 1;
      }
      groupDay[groups] = groupFirstDay;
      groupAmount[groups] = sum + compensation;
      groups += 1;
    }
    if (order !== null) sortGroups(groupDay, groupAmount, customerGroupStart, groups);
    // Walk the groups in day order.
    let occasions = 0;
    let distinctDays = 0;
    let firstDay = 0;
    let lastDay = 0;
    let previousOccasionDay = Number.NaN;
    let net = 0;
    let returns = 0;
    let repeatValue = 0;
    for (let group = customerGroupStart; group < groups; group++) {
      const value = groupAmount[group] as number;
      const groupDate = groupDay[group] as number;
      net += value;
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
      for (let index = sliceStart; index < sliceEnd; index++) {
        recordSkip(skipped, 'returnsOnly', rowNumber[sortedRows[index] as number] as number);
      }
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
    historicValue[kept] = profit === null ? net : profitSum;
    groupStart[kept] = customerGroupStart;
    kept += 1;
    groupStart[kept] = groups;
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

/** Sorts indices[start … end) by `compare`: insertion sort for short or nearly sorted slices, else Array sort. */
function sortSlice(
  indices: Int32Array,
  start: number,
  end: number,
  compare: (left: number, right: number) => number,
): void {
  const length = end - start;
  if (length < 2) return;
  if (length > 64) {
    let inOrder = true;
    for (let index = start + 1; index < end && inOrder; index++) {
      if (compare(indices[index - 1] as number, indices[index] as number) > 0) inOrder = false;
    }
    if (inOrder) return;
    const slice = Array.from(indices.subarray(start, end)).sort(compare);
    indices.set(slice, start);
    return;
  }
  for (let index = start + 1; index < end; index++) {
    const value = indices[index] as number;
    let hole = index - 1;
    while (hole >= start && compare(indices[hole] as number, value) > 0) {
      indices[hole + 1] = indices[hole] as number;
      hole -= 1;
    }
    indices[hole + 1] = value;
  }
}

/** Sorts one customer's groups by (day, amount) in place (insertion sort: orders are mostly in date order). */
function sortGroups(days: Float64Array, amounts: Float64Array, start: number, end: number): void {
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
