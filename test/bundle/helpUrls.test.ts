/*
 * Excel's "Help on this function" opens each function's helpUrl: every one must lead to a page the build
 * emits and to a heading that exists on it, in English and in Chinese.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST_DIR } from './loadFunctionsBundle';

interface HelpEntry {
  id: string;
  helpUrl?: string;
}

const entriesOf = (file: string): HelpEntry[] =>
  (JSON.parse(readFileSync(path.join(DIST_DIR, file), 'utf8')) as { functions: HelpEntry[] }).functions;

/** The ids of the headings of an emitted HTML page (quoted or, after minifying, bare attribute values). */
function headingIds(page: string): Set<string> {
  const html = readFileSync(path.join(DIST_DIR, page), 'utf8');
  const ids = new Set<string>();
  for (const match of html.matchAll(/<h[1-6][^>]*\sid=(?:"([^"]*)"|([^\s>]+))/g)) ids.add(match[1] ?? match[2] ?? '');
  return ids;
}

describe.each([
  ['functions.json', 'docs/functions.html'],
  ['functions.zh-CN.json', 'docs/functions.zh-CN.html'],
])('%s help links', (metadataFile, page) => {
  const entries = entriesOf(metadataFile);

  it(`every function links to a heading of ${page}, which the build emits`, () => {
    expect(existsSync(path.join(DIST_DIR, page))).toBe(true);
    const ids = headingIds(page);
    const broken = entries.filter((entry) => {
      const url = new URL(entry.helpUrl ?? 'missing:');
      return !url.pathname.endsWith(`/${page}`) || !ids.has(decodeURIComponent(url.hash.slice(1)));
    });
    expect(broken.map((entry) => `${entry.id} → ${entry.helpUrl ?? 'no helpUrl'}`)).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(16);
  });
});
