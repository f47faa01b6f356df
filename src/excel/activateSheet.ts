/** Shows a sheet (the pane's "open" buttons after a run). One sync. */
export async function activateSheet(context: Excel.RequestContext, name: string): Promise<void> {
  context.workbook.worksheets.getItem(name).activate();
  await context.sync();
}
