/*
 * The task pane checks one ExcelApi level at run time (src/excel/requirements.ts). These tests keep that
 * level honest: every Excel API member the adapter calls is read from @types/office-js with the TypeScript
 * checker, and its documented "[Api set: ExcelApi x.y]" must not exceed the level checked.
 */
import path from 'node:path';
import ts from 'typescript';
import {
  OUTLINE_EXCEL_API,
  REQUIRED_EXCEL_API,
  outlineGroupsSupported,
  taskPaneApiSupported,
} from '../../src/excel/requirements';

/**
 * Members above the pane's level that are called only where the host has them: outline groups, asked for with
 * isSetSupported (outlineGroupsSupported) and skipped otherwise.
 */
const GUARDED: Readonly<Record<string, string>> = {
  'Range.group': OUTLINE_EXCEL_API,
  'Range.hideGroupDetails': OUTLINE_EXCEL_API,
};

const versionNumber = (version: string): number => {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major * 1000 + minor;
};

/** The Excel API members used by the Office-facing code, each with its documented ExcelApi level. */
function excelApiMembersUsed(): Map<string, string> {
  const root = path.resolve(__dirname, '../..');
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  if (config === undefined) throw new Error('tsconfig.json could not be read');
  const sources = config.fileNames.filter((file) => /[/\\]src[/\\](excel|taskpane)[/\\]/.test(file));
  const program = ts.createProgram(sources, config.options);
  const checker = program.getTypeChecker();
  const used = new Map<string, string>();
  for (const file of sources) {
    const source = program.getSourceFile(file);
    if (source === undefined) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const declaration of symbol?.declarations ?? []) {
          if (!declaration.getSourceFile().fileName.includes('@types/office-js')) continue;
          const text = declaration.getFullText();
          const level = /\[Api set: ExcelApi (\d+\.\d+)/.exec(text)?.[1];
          const owner = (declaration.parent as ts.Node & { name?: ts.Identifier }).name?.text ?? '?';
          if (level !== undefined) used.set(`${owner}.${node.name.text}`, level);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}

describe('the ExcelApi level the task pane checks', () => {
  const used = excelApiMembersUsed();

  it(`covers every Excel API member src/excel and src/taskpane call (highest documented level = ${REQUIRED_EXCEL_API})`, () => {
    expect(used.size).toBeGreaterThan(20);
    const above = [...used].filter(([, level]) => versionNumber(level) > versionNumber(REQUIRED_EXCEL_API));
    expect(above).toEqual(Object.entries(GUARDED));
    for (const member of Object.keys(GUARDED)) used.delete(member);
    // Not overstated either: something used really needs that level.
    const highest = Math.max(...[...used.values()].map(versionNumber));
    expect(highest).toBe(versionNumber(REQUIRED_EXCEL_API));
    expect(used.get('Worksheet.getRangeByIndexes')).toBe('1.7');
  });

  it('outline groups are asked for at their own level (ExcelApi 1.10), so an older host degrades', () => {
    const host = (highest: string) => ({
      isSetSupported: (name: string, version?: string): boolean =>
        name === 'ExcelApi' && versionNumber(version ?? '1.1') <= versionNumber(highest),
    });
    expect(outlineGroupsSupported(host('1.9'))).toBe(false);
    expect(outlineGroupsSupported(host('1.10'))).toBe(true);
    expect(versionNumber(OUTLINE_EXCEL_API)).toBeGreaterThan(versionNumber(REQUIRED_EXCEL_API));
  });

  it('asks the host for exactly that level', () => {
    const asked: [string, string | undefined][] = [];
    const host = (highest: number) => ({
      isSetSupported: (name: string, version?: string): boolean => {
        asked.push([name, version]);
        return name === 'ExcelApi' && versionNumber(version ?? '1.1') <= highest;
      },
    });
    expect(taskPaneApiSupported(host(versionNumber('1.6')))).toBe(false);
    expect(taskPaneApiSupported(host(versionNumber('1.7')))).toBe(true);
    expect(asked).toEqual([
      ['ExcelApi', REQUIRED_EXCEL_API],
      ['ExcelApi', REQUIRED_EXCEL_API],
    ]);
  });
});
