import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the server answers itself; every other GET is a page of the client. */
const SERVER_PATHS = /^\/(api|auth|live|health)(\/|$)/;
/** A built script or style sheet, which the build also wrote gzipped beside it (x.js.gz). */
const COMPRESSIBLE_ASSET = /^\/assets\/[\w.-]+\.(js|css)$/;
const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const A_YEAR = '365d';

/**
 * Serves the built web client: its hashed assets for a year (scripts and style sheets gzipped
 * when the browser accepts it), and index.html (never cached, so a new release is picked up)
 * for every page path, which the client's router then shows.
 */
export function clientFiles(dir: string) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`The console's web client is not built (no ${index}); run npm run build.`);
  }
  const assets = express.static(dir, { index: false, immutable: true, maxAge: A_YEAR });
  return [
    gzippedAssets(dir),
    assets,
    (request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'GET' || SERVER_PATHS.test(request.path)) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    },
  ];
}

/** The gzipped copy of a built script or style sheet, to a browser that accepts gzip. */
function gzippedAssets(dir: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    const asset = COMPRESSIBLE_ASSET.exec(request.path);
    if (!asset || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    // Caches keep the two forms apart.
    response.vary('Accept-Encoding');
    const gzipped = join(dir, `${request.path}.gz`);
    if (!request.acceptsEncodings('gzip') || !existsSync(gzipped)) return next();
    response.sendFile(
      gzipped,
      {
        immutable: true,
        maxAge: A_YEAR,
        headers: { 'Content-Encoding': 'gzip', 'Content-Type': TYPES[asset[1] as keyof typeof TYPES] },
      },
      (error) => error && next(error),
    );
  };
}
