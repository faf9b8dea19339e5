import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AttendanceView, EventView, ParticipantSummaryView, ReportView } from '@plenary/contracts';
import {
  DEMO_TITLE,
  demoDelegations,
  demoMeeting,
  NEXT_MEETING_TITLE,
} from '../../scripts/demo/almaty-process-meeting.js';
import { AMENDMENT_NOTE, OUTCOME_TITLE } from '../../scripts/demo/almaty-process-outcome.js';
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
import { observer, secretariat, TEST_JWT_SECRET } from '../support/tokens.js';

/** What `npm start` loads, through the public APIs, once. */
describe('the demo', () => {
  let apps: Record<AppName, ServiceProcess>;

  beforeAll(async () => {
    apps = await startApps(['events', 'participants', 'reports'], { namespace: testNamespace('demo') });
  });

  afterAll(stopAllApps);

  it('holds the seed meeting, publishes and amends its outcome, opens the next meeting; and only once', async () => {
    const urls = { events: apps.events.url, participants: apps.participants.url, reports: apps.reports.url };
    const demo = await loadDemo(urls, TEST_JWT_SECRET);
    expect(demo.created).toBe(true);
    expect(await loadDemo(urls, TEST_JWT_SECRET)).toEqual({ ...demo, created: false });

    const token = await observer();
    const seed = await request<EventView>('GET', `${apps.events.url}/events/${demo.seedEventId}`, { token });
    expect(seed.body).toMatchObject({ title: DEMO_TITLE, state: 'concluded', chairParty: 'KAZ' });
    const next = await request<EventView>('GET', `${apps.events.url}/events/${demo.eventId}`, { token });
    expect(next.body).toMatchObject({ title: NEXT_MEETING_TITLE, state: 'registration-open' });

    const attendance = await request<AttendanceView>(
      'GET',
      `${apps.reports.url}/events/${demo.seedEventId}/attendance`,
      { token },
    );
    expect(attendance.body.delegations.map((d) => d.party.code).sort()).toEqual(
      demoDelegations.map((d) => d.delegation.party).sort(),
    );
    const people = demoDelegations.flatMap((d) => d.participants);
    const accredited = demoDelegations
      .filter((d) => d.secretariat === 'accredited')
      .flatMap((d) => d.participants);
    // The summary is kept from the participant messages: it follows within moments.
    await eventually(async () => {
      const summary = await request<ParticipantSummaryView>(
        'GET',
        `${apps.participants.url}/events/${demo.seedEventId}/participants/summary`,
        { token },
      );
      expect(summary.body).toMatchObject({
        total: people.length,
        byState: { accredited: accredited.length },
        checkedIn: accredited.length,
      });
    });

    const report = await request<ReportView>('GET', `${apps.reports.url}/reports/${demo.reportId}`, {
      token,
    });
    expect(report.body).toMatchObject({
      state: 'published',
      published: { number: 2, changeNote: AMENDMENT_NOTE },
    });
    expect(report.body.published!.attendance.totals).toMatchObject({
      delegations: demoDelegations.length,
      accredited: accredited.length,
    });

    // The page reads like the seed page: title, date and place, who took part, the statement, the agreement, the last change.
    const page = await (await fetch(`${apps.reports.url}/reports/${demo.reportId}.html`)).text();
    for (const expected of [
      OUTCOME_TITLE,
      'Hotel InterContinental Almaty, Almaty',
      'Daulet Argandykov (Даулет Аргандыков), Vice-Minister of Healthcare and Social Development',
      'As a single region we acknowledge the urgency of making Afghanistan a great regional partner',
      'To reinforce coordination among the relevant state authorities of the member states',
      'Circulate a draft plan of joint activities',
    ]) {
      expect(page).toContain(expected);
    }
    expect(page).toMatch(/Changed on \d{1,2} \w+, \d{4} - \d{2}:\d{2}/);
    await eventually(async () =>
      expect((await fetch(`${apps.reports.url}/events/${demo.seedEventId}/dossier`)).status).toBe(200),
    );
  });
});

/** A load that was interrupted (npm start stopped half-way) is reported as such, not as the demo. */
describe('the demo, after an interrupted load', () => {
  let apps: Record<AppName, ServiceProcess>;

  beforeAll(async () => {
    apps = await startApps(['events', 'reports'], { namespace: testNamespace('demopart') });
  });

  afterAll(stopAllApps);

  it('says what is missing and loads nothing over it', async () => {
    const urls = { events: apps.events.url, participants: '', reports: apps.reports.url };
    const draft = await request<EventView>('POST', `${apps.events.url}/events`, {
      token: await secretariat(),
      body: demoMeeting(),
    });
    expect(draft.status).toBe(201);

    const demo = await loadDemo(urls, TEST_JWT_SECRET);

    expect(demo).toMatchObject({ created: false, seedEventId: draft.body.id, reportId: '' });
    expect(demo.incomplete).toBe(
      'the seed meeting is draft, not concluded; it has no outcome report; the next meeting is missing',
    );
  });
});
