/*
 * Every `@example` in src/ that shows a result (`expression // => value`) is run and its result compared with
 * the value shown, so documentation cannot drift from the code. Numbers match to the decimals shown (a trailing
 * "…" means the digits go on); a parenthesised remark after the value is prose. Examples that need a live
 * Excel request context or files on disk are listed below with the reason; anything else must run.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import * as core from '../../src/core';
import type { BgNbdModel, GammaGammaModel, TransactionInput } from '../../src/core';
import { readDataText } from '../data/dataFiles';
import { readCdnowSample } from '../core/btyd/cdnowSample';
import { createCustomFunctionsStandIn } from '../functions/customFunctionsStandIn';
import { DEFAULT_FORM_OPTIONS } from '../../src/taskpane/state/formOptions';
import { initialPaneState } from '../../src/taskpane/state/paneState';

const ROOT = path.join(__dirname, '../..');

/** Examples that cannot run outside a host, by file and the identifier that gives them away. */
const NEEDS_HOST: Readonly<Record<string, string>> = {
  'src/excel/detectDateSystem.ts': 'an Excel request context',
  'src/excel/readSource.ts': 'an Excel request context',
  'src/excel/writeResults.ts': 'an Excel request context',
  'src/standin/standinContext.ts': 'a stand-in workbook',
  'src/cli/main.ts': 'a transaction file on disk',
};

interface Example {
  file: string;
  /** Statements and checks in order; a check is an expression and the value text shown for it. */
  steps: ({ statement: string } | { expression: string; shown: string })[];
}

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** The `@example` blocks of a file that show at least one result. */
function examplesOf(file: string): Example[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const examples: Example[] = [];
  for (const match of text.matchAll(/@example\n((?: \*(?! @| ?\/).*\n)+)/g)) {
    const lines = (match[1] as string)
      .split('\n')
      .map((line) => line.replace(/^ \* ?/, ''))
      .filter((line) => line.trim() !== '');
    if (!lines.some((line) => line.includes('// =>'))) continue;
    // A result on a line of its own belongs to the line above.
    const joined: string[] = [];
    for (const line of lines) {
      if (line.trim().startsWith('// =>') && joined.length > 0) joined[joined.length - 1] += ` ${line.trim()}`;
      else joined.push(line);
    }
    const steps: Example['steps'] = [];
    let pending: string[] = [];
    joined.forEach((line, index) => {
      const marker = line.indexOf('// =>');
      const next = joined[index + 1];
      const continued = next !== undefined && next.trim().startsWith('.');
      if (marker < 0) {
        pending.push(line);
        if (!continued) {
          steps.push({ statement: pending.join('\n') });
          pending = [];
        }
        return;
      }
      const expression = [...pending, line.slice(0, marker)].join('\n').trim().replace(/;$/, '');
      steps.push({ expression, shown: line.slice(marker + 5).trim() });
      pending = [];
    });
    examples.push({ file, steps });
  }
  return examples;
}

/** The value text without its trailing remark: "26 (546 days / 3)" → "26", "2.666…" → "2.666…". */
function valueText(shown: string): string {
  return shown.replace(/\s+\((?:[^()]|\([^()]*\))*\)\s*$/, '').trim();
}

/** Compares a result with the value shown: numbers to the shown decimals, typed arrays as arrays. */
function matchesShown(actual: unknown, shown: unknown, truncated: boolean): boolean {
  if (typeof shown === 'number' && typeof actual === 'number') {
    const decimals = (String(shown).split('.')[1] ?? '').length;
    const step = 10 ** -decimals;
    if (truncated) return actual >= shown - 1e-12 && actual < shown + step;
    return decimals === 0 ? actual === shown : Math.abs(actual - shown) <= step / 2 + 1e-12;
  }
  if (ArrayBuffer.isView(actual)) actual = Array.from(actual as unknown as ArrayLike<number>);
  if (Array.isArray(shown)) {
    return (
      Array.isArray(actual) &&
      actual.length === shown.length &&
      shown.every((item, index) => matchesShown(actual[index], item, truncated))
    );
  }
  if (shown !== null && typeof shown === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const keys = Object.keys(shown);
    return (
      keys.length === Object.keys(actual).length &&
      keys.every((key) =>
        matchesShown((actual as Record<string, unknown>)[key], (shown as Record<string, unknown>)[key], truncated),
      )
    );
  }
  return Object.is(actual, shown);
}

