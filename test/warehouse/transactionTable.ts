/*
 * A transaction table as the tests load it into a warehouse and into core: the same rows, written once as CSV
 * for the engines (typed columns: customer text, day timestamp, amount or quantity × unit price, order text)
 * and handed to core as columns. Also the comparison of one engine's rows with core's customers.
 */
import { writeFileSync } from 'node:fs';
import type { CustomerResult, CustomerSummaryQuerySpec, LifecycleOptions, TimeUnit } from '../../src/core';
import { dayToIso, DEFAULT_LIFECYCLE_OPTIONS, parseDate, segmentCustomers } from '../../src/core';

export interface TransactionTable {
  customer: (string | null)[];
  /** yyyy-mm-dd or yyyy-mm-dd hh:mm:ss. */
  date: string[];
  amount?: number[];
  quantity?: number[];
  unitPrice?: number[];
  /** null = blank order id. */
  order?: (string | null)[];
}

/** The options a comparison runs with (the query's and core's). */
export interface RunOptions {
  asOf?: string;
  unit?: TimeUnit;
  bins?: number;
  lifecycle?: LifecycleOptions;
}

function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Columns of the CSV written by {@link writeTableCsv}, in order, with their SQL types. */
export function tableColumns(table: TransactionTable): [string, 'text' | 'timestamp' | 'double'][] {
  const columns: [string, 'text' | 'timestamp' | 'double'][] = [
    ['customer', 'text'],
    ['purchased_at', 'timestamp'],
  ];
  if (table.amount !== undefined) columns.push(['amount', 'double']);
  else columns.push(['quantity', 'double'], ['unit_price', 'double']);
  if (table.order !== undefined) columns.push(['order_id', 'text']);
  return columns;
}

