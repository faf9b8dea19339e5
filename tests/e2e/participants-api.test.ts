import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  DelegationDetailsView,
  EventView,
  ParticipantDetailsView,
  ParticipantPageView,
  ParticipantSummaryView,
  RegisterParticipantDto,
} from '@plenary/contracts';
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

type Body = { code?: string; message?: string; errors?: Array<{ field: string }> };

/**
 * The participants service over real HTTP with the real store and broker, the events service
 * feeding it meetings: delegations, people, quotas, accreditation, check-in, reading and export,
 * who may do what, and the reactions to a cancelled or postponed meeting.
 */
describe('participants API', () => {
  const namespace = testNamespace('participants');
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const events = <T = EventView>(method: string, path: string, body?: unknown, token = admin) =>
    request<T>(method, `${apps.events.url}${path}`, { token, body });
  const api = <T = Body>(
    method: string,
    path: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => request<T>(method, `${apps.participants.url}${path}`, { token, body, headers });

  /** A meeting with open registration, known to the participants service. */
  async function openMeeting(quota = 3, parties = ['KAZ', 'AFG', 'TJK']): Promise<string> {
    const created = await events('POST', '/events', {
      title: `Consultation ${Math.random().toString(36).slice(2, 7)}`,
      kind: 'expert-consultation',
      startsAt: inDays(60),
      endsAt: inDays(60, 17),
      timeZone: 'Asia/Almaty',
      registration: { opensAt: inDays(-1), closesAt: inDays(50), quotaPerDelegation: quota },
      parties: parties.map((code) => ({ code, standings: ['member'] })),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await events('POST', `/events/${id}/announce`)).status).toBe(200);
    expect((await events('POST', `/events/${id}/open-registration`)).status).toBe(200);
    return id;
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

  const person = (
    given: string,
    family: string,
    overrides: Partial<RegisterParticipantDto> = {},
  ): RegisterParticipantDto =>
    ({
      name: { given, family },
      role: 'member',
      email: `${given}.${family}@example.org`.toLowerCase(),
      ...overrides,
    }) as RegisterParticipantDto;

  beforeAll(async () => {
    apps = await startApps(['events', 'participants'], { namespace });
    admin = await secretariat();
  });

  afterAll(stopAllApps);

  describe('delegations', () => {
    it('registers only while registration is open, and says why not', async () => {
      const draft = await events('POST', '/events', {
        title: 'Not yet open',
        kind: 'meeting',
        startsAt: inDays(30),
        endsAt: inDays(30, 17),
        timeZone: 'Asia/Almaty',
        registration: { opensAt: inDays(-1), closesAt: inDays(20), quotaPerDelegation: 3 },
        parties: [{ code: 'KAZ', standings: ['member'] }],
      });
      const eventId = draft.body.id;
      const kaz = await coordinator(eventId, 'KAZ');
      const register = () =>
        api('POST', `/events/${eventId}/delegations`, kaz, {
          party: 'KAZ',
          coordinator: { name: 'Focal point', email: 'f@kaz.example' },
        });
      await events('POST', `/events/${eventId}/announce`);
      const notYet = await eventually(async () => {
        const response = await register();
        expect(response.body.code).toBe('REGISTRATION_NOT_OPEN');
        return response;
      });
      expect(notYet.status).toBe(409);
      await events('POST', `/events/${eventId}/open-registration`);
      await events('POST', `/events/${eventId}/close-registration`);
      const closed = await eventually(async () => {
        const response = await register();
        expect(response.body.code).toBe('REGISTRATION_CLOSED');
        return response;
      });
      expect(closed.body.message).toContain('ask the secretariat');
      await events('POST', `/events/${eventId}/cancel`, { reason: 'No quorum' });
      await eventually(async () => expect((await register()).body.code).toBe('EVENT_CANCELLED'));
    });

    it('refuses a party that is not invited, a second delegation, and another party’s coordinator', async () => {
      const eventId = await openMeeting();
      const { token: kaz } = await delegation(eventId, 'KAZ');
      const again = await api('POST', `/events/${eventId}/delegations`, kaz, {
        party: 'KAZ',
        coordinator: { name: 'Someone else', email: 's@kaz.example' },
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        code: 'DELEGATION_EXISTS',
        message: expect.stringContaining('Kazakhstan already has a delegation'),
      });
      const tur = await api('POST', `/events/${eventId}/delegations`, admin, {
        party: 'TUR',
        coordinator: { name: 'Focal point', email: 'f@tur.example' },
      });
      expect(tur.body).toMatchObject({ code: 'PARTY_NOT_INVITED' });
      const forAfghanistan = await api('POST', `/events/${eventId}/delegations`, kaz, {
        party: 'AFG',
        coordinator: { name: 'Focal point', email: 'f@afg.example' },
      });
      expect(forAfghanistan.status).toBe(403);
      const list = await api<Array<{ party: { code: string } }>>(
        'GET',
        `/events/${eventId}/delegations`,
        admin,
      );
      expect(list.body.map((d) => d.party.code)).toEqual(['KAZ']);
    });

    it('moves through credentials received to accredited; the coordinator edits contact with If-Match', async () => {
      const eventId = await openMeeting();
      const { id, token } = await delegation(eventId, 'TJK');
      expect(
        (await api('PATCH', `/delegations/${id}`, token, { credentialsReference: 'Note No. 7' })).status,
      ).toBe(428);
      const edited = await api<DelegationDetailsView>(
        'PATCH',
        `/delegations/${id}`,
        token,
        { credentialsReference: 'Note No. 7' },
        { 'if-match': '"1"' },
      );
      expect(edited.body).toMatchObject({ version: 2, credentialsReference: 'Note No. 7' });
      expect((await api('POST', `/delegations/${id}/accredit`, admin)).body.code).toBe('INVALID_TRANSITION');
      expect((await api('POST', `/delegations/${id}/credentials-received`, token)).status).toBe(403);
      expect(
        (await api<DelegationDetailsView>('POST', `/delegations/${id}/credentials-received`, admin, {})).body
          .state,
      ).toBe('credentials-received');
      expect(
        (await api<DelegationDetailsView>('POST', `/delegations/${id}/accredit`, admin)).body.state,
      ).toBe('accredited');
      const seen = await api<Record<string, unknown>>('GET', `/delegations/${id}`, await observer());
      expect(seen.body.coordinator).toBeUndefined();
    });
  });

  describe('people', () => {
    it('registers names in both scripts; asks for the Latin form when missing', async () => {
      const eventId = await openMeeting();
      const { id, token } = await delegation(eventId, 'KAZ');
      const missing = await api(
        'POST',
        `/delegations/${id}/participants`,
        token,
        person('Айгерим', 'Нурланова'),
      );
      expect(missing.status).toBe(400);
      expect(missing.body.errors?.map((e) => e.field)).toEqual(['name.givenLatin', 'name.familyLatin']);
      const head = await api<ParticipantDetailsView>('POST', `/delegations/${id}/participants`, token, {
        name: { given: 'Даулет', family: 'Аргандыков', givenLatin: 'Daulet', familyLatin: 'Argandykov' },
        honorific: 'H.E. Mr.',
        position: 'Vice-Minister of Healthcare and Social Development',
        organization: 'Ministry of Healthcare and Social Development',
        role: 'head',
        email: 'd.argandykov@enbek.example',
        gender: 'male',
      });
      expect(head.status).toBe(201);
      expect(head.headers.get('etag')).toBe('"1"');
      expect(head.body).toMatchObject({
        state: 'pending',
        role: 'head',
        party: { code: 'KAZ' },
        name: { familyLatin: 'Argandykov' },
      });
    });

    it('keeps one head per delegation, the quota, and one delegation per person', async () => {
      const eventId = await openMeeting(2);
      const kaz = await delegation(eventId, 'KAZ');
      const afg = await delegation(eventId, 'AFG');
      const register = (d: { id: string; token: string }, body: RegisterParticipantDto) =>
        api('POST', `/delegations/${d.id}/participants`, d.token, body);
      expect((await register(kaz, person('Aigerim', 'Nurlanova', { role: 'head' }))).status).toBe(201);
      const secondHead = await register(kaz, person('Bolat', 'Seitkali', { role: 'head' }));
      expect(secondHead.body).toMatchObject({ code: 'HEAD_EXISTS' });
      const elsewhere = await register(
        afg,
        person('Aigerim', 'Nurlanova', { email: 'AIGERIM.nurlanova@EXAMPLE.org' }),
      );
      expect(elsewhere.status).toBe(409);
      // A coordinator learns the person is taken, not where: trying emails must not map who is registered where.
      expect(elsewhere.body).toMatchObject({
        code: 'PERSON_ALREADY_REGISTERED',
        message: expect.stringContaining('in another delegation'),
      });
      expect(elsewhere.body.message).not.toMatch(/Kazakhstan|KAZ|[0-9a-f]{8}-[0-9a-f]{4}/);
      // The secretariat, who may see every delegation, is told which one.
      const bySecretariat = await api(
        'POST',
        `/delegations/${afg.id}/participants`,
        admin,
        person('Aigerim', 'Nurlanova', { email: 'aigerim.nurlanova@example.org' }),
      );
      expect(bySecretariat.body).toMatchObject({
        code: 'PERSON_ALREADY_REGISTERED',
        message: expect.stringContaining('in the delegation of Kazakhstan'),
      });
      expect((await register(kaz, person('Bolat', 'Seitkali'))).status).toBe(201);
      const full = await register(kaz, person('Dana', 'Sultan'));
      expect(full.body).toMatchObject({ code: 'QUOTA_FULL', message: expect.stringContaining('quota 2') });
      // Nothing was left behind by the refusals: Afghanistan can still take the person Kazakhstan did not keep.
      expect((await register(afg, person('Dana', 'Sultan'))).status).toBe(201);
    });

    it('holds the quota when many registrations arrive at once', async () => {
      const eventId = await openMeeting(3);
      const tjk = await delegation(eventId, 'TJK');
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api('POST', `/delegations/${tjk.id}/participants`, tjk.token, person('Person', `Number${i}`)),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(3);
      expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'QUOTA_FULL')).toBe(true);
      const delegationNow = await api<DelegationDetailsView>('GET', `/delegations/${tjk.id}`, tjk.token);
      expect(delegationNow.body.seats).toMatchObject({ taken: 3, quota: 3 });
    });

    it('lets a coordinator touch only their own people; a refusal changes nothing', async () => {
      const eventId = await openMeeting();
      const kaz = await delegation(eventId, 'KAZ');
      const afg = await delegation(eventId, 'AFG');
      const mine = await api<ParticipantDetailsView>(
        'POST',
        `/delegations/${kaz.id}/participants`,
        kaz.token,
        person('Aigerim', 'Nurlanova'),
      );
      expect(
        (await api('POST', `/delegations/${kaz.id}/participants`, afg.token, person('Farid', 'Ahmadi')))
          .status,
      ).toBe(403);
      expect(
        (
          await api(
            'PATCH',
            `/participants/${mine.body.id}`,
            afg.token,
            { position: 'Hijacked' },
            { 'if-match': '"1"' },
          )
        ).status,
      ).toBe(403);
      expect((await api('POST', `/participants/${mine.body.id}/withdraw`, afg.token)).status).toBe(403);
      const other = await coordinator('00000000-0000-7000-8000-000000000000', 'KAZ');
      expect((await api('POST', `/participants/${mine.body.id}/withdraw`, other)).status).toBe(403);
      const unchanged = await api<ParticipantDetailsView>('GET', `/participants/${mine.body.id}`, kaz.token);
      expect(unchanged.body).toMatchObject({ version: 1, state: 'pending' });
      expect(unchanged.body.position).toBeUndefined();
      // The other party sees the public fields only.
      const seenByAfg = await api<Record<string, unknown>>('GET', `/participants/${mine.body.id}`, afg.token);
      expect(seenByAfg.body.email).toBeUndefined();
      expect(seenByAfg.body.name).toEqual(mine.body.name);
    });
  });

  describe('accreditation and check-in', () => {
    it('accredits with badges unique in the meeting, rejects with a reason, withdraws, reinstates, checks in once', async () => {
      const eventId = await openMeeting(2);
      const kaz = await delegation(eventId, 'KAZ');
      const afg = await delegation(eventId, 'AFG');
      const a = await api<ParticipantDetailsView>(
        'POST',
        `/delegations/${kaz.id}/participants`,
        kaz.token,
        person('Aigerim', 'Nurlanova'),
      );
      const b = await api<ParticipantDetailsView>(
        'POST',
        `/delegations/${kaz.id}/participants`,
        kaz.token,
        person('Bolat', 'Seitkali'),
      );
      const c = await api<ParticipantDetailsView>(
        'POST',
        `/delegations/${afg.id}/participants`,
        afg.token,
        person('Farid', 'Ahmadi'),
      );
      expect((await api('POST', `/participants/${a.body.id}/accredit`, kaz.token)).status).toBe(403);
      const badges = [];
      for (const p of [a, c]) {
        const accredited = await api<ParticipantDetailsView>(
          'POST',
          `/participants/${p.body.id}/accredit`,
          admin,
        );
        expect(accredited.body.state).toBe('accredited');
        badges.push(accredited.body.badgeNumber);
      }
      expect(badges).toEqual(['0001', '0002']);

      expect((await api('POST', `/participants/${b.body.id}/check-in`, admin)).body.code).toBe(
        'NOT_ACCREDITED',
      );
      const first = await api<ParticipantDetailsView>('POST', `/participants/${a.body.id}/check-in`, admin);
      const second = await api<ParticipantDetailsView>('POST', `/participants/${a.body.id}/check-in`, admin);
      expect(first.body.checkedInAt).toBeDefined();
      expect(second.body).toMatchObject({ checkedInAt: first.body.checkedInAt, version: first.body.version });

      const rejected = await api<ParticipantDetailsView>('POST', `/participants/${b.body.id}/reject`, admin, {
        reason: 'No credentials for this person',
      });
      expect(rejected.body).toMatchObject({
        state: 'rejected',
        rejectionReason: 'No credentials for this person',
      });
      // The rejection freed a place.
      const d = await api<ParticipantDetailsView>(
        'POST',
        `/delegations/${kaz.id}/participants`,
        kaz.token,
        person('Dana', 'Sultan'),
      );
      expect(d.status).toBe(201);
      expect((await api('POST', `/participants/${b.body.id}/reinstate`, kaz.token)).status).toBe(409);
      expect((await api('POST', `/participants/${d.body.id}/withdraw`, kaz.token)).status).toBe(200);
      const reinstated = await api<ParticipantDetailsView>(
        'POST',
        `/participants/${b.body.id}/reinstate`,
        admin,
      );
      expect(reinstated.body).toMatchObject({ state: 'pending' });
      expect(reinstated.body.rejectionReason).toBeUndefined();
      // Full again: the withdrawn one cannot come back.
      expect((await api('POST', `/participants/${d.body.id}/reinstate`, kaz.token)).body.code).toBe(
        'QUOTA_FULL',
      );
    });
  });

  describe('reading and exporting', () => {
    let eventId: string;

    beforeAll(async () => {
      eventId = await openMeeting(5);
      const kaz = await delegation(eventId, 'KAZ');
      const afg = await delegation(eventId, 'AFG');
      const add = (d: { id: string; token: string }, body: RegisterParticipantDto) =>
        api<ParticipantDetailsView>('POST', `/delegations/${d.id}/participants`, d.token, body);
      const head = await add(kaz, {
        name: { given: 'Даулет', family: 'Аргандыков', givenLatin: 'Daulet', familyLatin: 'Argandykov' },
        role: 'head',
        email: 'd.argandykov@enbek.example',
        gender: 'male',
        accessibilityNeeds: 'Step-free access',
      } as RegisterParticipantDto);
      await add(kaz, person('Aigerim', 'Nurlanova', { role: 'adviser', gender: 'female' }));
      await add(
        kaz,
        person('=HYPERLINK("http://evil.example")', 'Injection', { email: 'formula@example.org' }),
      );
      await add(afg, {
        name: { given: 'فرید', family: 'احمدی', givenLatin: 'Farid', familyLatin: 'Ahmadi' },
        role: 'head',
        email: 'f.ahmadi@mfa.af.example',
        gender: 'male',
      } as RegisterParticipantDto);
      await api('POST', `/participants/${head.body.id}/accredit`, admin);
      await api('POST', `/participants/${head.body.id}/check-in`, admin);
    });

    const names = (page: ParticipantPageView) => page.items.map((p) => p.name.familyLatin);

    it('lists by party and name, filters, searches either script, pages with a cursor', async () => {
      const all = await api<ParticipantPageView>('GET', `/events/${eventId}/participants`, admin);
      expect(names(all.body)).toEqual(['Ahmadi', 'Argandykov', 'Injection', 'Nurlanova']);
      expect(
        names(
          (
            await api<ParticipantPageView>(
              'GET',
              `/events/${eventId}/participants?party=KAZ&role=head`,
              admin,
            )
          ).body,
        ),
      ).toEqual(['Argandykov']);
      expect(
        names(
          (await api<ParticipantPageView>('GET', `/events/${eventId}/participants?state=accredited`, admin))
            .body,
        ),
      ).toEqual(['Argandykov']);
      expect(
        names(
          (
            await api<ParticipantPageView>(
              'GET',
              `/events/${eventId}/participants?q=${encodeURIComponent('Даул')}`,
              admin,
            )
          ).body,
        ),
      ).toEqual(['Argandykov']);
      expect(
        names(
          (
            await api<ParticipantPageView>(
              'GET',
              `/events/${eventId}/participants?q=${encodeURIComponent('فرید')}`,
              admin,
            )
          ).body,
        ),
      ).toEqual(['Ahmadi']);
      expect(
        names(
          (await api<ParticipantPageView>('GET', `/events/${eventId}/participants?q=aige%20NURL`, admin))
            .body,
        ),
      ).toEqual(['Nurlanova']);
      const page1 = await api<ParticipantPageView>('GET', `/events/${eventId}/participants?limit=3`, admin);
      const page2 = await api<ParticipantPageView>(
        'GET',
        `/events/${eventId}/participants?limit=3&cursor=${page1.body.nextCursor}`,
        admin,
      );
      expect([...names(page1.body), ...names(page2.body)]).toEqual(names(all.body));
      expect(page2.body.nextCursor).toBeNull();
    });

    it('shows observers the public list only', async () => {
      const seen = await api<ParticipantPageView>('GET', `/events/${eventId}/participants`, await observer());
      expect(seen.body.items).toHaveLength(4);
      for (const item of seen.body.items) {
        expect(Object.keys(item).sort()).toEqual(
          expect.not.arrayContaining(['email', 'gender', 'accessibilityNeeds', 'state', 'badgeNumber']),
        );
      }
    });

    it('counts by party, role, state and gender', async () => {
      // Kept from the participant messages: it follows the changes within moments.
      await eventually(async () => {
        const summary = await api<ParticipantSummaryView>(
          'GET',
          `/events/${eventId}/participants/summary`,
          admin,
        );
        expect(summary.body).toMatchObject({
          total: 4,
          byState: { accredited: 1, pending: 3 },
          byRole: { head: 2, adviser: 1, member: 1 },
          byGender: { male: 2, female: 1, unknown: 1 },
          checkedIn: 1,
        });
        expect(summary.body.byParty.map((p) => [p.party.code, p.total])).toEqual([
          ['AFG', 1],
          ['KAZ', 3],
        ]);
      });
    });

    it('exports CSV that Excel opens with Cyrillic names, with formulas neutralised', async () => {
      const response = await fetch(`${apps.participants.url}/events/${eventId}/participants.csv`, {
        headers: { authorization: `Bearer ${admin}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toMatch(/^Party,Party code,Role/);
      expect(lines).toContainEqual(
        expect.stringContaining('Kazakhstan,KAZ,head,,Даулет,Аргандыков,Daulet,Argandykov'),
      );
      const injected = lines.find((l) => l.includes('Injection'))!;
      expect(injected).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
      const afg = await coordinator(eventId, 'AFG');
      const own = await (
        await fetch(`${apps.participants.url}/events/${eventId}/participants.csv`, {
          headers: { authorization: `Bearer ${afg}` },
        })
      ).text();
      expect(own.split('\r\n').filter(Boolean)).toHaveLength(2);
      expect(
        (
          await fetch(`${apps.participants.url}/events/${eventId}/participants.csv`, {
            headers: { authorization: `Bearer ${await observer()}` },
          })
        ).status,
      ).toBe(403);
    });
  });

  describe('when things change', () => {
    it('withdraws a delegation’s people with it', async () => {
      const eventId = await openMeeting();
      const kaz = await delegation(eventId, 'KAZ');
      const a = await api<ParticipantDetailsView>(
        'POST',
        `/delegations/${kaz.id}/participants`,
        kaz.token,
        person('Aigerim', 'Nurlanova'),
      );
      const withdrawn = await api<{ state: string }>('POST', `/delegations/${kaz.id}/withdraw`, kaz.token, {
        reason: 'The minister cannot travel',
      });
      expect(withdrawn.body.state).toBe('withdrawn');
      await eventually(async () =>
        expect(
          (await api<ParticipantDetailsView>('GET', `/participants/${a.body.id}`, admin)).body.state,
        ).toBe('withdrawn'),
      );
      expect(
        (await api('POST', `/delegations/${kaz.id}/participants`, kaz.token, person('Bolat', 'Seitkali')))
          .body.code,
      ).toBe('DELEGATION_INACTIVE');
    });

    it('cancels delegations of a cancelled meeting and gives those of a postponed one a notice, in messages', async () => {
      const cancelledMeeting = await openMeeting();
      const kaz = await delegation(cancelledMeeting, 'KAZ');
      await events('POST', `/events/${cancelledMeeting}/cancel`, {
        reason: 'The host withdrew its invitation',
      });
      await eventually(async () => {
        const d = await api<DelegationDetailsView>('GET', `/delegations/${kaz.id}`, admin);
        expect(d.body).toMatchObject({
          state: 'cancelled',
          notice: 'The meeting was cancelled: The host withdrew its invitation',
        });
      });

      const postponedMeeting = await openMeeting();
      const afg = await delegation(postponedMeeting, 'AFG');
      await events('POST', `/events/${postponedMeeting}/postpone`, {
        startsAt: inDays(90),
        endsAt: inDays(90, 17),
      });
      await eventually(async () => {
        const d = await api<DelegationDetailsView>('GET', `/delegations/${afg.id}`, admin);
        expect(d.body).toMatchObject({
          state: 'registered',
          notice: expect.stringMatching(
            /^The meeting was postponed to .* \(Asia\/Almaty\); this delegation stays registered\.$/,
          ),
        });
      });

      const messages = await eventually(async () => {
        const found = (await new TestKafka().readAll(`${namespace}.plenary.participants`)).filter(
          (m) =>
            m.headers.ce_type === 'delegation.updated' &&
            [cancelledMeeting, postponedMeeting].includes(m.key!),
        );
        expect(found).toHaveLength(2);
        return found;
      });
      const states = messages.map((m) => JSON.parse(m.value!).delegation.state).sort();
      expect(states).toEqual(['cancelled', 'registered']);
    });

    it('publishes people without email, gender or accessibility needs', async () => {
      const eventId = await openMeeting();
      const kaz = await delegation(eventId, 'KAZ');
      await api(
        'POST',
        `/delegations/${kaz.id}/participants`,
        kaz.token,
        person('Secret', 'Person', {
          gender: 'female',
          accessibilityNeeds: 'Wheelchair',
          email: 'secret.person@example.org',
        }),
      );
      const published = await eventually(async () => {
        const found = (await new TestKafka().readAll(`${namespace}.plenary.participants`)).filter(
          (m) => m.key === eventId && m.headers.ce_type === 'participant.registered',
        );
        expect(found).toHaveLength(1);
        return found[0];
      });
      expect(published.value).not.toMatch(/secret\.person@example\.org|female|Wheelchair/);
      expect(JSON.parse(published.value!).participant).toMatchObject({
        name: { familyLatin: 'Person' },
        state: 'pending',
      });
    });
  });
});
