/*
 * The published data sets as transaction tables for the warehouse tests: CDNOW master (customer, yyyymmdd,
 * CDs, dollars; no order ids) and Online Retail (invoice lines: quantity × unit price, invoice numbers,
 * cancellations as negative quantities, lines without a customer).
 */
import { parse } from 'csv-parse/sync';
import { readDataText } from '../data/dataFiles';
import type { TransactionTable } from './transactionTable';

export function cdnowMasterTable(): TransactionTable {
  const table: TransactionTable = { customer: [], date: [], amount: [] };
  for (const line of readDataText('CDNOW_master.txt').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4 || !/^\d{8}$/.test(fields[1] as string)) continue; // the header line
    const [id, date, , value] = fields as [string, string, string, string];
    table.customer.push(id);
    table.date.push(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`);
    table.amount?.push(Number(value));
  }
  return table;
}

export function onlineRetailTable(): TransactionTable {
  const records = parse(readDataText('onlineretail.csv'), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const table: TransactionTable = { customer: [], date: [], quantity: [], unitPrice: [], order: [] };
  for (const record of records) {
    const customer = (record.CustomerID ?? '').trim();
    table.customer.push(customer === '' ? null : customer);
    table.date.push(record.InvoiceDate ?? '');
    table.quantity?.push(Number(record.Quantity));
    table.unitPrice?.push(Number(record.UnitPrice));
    table.order?.push(record.InvoiceNo ?? null);
  }
  return table;
}
