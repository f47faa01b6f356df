import { detectColumns } from '../../src/core';

describe('detectColumns(headers)', () => {
  test('Online Retail headers: quantity × unit price, invoice as order', () => {
    expect(
      detectColumns([
        'InvoiceNo',
        'StockCode',
        'Description',
        'Quantity',
        'InvoiceDate',
        'UnitPrice',
        'CustomerID',
        'Country',
      ]),
    ).toEqual({ order: 0, quantity: 3, date: 4, unitPrice: 5, customer: 6 });
  });
  test('any case and spacing: "Customer ID", "Order Date", "Sales"', () => {
    expect(detectColumns(['Order Date', 'customer_id', 'Sales', 'Order-ID'])).toEqual({
      date: 0,
      customer: 1,
      amount: 2,
      order: 3,
    });
  });
  test('Chinese headers', () => {
    expect(detectColumns(['订单号', '客户编号', '交易日期', '金额'])).toEqual({
      order: 0,
      customer: 1,
      date: 2,
      amount: 3,
    });
    expect(detectColumns(['客户', '日期', '数量', '单价'])).toEqual({
      customer: 0,
      date: 1,
      quantity: 2,
      unitPrice: 3,
    });
    expect(detectColumns(['顾客', '下单日期', '销售额', '成本'])).toEqual({ customer: 0, date: 1, amount: 2, cost: 3 });
  });
  test('a "price" next to a quantity is a unit price', () => {
    expect(detectColumns(['customer', 'date', 'qty', 'price'])).toEqual({
      customer: 0,
      date: 1,
      quantity: 2,
      unitPrice: 3,
    });
  });
  test('a header that only contains a known word is used when there is no exact one', () => {
    expect(detectColumns(['Customer Name', 'Transaction Date (UTC)', 'Net Sales Amount'])).toMatchObject({
      customer: 0,
      date: 1,
    });
  });
  test('a column is used for one role only and unknown headers are ignored', () => {
    const mapping = detectColumns(['foo', 'bar']);
    expect(mapping).toEqual({});
  });
  test('the BOM of a first header is ignored', () => {
    expect(detectColumns(['\uFEFFcustomer', 'date', 'amount'])).toEqual({ customer: 0, date: 1, amount: 2 });
  });
  test('sample rows steer away from a blank candidate column', () => {
    expect(detectColumns(['customer', 'client', 'date', 'amount'], [['', 'a', '2024-01-01', '1']])).toMatchObject({
      customer: 1,
    });
  });
});
