import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { CreateEventDto, EventPageView } from '@plenary/contracts';
import { request } from '../support/http.js';
import { type ServiceProcess, startApp, stopAllApps, testNamespace } from '../support/services.js';
import { secretariat, tokenFor } from '../support/tokens.js';

/**
 * The protections every service has in front of its API: a limit on changes per token, security
 * headers, CORS for the configured origins only, and bounded bodies, fields, arrays and pages.
 */
describe('HTTP protection', () => {
  const ALLOWED_ORIGIN = 'https://secretariat.example.org';
  let events: ServiceProcess;
  let admin: string;

  const meeting = (overrides: Record<string, unknown> = {}) =>
    ({
      title: 'Expert consultation on statelessness',
      kind: 'expert-consultation',
      startsAt: '2031-03-10T08:00:00Z',
      endsAt: '2031-03-10T16:00:00Z',
      timeZone: 'Europe/Zurich',
      parties: [{ code: 'CHE', standings: ['host'] }],
      ...overrides,
    }) as CreateEventDto;

  beforeAll(async () => {
    events = await startApp('events', {
      namespace: testNamespace('protection'),
      extra: { HTTP_WRITE_RATE_LIMIT: '5', CORS_ORIGINS: ALLOWED_ORIGIN },
    });
    admin = await secretariat();
  });
  afterAll(stopAllApps);

  it('limits the changes one token makes in a minute, not its reads, nor other tokens', async () => {
    const writer = await tokenFor({ subject: 'busy-secretariat', role: 'secretariat' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await request('POST', `${events.url}/events`, { token: writer, body: meeting() })).status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);

    const refused = await request<{ code: string; message: string }>('POST', `${events.url}/events`, {
      token: writer,
      body: meeting(),
    });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_WRITES');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Refused changes are not made: exactly the five accepted meetings exist.
    const list = await request<EventPageView>('GET', `${events.url}/events?limit=50`, { token: writer });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(5); // this file's namespace holds only these
    expect((await request('POST', `${events.url}/events`, { token: admin, body: meeting() })).status).toBe(
      201,
    );
  });

  it('sends security headers and no framework banner', async () => {
    for (const path of ['/health', '/events', '/docs']) {
      const response = await fetch(`${events.url}${path}`, { headers: { authorization: `Bearer ${admin}` } });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers CORS for the configured origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${events.url}/events`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    const other = await preflight('https://elsewhere.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${events.url}/events`, {
      headers: { origin: 'https://elsewhere.example', authorization: `Bearer ${admin}` },
    });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('bounds bodies, fields, arrays and pages', async () => {
    const huge = await request('POST', `${events.url}/events`, {
      token: admin,
      body: meeting({ description: 'x'.repeat(200_000) }),
    });
    expect(huge.status).toBe(413);
    const longTitle = await request<{ errors: { field: string }[] }>('POST', `${events.url}/events`, {
      token: admin,
      body: meeting({ title: 'x'.repeat(1_000) }),
    });
    expect(longTitle.status).toBe(400);
    expect(longTitle.body.errors.map((e) => e.field)).toEqual(['title']);
    const parties = Array.from({ length: 301 }, (_, i) => ({
      code: `ORG${i}`,
      name: `Organisation ${i}`,
      standings: ['observer'],
    }));
    const tooMany = await request<{ errors: { field: string }[] }>('POST', `${events.url}/events`, {
      token: admin,
      body: meeting({ parties }),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors.map((e) => e.field)).toContain('parties');
    const page = await request('GET', `${events.url}/events?limit=10000`, { token: admin });
    expect(page.status).toBe(400);
  });
});
