/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AttendanceView,
  DelegationDetailsView,
  EventView,
  ParticipantDetailsView,
  ReportDetailsView,
  ReportVersionSummaryView,
} from '@plenary/contracts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_USERS } from '../../scripts/lib/demo-users.js';
import { BrowserWitness, chooseLanguage, inDays, launchBrowser } from '../support/browser.js';
import { signIn, startConsole } from '../support/console.js';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { identityProviderEnv } from '../support/identity.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { coordinator, secretariat } from '../support/tokens.js';

const officer = DEMO_USERS.find((u) => u.username === 'secretariat')!;

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
 * The outcome report written in the console, in a real browser against the real services,
 * broker and store: the secretariat writes the outcome of a meeting whose delegations attended
 * (a statement by a participant picked by name, an agreement of the parties that attended, a
 * follow-up action), watches it save itself, previews the page, the Markdown and the PDF, meets
 * the rule that a meeting not yet held has no published outcome, publishes once it is concluded,
 * meets a concurrent change, amends with a change note and reads the difference; then writes the
 * Russian translation and starts an Arabic one, right to left. What was typed is checked in the
 * reports API. Every screen is photographed in English and Arabic and scanned with axe.
 */
describe('outcome report editor in a browser', () => {
  const namespace = testNamespace('report-editor');
  let apps: Record<AppName, ServiceProcess>;
  let consoleApp: ServiceProcess;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let witness: BrowserWitness;
  let admin: string;
  let eventId: string;

  const api = <T>(app: AppName, method: string, path: string, body?: unknown, token = admin, headers = {}) =>
    request<T>(method, `${apps[app].url}${path}`, { token, body, headers });

  /** Waits for the draft to say it is saved (after the autosave delay). */
  const saved = (page: Page) =>
    page
      .getByTestId('save-status')
      .getByText(/^Saved at \d{1,2}:\d{2}/)
      .waitFor({ timeout: 15_000 });

  const entry = (page: Page, name: string): Locator => page.getByRole('group', { name, exact: true });

  async function register(party: string, person: Record<string, unknown>): Promise<void> {
    const token = await coordinator(eventId, party);
    const delegation = await eventually(async () => {
      const r = await api<DelegationDetailsView>(
        'participants',
        'POST',
        `/events/${eventId}/delegations`,
        {
          party,
          coordinator: { name: `Focal point ${party}`, email: `focal@${party.toLowerCase()}.example` },
        },
        token,
      );
      expect(r.status).toBe(201);
      return r.body;
    });
    const added = await api<ParticipantDetailsView>(
      'participants',
      'POST',
      `/delegations/${delegation.id}/participants`,
      person,
      token,
    );
    expect(added.status).toBe(201);
    expect((await api('participants', 'POST', `/participants/${added.body.id}/accredit`)).status).toBe(200);
  }

  beforeAll(async () => {
    apps = await startApps(['events', 'participants', 'reports'], {
      namespace,
      extra: identityProviderEnv(),
    });
    consoleApp = await startConsole(
      { namespace },
      { events: apps.events.url, participants: apps.participants.url, reports: apps.reports.url },
    );
    ({ browser, close: closeBrowser } = await launchBrowser());
    witness = new BrowserWitness(browser, 'report-');
    admin = await secretariat();
    const created = await api<EventView>('events', 'POST', '/events', {
      title: `Regional consultation on migration ${namespace.slice(-6)}`,
      kind: 'meeting',
      startsAt: inDays(20, 4),
      endsAt: inDays(20, 12),
      timeZone: 'Asia/Almaty',
      languages: ['en', 'ru'],
      registration: { opensAt: inDays(-1), closesAt: inDays(10), quotaPerDelegation: 3 },
      parties: [
        { code: 'KAZ', standings: ['member', 'host', 'chair'] },
        { code: 'AFG', standings: ['member'] },
        { code: 'TJK', standings: ['member'] },
      ],
      agenda: [{ title: 'Migration trends in the region' }, { title: 'Protection of refugees' }],
    });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    for (const step of ['announce', 'open-registration'])
      expect((await api('events', 'POST', `/events/${eventId}/${step}`)).status).toBe(200);
    await register('KAZ', {
      name: { given: 'Даулет', family: 'Аргандыков', givenLatin: 'Daulet', familyLatin: 'Argandykov' },
      position: 'Vice-Minister of Labour and Social Protection',
      role: 'head',
      email: 'd.argandykov@mfa.kz.example',
    });
    await register('AFG', {
      name: { given: 'Mohammad', family: 'Rahimi' },
      position: 'Deputy Minister of Refugees and Repatriation',
      role: 'head',
      email: 'm.rahimi@mfa.af.example',
    });
    // The meeting has not taken place yet: registration is closed, the session not started.
    expect((await api('events', 'POST', `/events/${eventId}/close-registration`)).status).toBe(200);
    await eventually(async () => {
      const attendance = await api<AttendanceView>('reports', 'GET', `/events/${eventId}/attendance`);
      expect(attendance.body.totals.delegations).toBe(2);
      expect(attendance.body.event?.state).toBe('registration-closed');
    }, 30_000);
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stopAllApps();
  });

  it('writes, previews, publishes, amends and compares the outcome in English and Russian', async () => {
    const consoleUrl = consoleApp.url;
    const { context, page } = await witness.newPerson();
    await signIn(page, consoleUrl, officer.username, officer.password);
    await page.goto(`${consoleUrl}/meetings/${eventId}`);
    await page.getByRole('tab', { name: 'Outcome' }).click();
    await page.getByText('No report has been started for this meeting yet.').waitFor();
    await witness.look(page, 'outcome-empty');

    // The English original.
    const start = page.getByRole('form', { name: 'Start the outcome report' });
    await expect(start.getByLabel('Language').inputValue()).resolves.toBe('en');
    await start.getByLabel('Title').fill('Outcome of the regional consultation on migration');
    await start.getByRole('button', { name: 'Start the report' }).click();
    await page.getByRole('heading', { name: 'Outcome report — English' }).waitFor();
    const englishId = new URL(page.url()).pathname.split('/').pop()!;

    const summary =
      'The member states reviewed migration in the region and agreed to reinforce the coordination of their authorities.';
    await page.getByLabel('Summary').fill(summary);
    await page.getByRole('button', { name: /Add the sections from the agenda/ }).click();
    const sectionTexts = [
      'The Vice-Minister opened the meeting and welcomed the delegations.',
      'The delegations presented the migratory movements of the past year.',
      'UNHCR and the delegations discussed the protection of refugees.',
      'The chair closed the meeting.',
    ];
    for (const [i, text] of sectionTexts.entries())
      await entry(page, `Section ${i + 1}`)
        .getByLabel('Text')
        .fill(text);
    await expect(entry(page, 'Section 2').getByLabel('Heading').inputValue()).resolves.toBe(
      'Migration trends in the region',
    );

    // A statement: the speaker picked from the participants by the first letters of a name.
    await page.getByRole('button', { name: 'Add a statement' }).click();
    const statement = entry(page, 'Statement 1');
    // Typed as a person types, key by key.
    await statement.getByRole('combobox', { name: 'Speaker' }).pressSequentially('Daul');
    await page.getByRole('option', { name: /Daulet Argandykov/ }).click();
    await expect(statement.getByLabel('Position').inputValue()).resolves.toBe(
      'Vice-Minister of Labour and Social Protection',
    );
    await expect(statement.getByLabel('Party').inputValue()).resolves.toBe('KAZ');
    await statement
      .getByLabel('What was said')
      .fill('As a single region we acknowledge the urgency of working together.');

    // An agreement of two of the parties that attended.
    await page.getByRole('button', { name: 'Add an agreement' }).click();
    const agreement = entry(page, 'Agreement 1');
    await agreement
      .getByLabel('What was agreed')
      .fill('To reinforce coordination among the migration authorities of the member states.');
    await expect(agreement.getByRole('checkbox').count()).resolves.toBe(2);
    await agreement.getByRole('checkbox', { name: 'Kazakhstan' }).check();
    await agreement.getByRole('checkbox', { name: 'Afghanistan' }).check();

    // A follow-up action.
    await page.getByRole('button', { name: 'Add a follow-up action' }).click();
    const action = entry(page, 'Action 1');
    await action.getByLabel('What is to be done').fill('Circulate a draft plan of joint activities');
    await action.getByLabel('Who does it').fill('The chair (Kazakhstan) with IOM');
    await action.getByLabel('Due date').fill('2028-02-01');
    await action.getByLabel('Status').selectOption('in-progress');
    // An entry begun but not finished is kept in the editor, said so, and not sent yet.
    await page.getByRole('button', { name: 'Add an annex' }).click();
    await entry(page, 'Annex 1').getByLabel('Title of the document').fill('List of participants');
    await entry(page, 'Annex 1').getByText('Not saved yet: still needs an address.').waitFor();
    await saved(page);
    await witness.look(page, 'editor');

    // What was typed is what the reports service stores.
    const stored = (await api<ReportDetailsView>('reports', 'GET', `/reports/${englishId}`)).body;
    expect(stored).toMatchObject({ language: 'en', original: true, state: 'draft' });
    expect(stored.workingVersion!.content).toMatchObject({
      title: 'Outcome of the regional consultation on migration',
      summary,
      statements: [
        {
          speaker: 'Daulet Argandykov',
          position: 'Vice-Minister of Labour and Social Protection',
          party: 'KAZ',
          quote: 'As a single region we acknowledge the urgency of working together.',
        },
      ],
      decisions: [
        {
          kind: 'agreement',
          text: 'To reinforce coordination among the migration authorities of the member states.',
          parties: ['KAZ', 'AFG'],
        },
      ],
      followUps: [
        {
          action: 'Circulate a draft plan of joint activities',
          responsible: 'The chair (Kazakhstan) with IOM',
          dueDate: '2028-02-01',
          status: 'in-progress',
        },
      ],
      annexes: [],
    });
    expect(stored.workingVersion!.content.sections.map((s) => [s.kind, s.text])).toEqual([
      ['opening', sectionTexts[0]],
      ['agenda-item', sectionTexts[1]],
      ['agenda-item', sectionTexts[2]],
      ['closing', sectionTexts[3]],
    ]);
    await entry(page, 'Annex 1')
      .getByLabel('Address (https://…)')
      .fill('https://documents.example.org/consultation/participants.pdf');
    await saved(page);
    await eventually(async () => {
      const r = await api<ReportDetailsView>('reports', 'GET', `/reports/${englishId}`);
      expect(r.body.workingVersion!.content.annexes).toHaveLength(1);
    });

    // Previews of the draft: the public page in a sandboxed frame, the Markdown, the PDF.
    await page.getByRole('tab', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Show the public page' }).click();
    const frame = page.locator('iframe[title="Preview of the public page"]');
    await expect(frame.getAttribute('sandbox')).resolves.toBe('');
    await page.frameLocator('iframe[title="Preview of the public page"]').getByText(summary).waitFor();
    await witness.look(page, 'preview-page', { framed: true });
    await page.getByRole('button', { name: 'Show the Markdown' }).click();
    await expect(page.locator('pre.preview-markdown').textContent()).resolves.toContain(
      '# Outcome of the regional consultation on migration',
    );
    const pdfHref = await page.getByRole('link', { name: 'Open the PDF' }).getAttribute('href');
    const pdf = await page.request.get(`${consoleUrl}${pdfHref}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdfText(await pdf.body())).replace(/\s+/g, ' ')).toContain('Circulate a draft plan');

    // Submit; publishing is refused while the meeting has not taken place, in the dialog, in plain words.
    await page.getByRole('button', { name: 'Submit for review…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Submit for review' }).click();
    await page.getByTestId('report-state').getByText('In review').waitFor();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await dialog.getByText('The meeting has not been held yet').waitFor();
    await witness.look(page, 'publish-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await api<ReportDetailsView>('reports', 'GET', `/reports/${englishId}`)).body.state).toBe(
      'in-review',
    );

    // The meeting takes place; now it publishes.
    for (const step of ['start', 'conclude'])
      expect((await api('events', 'POST', `/events/${eventId}/${step}`)).status).toBe(200);
    await eventually(async () => {
      const attendance = await api<AttendanceView>('reports', 'GET', `/events/${eventId}/attendance`);
      expect(attendance.body.event?.state).toBe('concluded');
    });
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('report-state').getByText('Published').waitFor();
    const published = (await api<ReportDetailsView>('reports', 'GET', `/reports/${englishId}`)).body;
    expect(published.published).toMatchObject({
      number: 1,
      content: { summary, statements: [{ speaker: 'Daulet Argandykov', party: 'KAZ' }] },
    });
    expect(published.published!.attendance.totals.delegations).toBe(2);
    const publicPage = await (await fetch(`${apps.reports.url}/reports/${englishId}.html`)).text();
    expect(publicPage).toContain('Circulate a draft plan of joint activities');

    // An amendment, changed meanwhile by someone else: both are shown, nothing is overwritten.
    await page.getByRole('button', { name: 'Amend…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Start the amendment' }).click();
    await page.getByTestId('report-state').getByText('Published').waitFor();
    await page.getByRole('tab', { name: 'Write' }).click();
    await page.getByLabel('Summary').waitFor();
    const current = await api<ReportDetailsView>('reports', 'GET', `/reports/${englishId}`);
    expect(current.body.working).toEqual({ number: 2, state: 'draft' });
    const theirs = await api(
      'reports',
      'PATCH',
      `/reports/${englishId}/draft`,
      { summary: `${summary} Their sentence.` },
      admin,
      { 'if-match': `"${current.body.version}"` },
    );
    expect(theirs.status).toBe(200);
    await page.getByRole('button', { name: 'Add a recommendation' }).click();
    await entry(page, 'Recommendation 1')
      .getByLabel('What is recommended')
      .fill('Meet again next year in Bishkek.');
    await page
      .getByTestId('save-status')
      .getByText('someone changed this meanwhile')
      .waitFor({ timeout: 15_000 });
    const conflict = page.getByRole('alert').filter({ hasText: 'Someone changed this meanwhile' });
    await conflict.locator('ins').filter({ hasText: 'Bishkek' }).first().waitFor();
    await conflict.locator('del').filter({ hasText: 'Their sentence' }).first().waitFor();
    await witness.look(page, 'conflict');
    await conflict.getByRole('button', { name: 'Keep mine (save over theirs)' }).click();
    await saved(page);
    await eventually(async () => {
      const r = await api<ReportDetailsView>('reports', 'GET', `/reports/${englishId}`);
      expect(r.body.workingVersion!.content).toMatchObject({
        summary,
        recommendations: [{ text: 'Meet again next year in Bishkek.' }],
      });
    });

    // The amendment is published with its change note.
    await page.getByRole('button', { name: 'Submit for review…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('button', { name: 'Publish…' }).click();
    const publish = page.getByRole('alertdialog');
    await publish.getByRole('button', { name: 'Publish' }).click();
    await publish.getByText('An amendment is published with a change note').waitFor();
    await publish.getByLabel('Change note').fill('Added the recommendation on the next meeting.');
    await publish.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Amend…' }).waitFor();
    const amended = (await api<ReportDetailsView>('reports', 'GET', `/reports/${englishId}`)).body;
    expect(amended.published).toMatchObject({
      number: 2,
      changeNote: 'Added the recommendation on the next meeting.',
      content: { recommendations: [{ text: 'Meet again next year in Bishkek.' }] },
    });

    // The versions, and what changed from one to the other.
    await page.getByRole('tab', { name: 'Versions' }).click();
    const versions = page.getByRole('table', { name: 'Versions' });
    await versions.getByRole('row', { name: /Version 1 Superseded/ }).waitFor();
    const second = versions.getByRole('row', { name: /Version 2 Published/ });
    await second.getByText('Added the recommendation on the next meeting.').waitFor();
    await second.getByText(officer.displayName).waitFor();
    await versions.getByRole('button', { name: 'Open version 1' }).click();
    await page.getByRole('heading', { name: 'Version 1 (Superseded), read only' }).waitFor();
    await page.getByRole('button', { name: 'Show the differences' }).click();
    await page.getByRole('heading', { name: 'What changed from version 1 to version 2' }).waitFor();
    const diff = page.locator('table.diff-table');
    const added = diff.locator('tr[data-part="recommendations"]');
    await expect(added.locator('th').textContent()).resolves.toContain('added');
    await expect(added.locator('ins').textContent()).resolves.toContain('Meet again next year in Bishkek.');
    await expect(diff.locator('tr[data-part="statements"]').count()).resolves.toBe(0);
    await witness.look(page, 'versions-diff');
    const summaries = await api<ReportVersionSummaryView[]>(
      'reports',
      'GET',
      `/reports/${englishId}/versions`,
    );
    expect(summaries.body.map((v) => [v.number, v.state, v.publishedBy])).toEqual([
      [1, 'superseded', officer.displayName],
      [2, 'published', officer.displayName],
    ]);

    // The Russian translation, from the original's text, edited in Russian.
    await page.goto(`${consoleUrl}/meetings/${eventId}`);
    await page.getByRole('tab', { name: 'Outcome' }).click();
    await page.getByRole('row', { name: /English Original Published/ }).waitFor();
    const translation = page.getByRole('form', { name: 'Start a translation' });
    await translation.getByLabel('Language').selectOption('ru');
    await translation.getByLabel('Title').fill('Итоги региональной консультации по миграции');
    await translation.getByRole('button', { name: 'Start the report' }).click();
    await page.getByRole('heading', { name: 'Outcome report — Russian' }).waitFor();
    const russianId = new URL(page.url()).pathname.split('/').pop()!;
    const russianSummary =
      'Государства-члены рассмотрели миграцию в регионе и договорились укрепить координацию своих ведомств.';
    const summaryField = page.getByLabel('Summary');
    await expect(summaryField.getAttribute('lang')).resolves.toBe('ru');
    await summaryField.fill(russianSummary);
    const russianStatement = entry(page, 'Statement 1');
    await russianStatement.getByRole('combobox', { name: 'Speaker' }).clear();
    await russianStatement.getByRole('combobox', { name: 'Speaker' }).pressSequentially('Арган');
    // Picked by keyboard alone: down to the first match, Enter.
    await page.getByRole('option', { name: /Даулет Аргандыков/ }).waitFor();
    await russianStatement.getByRole('combobox', { name: 'Speaker' }).press('ArrowDown');
    await russianStatement.getByRole('combobox', { name: 'Speaker' }).press('Enter');
    await expect(russianStatement.getByRole('combobox', { name: 'Speaker' }).inputValue()).resolves.toBe(
      'Даулет Аргандыков',
    );
    await russianStatement
      .getByLabel('What was said')
      .fill('Как единый регион мы признаём необходимость совместной работы.');
    await entry(page, 'Action 1')
      .getByLabel('What is to be done')
      .fill('Разослать проект плана совместных действий');
    await saved(page);
    await witness.look(page, 'editor-ru');
    await page.getByRole('button', { name: 'Submit for review…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Submit for review' }).click();
    await page.getByRole('button', { name: 'Publish…' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Amend…' }).waitFor();
    const russian = (await api<ReportDetailsView>('reports', 'GET', `/reports/${russianId}`)).body;
    expect(russian).toMatchObject({ language: 'ru', original: false, state: 'published' });
    expect(russian.published!.content).toMatchObject({
      title: 'Итоги региональной консультации по миграции',
      summary: russianSummary,
      statements: [
        {
          speaker: 'Даулет Аргандыков',
          party: 'KAZ',
          quote: 'Как единый регион мы признаём необходимость совместной работы.',
        },
      ],
      decisions: [{ parties: ['KAZ', 'AFG'] }],
      followUps: [{ action: 'Разослать проект плана совместных действий', dueDate: '2028-02-01' }],
    });

    // In Arabic: the screens right to left, and an Arabic report written right to left.
    await chooseLanguage(page.getByLabel('Language', { exact: true }).first(), 'ar');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await witness.look(page, 'published-ru');
    await page.goto(`${consoleUrl}/meetings/${eventId}/reports/${englishId}`);
    await page.getByRole('tab').nth(1).click();
    await page.locator('table').first().waitFor();
    await page
      .getByRole('form')
      .filter({ has: page.locator('select[name="diff-from"]') })
      .getByRole('button')
      .click();
    await page.locator('table.diff-table').waitFor();
    await witness.look(page, 'versions-diff');
    await page.goto(`${consoleUrl}/meetings/${eventId}`);
    await page.getByRole('tab', { name: 'النتائج' }).click();
    const arabic = page.locator('form[aria-labelledby="start-report-title"]');
    await arabic.locator('select[name="report-language"]').selectOption('ar');
    await arabic.locator('input').first().fill('نتائج المشاورة الإقليمية بشأن الهجرة');
    await expect(arabic.locator('input').first().getAttribute('dir')).resolves.toBe('rtl');
    await witness.look(page, 'outcome');
    await arabic.locator('button[type="submit"]').click();
    await page.locator('textarea').first().waitFor();
    await expect(page.locator('textarea').first().getAttribute('dir')).resolves.toBe('rtl');
    await expect(page.locator('textarea').first().getAttribute('lang')).resolves.toBe('ar');
    await page.locator('textarea').first().fill('اجتمعت الدول الأعضاء في ألماتي واتفقت على تعزيز التنسيق.');
    await page.getByTestId('save-status').getByText(/حُفظ/).waitFor({ timeout: 15_000 });
    await witness.look(page, 'editor-ar');

    expect(witness.pageErrors).toEqual([]);
    expect(witness.screensWithProblems()).toEqual([]);
    expect(new Set(witness.looked.map((l) => l.language))).toEqual(new Set(['en', 'ar']));
    await context.close();
  }, 360_000);
});
