/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  DelegationDetailsView,
  EventView,
  ParticipantDetailsView,
  ParticipantSummaryView,
  RegisterParticipantDto,
} from '@plenary/contracts';
import countries from 'i18n-iso-countries';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { DEMO_USERS } from '../../scripts/lib/demo-users.js';
import { BrowserWitness, chooseLanguage, inDays, launchBrowser } from '../support/browser.js';
import { signIn, startConsole } from '../support/console.js';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { identityProviderEnv } from '../support/identity.js';
import { type ServiceProcess, startApps, stopAllApps, testNamespace } from '../support/services.js';
import { coordinator, secretariat } from '../support/tokens.js';

const user = (username: string) => DEMO_USERS.find((u) => u.username === username)!;

type Person = Pick<RegisterParticipantDto, 'role' | 'gender'> & {
  given: string;
  family: string;
  /** accredited, and checked in */
  then?: 'accredit' | 'check-in' | 'reject' | 'withdraw';
};

/** A table as the page shows it: its header and the text of every cell. */
interface Table {
  headers: string[];
  rows: string[][];
}

/** Digits of the page's language (Arabic-Indic in Arabic) read as a number; "—" and words as NaN. */
function numberIn(text: string): number {
  const western = text.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d)));
  const digits = western.replace(/[^0-9]/g, '');
  return digits ? Number(digits) : NaN;
}

/**
 * The attendance dashboard in a real browser against the real services, broker and store: the
 * secretariat, signed in through the identity provider, opens it; every number in every data
 * table equals the participants service's summary; a check-in made elsewhere shows without a
 * reload, and a burst of them reloads the figures a few times, not once each. English and
 * Arabic, photographed and scanned with axe.
 */
