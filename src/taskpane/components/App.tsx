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
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { SourceData } from '../../excel';
import { createTranslator } from '../i18n/translator';
import type { UiLanguage } from '../i18n/translator';
import type { Compute } from '../run/compute';
import type { ExcelRun } from '../run/excelHost';
import { pickData } from '../run/pickData';
import { preflight, readForPreflight } from '../run/preflight';
import type { PreflightState } from '../run/preflight';
import { runSegmentation } from '../run/runSegmentation';
import { savedRunSettings, showSheet, workbookTables } from '../run/workbookActions';
import { paneReducer } from '../state/paneReducer';
import { initialPaneState } from '../state/paneState';
import { runBlock } from '../state/runReadiness';
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
  /** Whether the host has outline groups (ExcelApi 1.10): the model columns are then grouped, else left as they are. */
  outlineGroups?: boolean;
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
  // The language picker wraps below the title in a narrow pane instead of pushing the title onto two lines.
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  title: { margin: 0, whiteSpace: 'nowrap' },
  language: { minWidth: '9rem' },
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

  // Every row of the picked data, kept beside the state for the preflight check (the run reads them afresh).
  const [rows, setRows] = useState<SourceData | 'reading' | null>(null);
  const [tables, setTables] = useState<string[] | undefined>(undefined);
  useEffect(() => {
    if (state.sourceKind !== 'table') return;
    let current = true;
    setTables(undefined);
    workbookTables(props.excelRun)
      .then((names) => {
        if (current) setTables(names);
      })
      .catch(() => current && setTables([]));
    return () => {
      current = false;
    };
  }, [state.sourceKind, props.excelRun]);

  const { mapping } = state;
  const { dateOrder, asOf } = state.options;
  const check: PreflightState = useMemo(
    () =>
      rows === null
        ? { status: 'none' }
        : rows === 'reading'
          ? { status: 'checking' }
          : { status: 'done', summary: preflight(rows, mapping, { dateOrder, asOf }) },
    [rows, mapping, dateOrder, asOf],
  );
  const block = runBlock(state, check);

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
      {
        source,
        mapping: state.mapping,
        options: state.options,
        addinVersion: props.addinVersion,
        outlineGroups: props.outlineGroups ?? false,
      },
      { excelRun: props.excelRun, compute: props.compute },
      dispatch,
      controller.signal,
    );
  };

  const pick = async (): Promise<void> => {
    setRows(null);
    const loaded = await pickData(source, props.excelRun, dispatch);
    if (!loaded) return;
    setRows('reading');
    try {
      setRows(await readForPreflight(source, props.excelRun));
    } catch {
      // The run reads again and reports what went wrong; the check is only skipped.
      setRows(null);
    }
  };

  return (
    <FluentProvider theme={props.dark ? webDarkTheme : webLightTheme} lang={state.language}>
      <main className={styles.root} aria-label={t('appTitle')}>
        <div className={styles.header}>
          <Title3 as="h1" className={styles.title}>
            {t('appTitle')}
          </Title3>
          <Field label={t('language')} className={styles.language}>
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
              onPick={() => void pick()}
              tables={tables}
              preflight={check}
              onRunAnyway={block?.key === 'run.blockedSkipped' && state.run.status !== 'running' ? run : undefined}
            />
            {/* Always there, so the steps read 1, 2, 3 before the data is picked too. */}
            <ColumnsSection
              headers={state.data.status === 'loaded' ? state.data.data.headers : undefined}
              mapping={state.mapping}
              t={t}
              dispatch={dispatch}
            />
            <OptionsSection
              options={state.options}
              disabled={state.run.status === 'running'}
              t={t}
              dispatch={dispatch}
            />
            <RunSection
              state={state}
              block={block}
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
