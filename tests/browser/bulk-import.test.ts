/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  IMPORT_HEADERS,
  type DelegationDetailsView,
  type EventView,
  type ParticipantDetailsView,
  type ParticipantPageView,
} from '@plenary/contracts';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { DEMO_USERS } from '../../scripts/lib/demo-users.js';
import { BrowserWitness, chooseLanguage, inDays, launchBrowser } from '../support/browser.js';
import { signIn, startConsole } from '../support/console.js';
import { request } from '../support/http.js';
import { identityProviderEnv } from '../support/identity.js';
import { type ServiceProcess, startApps, stopAllApps, testNamespace } from '../support/services.js';
import { secretariat } from '../support/tokens.js';

const user = (username: string) => DEMO_USERS.find((u) => u.username === username)!;

/** A 200-row workbook of people for Kazakhstan, three of its rows wrong (a bad email, a name without its Latin form, an email twice). */
async function peopleWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('People');
  const h = IMPORT_HEADERS.en;
  sheet.addRow([h.given, h.family, h.givenLatin, h.familyLatin, h.role, h.email, h.position]);
  for (let n = 1; n <= 200; n++) {
    const row: Array<string | { formula: string; result: string }> = [
      'Person',
      `Number${n}`,
      '',
      '',
      n === 1 ? 'Head of delegation' : 'Member',
      `person${n}@mfa.kz.example`,
      // A formula counts by the value Excel computed, never as the formula.
      { formula: `"Expert "&${n}`, result: `Expert ${n}` },
    ];
    if (n === 10) row[5] = 'person10-at-mfa.kz.example';
    if (n === 50) [row[0], row[1]] = ['Нурлан', 'Абенов'];
    if (n === 150) row[5] = 'person3@mfa.kz.example';
    sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A coordinator imports a 200-row XLSX into their delegation in a real browser (Debian's
 * Chromium), signed in through the identity provider: downloads the template, sees the three bad
 * rows' errors in their cells, imports the valid rows with the progress bar, reads the summary;
 * the participants service then holds 197 new people. English and Arabic, axe on every screen.
 */
describe('bulk import in a browser', () => {
  const namespace = testNamespace('bulkimport');
  let apps: Record<'events' | 'participants', ServiceProcess>;
  let consoleApp: ServiceProcess;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let witness: BrowserWitness;
  let eventId: string;
  let admin: string;

  beforeAll(async () => {
    apps = (await startApps(['events', 'participants'], {
      namespace,
      extra: identityProviderEnv(),
    })) as typeof apps;
    consoleApp = await startConsole(
      { namespace },
      { events: apps.events.url, participants: apps.participants.url },
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
        registration: { opensAt: inDays(-1), closesAt: inDays(30), quotaPerDelegation: 250 },
        parties: ['KAZ', 'AFG'].map((code) => ({ code, standings: ['member'] })),
      },
    });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    for (const step of ['announce', 'open-registration'])
      expect(
        (await request('POST', `${apps.events.url}/events/${eventId}/${step}`, { token: admin })).status,
      ).toBe(200);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stopAllApps();
  });

  it('imports a 200-row workbook with three bad rows: errors in place, progress, summary', async () => {
    const consoleUrl = consoleApp.url;

    // The secretariat designates Kazakhstan's coordinator, as in the console's own test.
    const desk = await witness.newPerson({ acceptDownloads: true });
    await signIn(desk.page, consoleUrl, 'secretariat', user('secretariat').password);
    await desk.page.getByRole('link', { name: /Regional consultation/ }).click();
    await desk.page.getByRole('tab', { name: 'Coordinators' }).click();
    await desk.page.getByLabel('Party').selectOption('KAZ');
    await desk.page.getByLabel('Email', { exact: true }).fill(user('coordinator.kaz').email);
    await desk.page.getByLabel('Name', { exact: true }).fill(user('coordinator.kaz').displayName);
    await desk.page.getByRole('button', { name: 'Designate' }).click();
    await desk.page.getByText('is now a coordinator').waitFor();
    await desk.context.close();

    // The coordinator registers the delegation and opens the import.
    const kaz = await witness.newPerson({ acceptDownloads: true });
    const page = kaz.page;
    await signIn(page, consoleUrl, 'coordinator.kaz', user('coordinator.kaz').password);
    await page.getByRole('link', { name: /Regional consultation/ }).click();
    await page.getByLabel('Credentials reference').fill('Note verbale No. 14-2/1123');
    await page.getByRole('button', { name: 'Register the delegation' }).click();
    await page.getByText('0 of 250 used').waitFor();
    await page.getByRole('link', { name: 'Import people from a file (Excel or CSV)' }).click();
    await page.getByRole('heading', { name: /Import people/ }).waitFor();
    await witness.look(page, 'bulk-import-start');

    // The template, in the page's language.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the template (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('people-template-en.xlsx');
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const headers = (template.worksheets[0].getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(Object.values(IMPORT_HEADERS.en));
    expect(template.worksheets[0].getCell('H2').dataValidation).toMatchObject({ type: 'list' });

    // The 200-row file: the three bad rows are shown with their errors in their cells.
    await page.getByLabel('File of people (XLSX or CSV)').setInputFiles({
      name: 'kaz-delegation.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await peopleWorkbook(),
    });
    await page.getByRole('button', { name: 'Check the file' }).click();
    const counts = page.getByTestId('import-counts');
    await counts.waitFor();
    await expect(counts.innerText()).resolves.toMatch(
      /Rows in the file\s+200\s+Ready to import\s+197\s+With errors\s+3/,
    );
    // File rows are numbered as in Excel: the header is row 1, person n is on row n + 1.
    await expect(page.getByTestId('error-11-email').innerText()).resolves.toMatch(/email/i);
    await expect(page.getByTestId('error-51-givenLatin').innerText()).resolves.toMatch(/latin/i);
    await expect(page.getByTestId('error-151-email').innerText()).resolves.toContain(
      'The same email is on row 4.',
    );
    await expect(page.locator('.import-cell-invalid').count()).resolves.toBe(4); // row 51 lacks two Latin names
    await page.getByLabel('Show only the rows with problems').check();
    await expect(page.getByRole('row').count()).resolves.toBe(4); // the header and three rows
    await witness.look(page, 'bulk-import-preview');
    await chooseLanguage(page.getByLabel('Language'), 'ar');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await witness.look(page, 'bulk-import-preview');
    await page.getByLabel('اللغة').selectOption('en');
    await page.getByRole('button', { name: 'Check the file' }).waitFor();
    expect(await participantsOfKaz()).toHaveLength(0); // the preview registers no one

    // Import the valid rows: the progress bar, then the summary.
    await page.getByLabel('Import the valid rows (197) and skip the others').check();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await bar.waitFor();
    const summary = page.getByTestId('import-summary');
    // 197 registrations, each the whole path of one: minutes on a busy two-core machine.
    await summary.waitFor({ timeout: 240_000 });
    await expect(summary.innerText()).resolves.toMatch(
      /Imported\s+197\s+Refused\s+0\s+Skipped \(errors\)\s+3/,
    );
    await expect(bar.getAttribute('value')).resolves.toBe('200');
    await page.getByText('The import has finished.').waitFor();
    await witness.look(page, 'bulk-import-summary');
    // The import is in the page's address: a reload shows it again, as it is in the service.
    await page.reload();
    await expect(page.getByTestId('import-summary').innerText()).resolves.toMatch(/Imported\s+197/);
    await chooseLanguage(page.getByLabel('Language'), 'ar');
    await witness.look(page, 'bulk-import-summary');

    // The participants service holds the 197 new people, once each.
    const people = await participantsOfKaz();
    expect(people).toHaveLength(197);
    expect(new Set(people.map((p) => p.email)).size).toBe(197);
    expect(people.map((p) => p.email)).not.toEqual(expect.arrayContaining(['person10-at-mfa.kz.example']));
    expect(people.find((p) => p.email === 'person1@mfa.kz.example')?.role).toBe('head');
    expect(people.find((p) => p.email === 'person7@mfa.kz.example')?.position).toBe('Expert 7');
    const delegations = await request<DelegationDetailsView[]>(
      'GET',
      `${apps.participants.url}/events/${eventId}/delegations`,
      { token: admin },
    );
    expect(delegations.body.find((d) => d.party.code === 'KAZ')?.seats.taken).toBe(197);

    expect(witness.pageErrors).toEqual([]);
    expect(witness.screensWithProblems()).toEqual([]);
    expect(new Set(witness.looked.map((l) => l.language))).toEqual(new Set(['en', 'ar']));
    await kaz.context.close();
    // Two sign-ins, a 200-row file and two languages: longer than the default on a busy machine.
  }, 600_000);

  async function participantsOfKaz(): Promise<ParticipantDetailsView[]> {
    const found: ParticipantDetailsView[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await request<ParticipantPageView>(
        'GET',
        `${apps.participants.url}/events/${eventId}/participants?party=KAZ&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: admin },
      );
      found.push(...(page.body.items as ParticipantDetailsView[]));
      cursor = page.body.nextCursor;
    } while (cursor);
    return found;
  }
});
