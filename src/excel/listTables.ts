/**
 * The names of the workbook's Excel tables, for the pane's table choice (TableCollection items, ExcelApi 1.1).
 * One sync.
 */
export async function listTables(context: Excel.RequestContext): Promise<string[]> {
  const tables = context.workbook.tables;
  tables.load('items/name');
  await context.sync();
  return tables.items.map((table) => table.name);
}
