import { isCellError } from './cellError';
import type { DateSystem, DateTextOptions } from './dates';
import { parseDate } from './dates';
import { AnalyticsError } from './errors';
import { OrderDayGroups } from './orderDayGroups';
import type { SkippedRows, SkipReason } from './skippedRows';
import { coreWarning, type CoreWarning } from './warnings';

/**
 * A transaction table as columns of raw cell values (one array per column, same length), straight from a
 * sheet range or a CSV file. Amount is given directly or as quantity × unit price.
 */
export interface TransactionInput {
  customer: readonly unknown[];
  date: readonly unknown[];
  amount?: readonly unknown[];
  quantity?: readonly unknown[];
  unitPrice?: readonly unknown[];
  order?: readonly unknown[];
  margin?: readonly unknown[];
  cost?: readonly unknown[];
  /** The sheet/file row number of element 0, used in skip reports (default 1). */
  firstRowNumber?: number;
  dateSystem?: DateSystem;
  /** How to read `a/b/yyyy` date texts, and whether numeric texts are serials (see parseDate). */
  dateText?: DateTextOptions;
}

/**
 * Why a row was not used. `returnsOnly` counts the rows of customers who only have returns (DOMAIN §7.2);
 * `errorValue` the rows with an Excel error value (`#N/A`, `#REF!` …) in any column read.
 */
export type { SkippedRows, SkipReason } from './skippedRows';

/** How many row numbers a skip report keeps per reason. */
export const SKIP_EXAMPLES = 5;

/**
 * The usable rows of a transaction table in columnar form: customer ids replaced by a dictionary index,
 * dates by day numbers, amounts by numbers. Built once; everything downstream works on typed arrays.
 */
export interface Transactions {
  /** Number of usable rows. */
  readonly length: number;
  /** Distinct customer ids (trimmed text) in order of first appearance. */
  readonly customerIds: readonly string[];
  /** Per row: index into `customerIds`. */
  readonly customer: Int32Array;
  /** Per row: day number (days since 1970-01-01 UTC; fraction = time of day). */
  readonly day: Float64Array;
  /** Per row: amount (negative for returns). */
  readonly amount: Float64Array;
  /**
   * Per row: index of its (order id, calendar day) group, or null when no order column was given. A blank
   * order id groups the line with the customer's other blank-order lines of that day (DOMAIN §7.2).
   */
  readonly order: Int32Array | null;
  /** How many order ids occur on more than one calendar day (receipt numbers that restart); 0 without orders. */
  readonly ordersOnSeveralDays: number;
  /**
   * Per row: profit (margin, or amount − cost), or null when neither column was given. (Rows gathered into
   * purchase groups carry the group's compensated profit sum.)
   */
  readonly profit: Float64Array | null;
  /** Per row: the sheet/file row number it came from. */
  readonly rowNumber: Int32Array;
  readonly rowsRead: number;
  readonly skipped: SkippedRows;
}

/**
 * Warnings about how the rows were read that every entry point shows beside its results (today: order ids reused
 * on other days, DOMAIN §7.2).
 * @example
 * transactionWarnings(parseTransactions({ customer: ['a', 'a'], date: [45356, 45357], amount: [1, 2], order: ['R', 'R'] }))
 * // => [{ code: 'ordersOnSeveralDays', params: { orders: 1 } }]
 */
export function transactionWarnings(transactions: Pick<Transactions, 'ordersOnSeveralDays'>): CoreWarning[] {
  const reused = transactions.ordersOnSeveralDays;
  return reused > 0 ? [coreWarning('ordersOnSeveralDays', { orders: reused })] : [];
}

/**
 * The first and last purchase day (whole day numbers) of the usable rows, or null when there are none: what a
 * check of the data shows before a run. O(rows).
 * @example
 * transactionDayRange(parseTransactions({ customer: ['a', 'b'], date: ['2024-01-05', '2024-01-02'], amount: [1, 2] }))
 * // => { first: 19724, last: 19727 }
 */
export function transactionDayRange(transactions: Pick<Transactions, 'length' | 'day'>): {
  first: number;
  last: number;
} | null {
  if (transactions.length === 0) return null;
  let first = Infinity;
  let last = -Infinity;
  for (let row = 0; row < transactions.length; row++) {
    const day = transactions.day[row] as number;
    if (day < first) first = day;
    if (day > last) last = day;
  }
  return { first: Math.floor(first), last: Math.floor(last) };
}

