import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { clientFiles } from './client-files.js';

const SCRIPT = `console.log(${JSON.stringify('a script of the console '.repeat(200))});`;

/** A raw GET (node:http does not decompress), with the headers given. */
function fetchRaw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    }).on('error', reject);
  });
}

describe('clientFiles', () => {
  let dir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-client-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Plenary</title>');
    writeFileSync(join(dir, 'assets/index-abc.js'), SCRIPT);
    writeFileSync(join(dir, 'assets/index-abc.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(dir, 'assets/plain-abc.js'), SCRIPT);
    const app = express();
    app.use(...clientFiles(dir));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a built script gzipped to a browser that accepts gzip, cached for a year', async () => {
    const response = await fetchRaw(`${base}/assets/index-abc.js`, {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers['content-type']).toMatch(/^text\/javascript/);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.headers['cache-control']).toMatch(/immutable/);
    expect(response.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(gunzipSync(response.body).toString()).toBe(SCRIPT);
  });

  it('sends the script as built to a client that does not accept gzip', async () => {
    const response = await fetchRaw(`${base}/assets/index-abc.js`, { 'accept-encoding': 'identity' });
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(response.body.toString()).toBe(SCRIPT);
  });

  it('sends a script without a gzipped copy as built', async () => {
    const response = await fetchRaw(`${base}/assets/plain-abc.js`, { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.body.toString()).toBe(SCRIPT);
  });

  it('answers a page path with index.html, never cached', async () => {
    const response = await fetchRaw(`${base}/meetings/42`, { 'accept-encoding': 'gzip' });
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body.toString()).toContain('<title>Plenary</title>');
  });
});
