import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Topics } from '@plenary/contracts';
import { Kafka, logLevel } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startConsole } from '../support/console.js';
import { type ServiceProcess, stopAllApps, testNamespace } from '../support/services.js';

interface Seen {
  service: string;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/**
 * The console's public path (/api/public/…) over real HTTP, in front of stand-in services that
 * record what reaches them: GET only, the allow-listed public routes only, and nothing of the
 * reader's (cookie, token) passed on; the signed-in proxy stays closed without a session.
 */
describe('console public path', () => {
  const seen: Seen[] = [];
  const servers: Server[] = [];
  let consoleApp: ServiceProcess;
  let redirectNext = false;
  const id = randomUUID();

  async function standIn(service: string): Promise<string> {
    const server = createServer((req, res) => {
      seen.push({ service, method: req.method!, url: req.url!, headers: req.headers });
      if (redirectNext) {
        redirectNext = false;
        res.writeHead(302, { location: 'http://elsewhere.invalid/' }).end();
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="meeting.ics"',
        'set-cookie': 'upstream=1',
        'x-internal': 'secret',
      });
      res.end(`BEGIN:VCALENDAR\r\nX-FROM:${service}\r\nEND:VCALENDAR\r\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  beforeAll(async () => {
    const [events, participants, reports] = await Promise.all(
      ['events', 'participants', 'reports'].map(standIn),
    );
    const namespace = testNamespace('public');
    // The console follows the participants topic for live pages; with stand-in services no one made it.
    const admin = new Kafka({
      brokers: process.env.KAFKA_BROKERS!.split(','),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: `${namespace}.${Topics.participants}` }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    consoleApp = await startConsole({ namespace }, { events, participants, reports });
  });

  afterAll(async () => {
    await stopAllApps();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  const reader = { cookie: 'plenary_session=stolen; other=1', authorization: 'Bearer a-token-of-mine' };

  it('forwards an allow-listed GET anonymously: no cookie, no token, only the headers a page needs', async () => {
    seen.length = 0;
    const response = await fetch(`${consoleApp.url}/api/public/events/events/${id}.ics`, {
      headers: { ...reader, accept: 'text/calendar', 'accept-language': 'ar', 'x-forwarded-for': '1.2.3.4' },
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('X-FROM:events');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="meeting.ics"');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-internal')).toBeNull();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ service: 'events', method: 'GET', url: `/events/${id}.ics` });
    expect(seen[0].headers.cookie).toBeUndefined();
    expect(seen[0].headers.authorization).toBeUndefined();
    expect(seen[0].headers['x-forwarded-for']).toBeUndefined();
    expect(seen[0].headers['accept-language']).toBe('ar');

    const dossier = await fetch(`${consoleApp.url}/api/public/reports/events/${id}/dossier`);
    expect(dossier.status).toBe(200);
    const page = await fetch(`${consoleApp.url}/api/public/reports/reports/${id}.html?version=2`);
    expect(page.status).toBe(200);
    expect(seen.slice(1).map((s) => [s.service, s.url])).toEqual([
      ['reports', `/events/${id}/dossier`],
      ['reports', `/reports/${id}.html?version=2`],
    ]);
  });

  it.each([
    `/api/public/events/events/${id}`,
    `/api/public/events/events/${id}/history`,
    `/api/public/events/events/${id}/as-of?at=2027-01-01T00:00:00Z`,
    `/api/public/participants/events/${id}/participants`,
    `/api/public/reports/reports/${id}/versions/1/preview.html`,
    `/api/public/reports/events/${id}/attendance`,
    `/api/public/events/events/${id}.ics?x=1`,
    `/api/public/events/events/..%2F..%2Fparticipants/${id}.ics`,
    `/api/public/nothing/events/${id}.ics`,
  ])('refuses %s, which is not a public route, without asking any service', async (path) => {
    seen.length = 0;
    const response = await fetch(`${consoleApp.url}${path}`, { headers: reader });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('NOT_PUBLIC');
    expect(seen).toEqual([]);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses %s, even to a public route', async (method) => {
    seen.length = 0;
    const response = await fetch(`${consoleApp.url}/api/public/events/events/${id}.ics`, {
      method,
      headers: { ...reader, 'x-plenary-console': '1', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(seen).toEqual([]);
  });

  it("follows no service's redirect", async () => {
    redirectNext = true;
    const response = await fetch(`${consoleApp.url}/api/public/events/events/${id}.ics`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
  });

  it('leaves the signed-in proxy closed without a session', async () => {
    seen.length = 0;
    const response = await fetch(`${consoleApp.url}/api/events/events/${id}.ics`, { headers: reader });
    expect(response.status).toBe(401);
    expect(seen).toEqual([]);
  });
});
