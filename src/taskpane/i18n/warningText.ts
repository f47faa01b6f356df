import { dayToIso, type CoreWarning, type WarningCode, type WarningParams } from '../../core';
import { describeWarning } from '../../messages/coreMessages';
import { labelLanguageOf, type Translate, type UiLanguage } from './translator';

/**
 * The pane's own wording for the warnings a pane run gives most, which can point at the pane's fields
 * ("Fewer score levels (under More options)", the "Analyse up to" date); every other warning is worded by the
 * message catalogue. Either way in the pane's language.
 */
const PANE_WORDING: { readonly [Code in WarningCode]?: (t: Translate, params: WarningParams[Code]) => string } = {
  scoreTies: (t, { dimension, distinctValues, bins }) =>
    t(distinctValues === 1 ? 'warning.oneValue' : 'warning.fewValues', {
      dimension: t(`dimension.${dimension}`),
      values: distinctValues,
      bins,
    }),
  asOfAfterData: (t, { asOfDay, lastPurchaseDay, days }) =>
    t('warning.asOfGap', { asOf: dayToIso(asOfDay), days, last: dayToIso(lastPurchaseDay) }),
  nonPositiveValue: (t, { customers }) => t('warning.negativeValue', { count: customers }),
};

/**
 * The one place the pane turns an engine warning ({ code, params }) into text in its language.
 * @example
 * warningText(createTranslator('en'), 'en', { code: 'nonPositiveValue', params: { customers: 3 } })
 * // => '3 customers have spent nothing or less after returns; they are kept and get the lowest spend score.'
 */
export function warningText(t: Translate, language: UiLanguage, warning: CoreWarning): string {
  const wording = PANE_WORDING[warning.code] as ((t: Translate, params: CoreWarning['params']) => string) | undefined;
  return wording === undefined ? describeWarning(warning, labelLanguageOf(language)) : wording(t, warning.params);
}
