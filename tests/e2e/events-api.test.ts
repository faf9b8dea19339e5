import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CreateEventDto,
  EventHistoryView,
  EventPageView,
  EventSnapshotView,
  EventView,
} from '@plenary/contracts';
import ICAL from 'ical.js';
import { BSON, MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { demoMeeting } from '../../scripts/demo/almaty-process-meeting.js';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { type ReadMessage, TestKafka } from '../support/kafka.js';
import { type ServiceProcess, startApp, stopAllApps, testNamespace } from '../support/services.js';
import { observer, secretariat } from '../support/tokens.js';

/**
 * The events service over real HTTP, with its real store and broker: the seed meeting in full,
 * the rules, optimistic concurrency, the lifecycle, the agenda, the history, the calendar file,
 * the list, and one message per change on the events topic.
 */
describe('events API', () => {
  const namespace = testNamespace('events');
  const topic = `${namespace}.plenary.events`;
  let events: ServiceProcess;
  let admin: string;
  let reader: string;

  const inOneYear = (days = 0, hour = 9) => {
    const date = new Date(Date.now() + (365 + days) * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const small = (overrides: Partial<CreateEventDto> = {}): CreateEventDto =>
    ({
      title: 'Expert consultation on statelessness',
      kind: 'expert-consultation',
      startsAt: inOneYear(0, 8),
      endsAt: inOneYear(0, 16),
      timeZone: 'Europe/Zurich',
      parties: [
        { code: 'CHE', standings: ['host'] },
        {
          code: 'UNHCR',
          name: 'Office of the United Nations High Commissioner for Refugees',
          standings: ['initiator'],
        },
      ],
      ...overrides,
    }) as CreateEventDto;

  const api = <T = EventView>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    token = admin,
  ) => request<T>(method, `${events.url}${path}`, { token, body, headers });
  const create = async (input: CreateEventDto = small()) => {
    const response = await api('POST', '/events', input);
    expect(response.status).toBe(201);
    return response.body;
  };

  beforeAll(async () => {
    events = await startApp('events', { namespace });
    admin = await secretariat();
    reader = await observer();
  });

  afterAll(stopAllApps);

  it('represents the seed meeting in full', async () => {
    const response = await api('POST', '/events', demoMeeting());
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    expect(response.headers.get('location')).toBe(`/events/${response.body.id}`);
    const meeting = response.body;
    expect(meeting).toMatchObject({
      state: 'draft',
      process: { acronym: 'AP' },
      languages: ['ru', 'en'],
      timeZone: 'Asia/Almaty',
      hostParty: 'KAZ',
      chairParty: 'KAZ',
      venue: { city: 'Almaty', country: 'KAZ' },
      registration: { quotaPerDelegation: 6 },
    });
    const byCode = Object.fromEntries(meeting.parties.map((p) => [p.code, p]));
    expect(Object.values(byCode).filter((p) => p.standings.includes('member'))).toHaveLength(8);
    expect(byCode.KAZ).toMatchObject({
      name: 'Kazakhstan',
      standings: ['member', 'initiator', 'host', 'chair'],
    });
    expect(byCode.IRN).toMatchObject({ kind: 'state', name: 'Islamic Republic of Iran' });
    expect(byCode.UNHCR.standings).toEqual(['initiator']);
    expect(byCode.UNAMA).toMatchObject({ kind: 'organization', standings: ['observer'] });
    expect(meeting.agenda[0]).toMatchObject({
      title: 'Opening of the meeting and welcome statement',
      presenters: [
        {
          name: 'Daulet Argandykov',
          position: 'Vice-Minister of Healthcare and Social Development',
          party: 'KAZ',
        },
      ],
    });
    expect(meeting.agenda).toHaveLength(6);
  });

  it('refuses, naming the field: a start in the past, an end before the start, a chair that is not a party, a slot outside the meeting', async () => {
    const cases: Array<[Partial<CreateEventDto>, string]> = [
      [{ startsAt: '2020-01-01T09:00:00Z', endsAt: '2020-01-01T10:00:00Z' }, 'startsAt'],
      [{ endsAt: inOneYear(-1) }, 'endsAt'],
      [{ chairParty: 'KAZ' }, 'chairParty'],
      [
        {
          agenda: [{ title: 'Too early', slot: { startsAt: inOneYear(-1), endsAt: inOneYear(0, 8) } }],
        } as Partial<CreateEventDto>,
        'agenda[0].slot.startsAt',
      ],
      [{ timeZone: 'Geneva' }, 'timeZone'],
    ];
    for (const [overrides, field] of cases) {
      const response = await api<{ code: string; errors: Array<{ field: string }> }>(
        'POST',
        '/events',
        small(overrides),
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((e) => e.field)).toEqual([field]);
    }
  });

  it('only lets the secretariat write, and hides drafts from everyone else', async () => {
    expect((await api('POST', '/events', small(), {}, reader)).status).toBe(403);
    const draft = await create();
    expect((await api('GET', `/events/${draft.id}`, undefined, {}, reader)).status).toBe(404);
    expect((await api('GET', `/events/${draft.id}`)).status).toBe(200);
    await api('POST', `/events/${draft.id}/announce`);
    expect((await api('GET', `/events/${draft.id}`, undefined, {}, reader)).status).toBe(200);
  });

  it('never overwrites a change silently: If-Match is required and a stale one is refused', async () => {
    const draft = await create();
    expect((await api('PATCH', `/events/${draft.id}`, { title: 'Without If-Match' })).status).toBe(428);
    const first = await api('PATCH', `/events/${draft.id}`, { title: 'First edit' }, { 'if-match': '"1"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    const stale = await api<{ code: string; message: string }>(
      'PATCH',
      `/events/${draft.id}`,
      { title: 'Lost edit' },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.message).toContain('now at version 2');
    expect((await api('GET', `/events/${draft.id}`)).body.title).toBe('First edit');
    // An update that changes nothing keeps the version and publishes nothing.
    const same = await api('PATCH', `/events/${draft.id}`, { title: 'First edit' }, { 'if-match': '"2"' });
    expect(same.body.version).toBe(2);
  });

  it('removes optional fields sent as null and refuses removing required ones', async () => {
    const draft = await create(
      small({ venue: { name: 'Palais des Nations', city: 'Geneva', country: 'CHE' } }),
    );
    const removed = await api('PATCH', `/events/${draft.id}`, { venue: null }, { 'if-match': '"1"' });
    expect(removed.status).toBe(200);
    expect(removed.body.venue).toBeUndefined();
    const refused = await api<{ errors: unknown }>(
      'PATCH',
      `/events/${draft.id}`,
      { title: null },
      { 'if-match': '"2"' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'title', messages: ['title cannot be removed'] }]);
  });

  it('moves through its lifecycle and refuses a wrong step with a 409 that says why', async () => {
    const meeting = await create(
      small({
        registration: { opensAt: new Date().toISOString(), closesAt: inOneYear(-10), quotaPerDelegation: 4 },
      }),
    );
    const refused = await api<{ code: string; message: string }>(
      'POST',
      `/events/${meeting.id}/open-registration`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(refused.body.message).toContain('draft → registration-open is not allowed');
    const states: string[] = [];
    for (const step of ['announce', 'open-registration', 'close-registration', 'start', 'conclude']) {
      const response = await api('POST', `/events/${meeting.id}/${step}`);
      expect([step, response.status, response.body.state]).toEqual([step, 200, expect.any(String)]);
      states.push(response.body.state);
    }
    expect(states).toEqual([
      'announced',
      'registration-open',
      'registration-closed',
      'in-session',
      'concluded',
    ]);
    expect((await api('POST', `/events/${meeting.id}/cancel`, { reason: 'Too late' })).status).toBe(409);
    expect(
      (await api('PATCH', `/events/${meeting.id}`, { title: 'Edited after the fact' }, { 'if-match': '"6"' }))
        .status,
    ).toBe(409);
  });

  it('postpones an announced meeting: new dates, agenda moved along, announced again', async () => {
    const meeting = await create(
      small({
        agenda: [{ title: 'Opening', slot: { startsAt: inOneYear(0, 8), endsAt: inOneYear(0, 9) } }],
      } as Partial<CreateEventDto>),
    );
    await api('POST', `/events/${meeting.id}/announce`);
    const locked = await api<{ code: string }>(
      'PATCH',
      `/events/${meeting.id}`,
      { startsAt: inOneYear(7, 8) },
      { 'if-match': '"2"' },
    );
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('DATES_LOCKED');
    const postponed = await api('POST', `/events/${meeting.id}/postpone`, {
      startsAt: inOneYear(7, 8),
      endsAt: inOneYear(7, 16),
      reason: 'At the request of the host',
    });
    expect(postponed.status).toBe(200);
    expect(postponed.body).toMatchObject({
      state: 'announced',
      startsAt: inOneYear(7, 8),
      stateReason: 'At the request of the host',
    });
    expect(postponed.body.agenda[0].slot).toEqual({ startsAt: inOneYear(7, 8), endsAt: inOneYear(7, 9) });
    const past = await api<{ errors: Array<{ field: string }> }>('POST', `/events/${meeting.id}/postpone`, {
      startsAt: '2020-01-01T08:00:00Z',
      endsAt: '2020-01-01T16:00:00Z',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors.map((e) => e.field)).toContain('startsAt');
  });

  it('edits the agenda: add, reorder, edit, remove', async () => {
    const meeting = await create();
    let version = 1;
    const edit = async (method: string, path: string, body?: unknown) => {
      const response = await api(method, `/events/${meeting.id}/agenda${path}`, body, {
        'if-match': `"${version}"`,
      });
      expect(response.status).toBe(method === 'POST' ? 201 : 200);
      version = response.body.version;
      return response.body;
    };
    await edit('POST', '', { title: 'Closing' });
    let event = await edit('POST', '', {
      title: 'Opening',
      position: 0,
      presenters: [{ name: 'Host', party: 'CHE' }],
    });
    expect(event.agenda.map((i) => i.title)).toEqual(['Opening', 'Closing']);
    const [opening, closing] = event.agenda;
    event = await edit('PUT', '/order', { itemIds: [closing.id, opening.id] });
    expect(event.agenda.map((i) => i.title)).toEqual(['Closing', 'Opening']);
    event = await edit('PATCH', `/${opening.id}`, { description: 'Welcome' });
    expect(event.agenda[1]).toMatchObject({ title: 'Opening', description: 'Welcome' });
    event = await edit('DELETE', `/${closing.id}`);
    expect(event.agenda.map((i) => i.title)).toEqual(['Opening']);
    const wrongParty = await api(
      'POST',
      `/events/${meeting.id}/agenda`,
      { title: 'X', presenters: [{ name: 'Y', party: 'TUR' }] },
      { 'if-match': `"${version}"` },
    );
    expect(wrongParty.status).toBe(400);
    const missing = await api(
      'PUT',
      `/events/${meeting.id}/agenda/order`,
      { itemIds: [] },
      { 'if-match': `"${version}"` },
    );
    expect(missing.status).toBe(400);
  });

  it('keeps the history: who, when, what, and the meeting as of any past moment', async () => {
    const meeting = await create();
    const beforeRename = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await api('PATCH', `/events/${meeting.id}`, { title: 'Renamed consultation' }, { 'if-match': '"1"' });
    await api('POST', `/events/${meeting.id}/announce`);

    const history = await api<EventHistoryView>('GET', `/events/${meeting.id}/history`);
    expect(history.body.entries.map((e) => [e.version, e.type])).toEqual([
      [1, 'event.created'],
      [2, 'event.updated'],
      [3, 'event.announced'],
    ]);
    expect(history.body.entries[1]).toMatchObject({
      actor: { id: 'secretariat-1', role: 'secretariat' },
      changes: [
        { field: 'title', before: 'Expert consultation on statelessness', after: 'Renamed consultation' },
      ],
    });
    const asOf = await api<EventSnapshotView>(
      'GET',
      `/events/${meeting.id}/as-of?at=${encodeURIComponent(beforeRename)}`,
    );
    expect(asOf.body.event).toMatchObject({
      title: 'Expert consultation on statelessness',
      version: 1,
      state: 'draft',
    });
    const second = await api<EventSnapshotView>('GET', `/events/${meeting.id}/history/2`);
    expect(second.body.event.title).toBe('Renamed consultation');
    expect((await api('GET', `/events/${meeting.id}/history`, undefined, {}, reader)).status).toBe(403);
  });

  it('serves an iCalendar file that a calendar client reads', async () => {
    const meeting = await create(
      small({ venue: { name: 'Palais des Nations', city: 'Geneva', country: 'CHE' } }),
    );
    await api('POST', `/events/${meeting.id}/announce`);
    for (const [path, headers] of [
      [`/events/${meeting.id}.ics`, { authorization: `Bearer ${reader}` }],
      [`/events/${meeting.id}.ics`, {}],
      [`/events/${meeting.id}`, { authorization: `Bearer ${reader}`, accept: 'text/calendar' }],
    ] as const) {
      const response = await fetch(`${events.url}${path}`, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
      const calendar = new ICAL.Component(ICAL.parse(await response.text()));
      const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
      expect(vevent.uid).toBe(`${meeting.id}@plenary`);
      expect(vevent.summary).toBe(meeting.title);
      expect(vevent.location).toBe('Palais des Nations, Geneva');
      expect(vevent.startDate.zone!.tzid).toBe('Europe/Zurich');
      expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Zurich');
      expect(vevent.startDate.toJSDate().toISOString()).toBe(meeting.startsAt);
      expect(vevent.endDate.toJSDate().toISOString()).toBe(meeting.endsAt);
      expect(vevent.sequence).toBe(2);
    }
  });

  it("writes the calendar in the venue's zone across a change of offset, and hides drafts from anyone", async () => {
    // Friday to Tuesday around the last Sunday of October next year, when Berlin's clocks go back.
    const sunday = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 9, 31));
    sunday.setUTCDate(31 - sunday.getUTCDay());
    const day = (days: number, hour: number) =>
      new Date(sunday.getTime() + days * 86_400_000 + hour * 3_600_000).toISOString();
    const localDay = day(-2, 0).slice(0, 10).replaceAll('-', '');
    for (const [timeZone, offsets] of [
      ['Europe/Berlin', [7200, 3600]],
      ['Australia/Sydney', [39600, 39600]],
      ['Asia/Almaty', [18000, 18000]],
    ] as const) {
      const meeting = await create(
        small({
          timeZone,
          startsAt: day(-2, 7),
          endsAt: day(2, 15),
          agenda: [
            {
              title: 'Opening',
              slot: { startsAt: day(-2, 7), endsAt: day(-2, 8) },
            },
          ],
        } as Partial<CreateEventDto>),
      );
      const draft = await fetch(`${events.url}/events/${meeting.id}.ics`);
      expect(draft.status).toBe(404);
      const withToken = await fetch(`${events.url}/events/${meeting.id}.ics`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(withToken.status).toBe(200);
      const forged = await fetch(`${events.url}/events/${meeting.id}.ics`, {
        headers: { authorization: 'Bearer not-a-token' },
      });
      expect(forged.status).toBe(401);
      await api('POST', `/events/${meeting.id}/announce`);
      const text = await (await fetch(`${events.url}/events/${meeting.id}.ics`)).text();
      expect(text).toMatch(new RegExp(`DTSTART;TZID=${timeZone}:${localDay}T\\d{6}\r\n`));
      const vevent = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
      expect([vevent.startDate.utcOffset(), vevent.endDate.utcOffset()]).toEqual(offsets);
      expect(vevent.startDate.toJSDate().toISOString()).toBe(meeting.startsAt);
      expect(vevent.endDate.toJSDate().toISOString()).toBe(meeting.endsAt);
    }
  });

  it('lists by start date with filters and a cursor', async () => {
    const process = { name: `Listing process ${namespace}`, acronym: `L${namespace.slice(-6)}` };
    const created: EventView[] = [];
    for (const day of [3, 1, 2]) {
      created.push(
        await create(
          small({
            process,
            startsAt: inOneYear(30 + day, 8),
            endsAt: inOneYear(30 + day, 16),
            parties: [{ code: 'MDA', standings: ['member'] }],
          }),
        ),
      );
    }
    const ids = [created[1].id, created[2].id, created[0].id];
    const page1 = await api<EventPageView>('GET', `/events?process=${process.acronym}&limit=2`);
    expect(page1.body.items.map((e) => e.id)).toEqual(ids.slice(0, 2));
    const page2 = await api<EventPageView>(
      'GET',
      `/events?process=${process.acronym}&limit=2&cursor=${page1.body.nextCursor}`,
    );
    expect(page2.body.items.map((e) => e.id)).toEqual(ids.slice(2));
    expect(page2.body.nextCursor).toBeNull();
    const descending = await api<EventPageView>(
      'GET',
      `/events?process=${encodeURIComponent(process.name)}&order=desc`,
    );
    expect(descending.body.items.map((e) => e.id)).toEqual([...ids].reverse());
    const window = await api<EventPageView>(
      'GET',
      `/events?party=MDA&from=${inOneYear(31, 20)}&to=${inOneYear(32, 20)}`,
    );
    expect(window.body.items.map((e) => e.id)).toEqual([created[2].id]);
    await api('POST', `/events/${created[0].id}/announce`);
    const announced = await api<EventPageView>('GET', `/events?party=MDA&state=announced`);
    expect(announced.body.items.map((e) => e.id)).toEqual([created[0].id]);
    const visible = await api<EventPageView>('GET', `/events?party=MDA`, undefined, {}, reader);
    expect(visible.body.items.map((e) => e.id)).toEqual([created[0].id]);
    expect((await api('GET', '/events?limit=1000')).status).toBe(400);
    expect((await api('GET', '/events?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
  });

  it('deletes only drafts', async () => {
    const draft = await create();
    await api('POST', `/events/${draft.id}/announce`);
    const refused = await api<{ code: string }>('DELETE', `/events/${draft.id}`, undefined, {
      'if-match': '"2"',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOT_A_DRAFT');
    const other = await create();
    expect((await api('DELETE', `/events/${other.id}`)).status).toBe(428);
    expect((await api('DELETE', `/events/${other.id}`, undefined, { 'if-match': '"1"' })).status).toBe(204);
    expect((await api('GET', `/events/${other.id}`)).status).toBe(404);
  });

  it('publishes one message per public change, keyed by the meeting, with the snapshot and what changed; drafts publish nothing', async () => {
    const meeting = await create();
    await api(
      'PATCH',
      `/events/${meeting.id}`,
      { description: 'Now with a description' },
      { 'if-match': '"1"' },
    );
    await api('POST', `/events/${meeting.id}/agenda`, { title: 'Opening' }, { 'if-match': '"2"' });
    await api('POST', `/events/${meeting.id}/announce`);
    await api('POST', `/events/${meeting.id}/cancel`, { reason: 'The host withdrew' });
    // A draft created and deleted: an observer never sees it over HTTP, nor on the topic.
    const deletedDraft = await create();
    expect((await api('DELETE', `/events/${deletedDraft.id}`, undefined, { 'if-match': '"1"' })).status).toBe(
      204,
    );
    const lastDraft = await create();
    await api('PATCH', `/events/${lastDraft.id}`, { title: 'Still a draft' }, { 'if-match': '"1"' });
    // Written after the drafts, on the same partition or not: once it is on the topic, the
    // drafts' messages (had there been any) were relayed before it.
    const marker = await create();
    await api('POST', `/events/${marker.id}/announce`);

    const kafka = new TestKafka();
    const messages: ReadMessage[] = await eventually(async () => {
      const all = await kafka.readAll(topic);
      expect(all.filter((m) => m.key === marker.id)).toHaveLength(1);
      const mine = all.filter((m) => m.key === meeting.id);
      expect(mine).toHaveLength(2);
      return mine;
    });
    const all = await kafka.readAll(topic);
    expect(all.filter((m) => m.key === deletedDraft.id || m.key === lastDraft.id)).toEqual([]);
    expect(all.map((m) => m.headers.ce_type)).not.toContain('event.created');
    expect(new Set(messages.map((m) => m.partition)).size).toBe(1);
    const ordered = messages.sort((a, b) => Number(a.offset) - Number(b.offset));
    expect(ordered.map((m) => m.headers.ce_type)).toEqual(['event.announced', 'event.cancelled']);
    const payloads = ordered.map(
      (m) => JSON.parse(m.value!) as { event: EventView; changes: Array<{ field: string }> },
    );
    expect(payloads.map((p) => p.event.version)).toEqual([4, 5]);
    // The first message carries the whole meeting, as it was worked out in draft.
    expect(payloads[0].event).toMatchObject({
      state: 'announced',
      description: 'Now with a description',
      agenda: [expect.objectContaining({ title: 'Opening' })],
    });
    expect(payloads[0].changes.map((c) => c.field)).toEqual(['state']);
    expect(payloads[1].event).toMatchObject({ state: 'cancelled', stateReason: 'The host withdrew' });
    expect(payloads[1].changes.map((c) => c.field).sort()).toEqual(['state', 'stateReason']);
  });

  it('believes only the history entries of versions that were written (a crashed or losing attempt leaves none)', async () => {
    const meeting = await create();
    await api('PATCH', `/events/${meeting.id}`, { title: 'Second title' }, { 'if-match': '"1"' });
    const store = await new MongoClient(process.env.MONGO_URL!).connect();
    try {
      const db = store.db(`${namespace}_events`.toLowerCase());
      const entries = db.collection<{
        _id: string;
        eventId: string;
        version: number;
        [field: string]: unknown;
      }>('event_history');
      const written = await entries.find({ eventId: meeting.id }).sort({ version: 1 }).toArray();
      expect(written.map((e) => e.version)).toEqual([1, 2]);
      const [, second] = written;
      // What attempts that died after storing their entry leave behind: one for the next
      // version (its meeting update never happened), one that lost the race for version 2.
      await entries.insertMany([
        { ...second, _id: randomUUID(), version: 3, previousId: second._id, type: 'event.updated' },
        { ...second, _id: randomUUID(), previousId: written[0]._id, changes: [], event: { title: 'Lost' } },
      ]);
    } finally {
      await store.close();
    }
    const history = await api<EventHistoryView>('GET', `/events/${meeting.id}/history`);
    expect(history.body.entries.map((e) => [e.version, e.type])).toEqual([
      [1, 'event.created'],
      [2, 'event.updated'],
    ]);
    const second = await api<EventSnapshotView>('GET', `/events/${meeting.id}/history/2`);
    expect(second.body.event.title).toBe('Second title');
    expect((await api('GET', `/events/${meeting.id}/history/3`)).status).toBe(404);
    // The next real change is version 3, and the history follows it, not the leftover.
    const third = await api(
      'PATCH',
      `/events/${meeting.id}`,
      { title: 'Third title' },
      { 'if-match': '"2"' },
    );
    expect(third.status).toBe(200);
    const after = await api<EventHistoryView>('GET', `/events/${meeting.id}/history`);
    expect(after.body.entries.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(after.body.entries[2].changes).toEqual([
      { field: 'title', before: 'Second title', after: 'Third title' },
    ]);
    expect((await api<EventSnapshotView>('GET', `/events/${meeting.id}/history/3`)).body.event.title).toBe(
      'Third title',
    );
  });

  it('keeps the meeting document small however often it changes, and the history lists every change', async () => {
    // A large agenda (~40 KB): embedded snapshots would have made the document ~12 MB after 300 edits.
    const agenda = Array.from({ length: 40 }, (_, i) => ({
      title: `Item ${i + 1}`,
      description: `${'Statement and discussion on the protection of refugees. '.repeat(18)}${i}`,
    }));
    const meeting = await create(small({ agenda } as Partial<CreateEventDto>));
    const EDITS = 300;
    const store = await new MongoClient(process.env.MONGO_URL!).connect();
    const meetings = store.db(`${namespace}_events`.toLowerCase()).collection<{ _id: string }>('events');
    const documentBytes = async () =>
      BSON.calculateObjectSize((await meetings.findOne({ _id: meeting.id }))!);
    let version = meeting.version;
    try {
      for (let i = 1; i <= EDITS; i++) {
        const response = await api(
          'PATCH',
          `/events/${meeting.id}`,
          { description: `Edit ${i}` },
          { 'if-match': `"${version}"` },
        );
        expect(response.status).toBe(200);
        version = response.body.version;
        // Checked along the way: the meeting itself (~45 KB) with room to spare, nothing grows per change.
        if (i % 50 === 0) {
          expect(await documentBytes()).toBeLessThan(200_000);
        }
      }
    } finally {
      await store.close();
    }
    expect(version).toBe(EDITS + 1);
    const history = await api<EventHistoryView>('GET', `/events/${meeting.id}/history`);
    expect(history.body.entries.map((e) => e.version)).toEqual(
      Array.from({ length: EDITS + 1 }, (_, i) => i + 1),
    );
    expect(history.body.entries.at(-1)).toMatchObject({
      type: 'event.updated',
      changes: [{ field: 'description', before: `Edit ${EDITS - 1}`, after: `Edit ${EDITS}` }],
    });
    const middle = await api<EventSnapshotView>('GET', `/events/${meeting.id}/history/151`);
    expect(middle.body.event).toMatchObject({ version: 151, description: 'Edit 150' });
    expect(middle.body.event.agenda).toHaveLength(40);
    const asOf = await api<EventSnapshotView>(
      'GET',
      `/events/${meeting.id}/as-of?at=${encodeURIComponent(new Date().toISOString())}`,
    );
    expect(asOf.body.event).toMatchObject({ version: EDITS + 1, description: `Edit ${EDITS}` });
  });
});
