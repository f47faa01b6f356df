import type { ChoiceOf } from '../../core';
import { OPTION_RULES } from '../../core';
import type { MessageKey } from '../i18n/en';
import type { Translate } from '../i18n/translator';

/** The choice options of core's option table that the pane offers, and the message prefix of their words. */
export const CHOICE_TEXT = {
  tierScheme: 'scheme',
  segmentMap: 'segmentMap',
  model: 'model',
  language: 'outputLanguage',
  dateOrder: 'dateOrder',
} as const;

/** A pane choice option's name in core's option table. */
export type PaneChoice = keyof typeof CHOICE_TEXT;

/**
 * The message key of one word of a choice option, e.g. ('tierScheme', 'abc') → 'scheme.abc'.
 * @example
 * choiceKey('language', 'zh') // => 'outputLanguage.zh'
 */
export function choiceKey<Name extends PaneChoice>(name: Name, choice: ChoiceOf<Name>): MessageKey {
  return `${CHOICE_TEXT[name]}.${choice}` as MessageKey;
}

/**
 * The <option>s of a choice, in the order and with the words core's option table declares, so a new word in
 * the table shows up in the pane (and a missing translation fails the i18n test). `disabled` marks words that
 * cannot be combined with the rest of the form.
 */
export function choiceOptions<Name extends PaneChoice>(
  t: Translate,
  name: Name,
  disabled: (choice: ChoiceOf<Name>) => boolean = () => false,
): JSX.Element[] {
  const choices = OPTION_RULES[name].choices as readonly ChoiceOf<Name>[];
  return choices.map((choice) => (
    <option key={choice} value={choice} disabled={disabled(choice)}>
      {t(choiceKey(name, choice))}
    </option>
  ));
}
