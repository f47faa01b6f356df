// Runs the browser tests (jest project "browser") in a locally installed Chromium or Chrome: Playwright's own
// browser download is not used. Where no browser is found, a developer's `npm test` says so and skips these
// tests instead of failing with a stack trace; CI (CI=true) must have one and fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium', // Debian, Ubuntu: apt-get install chromium
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

const browser = CANDIDATES.find((candidate) => candidate !== undefined && candidate !== '' && existsSync(candidate));
if (browser === undefined) {
  const message = [
    'Browser tests need Chromium or Chrome and none was found.',
    '  Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk',
    '  macOS: install Google Chrome;  Windows: install Google Chrome',
    '  or set CHROMIUM_PATH to the browser executable.',
  ].join('\n');
  if (process.env.CI === 'true') {
    console.error(`${message}\nCI must run them: failing.`);
    process.exit(1);
  }
  console.warn(`${message}\nSkipped the browser tests; everything before them passed.`);
  process.exit(0);
}

console.log(`Browser tests in ${browser}`);
const jest = spawnSync('npx', ['jest', '--selectProjects', 'browser', '--runInBand', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: browser },
  shell: process.platform === 'win32',
});
process.exit(jest.status ?? 1);
