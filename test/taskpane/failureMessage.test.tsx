import { renderToStaticMarkup } from 'react-dom/server';
import { FailureMessage } from '../../src/taskpane/components/FailureMessage';
import { createTranslator } from '../../src/taskpane/i18n/translator';

const DETAIL = 'The BG/NBD likelihood could not be evaluated from any starting point.';

describe('FailureMessage', () => {
  it('in Chinese keeps core’s English detail out of the sentence and folds it as technical details', () => {
    const html = renderToStaticMarkup(
      <FailureMessage
        message="error.modelFit"
        detail={DETAIL}
        language="zh-CN"
        t={createTranslator('zh-CN')}
        intent="error"
      />,
    );
    const sentence = html.slice(0, html.indexOf('<details>'));
    expect(sentence).toMatch(/[\u4e00-\u9fff]/);
    expect(sentence).not.toContain('likelihood');
    expect(html).toContain('<summary>技术细节（英文）</summary>');
    expect(html).toContain(`<span lang="en">${DETAIL}</span>`);
  });

  it('in English puts the detail in the sentence, and a Chinese detail stays in the Chinese sentence', () => {
    const english = renderToStaticMarkup(
      <FailureMessage
        message="error.modelFit"
        detail={DETAIL}
        language="en"
        t={createTranslator('en')}
        intent="error"
      />,
    );
    expect(english).toContain(DETAIL);
    expect(english).not.toContain('<details>');
    const chinese = renderToStaticMarkup(
      <FailureMessage
        message="error.noUsableRows"
        detail="跳过了 1 行：日期无效 1 行。"
        language="zh-CN"
        t={createTranslator('zh-CN')}
        intent="error"
      />,
    );
    expect(chinese).toContain('跳过了 1 行');
    expect(chinese).not.toContain('<details>');
  });
});
