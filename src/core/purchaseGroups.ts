import type { DateSystem } from './dates';
import { parseDate, parseIsoFixed } from './dates';
import { lostInAddition } from './compensatedSum';
import { OrderDayGroups } from './orderDayGroups';
import type { DateTextOptions } from './dates';
import { isCellError } from './cellError';
import { AnalyticsError } from './errors';
import type { TimeUnit } from './dates';
import type { CustomerSummary } from './summarizeCustomers';
import { summarizeCustomers } from './summarizeCustomers';
import type { SkippedRows, Transactions } from './transactions';
import {
  copySkippedRows,
  customerKey,
  parseAmount,
  recordSkip,
  recordUnreadable,
  rowProfit,
  SKIP_EXAMPLES,
} from './transactions';

/** What a {@link PurchaseGroupBuilder} has gathered: one entry per purchase group, and what the rows were. */
export interface PurchaseGroups {
  /**
   * One entry per (customer, order id, calendar day) group — or (customer, calendar day) without an order
   * column — with the group's net amount and calendar day, in the shape core's summary reads.
   */
  readonly transactions: Transactions;
  /** The as-of day the rows were filtered by (rows after it are skipped as afterAsOf), if any. */
  readonly asOf: number | undefined;
  /** Per customer (dictionary index): rows used, and its first few row numbers (ascending). */
  readonly rowsOfCustomer: Int32Array;
  readonly firstRowsOfCustomer: readonly number[][];
}

// Above this many distinct date texts the cache is emptied: a file of unique timestamps must not keep them all.
const DATE_CACHE_LIMIT = 65_536;
// Composite numeric keys: (index × 2^23) + (whole day + 2^22) stays an exact double for any index < 2^30.
const DAY_SPAN = 8_388_608;
const DAY_OFFSET = 4_194_304;

/**
 * Gathers transaction rows one at a time into purchase groups (DOMAIN §7.2: lines grouped per customer by
 * order id and calendar day; blank order ids by calendar day; without an order column by calendar day), so
 * a file of any length needs memory for its customers and groups only, never for its rows. Cells are read
 * exactly as {@link parseTransactions} reads them (trimmed ids, the same date and amount rules, the same skip
 * reasons and order), and a group's amount is a compensated (Neumaier) sum, so the summary of the groups
 * equals the summary of the rows.
 *
 * Cost O(1) amortised per row (two or three hash lookups); memory O(customers + groups + distinct order ids).
 * @throws AnalyticsError BAD_NUMBER naming the row whose amount makes a total overflow.
 * @example
 * const builder = new PurchaseGroupBuilder({ hasOrder: false });
 * builder.addRow('a', '2024-01-02', '5', undefined, 2);
 * builder.addRow('a', '2024-01-02', '7', undefined, 3);
 * Array.from(builder.finish().transactions.amount) // => [12]
 */
export class PurchaseGroupBuilder {
  private readonly hasOrder: boolean;
  private readonly lastDay: number;
  private readonly asOf: number | undefined;
  private readonly dateSystem: DateSystem;
  private readonly dateCache = new Map<string, number | null>();
  private readonly customerIndex = new Map<string, number>();
  private readonly customerIds: string[] = [];
  private rowsOfCustomer = new Int32Array(1024);
  private customerTotal = new Float64Array(1024);
  private readonly firstRowsOfCustomer: number[][] = [];
  // Order numbering mirrors parseTransactions: one number per (order id, day); blank ids share one per day.
  private readonly orderGroups = new OrderDayGroups();
  // Group of an (order number or customer, day) key; a key already taken by another customer goes to `shared`.
  private readonly groupOfKey = new Map<number, number>();
  private groupOfOrder: Int32Array = new Int32Array(1024).fill(-1);
  private readonly sharedGroupOfKey = new Map<string, number>();
  private groupCustomer = new Int32Array(1024);
  private groupDay = new Float64Array(1024);
  private groupSum = new Float64Array(1024);
  private groupCompensation = new Float64Array(1024);
  // With margin or cost columns: each group's profit, summed with compensation as amounts are.
  private readonly hasProfit: boolean;
  private groupProfit = new Float64Array(0);
  private groupProfitCompensation = new Float64Array(0);
  // The customer and day of the row being added (see startRow).
  private rowId = '';
  private rowDay = 0;
  private groupRow = new Int32Array(1024);
  private groups = 0;
  private rowsRead = 0;
  // Where the last row went (group −1: it was skipped), for addToLastGroup.
  private lastGroup = -1;
  private lastCustomer = 0;
  private lastId = '';
  private readonly skipped: SkippedRows = { total: 0, reasons: {} };
  private readonly dateText: DateTextOptions;