/**
 * A deep copy of a skip report (a summary adds its own reasons without touching the transactions' report),
 * optionally leaving some reasons out.
 * @example
 * copySkippedRows({ total: 2, reasons: { badDate: { count: 2, firstRows: [3, 9] } } }, ['badDate']).total // => 0
 */
export function copySkippedRows(skipped: SkippedRows, leaveOut: readonly SkipReason[] = []): SkippedRows {
  const copy: SkippedRows = { total: 0, reasons: {} };
  for (const [reason, entry] of Object.entries(skipped.reasons) as [SkipReason, SkippedRows['reasons'][SkipReason]][]) {
    if (entry === undefined || leaveOut.includes(reason)) continue;
    copy.reasons[reason] = {
      count: entry.count,
      firstRows: [...entry.firstRows],
      ...(entry.firstValue === undefined ? {} : { firstValue: entry.firstValue }),
    };
    copy.total += entry.count;
  }
  return copy;
}

/**
 * Counts a row whose customer, date or amount cell could not be read: as an Excel error value when the cell is
 * one (in any role), else under `reason`, with the cell as the first offending value for dates and amounts.
 * The row reader and the streaming builder both report through here, so they name the same reasons.
 * @example
 * const report = { total: 0, reasons: {} };
 * recordUnreadable(report, 'badDate', 'soon', 4);
 * report.reasons // => { badDate: { count: 1, firstRows: [4], firstValue: 'soon' } }
 */
export function recordUnreadable(
  skipped: SkippedRows,
  reason: 'blankCustomer' | 'badDate' | 'badAmount',
  cell: unknown,
  row: number,
): void {
  if (isCellError(cell)) recordSkip(skipped, 'errorValue', row);
  else recordSkip(skipped, reason, row, reason === 'blankCustomer' ? undefined : cell);
}

/**
 * Adds one skipped row to a report; `firstRows` keeps the smallest row numbers, ascending, and `firstValue` the
 * offending value of the smallest row when one is given.
 */
export function recordSkip(skipped: SkippedRows, reason: SkipReason, row: number, value?: unknown): void {
  let entry = skipped.reasons[reason];
  if (entry === undefined) {
    entry = { count: 0, firstRows: [] };
    skipped.reasons[reason] = entry;
  }
  if (value !== undefined && (entry.firstRows.length === 0 || row < (entry.firstRows[0] as number))) {
    entry.firstValue = typeof value === 'string' ? value : String(value);
  }
  entry.count += 1;
  // Keep the smallest row numbers, so the report does not depend on the order rows are visited in.
  const rows = entry.firstRows;
  if (rows.length < SKIP_EXAMPLES || row < (rows[rows.length - 1] as number)) {
    let position = rows.length;
    while (position > 0 && (rows[position - 1] as number) > row) position -= 1;
    rows.splice(position, 0, row);
    if (rows.length > SKIP_EXAMPLES) rows.pop();
  }
  skipped.total += 1;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const GROUPED_NUMBER = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
/**
 * A plain decimal number as text (sign, digits, point, exponent). Number() would also read hex, binary and
 * octal literals ('0x1F' = 31), 'Infinity' and blanks, which no analyst means as an amount or an option.
 */
export const DECIMAL_NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Reads a cell as a number: a finite number, or a text such as `12.5`, `-3`, `1,234.50` or `¥12` (currency
 * signs and thousands separators are removed). Blank, boolean and other text give null.
 *
 * Cost O(length of the text).
 * @example
 * parseAmount(' 1,234.50 ') // => 1234.5
 */
export function parseAmount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  if (PLAIN_NUMBER.test(value)) return Number(value);
  let text = value.trim().replace(/^[$€£¥￥]|^(?:USD|EUR|GBP|CNY|RMB)\s*/i, '');
  if (text === '') return null;
  if (GROUPED_NUMBER.test(text)) text = text.replace(/,/g, '');
  if (!DECIMAL_NUMBER.test(text)) return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : null;
}

/**
 * A row's profit: its margin cell when that reads as an amount, else its amount less its cost (a cost that
 * does not read counts 0). The one rule for rows read whole and rows gathered into purchase groups, which must
 * agree to the last bit.
 * @example
 * rowProfit(undefined, '60', 100) // => 40
 */
export function rowProfit(margin: unknown, cost: unknown, amount: number): number {
  return parseAmount(margin) ?? amount - (parseAmount(cost) ?? 0);
}

