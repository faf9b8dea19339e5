import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  IMPORT_HEADERS,
  type DelegationDetailsView,
  type EventView,
  type ParticipantDetailsView,
  type ParticipantImportProgressView,
  type ParticipantImportView,
  type ParticipantPageView,
} from '@plenary/contracts';
import ExcelJS from 'exceljs';
import mongoose from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { rowParticipantId } from '../../apps/participants/src/imports/import-rows.js';
import type { PersonClaim } from '../../apps/participants/src/participants/schemas/person-claim.schema.js';
import { eventually } from '../support/eventually.js';
import { request } from '../support/http.js';
import { type ServiceProcess, startApp, startApps, stopAllApps, testNamespace } from '../support/services.js';
import { coordinator, secretariat } from '../support/tokens.js';

type Body = { code?: string; message?: string };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Bulk import of people over real HTTP with the real store and broker: the preview's errors in
 * place, importing the valid rows, all or nothing (refused with errors, and undone when a
 * concurrent registration takes a place mid-way), a retried and a crashed-and-resumed import that
 * register every row exactly once, and who may import where.
 */
describe('participant imports', () => {
  const namespace = testNamespace('imports');
  let events: ServiceProcess;
  let participants: ServiceProcess;
  let admin: string;

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const api = <T = Body>(method: string, path: string, token: string, body?: unknown) =>
    request<T>(method, `${participants.url}${path}`, { token, body });

  async function upload<T = ParticipantImportView>(
    delegationId: string,
    token: string,
    file: string | Buffer,
    type = 'text/csv',
  ) {
    const response = await fetch(`${participants.url}/delegations/${delegationId}/participant-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: typeof file === 'string' ? file : new Uint8Array(file),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  async function openMeeting(quota: number): Promise<string> {
    const created = await request<EventView>('POST', `${events.url}/events`, {
      token: admin,
      body: {
        title: `Import consultation ${Math.random().toString(36).slice(2, 7)}`,
        kind: 'expert-consultation',
        startsAt: inDays(60),
        endsAt: inDays(60, 17),
        timeZone: 'Asia/Almaty',
        registration: { opensAt: inDays(-1), closesAt: inDays(50), quotaPerDelegation: quota },
        parties: ['KAZ', 'KGZ'].map((code) => ({ code, standings: ['member'] })),
      },
    });
    expect(created.status).toBe(201);
    for (const step of ['announce', 'open-registration'])
      expect(
        (await request('POST', `${events.url}/events/${created.body.id}/${step}`, { token: admin })).status,
      ).toBe(200);
    return created.body.id;
  }

  async function delegation(eventId: string, party: string): Promise<{ id: string; token: string }> {
    const token = await coordinator(eventId, party);
    const response = await eventually(async () => {
      const r = await api<DelegationDetailsView>('POST', `/events/${eventId}/delegations`, token, {
        party,
        coordinator: { name: `Focal point of ${party}`, email: `focal@${party.toLowerCase()}.example` },
      });
      expect(r.status).toBe(201);
      return r;
    });
    return { id: response.body.id, token };
  }

  const csvOf = (rows: string[][], lang: keyof typeof IMPORT_HEADERS = 'en', separator = ',') => {
    const h = IMPORT_HEADERS[lang];
    const header = [h.given, h.family, h.givenLatin, h.familyLatin, h.role, h.email];
    return [header, ...rows]
      .map((r) => r.map((c) => (c.includes(separator) ? `"${c}"` : c)).join(separator))
      .join('\r\n');
  };
  const people = (count: number, tag: string, from = 1) =>
    Array.from({ length: count }, (_, i) => [
      'Person',
      `Number${from + i}`,
      '',
      '',
      'member',
      `p${from + i}.${tag}@example.org`,
    ]);

  async function attending(eventId: string, party: string): Promise<ParticipantDetailsView[]> {
    const found: ParticipantDetailsView[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await api<ParticipantPageView>(
        'GET',
        `/events/${eventId}/participants?party=${party}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        admin,
      );
      found.push(...(page.body.items as ParticipantDetailsView[]));
      cursor = page.body.nextCursor;
    } while (cursor);
    return found.filter((p) => p.state === 'pending' || p.state === 'accredited');
  }

  const finished = (id: string, token: string, timeoutMs = 60_000) =>
    eventually(
      async () => {
        const progress = await api<ParticipantImportProgressView>(
          'GET',
          `/participant-imports/${id}/progress`,
          token,
        );
        expect(['done', 'rolled-back']).toContain(progress.body.state);
        return (await api<ParticipantImportView>('GET', `/participant-imports/${id}`, token)).body;
      },
      timeoutMs,
      200,
    );

  beforeAll(async () => {
    ({ events, participants } = (await startApps(['events', 'participants'], { namespace })) as Record<
      'events' | 'participants',
      ServiceProcess
    >);
    admin = await secretariat();
  });

  afterAll(stopAllApps);

  it('previews each row with its errors in place, registering no one', async () => {
    const eventId = await openMeeting(5);
    const kaz = await delegation(eventId, 'KAZ');
    const kgz = await delegation(eventId, 'KGZ');
    // Someone already attends with KGZ, and KAZ already has a head.
    expect(
      (
        await api('POST', `/delegations/${kgz.id}/participants`, kgz.token, {
          name: { given: 'Aibek', family: 'Elsewhere' },
          role: 'member',
          email: 'aibek@kgz.example',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api('POST', `/delegations/${kaz.id}/participants`, kaz.token, {
          name: { given: 'Head', family: 'Already' },
          role: 'head',
          email: 'head@kaz.example',
        })
      ).status,
    ).toBe(201);
    const file = csvOf(
      [
        ['Даулет', 'Аргандыков', 'Daulet', 'Argandykov', 'Член делегации', 'd.a@kaz.example'],
        ['Айгерим', 'Садыкова', '', '', 'member', 'a.s@kaz.example'],
        ['Nurlan', 'Bad', '', '', 'member', 'not-an-email'],
        ['Nurlan', 'Twice', '', '', 'expert', 'D.A@kaz.example'],
        ['Aibek', 'Elsewhere', '', '', 'member', 'aibek@kgz.example'],
        ['New', 'Head', '', '', 'head', 'new.head@kaz.example'],
        ['Role', 'Unknown', '', '', 'chief', 'role@kaz.example'],
        ['Fine', 'One', '', '', 'adviser', 'fine1@kaz.example'],
        ['Fine', 'Two', '', '', 'adviser', 'fine2@kaz.example'],
        ['Fine', 'Three', '', '', 'adviser', 'fine3@kaz.example'],
        ['Over', 'Quota', '', '', 'adviser', 'over@kaz.example'],
      ],
      'ru',
      ';',
    );
    const preview = await upload(kaz.id, kaz.token, `\uFEFF${file}`);
    expect(preview.status).toBe(201);
    const errors = Object.fromEntries(
      preview.body.rows.map((r) => [r.number, r.errors.map((e) => `${e.column ?? 'row'}:${e.code}`)]),
    );
    expect(errors).toEqual({
      2: [],
      3: ['givenLatin:INVALID_VALUE', 'familyLatin:INVALID_VALUE'],
      4: ['email:INVALID_VALUE'],
      5: ['email:DUPLICATE_IN_FILE'],
      6: ['email:PERSON_ALREADY_REGISTERED'],
      7: ['role:HEAD_EXISTS'],
      8: ['role:INVALID_VALUE'],
      9: [],
      10: [],
      11: [],
      12: ['row:QUOTA_FULL'],
    });
    // A coordinator is not told which delegation holds the person.
    expect(preview.body.rows[4].errors[0].message).not.toContain('Kyrgyz');
    expect(preview.body.rows[0].values).toMatchObject({ role: 'member', givenLatin: 'Daulet' });
    expect(preview.body.counts).toMatchObject({ rows: 11, ready: 4, withErrors: 7, imported: 0 });
    expect(preview.body.state).toBe('previewed');
    expect((await attending(eventId, 'KAZ')).map((p) => p.email)).toEqual(['head@kaz.example']);
  });

  it('imports the valid rows of an XLSX, skips the others, and says what became of each', async () => {
    const eventId = await openMeeting(50);
    const kaz = await delegation(eventId, 'KAZ');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('People');
    const h = IMPORT_HEADERS.fr;
    sheet.addRow([h.email, h.given, h.family, h.role]);
    for (let i = 1; i <= 30; i++)
      sheet.addRow([`x${i}@kaz.example`, 'Personne', `Numéro ${i}`, i === 7 ? 'chef' : 'Membre']);
    const preview = await upload(kaz.id, kaz.token, Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(preview.status).toBe(201);
    expect(preview.body.format).toBe('xlsx');
    expect(preview.body.counts).toMatchObject({ rows: 30, ready: 29, withErrors: 1 });

    const refused = await api('POST', `/participant-imports/${preview.body.id}/run`, kaz.token, {
      mode: 'all-or-nothing',
    });
    expect(refused).toMatchObject({ status: 409, body: { code: 'IMPORT_HAS_ERRORS' } });
    expect(await attending(eventId, 'KAZ')).toEqual([]);

    const run = await api<ParticipantImportProgressView>(
      'POST',
      `/participant-imports/${preview.body.id}/run`,
      kaz.token,
      { mode: 'valid-rows' },
    );
    expect(run.status).toBe(202);
    const done = await finished(preview.body.id, kaz.token);
    expect(done).toMatchObject({ state: 'done', interrupted: false, done: 30, total: 30 });
    expect(done.counts).toMatchObject({ imported: 29, skipped: 1, refused: 0 });
    expect(done.rows.find((r) => r.number === 8)).toMatchObject({
      outcome: 'skipped',
      errors: [{ column: 'role' }],
    });
    const emails = (await attending(eventId, 'KAZ')).map((p) => p.email).sort();
    expect(emails).toHaveLength(29);
    expect(emails).not.toContain('x7@kaz.example');
    // Finished: running it again does nothing.
    expect(
      (await api('POST', `/participant-imports/${preview.body.id}/run`, kaz.token, { mode: 'valid-rows' }))
        .body.code,
    ).toBe('IMPORT_FINISHED');
  });

  it('all or nothing: a place taken by a concurrent registration mid-way undoes the whole import, and says so', async () => {
    const eventId = await openMeeting(40);
    const kaz = await delegation(eventId, 'KAZ');
    const preview = await upload(kaz.id, kaz.token, csvOf(people(40, 'aon')));
    expect(preview.body.counts).toMatchObject({ ready: 40 });
    const run = await api('POST', `/participant-imports/${preview.body.id}/run`, kaz.token, {
      mode: 'all-or-nothing',
    });
    expect(run.status).toBe(202);
    // One registration of someone else, while the import is on its way: it takes a place.
    const single = await api('POST', `/delegations/${kaz.id}/participants`, kaz.token, {
      name: { given: 'Quick', family: 'Single' },
      role: 'member',
      email: 'quick@kaz.example',
    });
    expect(single.status).toBe(201);
    const result = await finished(preview.body.id, kaz.token);
    expect(result.state).toBe('rolled-back');
    expect(result.notice?.code).toBe('ROLLED_BACK');
    const refusedRow = result.rows.find((r) => r.outcome === 'refused');
    expect(refusedRow?.refusal?.code).toBe('QUOTA_FULL');
    expect(result.counts.imported).toBe(0);
    expect(result.counts.withdrawn).toBe(39);
    // The domain's own withdrawal: the people are there, withdrawn; the one registration stands; the seats follow.
    expect((await attending(eventId, 'KAZ')).map((p) => p.email)).toEqual(['quick@kaz.example']);
    const seats = await api<DelegationDetailsView>('GET', `/delegations/${kaz.id}`, admin);
    expect(seats.body.seats.taken).toBe(1);
  });

  it('valid rows: the quota holds against a concurrent registration; the row that lost is refused, not squeezed in', async () => {
    const eventId = await openMeeting(20);
    const kaz = await delegation(eventId, 'KAZ');
    const preview = await upload(kaz.id, kaz.token, csvOf(people(20, 'race')));
    const [run, single] = await Promise.all([
      api('POST', `/participant-imports/${preview.body.id}/run`, kaz.token, { mode: 'valid-rows' }),
      api('POST', `/delegations/${kaz.id}/participants`, kaz.token, {
        name: { given: 'Quick', family: 'Single' },
        role: 'member',
        email: 'quick@kaz.example',
      }),
    ]);
    expect(run.status).toBe(202);
    const result = await finished(preview.body.id, kaz.token);
    const attendingNow = await attending(eventId, 'KAZ');
    expect(attendingNow).toHaveLength(20);
    if (single.status === 201) {
      expect(result.counts).toMatchObject({ imported: 19, refused: 1 });
      expect(result.rows.find((r) => r.outcome === 'refused')?.refusal?.code).toBe('QUOTA_FULL');
    } else {
      expect(single.body.code).toBe('QUOTA_FULL');
      expect(result.counts).toMatchObject({ imported: 20, refused: 0 });
    }
  });

  it('registers each row once: a run sent three times at once, and an import resumed after its instance was killed', async () => {
    const eventId = await openMeeting(300);
    const kaz = await delegation(eventId, 'KAZ');
    const preview = await upload(kaz.id, kaz.token, csvOf(people(200, 'once')));
    const runs = await Promise.all(
      [1, 2, 3].map(() =>
        api<ParticipantImportProgressView>('POST', `/participant-imports/${preview.body.id}/run`, kaz.token, {
          mode: 'valid-rows',
        }),
      ),
    );
    expect(runs.map((r) => r.status)).toEqual([202, 202, 202]);
    // Killed mid-way, then started again: the import is reported interrupted once its lease runs out.
    await eventually(
      async () => {
        const progress = await api<ParticipantImportProgressView>(
          'GET',
          `/participant-imports/${preview.body.id}/progress`,
          kaz.token,
        );
        expect(progress.body.done).toBeGreaterThanOrEqual(20);
      },
      30_000,
      50,
    );
    await participants.stop('SIGKILL');
    participants = await startApp('participants', { namespace });
    const interrupted = await eventually(
      async () => {
        const progress = await api<ParticipantImportProgressView>(
          'GET',
          `/participant-imports/${preview.body.id}/progress`,
          kaz.token,
        );
        expect(progress.body).toMatchObject({ state: 'running', interrupted: true });
        return progress.body;
      },
      45_000,
      500,
    );
    expect(interrupted.done).toBeLessThan(200);
    // Resumed (again if a row cut short by the kill was still being swept): every row once.
    const result = await eventually(
      async () => {
        await api('POST', `/participant-imports/${preview.body.id}/run`, kaz.token, { mode: 'valid-rows' });
        const progress = await api<ParticipantImportProgressView>(
          'GET',
          `/participant-imports/${preview.body.id}/progress`,
          kaz.token,
        );
        expect(progress.body.state).toBe('done');
        return (await api<ParticipantImportView>('GET', `/participant-imports/${preview.body.id}`, kaz.token))
          .body;
      },
      150_000,
      2_000,
    );
    expect(result.counts).toMatchObject({ imported: 200, refused: 0 });
    const people200 = await attending(eventId, 'KAZ');
    expect(people200).toHaveLength(200);
    expect(new Set(people200.map((p) => p.email)).size).toBe(200);
    expect(new Set(people200.map((p) => p.id))).toEqual(new Set(result.rows.map((r) => r.participantId)));
    const seats = await api<DelegationDetailsView>('GET', `/delegations/${kaz.id}`, admin);
    expect(seats.body.seats.taken).toBe(200);
  }, 300_000);

  it('waits for a row whose earlier attempt died holding its person, rather than refusing it', async () => {
    const eventId = await openMeeting(10);
    const kaz = await delegation(eventId, 'KAZ');
    const preview = await upload(kaz.id, kaz.token, csvOf(people(3, 'died')));
    // What an attempt at the second row leaves when it dies between reserving its place and
    // storing its record: the person's claim and a seat under its hold id, no participant.
    const row = preview.body.rows[1]!;
    const participantId = rowParticipantId(preview.body.id, row.number);
    const holdId = uuidv7();
    const store = await mongoose
      .createConnection(process.env.MONGO_URL!, { dbName: `${namespace}_participants`.toLowerCase() })
      .asPromise();
    try {
      await store.collection<PersonClaim>('person_claims').insertOne({
        _id: `${eventId}:${row.values.email!.toLowerCase()}`,
        participantId,
        delegationId: kaz.id,
        partyName: 'Kazakhstan',
        holdId,
      });
      await store
        .collection<{ _id: string }>('delegations')
        .updateOne({ _id: kaz.id }, { $addToSet: { seats: `${participantId}/${holdId}` } });
    } finally {
      await store.close();
    }

    await api('POST', `/participant-imports/${preview.body.id}/run`, kaz.token, { mode: 'valid-rows' });
    const paused = await eventually(async () => {
      const progress = await api<ParticipantImportProgressView>(
        'GET',
        `/participant-imports/${preview.body.id}/progress`,
        kaz.token,
      );
      expect(progress.body.interrupted || progress.body.state === 'done').toBe(true);
      return (await api<ParticipantImportView>('GET', `/participant-imports/${preview.body.id}`, kaz.token))
        .body;
    });
    // The row is left to resume once that attempt's hold is past its grace (the sweeper's and the
    // next claim's to give back), not counted as refused.
    expect(paused).toMatchObject({ state: 'running', counts: { imported: 2, refused: 0 } });
    expect(paused.rows.find((r) => r.number === row.number)?.outcome).toBeUndefined();
  });

  it("refuses a coordinator another party's delegation and import, a file too large, and what is not a file", async () => {
    const eventId = await openMeeting(5);
    const kaz = await delegation(eventId, 'KAZ');
    const kgz = await delegation(eventId, 'KGZ');
    const intoOther = await upload<Body>(kaz.id, kgz.token, csvOf(people(2, 'other')));
    expect(intoOther).toMatchObject({ status: 403, body: { code: 'NOT_YOUR_DELEGATION' } });
    const own = await upload(kaz.id, kaz.token, csvOf(people(2, 'own')));
    expect(own.status).toBe(201);
    for (const path of [
      `/participant-imports/${own.body.id}`,
      `/participant-imports/${own.body.id}/progress`,
    ])
      expect((await api('GET', path, kgz.token)).status).toBe(403);
    expect(
      (await api('POST', `/participant-imports/${own.body.id}/run`, kgz.token, { mode: 'valid-rows' }))
        .status,
    ).toBe(403);
    expect(
      (await upload<Body>('0192f0c4-7a2b-7c3d-8e4f-5a6b7c8d9e0f', kaz.token, csvOf(people(1, 'x')))).status,
    ).toBe(404);
    expect(
      (await api('GET', `/participant-imports/0192f0c4-7a2b-7c3d-8e4f-5a6b7c8d9e0f`, kaz.token)).body.code,
    ).toBe('IMPORT_NOT_FOUND');
    const large = await upload<Body>(kaz.id, kaz.token, Buffer.alloc(2 * 1024 * 1024 + 1, 0x41));
    expect(large).toMatchObject({ status: 413, body: { code: 'FILE_TOO_LARGE' } });
    const json = await upload<Body>(kaz.id, kaz.token, '{"rows":[]}', 'application/json');
    expect(json).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_FILE_TYPE' } });
    const template = await fetch(`${participants.url}/participant-imports/template.xlsx?lang=ar`, {
      headers: { authorization: `Bearer ${kaz.token}` },
    });
    expect(template.status).toBe(200);
    const back = await upload(kaz.id, kaz.token, Buffer.from(await template.arrayBuffer()), XLSX);
    expect(back.body.rows).toHaveLength(1);
    expect(back.body.rows[0].errors).toEqual([]);
  });
});
