import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventView, ReportDetailsView } from '@plenary/contracts';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { ROOT } from '../support/local-stack.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { secretariat } from '../support/tokens.js';

/** The example subscriber (plain Node and kafkajs, examples/outcome-pages) keeps its page up to date from messages alone. */
describe('the example subscriber', () => {
  const namespace = testNamespace('pages');
  const subscribers: ChildProcess[] = [];
  const dirs: string[] = [];
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;

  const subscribe = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'outcome-pages-'));
    dirs.push(dir);
    const child = spawn(process.execPath, [join(ROOT, 'examples/outcome-pages/subscriber.mjs')], {
      env: {
        PATH: process.env.PATH,
        KAFKA_BROKERS: process.env.KAFKA_BROKERS,
        KAFKA_TOPIC_PREFIX: `${namespace}.`,
        GROUP_ID: `pages-${dirs.length}`,
        OUT_DIR: dir,
      },
      stdio: 'ignore',
    });
    subscribers.push(child);
    return dir;
  };
  const reports = <T = ReportDetailsView>(method: string, path: string, body?: unknown, headers = {}) =>
    request<T>(method, `${apps.reports.url}${path}`, { token: admin, body, headers });

  beforeAll(async () => {
    apps = await startApps(['events', 'reports'], { namespace });
    admin = await secretariat();
  });

  afterAll(async () => {
    for (const child of subscribers) child.kill('SIGTERM');
    await stopAllApps();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes the outcome page when the report is published, rewrites it when amended, and rebuilds it by replay', async () => {
    const site = subscribe();
    const created = await request<EventView>('POST', `${apps.events.url}/events`, {
      token: admin,
      body: {
        title: 'Meeting of representatives of member states of the Almaty Process',
        kind: 'meeting',
        startsAt: '2027-11-21T09:00:00+05:00',
        endsAt: '2027-11-21T18:00:00+05:00',
        timeZone: 'Asia/Almaty',
        venue: { name: 'Hotel InterContinental Almaty', city: 'Almaty', country: 'KAZ' },
        parties: [{ code: 'KAZ', standings: ['member', 'chair'] }],
      },
    });
    const eventId = created.body.id;
    for (const step of ['announce', 'start'])
      await request('POST', `${apps.events.url}/events/${eventId}/${step}`, { token: admin });
    const report = await eventually(async () => {
      const r = await reports('POST', `/events/${eventId}/reports`, {
        language: 'en',
        content: {
          title: 'Outcome <of> the meeting',
          summary: 'The member states agreed to reinforce coordination.',
          decisions: [{ kind: 'agreement', text: 'Reinforce coordination.', parties: ['KAZ'] }],
        },
      });
      expect(r.status).toBe(201);
      return r.body;
    });
    await reports('POST', `/reports/${report.id}/submit`);
    await eventually(async () =>
      expect((await reports('POST', `/reports/${report.id}/publish`, {})).status).toBe(200),
    );

    const pagePath = join(site, `${eventId}.html`);
    const first = await eventually(async () => {
      expect(existsSync(pagePath)).toBe(true);
      return readFileSync(pagePath, 'utf8');
    });
    expect(first).toContain('<h1>Outcome &lt;of&gt; the meeting</h1>');
    expect(first).toContain('21 November 2027, Hotel InterContinental Almaty, Almaty');
    expect(first).toMatch(/Published on \d{1,2} \w+, \d{4} - \d{2}:\d{2}/);

    const amending = await reports('POST', `/reports/${report.id}/amend`);
    await reports(
      'PATCH',
      `/reports/${report.id}/draft`,
      { summary: 'Revised: the member states agreed to reinforce coordination and to meet again.' },
      { 'if-match': `"${amending.body.version}"` },
    );
    await reports('POST', `/reports/${report.id}/submit`);
    expect(
      (await reports('POST', `/reports/${report.id}/publish`, { changeNote: 'Revised summary' })).status,
    ).toBe(200);
    await eventually(async () => {
      const amended = readFileSync(pagePath, 'utf8');
      expect(amended).toContain('Revised: the member states agreed');
      expect(amended).toMatch(/Changed on \d{1,2} \w+, \d{4} - \d{2}:\d{2}/);
    });

    // A new subscriber, with nothing but the topics, builds the same page.
    const replayed = join(subscribe(), `${eventId}.html`);
    await eventually(
      async () =>
        expect(existsSync(replayed) && readFileSync(replayed, 'utf8')).toBe(readFileSync(pagePath, 'utf8')),
      30_000,
    );
  });
});