// A whole number written with a zero fraction ("17850.0", what pandas and some exports write for numeric ids
// that have blanks): the same customer as 17850. Ids with leading zeros ("007.0") are left as written.
const ZERO_FRACTION = /^(-?(?:0|[1-9]\d*))\.0+$/;

/**
 * The customer id of a cell as trimmed text, so the number 1042, the text " 1042" and the text "1042.0" are
 * one customer; null when blank or an Excel error value.
 *
 * Cost O(length of the text).
 * @example
 * customerKey('17850.0') // => '17850'
 */
export function customerKey(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && isCellError(value)) return null;
  const text = (typeof value === 'string' ? value : String(value)).trim();
  if (text === '') return null;
  // Runs per row for text ids: only a text ending in "0" can have a zero fraction, so most skip the pattern.
  if (text.charCodeAt(text.length - 1) !== 48) return text;
  const whole = ZERO_FRACTION.exec(text);
  return whole === null ? text : (whole[1] as string);
}

/** True when an optional column holds an Excel error value at `row` (one typeof test for ordinary cells). */
function errorAt(column: readonly unknown[] | undefined, row: number): boolean {
  if (column === undefined) return false;
  const cell = column[row];
  return typeof cell === 'object' && cell !== null && isCellError(cell);
}

function checkLength(name: string, column: readonly unknown[] | undefined, length: number): void {
  if (column !== undefined && column.length !== length) {
    throw new AnalyticsError(
      'SHAPE_MISMATCH',
      `The ${name} column has ${column.length} rows but the customer column has ${length}. Select columns of equal length.`,
      { column: name },
    );
  }
}

/**
 * For large inputs whose numeric customer ids are all small whole numbers (the usual customer numbers), a
 * direct lookup table id → dictionary index (−1 = not seen) instead of a Map; null otherwise. The table is
 * at most a few times the row count, so memory stays proportional to the input.
 */
function denseIdTable(column: readonly unknown[]): Int32Array | null {
  const rows = column.length;
  if (rows < 4096) return null;
  let largest = -1;
  for (let row = 0; row < rows; row++) {
    const value = column[row];
    if (typeof value !== 'number') continue;
    if (!(value >= 0 && value <= 16_777_215 && Number.isInteger(value))) return null;
    if (value > largest) largest = value;
  }
  if (largest < 0 || largest > 8 * rows + 65_536) return null;
  return new Int32Array(largest + 1).fill(-1);
}

/**
 * Turns raw columns into {@link Transactions}: trims customer ids, converts dates once (UTC), reads
 * amounts, and skips unusable rows counted by reason (blank customer, bad date, non-numeric amount, date
 * after `asOf`). Never throws for a bad row; throws only when the columns themselves are unusable. The
 * input is not mutated.
 *
 * Cost O(n) with one hash lookup per row.
 * @throws AnalyticsError SHAPE_MISMATCH when columns differ in length, MISSING_COLUMN without an amount or
 *   quantity × unit price.
 * @example
 * parseTransactions({ customer: ['a', ' a'], date: ['2024-01-02', 45293], amount: [10, '5'] }).customerIds
 * // => ['a']
 */