  constructor(options: {
    hasOrder: boolean;
    /** Rows carry margin or cost cells (addRow's last two arguments): groups then sum profit too. */
    hasProfit?: boolean;
    asOf?: number;
    dateSystem?: DateSystem;
    dateText?: DateTextOptions;
  }) {
    this.hasOrder = options.hasOrder;
    this.hasProfit = options.hasProfit ?? false;
    if (this.hasProfit) {
      this.groupProfit = new Float64Array(1024);
      this.groupProfitCompensation = new Float64Array(1024);
    }
    this.dateText = options.dateText ?? {};
    this.asOf = options.asOf === undefined ? undefined : Math.floor(options.asOf);
    this.lastDay = this.asOf === undefined ? Infinity : this.asOf + 1;
    this.dateSystem = options.dateSystem ?? '1900';
  }

  /**
   * Adds one row with an amount cell (and the order id cell, ignored without an order column; the margin and
   * cost cells, read only when the builder has profit). Bad rows are counted by reason, never thrown.
   */
  addRow(
    customer: unknown,
    date: unknown,
    amount: unknown,
    order: unknown,
    rowNumber: number,
    margin?: unknown,
    cost?: unknown,
  ): void {
    if (!this.startRow(customer, date, rowNumber)) return;
    const id = this.rowId;
    const rowDay = this.rowDay;
    const rowAmount = parseAmount(amount);
    if (rowAmount === null) {
      recordUnreadable(this.skipped, 'badAmount', amount, rowNumber);
      return;
    }
    this.addUsable(id, rowDay, rowAmount, order, rowNumber, margin, cost);
  }

  /** {@link addRow} for a row whose amount is quantity × unit price. */
  addQuantityRow(
    customer: unknown,
    date: unknown,
    quantity: unknown,
    unitPrice: unknown,
    order: unknown,
    rowNumber: number,
    margin?: unknown,
    cost?: unknown,
  ): void {
    if (!this.startRow(customer, date, rowNumber)) return;
    const id = this.rowId;
    const rowDay = this.rowDay;
    const count = parseAmount(quantity);
    const price = parseAmount(unitPrice);
    if (count === null || price === null) {
      if (isCellError(quantity) || isCellError(unitPrice)) recordSkip(this.skipped, 'errorValue', rowNumber);
      else recordSkip(this.skipped, 'badAmount', rowNumber);
      return;
    }
    this.addUsable(id, rowDay, count * price, order, rowNumber, margin, cost);
  }

  /**
   * Adds a row whose customer, date and order id cells are those of the previous row and whose amount is
   * already a finite number: it belongs to the previous row's group, so no cell is read again (the lines of
   * one order usually follow each other); `profit` is the row's, read by the caller as addRow reads its margin
   * and cost (ignored without profit). Returns false, adding nothing, when the previous row was skipped.
   */
  addToLastGroup(amount: number, rowNumber: number, profit = 0): boolean {
    if (this.lastGroup < 0) return false;
    this.rowsRead += 1;
    this.addToGroup(this.lastGroup, this.lastCustomer, this.lastId, amount, rowNumber, profit);
    return true;
  }

  /**
   * Counts a new row and reads its customer and date into rowId and rowDay (fields, not a returned object: this
   * runs once per row of a file); false after counting the row as skipped.
   */
  private startRow(customer: unknown, date: unknown, rowNumber: number): boolean {
    this.rowsRead += 1;
    this.lastGroup = -1;
    const id = this.idOf(customer, rowNumber);
    if (id === null) return false;
    const rowDay = this.dayOf(date, rowNumber);
    if (rowDay === null) return false;
    this.rowId = id;
    this.rowDay = rowDay;
    return true;
  }

  /** The customer id of a row, or null after counting the row as skipped (blank, or an error cell). */
  private idOf(customer: unknown, rowNumber: number): string | null {
    const id = customerKey(customer);
    if (id === null) recordUnreadable(this.skipped, 'blankCustomer', customer, rowNumber);
    return id;
  }

