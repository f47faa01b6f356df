import { numberRuleBounds } from '../../core';
import type { FieldProblem } from '../state/optionFields';
import type { Translate } from './translator';

/** A bound as the user types it: × 100 for a percentage field, "−" for a negative value. */
function bound(value: number, percent: boolean): string {
  const shown = percent ? Number((value * 100).toPrecision(12)) : value;
  return shown < 0 ? `−${String(-shown)}` : String(shown);
}

/**
 * A field's problem in the pane's language: the bounds and kind come from core's option table (the same rule
 * core checks with, described as describeNumberRule does in English), scaled for percentage fields.
 * @example
 * fieldProblemText(t, { kind: 'outOfRange', rule: OPTION_RULES.bins, percent: false })
 * // => 'Enter a whole number from 2 to 10.'
 */
export function fieldProblemText(t: Translate, problem: FieldProblem): string {
  if (problem.kind === 'required') return t('rule.required');
  if (problem.kind === 'notNumber') return t('rule.notNumber', { text: problem.text });
  const { rule, percent } = problem;
  const noun = t(percent ? 'noun.percent' : rule.integer === true ? 'noun.whole' : 'noun.number');
  const parts = numberRuleBounds(rule).map((ruleBound) =>
    ruleBound.kind === 'between'
      ? t('rule.between', { min: bound(ruleBound.min, percent), max: bound(ruleBound.max, percent) })
      : t(`rule.${ruleBound.kind}`, { value: bound(ruleBound.value, percent) }),
  );
  return t('rule.message', { noun, bounds: parts.join(t('rule.and')) });
}
