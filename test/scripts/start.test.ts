/**
 * `npm start` where no Excel desktop runs: it must say so, serve the built add-in and the demo, and print
 * the manifest path and upload steps — not pretend to have sideloaded anything. Runs against dist/.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return fetch(url).then(async (response) => ({ status: response.status, body: await response.text() }));
}

test('npm start on Linux serves the add-in and the demo and says what it did not do', async () => {
  expect(existsSync(path.join(root, 'dist', 'demo.html'))).toBe(true);
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    // Plain http keeps the test free of certificates; the build is the one CI already made.
    env: { ...process.env, PORT: '0', START_SKIP_BUILD: '1', HOME: path.join(root, 'dist', 'no-home') },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 60_000;
    while (!/Press Ctrl\+C/.test(output) && Date.now() < deadline && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).toMatch(/sideloading is not available on linux/);
    expect(output).toMatch(/no Excel was started or sideloaded/);
    expect(output).toMatch(/Upload My Add-in/);
    expect(output).toContain(path.join(root, 'dist', 'manifest.dev.xml'));
    const demoUrl = /demo \(.*?\): (\S+)/.exec(output)?.[1];
    expect(demoUrl).toMatch(/^https?:\/\/localhost:\d+\/demo\.html$/);
    const base = (demoUrl as string).replace('demo.html', '');
    const demo = await fetchText(base.replace('https:', 'http:') + 'demo.html').catch(() => null);
    if (demoUrl?.startsWith('http:')) {
      expect(demo?.status).toBe(200);
      expect((await fetchText(`${base}manifest.dev.xml`)).body).toContain('CRMDEV');
      expect((await fetchText(`${base}taskpane.html`)).status).toBe(200);
      expect((await fetchText(`${base}../package.json`)).status).not.toBe(200);
    }
  } finally {
    child.kill('SIGTERM');
  }
}, 90_000);