const toJs = (code: string): string =>
  ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.None } })
    .outputText;

/** Names the core and btyd examples use for the CDNOW data of Fader, Hardie & Lee (2005), in weeks. */
function cdnowFixtures(): Record<string, unknown> {
  const cdnowCalibration = readCdnowSample();
  // The maximum-likelihood fits, whose rounded parameters are the published ones.
  const cdnowModel: BgNbdModel = core.fitBgNbd(cdnowCalibration, { unit: 'weeks' });
  const cdnowSpendModel: GammaGammaModel = core.fitGammaGamma(cdnowCalibration.filter((customer) => customer.x > 0));
  const cdnow: TransactionInput = { customer: [], date: [], amount: [] };
  for (const line of readDataText('CDNOW_sample.txt').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const date = fields[2] as string;
    (cdnow.customer as unknown[]).push(fields[1]);
    (cdnow.date as unknown[]).push(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`);
    (cdnow.amount as unknown[]).push(Number(fields[4]));
  }
  const dayOf = (iso: string): number => core.requireDate(iso, 'date');
  return {
    cdnowCalibration,
    cdnowRepeaters: cdnowCalibration.filter((customer) => customer.x > 0),
    cdnowModel,
    cdnowSpendModel,
    cdnowPareto: core.fitParetoNbd(cdnowCalibration, { unit: 'weeks' }),
    model: cdnowModel,
    calibrationWithHoldout: cdnowCalibration,
    summaries: cdnowCalibration,
    cdnow,
    transactions: core.parseTransactions(cdnow),
    dayOf,
    result: core.segmentCustomers({ customer: ['a', 'b'], date: ['2024-01-01', '2024-02-01'], amount: [10, 20] }),
  };
}

const examples = [...sourceFiles('src')].sort().flatMap(examplesOf);

describe('every @example with a shown result in src/ runs and gives that result', () => {
  let fixtures: Record<string, unknown>;
  beforeAll(() => {
    fixtures = cdnowFixtures();
  });

  test('the examples were found (the guard guards something)', () => {
    expect(examples.length).toBeGreaterThan(80);
    expect(new Set(examples.map((example) => example.file)).size).toBeGreaterThan(40);
  });

  test.each(
    examples.filter((example) => NEEDS_HOST[example.file] === undefined).map((example) => [example.file, example]),
  )(
    '%s',
    async (file, example) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module under test, by path
      const own = require(path.join(ROOT, file)) as Record<string, unknown>;
      const scope: Record<string, unknown> = { ...fixtures, ...core, ...own };
      if (file.startsWith('src/taskpane/state/')) {
        // The pane's starting state and form, which its state examples start from.
        scope.state = initialPaneState('en');
        scope.DEFAULT_FORM_OPTIONS = DEFAULT_FORM_OPTIONS;
      }
      if (file.startsWith('src/functions/')) {
        (globalThis as Record<string, unknown>).CustomFunctions = createCustomFunctionsStandIn();
      }
      const checks: { expression: string; shown: string }[] = [];
      const body = example.steps
        .map((step) => {
          if ('statement' in step) return step.statement;
          checks.push(step);
          return `__results.push(await (${step.expression}));`;
        })
        .join('\n');
      const names = Object.keys(scope).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
      const run = new Function(...names, '__results', `return (async () => {\n${toJs(body)}\n})();`) as (
        ...values: unknown[]
      ) => Promise<void>;
      const results: unknown[] = [];
      await run(...names.map((name) => scope[name]), results);
      checks.forEach((check, index) => {
        const text = valueText(check.shown);
        const truncated = text.endsWith('…');
        const shown: unknown = new Function(`return (${text.replace(/…$/, '')});`)();
        const actual = results[index];
        if (!matchesShown(actual, shown, truncated)) {
          throw new Error(`${file}: ${check.expression}\n  shows ${check.shown}\n  gives ${JSON.stringify(actual)}`);
        }
      });
    },
    120_000,
  );

  test('examples that are not run need a host, and each listed file still has one', () => {
    const skipped = examples.filter((example) => NEEDS_HOST[example.file] !== undefined);
    expect(new Set(skipped.map((example) => example.file))).toEqual(new Set(Object.keys(NEEDS_HOST)));
  });
});
