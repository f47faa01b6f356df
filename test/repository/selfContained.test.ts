/*
 * A clone of this repository must work with nothing beside it: no tracked file may point at a folder outside
 * the repository (the team's shared folder next to it, the team's own work area) or at an absolute path of one
 * machine. Lock files are exempt (they hold registry URLs, not paths), and so are binary files. This file is
 * checked too: its samples of forbidden references are assembled at run time, never written out.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_SETS } from '../data/dataFiles';

const ROOT = path.join(__dirname, '../..');
const EXEMPT = /(^|\/)package-lock\.json$/;

/** What a reference to the world outside the repository looks like, with the reason it breaks a clone. */
const OUTSIDE_REFERENCES: readonly { pattern: RegExp; why: string }[] = [
  { pattern: /\.\.\/shared\b/, why: 'a folder beside the repository' },
  { pattern: /\bworkspace\b/i, why: "the team's work area" },
  { pattern: /(^|[\s"'`(=:])\/(work|root|home|Users|mnt)\/[A-Za-z]/, why: 'an absolute path of one machine' },
  { pattern: /\b[A-Z]:\\(Users|work)\\/, why: 'an absolute Windows path' },
];

function trackedFiles(): string[] {
  const listing = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return listing.split('\0').filter((file) => file !== '' && !EXEMPT.test(file));
}

function isBinary(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

/** Every line of the tracked text files that refers outside the repository, as `file:line: text (why)`. */
function outsideReferences(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(ROOT, file));
    } catch {
      continue; // deleted in the work tree but still in the index
    }
    if (isBinary(bytes)) continue;
    bytes
      .toString('utf8')
      .split('\n')
      .forEach((line, index) => {
        for (const { pattern, why } of OUTSIDE_REFERENCES) {
          if (pattern.test(line)) found.push(`${file}:${index + 1}: ${line.trim().slice(0, 120)} (${why})`);
        }
      });
  }
  return found;
}

describe('the repository is self-contained', () => {
  it('no tracked file refers to a folder beside the repository or to a machine path', () => {
    const files = trackedFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(outsideReferences(files)).toEqual([]);
  });

  it('the check catches each kind of outside reference', () => {
    // Assembled from pieces, so that this file holds no such reference itself and needs no exemption.
    const folder = (...parts: string[]): string => parts.join('/');
    const samples = [
      `const DATA = path.join(ROOT, '${folder('..', 'shared', 'data', 'CDNOW_master.txt')}');`,
      `See SOURCES.md in the team ${'work'}${'space'}.`,
      `(\`${folder('', 'work', 'shared', 'data', 'CDNOW_master.txt')}\`)`,
      `cd ${folder('', 'home', 'alice', 'project')}`,
      ['C:', 'Users', 'alice', 'data.csv'].join('\\'),
    ];
    for (const sample of samples) {
      expect(OUTSIDE_REFERENCES.some(({ pattern }) => pattern.test(sample))).toBe(true);
    }
    expect(OUTSIDE_REFERENCES.some(({ pattern }) => pattern.test("import { x } from '../core/shared';"))).toBe(false);
  });

  it('every data set the tests read is tracked in test/data', () => {
    const files = new Set(trackedFiles());
    for (const name of DATA_SETS) {
      expect(files.has(`test/data/${name}`) || files.has(`test/data/${name}.gz`)).toBe(true);
    }
    expect(files.has('test/data/SOURCES.md')).toBe(true);
  });
});
