// A small static file server for dist/: used by `npm start` where no Excel desktop runs, by the browser
// tests and by the benchmark. It serves only files below the folder and never lists directories.
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

/**
 * Serves `directory` on `port` (0 = any free port) over https when `tls` is given, else http.
 * @returns the listening server; `server.address().port` tells the port.
 */
export function serveDirectory(directory, { port = 0, tls, host = '127.0.0.1' } = {}) {
  const rootDir = path.resolve(directory);
  const handler = (request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = path.resolve(rootDir, `.${urlPath === '/' ? '/demo.html' : urlPath}`);
    if (!file.startsWith(rootDir + path.sep)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    let stats;
    try {
      stats = statSync(file);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${urlPath}`);
      return;
    }
    if (!stats.isFile()) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end(`not found: ${urlPath}`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': stats.size,
      'Access-Control-Allow-Origin': '*',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(response);
  };
  const server = tls ? createHttpsServer(tls, handler) : createHttpServer(handler);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
