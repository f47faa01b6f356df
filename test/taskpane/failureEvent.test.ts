import { AnalyticsError, segmentCustomers } from '../../src/core';
import { createTranslator } from '../../src/taskpane/i18n/translator';
import { failureEvent } from '../../src/taskpane/run/failureEvent';

/** Core's own error for a holdout of 2.5 weeks, as a run in the worker would raise it. */
function holdoutError(): unknown {
  try {
    segmentCustomers(
      { customer: ['a', 'a'], date: ['2024-01-01', '2024-03-01'], amount: [10, 20] },
      { clv: { method: 'probabilistic', holdoutWeeks: 2.5 } },
    );
  } catch (error) {
    return error;
  }
  throw new Error('core accepted a holdout of 2.5 weeks');
}

describe('failureEvent: what the pane says when a run fails', () => {
  it('an invalid option gets a sentence in the pane language, followed by core’s detail naming the option', () => {
    const event = failureEvent(holdoutError());
    expect(event).toMatchObject({ type: 'runFailed', message: 'error.badOption' });
    const english = createTranslator('en')(event.message, { message: event.detail ?? '' });
    const chinese = createTranslator('zh-CN')(event.message, { message: event.detail ?? '' });
    expect(english).toMatch(/^An option or a value is not valid, so nothing was written\. The holdout period must be/);
    expect(chinese).toMatch(/^有选项或数值无效，因此未写入任何内容。The holdout period must be/);
  });

  it.each([
    ['EMPTY_INPUT', 'error.noUsableRows'],
    ['BAD_DATE', 'error.badOption'],
    ['NO_REPEAT_CUSTOMERS', 'error.modelFit'],
    ['FLAT_LIKELIHOOD', 'error.modelFit'],
    ['NOT_CONVERGED', 'error.modelFit'],
  ] as const)('core code %s → %s, detail kept', (code, key) => {
    expect(failureEvent(new AnalyticsError(code, 'detail text'))).toEqual({
      type: 'runFailed',
      message: key,
      detail: 'detail text',
    });
  });

  it('cancellation and unknown failures keep their own messages', () => {
    expect(failureEvent(Object.assign(new Error('stop'), { code: 'CANCELLED' }))).toEqual({
      type: 'runFailed',
      message: 'error.CANCELLED',
    });
    expect(failureEvent(new Error('GeneralException'))).toMatchObject({ message: 'error.generic' });
  });
});
