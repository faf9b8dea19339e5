/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventHistoryView, EventView } from '@plenary/contracts';
import ICAL from 'ical.js';
import type { Browser } from 'playwright-core';
import { DEMO_USERS } from '../../scripts/lib/demo-users.js';
import { BrowserWitness, chooseLanguage, inDays, launchBrowser } from '../support/browser.js';
import { signIn, startConsole } from '../support/console.js';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { identityProviderEnv } from '../support/identity.js';
import { type ServiceProcess, startApps, stopAllApps, testNamespace } from '../support/services.js';
import { secretariat } from '../support/tokens.js';

const user = (username: string) => DEMO_USERS.find((u) => u.username === username)!;
const ZONE = 'America/New_York';

/** The local time in ZONE at an instant, as a datetime-local input takes it (to the second). */
function localInZone(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/**
 * The meeting's history and its public page in a real browser, against the real services, broker,
 * store and identity provider: the secretariat edits a meeting twice, reads the timeline in words,
 * picks a moment between the edits in the meeting's time zone and sees the title it had then; a
 * visitor who is not signed in opens the public page (agenda, parties, delegations), finds no
 * personal data on it, downloads a calendar file that ical.js reads to the stored instants, and
 * switches the page to Arabic. Screens in English and Arabic, scanned with axe.
 */
describe('meeting history and public page in a browser', () => {
  const namespace = testNamespace('history');
  let apps: Record<'events' | 'participants' | 'reports', ServiceProcess>;
  let consoleApp: ServiceProcess;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let witness: BrowserWitness;
  let admin: string;
  let meeting: EventView;
  let draft: EventView;
  const suffix = namespace.split('_')[0]!.slice(-6);
  const titles = [
    `Regional review ${suffix}`,
    `Regional review of protection ${suffix}`,
    `Ministerial review of protection ${suffix}`,
  ];
  /** What the secretariat and the delegation know of people, and the public page must not show. */
  const personal = {
    coordinatorEmail: `focal.point.${suffix}@mfa.kz.example`,
    headEmail: `d.argandykov.${suffix}@mfa.kz.example`,
    memberEmail: `a.sadykova.${suffix}@mfa.kz.example`,
    memberName: 'Sadykova',
    accessibility: `Wheelchair access, row ${suffix}`,
  };

  const api = <T>(service: keyof typeof apps, method: string, path: string, body?: unknown) =>
    request<T>(method, `${apps[service].url}${path}`, { token: admin, body });

  beforeAll(async () => {
    apps = (await startApps(['events', 'participants', 'reports'], {
      namespace,
      extra: identityProviderEnv(),
    })) as typeof apps;
    consoleApp = await startConsole(
      { namespace },
      { events: apps.events.url, participants: apps.participants.url, reports: apps.reports.url },
    );
    ({ browser, close: closeBrowser } = await launchBrowser());
    witness = new BrowserWitness(browser);
    admin = await secretariat();
    const make = async (title: string) => {
      const response = await api<EventView>('events', 'POST', '/events', {
        title,
        kind: 'expert-consultation',
        startsAt: inDays(40, 14),
        endsAt: inDays(41, 21),
        timeZone: ZONE,
        venue: { name: 'Palais des Nations', city: 'Geneva', country: 'CHE' },
        registration: { opensAt: inDays(-1, 14), closesAt: inDays(30, 14), quotaPerDelegation: 4 },
        parties: [
          { code: 'KAZ', standings: ['member', 'chair'] },
          { code: 'AFG', standings: ['member'] },
          {
            code: 'UNHCR',
            name: 'Office of the United Nations High Commissioner for Refugees',
            standings: ['initiator'],
          },
        ],
        agenda: [
          {
            title: 'Opening and welcome statement',
            slot: { startsAt: inDays(40, 14), endsAt: inDays(40, 15) },
          },
          { title: 'Review of the regional action plan' },
        ],
      });
      expect(response.status).toBe(201);
      return response.body;
    };
    meeting = await make(titles[0]!);
    draft = await make(`Draft consultation ${suffix}`);
    for (const step of ['announce', 'open-registration']) {
      expect((await api('events', 'POST', `/events/${meeting.id}/${step}`)).status).toBe(200);
    }
    // Kazakhstan's delegation: a head (whose name and position the dossier publishes) and a member.
    // The participants service learns of the open registration from the events topic: a moment.
    const delegation = await eventually(
      async () => {
        const response = await api<{ id: string }>(
          'participants',
          'POST',
          `/events/${meeting.id}/delegations`,
          {
            party: 'KAZ',
            coordinator: { name: 'Focal point', email: personal.coordinatorEmail },
          },
        );
        expect(response.status).toBe(201);
        return response;
      },
      20_000,
      300,
    );
    for (const [given, family, role, email, extra] of [
      ['Daulet', 'Argandykov', 'head', personal.headEmail, { position: 'Vice-Minister' }],
      [
        'Aigerim',
        personal.memberName,
        'member',
        personal.memberEmail,
        { accessibilityNeeds: personal.accessibility, gender: 'female' },
      ],
    ] as const) {
      const person = await api('participants', 'POST', `/delegations/${delegation.body.id}/participants`, {
        name: { given, family },
        role,
        email,
        ...extra,
      });
      expect(person.status).toBe(201);
    }
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stopAllApps();
  });

  it('shows the timeline in words and the meeting as it was between two edits', async () => {
    const consoleUrl = consoleApp.url;
    const desk = await witness.newPerson();
    await signIn(desk.page, consoleUrl, 'secretariat', user('secretariat').password);

    // Two edits by the signed-in secretariat, through the console's own API path, seconds apart.
    for (const title of titles.slice(1)) {
      const status = await desk.page.evaluate(
        async ({ id, title }) => {
          const current = await fetch(`/api/events/events/${id}`, {
            headers: { accept: 'application/json' },
          });
          const response = await fetch(`/api/events/events/${id}`, {
            method: 'PATCH',
            headers: {
              'content-type': 'application/json',
              'if-match': current.headers.get('etag')!,
              'x-plenary-console': '1',
            },
            body: JSON.stringify({ title }),
          });
          return response.status;
        },
        { id: meeting.id, title },
      );
      expect(status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 2_100));
    }
    const history = (await api<EventHistoryView>('events', 'GET', `/events/${meeting.id}/history`)).body;
    const edits = history.entries.filter((e) => e.type === 'event.updated');
    expect(edits.map((e) => e.changes.map((c) => c.field))).toEqual([['title'], ['title']]);

    await desk.page.goto(`${consoleUrl}/meetings/${meeting.id}`);
    await desk.page.getByRole('heading', { name: titles[2], level: 1 }).waitFor();
    await desk.page.getByRole('tab', { name: 'History' }).click();
    const timeline = desk.page.getByRole('list', { name: 'Changes, newest first' });
    await timeline.waitFor();
    const entries = timeline.locator(':scope > li');
    await expect(entries.count()).resolves.toBe(history.entries.length);
    // Newest first: the second edit, read as "Title: old → new", by the person signed in.
    const newest = entries.first();
    await expect(newest.getByRole('heading').textContent()).resolves.toBe('Edited');
    await expect(newest.getByRole('definition').textContent()).resolves.toBe(`${titles[1]} → ${titles[2]}`);
    await expect(newest.textContent()).resolves.toContain(user('secretariat').displayName);
    await expect(newest.textContent()).resolves.toMatch(/EST|EDT|GMT-[45]/);
    await expect(
      entries
        .nth(history.entries.length - 1)
        .getByRole('heading')
        .textContent(),
    ).resolves.toBe('Created');
    await witness.look(desk.page, 'meeting-history');

    // A moment between the two edits, typed in the meeting's own time zone.
    const between = new Date((new Date(edits[0]!.at).getTime() + new Date(edits[1]!.at).getTime()) / 2);
    await desk.page.getByLabel(`Date and time (${ZONE})`).fill(localInZone(between));
    await desk.page.getByRole('button', { name: 'Show the meeting then' }).click();
    const asItWas = desk.page.getByRole('region', { name: /The meeting as it was at/ });
    await asItWas.waitFor();
    await expect(asItWas.getByRole('definition').first().textContent()).resolves.toBe(titles[1]);
    await expect(asItWas.textContent()).resolves.toContain(`Version ${edits[0]!.version}`);
    await witness.look(desk.page, 'meeting-as-of');

    // Before the meeting existed: the API's refusal, in the form.
    await desk.page.getByLabel(`Date and time (${ZONE})`).fill('2001-01-01T09:00:00');
    await desk.page.getByRole('button', { name: 'Show the meeting then' }).click();
    await desk.page
      .getByRole('alert')
      .filter({ hasText: /did not exist yet/ })
      .waitFor();

    // The version a timeline entry left, by its button.
    await entries.last().getByRole('button', { name: 'Show the meeting after version 1' }).click();
    await desk.page
      .getByRole('region', { name: 'The meeting after version 1' })
      .getByText(titles[0]!)
      .waitFor();

    // "Add to calendar" on the desk: the signed-in path, and a file ical.js reads to the stored instants.
    const deskCalendar = await desk.page
      .getByRole('link', { name: 'Add to calendar (.ics)' })
      .getAttribute('href');
    expect(deskCalendar).toBe(`/api/events/events/${meeting.id}.ics`);
    const deskIcs = await desk.context.request.get(`${consoleUrl}${deskCalendar}`);
    expect(deskIcs.status()).toBe(200);
    const deskEvent = new ICAL.Event(
      new ICAL.Component(ICAL.parse(await deskIcs.text())).getFirstSubcomponent('vevent')!,
    );
    expect(deskEvent.summary).toBe(titles[2]);
    expect(deskEvent.startDate.zone!.tzid).toBe(ZONE);

    // The same in Arabic, right to left.
    await chooseLanguage(desk.page.getByLabel('Language'), 'ar');
    await expect(desk.page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await desk.page.getByRole('list', { name: 'التغييرات، الأحدث أولاً' }).waitFor();
    await desk.page.getByRole('region', { name: 'الاجتماع بعد الإصدار 1' }).waitFor();
    await witness.look(desk.page, 'meeting-history');
    await desk.page.getByLabel(`التاريخ والوقت (${ZONE})`).fill(localInZone(between));
    await desk.page.getByRole('button', { name: 'عرض الاجتماع في ذلك الوقت' }).click();
    await desk.page.getByRole('region', { name: /الاجتماع كما كان في/ }).waitFor();
    await witness.look(desk.page, 'meeting-as-of');
    await desk.context.close();
  });

  it('shows the public page signed out: agenda, parties, delegations, no personal data, a calendar that reads right', async () => {
    const consoleUrl = consoleApp.url;
    // The meeting is held and its outcome published (the outcome editor is another screen's).
    for (const step of ['close-registration', 'start']) {
      expect((await api('events', 'POST', `/events/${meeting.id}/${step}`)).status).toBe(200);
    }
    const outcomeTitle = `Outcome of the regional review ${suffix}`;
    const report = await eventually(
      async () => {
        const response = await api<{ id: string }>('reports', 'POST', `/events/${meeting.id}/reports`, {
          language: 'en',
          content: { title: outcomeTitle, summary: 'The member states agreed to meet again next year.' },
        });
        expect(response.status).toBe(201);
        return response.body;
      },
      20_000,
      300,
    );
    expect((await api('reports', 'POST', `/reports/${report.id}/submit`)).status).toBe(200);
    await eventually(
      async () =>
        expect((await api('reports', 'POST', `/reports/${report.id}/publish`, {})).status).toBe(200),
      20_000,
      300,
    );

    const visitor = await witness.newPerson({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = visitor.page;
    // The reports service compiles the dossier from messages: it may take a moment to know the meeting.
    await eventually(
      async () => {
        await page.goto(`${consoleUrl}/public/meetings/${meeting.id}`);
        await page.getByRole('heading', { name: titles[2], level: 1 }).waitFor({ timeout: 2_000 });
        await page.getByRole('cell', { name: /Argandykov/ }).waitFor({ timeout: 1_000 });
      },
      30_000,
      500,
    );
    await expect(page.getByRole('link', { name: 'Sign out' }).count()).resolves.toBe(0);
    const agenda = page.getByRole('region', { name: 'Agenda' });
    await agenda.getByRole('heading', { name: 'Opening and welcome statement' }).waitFor();
    await agenda.getByRole('heading', { name: 'Review of the regional action plan' }).waitFor();
    const parties = page.getByRole('region', { name: 'Invited parties' });
    for (const name of [
      'Kazakhstan',
      'Afghanistan',
      'Office of the United Nations High Commissioner for Refugees',
    ]) {
      await parties.getByRole('rowheader', { name }).waitFor();
    }
    await parties.getByRole('row', { name: /Kazakhstan member and chair/ }).waitFor();
    const delegations = page.getByRole('region', { name: 'Delegations taking part' });
    await delegations.getByRole('row', { name: /Kazakhstan Daulet Argandykov Vice-Minister 2/ }).waitFor();

    // Nothing about people beyond what the dossier publishes (a head's name and position, counts).
    const text = await page.evaluate(() => document.body.innerText);
    const html = await page.content();
    for (const value of Object.values(personal)) {
      expect(text).not.toContain(value);
      expect(html).not.toContain(value);
    }
    expect(text).not.toMatch(/@/);
    expect(text).not.toMatch(/female|gender/i);
    await witness.look(page, 'public-meeting');

    // The calendar file, signed out, through the public path: read by ical.js to the stored instants.
    const href = await page.getByRole('link', { name: 'Add to calendar (.ics)' }).getAttribute('href');
    expect(href).toBe(`/api/public/events/events/${meeting.id}.ics`);
    const ics = await visitor.context.request.get(`${consoleUrl}${href}`);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(vevent.summary).toBe(titles[2]);
    expect(vevent.startDate.zone!.tzid).toBe(ZONE);
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe(ZONE);
    expect(vevent.startDate.toJSDate().toISOString()).toBe(meeting.startsAt);
    expect(vevent.endDate.toJSDate().toISOString()).toBe(meeting.endsAt);

    // The published outcome: its public page, through the public path, signed out.
    const outcome = page.getByRole('link', { name: 'Outcome report (English)', exact: true });
    expect(await outcome.getAttribute('href')).toBe(`/api/public/reports/reports/${report.id}.html`);
    await outcome.click();
    await page.getByRole('heading', { name: outcomeTitle }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: titles[2], level: 1 }).waitFor();

    // Copy the link to share it.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied.').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      `${consoleUrl}/public/meetings/${meeting.id}`,
    );

    // The language switch works signed out.
    await chooseLanguage(page.getByLabel('Language'), 'ar');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await page.getByRole('heading', { name: 'جدول الأعمال' }).waitFor();
    await page
      .getByRole('region', { name: 'الأطراف المدعوة' })
      .getByRole('rowheader', { name: 'كازاخستان' })
      .waitFor();
    await witness.look(page, 'public-meeting');
    await page.getByLabel('اللغة').selectOption('en');

    // A draft has no public page, and no calendar file for anyone.
    await page.goto(`${consoleUrl}/public/meetings/${draft.id}`);
    await page.getByRole('heading', { name: 'Meeting not found' }).waitFor();
    expect(await page.evaluate(() => document.body.innerText)).not.toContain(draft.title);
    await witness.look(page, 'public-meeting-not-found');
    expect(
      (await visitor.context.request.get(`${consoleUrl}/api/public/events/events/${draft.id}.ics`)).status(),
    ).toBe(404);
    await visitor.context.close();

    expect(witness.pageErrors).toEqual([]);
    expect(witness.screensWithProblems()).toEqual([]);
    expect(new Set(witness.looked.map((l) => l.language))).toEqual(new Set(['en', 'ar']));
  });
});
