import type { StandinRequestContext } from './standinContext';

/**
 * Presents a stand-in context as `Excel.RequestContext`, the type the adapter is written against.
 *
 * Why a cast: the stand-in implements only the members the add-in calls (with Office.js semantics),
 * not the thousands in @types/office-js. This is the one place that cast lives; the adapter tests
 * prove the members it uses exist and behave.
 */
export function asExcelContext(context: StandinRequestContext): Excel.RequestContext {
  return context as unknown as Excel.RequestContext;
}
