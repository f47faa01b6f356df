// `npm start`: on Windows and macOS, build and sideload into Excel desktop with office-addin-debugging.
// Elsewhere (Linux, no Excel desktop) it says so instead of pretending — office-addin-debugging would print
// "platform not supported" and still exit 0 — then serves the add-in and the offline demo, and prints how
// to use the add-in in Excel on the web.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDirectory } from './serve.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT || 3000);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PID_FILE = path.join(root, 'dist', '.server.pid');

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

async function sideloadIntoDesktopExcel() {
  const debuggingCli = path.join(root, 'node_modules', 'office-addin-debugging', 'cli.js');
  if (!existsSync(debuggingCli)) {
    console.error('office-addin-debugging is not installed (it is an optional dependency): run `npm install` again.');
    process.exit(1);
  }
  run(npm, ['run', 'build:dev']);
  run(process.execPath, [debuggingCli, 'start', path.join('dist', 'manifest.dev.xml'), 'desktop', '--app', 'excel']);
}

async function httpsOptions() {
  // office-addin-dev-certs makes and trusts a localhost certificate; without it Excel refuses the add-in.
  try {
    const devCerts = await import('office-addin-dev-certs');
    const getOptions = devCerts.getHttpsServerOptions ?? devCerts.default?.getHttpsServerOptions;
    return await Promise.race([
      getOptions(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 30000)),
    ]);
  } catch (error) {
    // Installing the CA needs sudo on Linux; the certificate itself is usually generated all the same.
    const dir = path.join(homedir(), '.office-addin-dev-certs');
    const [cert, key] = ['localhost.crt', 'localhost.key'].map((name) => path.join(dir, name));
    const reason = error instanceof Error ? error.message : String(error);
    if (existsSync(cert) && existsSync(key)) {
      return {
        cert: readFileSync(cert),
        key: readFileSync(key),
        untrusted: `${reason} (trust ${path.join(dir, 'ca.crt')} yourself)`,
      };
    }
    return { error: reason };
  }
}

function openInBrowser(url) {
  if (process.env.CI || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) return false;
  const opener = spawnSync('which', ['xdg-open']).status === 0 ? 'xdg-open' : null;
  if (!opener) return false;
  spawn(opener, [url], { detached: true, stdio: 'ignore' }).unref();
  return true;
}

async function serveForTheWeb() {
  console.log(`Excel desktop sideloading is not available on ${process.platform}: no desktop Excel runs here.`);
  console.log('Building the add-in and serving it instead, with the offline demo.\n');
  if (process.env.START_SKIP_BUILD && existsSync(path.join(root, 'dist', 'demo.html'))) {
    console.log('START_SKIP_BUILD is set: serving the existing dist/ without building.');
  } else {
    run(npm, ['run', 'build']);
  }
  const tls = await httpsOptions();
  const secure = !('error' in tls);
  const server = await serveDirectory(path.join(root, 'dist'), { port, tls: secure ? tls : undefined });
  writeFileSync(PID_FILE, String(process.pid));
  const base = `${secure ? 'https' : 'http'}://localhost:${server.address().port}/`;
  const demoUrl = `${base}demo.html`;
  const opened = openInBrowser(demoUrl);

  console.log('\nDone:');
  console.log(`  - served dist/ at ${base}${secure ? '' : ' (plain http: no certificate)'}`);
  console.log(`  - demo (the real task pane against an in-memory workbook): ${demoUrl}${opened ? ' (opened)' : ''}`);
  console.log('Not done:');
  console.log('  - no Excel was started or sideloaded (none runs on this platform).');
  if (secure && tls.untrusted) {
    console.log(`  - the localhost certificate is not trusted by this system: ${tls.untrusted}.`);
  }
  if (!secure) {
    console.log(`  - no https certificate: ${tls.error}. Excel only loads add-ins over https;`);
    console.log('    run `npx office-addin-dev-certs install` and start again to use Excel on the web.');
  }
  if (!opened) console.log('  - no browser opened (no desktop session): open the demo URL yourself.');
  console.log('\nTo use the add-in in Excel on the web:');
  console.log('  1. Open a workbook at office.com, then Home > Add-ins > More Add-ins > Upload My Add-in');
  console.log('     (on some tenants: Home > Add-ins > Advanced > Upload My Add-in).');
  console.log(`  2. Upload ${path.join(root, 'dist', 'manifest.dev.xml')} (namespace CRMDEV, localhost URLs).`);
  console.log('  3. Click "Segment Customers" on the Home tab, or type =CRMDEV. in a cell.');
  console.log('\nPress Ctrl+C or run `npm stop` to stop the server.');

  const shutdown = () => {
    server.close();
    try {
      unlinkSync(PID_FILE);
    } catch {
      // already gone
    }
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.platform === 'win32' || process.platform === 'darwin') {
  await sideloadIntoDesktopExcel();
} else {
  await serveForTheWeb();
}
