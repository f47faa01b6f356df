/**
 * Deletes the named sheets if they exist (with their tables and charts), in two syncs.
 *
 * Why: the undo of a failed or cancelled run; it touches only sheets this run created, whose names
 * were free before the run started.
 */
export async function removeSheets(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
  await context.sync();
  for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
  await context.sync();
}