export function parseTransactions(input: TransactionInput, asOf?: number): Transactions {
  const rows = input.customer.length;
  checkLength('date', input.date, rows);
  checkLength('amount', input.amount, rows);
  checkLength('quantity', input.quantity, rows);
  checkLength('unit price', input.unitPrice, rows);
  checkLength('order', input.order, rows);
  checkLength('margin', input.margin, rows);
  checkLength('cost', input.cost, rows);
  const amountColumn = input.amount;
  const quantityColumn = input.quantity;
  const priceColumn = input.unitPrice;
  if (amountColumn === undefined && (quantityColumn === undefined || priceColumn === undefined)) {
    throw new AnalyticsError('MISSING_COLUMN', 'Give an amount column, or a quantity and a unit price column.', {
      column: 'amount',
    });
  }
  const firstRow = input.firstRowNumber ?? 1;
  const dateSystem = input.dateSystem ?? '1900';
  const dateText = input.dateText ?? {};
  const lastDay = asOf === undefined ? Infinity : Math.floor(asOf) + 1;
  const customerIndex = new Map<string, number>();
  const customerIds: string[] = [];
  const numberIndex = new Map<number, number>();
  const orderGroups = input.order === undefined ? null : new OrderDayGroups();
  const customer = new Int32Array(rows);
  const day = new Float64Array(rows);
  const amount = new Float64Array(rows);
  const order = input.order === undefined ? null : new Int32Array(rows);
  const hasProfit = input.margin !== undefined || input.cost !== undefined;
  const profit = hasProfit ? new Float64Array(rows) : null;
  const rowNumber = new Int32Array(rows);
  const skipped: SkippedRows = { total: 0, reasons: {} };
  let used = 0;
  const customerColumn = input.customer;
  const dense = denseIdTable(customerColumn);
  const dateColumn = input.date;
  const orderColumn = input.order;
  const marginColumn = input.margin;
  const costColumn = input.cost;
  // An error cell in any role is never an id, a date, an amount or an order: its row is counted apart. Errors
  // are looked for only where a cell did not read (customer, date, amount), so ordinary rows pay nothing.
  for (let row = 0; row < rows; row++) {
    const sourceRow = firstRow + row;
    const rawCustomer = customerColumn[row];
    // Numeric ids are looked up by number first (a direct table for small whole numbers, else a Map):
    // String() runs once per distinct number, not per row.
    let index: number | undefined;
    if (typeof rawCustomer === 'number') {
      if (dense !== null) {
        const cached = dense[rawCustomer] as number;
        index = cached >= 0 ? cached : undefined;
      } else {
        index = numberIndex.get(rawCustomer);
      }
    }
    let id: string | null = null;
    if (index === undefined) {
      id = customerKey(rawCustomer);
      if (id === null) {
        recordUnreadable(skipped, 'blankCustomer', rawCustomer, sourceRow);
        continue;
      }
    }
    const rawDate = dateColumn[row];
    const rowDay =
      typeof rawDate === 'number' && dateSystem === '1900' && rawDate >= 61 && rawDate < 2_958_466
        ? rawDate - 25_569 // the common case inlined: a 1900-system serial after the fictitious leap day
        : parseDate(rawDate, dateSystem, dateText);
    if (rowDay === null) {
      recordUnreadable(skipped, 'badDate', rawDate, sourceRow);
      continue;
    }
    let rowAmount: number | null;
    if (amountColumn !== undefined) {
      rowAmount = parseAmount(amountColumn[row]);
    } else {
      const quantity = parseAmount(quantityColumn?.[row]);
      const price = parseAmount(priceColumn?.[row]);
      rowAmount = quantity === null || price === null ? null : quantity * price;
    }
    if (rowAmount === null) {
      if (errorAt(amountColumn, row) || errorAt(quantityColumn, row) || errorAt(priceColumn, row)) {
        recordSkip(skipped, 'errorValue', sourceRow);
      } else {
        recordSkip(skipped, 'badAmount', sourceRow, amountColumn === undefined ? undefined : amountColumn[row]);
      }
      continue;
    }
    if (errorAt(orderColumn, row) || errorAt(marginColumn, row) || errorAt(costColumn, row)) {
      recordSkip(skipped, 'errorValue', sourceRow);
      continue;
    }
    if (rowDay >= lastDay) {
      recordSkip(skipped, 'afterAsOf', sourceRow);
      continue;
    }
    if (index === undefined) {
      const key = id as string;
      index = customerIndex.get(key);
      if (index === undefined) {
        index = customerIds.length;
        customerIds.push(key);
        customerIndex.set(key, index);
      }
      if (typeof rawCustomer === 'number') {
        if (dense !== null) dense[rawCustomer] = index;
        else numberIndex.set(rawCustomer, index);
      }
    }
    customer[used] = index;
    day[used] = rowDay;
    amount[used] = rowAmount;
    rowNumber[used] = sourceRow;
    if (order !== null && orderGroups !== null) {
      // Groups are (order id, calendar day), a blank order id falling back to the day (DOMAIN §7.2).
      order[used] = orderGroups.groupOf(customerKey(orderColumn?.[row]), Math.floor(rowDay));
    }
    if (profit !== null) {
      profit[used] = rowProfit(input.margin?.[row], input.cost?.[row], rowAmount);
    }
    used += 1;
  }
  return {
    length: used,
    customerIds,
    customer: customer.subarray(0, used),
    day: day.subarray(0, used),
    amount: amount.subarray(0, used),
    order: order === null ? null : order.subarray(0, used),
    ordersOnSeveralDays: orderGroups === null ? 0 : orderGroups.idsOnSeveralDays,
    profit: profit === null ? null : profit.subarray(0, used),
    rowNumber: rowNumber.subarray(0, used),
    rowsRead: rows,
    skipped,
  };
}
