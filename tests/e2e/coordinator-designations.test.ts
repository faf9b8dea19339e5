import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CoordinatorDesignationListView,
  CoordinatorDesignationView,
  EventView,
  MyCoordinationsView,
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
import { signedInToken } from '../support/signed-in-tokens.js';
import { secretariat } from '../support/tokens.js';

type Body = { code?: string; message?: string; errors?: Array<{ field: string; messages: string[] }> };

/**
 * Coordinators who sign in with an identity provider: the secretariat designates a party's
 * coordinator for a meeting by email, and a person signed in with that email, verified, acts for
 * the party there (their token names no meeting or party) until the designation is revoked.
 * Real services, store and broker.
 */
describe('coordinator designations', () => {
  const namespace = testNamespace('coordinators');
  let apps: Record<AppName, ServiceProcess>;
  let admin: string;

  const inDays = (days: number, hour = 9) => {
    const date = new Date(Date.now() + days * 86_400_000);
    date.setUTCHours(hour, 0, 0, 0);
    return date.toISOString();
  };
  const events = <T = EventView>(method: string, path: string, body?: unknown) =>
    request<T>(method, `${apps.events.url}${path}`, { token: admin, body });
  const api = <T = Body>(method: string, path: string, token: string, body?: unknown) =>
    request<T>(method, `${apps.participants.url}${path}`, { token, body });
  const designate = (eventId: string, body: Record<string, unknown>) =>
    api<CoordinatorDesignationView & Body>('POST', `/events/${eventId}/coordinators`, admin, body);

  let sequence = 0;
  const unique = () => `${Date.now().toString(36)}${++sequence}`;

  /** A meeting with open registration; resolves once the participants service knows it. */
  async function openMeeting(quota = 4): Promise<{ id: string; opensAt: string; closesAt: string }> {
    const window = { opensAt: inDays(-1), closesAt: inDays(50) };
    const created = await events('POST', '/events', {
      title: `Consultation ${unique()}`,
      kind: 'expert-consultation',
      startsAt: inDays(60, 4),
      endsAt: inDays(60, 12),
      timeZone: 'Asia/Almaty',
      registration: { ...window, quotaPerDelegation: quota },
      parties: ['KAZ', 'KGZ', 'TJK'].map((code) => ({ code, standings: ['member'] })),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await events('POST', `/events/${id}/announce`)).status).toBe(200);
    expect((await events('POST', `/events/${id}/open-registration`)).status).toBe(200);
    await eventually(async () => {
      const r = await api<{ state: string }[]>('GET', `/events/${id}/delegations`, admin);
      expect(r.status).toBe(200);
      const list = await api<CoordinatorDesignationListView>('GET', `/events/${id}/coordinators`, admin);
      expect(list.status).toBe(200);
      // Known and open: a designation for an invited party is accepted from here on.
      const probe = await designate(id, { party: 'TJK', email: `probe.${unique()}@tjk.example` });
      expect(probe.status).toBe(201);
    });
    return { id, ...window };
  }

  const delegationBody = (party: string) => ({
    party,
    coordinator: { name: `Focal point of ${party}`, email: `focal@${party.toLowerCase()}.example` },
  });
  const personBody = (family: string) => ({
    name: { given: 'Daulet', family },
    role: 'member',
    email: `${family.toLowerCase()}.${unique()}@mfa.kz`,
  });

  beforeAll(async () => {
    apps = await startApps(['events', 'participants'], { namespace });
    admin = await secretariat();
  });

  afterAll(stopAllApps);

  it('lets the designated person, signed in with that verified email, register the delegation and its people', async () => {
    const meeting = await openMeeting();
    const email = `aigerim.${unique()}@mfa.kz`;
    const created = await designate(meeting.id, {
      party: 'KAZ',
      email: `  ${email.toUpperCase()} `,
      name: 'Aigerim Nurlanovna',
      language: 'ru',
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/coordinators/${created.body.id}`);
    expect(created.body).toEqual({
      id: expect.any(String),
      eventId: meeting.id,
      party: 'KAZ',
      email,
      name: 'Aigerim Nurlanovna',
      language: 'ru',
      state: 'active',
      designatedAt: expect.any(String),
      designatedBy: 'secretariat-1',
    });

    const person = await signedInToken({ subject: `kc-${unique()}`, email, emailVerified: true });
    const delegation = await api<{ id: string; coordinator?: unknown }>(
      'POST',
      `/events/${meeting.id}/delegations`,
      person,
      delegationBody('KAZ'),
    );
    expect(delegation.status).toBe(201);
    const participant = await api<{ id: string; email?: string }>(
      'POST',
      `/delegations/${delegation.body.id}/participants`,
      person,
      personBody('Argandykov'),
    );
    expect(participant.status).toBe(201);

    // Withdrawing and reinstating their people is theirs too.
    for (const action of ['withdraw', 'reinstate']) {
      const r = await api('POST', `/participants/${participant.body.id}/${action}`, person);
      expect([action, r.status]).toEqual([action, 200]);
    }

    // "My delegation": their party's details, as a token-bound coordinator sees them; not another party's.
    await api('POST', `/events/${meeting.id}/delegations`, admin, delegationBody('KGZ'));
    const delegations = await api<Array<{ party: { code: string }; coordinator?: unknown }>>(
      'GET',
      `/events/${meeting.id}/delegations`,
      person,
    );
    expect(delegations.body.map((d) => [d.party.code, d.coordinator !== undefined])).toEqual([
      ['KAZ', true],
      ['KGZ', false],
    ]);
    const people = await api<{ items: Array<{ email?: string }> }>(
      'GET',
      `/events/${meeting.id}/participants`,
      person,
    );
    expect(people.body.items).toEqual([expect.objectContaining({ email: participant.body.email })]);

    // But not for a party they were not designated for.
    const other = await api('POST', `/events/${meeting.id}/delegations`, person, delegationBody('TJK'));
    expect(other.status).toBe(403);
    expect(other.body.message).toContain(`You (${email}) are not designated as the coordinator of TJK`);

    const mine = await api<MyCoordinationsView>('GET', '/me/coordinations', person);
    expect(mine.status).toBe(200);
    expect(mine.body).toEqual({
      emailVerified: true,
      items: [
        {
          ...created.body,
          partyName: 'Kazakhstan',
          delegationId: delegation.body.id,
          event: {
            id: meeting.id,
            title: expect.stringMatching(/^Consultation /),
            startsAt: inDays(60, 4),
            endsAt: inDays(60, 12),
            timeZone: 'Asia/Almaty',
            state: 'registration-open',
            registration: { opensAt: meeting.opensAt, closesAt: meeting.closesAt, quotaPerDelegation: 4 },
          },
        },
      ],
    });
  });

  it('refuses an unverified email and another email with a 403 that says why', async () => {
    const meeting = await openMeeting();
    const email = `focal.${unique()}@mfa.kg`;
    expect((await designate(meeting.id, { party: 'KGZ', email })).status).toBe(201);

    const unverified = await signedInToken({ subject: `kc-${unique()}`, email, emailVerified: false });
    const refused = await api('POST', `/events/${meeting.id}/delegations`, unverified, delegationBody('KGZ'));
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain(
      `Your identity provider has not verified your email address (${email})`,
    );
    const none = await api<MyCoordinationsView>('GET', '/me/coordinations', unverified);
    expect(none.body).toEqual({
      items: [],
      emailVerified: false,
      notice: expect.stringContaining('not verified'),
    });

    const stranger = await signedInToken({
      subject: `kc-${unique()}`,
      email: `someone.else.${unique()}@mfa.kg`,
      emailVerified: true,
    });
    const strange = await api('POST', `/events/${meeting.id}/delegations`, stranger, delegationBody('KGZ'));
    expect(strange.status).toBe(403);
    expect(strange.body).toMatchObject({
      code: 'NOT_YOUR_DELEGATION',
      message: expect.stringContaining('not designated as the coordinator of KGZ'),
    });
    // Refused before anything changed.
    const delegations = await api<unknown[]>('GET', `/events/${meeting.id}/delegations`, admin);
    expect(delegations.body).toEqual([]);
  });

  it('stops access with the next request once revoked, and announces both on the participants topic', async () => {
    const meeting = await openMeeting();
    const email = `revoked.${unique()}@mfa.tj`;
    const designation = await designate(meeting.id, { party: 'TJK', email, name: 'Rustam Nazarov' });
    expect(designation.status).toBe(201);
    const person = await signedInToken({ subject: `kc-${unique()}`, email, emailVerified: true });
    const delegation = await api<{ id: string }>(
      'POST',
      `/events/${meeting.id}/delegations`,
      person,
      delegationBody('TJK'),
    );
    expect(delegation.status).toBe(201);

    const revoked = await api<CoordinatorDesignationView>(
      'POST',
      `/coordinators/${designation.body.id}/revoke`,
      admin,
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      state: 'revoked',
      revokedBy: 'secretariat-1',
      revokedAt: expect.any(String),
    });
    const again = await api<CoordinatorDesignationView>(
      'POST',
      `/coordinators/${designation.body.id}/revoke`,
      admin,
    );
    expect([again.status, again.body]).toEqual([200, revoked.body]);

    const refused = await api(
      'POST',
      `/delegations/${delegation.body.id}/participants`,
      person,
      personBody('Nazarov'),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('or the designation was revoked');
    expect((await api<MyCoordinationsView>('GET', '/me/coordinations', person)).body.items).toEqual([]);
    const listed = await api<CoordinatorDesignationListView>(
      'GET',
      `/events/${meeting.id}/coordinators?party=TJK`,
      admin,
    );
    expect(listed.body.items.filter((d) => d.email === email).map((d) => d.state)).toEqual(['revoked']);

    // The same person can be designated again: the revoked one no longer holds the rule's key.
    expect((await designate(meeting.id, { party: 'TJK', email })).status).toBe(201);

    const messages = await eventually(async () => {
      const found = (await new TestKafka().readAll(`${namespace}.plenary.participants`)).filter(
        (m) => m.headers.ce_subject === `coordinators/${designation.body.id}`,
      );
      expect(found.map((m) => m.headers.ce_type)).toEqual(['coordinator.designated', 'coordinator.revoked']);
      return found;
    });
    for (const message of messages) {
      expect(message.key).toBe(meeting.id);
      expect(message.value).not.toContain(email);
      expect(message.value).not.toContain('@');
    }
    expect(JSON.parse(messages[1].value!)).toEqual({
      designation: {
        id: designation.body.id,
        eventId: meeting.id,
        party: 'TJK',
        name: 'Rustam Nazarov',
        state: 'revoked',
        designatedAt: designation.body.designatedAt,
        revokedAt: revoked.body.revokedAt,
      },
    });
  });

  it('accepts exactly one of two identical designations sent at once', async () => {
    const meeting = await openMeeting();
    const body = { party: 'KAZ', email: `twice.${unique()}@mfa.kz` };
    const answers = await Promise.all([designate(meeting.id, body), designate(meeting.id, body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)!.body).toMatchObject({
      code: 'COORDINATOR_ALREADY_DESIGNATED',
      message: `${body.email} is already designated as a coordinator of KAZ at "${(await events('GET', `/events/${meeting.id}`)).body.title}".`,
    });
    const listed = await api<CoordinatorDesignationListView>(
      'GET',
      `/events/${meeting.id}/coordinators?party=KAZ`,
      admin,
    );
    expect(listed.body.items.filter((d) => d.email === body.email)).toHaveLength(1);
    // A party may have more than one coordinator.
    expect((await designate(meeting.id, { party: 'KAZ', email: `second.${unique()}@mfa.kz` })).status).toBe(
      201,
    );
  });

  it('refuses bad input per field, an unknown meeting and a party not invited, in plain words', async () => {
    const meeting = await openMeeting();
    const bad = await designate(meeting.id, { party: 'KAZ', email: 'not an email', language: 'kk' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['email', 'language']);

    const unknown = await designate('0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a', {
      party: 'KAZ',
      email: 'a@b.kz',
    });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'EVENT_NOT_FOUND']);

    const uninvited = await designate(meeting.id, { party: 'AFG', email: 'a@b.af' });
    expect([uninvited.status, uninvited.body.code]).toEqual([409, 'PARTY_NOT_INVITED']);
    expect(uninvited.body.message).toContain('AFG is not among the parties invited');

    const coordinatorToken = await signedInToken({ subject: 'kc-x', email: 'a@b.kz', emailVerified: true });
    expect(
      (
        await api('POST', `/events/${meeting.id}/coordinators`, coordinatorToken, {
          party: 'KAZ',
          email: 'a@b.kz',
        })
      ).status,
    ).toBe(403);
  });
});