describe('attendance dashboard in a browser', () => {
  const namespace = testNamespace('dashboard');
  let apps: Record<'events' | 'participants', ServiceProcess>;
  let consoleApp: ServiceProcess;
  let browser: Browser;
  let closeBrowser: () => Promise<void>;
  let witness: BrowserWitness;
  let admin: string;
  let eventId: string;
  const people: Record<string, ParticipantDetailsView> = {};

  const participantsApi = <T>(method: string, path: string, body?: unknown, token = admin) =>
    request<T>(method, `${apps.participants.url}${path}`, { token, body });
  const summary = async () => {
    const r = await participantsApi<ParticipantSummaryView>('GET', `/events/${eventId}/participants/summary`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const checkIn = async (name: string) =>
    expect((await participantsApi('POST', `/participants/${people[name]!.id}/check-in`, {})).status).toBe(
      200,
    );

  /** The data table of one section of the dashboard, as text. */
  const tableOf = (page: Page, section: string): Promise<Table> =>
    page.getByTestId(section).evaluate((element) => {
      const table = element.querySelector('table')!;
      const text = (cell: Element) => (cell.textContent ?? '').trim();
      return {
        headers: [...table.querySelectorAll('thead th')].map(text),
        rows: [...table.querySelectorAll('tbody tr')].map((row) => [...row.children].map(text)),
      };
    });
  /** One column of a table as numbers, by its header. */
  const column = (table: Table, header: string) => {
    const index = table.headers.indexOf(header);
    expect([header, index]).not.toEqual([header, -1]);
    return table.rows.map((row) => numberIn(row[index]!));
  };

  /** Every number the dashboard's tables show, against the summary, with the headers of the page's language. */
  async function expectTablesToEqual(page: Page, s: ParticipantSummaryView, words: Words): Promise<void> {
    const parties = await tableOf(page, 'dashboard-parties');
    expect(parties.rows.map((r) => r[0])).toEqual(
      s.byParty.map((p) => words.party(p.party.code, p.party.name)),
    );
    expect(column(parties, words.registered)).toEqual(s.byParty.map((p) => p.total));
    expect(column(parties, words.accredited)).toEqual(s.byParty.map((p) => p.byState.accredited ?? 0));
    expect(column(parties, words.present)).toEqual(s.byParty.map((p) => p.checkedIn));
    expect(column(parties, words.pending)).toEqual(s.byParty.map((p) => p.byState.pending ?? 0));
    expect(column(parties, words.rejected)).toEqual(s.byParty.map((p) => p.byState.rejected ?? 0));
    expect(column(parties, words.withdrawn)).toEqual(s.byParty.map((p) => p.byState.withdrawn ?? 0));

    const gender = await tableOf(page, 'dashboard-gender');
    const groups = [s.byGender, s.headsByGender];
    for (const [key, header] of Object.entries(words.genders)) {
      if (!gender.headers.includes(header)) {
        // A column is left out only when nobody in either group has that answer.
        expect(groups.map((g) => g[key] ?? 0)).toEqual([0, 0]);
        continue;
      }
      expect(column(gender, header)).toEqual(groups.map((g) => g[key] ?? 0));
    }
    const totals = groups.map((g) => Object.values(g).reduce((a, b) => a + b, 0));
    expect(column(gender, words.total)).toEqual(totals);
    expect(column(gender, words.womenShare)).toEqual(
      groups.map((g, i) => Math.round(((g.female ?? 0) / totals[i]!) * 100)),
    );

    const roles = await tableOf(page, 'dashboard-roles');
    expect(column(roles, words.participants)).toEqual(
      ['head', 'alternate', 'member', 'adviser', 'expert', 'observer'].map((r) => s.byRole[r] ?? 0),
    );
    const states = await tableOf(page, 'dashboard-states');
    expect(column(states, words.participants)).toEqual([
      ...['pending', 'accredited', 'rejected', 'withdrawn'].map((state) => s.byState[state] ?? 0),
      s.total,
    ]);

    const checkIns = await tableOf(page, 'dashboard-check-ins');
    const buckets = s.checkInsOverTime.buckets;
    expect(column(checkIns, words.checkedIn)).toEqual(buckets.map((b) => b.count));
    expect(column(checkIns, words.presentInTotal)).toEqual(
      buckets.map((_, i) => buckets.slice(0, i + 1).reduce((n, b) => n + b.count, 0)),
    );
    const starts = await page
      .getByTestId('dashboard-check-ins')
      .locator('tbody time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
    expect(starts).toEqual(buckets.map((b) => b.startsAt));

    const present = await page.getByTestId('figure-present').locator('dd').textContent();
    expect(present!.match(/[0-9٠-٩]+/g)!.map(numberIn)).toEqual([s.checkedIn, s.byState.accredited ?? 0]);
  }

  interface Words {
    party(code: string, name: string): string;
    registered: string;
    accredited: string;
    present: string;
    pending: string;
    rejected: string;
    withdrawn: string;
    genders: Record<string, string>;
    total: string;
    womenShare: string;
    participants: string;
    checkedIn: string;
    presentInTotal: string;
  }
  const partyIn = (language: string) => (code: string, name: string) => {
    const alpha2 = countries.alpha3ToAlpha2(code);
    return alpha2 ? new Intl.DisplayNames([language], { type: 'region' }).of(alpha2)! : name;
  };
  /** The headers in a language, from the console's own messages. */
  function wordsIn(language: 'en' | 'ar'): Words {
    type Messages = Record<string, Record<string, string | Record<string, string>>>;
    const m = JSON.parse(
      readFileSync(
        new URL(`../../apps/console/client/src/i18n/locales/${language}.json`, import.meta.url),
        'utf8',
      ),
    ) as Messages;
    const d = m.dashboard as Record<string, Record<string, string>>;
    const states = m.participantStates as Record<string, string>;
    return {
      party: partyIn(language),
      registered: d.parties!.total!,
      accredited: states.accredited!,
      present: d.parties!.present!,
      pending: states.pending!,
      rejected: states.rejected!,
      withdrawn: states.withdrawn!,
      genders: Object.fromEntries(
        ['female', 'male', 'other', 'undisclosed', 'unknown'].map((g) => [g, d.gender![g]!]),
      ),
      total: m.dashboard!.total as string,
      womenShare: d.gender!.womenShare!,
      participants: m.dashboard!.participants as string,
      checkedIn: d.checkIns!.count!,
      presentInTotal: d.checkIns!.present!,
    };
  }
  const ENGLISH = wordsIn('en');
  const ARABIC = wordsIn('ar');

  async function delegation(party: string): Promise<string> {
    const token = await coordinator(eventId, party);
    const created = await eventually(async () => {
      const r = await participantsApi<DelegationDetailsView>(
        'POST',
        `/events/${eventId}/delegations`,
        {
          party,
          coordinator: { name: `Focal point of ${party}`, email: `focal@${party.toLowerCase()}.example` },
        },
        token,
      );
      expect(r.status).toBe(201);
      return r.body;
    });
    return created.id;
  }

  async function register(delegationId: string, person: Person): Promise<void> {
    const r = await participantsApi<ParticipantDetailsView>(
      'POST',
      `/delegations/${delegationId}/participants`,
      {
        name: { given: person.given, family: person.family },
        role: person.role,
        ...(person.gender ? { gender: person.gender } : {}),
        email: `${person.given}.${person.family}@example.org`.toLowerCase(),
      },
    );
    expect(r.status).toBe(201);
    people[person.given] = r.body;
    const steps =
      person.then === 'check-in'
        ? ['accredit', 'check-in']
        : person.then === 'withdraw'
          ? ['accredit', 'check-in', 'withdraw']
          : person.then
            ? [person.then]
            : [];
    for (const step of steps) {
      const body = step === 'reject' ? { reason: 'No credentials letter.' } : {};
      expect((await participantsApi('POST', `/participants/${r.body.id}/${step}`, body)).status).toBe(200);
    }
  }

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
        title: 'Regional consultation on labour migration',
        kind: 'expert-consultation',
        startsAt: inDays(40),
        endsAt: inDays(41, 17),
        timeZone: 'Asia/Kabul',
        registration: { opensAt: inDays(-1), closesAt: inDays(30), quotaPerDelegation: 12 },
        parties: [
          ...['KAZ', 'AFG', 'TJK', 'KGZ'].map((code) => ({ code, standings: ['member'] })),
          { code: 'UNHCR', name: 'United Nations High Commissioner for Refugees', standings: ['observer'] },
        ],
      },
    });
    expect(created.status).toBe(201);
    eventId = created.body.id;
    for (const step of ['announce', 'open-registration'])
      expect(
        (await request('POST', `${apps.events.url}/events/${eventId}/${step}`, { token: admin })).status,
      ).toBe(200);

    const kaz = await delegation('KAZ');
    await register(kaz, {
      given: 'Aigerim',
      family: 'Nurlanova',
      role: 'head',
      gender: 'female',
      then: 'check-in',
    });
    await register(kaz, {
      given: 'Daulet',
      family: 'Argandykov',
      role: 'member',
      gender: 'male',
      then: 'check-in',
    });
    await register(kaz, {
      given: 'Saule',
      family: 'Omarova',
      role: 'adviser',
      gender: 'female',
      then: 'accredit',
    });
    await register(kaz, { given: 'Yerlan', family: 'Abenov', role: 'expert', gender: 'male' });
    const afg = await delegation('AFG');
    await register(afg, { given: 'Farid', family: 'Ahmadi', role: 'head', gender: 'male', then: 'check-in' });
    await register(afg, {
      given: 'Nadia',
      family: 'Karimi',
      role: 'alternate',
      gender: 'undisclosed',
      then: 'accredit',
    });
    await register(afg, { given: 'Omid', family: 'Rahimi', role: 'member', then: 'reject' });
    const tjk = await delegation('TJK');
    await register(tjk, {
      given: 'Rustam',
      family: 'Saidov',
      role: 'head',
      gender: 'male',
      then: 'accredit',
    });
    await register(tjk, {
      given: 'Malika',
      family: 'Karimova',
      role: 'member',
      gender: 'female',
      then: 'withdraw',
    });
    await register(tjk, {
      given: 'Zarina',
      family: 'Rahmonova',
      role: 'observer',
      gender: 'other',
      then: 'check-in',
    });
    // Accredited, not yet here: the live part checks them in.
    for (let i = 1; i <= 8; i++)
      await register(tjk, {
        given: `Arrival${i}`,
        family: 'Latecomer',
        role: 'member',
        gender: i % 2 ? 'female' : 'male',
        then: 'accredit',
      });
    // The summary is kept from the participant messages: the page opens once it counts them all.
    const last = await participantsApi<ParticipantDetailsView>('GET', `/participants/${people.Arrival8!.id}`);
    await eventually(async () => {
      const s = await summary();
      expect(s.total).toBe(Object.keys(people).length);
      expect(Date.parse(s.asOf ?? '')).toBeGreaterThanOrEqual(Date.parse(last.body.updatedAt));
    });
  });

  afterAll(async () => {
    await closeBrowser?.();
    await stopAllApps();
  });

  it('shows the summary’s numbers in every table, follows check-ins live, in English and Arabic', async () => {
    // Charts drawn at once, not animated, for the pictures.
    const { context, page } = await witness.newPerson({ reducedMotion: 'reduce' });
    const summaryRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith(`/events/${eventId}/participants/summary`)) summaryRequests.push(r.url());
    });

    await signIn(page, consoleApp.url, 'secretariat', user('secretariat').password);
    await page.getByRole('link', { name: /Regional consultation/ }).click();
    // From the desk by keyboard: the link takes the focus and Enter follows it.
    await page.getByRole('link', { name: 'Attendance dashboard' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Attendance dashboard' }).waitFor();
    await page.getByTestId('dashboard-check-ins').locator('tbody tr').first().waitFor();

    // The charts are images with a spoken summary; every one has its table.
    const charts = page.locator('canvas[role="img"]');
    await expect(charts.count()).resolves.toBe(5);
    for (const label of await charts.evaluateAll((c) => c.map((x) => x.getAttribute('aria-label') ?? ''))) {
      expect(label).toMatch(/\d/);
    }
    await expect(page.getByRole('table').count()).resolves.toBe(5);
    await page.getByRole('table', { name: 'Gender balance, in numbers' }).waitFor();
    await page
      .getByRole('img', {
        name: /Gender balance: All participants: women 38%, men 50%\. Heads of delegation: women 33%/,
      })
      .waitFor();

    let s = await summary();
    await expectTablesToEqual(page, s, ENGLISH);
    await expect(page.getByTestId('figure-parties').locator('dd').textContent()).resolves.toBe(
      '3 of 5 invited',
    );
    const missing = await page.getByText(/^Invited but not represented/).textContent();
    // Each name is isolated (U+2068 … U+2069) for its direction.
    expect(missing!.replace(/[\u2068\u2069]/g, '')).toBe(
      'Invited but not represented: Kyrgyzstan, United Nations High Commissioner for Refugees.',
    );
    await witness.look(page, 'dashboard');

    // Live: one more check-in elsewhere; the page follows without a reload.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    await checkIn('Saule');
    await page
      .getByTestId('figure-present')
      .getByText(`${s.checkedIn + 1} of`)
      .waitFor({ timeout: 15_000 });
    s = await summary();
    await expectTablesToEqual(page, s, ENGLISH);
    await expect(
      page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).resolves.toBe(true);

    // A burst: eight check-ins over about three seconds reload the figures a few times, not eight.
    await page.waitForLoadState('networkidle');
    const before = summaryRequests.length;
    for (let i = 1; i <= 8; i++) {
      await checkIn(`Arrival${i}`);
      await new Promise((resolve) => setTimeout(resolve, 350));
    }
    await page
      .getByTestId('figure-present')
      .getByText(`${s.checkedIn + 8} of`)
      .waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const reloads = summaryRequests.length - before;
    expect(reloads).toBeGreaterThanOrEqual(1);
    expect(reloads).toBeLessThanOrEqual(4);
    s = await summary();
    await expectTablesToEqual(page, s, ENGLISH);
    await witness.look(page, 'dashboard-live');

    // On a phone: charts above their tables, a wide table scrolls in a box the keyboard reaches.
    await page.setViewportSize({ width: 390, height: 844 });
    const box = page.getByRole('region', { name: 'Parties represented, in numbers' });
    await expect(box.evaluate((b) => [b.scrollWidth > b.clientWidth, b.scrollLeft])).resolves.toEqual([
      true,
      0,
    ]);
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await box.evaluate(
      (b) =>
        new Promise<void>((resolve, reject) => {
          const started = Date.now();
          const check = () =>
            b.scrollLeft > 0
              ? resolve()
              : Date.now() - started > 3000
                ? reject(new Error('not scrolled'))
                : requestAnimationFrame(check);
          check();
        }),
    );
    await witness.look(page, 'dashboard-phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Arabic, right to left: the same numbers, in the language's digits.
    await chooseLanguage(page.getByLabel('Language'), 'ar');
    await expect(page.evaluate(() => document.documentElement.dir)).resolves.toBe('rtl');
    await page.getByRole('heading', { level: 1, name: 'لوحة متابعة الحضور' }).waitFor();
    await expectTablesToEqual(page, await summary(), ARABIC);
    await witness.look(page, 'dashboard');

    expect(witness.pageErrors).toEqual([]);
    expect(witness.screensWithProblems()).toEqual([]);
    expect(new Set(witness.looked.map((l) => l.language))).toEqual(new Set(['en', 'ar']));
    await context.close();
  });
});
