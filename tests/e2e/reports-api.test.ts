import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  DelegationDetailsView,
  DossierView,
  EventView,
  ParticipantDetailsView,
  ReportDetailsView,
  ReportDiffView,
  ReportVersionSummaryView,
  ReportView,
} from '@plenary/contracts';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { TestKafka } from '../support/kafka.js';
import {
  type AppName,
  type ServiceProcess,
  startApps,
  stopAllApps,
  testNamespace,
} from '../support/services.js';
import { coordinator, observer, secretariat } from '../support/tokens.js';

type Body = { code?: string; message?: string };

async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages.join('\n');
}

/**
 * The reports service over real HTTP with the real store and broker, fed by the events and
 * participants services: a report from draft to published, amended, withdrawn; attendance
 * compiled from messages and frozen at publication; pages, Markdown and PDF; the dossier; and
 * the messages subscribers get.
 */
describe('reports API', () => {
  const namespace = testNamespace('reports');
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;
  let eventId: string;
  let kaz: { delegation: string; token: string };
  let reportId: string;

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const at =
    <T>(app: AppName) =>
    (method: string, path: string, body?: unknown, token: string | undefined = admin, headers = {}) =>
      request<T>(method, `${apps[app].url}${path}`, { token, body, headers });
  const reports = <T = Body>(
    method: string,
    path: string,
    body?: unknown,
    token: string | undefined = admin,
    headers = {},
  ) => at<T>('reports')(method, path, body, token, headers);
  const currentVersion = async () =>
    (await reports<ReportDetailsView>('GET', `/reports/${reportId}`)).body.version;

  beforeAll(async () => {
    apps = await startApps(['events', 'participants', 'reports'], { namespace });
    admin = await secretariat();
    const created = await at<EventView>('events')('POST', '/events', {
      title: 'Meeting of representatives of member states of the Almaty Process',
      kind: 'meeting',
      startsAt: inDays(30, 4),
      endsAt: inDays(30, 12),
      timeZone: 'Asia/Almaty',
      venue: { name: 'Hotel InterContinental Almaty', city: 'Almaty', country: 'KAZ' },
      registration: { opensAt: inDays(-1), closesAt: inDays(20), quotaPerDelegation: 4 },
      parties: [
        { code: 'KAZ', standings: ['member', 'host', 'chair'] },
        { code: 'AFG', standings: ['member'] },
      ],
    });
    eventId = created.body.id;
    for (const step of ['announce', 'open-registration'])
      await at('events')('POST', `/events/${eventId}/${step}`);
    const token = await coordinator(eventId, 'KAZ');
    const delegation = await eventually(async () => {
      const r = await at<DelegationDetailsView>('participants')(
        'POST',
        `/events/${eventId}/delegations`,
        { party: 'KAZ', coordinator: { name: 'Focal point', email: 'f@kaz.example' } },
        token,
      );
      expect(r.status).toBe(201);
      return r.body;
    });
    kaz = { delegation: delegation.id, token };
    const head = await at<ParticipantDetailsView>('participants')(
      'POST',
      `/delegations/${kaz.delegation}/participants`,
      {
        name: { given: 'Даулет', family: 'Аргандыков', givenLatin: 'Daulet', familyLatin: 'Argandykov' },
        position: 'Vice-Minister of Healthcare and Social Development',
        role: 'head',
        email: 'd.argandykov@enbek.example',
      },
      token,
    );
    await at('participants')('POST', `/participants/${head.body.id}/accredit`);
  });

  afterAll(stopAllApps);

  it('starts a draft for a known meeting, one per language, one original; only the secretariat', async () => {
    expect(
      (
        await reports('POST', `/events/00000000-0000-7000-8000-000000000000/reports`, {
          language: 'en',
          content: { title: 'Outcome' },
        })
      ).body.code,
    ).toBe('EVENT_NOT_FOUND');
    expect(
      (
        await reports(
          'POST',
          `/events/${eventId}/reports`,
          { language: 'en', content: { title: 'Outcome' } },
          await observer(),
        )
      ).status,
    ).toBe(403);
    const created = await eventually(async () => {
      const r = await reports<ReportDetailsView>('POST', `/events/${eventId}/reports`, {
        language: 'en',
        content: {
          title: 'Outcome of the meeting <script>alert(1)</script>',
          sections: [{ kind: 'opening', title: 'Opening', text: 'Draft-only sentence XYZZY.' }],
        },
      });
      expect(r.status).toBe(201);
      return r.body;
    });
    reportId = created.id;
    expect(created).toMatchObject({ state: 'draft', original: true, working: { number: 1, state: 'draft' } });
    expect(
      (await reports('POST', `/events/${eventId}/reports`, { language: 'en', content: { title: 'Again' } }))
        .body.code,
    ).toBe('REPORT_EXISTS');
    expect(
      (
        await reports('POST', `/events/${eventId}/reports`, {
          language: 'ru',
          original: true,
          content: { title: 'Итоги' },
        })
      ).body.code,
    ).toBe('ORIGINAL_EXISTS');
    expect((await reports('GET', `/reports/${reportId}`, undefined, await observer())).status).toBe(404);
    expect((await reports('GET', `/reports/${reportId}.html`, undefined, undefined)).status).toBe(409);
  });

  it('keeps one original when two officers start two languages at once', async () => {
    for (const [first, second] of [
      ['en', 'ru'],
      ['fr', 'ar'],
      ['es', 'zh'],
    ] as const) {
      const created = await at<EventView>('events')('POST', '/events', {
        title: `Two officers, ${first} and ${second}`,
        kind: 'meeting',
        startsAt: inDays(40, 4),
        endsAt: inDays(40, 12),
        timeZone: 'Asia/Almaty',
        parties: [{ code: 'KAZ', standings: ['member'] }],
      });
      const meeting = created.body.id;
      await at('events')('POST', `/events/${meeting}/announce`);
      // The reports service knows the meeting once its copy has arrived.
      await eventually(async () =>
        expect((await reports('GET', `/events/${meeting}/attendance`)).status).toBe(200),
      );
      const answers = await Promise.all(
        [first, second].map((language) =>
          reports('POST', `/events/${meeting}/reports`, {
            language,
            original: true,
            content: { title: `Outcome (${language})` },
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)?.body.code).toBe('ORIGINAL_EXISTS');
      const list = await reports<ReportDetailsView[]>('GET', `/events/${meeting}/reports`);
      expect(list.body.filter((r) => r.original)).toHaveLength(1);
    }
  });

  it('publishes only a reviewed version with a summary, once the meeting is held, freezing attendance', async () => {
    expect((await reports('POST', `/reports/${reportId}/publish`, {})).body.code).toBe('INVALID_TRANSITION');
    expect((await reports('POST', `/reports/${reportId}/submit`)).status).toBe(200);
    expect((await reports('POST', `/reports/${reportId}/publish`, {})).body.code).toBe('EVENT_NOT_HELD');
    for (const step of ['close-registration', 'start'])
      await at('events')('POST', `/events/${eventId}/${step}`);
    await eventually(async () =>
      expect((await reports('POST', `/reports/${reportId}/publish`, {})).body.code).toBe('SUMMARY_MISSING'),
    );
    expect((await reports('POST', `/reports/${reportId}/return`)).status).toBe(200);
    const edited = await reports<ReportDetailsView>(
      'PATCH',
      `/reports/${reportId}/draft`,
      {
        summary: 'The member states agreed to reinforce coordination among their migration authorities.',
        sections: [
          { kind: 'opening', title: 'Opening', text: 'The Vice-Minister welcomed the participants.' },
        ],
        statements: [
          {
            speaker: 'Daulet Argandykov',
            position: 'Vice-Minister',
            party: 'KAZ',
            quote:
              'As a single region we acknowledge the urgency of making Afghanistan a great regional partner.',
          },
        ],
        decisions: [
          {
            kind: 'agreement',
            text: 'To reinforce coordination among the relevant state authorities.',
            parties: ['KAZ', 'AFG'],
          },
        ],
      },
      admin,
      { 'if-match': `"${await currentVersion()}"` },
    );
    expect(edited.status).toBe(200);
    await reports('POST', `/reports/${reportId}/submit`);
    const published = await reports<ReportDetailsView>('POST', `/reports/${reportId}/publish`, {});
    expect(published.body).toMatchObject({ state: 'published', published: { number: 1 } });
    expect(published.body.published!.attendance.totals).toMatchObject({ delegations: 1, accredited: 1 });
    expect(published.body.published!.attendance.delegations[0].head?.name.familyLatin).toBe('Argandykov');

    // Attendance goes on changing; the published version keeps what it froze.
    const more = await at<ParticipantDetailsView>('participants')(
      'POST',
      `/delegations/${kaz.delegation}/participants`,
      { name: { given: 'Aigerim', family: 'Nurlanova' }, role: 'member', email: 'a.nurlanova@example.org' },
      admin,
    );
    await at('participants')('POST', `/participants/${more.body.id}/accredit`);
    await eventually(async () => {
      const live = await reports<{ totals: { accredited: number } }>('GET', `/events/${eventId}/attendance`);
      expect(live.body.totals.accredited).toBe(2);
    });
    const seen = await reports<ReportView>('GET', `/reports/${reportId}`, undefined, await observer());
    expect(seen.body.published!.attendance.totals.accredited).toBe(1);

    // Public lists name people; they never carry their contact details.
    const liveAttendance = await reports('GET', `/events/${eventId}/attendance`, undefined, await observer());
    expect(JSON.stringify(liveAttendance.body)).toContain('Argandykov');
    const page = await (await fetch(`${apps.reports.url}/reports/${reportId}.html`)).text();
    for (const shown of [JSON.stringify(liveAttendance.body), JSON.stringify(seen.body), page])
      expect(shown).not.toMatch(/d\.argandykov@enbek\.example|a\.nurlanova@example\.org|f@kaz\.example/);
  });

  it('amends: a new version from the published one, published with a change note; versions, any version, a diff', async () => {
    expect(
      (
        await reports('PATCH', `/reports/${reportId}/draft`, { summary: 'x' }, admin, {
          'if-match': `"${await currentVersion()}"`,
        })
      ).body.code,
    ).toBe('NO_DRAFT');
    const amending = await reports<ReportDetailsView>('POST', `/reports/${reportId}/amend`);
    expect(amending.body.working).toEqual({ number: 2, state: 'draft' });
    await reports(
      'PATCH',
      `/reports/${reportId}/draft`,
      { recommendations: [{ text: 'Meet again next year in Bishkek.' }] },
      admin,
      {
        'if-match': `"${await currentVersion()}"`,
      },
    );
    await reports('POST', `/reports/${reportId}/submit`);
    expect((await reports('POST', `/reports/${reportId}/publish`, {})).body.code).toBe('CHANGE_NOTE_MISSING');
    const amended = await reports<ReportDetailsView>('POST', `/reports/${reportId}/publish`, {
      changeNote: 'Added the recommendation on the next meeting.',
    });
    expect(amended.body.published).toMatchObject({
      number: 2,
      changeNote: 'Added the recommendation on the next meeting.',
    });
    expect(amended.body.firstPublishedAt).not.toBe(amended.body.published!.publishedAt);

    const versions = await reports<ReportVersionSummaryView[]>('GET', `/reports/${reportId}/versions`);
    expect(versions.body.map((v) => [v.number, v.state])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    const first = await reports<{ content: { recommendations: unknown[] } }>(
      'GET',
      `/reports/${reportId}/versions/1`,
    );
    expect(first.body.content.recommendations).toEqual([]);
    const diff = await reports<ReportDiffView>('GET', `/reports/${reportId}/diff?from=1&to=2`);
    expect(diff.body.unified).toContain('+- Meet again next year in Bishkek.');
    expect(diff.body.linesAdded).toBeGreaterThan(0);
  });

  it('renders the published report as a public page, Markdown and a real PDF, all with user text escaped', async () => {
    const page = await fetch(`${apps.reports.url}/reports/${reportId}.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<h1>Outcome of the meeting &lt;script&gt;alert(1)&lt;/script&gt;</h1>');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/Changed on \d{1,2} \w+, \d{4} - \d{2}:\d{2}/);
    expect(html).toContain('Hotel InterContinental Almaty, Almaty');
    expect(html).toContain('Daulet Argandykov (Даулет Аргандыков)');
    expect(html).toContain('agreed by Kazakhstan, Afghanistan');

    const markdown = await (await fetch(`${apps.reports.url}/reports/${reportId}.md`)).text();
    expect(markdown).toContain('# Outcome of the meeting &lt;script&gt;alert(1)&lt;/script&gt;');

    const pdf = await fetch(`${apps.reports.url}/reports/${reportId}.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(await pdf.arrayBuffer());
    // The title is drawn as text, not interpreted (the extractor may split it where the line breaks).
    expect(text).toMatch(/Outcome of the meeting <script>alert\(1\)<\/\s*script>/);
    expect(text).toContain('Who took part');
    expect(text).toContain('Kazakhstan');
    expect(text.replace(/\s+/g, ' ')).toMatch(/Daulet ?Argandykov/);

    expect((await fetch(`${apps.reports.url}/reports/${reportId}.html?version=1`)).status).toBe(200);
    await reports('POST', `/reports/${reportId}/amend`);
    const draftVersion = (await reports<ReportDetailsView>('GET', `/reports/${reportId}`)).body.working!
      .number;
    expect((await fetch(`${apps.reports.url}/reports/${reportId}.html?version=${draftVersion}`)).status).toBe(
      404,
    );
    const preview = await fetch(
      `${apps.reports.url}/reports/${reportId}/versions/${draftVersion}/preview.html`,
      { headers: { authorization: `Bearer ${admin}` } },
    );
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('not published');
  });

  it('serves the dossier: the meeting, its attendance and its published reports, in one public document', async () => {
    const dossier = await fetch(`${apps.reports.url}/events/${eventId}/dossier`);
    expect(dossier.status).toBe(200);
    const body = (await dossier.json()) as DossierView;
    expect(body.event).toMatchObject({ id: eventId, state: 'in-session', chairParty: 'KAZ' });
    expect(body.attendance.totals.delegations).toBe(1);
    expect(body.reports).toEqual([
      expect.objectContaining({
        language: 'en',
        original: true,
        reportId,
        published: expect.objectContaining({ number: 2 }),
        links: expect.objectContaining({ pdf: `/reports/${reportId}.pdf` }),
      }),
    ]);
  });

  it('withdraws a published report with a reason, shown on its page', async () => {
    const withdrawn = await reports<ReportView>('POST', `/reports/${reportId}/withdraw`, {
      reason: 'Published before the chair approved it',
    });
    expect(withdrawn.body).toMatchObject({
      state: 'withdrawn',
      withdrawal: { reason: 'Published before the chair approved it' },
    });
    expect(await (await fetch(`${apps.reports.url}/reports/${reportId}.html`)).text()).toContain(
      'This report was withdrawn:</strong> Published before the chair approved it',
    );
  });

  it('tells subscribers each step, with the published content and never a draft’s text', async () => {
    const messages = await eventually(async () => {
      const found = (await new TestKafka().readAll(`${namespace}.plenary.reports`)).filter(
        (m) => m.key === eventId,
      );
      expect(found.map((m) => m.headers.ce_type)).toContain('report.withdrawn');
      return found.sort((a, b) => Number(a.offset) - Number(b.offset));
    });
    expect(messages.map((m) => m.headers.ce_type)).toEqual([
      'report.drafted',
      'report.submitted',
      'report.submitted',
      'report.published',
      'report.drafted',
      'report.submitted',
      'report.amended',
      'report.drafted',
      'report.withdrawn',
    ]);
    for (const message of messages) expect(message.value).not.toContain('XYZZY');
    const amended = JSON.parse(messages[6].value!) as { report: ReportView };
    expect(amended.report.published).toMatchObject({
      number: 2,
      changeNote: 'Added the recommendation on the next meeting.',
    });
    expect(amended.report.published!.content.recommendations).toEqual([
      { text: 'Meet again next year in Bishkek.' },
    ]);
    expect(amended.report.published!.attendance.totals.delegations).toBe(1);
  });
});
