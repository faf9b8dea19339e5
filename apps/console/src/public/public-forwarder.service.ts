import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '@plenary/http';
import type { Request, Response } from 'express';
import { apiBaseUrl } from '../api-proxy/api-targets.js';
import { ConsoleConfig } from '../console.config.js';
import { publicRoute } from './public-routes.js';

const UPSTREAM_TIMEOUT_MS = 30_000;

/** What a public request may pass on: no cookie, no Authorization, nothing that changes anything. */
export const PUBLIC_REQUEST_HEADERS = ['accept', 'accept-language', 'if-none-match', 'x-correlation-id'];
export const PUBLIC_RESPONSE_HEADERS = [
  'content-type',
  'content-disposition',
  'etag',
  'cache-control',
  'x-correlation-id',
];

/**
 * Forwards a signed-out reader's GET to one of the services' public routes (PUBLIC_ROUTES) as
 * an anonymous request: whoever is signed in or not, no token and no cookie go with it.
 */
@Injectable()
export class PublicForwarder {
  constructor(private readonly config: ConsoleConfig) {}

  async forward(service: string, pathAndQuery: string, request: Request, response: Response): Promise<void> {
    if (request.method !== 'GET') {
      response.setHeader('Allow', 'GET');
      throw new AppException(
        HttpStatus.METHOD_NOT_ALLOWED,
        'METHOD_NOT_ALLOWED',
        'Public pages are read only: use GET.',
      );
    }
    const found = publicRoute(service, pathAndQuery);
    if (!found) {
      throw new AppException(HttpStatus.NOT_FOUND, 'NOT_PUBLIC', 'There is no public page at this address.');
    }
    const target = new URL(found.target, apiBaseUrl(this.config, found.route.service));
    const headers = new Headers();
    for (const name of PUBLIC_REQUEST_HEADERS) {
      const value = request.header(name);
      if (value) headers.set(name, value);
    }
    let upstream: globalThis.Response;
    try {
      upstream = await fetch(target, {
        method: 'GET',
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
    } catch {
      throw new AppException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'SERVICE_UNAVAILABLE',
        `The ${found.route.service} service does not answer just now; try again in a moment.`,
      );
    }
    // A redirect would lead the reader somewhere the allow-list did not name.
    response.status(
      upstream.status >= 300 && upstream.status < 400 && upstream.status !== 304 ? 502 : upstream.status,
    );
    for (const name of PUBLIC_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) response.setHeader(name, value);
    }
    response.end(Buffer.from(await upstream.arrayBuffer()));
  }
}
