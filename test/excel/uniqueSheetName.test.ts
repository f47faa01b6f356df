import { uniqueSheetName } from '../../src/excel';
import { sheetNameProblem } from '../../src/standin';

describe('uniqueSheetName', () => {
  test('uniqueSheetName(base, []) is the base', () => {
    expect(uniqueSheetName('Customer Segments', [])).toBe('Customer Segments');
  });
  test('uniqueSheetName counts up past taken names ignoring case', () => {
    expect(uniqueSheetName('Customer Segments', ['CUSTOMER SEGMENTS', 'Customer Segments (2)'])).toBe(
      'Customer Segments (3)',
    );
  });
  test('uniqueSheetName keeps names within 31 characters and free of forbidden characters', () => {
    const base = 'Kundensegmente/Übersicht: sehr lange Bezeichnung';
    const first = uniqueSheetName(base, []);
    const second = uniqueSheetName(base, [first]);
    expect(sheetNameProblem(first, [])).toBeNull();
    expect(sheetNameProblem(second, [first])).toBeNull();
    expect(second.endsWith(' (2)')).toBe(true);
  });
});
