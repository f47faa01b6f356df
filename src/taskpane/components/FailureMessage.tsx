import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { MessageKey } from '../i18n/en';
import type { Translate, UiLanguage } from '../i18n/translator';

// Any CJK character: a detail without one is the engine's English text.
const CJK = /[\u3400-\u9fff]/;

/**
 * A failure in the pane's words. Core's detail (which names the row, column or option) is English; in the
 * Chinese pane it is kept out of the sentence and offered folded as "technical details", so the pane reads
 * Chinese throughout without hiding what a support request needs.
 */
export function FailureMessage(props: {
  message: MessageKey;
  detail: string | undefined;
  language: UiLanguage;
  t: Translate;
  intent: 'error' | 'info';
  testId?: string;
}): JSX.Element {
  const { message, detail, language, t } = props;
  const foldDetail = language === 'zh-CN' && detail !== undefined && detail !== '' && !CJK.test(detail);
  return (
    <MessageBar intent={props.intent} layout="multiline" data-testid={props.testId}>
      <MessageBarBody>
        {t(message, { message: foldDetail ? '' : (detail ?? '') })}
        {foldDetail && (
          <details>
            <summary>{t('error.technicalDetails')}</summary>
            <span lang="en">{detail}</span>
          </details>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
