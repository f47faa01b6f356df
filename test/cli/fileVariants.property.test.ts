import fc from 'fast-check';
import { runCli, scratchFolder } from './cliHarness';

const files = scratchFolder('crm-variants-');

// GBK codes of the Chinese characters used below (GB2312 table); the encodings test checks them against
// Node's decoder. TextEncoder only writes UTF-8, so GBK is written from this table.
const GBK: Record<string, number> = {
  张: 0xd5c5,
  三: 0xc8fd,
  李: 0xc0ee,
  四: 0xcbc4,
  王: 0xcdf5,
  五: 0xcee5,
  赵: 0xd5d4,
  六: 0xc1f9,
};
const NAMES = ['张三', '李四', '王五', '赵六', 'A1', 'b-2', '17850'];

function encode(text: string, encoding: string): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8 with BOM':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'utf-16le with BOM':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'utf-16be with BOM':
      return Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    default: {
      const bytes: number[] = [];
      for (const character of text) {
        const code = GBK[character];
        if (code === undefined) bytes.push(character.charCodeAt(0));
        else bytes.push(code >> 8, code & 0xff);
      }
      return Buffer.from(bytes);
    }
  }
}

/** An amount in cents written with a decimal point (1,234.50) or a decimal comma (1.234,50). */
function writeAmount(cents: number, mark: '.' | ',', grouped: boolean): string {
  const sign = cents < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(cents) / 100);
  const fraction = String(Math.abs(cents) % 100).padStart(2, '0');
  const thousands = mark === '.' ? ',' : '.';
  const wholeText = grouped ? whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : String(whole);
  return `${sign}${wholeText}${mark}${fraction}`;
}

const transaction = fc.record({
  name: fc.constantFrom(...NAMES),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
  cents: fc.integer({ min: -20_000, max: 2_000_000 }),
  grouped: fc.boolean(),
});

interface Row {
  name: string;
  day: number;
  month: number;
  cents: number;
  grouped: boolean;
}

function csvOf(rows: Row[], european: boolean): string {
  const delimiter = european ? ';' : ',';
  const lines = [['customer', 'date', 'amount'].join(delimiter)];
  for (const row of rows) {
    const amount = writeAmount(row.cents, european ? ',' : '.', row.grouped);
    const date = `2024-${String(row.month).padStart(2, '0')}-${String(row.day).padStart(2, '0')}`;
    lines.push([row.name, date, !european && amount.includes(',') ? `"${amount}"` : amount].join(delimiter));
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('the same transactions however the file is written', () => {
  test('re-encoding the file, switching to the European convention (; and decimal comma) and shuffling rows never change a customer figure', async () => {
    let case_ = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(transaction, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('utf-8', 'utf-8 with BOM', 'utf-16le with BOM', 'utf-16be with BOM', 'gbk'),
        fc.boolean(),
        fc.func(fc.integer()),
        async (rows, encoding, european, shuffleKey) => {
          case_ += 1;
          const baseline = await runCli(['segment', files.write(`base${case_}.csv`, csvOf(rows, false))]);
          const shuffled = rows
            .map((row, index) => ({ row, key: shuffleKey(index) }))
            .sort((left, right) => left.key - right.key)
            .map((entry) => entry.row);
          const variant = await runCli([
            'segment',
            files.write(`variant${case_}.csv`, encode(csvOf(shuffled, european), encoding)),
          ]);
          expect(variant.code).toBe(baseline.code);
          expect(variant.stdout).toBe(baseline.stdout);
        },
      ),
      { numRuns: 80 },
    );
  });
});
