/** What a column of a transaction table holds. */
export type ColumnRole = 'customer' | 'date' | 'amount' | 'order' | 'quantity' | 'unitPrice' | 'margin' | 'cost';

/** Role → column index (0-based) in the header row. */
export type ColumnMapping = Partial<Record<ColumnRole, number>>;

/**
 * Header names per role, normalised (lower case, no spaces, underscores, dashes or dots). Earlier entries win
 * when several columns match one role. English and Chinese, as exported by common shop and ERP systems.
 */
const HEADER_NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  customer: [
    'customerid',
    'customer',
    'customerno',
    'customernumber',
    'clientid',
    'client',
    'buyerid',
    'userid',
    'memberid',
    'custid',
    'customercode',
    '客户编号',
    '客户id',
    '客户',
    '客户名称',
    '顾客',
    '顾客编号',
    '会员编号',
    '会员id',
    '用户id',
    '买家',
  ],
  date: [
    'date',
    'orderdate',
    'invoicedate',
    'transactiondate',
    'purchasedate',
    'saledate',
    'datetime',
    'timestamp',
    '日期',
    '交易日期',
    '订单日期',
    '下单日期',
    '购买日期',
    '销售日期',
    '下单时间',
    '交易时间',
  ],
  amount: [
    'amount',
    'revenue',
    'sales',
    'total',
    'value',
    'price',
    'spend',
    'salesamount',
    'orderamount',
    'totalamount',
    'netamount',
    'monetary',
    'dollars',
    '金额',
    '销售额',
    '交易金额',
    '订单金额',
    '消费金额',
    '实付金额',
    '总金额',
    '销售金额',
  ],
  order: [
    'orderid',
    'order',
    'orderno',
    'ordernumber',
    'invoice',
    'invoiceno',
    'invoiceid',
    'invoicenumber',
    'transactionid',
    'receipt',
    '订单号',
    '订单编号',
    '订单id',
    '发票号',
    '单号',
    '交易编号',
  ],
  quantity: ['quantity', 'qty', 'units', 'count', '数量', '购买数量', '销售数量'],
  unitPrice: ['unitprice', 'priceeach', 'itemprice', '单价', '商品单价'],
  margin: ['margin', 'profit', 'grossprofit', 'grossmargin', '毛利', '利润', '毛利润'],
  cost: ['cost', 'costs', 'cogs', 'unitcost', '成本'],
};

/** Lower case without spaces, underscores, dashes, dots or a BOM, so "Customer ID" = "customer_id". */
function normaliseHeader(header: unknown): string {
  if (header === null || header === undefined) return '';
  return String(header)
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s_\-.()（）]/g, '');
}

const ROLES: readonly ColumnRole[] = ['customer', 'date', 'order', 'quantity', 'unitPrice', 'amount', 'margin', 'cost'];

/**
 * Finds the customer, date, amount, order, quantity, unit price, margin and cost columns from their headers
 * (English or Chinese, any case and spacing), so users rarely have to name them. An exact name beats a
 * name that only contains a known word; a column is used for one role only. When there is no amount column
 * but a quantity and a unit price, the caller computes amount = quantity × unit price. `sampleRows` is used
 * to prefer, among several candidate customer columns, one that is not blank.
 *
 * Cost O(columns × names).
 * @example
 * detectColumns(['InvoiceNo', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID'])
 * // => { order: 0, quantity: 1, date: 2, unitPrice: 3, customer: 4 }
 */
export function detectColumns(
  headers: readonly unknown[],
  sampleRows?: readonly (readonly unknown[])[],
): ColumnMapping {
  const names = headers.map(normaliseHeader);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  const isFilled = (column: number): boolean =>
    sampleRows === undefined ||
    sampleRows.length === 0 ||
    sampleRows.some((row) => row[column] !== undefined && row[column] !== null && String(row[column]).trim() !== '');
  for (const exact of [true, false]) {
    for (const role of ROLES) {
      if (mapping[role] !== undefined) continue;
      let found: number | undefined;
      for (const candidate of HEADER_NAMES[role]) {
        const index = names.findIndex(
          (name, column) =>
            !used.has(column) &&
            name !== '' &&
            (exact ? name === candidate : candidate.length >= 3 && name.includes(candidate)) &&
            isFilled(column),
        );
        if (index >= 0) {
          found = index;
          break;
        }
      }
      if (found !== undefined) {
        mapping[role] = found;
        used.add(found);
      }
    }
  }
  // A lone "price" next to a quantity is a unit price, not an amount.
  if (mapping.quantity !== undefined && mapping.unitPrice === undefined && mapping.amount !== undefined) {
    if (names[mapping.amount] === 'price') {
      mapping.unitPrice = mapping.amount;
      delete mapping.amount;
    }
  }
  return mapping;
}
