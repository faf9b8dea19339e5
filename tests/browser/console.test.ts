/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EventView, ParticipantDetailsView, ParticipantSummaryView } from '@plenary/contracts';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return parts.join('\n');
}

/**
 * The console end to end in a real browser (Debian's Chromium driven by playwright-core),
 * through the identity provider's real login page, against the real services, broker and store:
 * the secretariat designates a coordinator, who registers a delegation and its people; the
 * secretariat accredits and rejects; the coordinator's open page follows without a reload; a
 * badge is checked in twice with one effect; the exports hold what they should. Every screen is
 * photographed in English and Arabic and scanned with axe.
 */
describe('web console in a browser', () => {
  const namespace = testNamespace('console');
  let apps: Record<'events' | 'participants', ServiceProcess>;
  let consoleApp: ServiceProcess;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let witness: BrowserWitness;
  let eventId: string;
  let admin: string;

  const participantsApi = <T>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${apps.participants.url}${path}`, { token: admin, body });

  beforeAll(async () => {
    apps = (await startApps(['events', 'participants'], {
      namespace,
      extra: identityProviderEnv(),
    })) as typeof apps;
    consoleApp = await startConsole(
      { namespace },
      {
        events: apps.events.url,
        participants: apps.participants.url,
      },
    );
    ({ browser, close: closeBrowser } = await launchBrowser());
    witness = new BrowserWitness(browser);
    admin = await secretariat();
    const created = await request<EventView>('POST', `${apps.events.url}/events`, {
      token: admin,
      body: {
        title: `Regional consultation ${namespace.slice(-6)}`,
        kind: 'expert-consultation',
        startsAt: inDays(40),
        endsAt: inDays(41, 17),
        timeZone: 'Asia/Almaty',
        registration: { opensAt: inDays(-1), closesAt: inDays(30), quotaPerDelegation: 3 },
        parties: ['KAZ', 'AFG', 'TJK'].map((code) => ({ code, standings: ['member'] })),
      },
    });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    for (const step of ['announce', 'open-registration']) {
      expect(
        (await request('POST', `${apps.events.url}/events/${eventId}/${step}`, { token: admin })).status,
      ).toBe(200);
    }
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stopAllApps();
  });

  it('runs registration, accreditation and check-in for people signed in through the identity provider', async () => {
    const consoleUrl = consoleApp.url;

    // Signed out: the start page.
    const visitor = await witness.newPerson();
    await visitor.page.goto(consoleUrl);
    await visitor.page.getByRole('heading', { name: 'Plenary console' }).waitFor();
    expect(witness.pageErrors).toEqual([]);
    await witness.look(visitor.page, 'signed-out');
    await visitor.context.close();

    // The secretariat signs in and designates KAZ's coordinator by email.
    const desk = await witness.newPerson();
    await signIn(desk.page, consoleUrl, 'secretariat', user('secretariat').password);
    await witness.look(desk.page, 'meetings');
    await desk.page.getByRole('link', { name: /Regional consultation/ }).click();
    await desk.page.getByRole('tab', { name: 'Coordinators' }).click();
    await desk.page.getByLabel('Party').selectOption('KAZ');
    await desk.page.getByLabel('Email', { exact: true }).fill(user('coordinator.kaz').email);
    await desk.page.getByLabel('Name', { exact: true }).fill(user('coordinator.kaz').displayName);
    await desk.page.getByRole('button', { name: 'Designate' }).click();
    await expect(desk.page.getByText('is now a coordinator').waitFor()).resolves.toBeUndefined();
    await witness.look(desk.page, 'desk-coordinators');

    // The coordinator signs in in a second browser and finds the meeting.
    const kaz = await witness.newPerson();
    await signIn(kaz.page, consoleUrl, 'coordinator.kaz', user('coordinator.kaz').password);
    await kaz.page.getByRole('heading', { name: 'My meetings' }).waitFor();
    await witness.look(kaz.page, 'my-meetings');
    await kaz.page.getByRole('link', { name: /Regional consultation/ }).click();

    // Registers the delegation.
    await kaz.page.getByLabel('Credentials reference').fill('Note verbale No. 14-2/1123');
    await witness.look(kaz.page, 'register-delegation');
    await kaz.page.getByRole('button', { name: 'Register the delegation' }).click();
    await kaz.page.getByText('0 of 3 used').waitFor();

    const form = kaz.page.getByRole('form', { name: 'Add a person' });
    const fill = async (label: string, value: string) => form.getByLabel(label, { exact: true }).fill(value);

    // A Cyrillic name without its Latin form: the API's 400 appears at that very field.
    await fill('Given name (original script)', 'Даулет');
    await fill('Family name (original script)', 'Аргандыков');
    await form.getByLabel('Role').selectOption('head');
    await fill('Email', 'd.argandykov@mfa.kz.example');
    await form.getByRole('button', { name: 'Add the person' }).click();
    const latinField = form.getByLabel('Given name (Latin script)', { exact: true });
    await latinField.and(kaz.page.locator('[aria-invalid="true"]')).waitFor();
    const latinError = await latinField.evaluate((input) => {
      const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    });
    expect(latinError).toMatch(/latin/i);
    await witness.look(kaz.page, 'person-field-error');
    await fill('Given name (Latin script)', 'Daulet');
    await fill('Family name (Latin script)', 'Argandykov');
    await form.getByRole('button', { name: 'Add the person' }).click();
    await kaz.page.getByText('1 of 3 used').waitFor();

    // An Arabic name.
    await fill('Given name (original script)', 'محمد');
    await fill('Family name (original script)', 'الأمين');
    await fill('Given name (Latin script)', 'Mohammed');
    await fill('Family name (Latin script)', 'Al-Amin');
    await fill('Email', 'm.alamin@mfa.kz.example');
    await form.getByRole('button', { name: 'Add the person' }).click();
    await kaz.page.getByText('2 of 3 used').waitFor();

    // The third by keyboard alone: Tab to the first field, type, Tab on, Enter submits.
    await kaz.page.keyboard.press('Tab');
    for (let i = 0; i < 80; i++) {
      const label = await kaz.page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent,
      );
      if (label === 'Given name (original script)') break;
      await kaz.page.keyboard.press('Tab');
    }
    await kaz.page.keyboard.type('Aigerim');
    await kaz.page.keyboard.press('Tab');
    await kaz.page.keyboard.type('Sadykova');
    for (let i = 0; i < 20; i++) {
      const label = await kaz.page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent,
      );
      if (label === 'Email') break;
      await kaz.page.keyboard.press('Tab');
    }
    await kaz.page.keyboard.type('a.sadykova@mfa.kz.example');
    await kaz.page.keyboard.press('Enter');
    await kaz.page.getByText('3 of 3 used').waitFor();

    // A fourth: the quota refusal, in plain words, in the form.
    await fill('Given name (original script)', 'Nurlan');
    await fill('Family name (original script)', 'Extra');
    await fill('Email', 'n.extra@mfa.kz.example');
    await form.getByRole('button', { name: 'Add the person' }).click();
    await expect(
      form
        .getByRole('alert')
        .filter({ hasText: /quota is full/ })
        .waitFor(),
    ).resolves.toBeUndefined();
    await witness.look(kaz.page, 'delegation-quota-full');
    // The page stays as it is from here on: it must follow the secretariat's work without a reload.
    await kaz.page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    // The secretariat accredits two and rejects one with a reason.
    await desk.page.getByRole('tab', { name: 'Participants' }).click();
    await desk.page.getByLabel('Select Daulet Argandykov').check();
    await desk.page.getByLabel('Select Mohammed Al-Amin').check();
    await witness.look(desk.page, 'desk-participants');
    await desk.page.getByRole('button', { name: 'Accredit selected' }).click();
    await desk.page.getByText('2 participants updated.').waitFor();
    await desk.page.getByLabel('Select Aigerim Sadykova').check();
    await desk.page.getByRole('button', { name: 'Reject selected…' }).click();
    await desk.page.getByRole('dialog').getByLabel('Reason').fill('No credentials letter names this person.');
    await witness.look(desk.page, 'desk-reject-dialog');
    await desk.page.getByRole('dialog').getByRole('button', { name: 'Reject' }).click();
    await desk.page.getByText('1 participant updated.').waitFor();

    // The coordinator's open page shows it, without a reload.
    const row = (name: string) => kaz.page.getByRole('row', { name: new RegExp(name) });
    await row('Daulet').getByText('Accredited').waitFor({ timeout: 10_000 });
    await row('Mohammed').getByText('Accredited').waitFor({ timeout: 10_000 });
    await row('Aigerim').getByText('No credentials letter names this person.').waitFor({ timeout: 10_000 });
    await expect(
      kaz.page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).resolves.toBe(true);
    await witness.look(kaz.page, 'delegation-accredited');

    // A badge's code at the desk, twice: one check-in.
    const list = await participantsApi<{ items: ParticipantDetailsView[] }>(
      'GET',
      `/events/${eventId}/participants?q=Daulet`,
    );
    const daulet = list.body.items[0] as ParticipantDetailsView & { badgeCode?: string };
    expect(daulet.badgeCode).toMatch(/^PB1\./);
    await desk.page.getByRole('link', { name: 'Open the check-in desk' }).click();
    await desk.page.getByTestId('present-count').getByText('Present: 0 of 2 accredited').waitFor();
    const code = desk.page.getByLabel('Badge code or name');
    await code.fill(daulet.badgeCode!);
    await code.press('Enter');
    await desk.page.getByText('checked in.').waitFor();
    await desk.page.getByText('Present: 1 of 2 accredited').waitFor({ timeout: 10_000 });
    await code.fill(daulet.badgeCode!);
    await code.press('Enter');
    await desk.page.getByText(/already checked in at/).waitFor();
    await witness.look(desk.page, 'check-in');
    // A forged code (one character changed) is refused.
    const forged = daulet.badgeCode!.slice(0, -1) + (daulet.badgeCode!.endsWith('A') ? 'B' : 'A');
    await code.fill(forged);
    await code.press('Enter');
    await desk.page.getByText(/not genuine/).waitFor();
    // The summary is kept from the participant messages: it follows within moments.
    await eventually(async () => {
      const summary = await participantsApi<ParticipantSummaryView>(
        'GET',
        `/events/${eventId}/participants/summary`,
      );
      expect(summary.body.checkedIn).toBe(1);
    });

    // Exports through the console, as the browser downloads them.
    const xlsx = await desk.page.request.get(
      `${consoleUrl}/api/participants/events/${eventId}/participants.xlsx`,
    );
    expect(xlsx.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets[0].eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toEqual(expect.arrayContaining(['Даулет', 'Аргандыков']));
    const badges = await desk.page.request.get(`${consoleUrl}/api/participants/events/${eventId}/badges.pdf`);
    expect(badges.status()).toBe(200);
    expect(await pdfText(await badges.body())).toContain(daulet.badgeCode!);

    // Every screen again in Arabic, right to left.
    for (const page of [desk.page, kaz.page]) {
      await chooseLanguage(page.getByLabel('Language'), 'ar');
      await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    }
    await witness.look(desk.page, 'check-in');
    await desk.page.goto(`${consoleUrl}/meetings`);
    await witness.look(desk.page, 'meetings');
    await desk.page.goto(`${consoleUrl}/meetings/${eventId}`);
    await witness.look(desk.page, 'desk-participants');
    await desk.page.getByRole('tab').nth(2).click();
    await witness.look(desk.page, 'desk-coordinators');
    await witness.look(kaz.page, 'delegation-accredited');
    await kaz.page.goto(consoleUrl);
    await witness.look(kaz.page, 'my-meetings');
    const arVisitor = await browser.newContext({ locale: 'ar' });
    const arPage = await arVisitor.newPage();
    await arPage.goto(consoleUrl);
    await witness.look(arPage, 'signed-out');
    await arVisitor.close();

    expect(witness.pageErrors).toEqual([]);
    expect(witness.screensWithProblems()).toEqual([]);
    expect(new Set(witness.looked.map((l) => l.language))).toEqual(new Set(['en', 'ar']));
    await desk.context.close();
    await kaz.context.close();
  });
});
