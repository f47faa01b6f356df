import { AnalyticsError } from '../core';

/** The encodings `--encoding` accepts (WHATWG names, decoded by Node's TextDecoder with full ICU). */
export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Other spellings users type for the same encodings. */
const ALIASES: Record<string, Encoding> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  utf16: 'utf-16le',
  'utf-16': 'utf-16le',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

/**
 * The `--encoding` value as one of {@link ENCODINGS} (GBK and GB2312 are decoded as their superset GB18030,
 * Latin-1 as Windows-1252, as browsers do).
 *
 * @throws AnalyticsError BAD_ARGUMENT listing the encodings.
 * @example
 * encodingOption('GBK') // => 'gb18030'
 */
export function encodingOption(text: string): Encoding {
  const encoding = ALIASES[text.trim().toLowerCase()];
  if (encoding === undefined) {
    throw new AnalyticsError(
      'BAD_ARGUMENT',
      `--encoding must be one of ${ENCODINGS.join(', ')} (or gbk), got ${text}.`,
      {
        argument: 'encoding',
      },
    );
  }
  return encoding;
}

/**
 * The encoding a file's first bytes announce: a byte order mark (UTF-8, UTF-16 LE/BE), or UTF-16 without one
 * when every other byte of the start is zero (ASCII text in UTF-16); null when they say nothing (then the
 * file is read as UTF-8 and {@link guessLegacyEncoding} decides if that fails).
 *
 * @example
 * encodingFromStart(Buffer.from([0xff, 0xfe, 0x61, 0x00])) // => 'utf-16le'
 */
export function encodingFromStart(start: Uint8Array): Encoding | null {
  if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return 'utf-8';
  if (start[0] === 0xff && start[1] === 0xfe) return 'utf-16le';
  if (start[0] === 0xfe && start[1] === 0xff) return 'utf-16be';
  const pairs = Math.min(256, Math.floor(start.length / 2));
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let pair = 0; pair < pairs; pair++) {
    if (start[2 * pair] === 0) evenZeros += 1;
    if (start[2 * pair + 1] === 0) oddZeros += 1;
  }
  if (oddZeros >= 0.9 * pairs && evenZeros === 0) return 'utf-16le';
  if (evenZeros >= 0.9 * pairs && oddZeros === 0) return 'utf-16be';
  return null;
}

/** Running counts of how a file's bytes ≥ 0x80 fall, to tell GBK text from Windows-1252 text. */
export interface LegacyByteCounts {
  /** Bytes ≥ 0x80. */
  high: number;
  /** Of those, bytes in a GB2312 double-byte character (lead 0xA1–0xF7, trail 0xA1–0xFE). */
  inChinesePairs: number;
  /** Bytes ≥ 0x80 standing alone between ASCII bytes, as accented letters do in Windows-1252 text. */
  alone: number;
}

/**
 * Adds a chunk of bytes to {@link LegacyByteCounts} (chunks are independent: a pair split across two chunks
 * is missed, which does not change the verdict on a real file).
 */
export function countLegacyBytes(bytes: Uint8Array, counts: LegacyByteCounts): void {
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index] as number;
    if (byte < 0x80) continue;
    counts.high += 1;
    const next = bytes[index + 1] ?? 0;
    if (byte >= 0xa1 && byte <= 0xf7 && next >= 0xa1 && next <= 0xfe) {
      counts.high += 1;
      counts.inChinesePairs += 2;
      index += 1;
      continue;
    }
    const previous = index > 0 ? (bytes[index - 1] as number) : 0;
    if (previous < 0x80 && next < 0x80) counts.alone += 1;
  }
}

/**
 * The legacy encoding of a file that is not UTF-8, from {@link LegacyByteCounts}: GB18030 when nearly all
 * high bytes form GB2312 characters (what Excel on Chinese Windows writes as "CSV"), Windows-1252 when they
 * stand alone between ASCII letters (Western European Excel); null when neither fits.
 *
 * @example
 * guessLegacyEncoding({ high: 8, inChinesePairs: 8, alone: 0 }) // => 'gb18030'
 */
export function guessLegacyEncoding(counts: LegacyByteCounts): Encoding | null {
  if (counts.high === 0) return 'utf-8';
  if (counts.inChinesePairs >= 0.9 * counts.high) return 'gb18030';
  if (counts.alone >= 0.9 * (counts.high - counts.inChinesePairs)) return 'windows-1252';
  return null;
}

/** The message for a file no candidate encoding reads cleanly. */
export function undecodableMessage(file: string, tried: string): string {
  return (
    `${file} is not valid ${tried} text, and its bytes look neither like GB18030/GBK nor like Windows-1252. ` +
    `Save it as UTF-8, or name its encoding with --encoding ${ENCODINGS.join(' | ')}.`
  );
}
