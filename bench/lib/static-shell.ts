import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { freePort } from '../../scripts/lib/local-stack.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/**
 * The console's static shell, the baseline of the console scenario: the built client (index.html
 * and its assets) from a bare Node server with nothing behind it, so that the page costs only its
 * own scripts and paint (its API calls answer 404 at once: the page shows the sign-in screen).
 * Files go out as they are built, uncompressed, unless a `.gz` sits beside them.
 */
export async function serveStaticShell(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://shell').pathname;
    const asset = path.startsWith('/assets/') ? normalize(join(dir, path)) : undefined;
    const file = asset?.startsWith(dir) && existsSync(asset) ? asset : undefined;
    if (!file && /^\/(api|auth|live)\//.test(path)) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
      return;
    }
    const sent = file ?? join(dir, 'index.html');
    const gzip = `${sent}.gz`;
    const compressed = /\bgzip\b/.test(String(request.headers['accept-encoding'])) && existsSync(gzip);
    response.writeHead(200, {
      'content-type': TYPES[extname(sent)] ?? 'application/octet-stream',
      'content-length': statSync(compressed ? gzip : sent).size,
      ...(compressed ? { 'content-encoding': 'gzip' } : {}),
    });
    createReadStream(compressed ? gzip : sent).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
