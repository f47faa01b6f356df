import { FUNCTIONS_BY_ID } from '../../src/functions/catalogue';
import { buildFunctionsMetadata } from '../../src/functions/functionsMetadata';

const DOCS = 'https://example.test/docs/';

describe('functions.json and functions.zh-CN.json from the declarations', () => {
  const english = buildFunctionsMetadata('en', DOCS);
  const chinese = buildFunctionsMetadata('zh', DOCS);

  it('describes all 24 functions, each with a help link, a description and described parameters', () => {
    expect(english.functions).toHaveLength(24);
    for (const entry of english.functions) {
      expect(entry.helpUrl).toBe(`${DOCS}functions.html#crm${entry.id.toLowerCase()}`);
      expect(entry.description.length).toBeGreaterThan(20);
      for (const parameter of entry.parameters) expect(parameter.description.length).toBeGreaterThan(5);
    }
  });

  it('the Chinese file has the same ids, names, parameters and shapes, and Chinese text throughout', () => {
    const shape = (metadata: typeof english): unknown =>
      metadata.functions.map((f) => [
        f.id,
        f.name,
        f.result,
        f.parameters.map((p) => [p.name, p.optional, p.dimensionality]),
      ]);
    expect(shape(chinese)).toEqual(shape(english));
    for (const entry of chinese.functions) {
      expect(entry.description).toMatch(/[\u4e00-\u9fff]/);
      for (const parameter of entry.parameters)
        expect([entry.id, parameter.name, parameter.description]).toEqual([
          entry.id,
          parameter.name,
          expect.stringMatching(/[\u4e00-\u9fff]/),
        ]);
      expect(entry.helpUrl).toContain('functions.zh-CN.html#');
    }
  });

  it('parameter order and optionality are those of the argument specs Excel calls', () => {
    for (const entry of english.functions) {
      const fn = FUNCTIONS_BY_ID[entry.id];
      expect(entry.parameters.map((p) => p.name)).toEqual(Object.keys(fn?.specs ?? {}));
    }
    const rfmScore = english.functions.find((f) => f.id === 'RFM_SCORE');
    // Written out from docs/functions.md: three required columns, then optional populations, part and bins.
    expect(rfmScore?.parameters.map((p) => `${p.name}${p.optional === true ? '?' : ''}`)).toEqual([
      'recency_days',
      'frequency',
      'monetary',
      'recency_population?',
      'frequency_population?',
      'monetary_population?',
      'part?',
      'bins?',
    ]);
    // An optional parameter never comes before a required one: Excel could not omit it.
    for (const entry of english.functions) {
      const firstOptional = entry.parameters.findIndex((p) => p.optional === true);
      if (firstOptional >= 0) expect(entry.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    }
  });

  it('results are numbers, texts or spilled ranges', () => {
    const clv = english.functions.find((f) => f.id === 'CLV');
    const table = english.functions.find((f) => f.id === 'RFM_TABLE');
    const segment = english.functions.find((f) => f.id === 'RFM_SEGMENT');
    expect([clv?.result, table?.result, segment?.result]).toEqual([
      { type: 'number' },
      { dimensionality: 'matrix' },
      { type: 'string' },
    ]);
  });
});
