// `npm stop`: ends what `npm start` began — the Excel desktop debugging session on Windows and macOS,
// the local server elsewhere.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pidFile = path.join(root, 'dist', '.server.pid');

if (process.platform === 'win32' || process.platform === 'darwin') {
  const cli = path.join(root, 'node_modules', 'office-addin-debugging', 'cli.js');
  const result = spawnSync(process.execPath, [cli, 'stop', path.join('dist', 'manifest.dev.xml')], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
} else if (existsSync(pidFile)) {
  const pid = Number(readFileSync(pidFile, 'utf8'));
  try {
    process.kill(pid, 'SIGTERM');
    console.log(`Stopped the add-in server (process ${pid}).`);
  } catch {
    console.log(`The add-in server (process ${pid}) was not running.`);
  }
  unlinkSync(pidFile);
} else {
  console.log('No add-in server is running (nothing to stop).');
}
