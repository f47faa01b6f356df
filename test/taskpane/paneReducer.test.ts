import { paneReducer } from '../../src/taskpane/state/paneReducer';
import type { PaneEvent } from '../../src/taskpane/state/paneReducer';
import { initialPaneState } from '../../src/taskpane/state/paneState';
import type { PaneState } from '../../src/taskpane/state/paneState';
import type { RunSummary } from '../../src/taskpane/state/runSummary';

const loaded = (): PaneState =>
  paneReducer(initialPaneState('en'), {
    type: 'dataLoaded',
    data: {
      sheetName: 'Data',
      address: 'Data!A1:D10',
      rowCount: 9,
      headers: ['id', 'date', 'qty', 'amount'],
      dateSystem: '1900',
    },
    mapping: { customer: 0, date: 1, amount: 3 },
  });

const summary: RunSummary = {
  customers: 2,
  revenue: 30,
  asOf: '1997-04-01',
  rowsRead: 3,
  rowsUsed: 3,
  tiers: [],
  skipped: [],
  warnings: [],
  segmentsSheet: 'Customer Segments',
  summarySheet: 'Segment Summary',
};

describe('paneReducer', () => {
  test('initialPaneState(zh-CN) starts in Chinese with Chinese output', () => {
    const state = initialPaneState('zh-CN');
    expect(state.language).toBe('zh-CN');
    expect(state.options.outputLanguage).toBe('zh');
    expect(state.run.status).toBe('idle');
  });

  test('paneReducer does not mutate the state it is given', () => {
    const state = Object.freeze(loaded());
    const next = paneReducer(state, { type: 'optionsChanged', patch: { bins: '4' } });
    expect(state.options.bins).toBe('5');
    expect(next.options.bins).toBe('4');
  });

  test('choosing a column for a role frees it from any other role', () => {
    const next = paneReducer(loaded(), { type: 'mappingChanged', role: 'amount', column: 0 });
    expect(next.mapping).toEqual({ date: 1, amount: 0 });
    const cleared = paneReducer(next, { type: 'mappingChanged', role: 'date', column: undefined });
    expect(cleared.mapping).toEqual({ amount: 0 });
  });

  test('a run goes running → progress → done, and options are frozen while running', () => {
    const events: PaneEvent[] = [
      { type: 'runStarted' },
      { type: 'runProgress', phase: 'reading', done: 120_000, total: 1_048_575 },
      { type: 'optionsChanged', patch: { bins: '3' } },
      { type: 'mappingChanged', role: 'customer', column: 2 },
    ];
    const running = events.reduce(paneReducer, loaded());
    expect(running.run).toEqual({
      status: 'running',
      phase: 'reading',
      done: 120_000,
      total: 1_048_575,
      cancelling: false,
    });
    expect(running.options.bins).toBe('5');
    expect(running.mapping.customer).toBe(0);
    const done = paneReducer(running, { type: 'runFinished', summary });
    expect(done.run).toEqual({ status: 'done', summary });
  });

  test('cancel marks the run as cancelling; the failure event ends it', () => {
    const cancelling = [{ type: 'runStarted' }, { type: 'cancelRequested' }].reduce(
      (state, event) => paneReducer(state, event as PaneEvent),
      loaded(),
    );
    expect(cancelling.run).toMatchObject({ status: 'running', cancelling: true });
    const ended = paneReducer(cancelling, { type: 'runFailed', message: 'error.CANCELLED' });
    expect(ended.run).toEqual({ status: 'failed', message: 'error.CANCELLED', detail: undefined });
  });

  test('progress and cancel outside a run change nothing', () => {
    const state = loaded();
    expect(paneReducer(state, { type: 'runProgress', phase: 'writing', done: 1, total: 1 })).toBe(state);
    expect(paneReducer(state, { type: 'cancelRequested' })).toBe(state);
  });

  test('saved choices from the workbook restore source, mapping and options', () => {
    const next = paneReducer(initialPaneState('en'), {
      type: 'savedRunLoaded',
      source: { kind: 'table', name: 'Sales' },
      mapping: { customer: 1, date: 0, amount: 2 },
      options: {
        bins: 3,
        tierScheme: 'abc',
        clv: { method: 'retention', retention: 0.7, discount: 0.05 },
        language: 'zh',
      },
    });
    expect(next.sourceKind).toBe('table');
    expect(next.tableName).toBe('Sales');
    expect(next.mapping).toEqual({ customer: 1, date: 0, amount: 2 });
    // Rates come back as the percentages the form shows.
    expect(next.options).toMatchObject({
      bins: '3',
      tierScheme: 'abc',
      clvMethod: 'retention',
      retention: '70',
      discount: '5',
      outputLanguage: 'zh',
    });
  });

  test('the holdout period is an option like the others: edited as text, frozen while running', () => {
    const edited = paneReducer(loaded(), {
      type: 'optionsChanged',
      patch: { clvMethod: 'probabilistic', holdoutWeeks: '13' },
    });
    expect(edited.options).toMatchObject({ clvMethod: 'probabilistic', holdoutWeeks: '13' });
    const running = paneReducer(paneReducer(edited, { type: 'runStarted' }), {
      type: 'optionsChanged',
      patch: { holdoutWeeks: '52' },
    });
    expect(running.options.holdoutWeeks).toBe('13');
  });

  test('a saved probabilistic run restores the resolved holdout period, so Run again repeats the same check', () => {
    const next = paneReducer(initialPaneState('en'), {
      type: 'savedRunLoaded',
      source: { kind: 'selection' },
      mapping: { customer: 0, date: 1, amount: 3 },
      options: { clv: { method: 'probabilistic', horizonMonths: 24, holdoutWeeks: 26 } },
    });
    expect(next.options).toMatchObject({ clvMethod: 'probabilistic', horizonMonths: '24', holdoutWeeks: '26' });
    // An older saved run without the option keeps the default (blank: core's third of the history).
    const older = paneReducer(initialPaneState('en'), {
      type: 'savedRunLoaded',
      source: { kind: 'selection' },
      mapping: {},
      options: { clv: { method: 'probabilistic' } },
    });
    expect(older.options.holdoutWeeks).toBe('');
  });
});