  /** The rest of a row once its customer, date and amount are known good (parseTransactions' order of checks). */
  private addUsable(
    id: string,
    rowDay: number,
    rowAmount: number,
    order: unknown,
    rowNumber: number,
    margin: unknown,
    cost: unknown,
  ): void {
    if (isCellError(order) || (this.hasProfit && (isCellError(margin) || isCellError(cost)))) {
      recordSkip(this.skipped, 'errorValue', rowNumber);
      return;
    }
    if (rowDay >= this.lastDay) {
      recordSkip(this.skipped, 'afterAsOf', rowNumber);
      return;
    }
    let customerNumber = this.customerIndex.get(id);
    if (customerNumber === undefined) {
      customerNumber = this.customerIds.length;
      this.customerIds.push(id);
      this.customerIndex.set(id, customerNumber);
      this.firstRowsOfCustomer.push([]);
      if (customerNumber >= this.rowsOfCustomer.length) {
        this.rowsOfCustomer = grown(this.rowsOfCustomer);
        this.customerTotal = grown(this.customerTotal);
      }
    }
    const wholeDay = Math.floor(rowDay);
    let group: number | undefined;
    let owner = customerNumber;
    if (this.hasOrder) {
      // An (order id, day) number names one day already: an array indexed by it, no hashed key.
      owner = this.orderGroups.groupOf(customerKey(order), wholeDay);
      while (owner >= this.groupOfOrder.length) this.groupOfOrder = grownWith(this.groupOfOrder, -1);
      group = this.groupOfOrder[owner] as number;
      if (group < 0) {
        group = this.newGroup(customerNumber, wholeDay, rowNumber);
        this.groupOfOrder[owner] = group;
      }
    } else {
      const key = customerNumber * DAY_SPAN + (wholeDay + DAY_OFFSET);
      group = this.groupOfKey.get(key);
      if (group === undefined) {
        group = this.newGroup(customerNumber, wholeDay, rowNumber);
        this.groupOfKey.set(key, group);
      }
    }
    if (this.groupCustomer[group] !== customerNumber) {
      // The same order id (or blank order day) for another customer: that customer's own group.
      const sharedKey = `${customerNumber}|${owner * DAY_SPAN + (wholeDay + DAY_OFFSET)}`;
      group = this.sharedGroupOfKey.get(sharedKey);
      if (group === undefined) {
        group = this.newGroup(customerNumber, wholeDay, rowNumber);
        this.sharedGroupOfKey.set(sharedKey, group);
      }
    }
    const profit = this.hasProfit ? rowProfit(margin, cost, rowAmount) : 0;
    this.addToGroup(group, customerNumber, id, rowAmount, rowNumber, profit);
    this.lastGroup = group;
    this.lastCustomer = customerNumber;
    this.lastId = id;
  }

  private addToGroup(
    group: number,
    customerNumber: number,
    id: string,
    rowAmount: number,
    rowNumber: number,
    profit: number,
  ): void {
    this.rowsOfCustomer[customerNumber] = (this.rowsOfCustomer[customerNumber] as number) + 1;
    const firstRows = this.firstRowsOfCustomer[customerNumber] as number[];
    if (firstRows.length < SKIP_EXAMPLES) firstRows.push(rowNumber);
    // Neumaier summation, as the row summary does: the total does not depend on the order of the lines.
    const sum = this.groupSum[group] as number;
    const total = sum + rowAmount;
    const customerTotal = (this.customerTotal[customerNumber] as number) + rowAmount;
    this.customerTotal[customerNumber] = customerTotal;
    if (!Number.isFinite(total) || !Number.isFinite(customerTotal)) {
      throw new AnalyticsError(
        'BAD_NUMBER',
        // The row summary's wording (segmentCustomers), with the row: streaming knows where it happened.
        `The amounts of customer '${id}' add up to more than the largest number a spreadsheet holds ` +
          `(about 1.8E+308) at row ${rowNumber}: check the amount (or quantity and unit price) on that row.`,
        { row: rowNumber },
      );
    }
    this.groupCompensation[group] = (this.groupCompensation[group] as number) + lostInAddition(sum, rowAmount, total);
    this.groupSum[group] = total;
    if (this.hasProfit) {
      const profitSum = this.groupProfit[group] as number;
      const profitTotal = profitSum + profit;
      this.groupProfitCompensation[group] =
        (this.groupProfitCompensation[group] as number) + lostInAddition(profitSum, profit, profitTotal);
      this.groupProfit[group] = profitTotal;
    }
  }

