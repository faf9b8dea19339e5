import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CheckInView,
  DelegationDetailsView,
  EventView,
  ParticipantDetailsView,
  ParticipantPageView,
  ParticipantSummaryView,
} from '@plenary/contracts';
import ExcelJS from 'exceljs';
import { DEVELOPMENT_BADGE_SIGNING_SECRET } from '../../apps/participants/src/participants.config.js';
import { signBadgeCode } from '../../apps/participants/src/badges/badge-codes.js';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TestKafka } from '../support/kafka.js';
import { pdfContent } from '../support/pdf-content.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { coordinator, observer, secretariat } from '../support/tokens.js';

type Body = { code?: string; message?: string; errors?: Array<{ field: string; messages: string[] }> };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The secretariat's desk over real HTTP, store and broker: the XLSX export read back with
 * exceljs, printable badges whose QR codes decode to their signed codes, check-in by code (once,
 * whatever the repeats), forged and foreign codes refused, and the list's filters, search and sorts.
 */
describe('badges and check-in', () => {
  const namespace = testNamespace('badges');
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;
  const meeting = { id: '', title: '' };
  let otherMeeting = '';
  const people = {} as Record<'daulet' | 'mohammad' | 'elodie' | 'pending', ParticipantDetailsView>;
  const delegations = {} as Record<'KAZ' | 'AFG' | 'FRA', { id: string; token: string }>;

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const events = <T = EventView>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${apps.events.url}${path}`, { token: admin, body });
  const api = <T = Body>(method: string, path: string, token = admin, body?: unknown) =>
    request<T>(method, `${apps.participants.url}${path}`, { token, body });
  const download = async (path: string, token = admin) => {
    const response = await fetch(`${apps.participants.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { response, bytes: await response.arrayBuffer() };
  };
  const checkIn = (code: string, eventId = meeting.id) =>
    api<CheckInView & Body>('POST', `/events/${eventId}/check-ins`, admin, { code });
  const checkInMessages = async (participantId: string) =>
    (await new TestKafka().readAll(`${namespace}.plenary.participants`)).filter(
      (m) =>
        m.headers.ce_type === 'participant.checked-in' &&
        (JSON.parse(m.value!) as { participant: { id: string } }).participant.id === participantId,
    );

  async function openMeeting(title: string, parties: string[]): Promise<string> {
    const created = await events('POST', '/events', {
      title,
      kind: 'expert-consultation',
      startsAt: inDays(60),
      endsAt: inDays(60, 17),
      timeZone: 'Asia/Almaty',
      registration: { opensAt: inDays(-1), closesAt: inDays(50), quotaPerDelegation: 5 },
      parties: parties.map((code) => ({ code, standings: ['member'] })),
    });
    expect(created.status).toBe(201);
    for (const step of ['announce', 'open-registration'])
      expect((await events('POST', `/events/${created.body.id}/${step}`)).status).toBe(200);
    return created.body.id;
  }

  async function delegation(eventId: string, party: string) {
    const token = await coordinator(eventId, party);
    const created = await eventually(async () => {
      const r = await api<DelegationDetailsView>('POST', `/events/${eventId}/delegations`, token, {
        party,
        coordinator: { name: `Focal point of ${party}`, email: `focal@${party.toLowerCase()}.example` },
      });
      expect(r.status).toBe(201);
      return r.body;
    });
    return { id: created.id, token };
  }

  async function register(delegationId: string, name: Record<string, string>, role = 'member') {
    const r = await api<ParticipantDetailsView>('POST', `/delegations/${delegationId}/participants`, admin, {
      name,
      role,
      email: `${name.givenLatin ?? name.given}.${Math.random().toString(36).slice(2, 8)}@example.org`
        .normalize('NFKD')
        .replace(/\p{Mark}/gu, '')
        .toLowerCase(),
    });
    expect(r.status).toBe(201);
    return r.body;
  }

  const accredit = async (id: string) => {
    const r = await api<ParticipantDetailsView>('POST', `/participants/${id}/accredit`);
    expect(r.status).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    apps = await startApps(['events', 'participants'], { namespace });
    admin = await secretariat();
    meeting.title = 'Almaty Process — Совещание экспертов';
    meeting.id = await openMeeting(meeting.title, ['KAZ', 'AFG', 'FRA']);
    delegations.KAZ = await delegation(meeting.id, 'KAZ');
    delegations.AFG = await delegation(meeting.id, 'AFG');
    delegations.FRA = await delegation(meeting.id, 'FRA');
    people.daulet = await accredit(
      (
        await register(
          delegations.KAZ.id,
          { given: 'Даулет', family: 'Аргандыков', givenLatin: 'Daulet', familyLatin: 'Argandykov' },
          'head',
        )
      ).id,
    );
    people.mohammad = await accredit(
      (
        await register(
          delegations.AFG.id,
          { given: 'محمد', family: 'عبدالله', givenLatin: 'Mohammad', familyLatin: 'Abdullah' },
          'head',
        )
      ).id,
    );
    people.elodie = await accredit(
      (await register(delegations.FRA.id, { given: 'Élodie', family: 'Durand' })).id,
    );
    people.pending = await register(delegations.KAZ.id, { given: 'Aigerim', family: 'Seitkali' });

    otherMeeting = await openMeeting('Another meeting', ['KAZ']);
  });

  afterAll(stopAllApps);

  describe('badge codes', () => {
    it('are shown, once a badge number exists, to the secretariat and the party’s coordinator only', async () => {
      expect(people.daulet.badgeCode).toMatch(
        new RegExp(`^PB1\\.${meeting.id}\\.${people.daulet.badgeNumber}\\.[A-Za-z0-9_-]{22}$`),
      );
      expect(people.pending.badgeCode).toBeUndefined();
      const own = await api<ParticipantDetailsView>(
        'GET',
        `/participants/${people.daulet.id}`,
        delegations.KAZ.token,
      );
      expect(own.body.badgeCode).toBe(people.daulet.badgeCode);
      const other = await api<ParticipantDetailsView>(
        'GET',
        `/participants/${people.daulet.id}`,
        delegations.AFG.token,
      );
      expect(other.body.badgeCode).toBeUndefined();
      const watcher = await api<ParticipantDetailsView>(
        'GET',
        `/participants/${people.daulet.id}`,
        await observer(),
      );
      expect(JSON.stringify(watcher.body)).not.toContain('PB1.');
    });

    it('never go out on the participants topic', async () => {
      const published = await eventually(async () => {
        const found = (await new TestKafka().readAll(`${namespace}.plenary.participants`)).filter(
          (m) => m.key === meeting.id && m.headers.ce_type === 'participant.accredited',
        );
        expect(found).toHaveLength(3);
        return found;
      });
      for (const message of published) expect(message.value).not.toContain('PB1.');
    });
  });

  describe('the XLSX export', () => {
    it('holds the same columns as the CSV, names in both scripts, with a bold frozen header', async () => {
      const { response, bytes } = await download(`/events/${meeting.id}/participants.xlsx`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(XLSX);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="participants-${meeting.id}.xlsx"`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes);
      const sheet = workbook.getWorksheet('Participants')!;
      const csv = (await api<string>('GET', `/events/${meeting.id}/participants.csv`)).body;
      const csvHeader = csv
        .replace(/^\uFEFF/, '')
        .split('\r\n')[0]
        .split(',');
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(csvHeader);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(8);

      const rows = [] as Record<string, unknown>[];
      sheet.eachRow((row, n) => {
        if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1).value])));
      });
      expect(rows).toHaveLength(4);
      const daulet = rows.find((r) => r['Family name (Latin)'] === 'Argandykov')!;
      expect(daulet).toMatchObject({
        'Given name': 'Даулет',
        'Family name': 'Аргандыков',
        Badge: people.daulet.badgeNumber,
      });
      const mohammad = rows.find((r) => r['Family name (Latin)'] === 'Abdullah')!;
      expect(mohammad).toMatchObject({ 'Given name': 'محمد', 'Family name': 'عبدالله' });
      const arabicCell = sheet.getRow(rows.indexOf(mohammad) + 2).getCell(header.indexOf('Given name') + 1);
      expect(arabicCell.alignment?.readingOrder).toBe('rtl');
    });

    it('gives a coordinator their own delegation, and refuses an observer', async () => {
      const { response, bytes } = await download(
        `/events/${meeting.id}/participants.xlsx`,
        delegations.KAZ.token,
      );
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes);
      expect(workbook.getWorksheet('Participants')!.rowCount).toBe(3); // header, Daulet, Aigerim
      const refused = await api('GET', `/events/${meeting.id}/participants.xlsx`, await observer());
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/json');
    });
  });

  describe('printable badges', () => {
    it('hold every accredited participant’s signed code, in a QR code that scans to it', async () => {
      const { response, bytes } = await download(`/events/${meeting.id}/badges.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`inline; filename="badges-${meeting.id}.pdf"`);
      const content = await pdfContent(bytes);
      const codes = [people.daulet, people.mohammad, people.elodie].map((p) => p.badgeCode!);
      expect(content.qrCodes.sort()).toEqual([...codes].sort());
      const text = content.pages.join('\n');
      for (const code of codes) expect(text).toContain(code);
      expect(text).toContain('Даулет Аргандыков');
      expect(text).toContain('Daulet Argandykov');
      expect(text).toContain('Mohammad Abdullah');
      expect(text).toContain('Élodie Durand');
      expect(text).toContain(meeting.title);
      expect(text).not.toContain('Seitkali'); // pending: no badge
    });

    it('prints one party, or the ids given, one A6 page each', async () => {
      const party = await pdfContent(
        (await download(`/events/${meeting.id}/badges.pdf?party=AFG&layout=a6`)).bytes,
      );
      expect(party.qrCodes).toEqual([people.mohammad.badgeCode]);
      const ids = [people.daulet.id, people.elodie.id, people.pending.id].join(',');
      const chosen = await pdfContent(
        (await download(`/events/${meeting.id}/badges.pdf?ids=${ids}&layout=a6`)).bytes,
      );
      expect(chosen.pages).toHaveLength(2);
      expect(chosen.qrCodes.sort()).toEqual([people.daulet.badgeCode, people.elodie.badgeCode].sort());
      const none = await api(`GET`, `/events/${meeting.id}/badges.pdf?ids=${people.pending.id}`);
      expect(none).toMatchObject({ status: 404, body: { code: 'NO_BADGES_TO_PRINT' } });
      const coordinatorAsks = await api('GET', `/events/${meeting.id}/badges.pdf`, delegations.KAZ.token);
      expect(coordinatorAsks.status).toBe(403);
    });
  });

  describe('check-in by code', () => {
    it('checks in once: a repeat changes nothing, publishes nothing and says when', async () => {
      const first = await checkIn(people.daulet.badgeCode!);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({
        id: people.daulet.id,
        alreadyCheckedIn: false,
        checkedInAt: expect.any(String),
      });
      const again = await checkIn(people.daulet.badgeCode!);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({
        id: people.daulet.id,
        alreadyCheckedIn: true,
        checkedInAt: first.body.checkedInAt,
        version: first.body.version,
      });
      await eventually(async () => expect(await checkInMessages(people.daulet.id)).toHaveLength(1));
      // The relay sweeps every 500 ms here: time for a second message, were there one.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await checkInMessages(people.daulet.id)).toHaveLength(1);
      // The summary is kept from the messages: it follows within moments.
      await eventually(async () => {
        const summary = await api<ParticipantSummaryView>(
          'GET',
          `/events/${meeting.id}/participants/summary`,
        );
        expect(summary.body).toMatchObject({ checkedIn: 1, byState: { accredited: 3, pending: 1 } });
      });
    });

    it('refuses a code with one character changed, and changes nothing', async () => {
      const code = people.mohammad.badgeCode!;
      const last = code.at(-1) === 'A' ? 'B' : 'A';
      for (const forged of [
        `${code.slice(0, -1)}${last}`,
        code.replace(`.${people.mohammad.badgeNumber}.`, '.0001.'),
      ]) {
        const refused = await checkIn(forged);
        expect(refused.status).toBe(400);
        expect(refused.body).toMatchObject({
          code: 'BADGE_CODE_INVALID',
          message: "This badge's code is not genuine — check the person's identity and search by name.",
          errors: [{ field: 'code' }],
        });
      }
      const nonsense = await checkIn('https://example.org/not-a-badge');
      expect(nonsense.body.code).toBe('BADGE_CODE_INVALID');
      const after = await api<ParticipantDetailsView>('GET', `/participants/${people.mohammad.id}`);
      expect(after.body.checkedInAt).toBeUndefined();
      expect(after.body.version).toBe(people.mohammad.version);
      const summary = await api<ParticipantSummaryView>('GET', `/events/${meeting.id}/participants/summary`);
      expect(summary.body.checkedIn).toBe(1);
    });

    it('refuses a badge of another meeting', async () => {
      const kaz = await delegation(otherMeeting, 'KAZ');
      const elsewhere = await accredit((await register(kaz.id, { given: 'Nurlan', family: 'Bekov' })).id);
      expect(elsewhere.badgeCode).toBeDefined();
      const refused = await checkIn(elsewhere.badgeCode!);
      expect(refused).toMatchObject({ status: 400, body: { code: 'BADGE_OF_ANOTHER_MEETING' } });
      // At its own meeting it is good.
      expect((await checkIn(elsewhere.badgeCode!, otherMeeting)).body.alreadyCheckedIn).toBe(false);
    });

    it('answers 404 for a badge no one holds, and 409 when its holder no longer attends', async () => {
      // The service under test signs with the development key (NODE_ENV=test), which this test knows.
      const unheld = signBadgeCode(DEVELOPMENT_BADGE_SIGNING_SECRET, {
        eventId: meeting.id,
        badgeNumber: '9999',
      });
      expect(await checkIn(unheld)).toMatchObject({ status: 404, body: { code: 'BADGE_NOT_FOUND' } });
      const withdrawn = await api<ParticipantDetailsView>(
        'POST',
        `/participants/${people.elodie.id}/withdraw`,
      );
      expect(withdrawn.status).toBe(200);
      const refused = await checkIn(people.elodie.badgeCode!);
      expect(refused).toMatchObject({ status: 409, body: { code: 'NOT_ACCREDITED' } });
      expect(refused.body.message).toContain('withdrawn');
      expect(
        (await api<ParticipantDetailsView>('GET', `/participants/${people.elodie.id}`)).body.checkedInAt,
      ).toBeUndefined();
    });

    it('is for the secretariat only', async () => {
      const refused = await api('POST', `/events/${meeting.id}/check-ins`, delegations.AFG.token, {
        code: people.mohammad.badgeCode,
      });
      expect(refused.status).toBe(403);
    });
  });

  describe('the participant list at the desk', () => {
    const list = (query: string, token = admin) =>
      api<ParticipantPageView>('GET', `/events/${meeting.id}/participants?${query}`, token);
    const familyNames = (page: ParticipantPageView) => page.items.map((p) => p.name.familyLatin);

    it('searches in either script, whatever the case and accents', async () => {
      expect(familyNames((await list('q=ДАУЛЕТ')).body)).toEqual(['Argandykov']);
      expect(familyNames((await list('q=argan')).body)).toEqual(['Argandykov']);
      expect(familyNames((await list('q=elodie')).body)).toEqual(['Durand']);
      expect(familyNames((await list(`q=${encodeURIComponent('عبد')}`)).body)).toEqual(['Abdullah']);
    });

    it('filters by party, role and state', async () => {
      expect(familyNames((await list('party=KAZ&role=head')).body)).toEqual(['Argandykov']);
      expect(familyNames((await list('state=pending')).body)).toEqual(['Seitkali']);
    });

    it('sorts by name, party, state or badge, page by page with the cursor', async () => {
      const walk = async (sort: string) => {
        const names: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { status: number; body: ParticipantPageView } = await list(
            `sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(page.status).toBe(200);
          names.push(...familyNames(page.body));
          cursor = page.body.nextCursor;
        } while (cursor);
        return names;
      };
      expect(await walk('name')).toEqual(['Abdullah', 'Argandykov', 'Durand', 'Seitkali']);
      expect(await walk('party')).toEqual(['Abdullah', 'Durand', 'Argandykov', 'Seitkali']);
      // accredited, then pending, then withdrawn (alphabetical states), each by party and name.
      expect(await walk('state')).toEqual(['Abdullah', 'Argandykov', 'Seitkali', 'Durand']);
      // No badge first, then by badge number (the order of accreditation).
      expect(await walk('badge')).toEqual(['Seitkali', 'Argandykov', 'Abdullah', 'Durand']);
    });

    it('refuses a cursor from another order', async () => {
      const byName = await list('sort=name&limit=1');
      const mixed = await list(`sort=badge&limit=1&cursor=${byName.body.nextCursor}`);
      expect(mixed.status).toBe(400);
      expect((mixed.body as unknown as Body).code).toBe('INVALID_CURSOR');
    });
  });
});
