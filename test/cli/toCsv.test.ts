import { toCsv } from '../../src/cli/toCsv';

describe('toCsv(rows, options)', () => {
  test('text starting with = + - @ tab or CR gets a leading quote (OWASP CSV injection); numbers never do', () => {
    expect(toCsv([['=1+1', '+1', '-1', '@A1', '\tx', '\rx', 'a=b', -5, 0]])).toBe(
      `'=1+1,'+1,'-1,'@A1,'\tx,"'\rx",a=b,-5,0\n`,
    );
  });
  test('escapeFormulas: false writes the text as it is', () => {
    expect(toCsv([['=1+1', '@A1']], { escapeFormulas: false })).toBe('=1+1,@A1\n');
  });
  test('fields with a comma, quote or line break are quoted, quotes doubled', () => {
    expect(
      toCsv([
        ['a', 'b,c'],
        [1, 'say "hi"'],
      ]),
    ).toBe('a,"b,c"\n1,"say ""hi"""\n');
  });
});
