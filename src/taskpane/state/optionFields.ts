import type { NumberOptionName, NumberRule } from '../../core';
import { DECIMAL_NUMBER, OPTION_RULES, satisfiesNumberRule } from '../../core';
import type { FormOptions } from './formOptions';

/** The form's number fields (their text is in FormOptions). */
export type NumberFieldKey =
  | 'bins'
  | 'periodDays'
  | 'churnDays'
  | 'retention'
  | 'discount'
  | 'horizonMonths'
  | 'monthlyDiscount'
  | 'margin'
  | 'holdoutWeeks';

/**
 * One number field of the form, declared once: which rule of core's option table bounds it, whether the user
 * types it as a percentage, whether blank is allowed (core's default then applies), and when it is shown.
 * The options section renders its fields from this list and the run is checked against it.
 */
export interface NumberField {
  key: NumberFieldKey;
  rule: NumberOptionName;
  /** Typed as a percentage: the form's "10" is core's 0.1 and the rule's bounds are shown × 100. */
  percent: boolean;
  /** Blank is allowed and means core's default. */
  optional: boolean;
  /** Step of the field's keyboard arrows and the hint of its input mode. */
  integer: boolean;
  shown: (options: FormOptions) => boolean;
}

const always = (): boolean => true;
const retention = (options: FormOptions): boolean => options.clvMethod === 'retention';
const probabilistic = (options: FormOptions): boolean => options.clvMethod === 'probabilistic';

const field = (
  key: NumberFieldKey,
  rule: NumberOptionName,
  shown: NumberField['shown'],
  extra: Partial<Pick<NumberField, 'percent' | 'optional'>> = {},
): NumberField => ({
  key,
  rule,
  percent: extra.percent ?? false,
  optional: extra.optional ?? false,
  integer: (OPTION_RULES[rule] as NumberRule).integer === true,
  shown,
});

/** Every number field of the form, in the order shown. */
export const NUMBER_FIELDS: readonly NumberField[] = [
  field('bins', 'bins', always),
  field('periodDays', 'periodDays', always),
  field('churnDays', 'churnDays', always),
  field('retention', 'retention', retention, { percent: true }),
  field('discount', 'discount', retention, { percent: true }),
  field('horizonMonths', 'horizonMonths', probabilistic),
  field('monthlyDiscount', 'monthlyDiscount', probabilistic, { percent: true }),
  field('margin', 'margin', probabilistic, { percent: true }),
  field('holdoutWeeks', 'holdoutWeeks', probabilistic, { optional: true }),
];

/** Why a field's text is not usable, for the field's validation message (localized by the pane). */
export type FieldProblem =
  | { kind: 'required' }
  | { kind: 'notNumber'; text: string }
  | { kind: 'outOfRange'; rule: NumberRule; percent: boolean };

/**
 * The number a field's text stands for, in core's units (a percentage divided by 100), or null when the text
 * is not a number. A trailing "%" is allowed. O(length).
 * @example
 * fieldNumber(NUMBER_FIELDS[3], '.7') // => 0.007
 */
export function fieldNumber(numberField: NumberField, text: string): number | null {
  const trimmed = text.trim().replace(/\s*[%％]$/, '');
  if (!DECIMAL_NUMBER.test(trimmed)) return null;
  const value = Number(trimmed);
  // 15 significant digits: ".7" % is 0.007, not 0.006999999999999999.
  return numberField.percent ? Number((value / 100).toPrecision(15)) : value;
}

/**
 * What is wrong with one field's text under core's option table, or null when it is usable.
 * @example
 * fieldProblem(NUMBER_FIELDS[0], '11')?.kind // => 'outOfRange'
 */
export function fieldProblem(numberField: NumberField, text: string): FieldProblem | null {
  if (text.trim() === '') return numberField.optional ? null : { kind: 'required' };
  const value = fieldNumber(numberField, text);
  if (value === null) return { kind: 'notNumber', text: text.trim() };
  const rule: NumberRule = OPTION_RULES[numberField.rule];
  return satisfiesNumberRule(rule, value) ? null : { kind: 'outOfRange', rule, percent: numberField.percent };
}

/** The shown fields whose text is not usable: the run waits until this is empty. */
export function formProblems(options: FormOptions): { field: NumberField; problem: FieldProblem }[] {
  return NUMBER_FIELDS.flatMap((numberField) => {
    if (!numberField.shown(options)) return [];
    const problem = fieldProblem(numberField, options[numberField.key]);
    return problem === null ? [] : [{ field: numberField, problem }];
  });
}

/**
 * Combinations the form prevents as they are chosen: the value matrix crosses historic value with the CLV, so
 * with historic CLV both axes would be the same and only two tiers could come out.
 * @example
 * matrixNeedsForwardClv({ tierScheme: 'matrix', clvMethod: 'historic' }) // => true
 */
export function matrixNeedsForwardClv(options: Pick<FormOptions, 'tierScheme' | 'clvMethod'>): boolean {
  return options.tierScheme === 'matrix' && options.clvMethod === 'historic';
}
