import './customFunctionsStandIn';
import { clearSortedPopulations, sortedPopulation } from '../../src/functions/sortedPopulationCache';

const column = (values: readonly unknown[]): unknown[][] => values.map((value) => [value]);

describe('sortedPopulation(range)', () => {
  beforeEach(() => clearSortedPopulations());

  it('sorts once: the same range object, or an equal copy, returns the cached entry', () => {
    const range = column([30, 10, '20', null, 10]);
    const entry = sortedPopulation(range, 'population', false);
    expect(Array.from(entry.sorted)).toEqual([10, 10, 20, 30]);
    expect(sortedPopulation(range, 'population', false)).toBe(entry);
    expect(sortedPopulation(column([30, 10, '20', null, 10]), 'population', false)).toBe(entry);
  });

  it('an edited cell gives a new entry', () => {
    const entry = sortedPopulation(column([1, 2, 3]), 'population', false);
    const edited = sortedPopulation(column([1, 2, 4]), 'population', false);
    expect(edited).not.toBe(entry);
    expect(Array.from(edited.sorted)).toEqual([1, 2, 4]);
  });

  it('a copy with one more row, or a number typed as text, is a different population', () => {
    const entry = sortedPopulation(column([1, 2, 3]), 'population', false);
    expect(sortedPopulation(column([1, 2, 3, 3]), 'population', false)).not.toBe(entry);
    expect(sortedPopulation(column([1, 2]), 'population', false)).not.toBe(entry);
    expect(sortedPopulation(column([1, '2', 3]), 'population', false)).not.toBe(entry);
    expect(sortedPopulation(column([1, 2, 3]), 'population', false)).toBe(entry);
  });

  it('rounded and unrounded reads of the same cells never share an entry', () => {
    const cells = column([0.1 + 0.2, 1]);
    expect(Array.from(sortedPopulation(cells, 'recency', false).sorted)).toEqual([0.1 + 0.2, 1]);
    expect(Array.from(sortedPopulation(cells, 'monetary', true).sorted)).toEqual([0.3, 1]);
    expect(Array.from(sortedPopulation(column([0.1 + 0.2, 1]), 'recency', false).sorted)).toEqual([0.1 + 0.2, 1]);
  });

  it('keeps at most 16 populations, dropping the least recently used', () => {
    const first = sortedPopulation(column([0, 1]), 'population', false);
    for (let index = 1; index <= 16; index++) sortedPopulation(column([index, index + 1]), 'population', false);
    expect(sortedPopulation(column([0, 1]), 'population', false)).not.toBe(first);
  });

  it('rounds money to 6 decimals when asked, and refuses text or an empty column', () => {
    expect(Array.from(sortedPopulation(column([0.1 + 0.2]), 'monetary', true).sorted)).toEqual([0.3]);
    expect(() => sortedPopulation(column([1, 'abc']), 'monetary', true)).toThrow(
      "monetary: row 2 is 'abc', not a number.",
    );
    expect(() => sortedPopulation(column([null, '']), 'monetary', true)).toThrow(
      'monetary has no numbers to score against.',
    );
  });
});
