import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AttendanceView, EventView, ParticipantSummaryView } from '@plenary/contracts';
import { DEMO_TITLE, demoDelegations } from '../../scripts/demo/almaty-process-meeting.js';
import { loadDemo } from '../../scripts/demo/load-demo.js';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { observer, TEST_JWT_SECRET } from '../support/tokens.js';

/** What `npm start` loads, through the public APIs, once. */
describe('the demo meeting', () => {
  let apps: Record<AppName, ServiceProcess>;

  beforeAll(async () => {
    apps = await startApps(['events', 'participants', 'reports'], { namespace: testNamespace('demo') });
  });

  afterAll(stopAllApps);

  it('loads the seed meeting with its delegations, and only once', async () => {
    const urls = { events: apps.events.url, participants: apps.participants.url, reports: apps.reports.url };
    const first = await loadDemo(urls, TEST_JWT_SECRET);
    expect(first.created).toBe(true);
    const again = await loadDemo(urls, TEST_JWT_SECRET);
    expect(again).toEqual({ eventId: first.eventId, created: false });

    const token = await observer();
    const meeting = await request<EventView>('GET', `${apps.events.url}/events/${first.eventId}`, { token });
    expect(meeting.body).toMatchObject({ title: DEMO_TITLE, state: 'registration-open', chairParty: 'KAZ' });
    const attendance = await eventually(async () => {
      const response = await request<AttendanceView>(
        'GET',
        `${apps.reports.url}/events/${first.eventId}/attendance`,
        { token },
      );
      expect(response.body.totals.delegations).toBe(11);
      return response.body;
    });
    expect(attendance.delegations.map((d) => d.party.code).sort()).toEqual([
      'AFG',
      'AZE',
      'IOM',
      'IRN',
      'KAZ',
      'KGZ',
      'TJK',
      'TUR',
      'UNAMA',
      'UNHCR',
      'UNRCCA',
    ]);

    const summary = await request<ParticipantSummaryView>(
      'GET',
      `${apps.participants.url}/events/${first.eventId}/participants/summary`,
      { token },
    );
    const people = demoDelegations.flatMap((d) => d.participants);
    const accredited = demoDelegations
      .filter((d) => d.secretariat === 'accredited')
      .flatMap((d) => d.participants);
    expect(summary.body).toMatchObject({
      total: people.length,
      byState: { accredited: accredited.length, pending: people.length - accredited.length },
    });
  });
});
