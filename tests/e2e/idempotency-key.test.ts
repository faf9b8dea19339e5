import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  DelegationDetailsView,
  EventPageView,
  EventView,
  ParticipantPageView,
  ReportDetailsView,
} from '@plenary/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually.js';
import { type JsonResponse, request } from '../support/http.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { coordinator, secretariat, tokenFor } from '../support/tokens.js';

type ErrorBody = { code?: string; message?: string };

/**
 * Idempotency-Key on the POSTs that create something, against the real services and store: a
 * retry with the same key and body gets the first response and creates nothing more (read
 * back), another body with the key is refused with 422, and concurrent duplicates create once.
 */
describe('Idempotency-Key', () => {
  const namespace = testNamespace('idempotency');
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const meeting = (title: string) => ({
    title,
    kind: 'expert-consultation',
    startsAt: inDays(60),
    endsAt: inDays(60, 17),
    timeZone: 'Asia/Almaty',
    registration: { opensAt: inDays(-1), closesAt: inDays(50), quotaPerDelegation: 5 },
    parties: [{ code: 'KAZ', standings: ['member'] }],
  });
  const post = <T>(app: AppName, path: string, body: unknown, key?: string, token = admin) =>
    request<T>('POST', `${apps[app].url}${path}`, {
      token,
      body,
      headers: key === undefined ? {} : { 'idempotency-key': key },
    });
  const meetingsTitled = async (title: string, token = admin) => {
    const page = await request<EventPageView>('GET', `${apps.events.url}/events?limit=100`, { token });
    return page.body.items.filter((e) => e.title === title);
  };
  const sameResponse = (first: JsonResponse<unknown>, again: JsonResponse<unknown>) => {
    expect(again.status).toBe(first.status);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
  };

  beforeAll(async () => {
    apps = await startApps(['events', 'participants', 'reports'], { namespace });
    admin = await secretariat();
  });

  afterAll(stopAllApps);

  it('POST /events: the same key and body answer the first response again and create one draft', async () => {
    const key = randomUUID();
    const body = meeting('Retried consultation');
    const first = await post<EventView>('events', '/events', body, key);
    expect(first.status).toBe(201);
    // The same body with its keys in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await post<EventView>('events', '/events', reordered, key);
    sameResponse(first, again);
    expect(await meetingsTitled('Retried consultation')).toHaveLength(1);

    const other = await post<ErrorBody>('events', '/events', meeting('Another consultation'), key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.body.message).toContain('different request');
    expect(await meetingsTitled('Another consultation')).toHaveLength(0);

    // Keys are per caller: another officer's request with the same key is their own.
    const colleague = await tokenFor({ subject: 'secretariat-2', role: 'secretariat' });
    const theirs = await post<EventView>('events', '/events', body, key, colleague);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    expect(await meetingsTitled('Retried consultation')).toHaveLength(2);

    // Without a key, a retry is a new request, as before.
    expect((await post('events', '/events', meeting('Unkeyed'), undefined)).status).toBe(201);
    expect((await post('events', '/events', meeting('Unkeyed'), undefined)).status).toBe(201);
    expect(await meetingsTitled('Unkeyed')).toHaveLength(2);

    const bad = await post<ErrorBody>('events', '/events', body, 'x'.repeat(256));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
  });

  it('concurrent duplicates create once: the others get the first response or 409 in progress', async () => {
    const key = randomUUID();
    const body = meeting('Double-clicked consultation');
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => post<EventView & ErrorBody>('events', '/events', body, key)),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const busy of responses.filter((r) => r.status === 409)) {
      expect(busy.body.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
      expect(busy.headers.get('retry-after')).toBe('1');
    }
    expect(await meetingsTitled('Double-clicked consultation')).toHaveLength(1);
    // Retried after the first finished: its response, whatever the others got.
    const later = await post<EventView>('events', '/events', body, key);
    expect(later.status).toBe(201);
    expect(later.body.id).toBe(created[0].body.id);
  });

  it('delegations, participants and reports: a retry gets the first response, not a second effect or a 409', async () => {
    const created = await post<EventView>('events', '/events', meeting('Keyed registrations'));
    const eventId = created.body.id;
    for (const step of ['announce', 'open-registration'])
      expect((await post('events', `/events/${eventId}/${step}`, undefined)).status).toBe(200);
    const kaz = await coordinator(eventId, 'KAZ');

    const delegationKey = randomUUID();
    const delegationBody = { party: 'KAZ', coordinator: { name: 'Focal point', email: 'focal@kaz.example' } };
    const first = await eventually(async () => {
      const r = await post<DelegationDetailsView>(
        'participants',
        `/events/${eventId}/delegations`,
        delegationBody,
        delegationKey,
        kaz,
      );
      expect(r.status).toBe(201);
      return r;
    });
    sameResponse(
      first,
      await post('participants', `/events/${eventId}/delegations`, delegationBody, delegationKey, kaz),
    );
    // The same request without the key is a second registration, refused.
    expect(
      (await post('participants', `/events/${eventId}/delegations`, delegationBody, undefined, kaz)).status,
    ).toBe(409);

    const personKey = randomUUID();
    const person = {
      name: { given: 'Aigerim', family: 'Nurlanova' },
      role: 'member',
      email: 'a.n@example.org',
    };
    const path = `/delegations/${first.body.id}/participants`;
    const registered = await post('participants', path, person, personKey, kaz);
    expect(registered.status).toBe(201);
    sameResponse(registered, await post('participants', path, person, personKey, kaz));
    const people = await request<ParticipantPageView>(
      'GET',
      `${apps.participants.url}/events/${eventId}/participants`,
      { token: admin },
    );
    expect(people.body.items).toHaveLength(1);
    expect(
      (await post<ErrorBody>('participants', path, { ...person, role: 'adviser' }, personKey, kaz)).status,
    ).toBe(422);

    for (const step of ['close-registration', 'start'])
      expect((await post('events', `/events/${eventId}/${step}`, undefined)).status).toBe(200);
    const reportKey = randomUUID();
    const report = { language: 'en', content: { title: 'Outcome', summary: 'Agreed to meet again.' } };
    const drafted = await eventually(async () => {
      const r = await post<ReportDetailsView>('reports', `/events/${eventId}/reports`, report, reportKey);
      expect(r.status).toBe(201);
      return r;
    });
    sameResponse(drafted, await post('reports', `/events/${eventId}/reports`, report, reportKey));
    const reports = await request<{ items: unknown[] }>(
      'GET',
      `${apps.reports.url}/events/${eventId}/reports`,
      {
        token: admin,
      },
    );
    expect(reports.body).toHaveLength(1);
  });
});
