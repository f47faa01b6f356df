/*
 * Registers the CRM custom functions in the shared runtime. Each function is declared once, with its Excel id,
 * help in English and Chinese, argument specs and body, in library.ts or cohortFunctions.ts; the build writes
 * functions.json and functions.zh-CN.json from the same declarations (src/functions/functionsMetadata.ts).
 * Loads with no DOM and no Office.
 */
import { FUNCTIONS_BY_ID } from './catalogue';

export { FUNCTIONS_BY_ID };

for (const [id, fn] of Object.entries(FUNCTIONS_BY_ID)) CustomFunctions.associate(id, fn);
