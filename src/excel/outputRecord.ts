import { uniqueSheetName } from './uniqueSheetName';

/**
 * The workbook setting where the add-in records the sheets it wrote, by worksheet id: "replace the previous
 * results" deletes exactly those, whatever their names now are, and never a sheet of the user's that happens to
 * be called "Customer Segments".
 */
export const OUTPUTS_KEY = 'crmAnalytics.outputs';

interface OutputRecord {
  version: 1;
  /** Worksheet ids (Worksheet.id, ExcelApi 1.1) of every output sheet written and not yet replaced. */
  sheetIds: string[];
}

/** The recorded output sheet ids, or [] when the workbook has none. One sync. */
export async function loadOutputRecord(context: Excel.RequestContext): Promise<string[]> {
  const setting = context.workbook.settings.getItemOrNullObject(OUTPUTS_KEY);
  setting.load('value');
  await context.sync();
  if (setting.isNullObject) return [];
  const value: unknown = typeof setting.value === 'string' ? JSON.parse(setting.value) : setting.value;
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Partial<OutputRecord>;
  return record.version === 1 && Array.isArray(record.sheetIds)
    ? record.sheetIds.filter((id): id is string => typeof id === 'string')
    : [];
}

/**
 * Records the sheets a run wrote (by name now, stored by id) beside the earlier ones still in the workbook, so a
 * later "replace" finds them all. Two syncs.
 */
export async function recordOutputs(
  context: Excel.RequestContext,
  written: readonly string[],
  earlier: readonly string[],
): Promise<void> {
  const sheets = written.map((name) => context.workbook.worksheets.getItem(name).load('id'));
  const still = earlier.map((id) => context.workbook.worksheets.getItemOrNullObject(id));
  await context.sync();
  const kept = earlier.filter((_, index) => !(still[index] as Excel.Worksheet).isNullObject);
  const record: OutputRecord = { version: 1, sheetIds: [...kept, ...sheets.map((sheet) => sheet.id)] };
  context.workbook.settings.add(OUTPUTS_KEY, record);
  await context.sync();
}

/**
 * Deletes the previously recorded output sheets (not those just written), then gives the new sheets the plain
 * names the old ones held when those are free ("Customer Segments" rather than "Customer Segments (2)").
 * Returns the final names of the new sheets, in the order given. Three syncs.
 */
export async function replacePreviousOutputs(
  context: Excel.RequestContext,
  previousIds: readonly string[],
  written: readonly { name: string; base: string }[],
): Promise<string[]> {
  const fresh = written.map((entry) => context.workbook.worksheets.getItem(entry.name).load('id'));
  const old = previousIds.map((id) => context.workbook.worksheets.getItemOrNullObject(id));
  await context.sync();
  const freshIds = new Set(fresh.map((sheet) => sheet.id));
  for (const [index, sheet] of old.entries()) {
    if (!sheet.isNullObject && !freshIds.has(previousIds[index] as string)) sheet.delete();
  }
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const names = worksheets.items.map((sheet) => sheet.name);
  const final = written.map((entry) => {
    const others = names.filter((name) => name !== entry.name);
    const name = uniqueSheetName(entry.base, others);
    names[names.indexOf(entry.name)] = name;
    return name;
  });
  written.forEach((entry, index) => {
    if (final[index] !== entry.name) (fresh[index] as Excel.Worksheet).name = final[index] as string;
  });
  await context.sync();
  return final;
}
