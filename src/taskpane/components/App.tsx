import {
  MessageBar,
  MessageBarBody,
  FluentProvider,
  Select,
  Field,
  Title3,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useMemo, useReducer, useRef } from 'react';
import { createTranslator } from '../i18n/translator';
import type { UiLanguage } from '../i18n/translator';
import type { Compute } from '../run/compute';
import type { ExcelRun } from '../run/excelHost';
import { pickData } from '../run/pickData';
import { runSegmentation } from '../run/runSegmentation';
import { savedRunSettings, showSheet } from '../run/workbookActions';
import { paneReducer } from '../state/paneReducer';
import { initialPaneState } from '../state/paneState';
import { ColumnsSection } from './ColumnsSection';
import { DataSection } from './DataSection';
import { OptionsSection } from './OptionsSection';
import { ResultSection } from './ResultSection';
import { RunSection } from './RunSection';

/** What the pane needs from its host; Office in Excel, the stand-in in the demo. */
export interface AppProps {
  excelRun: ExcelRun;
  compute: Compute;
  initialLanguage: UiLanguage;
  dark: boolean;
  addinVersion: string;
  /** Set when the host lacks the Excel API level the pane needs: the pane then says so and cannot run. */
  unsupportedExcelApi?: string;
}

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

/** The task pane: pick data, check columns, choose options, run, see the result. */
export function App(props: AppProps): JSX.Element {
  const [state, dispatch] = useReducer(paneReducer, props.initialLanguage, initialPaneState);
  const t = useMemo(() => createTranslator(state.language), [state.language]);
  const abort = useRef<AbortController | null>(null);
  const styles = useStyles();

  useEffect(() => {
    savedRunSettings(props.excelRun)
      .then((saved) => {
        if (saved)
          dispatch({ type: 'savedRunLoaded', source: saved.source, mapping: saved.mapping, options: saved.options });
      })
      .catch(() => undefined);
  }, [props]);

  const source =
    state.sourceKind === 'table'
      ? ({ kind: 'table', name: state.tableName } as const)
      : state.sourceKind === 'regionAroundActiveCell'
        ? ({ kind: 'regionAroundActiveCell' } as const)
        : ({ kind: 'selection' } as const);

  const run = (): void => {
    const controller = new AbortController();
    abort.current = controller;
    void runSegmentation(
      { source, mapping: state.mapping, options: state.options, addinVersion: props.addinVersion },
      { excelRun: props.excelRun, compute: props.compute },
      dispatch,
      controller.signal,
    );
  };

  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={state.language}>
      <main className={styles.root} aria-label={t('appTitle')}>
        <div className={styles.header}>
          <Title3 as="h1">{t('appTitle')}</Title3>
          <Field label={t('language')}>
            <Select
              data-testid="ui-language"
              value={state.language}
              onChange={(_, data) => dispatch({ type: 'languageChanged', language: data.value as UiLanguage })}
            >
              <option value="en">English</option>
              <option value="zh-CN">中文（简体）</option>
            </Select>
          </Field>
        </div>
        {props.unsupportedExcelApi !== undefined ? (
          <MessageBar intent="error" data-testid="unsupported-excel">
            <MessageBarBody>{t('error.OLD_EXCEL', { version: props.unsupportedExcelApi })}</MessageBarBody>
          </MessageBar>
        ) : (
          <>
            <DataSection
              state={state}
              t={t}
              dispatch={dispatch}
              onPick={() => void pickData(source, props.excelRun, dispatch)}
            />
            {state.data.status === 'loaded' && (
              <ColumnsSection headers={state.data.data.headers} mapping={state.mapping} t={t} dispatch={dispatch} />
            )}
            <OptionsSection
              options={state.options}
              ambiguousDate={state.data.status === 'loaded' ? state.data.data.ambiguousDate : undefined}
              disabled={state.run.status === 'running'}
              t={t}
              dispatch={dispatch}
            />
            <RunSection
              state={state}
              t={t}
              onRun={run}
              onCancel={() => {
                dispatch({ type: 'cancelRequested' });
                abort.current?.abort();
              }}
            />
            {state.run.status === 'done' && (
              <ResultSection
                summary={state.run.summary}
                language={state.language}
                t={t}
                onOpenSheet={(sheet) => void showSheet(props.excelRun, sheet)}
              />
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
