import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the server answers itself; every other GET is a page of the client. */
const SERVER_PATHS = /^\/(api|auth|live|health)(\/|$)/;

/**
 * Serves the built web client: its hashed assets for a year, and index.html (never cached, so a
 * new release is picked up) for every page path, which the client's router then shows.
 */
export function clientFiles(dir: string) {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`The console's web client is not built (no ${index}); run npm run build.`);
  }
  const assets = express.static(dir, { index: false, immutable: true, maxAge: '365d' });
  return [
    assets,
    (request: Request, response: Response, next: NextFunction) => {
      if (request.method !== 'GET' || SERVER_PATHS.test(request.path)) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
    },
  ];
}