  /** The groups gathered so far; the builder should not be used afterwards. */
  finish(): PurchaseGroups {
    const count = this.groups;
    const amount = new Float64Array(count);
    const order = new Int32Array(count);
    const profit = this.hasProfit ? new Float64Array(count) : null;
    for (let group = 0; group < count; group++) {
      amount[group] = (this.groupSum[group] as number) + (this.groupCompensation[group] as number);
      order[group] = group;
      if (profit !== null) {
        profit[group] = (this.groupProfit[group] as number) + (this.groupProfitCompensation[group] as number);
      }
    }
    const transactions: Transactions = {
      length: count,
      customerIds: this.customerIds,
      customer: this.groupCustomer.slice(0, count),
      day: this.groupDay.slice(0, count),
      amount,
      order,
      ordersOnSeveralDays: this.orderGroups.idsOnSeveralDays,
      profit,
      rowNumber: this.groupRow.slice(0, count),
      rowsRead: this.rowsRead,
      skipped: this.skipped,
    };
    return {
      transactions,
      asOf: this.asOf,
      rowsOfCustomer: this.rowsOfCustomer.slice(0, this.customerIds.length),
      firstRowsOfCustomer: this.firstRowsOfCustomer,
    };
  }

  /** The day number of a row's date, or null after counting the row as skipped (bad date, or an error cell). */
  private dayOf(date: unknown, rowNumber: number): number | null {
    let day: number | null | undefined;
    if (typeof date !== 'string') {
      day = parseDate(date, this.dateSystem, this.dateText);
    } else {
      // ISO texts are read faster than they are hashed (and a file of timestamps would only churn the cache).
      day = parseIsoFixed(date) ?? this.dateCache.get(date);
      if (day === undefined) {
        if (this.dateCache.size >= DATE_CACHE_LIMIT) this.dateCache.clear();
        day = parseDate(date, this.dateSystem, this.dateText);
        this.dateCache.set(detached(date), day);
      }
    }
    if (day === null) recordUnreadable(this.skipped, 'badDate', date, rowNumber);
    return day;
  }

  private newGroup(customer: number, wholeDay: number, rowNumber: number): number {
    const group = this.groups;
    if (group >= this.groupSum.length) {
      this.groupCustomer = grown(this.groupCustomer);
      this.groupDay = grown(this.groupDay);
      this.groupSum = grown(this.groupSum);
      this.groupCompensation = grown(this.groupCompensation);
      this.groupRow = grown(this.groupRow);
      if (this.hasProfit) {
        this.groupProfit = grown(this.groupProfit);
        this.groupProfitCompensation = grown(this.groupProfitCompensation);
      }
    }
    this.groupCustomer[group] = customer;
    this.groupDay[group] = wholeDay;
    this.groupRow[group] = rowNumber;
    this.groups = group + 1;
    return group;
  }
}

/**
 * The same text in a string of its own. A reader's field is often a slice that V8 keeps as a view of the whole
 * chunk it was cut from; kept as a cache key, it would keep every chunk alive and make each young-generation
 * collection copy them (on Online Retail: 50 MB kept, a third of the run spent in the collector). Joining forces
 * a flat copy, so the slice taken after it views 20 bytes, not a chunk.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

function grownWith(array: Int32Array, fill: number): Int32Array {
  const bigger = new Int32Array(array.length * 2).fill(fill);
  bigger.set(array);
  return bigger;
}

function grown<T extends Int32Array | Float64Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * The per-customer summary of purchase groups: {@link summarizeCustomers} on the groups, with the row counts
 * put back (rows used, and the rows of customers with returns only), so the result equals the summary of the
 * rows the groups came from.
 *
 * Cost O(groups log groups).
 * @throws AnalyticsError BAD_DATE when `options.asOf` differs from the as-of day the rows were filtered by.
 */
export function summarizePurchaseGroups(
  groups: PurchaseGroups,
  options: { asOf?: number; unit?: TimeUnit } = {},
): CustomerSummary {
  if (groups.asOf !== undefined && options.asOf !== undefined && Math.floor(options.asOf) !== groups.asOf) {
    throw new AnalyticsError('BAD_DATE', 'The rows were read for another as-of date.', { argument: 'asOf' });
  }
  const summary = summarizeCustomers(groups.transactions, options);
  const { customerIds } = groups.transactions;
  const kept = new Set(summary.customerIds);
  let rowsUsed = 0;
  const skipped = copySkippedRows(summary.skipped, ['returnsOnly']);
  for (let customer = 0; customer < customerIds.length; customer++) {
    const rows = groups.rowsOfCustomer[customer] as number;
    if (kept.has(customerIds[customer] as string)) {
      rowsUsed += rows;
      continue;
    }
    // A customer dropped by the summary has returns only: every one of its rows is reported.
    const firstRows = groups.firstRowsOfCustomer[customer] as number[];
    for (const row of firstRows) recordSkip(skipped, 'returnsOnly', row);
    const entry = skipped.reasons.returnsOnly;
    if (entry !== undefined && rows > firstRows.length) {
      entry.count += rows - firstRows.length;
      skipped.total += rows - firstRows.length;
    }
  }
  return { ...summary, skipped, rowsUsed };
}