/** Writes the table as CSV (blank = NULL) for an engine's bulk loader. */
export function writeTableCsv(table: TransactionTable, file: string): void {
  const header = tableColumns(table).map(([name]) => name);
  const lines = [header.join(',')];
  for (let row = 0; row < table.date.length; row++) {
    const fields: (string | number | null | undefined)[] = [table.customer[row], table.date[row]];
    if (table.amount !== undefined) fields.push(table.amount[row]);
    else fields.push(table.quantity?.[row], table.unitPrice?.[row]);
    if (table.order !== undefined) fields.push(table.order[row]);
    lines.push(fields.map(csvField).join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`, 'utf8');
}

/** The query spec over the table loaded as `transactions`. */
export function querySpec(table: TransactionTable, options: RunOptions): CustomerSummaryQuerySpec {
  return {
    table: 'transactions',
    columns: {
      customer: 'customer',
      date: 'purchased_at',
      ...(table.amount !== undefined ? { amount: 'amount' } : { quantity: 'quantity', unitPrice: 'unit_price' }),
      ...(table.order !== undefined ? { order: 'order_id' } : {}),
    },
    ...options,
  };
}

/** Core's segmentation of the same rows: the reference every engine must equal. */
export function coreCustomers(table: TransactionTable, options: RunOptions): CustomerResult[] {
  return segmentCustomers(
    {
      customer: table.customer,
      date: table.date,
      ...(table.amount !== undefined ? { amount: table.amount } : {}),
      ...(table.quantity !== undefined ? { quantity: table.quantity, unitPrice: table.unitPrice ?? [] } : {}),
      ...(table.order !== undefined ? { order: table.order } : {}),
    },
    {
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
      unit: options.unit ?? 'days',
      bins: options.bins ?? 5,
      ...(options.lifecycle === undefined ? {} : { lifecycle: options.lifecycle }),
    },
  ).customers;
}

/**
 * Net amount per lifecycle period k = 0 … 3 of each customer, straight from the lines (an independent
 * computation: periods of §7.6 are floor((D − day) / P), returns included, lines after D ignored).
 */
export function periodSums(table: TransactionTable, asOfIso: string, periodDays: number): Map<string, number[]> {
  const asOf = Math.floor(parseDate(asOfIso) as number);
  const sums = new Map<string, number[]>();
  for (let row = 0; row < table.date.length; row++) {
    const id = table.customer[row]?.trim() ?? '';
    if (id === '') continue;
    const day = Math.floor(parseDate(table.date[row]) as number);
    if (day > asOf) continue;
    const k = Math.floor((asOf - day) / periodDays);
    if (k > 3) continue;
    const amount =
      table.amount !== undefined
        ? (table.amount[row] as number)
        : (table.quantity?.[row] as number) * (table.unitPrice?.[row] as number);
    let list = sums.get(id);
    if (list === undefined) {
      list = [0, 0, 0, 0];
      sums.set(id, list);
    }
    list[k] = (list[k] as number) + amount;
  }
  return sums;
}

/** One engine row with numbers as numbers and dates as yyyy-mm-dd text. */
export type EngineRow = Record<string, string | number | null>;

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;
const cents = (value: number): number => Math.round(value * 100) + 0;

/**
 * An average of money is the one column allowed to differ from core, by one unit in the 6th decimal: when the
 * exact quotient ends in a 5 in the 7th decimal (e.g. 4,811.675 / 16 = 300.7296875), the engine rounds the
 * exact decimal sum and core its floating-point sum, whose last bit decides the tie. Far below a cent.
 */
function nearAverage(actual: number, wanted: number): number {
  return Math.abs(actual - wanted) <= 1.000001e-6 ? wanted : actual;
}

/**
 * Compares an engine's rows with core's customers column by column and returns the differences (empty when
 * equal): counts, days, scores and keys exactly; money exactly after both are rounded to 6 decimals (core's
 * own rounding); t_x and T exactly (the same double division); the period sums to the cent.
 */
export function differences(
  rows: readonly EngineRow[],
  expected: readonly CustomerResult[],
  periods: Map<string, number[]>,
): string[] {
  const found: string[] = [];
  if (rows.length !== expected.length) found.push(`${rows.length} rows from the engine, ${expected.length} from core`);
  const byId = new Map(rows.map((row) => [String(row.customer_id), row]));
  for (const customer of expected) {
    const row = byId.get(customer.customerId);
    if (row === undefined) {
      found.push(`customer ${customer.customerId} missing`);
      continue;
    }
    const pairs: [string, unknown, unknown][] = [
      ['first_purchase', row.first_purchase, dayToIso(customer.firstPurchase)],
      ['last_purchase', row.last_purchase, dayToIso(customer.lastPurchase)],
      ['recency_days', Number(row.recency_days), customer.recencyDays],
      ['tenure_days', Number(row.tenure_days), customer.tenureDays],
      ['frequency', Number(row.frequency), customer.frequency],
      ['monetary', round6(Number(row.monetary)), round6(customer.monetary)],
      ['monetary_avg', nearAverage(Number(row.monetary_avg), customer.monetaryAvg), customer.monetaryAvg],
      ['returns_value', Number(row.returns_value), customer.returnsValue],
      [
        'monetary_repeat_avg',
        nearAverage(Number(row.monetary_repeat_avg), customer.monetaryRepeatAvg),
        customer.monetaryRepeatAvg,
      ],
      ['historic_value', Number(row.historic_value), customer.historicValue],
      ['x', Number(row.x), customer.x],
      ['t_x', Number(row.t_x), customer.tx],
      ['T', Number(row.T), customer.T],
      ['r_score', Number(row.r_score), customer.rScore],
      ['f_score', Number(row.f_score), customer.fScore],
      ['m_score', Number(row.m_score), customer.mScore],
      ['rfm_code', Number(row.rfm_code), customer.rfmCode],
      ['segment_key', row.segment_key, customer.segmentKey],
      ['lifecycle_stage_key', row.lifecycle_stage_key, customer.lifecycleStageKey],
      ['value_tier_key', row.value_tier_key, customer.valueTierKey],
    ];
    const sums = periods.get(customer.customerId) ?? [0, 0, 0, 0];
    for (let k = 0; k < 4; k++) {
      pairs.push([`period_${k}_net`, cents(Number(row[`period_${k}_net`])), cents(sums[k] as number)]);
    }
    for (const [name, actual, wanted] of pairs) {
      if (actual !== wanted) {
        found.push(`customer ${customer.customerId} ${name}: engine ${String(actual)}, core ${String(wanted)}`);
      }
    }
    if (found.length > 20) break;
  }
  return found;
}

export const DEFAULT_PERIOD_DAYS = DEFAULT_LIFECYCLE_OPTIONS.periodDays;
