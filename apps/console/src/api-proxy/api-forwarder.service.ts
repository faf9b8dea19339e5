import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '@plenary/http';
import type { Request, Response } from 'express';
import { ConsoleConfig } from '../console.config.js';
import {
  API_SERVICES,
  apiBaseUrl,
  FORWARDED_REQUEST_HEADERS,
  FORWARDED_RESPONSE_HEADERS,
  type ApiService,
} from './api-targets.js';

const UPSTREAM_TIMEOUT_MS = 30_000;

/** Forwards one request to a service and its answer back, headers filtered both ways. */
@Injectable()
export class ApiForwarder {
  constructor(private readonly config: ConsoleConfig) {}

  async forward(service: string, request: Request, response: Response, accessToken: string): Promise<void> {
    if (!(API_SERVICES as readonly string[]).includes(service)) {
      throw new AppException(HttpStatus.NOT_FOUND, 'NO_SUCH_SERVICE', `There is no "${service}" API.`);
    }
    const prefix = `/api/${service}`;
    const base = apiBaseUrl(this.config, service as ApiService);
    const target = new URL(request.originalUrl.slice(prefix.length), base);

    const headers = new Headers({ authorization: `Bearer ${accessToken}` });
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.header(name);
      if (value) headers.set(name, value);
    }
    const body = Buffer.isBuffer(request.body) && request.body.length > 0 ? request.body : undefined;
    let upstream: globalThis.Response;
    try {
      upstream = await fetch(target, {
        method: request.method,
        headers,
        ...(body ? { body: new Uint8Array(body) } : {}),
        redirect: 'manual',
        signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
      });
    } catch {
      throw new AppException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'SERVICE_UNAVAILABLE',
        `The ${service} service does not answer just now; try again in a moment.`,
      );
    }
    response.status(upstream.status);
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (!value) continue;
      // A Location of the service is given back as the console's own address of it.
      response.setHeader(name, name === 'location' && value.startsWith('/') ? `${prefix}${value}` : value);
    }
    response.end(Buffer.from(await upstream.arrayBuffer()));
  }
}
