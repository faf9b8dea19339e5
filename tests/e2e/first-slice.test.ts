import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AttendanceView, DelegationDetailsView, EventView } from '@plenary/contracts';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { type ServiceProcess, startApps, stopAllApps, testNamespace } from '../support/services.js';
import { coordinator, secretariat } from '../support/tokens.js';

/**
 * The first slice over real HTTP and Kafka, with the three services as separate processes:
 * create a meeting → the participants service learns of it → a delegation is registered →
 * the reports service shows it in the meeting's attendance.
 */
describe('first slice: meeting → delegation → attendance', () => {
  let apps: Record<'events' | 'participants' | 'reports', ServiceProcess>;
  let admin: string;

  beforeAll(async () => {
    apps = await startApps(['events', 'participants', 'reports'], { namespace: testNamespace('slice') });
    admin = await secretariat();
  });

  afterAll(stopAllApps);

  it('refuses a delegation for a meeting the participants service does not know', async () => {
    const response = await request(
      'POST',
      `${apps.participants.url}/events/0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a/delegations`,
      {
        token: admin,
        body: { party: 'KAZ', coordinator: { name: 'Aigerim Nurlanovna', email: 'focal@mfa.kz' } },
      },
    );
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'EVENT_NOT_FOUND' });
  });

  it('carries a meeting and its delegation through to the attendance', async () => {
    const created = await request<EventView>('POST', `${apps.events.url}/events`, {
      token: admin,
      body: {
        title: 'Meeting of representatives of member states of the Almaty Process',
        kind: 'meeting',
        startsAt: '2027-11-21T09:00:00+06:00',
        endsAt: '2027-11-21T18:00:00+06:00',
        timeZone: 'Asia/Almaty',
        registration: {
          opensAt: new Date().toISOString(),
          closesAt: '2027-11-07T18:00:00+06:00',
          quotaPerDelegation: 6,
        },
        parties: [
          { code: 'KAZ', standings: ['chair'] },
          { code: 'AFG', standings: ['member'] },
        ],
      },
    });
    expect(created.status).toBe(201);
    const eventId = created.body.id;
    for (const step of ['announce', 'open-registration']) {
      expect(
        (await request('POST', `${apps.events.url}/events/${eventId}/${step}`, { token: admin })).status,
      ).toBe(200);
    }

    const kazakhstan = await coordinator(eventId, 'KAZ');
    // The participants service learns of the meeting from the events topic, a moment later.
    const registered = await eventually(async () => {
      const response = await request<DelegationDetailsView>(
        'POST',
        `${apps.participants.url}/events/${eventId}/delegations`,
        {
          token: kazakhstan,
          body: { party: 'KAZ', coordinator: { name: 'Aigerim Nurlanovna', email: 'focal@mfa.kz' } },
        },
      );
      expect(response.status).toBe(201);
      return response.body;
    });
    expect(registered.party).toEqual({ code: 'KAZ', kind: 'state', name: 'Kazakhstan' });

    const attendance = await eventually(async () => {
      const response = await request<AttendanceView>(
        'GET',
        `${apps.reports.url}/events/${eventId}/attendance`,
        { token: admin },
      );
      expect(response.status).toBe(200);
      expect(response.body.totals.delegations).toBe(1);
      return response.body;
    });
    expect(attendance.event?.title).toBe('Meeting of representatives of member states of the Almaty Process');
    expect(attendance.delegations).toEqual([
      expect.objectContaining({ delegationId: registered.id, party: registered.party, state: 'registered' }),
    ]);
  });

  it('keeps the other services up to date as the meeting moves on', async () => {
    const created = await request<EventView>('POST', `${apps.events.url}/events`, {
      token: admin,
      body: {
        title: 'Working group on data exchange',
        kind: 'working-group',
        startsAt: '2027-06-01T09:00:00+06:00',
        endsAt: '2027-06-01T17:00:00+06:00',
        timeZone: 'Asia/Almaty',
        parties: [{ code: 'KGZ', standings: ['member', 'host'] }],
      },
    });
    const eventId = created.body.id;
    expect(
      (await request('POST', `${apps.events.url}/events/${eventId}/announce`, { token: admin })).status,
    ).toBe(200);
    const renamed = await request('PATCH', `${apps.events.url}/events/${eventId}`, {
      token: admin,
      body: { title: 'Working group on the exchange of migration data' },
      headers: { 'if-match': '"2"' },
    });
    expect(renamed.status).toBe(200);
    await eventually(async () => {
      const response = await request<AttendanceView>(
        'GET',
        `${apps.reports.url}/events/${eventId}/attendance`,
        { token: admin },
      );
      expect(response.body.event).toMatchObject({
        state: 'announced',
        title: 'Working group on the exchange of migration data',
      });
    });
  });
});
