import path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { buildZhMetadata, ZH_FUNCTION_TEXT } from '../../src/functions/zhMetadata';
import type { FunctionsMetadata } from '../../src/functions/zhMetadata';

const ENTRY = path.join(__dirname, '../../src/functions/functions.ts');

async function englishMetadata(): Promise<FunctionsMetadata> {
  const generated = await generateCustomFunctionsMetadata(ENTRY, true);
  expect(generated.errors).toEqual([]);
  return JSON.parse(generated.metadataJson) as FunctionsMetadata;
}

describe('buildZhMetadata(functions.json from the JSDoc)', () => {
  it('keeps ids, names and parameter lists and translates every description', async () => {
    const english = await englishMetadata();
    const chinese = buildZhMetadata(english);
    expect(chinese.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)])).toEqual(
      english.functions.map((f) => [f.id, f.name, f.parameters.map((p) => p.name)]),
    );
    for (const entry of chinese.functions) {
      expect(entry.description).toMatch(/[\u4e00-\u9fff]/);
      for (const parameter of entry.parameters)
        expect([entry.id, parameter.name, parameter.description]).toEqual([
          entry.id,
          parameter.name,
          ZH_FUNCTION_TEXT[entry.id]?.parameters[parameter.name],
        ]);
      expect(entry.helpUrl).toContain('functions.zh-CN.html#');
    }
  });

  it('every function has a help link, a one-sentence description and described parameters in English', async () => {
    const english = await englishMetadata();
    expect(english.functions).toHaveLength(24);
    for (const entry of english.functions) {
      expect(entry.helpUrl).toMatch(/functions\.html#crm/);
      expect(entry.description?.length).toBeGreaterThan(20);
      for (const parameter of entry.parameters) expect(parameter.description?.length).toBeGreaterThan(5);
    }
  });

  it('fails when the two disagree on an id or a parameter', async () => {
    const english = await englishMetadata();
    const renamed = JSON.parse(JSON.stringify(english)) as FunctionsMetadata;
    const clv = renamed.functions.find((f) => f.id === 'CLV');
    if (clv === undefined || clv.parameters[0] === undefined) throw new Error('CLV missing');
    clv.parameters[0].name = 'profit_column';
    expect(() => buildZhMetadata(renamed)).toThrow('CLV: no Chinese text for parameter profit_column');
    const extra = JSON.parse(JSON.stringify(english)) as FunctionsMetadata;
    extra.functions.push({ id: 'NEW_ONE', name: 'NEW_ONE', parameters: [] });
    expect(() => buildZhMetadata(extra)).toThrow('NEW_ONE: no Chinese text');
    const fewer = JSON.parse(JSON.stringify(english)) as FunctionsMetadata;
    fewer.functions = fewer.functions.filter((f) => f.id !== 'GG_FIT');
    expect(() => buildZhMetadata(fewer)).toThrow('GG_FIT: Chinese text for a function that does not exist');
  });

  it('does not mutate the English metadata', async () => {
    const english = await englishMetadata();
    const before = JSON.stringify(english);
    buildZhMetadata(english);
    expect(JSON.stringify(english)).toBe(before);
  });
});
